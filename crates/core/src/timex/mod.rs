//! Time expressions, normalised against the publication date.

use crate::doc::Doc;

/// Finds and normalises time expressions.
#[derive(Debug, Default)]
pub struct TimexTagger {}

impl TimexTagger {
    /// Compiles the patterns.
    pub fn new() -> TimexTagger {
        TimexTagger {}
    }

    /// Fills `doc.timexes`. (Not built yet: leaves it empty.)
    pub fn run(&self, _doc: &mut Doc<'_>) {}
}
