//! Definite descriptions as speakers ("the singer said", "the company added"): which head nouns
//! point back to someone the article has named, and of what kind (`data/quotes/descriptions.txt`).

use crate::article::Gender;
use crate::data::{self, data_file, DataFile};
use crate::hash::FastMap;

const DESCRIPTIONS: DataFile<'static> = data_file!("data/quotes/descriptions.txt");

/// What a head noun describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Described {
    /// A person: of this gender when the noun tells it ("the actress"); `occupation` when the
    /// noun names one ("the engineer"), which another occupation or office rules out.
    Person { gender: Option<Gender>, occupation: bool },
    /// An organization ("the company").
    Organization,
}

/// What a word of `descriptions.txt` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Word {
    /// A head noun.
    Noun(Described),
    /// A preposition of place.
    Locative,
}

/// The sections of `descriptions.txt`.
const SECTIONS: [(&str, Word); 8] = [
    ("person", Word::Noun(Described::Person { gender: None, occupation: true })),
    ("descriptor", Word::Noun(Described::Person { gender: None, occupation: false })),
    ("male", Word::Noun(Described::Person { gender: Some(Gender::Male), occupation: true })),
    ("female", Word::Noun(Described::Person { gender: Some(Gender::Female), occupation: true })),
    ("male.other", Word::Noun(Described::Person { gender: Some(Gender::Male), occupation: false })),
    ("female.other", Word::Noun(Described::Person { gender: Some(Gender::Female), occupation: false })),
    ("organization", Word::Noun(Described::Organization)),
    ("locative", Word::Locative),
];

/// The head nouns and prepositions of place, compiled once from the embedded list.
#[derive(Debug)]
pub(crate) struct Descriptions {
    words: FastMap<String, Word>,
}

impl Descriptions {
    /// Reads the embedded list.
    pub(crate) fn new() -> Descriptions {
        Descriptions { words: data::embedded(read(DESCRIPTIONS)) }
    }

    /// True when `w` is a preposition of place ("in", "at").
    pub(crate) fn is_locative(&self, w: &str) -> bool {
        let found = self.words.get(w).or_else(|| self.words.get(&w.to_lowercase()));
        found == Some(&Word::Locative)
    }

    /// What the head noun `head` describes ("Singer", "actress", "34-year-old"), if it is one
    /// of the list. A number before a hyphen is an age or a count and is dropped.
    pub(crate) fn of(&self, head: &str) -> Option<Described> {
        let lower = head.to_lowercase();
        let noun = match lower.split_once('-') {
            Some((n, rest)) if !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()) => rest,
            _ => lower.as_str(),
        };
        match self.words.get(noun) {
            Some(&Word::Noun(d)) => Some(d),
            _ => None,
        }
    }
}

fn read(file: DataFile<'_>) -> data::Result<FastMap<String, Word>> {
    file.section_words(SECTIONS)
}

/// The embedded file and its reader, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] =
    &[data::Check { file: DESCRIPTIONS, read: |f| read(f).map(drop), class: data::ClassAt::Section }];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_tell_person_gender_or_organization() {
        let d = Descriptions::new();
        let person = |gender, occupation| Some(Described::Person { gender, occupation });
        assert_eq!(d.of("singer"), person(None, true));
        assert_eq!(d.of("Democrat"), person(None, false));
        assert_eq!(d.of("actress"), person(Some(Gender::Female), true));
        assert_eq!(d.of("mother"), person(Some(Gender::Female), false));
        assert_eq!(d.of("actor"), person(Some(Gender::Male), true));
        assert_eq!(d.of("34-year-old"), person(None, false));
        assert_eq!(d.of("co-founder"), person(None, true));
        assert_eq!(d.of("company"), Some(Described::Organization));
        // Anonymous sources stay unnamed; "-old" alone is no noun.
        assert_eq!(d.of("official"), None);
        assert_eq!(d.of("spokesman"), None);
        assert_eq!(d.of("34-old"), None);
        assert_eq!(d.of("in"), None);
        assert!(d.is_locative("at") && d.is_locative("In") && !d.is_locative("with"));
    }
}
