//! The golden cases in `tests/data/layout.toml` and `tests/data/sentences.toml` (pytest reads
//! them too, in `tests/python/test_layout.py`).

use byline_core::{Article, Parser};
use serde::Deserialize;

#[derive(Deserialize)]
struct Cases<C> {
    case: Vec<C>,
}

#[derive(Deserialize)]
struct LayoutCase {
    name: String,
    text: String,
    roles: Option<Vec<String>>,
    paragraphs: Option<Vec<String>>,
    title: Option<String>,
    subtitle: Option<String>,
    published: Option<String>,
    authors: Option<Vec<String>>,
    contributors: Option<Vec<String>>,
    dateline: Option<Vec<String>>,
    no_sentences_from: Option<Vec<String>>,
}

fn check(case: &LayoutCase, a: &Article) -> Vec<String> {
    let mut errors = Vec::new();
    let mut expect = |what: &str, want: String, got: String| {
        if want != got {
            errors.push(format!("{what}: want {want}, got {got}"));
        }
    };
    if let Some(roles) = &case.roles {
        let got: Vec<&str> = a.paragraphs.iter().map(|p| p.role.as_str()).collect();
        expect("roles", format!("{roles:?}"), format!("{got:?}"));
    }
    if let Some(paragraphs) = &case.paragraphs {
        let got: Vec<&str> = a.paragraphs.iter().map(|p| p.span.as_str(&a.text)).collect();
        expect("paragraphs", format!("{paragraphs:?}"), format!("{got:?}"));
    }
    if let Some(t) = &case.title {
        expect("title", format!("{t:?}"), format!("{:?}", a.title.as_deref().unwrap_or("")));
    }
    if let Some(t) = &case.subtitle {
        expect("subtitle", format!("{t:?}"), format!("{:?}", a.subtitle.as_deref().unwrap_or("")));
    }
    if let Some(p) = &case.published {
        expect("published", p.clone(), a.published.map(|d| d.to_string()).unwrap_or_default());
    }
    if let Some(names) = &case.authors {
        expect("authors", format!("{names:?}"), format!("{:?}", a.authors));
    }
    if let Some(names) = &case.contributors {
        expect("contributors", format!("{names:?}"), format!("{:?}", a.contributors));
    }
    if let Some(d) = &case.dateline {
        let got = a.dateline.as_ref().map(|d| vec![d.place.clone(), d.span.as_str(&a.text).to_string()]);
        expect("dateline", format!("{d:?}"), format!("{:?}", got.unwrap_or_default()));
    }
    for text in case.no_sentences_from.iter().flatten() {
        if a.sentences.iter().any(|s| s.span.as_str(&a.text).contains(text.as_str())) {
            errors.push(format!("a sentence contains boilerplate {text:?}"));
        }
    }
    errors
}

#[test]
fn layout_cases() {
    let data = include_str!("../../../tests/data/layout.toml");
    let cases: Cases<LayoutCase> = toml::from_str(data).expect("layout.toml parses");
    let parser = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let mut failures = Vec::new();
    for case in &cases.case {
        let article = parser.parse(&case.text, None).unwrap();
        for e in check(case, &article) {
            failures.push(format!("{}: {e}", case.name));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert!(cases.case.len() >= 20);
}

#[derive(Deserialize)]
struct SentenceCase {
    name: String,
    text: String,
    sentences: Vec<String>,
    #[serde(default)]
    plain: bool,
}

#[test]
fn sentence_cases() {
    let data = include_str!("../../../tests/data/sentences.toml");
    let cases: Cases<SentenceCase> = toml::from_str(data).expect("sentences.toml parses");
    let article = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let plain = Parser::builder().entities(false).quotes(false).timexes(false).plain_text(true).build().unwrap();
    let mut failures = Vec::new();
    for case in &cases.case {
        let parser = if case.plain { &plain } else { &article };
        let a = parser.parse(&case.text, None).unwrap();
        let got: Vec<&str> = a.sentences.iter().map(|s| s.span.as_str(&a.text)).collect();
        if got != case.sentences {
            failures.push(format!("{}:\n  want {:?}\n  got  {:?}", case.name, case.sentences, got));
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn sentence_tokens_cover_sentences() {
    use byline_core::doc::Doc;
    use byline_core::layout::LayoutAnalyzer;
    use byline_core::segment::{Segmenter, TokenKind};

    let text = "Storm Hits Coast\n\nMr. Smith’s U.S. office said “it’s high-profile” at 3.5%. Visit https://x.org now!";
    let mut doc = Doc::new(text, None);
    LayoutAnalyzer::new().run(&mut doc);
    Segmenter::new().run(&mut doc);
    assert_eq!(doc.sentences.len(), doc.sentence_tokens.len());
    for (s, r) in doc.sentences.iter().zip(&doc.sentence_tokens) {
        assert_eq!(doc.tokens[r.start].span.start(), s.span.start());
        assert_eq!(doc.tokens[r.end - 1].span.end(), s.span.end());
    }
    let norm = doc.norm();
    let words: Vec<&str> = doc.tokens.iter().map(|t| t.span.as_str(norm)).collect();
    assert_eq!(words[3..8], ["Mr.", "Smith", "’s", "U.S.", "office"]);
    assert!(words.contains(&"high-profile") && words.contains(&"3.5") && !words.contains(&"it’s"));
    let url = doc.tokens.iter().find(|t| t.kind == TokenKind::Url).unwrap();
    assert_eq!(url.span.as_str(norm), "https://x.org");
}
