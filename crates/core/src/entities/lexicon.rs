//! The embedded word lists: gazetteers of places and names, honorifics and titles, organization
//! and place head words, demonyms, and the words English writes in lower case.
//!
//! Every entry is keyed by [`key`], a hash of its lower-cased text, so looking a word up costs
//! one hash of its bytes and no allocation. Multi-word entries are keyed by [`phrase_key`] over
//! the keys of their words, split by the segmenter's tokenizer as the text is.

use crate::article::Gender;
use crate::data::{self, data_file, DataFile, Line, Unique};
use crate::hash::FastMap;
use crate::segment::{Segmenter, Token};
use crate::span::Span;
use std::ops::{BitAnd, BitOr, BitOrAssign};

/// The lexicon's word classes of a word or a phrase, as a set of bits: [`Lexicon::word`] and
/// [`Lexicon::phrase`] give them, and the rules ask with [`Flags::has`] or [`Flags::any`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    /// A word is a common lower-case English word (SCOWL).
    pub const LOWER: Flags = Flags(1 << 0);
    /// A male first name (US Census).
    pub const FIRST_M: Flags = Flags(1 << 1);
    /// A female first name.
    pub const FIRST_F: Flags = Flags(1 << 2);
    /// A first name borne by both sexes.
    pub const FIRST_U: Flags = Flags(1 << 3);
    /// A frequent first name.
    pub const FIRST_FREQ: Flags = Flags(1 << 4);
    /// A surname (US Census).
    pub const SURNAME: Flags = Flags(1 << 5);
    /// One of the most frequent surnames.
    pub const SURNAME_TOP: Flags = Flags(1 << 6);
    /// A demonym ("Peruvian").
    pub const DEMONYM: Flags = Flags(1 << 7);
    /// A nationality, religious or political group word ("Muslim", "Republican").
    pub const NORP: Flags = Flags(1 << 8);
    /// A month or weekday name.
    pub const TIME: Flags = Flags(1 << 9);
    /// The head word of organization names ("Ministry", "Corp").
    pub const ORG_HEAD: Flags = Flags(1 << 10);
    /// The head word of natural place names ("River").
    pub const LOC_HEAD: Flags = Flags(1 << 11);
    /// The head word of political place names ("Province").
    pub const GPE_HEAD: Flags = Flags(1 << 12);
    /// An honorific ("Mr").
    pub const HONORIFIC: Flags = Flags(1 << 13);
    /// A title ("President").
    pub const TITLE: Flags = Flags(1 << 14);
    /// The honorific or title implies a man.
    pub const TITLE_M: Flags = Flags(1 << 15);
    /// The honorific or title implies a woman.
    pub const TITLE_F: Flags = Flags(1 << 16);
    /// A country (GeoNames).
    pub const COUNTRY: Flags = Flags(1 << 17);
    /// A US state.
    pub const STATE: Flags = Flags(1 << 18);
    /// A town of at least 15,000 people (GeoNames).
    pub const CITY: Flags = Flags(1 << 19);
    /// A city of at least a million.
    pub const CITY_BIG: Flags = Flags(1 << 20);
    /// A city of at least 100,000.
    pub const CITY_MID: Flags = Flags(1 << 21);
    /// A region, sea or continent ("Middle East").
    pub const REGION_LOC: Flags = Flags(1 << 22);
    /// A political region or short country name ("Crimea", "U.S.").
    pub const REGION_GPE: Flags = Flags(1 << 23);
    /// The head word of facility names ("Bridge", "Airport").
    pub const FAC_HEAD: Flags = Flags(1 << 24);
    /// A lower-case word that can join the words of a name ("of", "van").
    pub const CONNECTOR: Flags = Flags(1 << 25);

    /// A well-known organization ("NATO", "the Kremlin").
    pub const ORG_NAME: Flags = Flags(1 << 26);

    /// An abbreviated title that is one only with its period ("Sen." but not "Sen").
    pub const DOTTED: Flags = Flags(1 << 27);

    /// The first word of a multi-word entry ("New" of "New York").
    pub const PHRASE_START: Flags = Flags(1 << 28);

    /// A word that ends event names ("Cup", "War").
    pub const EVENT_HEAD: Flags = Flags(1 << 29);
    /// A word that starts event names ("Hurricane").
    pub const EVENT_FIRST: Flags = Flags(1 << 30);

    /// A company's legal form ("Corp", "Ltd"): "the company" may stand for the name.
    pub const COMPANY: Flags = Flags(1 << 31);

    /// Any place flag.
    pub const PLACE: Flags = Self::GPE_PLACE.union(Self::REGION_LOC);
    /// Places that are political units.
    pub const GPE_PLACE: Flags = Self::COUNTRY.union(Self::STATE).union(Self::CITY).union(Self::REGION_GPE);
    /// A first name or a surname (the frequency bits come only with these).
    pub const PERSON_NAME: Flags = Self::FIRST_M.union(Self::FIRST_F).union(Self::FIRST_U).union(Self::SURNAME);

    /// No class.
    #[inline]
    pub const fn empty() -> Flags {
        Flags(0)
    }

    /// True when no class is set.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// True when every class of `other` is set.
    #[inline]
    pub const fn has(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// True when some class of `other` is set.
    #[inline]
    pub const fn any(self, other: Flags) -> bool {
        self.0 & other.0 != 0
    }

    /// The union, in constant expressions (where `|` cannot be called).
    #[inline]
    pub const fn union(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }

    /// These classes without those of `other`.
    #[inline]
    pub const fn without(self, other: Flags) -> Flags {
        Flags(self.0 & !other.0)
    }

    /// The bit positions of the classes set, lowest first (feature ids are hashed from them).
    #[inline]
    pub fn bit_indices(self) -> impl Iterator<Item = u32> {
        let mut f = self.0;
        std::iter::from_fn(move || {
            (f != 0).then(|| {
                let bit = f.trailing_zeros();
                f &= f - 1;
                bit
            })
        })
    }
}

