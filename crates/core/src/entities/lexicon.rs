//! The embedded word lists: gazetteers of places and names, honorifics and titles, organization
//! and place head words, demonyms, and the words English writes in lower case.
//!
//! Every entry is keyed by [`key`], a hash of its lower-cased text, so looking a word up costs
//! one hash of its bytes and no allocation. Multi-word entries are keyed by [`phrase_key`] over
//! the keys of their words, split by the segmenter's tokenizer as the text is.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::article::Gender;
use crate::segment::{Segmenter, Token};
use crate::span::Span;

/// A word is a common lower-case English word (SCOWL).
pub const LOWER: u32 = 1 << 0;
/// A male first name (US Census).
pub const FIRST_M: u32 = 1 << 1;
/// A female first name.
pub const FIRST_F: u32 = 1 << 2;
/// A first name borne by both sexes.
pub const FIRST_U: u32 = 1 << 3;
/// A frequent first name.
pub const FIRST_FREQ: u32 = 1 << 4;
/// A surname (US Census).
pub const SURNAME: u32 = 1 << 5;
/// One of the most frequent surnames.
pub const SURNAME_TOP: u32 = 1 << 6;
/// A demonym ("Peruvian").
pub const DEMONYM: u32 = 1 << 7;
/// A nationality, religious or political group word ("Muslim", "Republican").
pub const NORP: u32 = 1 << 8;
/// A month or weekday name.
pub const TIME: u32 = 1 << 9;
/// The head word of organization names ("Ministry", "Corp").
pub const ORG_HEAD: u32 = 1 << 10;
/// The head word of natural place names ("River").
pub const LOC_HEAD: u32 = 1 << 11;
/// The head word of political place names ("Province").
pub const GPE_HEAD: u32 = 1 << 12;
/// An honorific ("Mr").
pub const HONORIFIC: u32 = 1 << 13;
/// A title ("President").
pub const TITLE: u32 = 1 << 14;
/// The honorific or title implies a man.
pub const TITLE_M: u32 = 1 << 15;
/// The honorific or title implies a woman.
pub const TITLE_F: u32 = 1 << 16;
/// A country (GeoNames).
pub const COUNTRY: u32 = 1 << 17;
/// A US state.
pub const STATE: u32 = 1 << 18;
/// A town of at least 15,000 people (GeoNames).
pub const CITY: u32 = 1 << 19;
/// A city of at least a million.
pub const CITY_BIG: u32 = 1 << 20;
/// A city of at least 100,000.
pub const CITY_MID: u32 = 1 << 21;
/// A region, sea or continent ("Middle East").
pub const REGION_LOC: u32 = 1 << 22;
/// A political region or short country name ("Crimea", "U.S.").
pub const REGION_GPE: u32 = 1 << 23;
/// The head word of facility names ("Bridge", "Airport").
pub const FAC_HEAD: u32 = 1 << 24;
/// A lower-case word that can join the words of a name ("of", "van").
pub const CONNECTOR: u32 = 1 << 25;

/// A well-known organization ("NATO", "the Kremlin").
pub const ORG_NAME: u32 = 1 << 26;

/// An abbreviated title that is one only with its period ("Sen." but not "Sen").
pub const DOTTED: u32 = 1 << 27;

/// The first word of a multi-word entry ("New" of "New York").
pub const PHRASE_START: u32 = 1 << 28;

/// A word that ends event names ("Cup", "War").
pub const EVENT_HEAD: u32 = 1 << 29;
/// A word that starts event names ("Hurricane").
pub const EVENT_FIRST: u32 = 1 << 30;

/// A company's legal form ("Corp", "Ltd"): "the company" may stand for the name.
pub const COMPANY: u32 = 1 << 31;

/// Any place flag.
pub const PLACE: u32 = COUNTRY | STATE | CITY | REGION_LOC | REGION_GPE;
/// Places that are political units.
pub const GPE_PLACE: u32 = COUNTRY | STATE | CITY | REGION_GPE;

