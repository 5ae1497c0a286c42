//! Layout: which paragraph is what.
//!
//! [`blocks`] finds the paragraphs (blank-line separated, hard-wrapped, or one per line). Each
//! short paragraph is then checked, in this order, for web furniture ([`boilerplate`]), a date
//! line ([`dates`]), a byline ([`byline`]), a credit line ([`credit`]) and a caption ([`caption`]).
//! The first paragraph that is not furniture is the title when it reads like a headline
//! ([`headline`]); paragraphs between the title and a byline are subtitles; and the first body
//! paragraph may open with a dateline ([`dateline`]) or a date, which then ends a sentence.
//! The word lists are data files in `data/` ([`lexicon`]).

mod blocks;
mod boilerplate;
mod byline;
mod caption;
mod credit;
mod dateline;
mod dates;
mod headline;
mod lexicon;
mod names;

use crate::article::{Dateline, Paragraph, Role};
use crate::doc::{Doc, Layout};
use crate::span::Span;
use dateline::DatelineFinder;
use lexicon::LayoutLexicon;

/// Longest paragraph given a role other than body or title by its content, in bytes.
const MAX_SHORT: usize = 400;
/// How many paragraphs after the title a byline may come, with subtitles between.
const MAX_SUBTITLES: usize = 2;

/// Finds paragraphs and their roles. Built once; holds the word lists and patterns.
#[derive(Debug)]
pub struct LayoutAnalyzer {
    lexicon: LayoutLexicon,
    datelines: DatelineFinder,
    plain_text: bool,
}

impl Default for LayoutAnalyzer {
    fn default() -> LayoutAnalyzer {
        LayoutAnalyzer::new()
    }
}

impl LayoutAnalyzer {
    /// Compiles the layout patterns and loads the word lists.
    pub fn new() -> LayoutAnalyzer {
        LayoutAnalyzer { lexicon: LayoutLexicon::new(), datelines: DatelineFinder::new(), plain_text: false }
    }

    /// Treat every paragraph as body text: no title, byline, dateline, credit or boilerplate.
    /// Default: false.
    pub fn plain_text(mut self, yes: bool) -> LayoutAnalyzer {
        self.plain_text = yes;
        self
    }