impl BitOr for Flags {
    type Output = Flags;
    #[inline]
    fn bitor(self, other: Flags) -> Flags {
        Flags(self.0 | other.0)
    }
}

impl BitOrAssign for Flags {
    #[inline]
    fn bitor_assign(&mut self, other: Flags) {
        self.0 |= other.0;
    }
}

/// The intersection: the classes set in both.
impl BitAnd for Flags {
    type Output = Flags;
    #[inline]
    fn bitand(self, other: Flags) -> Flags {
        Flags(self.0 & other.0)
    }
}

/// A map keyed by [`key`] hashes.
pub type KeyMap<V> = FastMap<u64, V>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x100_0000_01b3;

/// The lookup key of a word: a hash of its lower-cased text without a trailing period.
#[inline]
pub fn key(word: &str) -> u64 {
    let word = word.strip_suffix('.').filter(|w| !w.is_empty()).unwrap_or(word);
    let mut h = FNV_OFFSET;
    for &b in word.as_bytes() {
        if b.is_ascii() {
            h = fnv_lower(h, b);
        } else {
            return key_unicode(word);
        }
    }
    finish(h)
}

/// One step of the hash of [`key`]: an ASCII byte, lower-cased.
#[inline]
fn fnv_lower(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(FNV_PRIME)
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
    words: KeyMap<Flags>,
    phrases: KeyMap<Flags>,
    /// Keys of the proper prefixes (two words or more) of multi-word entries.
    prefixes: KeyMap<()>,
    /// Short forms and aliases of places: name key to the key of the place they stand for.
    canonical: KeyMap<u64>,
    /// Closed-class words, which never start a name.
    function: KeyMap<()>,
    /// Word classes the tagger does not see ([`WordClass`]).
    classes: KeyMap<u16>,
    /// Words of sports reports that make a place's name a team's ("beat", "drew", "manager").
    matches: KeyMap<MatchWord>,
}

