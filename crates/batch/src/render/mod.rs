//! An article drawn as HTML for people: quotes highlighted and linked to their speakers, cues
//! marked, entity mentions coloured by label, and a legend that says what the colours mean.
//! One renderer serves `byline parse --render` ([`page`], a standalone document) and Python's
//! `Article._repr_html_` ([`fragment`], for a notebook).
//!
//! The output is self-contained (no scripts, no external files) and every piece of the input is
//! escaped. The colours are translucent, so marked text keeps the colour around it: the same
//! HTML reads in light and dark themes.
//!
//! ```
//! use byline_core::Parser;
//!
//! let article = Parser::new().parse("Storm <Hits> Coast\n\n\u{201c}It is bad,\u{201d} said Ann Lee.", None)?;
//! let page = byline_batch::render::page(&article);
//! assert!(page.starts_with("<!doctype html>"));
//! assert!(page.contains("Storm &lt;Hits&gt; Coast") && !page.contains("<Hits>"));
//! assert!(page.contains(r#"data-q="q1""#)); // the quote, linked to Ann Lee
//! # Ok::<(), byline_core::Error>(())
//! ```

mod marks;

use std::fmt::Write as _;
use std::sync::atomic::{AtomicU64, Ordering};

use byline_core::{Article, Label, QuoteKind, Role};

use marks::Marks;

/// The fragment's style sheet, scoped to `.byline-article`.
const STYLE: &str = include_str!("style.css");
/// The standalone page's own colours: light, or dark when the reader's system prefers it.
const PAGE_STYLE: &str = include_str!("page.css");

/// The article as a `<div>` with its own style sheet, as Jupyter shows it. Each call gets
/// fresh element ids, so several articles can share a notebook page.
pub fn fragment(article: &Article) -> String {
    static RENDERED: AtomicU64 = AtomicU64::new(0);
    let n = RENDERED.fetch_add(1, Ordering::Relaxed) + 1;
    let mut out = format!(r#"<div class="byline-article" id="byline{n}"><style>{STYLE}</style>"#);
    body(article, &format!("byline{n}"), &mut out);
    out.push_str("</div>");
    out
}

/// The article as a standalone HTML document: what `byline parse FILE --render page.html`
/// writes. It follows the reader's light or dark system theme. The same article always gives
/// the same bytes.
pub fn page(article: &Article) -> String {
    let title = article.title.as_deref().or(article.id.as_deref()).unwrap_or("Article");
    let mut out = String::with_capacity(article.text.len() * 3 + 8192);
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<meta name=\"generator\" content=\"byline {}\">", env!("CARGO_PKG_VERSION"));
    let _ = writeln!(out, "<title>{}</title>", escape(title));
    let _ = writeln!(out, "<style>\n{PAGE_STYLE}{STYLE}</style>\n</head>\n<body>");
    out.push_str(r#"<div class="byline-article" id="byline">"#);
    body(article, "byline", &mut out);
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

/// Background colours by label: translucent, so they work on white and on dark backgrounds.
fn colour(label: Label) -> &'static str {
    match label {
        Label::Person => "rgba(66, 133, 244, 0.28)",
        Label::Org => "rgba(255, 152, 0, 0.30)",
        Label::Gpe => "rgba(52, 168, 83, 0.30)",
        Label::Loc => "rgba(0, 172, 193, 0.28)",
        Label::Norp => "rgba(171, 71, 188, 0.28)",
        Label::Fac => "rgba(141, 110, 99, 0.32)",
        Label::Event => "rgba(233, 30, 99, 0.25)",
        Label::Product => "rgba(205, 220, 57, 0.35)",
        Label::WorkOfArt => "rgba(255, 87, 34, 0.25)",
        Label::Law => "rgba(120, 144, 156, 0.35)",
    }
}

/// The quote kinds, as the legend explains them.
const QUOTE_KINDS: [(QuoteKind, &str); 3] = [
    (QuoteKind::Direct, "a quotation in marks"),
    (QuoteKind::Mixed, "a reported clause with a quoted fragment"),
    (QuoteKind::Indirect, "a reported clause without marks"),
];

fn kind_name(kind: QuoteKind) -> &'static str {
    match kind {
        QuoteKind::Direct => "direct",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Indirect => "indirect",
    }
}