/// A hasher for keys that already are hashes.
#[derive(Default, Clone, Copy)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x100_0000_01b3);
        }
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.0 = u64::from(n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

/// A map keyed by [`key`] hashes.
pub type KeyMap<V> = HashMap<u64, V, BuildHasherDefault<KeyHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x100_0000_01b3;

/// The lookup key of a word: a hash of its lower-cased text without a trailing period.
#[inline]
pub fn key(word: &str) -> u64 {
    let word = word.strip_suffix('.').filter(|w| !w.is_empty()).unwrap_or(word);
    let mut h = FNV_OFFSET;
    for &b in word.as_bytes() {
        if b.is_ascii() {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME);
        } else {
            return key_unicode(word);
        }
    }
    finish(h)
}

#[cold]
fn key_unicode(word: &str) -> u64 {
    let mut h = FNV_OFFSET;
    let mut buf = [0u8; 4];
    for c in word.chars().flat_map(char::to_lowercase) {
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h = (h ^ u64::from(b)).wrapping_mul(FNV_PRIME);
        }
    }
    finish(h)
}

#[inline]
fn finish(h: u64) -> u64 {
    let h = (h ^ (h >> 29)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^ (h >> 32)
}

/// Extends a phrase key by one word key. The key of a phrase is the fold of its word keys
/// starting from [`PHRASE_SEED`].
#[inline]
pub fn phrase_key(prefix: u64, word: u64) -> u64 {
    finish(prefix.rotate_left(23) ^ word.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

/// The starting value of a phrase key.
pub const PHRASE_SEED: u64 = 0x5bd1_e995_1234_5678;

/// The longest multi-word entry, in words.
pub const MAX_PHRASE: usize = 6;

/// The embedded lexicons, loaded once.
#[derive(Debug)]
pub struct Lexicon {
    words: KeyMap<u32>,
    phrases: KeyMap<u32>,
    /// Keys of the proper prefixes (two words or more) of multi-word entries.
    prefixes: KeyMap<()>,
    /// Short forms and aliases of places: name key to the key of the place they stand for.
    canonical: KeyMap<u64>,
    /// Closed-class words, which never start a name.
    function: KeyMap<()>,
    /// Word classes the tagger does not see ([`WordClass`]).
    classes: KeyMap<u8>,
    /// Words of sports reports that make a place's name a team's ("beat", "drew", "manager").
    matches: KeyMap<MatchWord>,
}

/// Classes of words the rules after the tagger ask about, kept out of the tagger's flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum WordClass {
    /// The head word of a state's bodies ("Department", "Navy").
    StateBody = 1,
    /// An abbreviated state or province written after a town ("Mass.", "N.Y.").
    StateAbbreviation = 2,
    /// A word that ends the names of laws ("Act", "Treaty").
    LawHead = 4,
    /// A common noun written right before an organization's name ("band", "airline").
    OrgNoun = 8,
}

/// How a word of a sports report marks the team named next to it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchWord {
    /// A verb of winning that says so alone: "Leeds beat Everton".
    Win,
    /// A verb that needs a score after it: "Leeds drew 1-1".
    Score,
    /// A noun of a team's people: "Leeds manager".
    Role,
}

const PLACES: &str = include_str!("../../data/entities/places.tsv");
const FIRST_NAMES: &str = include_str!("../../data/entities/first_names.tsv");
const SURNAMES: &str = include_str!("../../data/entities/surnames.txt");
const DEMONYMS: &str = include_str!("../../data/entities/demonyms.tsv");
const LOWER_WORDS: &str = include_str!("../../data/entities/lower_words.txt");
const TITLES: &str = include_str!("../../data/entities/titles.tsv");
const ORG_WORDS: &str = include_str!("../../data/entities/org_words.txt");
const PLACE_WORDS: &str = include_str!("../../data/entities/place_words.txt");
const REGIONS: &str = include_str!("../../data/entities/regions.tsv");
const NORP_WORDS: &str = include_str!("../../data/entities/norp.txt");
const TIME_WORDS: &str = include_str!("../../data/entities/time_words.txt");
const CONNECTORS: &str = include_str!("../../data/entities/connectors.txt");
const ORGANIZATIONS: &str = include_str!("../../data/entities/organizations.txt");
const EVENT_WORDS: &str = include_str!("../../data/entities/event_words.tsv");
const FUNCTION_WORDS: &str = include_str!("../../data/entities/function_words.txt");
const MATCH_WORDS: &str = include_str!("../../data/entities/match_words.txt");
const STATE_ABBREVIATIONS: &str = include_str!("../../data/entities/state_abbreviations.txt");
const LAW_WORDS: &str = include_str!("../../data/entities/law_words.txt");
const ORG_NOUNS: &str = include_str!("../../data/entities/org_nouns.txt");

/// Non-empty, non-comment lines of an embedded list, split on tabs.
fn lines(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().filter(|l| !l.is_empty() && !l.starts_with('#')).map(|l| l.split('\t').collect())
}

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

impl Lexicon {
    /// Parses the embedded lists.
    pub fn new() -> Lexicon {
        let mut lex = Lexicon {
            words: KeyMap::default(),
            phrases: KeyMap::default(),
            prefixes: KeyMap::default(),
            canonical: KeyMap::default(),
            function: lines(FUNCTION_WORDS).map(|f| (key(f[0]), ())).collect(),
            classes: KeyMap::default(),
            matches: lines(MATCH_WORDS)
                .filter_map(|f| {
                    let class = match f.get(1) {
                        Some(&"win") => MatchWord::Win,
                        Some(&"score") => MatchWord::Score,
                        Some(&"role") => MatchWord::Role,
                        _ => return None,
                    };
                    Some((key(f[0]), class))
                })
                .collect(),
        };
        let state_bodies = lines(ORG_WORDS).filter(|f| f.get(1) == Some(&"state"));
        for (f, class) in state_bodies
            .map(|f| (f, WordClass::StateBody))
            .chain(lines(STATE_ABBREVIATIONS).map(|f| (f, WordClass::StateAbbreviation)))
            .chain(lines(LAW_WORDS).map(|f| (f, WordClass::LawHead)))
            .chain(lines(ORG_NOUNS).map(|f| (f, WordClass::OrgNoun)))
        {
            *lex.classes.entry(key(f[0])).or_default() |= class as u8;
        }
        lex.words.reserve(160_000);
        let seg = Segmenter::new();
        let mut toks = Vec::new();
        let mut split = |entry: &str| -> Vec<u64> {
            toks.clear();
            seg.tokenize(entry, Span::new(0, entry.len()), &mut toks);
            toks.iter().map(|t: &Token| key(t.span.as_str(entry))).collect()
        };
        for f in lines(TITLES) {
            let flag = match f.get(1) {
                Some(&"h") => HONORIFIC,
                Some(&"ht") => HONORIFIC | TITLE,
                Some(&"a") => TITLE | DOTTED,
                _ => TITLE,
            };
            let gender = match f.get(2) {
                Some(&"m") => TITLE_M,
                Some(&"f") => TITLE_F,
                _ => 0,
            };
            lex.add(&split(f[0]), flag | gender);
        }
        for (list, flag) in [(ORG_WORDS, ORG_HEAD), (TIME_WORDS, TIME), (CONNECTORS, CONNECTOR)] {
            for f in lines(list) {
                lex.add_word(f[0], flag | if f.get(1) == Some(&"company") { COMPANY } else { 0 });
            }
        }
        for f in lines(PLACE_WORDS) {
            let flag = match f.get(1) {
                Some(&"GPE") => GPE_HEAD,
                Some(&"FAC") => FAC_HEAD,
                _ => LOC_HEAD,
            };
            lex.add_word(f[0], flag);
        }
        for f in lines(REGIONS) {
            lex.add(&split(f[0]), if f.get(1) == Some(&"GPE") { REGION_GPE } else { REGION_LOC });
            if let Some(c) = f.get(2) {
                lex.add_alias(&split(f[0]), &split(c));
            }
        }
        for f in lines(PLACES) {
            let bucket: u32 = f.get(2).and_then(|b| b.parse().ok()).unwrap_or(0);
            let flag = match f.get(1) {
                Some(&"C") => COUNTRY,
                Some(&"S") => STATE,
                _ => CITY | if bucket >= 6 { CITY_BIG } else { 0 } | if bucket >= 5 { CITY_MID } else { 0 },
            };
            lex.add(&split(f[0]), flag);
            if let Some(c) = f.get(3) {
                lex.add_alias(&split(f[0]), &split(c));
            }
        }
        for f in lines(EVENT_WORDS) {
            lex.add_word(
                f[0].rsplit(' ').next().unwrap_or(f[0]),
                if f.get(1) == Some(&"first") { 0 } else { EVENT_HEAD },
            );
            lex.add_word(
                f[0].split(' ').next().unwrap_or(f[0]),
                if f.get(1) == Some(&"first") { EVENT_FIRST } else { 0 },
            );
        }
        for (list, flag) in [(ORGANIZATIONS, ORG_NAME), (DEMONYMS, DEMONYM), (NORP_WORDS, NORP)] {
            for f in lines(list) {
                lex.add(&split(f[0]), flag);
            }
        }
        for f in lines(FIRST_NAMES) {
            let gender = match f.get(1) {
                Some(&"m") => FIRST_M,
                Some(&"f") => FIRST_F,
                _ => FIRST_U,
            };
            let freq: u32 = f.get(2).and_then(|b| b.parse().ok()).unwrap_or(0);
            lex.add_word(f[0], gender | if freq >= 2 { FIRST_FREQ } else { 0 });
        }
        for (rank, f) in lines(SURNAMES).enumerate() {
            lex.add_word(f[0], SURNAME | if rank < 2000 { SURNAME_TOP } else { 0 });
        }
        for f in lines(LOWER_WORDS) {
            lex.add_word(f[0], LOWER);
        }
        lex
    }

    fn add_word(&mut self, word: &str, flags: u32) {
        *self.words.entry(key(word)).or_default() |= flags;
    }

    /// Makes an alias (its word keys) stand for a canonical name.
    fn add_alias(&mut self, alias: &[u64], canonical: &[u64]) {
        self.canonical.insert(name_key(alias.iter().copied()), name_key(canonical.iter().copied()));
    }

    /// Adds an entry (its word keys): one word to the word table, more to the phrase table.
    fn add(&mut self, ws: &[u64], flags: u32) {
        match ws.len() {
            0 => {}
            1 => *self.words.entry(ws[0]).or_default() |= flags,
            n if n <= MAX_PHRASE => {
                *self.words.entry(ws[0]).or_default() |= PHRASE_START;
                let mut h = PHRASE_SEED;
                for (i, &w) in ws.iter().enumerate() {
                    h = phrase_key(h, w);
                    if i >= 1 && i + 1 < n {
                        self.prefixes.insert(h, ());
                    }
                }
                *self.phrases.entry(h).or_default() |= flags;
            }
            _ => {}
        }
    }

    /// True when some multi-word entry starts with the phrase of this [`phrase_key`] (of two
    /// words or more) and goes on.
    #[inline]
    pub fn is_prefix(&self, key: u64) -> bool {
        self.prefixes.contains_key(&key)
    }

    /// A closed-class word ("but", "five"), by its [`key`].
    #[inline]
    pub fn is_function_word(&self, key: u64) -> bool {
        self.function.contains_key(&key)
    }

    /// True when the word of this [`key`] is of `class`.
    #[inline]
    pub fn is(&self, key: u64, class: WordClass) -> bool {
        self.classes.get(&key).is_some_and(|c| c & class as u8 != 0)
    }

    /// How a word of sports reports marks a team ("beat", "drew", "manager"), by its [`key`].
    #[inline]
    pub fn match_word(&self, key: u64) -> Option<MatchWord> {
        self.matches.get(&key).copied()
    }

    /// The flags of a word, by its [`key`].
    #[inline]
    pub fn word(&self, key: u64) -> u32 {
        self.words.get(&key).copied().unwrap_or(0)
    }

    /// The flags of a multi-word phrase, by its [`phrase_key`].
    #[inline]
    pub fn phrase(&self, key: u64) -> u32 {
        self.phrases.get(&key).copied().unwrap_or(0)
    }

    /// The flags of a name of one or more words, by its [`name_key`] and word count.
    pub fn name(&self, key: u64, first_word: u64, words: usize) -> u32 {
        if words == 1 {
            self.word(first_word)
        } else {
            self.phrase(key)
        }
    }

    /// The key of the place a short form or alias stands for ("U.S." → "United States"), by
    /// [`name_key`]; the key itself when it is no known alias.
    pub fn canonical(&self, key: u64) -> u64 {
        self.canonical.get(&key).copied().unwrap_or(key)
    }

    /// The gender an honorific or title implies ("Mr." → male, "Queen" → female). Periods and
    /// case of the first letter are ignored.
    pub fn title_gender(&self, word: &str) -> Option<Gender> {
        let flags = self.word(key(word));
        if flags & (HONORIFIC | TITLE) == 0 {
            return None;
        }
        gender(flags, TITLE_M, TITLE_F)
    }

    /// True for an honorific ("Mr.", "Dr") or a one-word title ("President", "Gen.").
    pub fn is_title(&self, word: &str) -> bool {
        self.word(key(word)) & (HONORIFIC | TITLE) != 0
    }

    /// The gender of a first name when nearly all its US bearers share one (US Census 1990).
    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        gender(self.word(key(word)), FIRST_M, FIRST_F)
    }
}