/// Classes of words the rules after the tagger ask about, kept out of the tagger's flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u16)]
pub enum WordClass {
    /// The head word of a state's bodies ("Department", "Navy").
    StateBody = 1,
    /// An abbreviated state or province written after a town ("Mass.", "N.Y.").
    StateAbbreviation = 2,
    /// A word that ends the names of laws ("Act", "Treaty").
    LawHead = 4,
    /// A common noun written right before an organization's name ("band", "airline").
    OrgNoun = 8,
    /// A word written before a club's or a campus's name ("FC Riverton", "U.C. Lakeside").
    OrgFirst = 16,
    /// A word written after a club's name ("Eastport FC", "Riverton United").
    OrgLast = 32,
    /// A word written after a programme's name ("Riverton Tonight") or before it ("Good
    /// Morning Norland"), which is then no place.
    ProgrammeLast = 64,
    /// See [`WordClass::ProgrammeLast`]: the word before the name.
    ProgrammeFirst = 128,
    /// A lower-case noun after the name of a paper's section ("the Small Business section").
    SectionNoun = 256,
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

const PLACES: DataFile<'static> = data_file!("data/entities/places.tsv");
const FIRST_NAMES: DataFile<'static> = data_file!("data/entities/first_names.tsv");
const SURNAMES: DataFile<'static> = data_file!("data/entities/surnames.txt");
const DEMONYMS: DataFile<'static> = data_file!("data/entities/demonyms.tsv");
const LOWER_WORDS: DataFile<'static> = data_file!("data/entities/lower_words.txt");
const TITLES: DataFile<'static> = data_file!("data/entities/titles.tsv");
const ORG_WORDS: DataFile<'static> = data_file!("data/entities/org_words.txt");
const PLACE_WORDS: DataFile<'static> = data_file!("data/entities/place_words.txt");
const REGIONS: DataFile<'static> = data_file!("data/entities/regions.tsv");
const NORP_WORDS: DataFile<'static> = data_file!("data/entities/norp.txt");
const TIME_WORDS: DataFile<'static> = data_file!("data/entities/time_words.txt");
const CONNECTORS: DataFile<'static> = data_file!("data/entities/connectors.txt");
const ORGANIZATIONS: DataFile<'static> = data_file!("data/entities/organizations.txt");
const EVENT_WORDS: DataFile<'static> = data_file!("data/entities/event_words.tsv");
const FUNCTION_WORDS: DataFile<'static> = data_file!("data/entities/function_words.txt");
const MATCH_WORDS: DataFile<'static> = data_file!("data/entities/match_words.txt");
const STATE_ABBREVIATIONS: DataFile<'static> = data_file!("data/entities/state_abbreviations.txt");
const LAW_WORDS: DataFile<'static> = data_file!("data/entities/law_words.txt");
const ORG_NOUNS: DataFile<'static> = data_file!("data/entities/org_nouns.txt");
const ORG_AFFIXES: DataFile<'static> = data_file!("data/entities/org_affixes.txt");
const MEDIA_WORDS: DataFile<'static> = data_file!("data/entities/media_words.txt");

impl Default for Lexicon {
    fn default() -> Lexicon {
        Lexicon::new()
    }
}

impl Lexicon {
    /// Parses the embedded lists.
    pub fn new() -> Lexicon {
        data::embedded(Lexicon::read())
    }

