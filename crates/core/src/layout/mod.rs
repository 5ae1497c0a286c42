//! Layout: which paragraph is what (title, byline, dateline, body, credit, boilerplate).

use crate::article::{Paragraph, Role};
use crate::doc::Doc;
use crate::span::Span;

/// Finds paragraphs and their roles.
#[derive(Debug, Default)]
pub struct LayoutAnalyzer {}

impl LayoutAnalyzer {
    /// Compiles the layout patterns.
    pub fn new() -> LayoutAnalyzer {
        LayoutAnalyzer {}
    }

    /// Fills `doc.layout`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let text = doc.source.norm();
        let spans = paragraph_spans(text);
        let mut paragraphs = Vec::with_capacity(spans.len());
        for (i, span) in spans.into_iter().enumerate() {
            let s = span.as_str(text);
            let role = if i == 0 && looks_like_headline(s) { Role::Title } else { Role::Body };
            paragraphs.push(Paragraph { span, role });
        }
        doc.layout.title = paragraphs.iter().find(|p| p.role == Role::Title).map(|p| p.span.as_str(text).to_string());
        doc.layout.paragraphs = paragraphs;
    }
}

/// Blank-line separated blocks, trimmed.
fn paragraph_spans(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            push_trimmed(text, Span::new(start, pos), &mut out);
            start = pos + line.len();
        }
        pos += line.len();
    }
    push_trimmed(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}

fn looks_like_headline(s: &str) -> bool {
    s.len() < 250 && !s.contains('\n') && !s.ends_with(['.', '!', '?', ':', ','])
}
