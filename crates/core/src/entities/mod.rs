//! Entities: people, organizations, places and nationalities, one entity per referent.

use crate::doc::Doc;

/// Finds entity mentions and groups them into entities.
#[derive(Debug, Default)]
pub struct EntityRecognizer {}

impl EntityRecognizer {
    /// Loads the gazetteers and the tagger.
    pub fn new() -> EntityRecognizer {
        EntityRecognizer {}
    }

    /// Fills `doc.entities`. (Not built yet: leaves it empty.)
    pub fn run(&self, _doc: &mut Doc<'_>) {}
}