    /// Builds the lexicon from the embedded lists, each read by its reader below.
    fn read() -> data::Result<Lexicon> {
        let mut lex = Lexicon {
            words: KeyMap::default(),
            phrases: KeyMap::default(),
            prefixes: KeyMap::default(),
            canonical: KeyMap::default(),
            function: FUNCTION_WORDS.entries()?.into_iter().map(|w| (key(w), ())).collect(),
            classes: KeyMap::default(),
            matches: match_words(MATCH_WORDS)?.into_iter().map(|(w, class)| (key(w), class)).collect(),
        };
        let org_words = org_words(ORG_WORDS)?;
        let state_bodies = org_words.iter().filter(|w| w.state).map(|w| (w.word, WordClass::StateBody));
        for (word, class) in state_bodies
            .chain(STATE_ABBREVIATIONS.entries()?.into_iter().map(|w| (w, WordClass::StateAbbreviation)))
            .chain(LAW_WORDS.entries()?.into_iter().map(|w| (w, WordClass::LawHead)))
            .chain(ORG_NOUNS.entries()?.into_iter().map(|w| (w, WordClass::OrgNoun)))
            .chain(org_affixes(ORG_AFFIXES)?)
            .chain(media_words(MEDIA_WORDS)?)
        {
            *lex.classes.entry(key(word)).or_default() |= class as u16;
        }
        lex.words.reserve(160_000);
        let seg = Segmenter::new();
        let mut toks = Vec::new();
        // Two buffers of word keys: an entry's and the name it stands for.
        let (mut ws, mut cs) = (Vec::new(), Vec::new());
        let mut split = |entry: &str, out: &mut Vec<u64>| entry_keys(&seg, &mut toks, entry, out);
        for (phrase, flags) in titles(TITLES)? {
            split(phrase, &mut ws);
            lex.add(&ws, flags);
        }
        for w in org_words {
            lex.add_word(w.word, Flags::ORG_HEAD | w.company);
        }
        for (list, flag) in [(TIME_WORDS, Flags::TIME), (CONNECTORS, Flags::CONNECTOR)] {
            for word in list.entries()? {
                lex.add_word(word, flag);
            }
        }
        for (word, flag) in place_words(PLACE_WORDS)? {
            lex.add_word(word, flag);
        }
        for (name, flag, canonical) in regions(REGIONS)?.into_iter().chain(places(PLACES)?) {
            split(name, &mut ws);
            lex.add(&ws, flag);
            if let Some(c) = canonical {
                split(c, &mut cs);
                lex.add_alias(&ws, &cs);
            }
        }
        for (phrase, first) in event_words(EVENT_WORDS)? {
            lex.add_word(
                phrase.rsplit(' ').next().unwrap_or(phrase),
                if first { Flags::empty() } else { Flags::EVENT_HEAD },
            );
            lex.add_word(
                phrase.split(' ').next().unwrap_or(phrase),
                if first { Flags::EVENT_FIRST } else { Flags::empty() },
            );
        }
        for (name, flag) in ORGANIZATIONS
            .entries()?
            .into_iter()
            .map(|n| (n, Flags::ORG_NAME))
            .chain(demonyms(DEMONYMS)?.into_iter().map(|n| (n, Flags::DEMONYM)))
            .chain(NORP_WORDS.entries()?.into_iter().map(|n| (n, Flags::NORP)))
        {
            split(name, &mut ws);
            lex.add(&ws, flag);
        }
        for (name, flags) in first_names(FIRST_NAMES)? {
            lex.add_word(name, flags);
        }
        for (rank, name) in SURNAMES.entries()?.into_iter().enumerate() {
            lex.add_word(name, Flags::SURNAME | if rank < 2000 { Flags::SURNAME_TOP } else { Flags::empty() });
        }
        for word in LOWER_WORDS.entries()? {
            lex.add_word(word, Flags::LOWER);
        }
        Ok(lex)
    }

    fn add_word(&mut self, word: &str, flags: Flags) {
        *self.words.entry(key(word)).or_default() |= flags;
    }

    /// Makes an alias (its word keys) stand for a canonical name.
    fn add_alias(&mut self, alias: &[u64], canonical: &[u64]) {
        self.canonical.insert(name_key(alias.iter().copied()), name_key(canonical.iter().copied()));
    }

