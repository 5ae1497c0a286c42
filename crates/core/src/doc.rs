//! The per-article working state that the stages fill in, one after another.
//!
//! Spans in a `Doc` point into the normalised view ([`Source::norm`]); [`Doc::into_article`]
//! maps them back to the original text once, at the end.

use crate::article::*;
use crate::date::Date;
use crate::deadline::Deadline;
use crate::segment::Token;
use crate::span::Span;
use crate::text::Source;

/// What the layout stage found.
#[derive(Clone, Debug, Default)]
pub struct Layout {
    /// Every paragraph with its role.
    pub paragraphs: Vec<Paragraph>,
    /// The headline.
    pub title: Option<String>,
    /// A standfirst or deck.
    pub subtitle: Option<String>,
    /// Names from the byline.
    pub authors: Vec<String>,
    /// Names from credit lines.
    pub contributors: Vec<String>,
    /// The dateline.
    pub dateline: Option<Dateline>,
    /// A publication date found in the text (a date line), when the caller gave none.
    pub published: Option<Date>,
    /// Sorted offsets where a sentence must start although no punctuation says so: after an
    /// inline dateline or date line, before a caption's photo credit.
    pub sentence_breaks: Vec<usize>,
}

/// The working state of one parse.
pub struct Doc<'a> {
    /// The text and its normalised view.
    pub source: Source<'a>,
    /// The publication date given by the caller (or found by layout).
    pub published: Option<Date>,
    /// Layout stage output.
    pub layout: Layout,
    /// Tokens of the analysed paragraphs, in text order.
    pub tokens: Vec<Token>,
    /// Sentences of the analysed paragraphs, in text order.
    pub sentences: Vec<Sentence>,
    /// For each sentence, its range in `tokens`.
    pub sentence_tokens: Vec<std::ops::Range<usize>>,
    /// Entities stage output.
    pub entities: Vec<Entity>,
    /// Quotes stage output.
    pub quotes: Vec<Quote>,
    /// Time expressions stage output.
    pub timexes: Vec<Timex>,
    /// Warnings from any stage.
    pub warnings: Vec<Warning>,
    /// For text extracted from a page: the role the markup gives each paragraph (in order), or
    /// `None` where it is silent. Layout keeps these and decides the rest by its rules.
    pub markup_roles: Option<Vec<Option<Role>>>,
    /// When the parse must stop (stages with long loops look at it; the parser checks it between
    /// stages).
    pub deadline: Deadline,
}

impl<'a> Doc<'a> {
    /// A fresh state for `text`.
    pub fn new(text: &'a str, published: Option<Date>) -> Doc<'a> {
        Doc {
            source: Source::new(text),
            published,
            layout: Layout::default(),
            tokens: Vec::new(),
            sentences: Vec::new(),
            sentence_tokens: Vec::new(),
            entities: Vec::new(),
            quotes: Vec::new(),
            timexes: Vec::new(),
            warnings: Vec::new(),
            markup_roles: None,
            deadline: Deadline::default(),
        }
    }

    /// The normalised text the stages match against.
    #[inline]
    pub fn norm(&self) -> &str {
        self.source.norm()
    }

    /// Adds a warning.
    pub fn warn(&mut self, kind: WarningKind, message: impl Into<String>) {
        self.warnings.push(Warning { kind, message: message.into() });
    }

    /// Maps every span back to the original text and builds the [`Article`].
    pub fn into_article(self) -> Article {
        let src = &self.source;
        let m = |s: Span| src.span_to_orig(s);
        let layout = self.layout;
        Article {
            id: None,
            text: src.original().to_string(),
            source: None,
            title: layout.title,
            subtitle: layout.subtitle,
            authors: layout.authors,
            contributors: layout.contributors,
            published: self.published.or(layout.published),
            dateline: layout.dateline.map(|d| Dateline { span: m(d.span), ..d }),
            paragraphs: layout.paragraphs.into_iter().map(|p| Paragraph { span: m(p.span), ..p }).collect(),
            sentences: self.sentences.into_iter().map(|s| Sentence { span: m(s.span), ..s }).collect(),
            entities: self
                .entities
                .into_iter()
                .map(|mut e| {
                    for mention in &mut e.mentions {
                        mention.span = m(mention.span);
                    }
                    e
                })
                .collect(),
            quotes: self
                .quotes
                .into_iter()
                .map(|mut q| {
                    q.span = m(q.span);
                    q.cue = q.cue.map(m);
                    if let Some(s) = q.speaker.as_mut() {
                        s.span = m(s.span);
                    }
                    q
                })
                .collect(),
            timexes: self.timexes.into_iter().map(|t| Timex { span: m(t.span), ..t }).collect(),
            warnings: self.warnings,
        }
    }
}
