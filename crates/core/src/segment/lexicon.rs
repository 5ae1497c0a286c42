//! The segmenter's word lists: abbreviations and typical sentence openers, kept as data files.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A fast hash for short word keys (the Fx hash of rustc); the lists are fixed, so SipHash's
/// protection against chosen keys is not needed.
#[derive(Clone, Copy, Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("8 bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map keyed by words, with [`WordHasher`].
pub(crate) type WordMap<V> = HashMap<String, V, BuildHasherDefault<WordHasher>>;
/// A set of words, with [`WordHasher`].
pub(crate) type WordSet = HashSet<String, BuildHasherDefault<WordHasher>>;

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

/// Lines of a data file, without comments and blank lines.
pub(crate) fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Entries of a data file split into `[section]`s, each with its section's name.
pub(crate) fn data_sections(data: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    data_lines(data).filter_map(move |line| match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
        Some(name) => {
            section = name;
            None
        }
        None => Some((section, line)),
    })
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
        let mut abbrevs = WordMap::default();
        for (section, word) in data_sections(include_str!("data/abbreviations.txt")) {
            let class = match section {
                "title" => AbbrevClass::Title,
                "number" => AbbrevClass::Number,
                _ => AbbrevClass::Other,
            };
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
        let starters = data_lines(include_str!("data/starters.txt")).map(str::to_string).collect();
        Lexicon { abbrevs, starters }
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
