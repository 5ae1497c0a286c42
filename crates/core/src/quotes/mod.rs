//! Quotes: quotation marks, reported speech, cues and speakers.

use crate::doc::Doc;

/// Finds quotes and attributes them.
#[derive(Debug, Default)]
pub struct QuoteExtractor {}

impl QuoteExtractor {
    /// Compiles the cue lexicon and patterns.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {}
    }

    /// Fills `doc.quotes`. (Not built yet: leaves it empty.)
    pub fn run(&self, _doc: &mut Doc<'_>) {}
}
