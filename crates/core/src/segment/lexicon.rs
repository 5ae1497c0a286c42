//! The segmenter's word lists: abbreviations and typical sentence openers, kept as data files.

use crate::data::{self, data_file, DataFile};
pub(crate) use crate::hash::{WordMap, WordSet};

const ABBREVIATIONS: DataFile<'static> = data_file!("src/segment/data/abbreviations.txt");
const STARTERS: DataFile<'static> = data_file!("src/segment/data/starters.txt");

/// How an abbreviation behaves before a capitalised word or a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbrevClass {
    /// Comes before a name ("Mr.", "Gen.", "St."): never ends a sentence before a capitalised word.
    Title,
    /// Comes before a number ("No. 5", "p. 55", "Jan. 6"); several are also words, so the period
    /// belongs to the abbreviation only when a number follows.
    Number,
    /// Can end a sentence ("Inc.", "U.S.", "a.m."): a sentence ends after it only before a
    /// typical sentence opener.
    Other,
    /// A single letter ("V." in "Viktor V. Orlov", or a list letter).
    Initial,
}

/// Abbreviations and sentence openers, loaded once.
#[derive(Debug)]
pub struct Lexicon {
    abbrevs: WordMap<AbbrevClass>,
    starters: WordSet,
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

impl Lexicon {
    /// Loads the embedded lists.
    pub fn new() -> Lexicon {
        Lexicon { abbrevs: data::embedded(abbreviations(ABBREVIATIONS)), starters: data::embedded(starters(STARTERS)) }
    }

    /// The class of `word` (without its period) as an abbreviation, if it is one.
    /// Words with inner periods ("U.S", "a.m") are [`AbbrevClass::Other`] and single letters
    /// [`AbbrevClass::Initial`], unless listed.
    pub fn abbreviation(&self, word: &str) -> Option<AbbrevClass> {
        if let Some(&c) = self.abbrevs.get(word) {
            return Some(c);
        }
        let mut chars = word.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) if c.is_alphabetic() => Some(AbbrevClass::Initial),
            (Some(c), Some(_)) if c.is_alphabetic() && word.contains('.') => Some(AbbrevClass::Other),
            _ => None,
        }
    }

    /// True when `word` typically opens a sentence ("The", "He", "However").
    pub fn is_starter(&self, word: &str) -> bool {
        with_ascii_lowercase(word, |w| self.starters.contains(w)).unwrap_or(false)
    }
}

/// Calls `f` with `word` lowercased, without allocating; `None` when the word is not ASCII or
/// longer than 24 bytes (no listed word is).
pub(crate) fn with_ascii_lowercase<R>(word: &str, f: impl FnOnce(&str) -> R) -> Option<R> {
    let mut buf = [0u8; 24];
    if !word.is_ascii() || word.len() > buf.len() {
        return None;
    }
    let out = &mut buf[..word.len()];
    out.copy_from_slice(word.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).ok().map(f)
}

/// Reads `abbreviations.txt`: each abbreviation with its class, and the capitalised and
/// all-caps forms that match it too.
fn abbreviations(file: DataFile<'_>) -> data::Result<WordMap<AbbrevClass>> {
    let mut abbrevs = WordMap::default();
    let [title, number, other] = file.section_entries(["title", "number", "other"])?;
    let sections = [(AbbrevClass::Title, title), (AbbrevClass::Number, number), (AbbrevClass::Other, other)];
    for (class, words) in sections {
        for word in words {
            abbrevs.insert(word.to_string(), class);
            if word.chars().nth(1).is_none() {
                // "v." (versus) and "p." (page) are not the initials "V." and "P.".
                continue;
            }
            if word.chars().all(|c| !c.is_uppercase()) {
                let mut chars = word.chars();
                let cap: String = chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
                abbrevs.entry(cap).or_insert(class);
            }
            if class != AbbrevClass::Title {
                abbrevs.entry(word.to_uppercase()).or_insert(class);
            }
        }
    }
    Ok(abbrevs)
}

/// Reads `starters.txt`: lowercase sentence openers.
fn starters(file: DataFile<'_>) -> data::Result<WordSet> {
    Ok(file.entries()?.into_iter().map(str::to_string).collect())
}

/// The embedded files and their readers, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] = &[
    data::Check { file: ABBREVIATIONS, read: |f| abbreviations(f).map(drop), class: data::ClassAt::Section },
    data::Check { file: STARTERS, read: |f| starters(f).map(drop), class: data::ClassAt::Nowhere },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_case() {
        let lx = Lexicon::new();
        assert_eq!(lx.abbreviation("Mr"), Some(AbbrevClass::Title));
        assert_eq!(lx.abbreviation("MS"), None, "title capitals are acronyms");
        assert_eq!(lx.abbreviation("Inc"), Some(AbbrevClass::Other));
        assert_eq!(lx.abbreviation("INC"), Some(AbbrevClass::Other));
        assert_eq!(lx.abbreviation("co"), Some(AbbrevClass::Other));
        assert_eq!(lx.abbreviation("Co"), Some(AbbrevClass::Other));
        assert_eq!(lx.abbreviation("ill"), None, "state abbreviations are capitalised");
        assert_eq!(lx.abbreviation("No"), Some(AbbrevClass::Number));
        assert_eq!(lx.abbreviation("U.S"), Some(AbbrevClass::Other));
        assert_eq!(lx.abbreviation("V"), Some(AbbrevClass::Initial));
        assert_eq!(lx.abbreviation("p"), Some(AbbrevClass::Number));
        assert_eq!(lx.abbreviation("said"), None);
        assert_eq!(lx.abbreviation("42"), None);
    }

    #[test]
    fn starters() {
        let lx = Lexicon::new();
        assert!(lx.is_starter("The") && lx.is_starter("HOWEVER") && lx.is_starter("it"));
        assert!(!lx.is_starter("Government") && !lx.is_starter("Jones"));
    }
}