    /// Adds an entry (its word keys): one word to the word table, more to the phrase table.
    fn add(&mut self, ws: &[u64], flags: Flags) {
        match ws.len() {
            0 => {}
            1 => *self.words.entry(ws[0]).or_default() |= flags,
            n if n <= MAX_PHRASE => {
                *self.words.entry(ws[0]).or_default() |= Flags::PHRASE_START;
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

    /// True when some multi-word entry starts with the phrase of this `phrase_key` (of two
    /// words or more) and goes on.
    #[inline]
    pub fn is_prefix(&self, key: u64) -> bool {
        self.prefixes.contains_key(&key)
    }

    /// A closed-class word ("but", "five"), by its `key`.
    #[inline]
    pub fn is_function_word(&self, key: u64) -> bool {
        self.function.contains_key(&key)
    }

    /// True when the word of this `key` is of `class`.
    #[inline]
    pub fn is(&self, key: u64, class: WordClass) -> bool {
        self.classes.get(&key).is_some_and(|c| c & class as u16 != 0)
    }

    /// How a word of sports reports marks a team ("beat", "drew", "manager"), by its `key`.
    #[inline]
    pub fn match_word(&self, key: u64) -> Option<MatchWord> {
        self.matches.get(&key).copied()
    }

    /// The flags of a word, by its `key`.
    #[inline]
    pub(crate) fn word(&self, key: u64) -> Flags {
        self.words.get(&key).copied().unwrap_or_default()
    }

    /// The flags of a multi-word phrase, by its `phrase_key`.
    #[inline]
    pub(crate) fn phrase(&self, key: u64) -> Flags {
        self.phrases.get(&key).copied().unwrap_or_default()
    }

    /// The flags of a name of one or more words, by its `name_key` and word count.
    pub(crate) fn name(&self, key: u64, first_word: u64, words: usize) -> Flags {
        if words == 1 {
            self.word(first_word)
        } else {
            self.phrase(key)
        }
    }

    /// The key of the place a short form or alias stands for ("U.S." → "United States"), by
    /// `name_key`; the key itself when it is no known alias.
    pub fn canonical(&self, key: u64) -> u64 {
        self.canonical.get(&key).copied().unwrap_or(key)
    }

    /// The gender an honorific or title implies ("Mr." → male, "Queen" → female). Periods and
    /// case of the first letter are ignored.
    pub fn title_gender(&self, word: &str) -> Option<Gender> {
        let flags = self.word(key(word));
        if !flags.any(Flags::HONORIFIC | Flags::TITLE) {
            return None;
        }
        gender(flags, Flags::TITLE_M, Flags::TITLE_F)
    }

    /// True for an honorific ("Mr.", "Dr") or a one-word title ("President", "Gen.").
    pub fn is_title(&self, word: &str) -> bool {
        self.word(key(word)).any(Flags::HONORIFIC | Flags::TITLE)
    }

    /// The gender of a first name when nearly all its US bearers share one (US Census 1990).
    pub fn first_name_gender(&self, word: &str) -> Option<Gender> {
        gender(self.word(key(word)), Flags::FIRST_M, Flags::FIRST_F)
    }
}

fn gender(flags: Flags, male: Flags, female: Flags) -> Option<Gender> {
    match (flags.has(male), flags.has(female)) {
        (true, false) => Some(Gender::Male),
        (false, true) => Some(Gender::Female),
        _ => None,
    }
}

/// A head word of `org_words.txt`.
struct OrgWord<'a> {
    word: &'a str,
    /// [`Flags::COMPANY`] for a company's legal form, else empty.
    company: Flags,
    /// The head word of a state's bodies ("Department").
    state: bool,
}

/// The word keys of a list entry into `out`, split as the segmenter splits text. Most entries
/// are plain words of letters and digits between spaces, which the tokenizer splits at the
/// spaces and nowhere else (no period, hyphen, apostrophe, mark or address to join or cut):
/// those skip it, which was most of building the lexicon.
fn entry_keys(seg: &Segmenter, toks: &mut Vec<Token>, entry: &str, out: &mut Vec<u64>) {
    out.clear();
    if ascii_keys(entry, out) {
        return;
    }
    out.clear();
    if entry.chars().all(|c| c == ' ' || c.is_alphanumeric()) {
        out.extend(entry.split(' ').filter(|w| !w.is_empty()).map(key));
        return;
    }
    toks.clear();
    seg.tokenize(entry, Span::new(0, entry.len()), toks);
    out.extend(toks.iter().map(|t| key(t.span.as_str(entry))));
}

/// The [`key`]s of the words of an entry of ASCII letters, digits and spaces, in one pass over
/// its bytes, into `out`; false (with `out` part-filled) at any other byte.
fn ascii_keys(entry: &str, out: &mut Vec<u64>) -> bool {
    let (mut h, mut len) = (FNV_OFFSET, 0);
    for &b in entry.as_bytes() {
        if b == b' ' {
            if len > 0 {
                out.push(finish(h));
            }
            (h, len) = (FNV_OFFSET, 0);
        } else if b.is_ascii_alphanumeric() {
            h = fnv_lower(h, b);
            len += 1;
        } else {
            return false;
        }
    }
    if len > 0 {
        out.push(finish(h));
    }
    true
}

/// Reads `org_words.txt`: head words of organization names, `company` or `state` for some.
fn org_words(file: DataFile<'_>) -> data::Result<Vec<OrgWord<'_>>> {
    let kinds =
        [("", (Flags::empty(), false)), ("company", (Flags::COMPANY, false)), ("state", (Flags::empty(), true))];
    rows(file, Unique::FirstColumn, |line| {
        let [word, kind] = line.columns(1)?;
        let (company, state) = line.class(kind, &kinds)?;
        Ok(OrgWord { word, company, state })
    })
}

/// Reads `titles.tsv`: a title or honorific, its kind (`h`, `ht`, `t`, `a`) and the gender it
/// implies (`m`, `f`, `-`), as flags.
fn titles(file: DataFile<'_>) -> data::Result<Vec<(&str, Flags)>> {
    let kinds = [
        ("h", Flags::HONORIFIC),
        ("ht", Flags::HONORIFIC | Flags::TITLE),
        ("t", Flags::TITLE),
        ("a", Flags::TITLE | Flags::DOTTED),
    ];
    let genders = [("m", Flags::TITLE_M), ("f", Flags::TITLE_F), ("-", Flags::empty())];
    rows(file, Unique::FirstColumn, |line| {
        let [title, kind, gender] = line.columns(3)?;
        Ok((title, line.class(kind, &kinds)? | line.class(gender, &genders)?))
    })
}

/// Reads `place_words.txt`: head words of place names with their kind (`LOC`, `GPE`, `FAC`).
fn place_words(file: DataFile<'_>) -> data::Result<Vec<(&str, Flags)>> {
    let kinds = [("LOC", Flags::LOC_HEAD), ("GPE", Flags::GPE_HEAD), ("FAC", Flags::FAC_HEAD)];
    rows(file, Unique::FirstColumn, |line| {
        let [word, kind] = line.columns(2)?;
        Ok((word, line.class(kind, &kinds)?))
    })
}

/// Reads `regions.tsv`: a place, `LOC` or `GPE`, and the place it stands for, if any.
fn regions(file: DataFile<'_>) -> data::Result<Vec<(&str, Flags, Option<&str>)>> {
    let kinds = [("LOC", Flags::REGION_LOC), ("GPE", Flags::REGION_GPE)];
    rows(file, Unique::FirstColumn, |line| {
        let [name, kind, canonical] = line.columns(2)?;
        Ok((name, line.class(kind, &kinds)?, Some(canonical).filter(|c| !c.is_empty())))
    })
}

/// Reads `places.tsv`: a place, `C` (country), `S` (state) or `T` (town), its population
/// bucket, and the place it stands for, if any.
fn places(file: DataFile<'_>) -> data::Result<Vec<(&str, Flags, Option<&str>)>> {
    let kinds = [("C", Some(Flags::COUNTRY)), ("S", Some(Flags::STATE)), ("T", None)];
    rows(file, Unique::FirstColumn, |line| {
        let [name, kind, bucket, canonical] = line.columns(3)?;
        let bucket: u32 = line.number(bucket)?;
        let town = Flags::CITY
            | if bucket >= 6 { Flags::CITY_BIG } else { Flags::empty() }
            | if bucket >= 5 { Flags::CITY_MID } else { Flags::empty() };
        let flag = line.class(kind, &kinds)?.unwrap_or(town);
        Ok((name, flag, Some(canonical).filter(|c| !c.is_empty())))
    })
}

/// Reads `event_words.tsv`: a word that ends (`head`) or starts (`first`) event names; true
/// for `first`.
fn event_words(file: DataFile<'_>) -> data::Result<Vec<(&str, bool)>> {
    rows(file, Unique::FirstColumn, |line| {
        let [word, kind] = line.columns(2)?;
        Ok((word, line.class(kind, &[("head", false), ("first", true)])?))
    })
}

/// Reads `match_words.txt`: a word of sports reports and how it marks a team.
fn match_words(file: DataFile<'_>) -> data::Result<Vec<(&str, MatchWord)>> {
    let kinds = [("win", MatchWord::Win), ("score", MatchWord::Score), ("role", MatchWord::Role)];
    rows(file, Unique::FirstColumn, |line| {
        let [word, kind] = line.columns(2)?;
        Ok((word, line.class(kind, &kinds)?))
    })
}

/// Reads `org_affixes.txt`: a word and where it stands around an organization's name (`first`, `last`).
fn org_affixes(file: DataFile<'_>) -> data::Result<Vec<(&str, WordClass)>> {
    let places = [("first", WordClass::OrgFirst), ("last", WordClass::OrgLast)];
    rows(file, Unique::Line, |line| {
        let [word, place] = line.columns(2)?;
        Ok((word, line.class(place, &places)?))
    })
}

/// Reads `media_words.txt`: a word and where it stands around a programme's or a section's name.
fn media_words(file: DataFile<'_>) -> data::Result<Vec<(&str, WordClass)>> {
    let places =
        [("first", WordClass::ProgrammeFirst), ("last", WordClass::ProgrammeLast), ("section", WordClass::SectionNoun)];
    rows(file, Unique::Line, |line| {
        let [word, place] = line.columns(2)?;
        Ok((word, line.class(place, &places)?))
    })
}

/// Reads `demonyms.tsv`: a demonym and its country (a demonym may have several).
fn demonyms(file: DataFile<'_>) -> data::Result<Vec<&str>> {
    rows(file, Unique::Line, |line| {
        let [demonym, _country] = line.columns(2)?;
        Ok(demonym)
    })
}

/// Reads `first_names.tsv`: a first name, the sex of its bearers (`m`, `f`, `u` for both) and
/// its frequency class, as flags.
fn first_names(file: DataFile<'_>) -> data::Result<Vec<(&str, Flags)>> {
    let genders = [("m", Flags::FIRST_M), ("f", Flags::FIRST_F), ("u", Flags::FIRST_U)];
    rows(file, Unique::FirstColumn, |line| {
        let [name, gender, freq] = line.columns(3)?;
        let freq: u32 = line.number(freq)?;
        Ok((name, line.class(gender, &genders)? | if freq >= 2 { Flags::FIRST_FREQ } else { Flags::empty() }))
    })
}

/// Each entry line of `file` through `row`.
fn rows<'a, T>(
    file: DataFile<'a>,
    unique: Unique,
    mut row: impl FnMut(&Line<'a>) -> data::Result<T>,
) -> data::Result<Vec<T>> {
    let mut out = Vec::new();
    file.each(unique, |line| {
        out.push(row(&line)?);
        Ok(())
    })?;
    Ok(out)
}

/// The embedded files and their readers, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] = {
    use data::{Check, ClassAt};
    let list: for<'a> fn(DataFile<'a>) -> data::Result<()> = |f| f.entries().map(drop);
    &[
        Check { file: PLACES, read: |f| places(f).map(drop), class: ClassAt::Column(1) },
        Check { file: FIRST_NAMES, read: |f| first_names(f).map(drop), class: ClassAt::Column(1) },
        Check { file: SURNAMES, read: list, class: ClassAt::Nowhere },
        Check { file: DEMONYMS, read: |f| demonyms(f).map(drop), class: ClassAt::Nowhere },
        Check { file: LOWER_WORDS, read: list, class: ClassAt::Nowhere },
        Check { file: TITLES, read: |f| titles(f).map(drop), class: ClassAt::Column(1) },
        Check { file: ORG_WORDS, read: |f| org_words(f).map(drop), class: ClassAt::Column(1) },
        Check { file: PLACE_WORDS, read: |f| place_words(f).map(drop), class: ClassAt::Column(1) },
        Check { file: REGIONS, read: |f| regions(f).map(drop), class: ClassAt::Column(1) },
        Check { file: NORP_WORDS, read: list, class: ClassAt::Nowhere },
        Check { file: TIME_WORDS, read: list, class: ClassAt::Nowhere },
        Check { file: CONNECTORS, read: list, class: ClassAt::Nowhere },
        Check { file: ORGANIZATIONS, read: list, class: ClassAt::Nowhere },
        Check { file: EVENT_WORDS, read: |f| event_words(f).map(drop), class: ClassAt::Column(1) },
        Check { file: FUNCTION_WORDS, read: list, class: ClassAt::Nowhere },
        Check { file: MATCH_WORDS, read: |f| match_words(f).map(drop), class: ClassAt::Column(1) },
        Check { file: STATE_ABBREVIATIONS, read: list, class: ClassAt::Nowhere },
        Check { file: LAW_WORDS, read: list, class: ClassAt::Nowhere },
        Check { file: ORG_NOUNS, read: list, class: ClassAt::Nowhere },
        Check { file: ORG_AFFIXES, read: |f| org_affixes(f).map(drop), class: ClassAt::Column(1) },
        Check { file: MEDIA_WORDS, read: |f| media_words(f).map(drop), class: ClassAt::Column(1) },
    ]
};

/// The key of a name from its word keys: [`phrase_key`] folded from [`PHRASE_SEED`].
pub fn name_key(words: impl IntoIterator<Item = u64>) -> u64 {
    words.into_iter().fold(PHRASE_SEED, phrase_key)
}

/// The lexicon of the embedded lists, built on first use and then shared by every recognizer
/// of the process: it is fixed at build time, and building it is most of building a
/// [`Parser`](crate::Parser), which a user may do many times (one per CLI call, per Python
/// `Parser()`, per Spark partition in a reused worker).
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
    fn flags_has_all_and_any_some() {
        let city = Flags::CITY | Flags::CITY_BIG;
        assert!(city.has(Flags::CITY) && city.any(Flags::PLACE) && !city.has(Flags::PLACE));
        assert!(city.has(Flags::CITY | Flags::CITY_BIG) && !city.has(Flags::CITY | Flags::COUNTRY));
        assert!(!city.any(Flags::COUNTRY | Flags::STATE) && !Flags::empty().any(Flags::PLACE));
        assert_eq!(city & Flags::PLACE, Flags::CITY);
        assert_eq!(city.without(Flags::CITY), Flags::CITY_BIG);
        assert!(Flags::PLACE.has(Flags::GPE_PLACE | Flags::REGION_LOC) && Flags::empty().is_empty());
        let mut f = Flags::empty();
        f |= Flags::LOWER;
        f |= Flags::COMPANY;
        assert_eq!(f.bit_indices().collect::<Vec<_>>(), [0, 31]);
    }