    /// Fills `doc.layout`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let text = doc.source.norm();
        let mut spans = Vec::new();
        blocks::paragraphs(text, &mut spans);
        let mut layout = Layout { paragraphs: Vec::with_capacity(spans.len()), ..Layout::default() };
        let mut roles = vec![Role::Body; spans.len()];
        if !self.plain_text {
            self.classify(text, &spans, &mut roles, &mut layout);
            self.find_title(text, &spans, &mut roles);
            self.find_dateline(text, &spans, &mut roles, &mut layout);
            if let Some(last) = (0..spans.len()).rev().find(|&i| roles[i] == Role::Body) {
                credit::trailing_credit(spans[last].as_str(text), &self.lexicon, &mut layout.contributors);
            }
            layout.sentence_breaks.sort_unstable();
        }
        let first_of = |role: Role| roles.iter().position(|&r| r == role).map(|i| spans[i].as_str(text).to_string());
        layout.title = first_of(Role::Title);
        layout.subtitle = first_of(Role::Subtitle);
        layout.paragraphs = spans.iter().zip(&roles).map(|(&span, &role)| Paragraph { span, role }).collect();
        doc.layout = layout;
    }

    /// Roles from each short paragraph's own content.
    fn classify(&self, text: &str, spans: &[Span], roles: &mut [Role], layout: &mut Layout) {
        let lex = &self.lexicon;
        let mut folded = String::new();
        for (i, span) in spans.iter().enumerate() {
            let raw = span.as_str(text);
            if raw.len() > MAX_SHORT {
                continue;
            }
            boilerplate::fold(raw, &mut folded);
            roles[i] = if boilerplate::is_boilerplate(raw, &folded, lex) {
                Role::Boilerplate
            } else if let Some(date) = dates::date_line(raw, lex) {
                layout.published = layout.published.or(Some(date));
                Role::Dateline
            } else if let Some(b) = byline::byline(raw, lex) {
                for a in b.authors {
                    if !layout.authors.contains(&a) {
                        layout.authors.push(a);
                    }
                }
                layout.published = layout.published.or(b.date);
                Role::Byline
            } else if credit::credit(raw, &folded, lex, &mut layout.contributors) {
                Role::Credit
            } else if let Some(c) = caption::caption(raw, &folded, lex) {
                if let Some(at) = c.credit {
                    layout.sentence_breaks.push(span.start() + at);
                }
                Role::Caption
            } else {
                Role::Body
            };
        }
    }

    /// The first paragraph that is not furniture is the title when it reads like a headline;
    /// body paragraphs between it and a byline soon after are subtitles.
    fn find_title(&self, text: &str, spans: &[Span], roles: &mut [Role]) {
        let Some(t) = roles.iter().position(|&r| r != Role::Boilerplate) else { return };
        if roles[t] != Role::Body || !headline::is_headline(spans[t].as_str(text)) {
            return;
        }
        roles[t] = Role::Title;
        let after = t + 1..roles.len().min(t + 2 + MAX_SUBTITLES);
        if let Some(b) = after.clone().find(|&i| roles[i] == Role::Byline) {
            for role in &mut roles[t + 1..b] {
                if *role == Role::Body {
                    *role = Role::Subtitle;
                }
            }
        }
    }

    /// The dateline or date that opens the first body paragraph.
    fn find_dateline(&self, text: &str, spans: &[Span], roles: &mut [Role], layout: &mut Layout) {
        let Some(i) = roles.iter().position(|&r| r == Role::Body) else { return };
        let span = spans[i];
        let raw = span.as_str(text);
        if let Some(found) = self.datelines.find(raw, &self.lexicon) {
            layout.dateline =
                Some(Dateline { place: found.place, span: Span::new(span.start(), span.start() + found.len) });
            if found.body >= raw.len() {
                roles[i] = Role::Dateline;
            } else {
                layout.sentence_breaks.push(span.start() + found.body);
            }
        } else if let Some((date, body)) = dates::leading_date(raw, &self.lexicon) {
            layout.published = layout.published.or(Some(date));
            layout.sentence_breaks.push(span.start() + body);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout {
        let mut doc = Doc::new(text, None);
        LayoutAnalyzer::new().run(&mut doc);
        doc.layout
    }

    fn roles(text: &str) -> Vec<Role> {
        layout(text).paragraphs.iter().map(|p| p.role).collect()
    }

    #[test]
    fn article_parts() {
        let text = "Storm Hits Coast\n\nA deck that sums it up\n\nBy JANE DOE and John Roe, Associated Press\n\nMIAMI (AP) — The storm arrived.\n\nA caption here. Photo: Jane Doe.\n\nAdditional reporting by Ann Lee.\n\nAdvertisement";
        let l = layout(text);
        use Role::*;
        assert_eq!(
            l.paragraphs.iter().map(|p| p.role).collect::<Vec<_>>(),
            [Title, Subtitle, Byline, Body, Caption, Credit, Boilerplate]
        );
        assert_eq!(l.title.as_deref(), Some("Storm Hits Coast"));
        assert_eq!(l.subtitle.as_deref(), Some("A deck that sums it up"));
        assert_eq!(l.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(l.contributors, ["Ann Lee"]);
        let d = l.dateline.unwrap();
        assert_eq!((d.place.as_str(), d.span.as_str(text)), ("MIAMI", "MIAMI (AP) —"));
        assert_eq!(l.sentence_breaks.len(), 2);
    }

    #[test]
    fn date_lines_give_published() {
        let l = layout("A Headline\n\nFriday, May 8, 2009\n\nBody text here.");
        assert_eq!(l.paragraphs[1].role, Role::Dateline);
        assert_eq!(l.published, crate::parse_date("2009-05-08").ok());
    }

    #[test]
    fn plain_text_mode() {
        let mut doc = Doc::new("Hello World\n\nLeave a Reply", None);
        LayoutAnalyzer::new().plain_text(true).run(&mut doc);
        assert!(doc.layout.paragraphs.iter().all(|p| p.role == Role::Body));
        assert!(doc.layout.title.is_none());
    }

    #[test]
    fn sentence_first_paragraph_is_no_title() {
        assert_eq!(roles("The storm arrived on Monday.\n\nIt left."), [Role::Body, Role::Body]);
    }
}