/// The heading, the meta line, the legend and the paragraphs; `prefix` makes element ids unique.
fn body(article: &Article, prefix: &str, out: &mut String) {
    let head = article.title.as_deref().or(article.id.as_deref()).unwrap_or("Article");
    let _ = write!(out, r#"<div class="bl-head">{}</div>"#, escape(head));
    let _ = write!(out, r#"<div class="bl-meta">{}</div>"#, escape(&meta(article)));
    legend(article, out);
    let marks = Marks::of(article, prefix);
    for (p, html) in article.paragraphs.iter().zip(marks.paragraphs(article)) {
        let role = p.role.as_str();
        let _ = write!(out, r#"<p class="bl-{role}">"#);
        if p.role != Role::Body {
            let _ = write!(out, r#"<span class="bl-role">{role}</span>"#);
        }
        out.push_str(&html);
        out.push_str("</p>");
    }
}

/// "published 2023-02-25 · by Jo Ann · 12 sentences · … · speakers: Jo Ann (2)", unescaped.
fn meta(a: &Article) -> String {
    let mut bits = Vec::new();
    if let Some(source) = &a.source {
        bits.extend(source.site_name.iter().cloned());
        bits.extend(source.url.iter().cloned());
    }
    if let Some(date) = a.published {
        bits.push(format!("published {date}"));
    }
    if !a.authors.is_empty() {
        bits.push(format!("by {}", a.authors.join(", ")));
    }
    if let Some(d) = &a.dateline {
        bits.push(format!("dateline {}", d.place));
    }
    bits.push(format!("{} sentences", a.sentences.len()));
    bits.push(format!("{} entities", a.entities.len()));
    bits.push(format!("{} quotes", a.quotes.len()));
    bits.push(format!("{} time expressions", a.timexes.len()));
    // The most quoted speakers: most quotes first, then in order of appearance.
    let mut speakers: Vec<(&str, usize)> = Vec::new();
    for s in a.quotes.iter().filter_map(|q| q.speaker.as_ref()) {
        let who = s.name.as_deref().unwrap_or_else(|| s.span.as_str(&a.text));
        match speakers.iter_mut().find(|(name, _)| *name == who) {
            Some((_, n)) => *n += 1,
            None => speakers.push((who, 1)),
        }
    }
    speakers.sort_by_key(|&(_, n)| std::cmp::Reverse(n));
    if !speakers.is_empty() {
        let top: Vec<String> = speakers.iter().take(5).map(|(name, n)| format!("{name} ({n})")).collect();
        bits.push(format!("speakers: {}", top.join(", ")));
    }
    bits.join(" · ")
}

fn legend(a: &Article, out: &mut String) {
    out.push_str(r#"<div class="bl-legend"><span><b>Entities</b></span>"#);
    let mut labels: Vec<Label> = a.entities.iter().map(|e| e.label).collect();
    labels.sort();
    labels.dedup();
    if labels.is_empty() {
        out.push_str("<span>none found</span>");
    }
    for label in labels {
        let _ =
            write!(out, r#"<span class="bl-swatch" style="background:{}">{}</span>"#, colour(label), label.as_str());
    }
    out.push_str("<span><b>Quotes</b></span>");
    for (kind, meaning) in QUOTE_KINDS {
        let name = kind_name(kind);
        let _ = write!(out, r#"<span class="bl-q bl-q-{name}" title="{meaning}">{name}</span>"#);
    }
    out.push_str(r#"<span class="bl-spk">speaker</span><span class="bl-cue">cue</span>"#);
    out.push_str(r#"<span><a class="bl-qid">q1</a> links a quote to its speaker</span></div>"#);
}

/// `s` escaped for HTML text and attribute values.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    escape_into(s, &mut out);
    out
}

fn escape_into(s: &str, out: &mut String) {
    let mut last = 0;
    for (i, b) in s.bytes().enumerate() {
        let entity = match b {
            b'&' => "&amp;",
            b'<' => "&lt;",
            b'>' => "&gt;",
            b'"' => "&quot;",
            b'\'' => "&#x27;",
            _ => continue,
        };
        out.push_str(&s[last..i]);
        out.push_str(entity);
        last = i + 1;
    }
    out.push_str(&s[last..]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::Parser;

    #[test]
    fn escapes_markup_and_quotes() {
        assert_eq!(escape(r#"<b a='1'>"&"</b>"#), "&lt;b a=&#x27;1&#x27;&gt;&quot;&amp;&quot;&lt;/b&gt;");
        assert_eq!(escape("Zoë plain"), "Zoë plain");
    }

    #[test]
    fn a_page_is_a_whole_document_and_the_same_every_time() {
        let a = Parser::new().parse("Vote <Delayed>\n\nThe board met on Monday.", None).unwrap();
        let page = page(&a);
        assert!(page.starts_with("<!doctype html>") && page.trim_end().ends_with("</html>"));
        assert!(page.contains("<title>Vote &lt;Delayed&gt;</title>"));
        assert!(page.contains("prefers-color-scheme: dark"));
        assert_eq!(page, super::page(&a));
        assert!(!page.contains("<script"));
    }

    #[test]
    fn fragments_get_fresh_ids() {
        let a = Parser::new().parse("", None).unwrap();
        let (one, two) = (fragment(&a), fragment(&a));
        assert_ne!(one, two);
        assert!(one.contains("none found") && one.ends_with("</div>"));
    }

    #[test]
    fn the_meta_line_counts_and_ranks_speakers() {
        use byline_core::{Quote, Span, Speaker};
        let text = "Ola said a, Tove said b, she said c, a man said d.";
        let quote = |speaker: Option<(usize, usize, Option<&str>)>| Quote {
            kind: QuoteKind::Indirect,
            span: Span::new(0, 1),
            speaker: speaker.map(|(s, e, name)| Speaker {
                span: Span::new(s, e),
                name: name.map(String::from),
                entity: None,
                kind: byline_core::SpeakerKind::Unresolved,
            }),
            cue: None,
        };
        let a = Article {
            text: text.into(),
            authors: vec!["Kari Dahl".into()],
            quotes: vec![
                quote(Some((0, 3, Some("Ola Berg")))),
                quote(Some((12, 16, Some("Tove Lind")))),
                quote(Some((25, 28, Some("Tove Lind")))),
                quote(Some((37, 42, None))),
                quote(None),
            ],
            ..Article::default()
        };
        let m = meta(&a);
        assert!(m.starts_with("by Kari Dahl · 0 sentences · 0 entities · 5 quotes"), "{m}");
        assert!(m.ends_with("speakers: Tove Lind (2), Ola Berg (1), a man (1)"), "{m}");
    }
}