    /// The shortcut of [`entry_keys`] splits every entry of every list as the segmenter does.
    #[test]
    fn entry_keys_split_as_the_segmenter() {
        let seg = Segmenter::new();
        let mut toks = Vec::new();
        let mut by_segmenter = |entry: &str| -> Vec<u64> {
            toks.clear();
            seg.tokenize(entry, Span::new(0, entry.len()), &mut toks);
            toks.iter().map(|t| key(t.span.as_str(entry))).collect()
        };
        let (mut toks2, mut out) = (Vec::new(), Vec::new());
        let mut checked = 0;
        for check in DATA_FILES {
            for line in check.file.text.lines().filter(|l| !l.is_empty() && !l.starts_with('#')) {
                for entry in line.split('\t') {
                    entry_keys(&seg, &mut toks2, entry, &mut out);
                    assert_eq!(out, by_segmenter(entry), "{entry:?}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100_000);
        let odd = ["New  York", "Saint-Denis", "U.S.", "O'Hara", "3M", "A B", "Côte d'Ivoire", "www.x.com", "São Tomé"];
        for entry in odd.into_iter().chain(["a\u{301}b", "x\u{a0}y", "Ōsaka Bay", "١٢ ab"]) {
            entry_keys(&seg, &mut toks2, entry, &mut out);
            assert_eq!(out, by_segmenter(entry), "{entry:?}");
        }
    }

    #[test]
    fn lists_load() {
        let lex = crate::entities::lexicon::shared();
        assert!(lex.word(key("Mr")).has(Flags::HONORIFIC));
        assert!(lex.word(key("Mrs.")).has(Flags::TITLE_F));
        assert!(lex.word(key("Belarus")).has(Flags::COUNTRY));
        assert!(lex.word(key("Oslo")).has(Flags::CITY_BIG));
        assert!(lex.word(key("Peruvian")).has(Flags::DEMONYM));
        assert!(lex.word(key("cooperation")).has(Flags::LOWER));
        assert!(lex.word(key("Tuesday")).has(Flags::TIME));
        assert!(lex.word(key("Ministry")).has(Flags::ORG_HEAD));
        let mut h = PHRASE_SEED;
        for w in ["new", "york", "city"] {
            h = phrase_key(h, key(w));
        }
        assert!(lex.phrase(h).has(Flags::CITY));
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
