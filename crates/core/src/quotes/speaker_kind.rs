//! Whose voice a quote carries (`speaker.kind`): a named person, an organization, unnamed
//! people ("a senior official"), a document ("a report"), or a mention left unresolved.
//!
//! A speaker resolved to an entity takes its kind from the entity's label. Otherwise the
//! resolved name (the speaker's own words for noun phrases, "a senior official"; an earlier
//! speaker's name for a pronoun) is classified by its head noun, from the word lists of
//! `data/quotes/speakers.txt`; a capitalised head that no list knows is a person's name, as
//! speaker resolution takes it.

use crate::article::{Entity, Label, Speaker, SpeakerKind};
use crate::data::{self, data_file, DataFile};
use crate::hash::FastMap;

const SPEAKERS: DataFile<'static> = data_file!("data/quotes/speakers.txt");

/// What a word of `speakers.txt` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// A head noun of this kind.
    Head(SpeakerKind),
    /// A word that ends the head of a noun phrase ("of", "familiar").
    Postmodifier,
}

/// The sections of `speakers.txt`.
const SECTIONS: [(&str, Word); 4] = [
    ("anonymous", Word::Head(SpeakerKind::Anonymous)),
    ("document", Word::Head(SpeakerKind::Document)),
    ("organization", Word::Head(SpeakerKind::Organization)),
    ("postmodifier", Word::Postmodifier),
];

/// The speaker-kind classifier, compiled once from the embedded word lists.
#[derive(Debug)]
pub(crate) struct SpeakerKinds {
    words: FastMap<String, Word>,
}

impl SpeakerKinds {
    /// Reads the embedded word lists.
    pub(crate) fn new() -> SpeakerKinds {
        SpeakerKinds { words: data::embedded(read(SPEAKERS)) }
    }

    /// The kind of a resolved speaker.
    pub(crate) fn of(&self, speaker: &Speaker, entities: &[Entity]) -> SpeakerKind {
        match (speaker.entity.and_then(|i| entities.get(i)), &speaker.name) {
            (Some(e), _) => of_label(e.label),
            (None, Some(name)) => self.of_phrase(name),
            (None, None) => SpeakerKind::Unresolved,
        }
    }

    /// The kind of an unresolved noun phrase or a name without an entity, by its head.
    pub(crate) fn of_phrase(&self, phrase: &str) -> SpeakerKind {
        let words = phrase.split(|c: char| c.is_whitespace() || c == ',').filter(|w| !w.is_empty());
        let mut head: Option<&str> = None;
        for w in words {
            let w = strip_possessive(w.trim_matches(|c: char| !c.is_alphanumeric()));
            if w.is_empty() {
                continue;
            }
            if head.is_some() && self.word(w) == Some(Word::Postmodifier) {
                break;
            }
            head = Some(w);
        }
        let Some(head) = head else { return SpeakerKind::Unresolved };
        match self.word(head) {
            Some(Word::Head(kind)) => kind,
            // A single letter is an initial or an abbreviation ("S and P"), not a name.
            _ if head.starts_with(char::is_uppercase) && head.chars().nth(1).is_some() => SpeakerKind::Person,
            _ => SpeakerKind::Unresolved,
        }
    }

    fn word(&self, w: &str) -> Option<Word> {
        match self.words.get(w) {
            Some(&found) => Some(found),
            None if w.chars().any(char::is_uppercase) => self.words.get(&w.to_lowercase()).copied(),
            None => None,
        }
    }
}

/// The kind of a speaker resolved to an entity with this label.
fn of_label(label: Label) -> SpeakerKind {
    match label {
        Label::Person => SpeakerKind::Person,
        Label::Org | Label::Gpe | Label::Norp | Label::Loc | Label::Fac => SpeakerKind::Organization,
        Label::WorkOfArt | Label::Law | Label::Product => SpeakerKind::Document,
        // An event cannot speak: the attribution went wrong somewhere.
        Label::Event => SpeakerKind::Unresolved,
    }
}

/// "ministry's" → "ministry".
fn strip_possessive(w: &str) -> &str {
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w)
}

fn read(file: DataFile<'_>) -> data::Result<FastMap<String, Word>> {
    file.section_words(SECTIONS)
}

/// The embedded file and its reader, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] =
    &[data::Check { file: SPEAKERS, read: |f| read(f).map(drop), class: data::ClassAt::Section }];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_decide_unnamed_phrases() {
        let k = SpeakerKinds::new();
        assert_eq!(k.of_phrase("a senior administration official"), SpeakerKind::Anonymous);
        assert_eq!(k.of_phrase("people familiar with the matter"), SpeakerKind::Anonymous);
        assert_eq!(k.of_phrase("a Treasury source"), SpeakerKind::Anonymous);
        assert_eq!(k.of_phrase("the ministry's spokesman"), SpeakerKind::Anonymous);
        assert_eq!(k.of_phrase("the ministry"), SpeakerKind::Organization);
        assert_eq!(k.of_phrase("The Ministry of Fisheries"), SpeakerKind::Organization);
        assert_eq!(k.of_phrase("a report by the agency"), SpeakerKind::Document);
        assert_eq!(k.of_phrase("Tomas Halden"), SpeakerKind::Person);
        assert_eq!(k.of_phrase("Mr. Varga and Mr. Li"), SpeakerKind::Person);
        assert_eq!(k.of_phrase("Dealers"), SpeakerKind::Anonymous);
        assert_eq!(k.of_phrase("S and P"), SpeakerKind::Unresolved);
        assert_eq!(k.of_phrase("the head of the agency"), SpeakerKind::Unresolved);
        assert_eq!(k.of_phrase(""), SpeakerKind::Unresolved);
    }

    #[test]
    fn entities_decide_by_label() {
        let k = SpeakerKinds::new();
        let span = crate::span::Span::new(0, 2);
        let entity = |label| Entity {
            label,
            name: "X".into(),
            mentions: vec![],
            titles: vec![],
            roles: vec![],
            gender: None,
            gender_by: None,
        };
        let entities = [entity(Label::Person), entity(Label::Gpe)];
        let speaker = |entity, name: Option<&str>| Speaker {
            span,
            name: name.map(str::to_string),
            entity,
            kind: SpeakerKind::Unresolved,
        };
        assert_eq!(k.of(&speaker(Some(0), Some("X")), &entities), SpeakerKind::Person);
        assert_eq!(k.of(&speaker(Some(1), Some("X")), &entities), SpeakerKind::Organization);
        assert_eq!(k.of(&speaker(None, Some("officials")), &entities), SpeakerKind::Anonymous);
        assert_eq!(k.of(&speaker(None, None), &entities), SpeakerKind::Unresolved);
    }
}
