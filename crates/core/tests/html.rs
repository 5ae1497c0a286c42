//! HTML pages in: hostile and broken pages never fail or panic, encodings decode, and the seed
//! article rendered as a page gives the same analysis as its text.

use byline_core::{Article, Parser, Role, WarningKind};

fn parse(page: &[u8]) -> Article {
    let parser = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let a = parser.parse_html(page, None, None).unwrap();
    for p in &a.paragraphs {
        assert!(p.span.get(&a.text).is_some(), "paragraph span off a char boundary");
    }
    a
}

fn body(a: &Article) -> Vec<&str> {
    a.paragraphs.iter().filter(|p| p.role == Role::Body).map(|p| p.span.as_str(&a.text)).collect()
}

const STORY: &str =
    "<p>The council voted on Monday to reopen the old bridge, officials said, after a year of repairs.</p>";

#[test]
fn deep_nesting() {
    let page = format!("<html><body>{}{STORY}{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
    let a = parse(page.as_bytes());
    assert_eq!(
        body(&a),
        ["The council voted on Monday to reopen the old bridge, officials said, after a year of repairs."]
    );
    // Unclosed, and closed by the wrong tags.
    let page = format!("<body>{}{STORY}{}", "<div><span><b>".repeat(30_000), "</i></em>".repeat(30_000));
    assert_eq!(body(&parse(page.as_bytes())).len(), 1);
}

#[test]
fn unclosed_and_misnested_tags() {
    let page = b"<html><body><div class=story><h1>Bridge Reopens</h1><p>The council voted on Monday to reopen <b>the old <i>bridge</b>, \
        officials</i> said.<p>Work took a year, and cost more than planned, the mayor said<li>one<li>two<div>tail, with more words here";
    let a = parse(page);
    let b = body(&a);
    assert_eq!(b[0], "The council voted on Monday to reopen the old bridge, officials said.");
    assert_eq!(b[1], "Work took a year, and cost more than planned, the mayor said");
}

#[test]
fn huge_script_and_entities() {
    let script = "var x = '<p>not text</p>';\n".repeat(20 * 1024 * 1024 / 26);
    let page = format!("<html><head><script>{script}</script></head><body><article>{STORY}</article></body></html>");
    assert!(page.len() > 20_000_000);
    let a = parse(page.as_bytes());
    assert_eq!(body(&a).len(), 1);
    assert!(!a.text.contains("not text"));

    let entities = "&amp;&#8217;&eacute;&#x201C; ".repeat(1024 * 1024 / 30);
    let page = format!("<body><article><p>{entities}</p>{STORY}</article></body>");
    let a = parse(page.as_bytes());
    let first = a.paragraphs.iter().find(|p| p.span.as_str(&a.text).starts_with('&')).unwrap();
    assert!(first.span.as_str(&a.text).starts_with("&’é“ &’é“ "));
}

#[test]
fn not_html_and_no_article() {
    let a = parse(b"Bridge Reopens\n\nThe council voted on Monday to reopen the old bridge.");
    assert_eq!(a.title.as_deref(), Some("Bridge Reopens"));
    assert!(a.warnings.iter().any(|w| w.kind == WarningKind::SuspiciousContent));

    let a = parse(b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav><div class=cookie-banner>We use cookies</div></body></html>");
    assert_eq!(a.text, "");
    assert!(a.paragraphs.is_empty());
    assert!(a.warnings.iter().any(|w| w.kind == WarningKind::NoArticle));
    assert_eq!(parse(b"").text, "");
}

#[test]
fn latin1_and_windows_1252() {
    let page = b"<html><head><meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'></head>\
        <body><article><p>The caf\xe9 on the square reopened on Monday, its owner said, after the \x93long\x94 winter.</p></article></body></html>";
    let a = parse(page);
    assert_eq!(body(&a), ["The café on the square reopened on Monday, its owner said, after the “long” winter."]);
    assert_eq!(a.source.as_ref().unwrap().encoding.as_deref(), Some("windows-1252"));
    // No declaration at all: a guess.
    let page = b"<html><body><article><p>Na pra\xe7a, o caf\xe9 reabriu na segunda-feira, disse o dono, depois de um inverno longo.</p></article></body></html>";
    assert!(body(&parse(page))[0].contains("praça"));
}

#[test]
fn seed_as_a_page() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/000_b329b9e3f58bd74f.txt");
    let seed = std::fs::read_to_string(path).unwrap();
    let seed = seed.trim_end();
    let mut paras = seed.split("\n\n");
    let title = paras.next().unwrap();
    let mut page = format!(
        "<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{} | The Daily Example</title></head><body>\
         <header><nav><a href=/>Home</a> <a href=/world>World</a></nav></header><main><article><h1>{}</h1>",
        escape(title),
        escape(title)
    );
    for p in paras {
        page.push_str(&format!("<p>{}</p>\n", escape(p)));
    }
    page.push_str("</article></main><footer><a href=/about>About us</a></footer></body></html>");

    let parser = Parser::new();
    let date = byline_core::parse_date("2023-02-25").ok();
    let from_text = parser.parse(seed, date).unwrap();
    let from_page = parser.parse_html(page.as_bytes(), None, date).unwrap();
    // A reader sees a no-break space as a space.
    let seen = |s: &str| s.replace('\u{a0}', " ");
    assert_eq!(from_page.text, seen(seed));
    let quotes = |a: &Article| {
        a.quotes
            .iter()
            .map(|q| (q.kind, seen(q.span.as_str(&a.text)), q.speaker.as_ref().and_then(|s| s.name.clone())))
            .collect::<Vec<_>>()
    };
    let entities = |a: &Article| {
        a.entities
            .iter()
            .map(|e| {
                (e.label, seen(&e.name), e.mentions.iter().map(|m| seen(m.span.as_str(&a.text))).collect::<Vec<_>>())
            })
            .collect::<Vec<_>>()
    };
    assert!(!from_text.quotes.is_empty() && !from_text.entities.is_empty());
    assert_eq!(quotes(&from_page), quotes(&from_text));
    assert_eq!(entities(&from_page), entities(&from_text));
    assert_eq!(from_page.title, from_text.title);
}

/// HTML-escapes text the way a content system might: markup characters and every non-ASCII
/// character as a character reference.
fn escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '’' => out.push_str("&rsquo;"),
            c if !c.is_ascii() => out.push_str(&format!("&#{};", c as u32)),
            c => out.push(c),
        }
    }
    out
}
