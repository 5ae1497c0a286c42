//! What holds of every parsed article, whatever its input: the checks the golden runner, the
//! property tests and the fuzz targets share (behind the `invariants` feature, for tests only).
//!
//! ```
//! let article = byline_core::Parser::new().parse("Dam Opens\n\n\u{201c}It works,\u{201d} she said.", None).unwrap();
//! assert_eq!(byline_core::invariants::problems(&article), Vec::<String>::new());
//! ```

use crate::article::Article;
use crate::json::WireArticle;
use crate::span::Span;
use crate::JsonOptions;

/// Everything wrong with `a`, empty when nothing is:
/// - every span fits the text (inside it, on character boundaries);
/// - paragraphs, sentences, each entity's mentions and the time expressions are in text order
///   without overlap, and quotes are in the order of their starts;
/// - each sentence lies inside its paragraph, which is not boilerplate;
/// - a quote's speaker points at an entity that exists;
/// - the contract view ([`Article::to_wire`]) gives, at its code point offsets, the texts it
///   carries, and reads back ([`Article::from_wire`], and through JSON text) to the same article.
pub fn problems(a: &Article) -> Vec<String> {
    let mut problems = Vec::new();
    let mut spans: Vec<(&str, Span)> = Vec::new();
    spans.extend(a.paragraphs.iter().map(|p| ("paragraph", p.span)));
    spans.extend(a.sentences.iter().map(|s| ("sentence", s.span)));
    spans.extend(a.entities.iter().flat_map(|e| e.mentions.iter().map(|m| ("mention", m.span))));
    for q in &a.quotes {
        spans.push(("quote", q.span));
        spans.extend(q.speaker.as_ref().map(|s| ("speaker", s.span)));
        spans.extend(q.cue.map(|c| ("cue", c)));
    }
    spans.extend(a.timexes.iter().map(|t| ("timex", t.span)));
    spans.extend(a.dateline.as_ref().map(|d| ("dateline", d.span)));
    for (what, s) in spans {
        if s.get(&a.text).is_none() {
            problems.push(format!("{what} span {}..{} does not fit the text", s.start(), s.end()));
        }
    }
    if !problems.is_empty() {
        // The checks below slice the text.
        return problems;
    }

    in_order("paragraphs", a.paragraphs.iter().map(|p| p.span), &mut problems);
    in_order("sentences", a.sentences.iter().map(|s| s.span), &mut problems);
    for e in &a.entities {
        in_order(&format!("mentions of {:?}", e.name), e.mentions.iter().map(|m| m.span), &mut problems);
    }
    in_order("timexes", a.timexes.iter().map(|t| t.span), &mut problems);
    if a.quotes.windows(2).any(|w| w[0].span.start() > w[1].span.start()) {
        problems.push("quotes are not in the order of their starts".into());
    }
    for s in &a.sentences {
        match a.paragraphs.get(s.paragraph) {
            Some(p) if p.role.is_analysed() && p.span.contains(s.span) => {}
            _ => problems.push(format!("sentence {:?} is not inside an analysed paragraph", s.span.as_str(&a.text))),
        }
    }
    for q in &a.quotes {
        if let Some(i) = q.speaker.as_ref().and_then(|s| s.entity) {
            if i >= a.entities.len() {
                problems.push(format!("a quote's speaker points at entity {i} of {}", a.entities.len()));
            }
        }
    }
    wire_texts(&a.to_wire(true), &a.text, &mut problems);
    if Article::from_wire(a.to_wire(false), a.text.clone()).as_ref() != Ok(a) {
        problems.push("the article does not read back from its wire view".into());
    }
    let json = a.to_json(&JsonOptions { include_text: true, ..JsonOptions::default() });
    if Article::from_json(&json, None).as_ref() != Ok(a) {
        problems.push("the article does not read back from its JSON".into());
    }
    problems
}

/// Panics with the article's problems, if it has any (for fuzz targets and property tests).
#[track_caller]
pub fn assert_sound(a: &Article) {
    let p = problems(a);
    assert!(p.is_empty(), "{} problems:\n{}\ntext: {:?}", p.len(), p.join("\n"), a.text);
}

/// Spans in text order, none overlapping the one before.
fn in_order(what: &str, spans: impl Iterator<Item = Span>, problems: &mut Vec<String>) {
    let mut last: Option<Span> = None;
    for s in spans {
        if let Some(prev) = last {
            if s.start() < prev.end() {
                problems.push(format!(
                    "{what}: {}..{} overlaps or precedes {}..{}",
                    s.start(),
                    s.end(),
                    prev.start(),
                    prev.end()
                ));
                return;
            }
        }
        last = Some(s);
    }
}

/// Each text the contract view carries is the text at its code point offsets.
fn wire_texts(w: &WireArticle, text: &str, problems: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    let mut check = |what: &str, start: usize, end: usize, carried: &str| {
        let at: Option<String> = chars.get(start..end).map(|c| c.iter().collect());
        if at.as_deref() != Some(carried) {
            problems.push(format!("{what} at {start}..{end} carries {carried:?} but the text there is {at:?}"));
        }
    };
    for e in &w.entities {
        for m in &e.mentions {
            check("mention", m.start, m.end, &m.text);
        }
    }
    for q in &w.quotes {
        check("quote", q.start, q.end, &q.text);
        if let Some(s) = &q.speaker {
            check("speaker", s.start, s.end, &s.text);
        }
        if let Some(c) = &q.cue {
            check("cue", c.start, c.end, &c.text);
        }
    }
    for t in &w.timexes {
        check("timex", t.start, t.end, &t.text);
    }
    for p in &w.paragraphs {
        if p.start > p.end || p.end > chars.len() {
            problems.push(format!(
                "paragraph {}..{} is outside the text's {} code points",
                p.start,
                p.end,
                chars.len()
            ));
        }
    }
}