fn gender(flags: u32, male: u32, female: u32) -> Option<Gender> {
    match (flags & male != 0, flags & female != 0) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// The key of a name from its word keys: [`phrase_key`] folded from [`PHRASE_SEED`].
pub fn name_key(words: impl IntoIterator<Item = u64>) -> u64 {
    words.into_iter().fold(PHRASE_SEED, phrase_key)
}

/// One lexicon for all unit tests: building it is slow in debug builds.
#[cfg(test)]
pub(crate) fn shared() -> &'static Lexicon {
    static LEX: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
    LEX.get_or_init(Lexicon::new)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_ignore_case_and_trailing_period() {
        assert_eq!(key("Mr."), key("mr"));
        assert_eq!(key("ÉCOLE"), key("école"));
        assert_ne!(key("U.S."), key("us"));
        assert_eq!(key("."), key("."));
    }

    #[test]
    fn lists_load() {
        let lex = crate::entities::lexicon::shared();
        assert!(lex.word(key("Mr")) & HONORIFIC != 0);
        assert!(lex.word(key("Mrs.")) & TITLE_F != 0);
        assert!(lex.word(key("Belarus")) & COUNTRY != 0);
        assert!(lex.word(key("Oslo")) & CITY_BIG != 0);
        assert!(lex.word(key("Peruvian")) & DEMONYM != 0);
        assert!(lex.word(key("cooperation")) & LOWER != 0);
        assert!(lex.word(key("Tuesday")) & TIME != 0);
        assert!(lex.word(key("Ministry")) & ORG_HEAD != 0);
        let mut h = PHRASE_SEED;
        for w in ["new", "york", "city"] {
            h = phrase_key(h, key(w));
        }
        assert!(lex.phrase(h) & CITY != 0);
        assert_eq!(lex.title_gender("Mr."), Some(Gender::Male));
        assert_eq!(lex.title_gender("President"), None);
        assert_eq!(lex.first_name_gender("Mary"), Some(Gender::Female));
        assert_eq!(lex.first_name_gender("Jordan"), None);
        let k = |s: &str| name_key(s.split(' ').map(key));
        assert_eq!(lex.canonical(k("U.S.")), k("United States"));
        assert_eq!(lex.canonical(k("Kiev")), k("Kyiv"));
        assert_eq!(lex.canonical(k("Oslo")), k("Oslo"));
    }
}
