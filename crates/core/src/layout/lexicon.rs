//! The layout stage's word lists, kept as data files in `data/` and loaded once.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::calendar_names::{calendar_names, CalendarClass};
use crate::data::{self, data_file, DataFile};
use crate::hash::{WordMap, WordSet};
use crate::segment::lexicon::with_ascii_lowercase;

const BOILERPLATE: DataFile<'static> = data_file!("src/layout/data/boilerplate.txt");
const CREDITS: DataFile<'static> = data_file!("src/layout/data/credits.txt");
const CAPTIONS: DataFile<'static> = data_file!("src/layout/data/captions.txt");
const DATES: DataFile<'static> = data_file!("src/layout/data/dates.txt");
const DATELINES: DataFile<'static> = data_file!("src/layout/data/datelines.txt");
const BYLINES: DataFile<'static> = data_file!("src/layout/data/bylines.txt");
const AFFILIATIONS: DataFile<'static> = data_file!("src/layout/data/affiliations.txt");
const NAMES: DataFile<'static> = data_file!("src/layout/data/names.txt");

/// A list of lowercase phrases matched in text as given: ASCII case ignored, and a straight
/// apostrophe in a phrase also matching a curly one.
#[derive(Debug)]
pub(crate) struct Phrases {
    ac: AhoCorasick,
}

impl Phrases {
    fn new<'a>(list: impl IntoIterator<Item = &'a str>) -> Phrases {
        let mut patterns = Vec::new();
        for p in list {
            if p.contains('\'') {
                patterns.push(p.replace('\'', "’"));
            }
            patterns.push(p.to_string());
        }
        // A DFA: the lists are small, and paragraphs are searched one by one, so per-byte speed
        // and no per-search setup matter more than memory.
        let ac = AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Both)
            .build(&patterns)
            .expect("phrases compile");
        Phrases { ac }
    }

    /// The length of the longest phrase that `text` starts with.
    pub(crate) fn prefix_len(&self, text: &str) -> Option<usize> {
        self.ac.find(Input::new(text).anchored(Anchored::Yes)).map(|m| m.end())
    }

    /// True when `text` starts with a phrase.
    pub(crate) fn starts(&self, text: &str) -> bool {
        self.prefix_len(text).is_some()
    }

    /// True when a phrase occurs anywhere in `text`.
    pub(crate) fn occurs_in(&self, text: &str) -> bool {
        self.ac.is_match(text)
    }
}

/// Every list the layout stage uses.
#[derive(Debug)]
pub(crate) struct LayoutLexicon {
    pub boilerplate_exact: WordSet,
    /// Phrases that open boilerplate.
    pub boilerplate_prefixes: Phrases,
    /// Phrases that mark boilerplate anywhere in a short paragraph, matched in its folded form.
    pub boilerplate_contains: AhoCorasick,
    pub social: WordSet,
    /// Phrases that open a notice of the article's age ("This was published 3 years ago").
    pub age_notices: Phrases,
    /// The words of an age besides numbers ("more than", "an", "years").
    pub age_words: WordSet,
    pub credit_leads: Phrases,
    pub credit_tails: Vec<String>,
    pub byline_leads: Phrases,
    pub caption_credits: WordSet,
    pub caption_leads: Phrases,
    pub caption_tails: Phrases,
    pub affiliations: WordSet,
    pub months: WordMap<u32>,
    pub weekdays: WordSet,
    pub date_prefixes: WordSet,
    pub particles: WordSet,
}

/// Longest first, so that "additional reporting by" is tried before "reporting by".
fn longest_first(v: Vec<&str>) -> Vec<String> {
    let mut v: Vec<String> = v.into_iter().map(str::to_string).collect();
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

impl LayoutLexicon {
    pub(crate) fn new() -> LayoutLexicon {
        let [exact, prefix, contains, social, dated, age] = data::embedded(boilerplate(BOILERPLATE));
        let [credit_leads, credit_tails] = data::embedded(credits(CREDITS));
        let [caption_credits, caption_leads, caption_tails] = data::embedded(captions(CAPTIONS));
        let [date_prefixes] = data::embedded(dates(DATES));
        // A date line takes every month and weekday form, with or without its period.
        let names = calendar_names();
        let forms = |class: CalendarClass| names.iter().filter(move |n| n.class == class);
        LayoutLexicon {
            boilerplate_exact: words(exact),
            boilerplate_prefixes: Phrases::new(prefix),
            boilerplate_contains: AhoCorasick::new(contains).expect("phrases compile"),
            social: words(social),
            age_notices: Phrases::new(dated),
            age_words: words(age),
            credit_leads: Phrases::new(credit_leads),
            credit_tails: longest_first(credit_tails),
            byline_leads: Phrases::new(data::embedded(BYLINES.entries())),
            caption_credits: words(caption_credits),
            caption_leads: Phrases::new(caption_leads),
            caption_tails: Phrases::new(caption_tails),
            affiliations: words(data::embedded(AFFILIATIONS.entries())),
            months: forms(CalendarClass::Month).map(|n| (n.word.to_string(), n.number)).collect(),
            weekdays: forms(CalendarClass::Weekday).map(|n| n.word.to_string()).collect(),
            date_prefixes: words(date_prefixes),
            particles: words(data::embedded(NAMES.entries())),
        }
    }

    /// The month number of a month name or abbreviation, any case, with or without a period.
    pub(crate) fn month(&self, word: &str) -> Option<u32> {
        let w = word.strip_suffix('.').unwrap_or(word);
        with_ascii_lowercase(w, |w| self.months.get(w).copied()).flatten()
    }

    /// True for a weekday name or abbreviation, any case, with or without a period.
    pub(crate) fn is_weekday(&self, word: &str) -> bool {
        let w = word.strip_suffix('.').unwrap_or(word);
        with_ascii_lowercase(w, |w| self.weekdays.contains(w)).unwrap_or(false)
    }

    /// True for a word that may open a date line ("Published", "updated"), any case.
    pub(crate) fn is_date_prefix(&self, word: &str) -> bool {
        with_ascii_lowercase(word, |w| self.date_prefixes.contains(w)).unwrap_or(false)
    }

    /// True when `word` marks an organisation or job rather than a person.
    pub(crate) fn is_affiliation(&self, word: &str) -> bool {
        with_ascii_lowercase(word, |w| self.affiliations.contains(w)).unwrap_or(false)
    }
}

/// A set of the words of a list.
fn words(list: Vec<&str>) -> WordSet {
    list.into_iter().map(str::to_string).collect()
}

/// Reads `boilerplate.txt`: exact paragraphs, prefixes, phrases anywhere, share-button words,
/// openings of age notices and the words of an age.
fn boilerplate(file: DataFile<'_>) -> data::Result<[Vec<&str>; 6]> {
    file.section_entries(["exact", "prefix", "contains", "social", "dated", "age"])
}

/// Reads `credits.txt`: openings and endings of credit lines.
fn credits(file: DataFile<'_>) -> data::Result<[Vec<&str>; 2]> {
    file.section_entries(["lead", "tail"])
}

/// Reads `captions.txt`: credit labels, openings and endings of captions.
fn captions(file: DataFile<'_>) -> data::Result<[Vec<&str>; 3]> {
    file.section_entries(["credit", "lead", "tail"])
}

/// Reads `dates.txt`: the words that may open a date line.
fn dates(file: DataFile<'_>) -> data::Result<[Vec<&str>; 1]> {
    file.section_entries(["prefix"])
}

/// Reads `datelines.txt`: openings that end like a dateline but name no place, and words no
/// place name has.
fn datelines(file: DataFile<'_>) -> data::Result<[Vec<&str>; 2]> {
    file.section_entries(["opening", "word"])
}

/// The two lists of `datelines.txt` ([`datelines`]) as sets.
pub(crate) fn dateline_words() -> (WordSet, WordSet) {
    let [openings, words_] = data::embedded(datelines(DATELINES));
    (words(openings), words(words_))
}

/// The embedded files and their readers, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] = &[
    data::Check { file: BOILERPLATE, read: |f| boilerplate(f).map(drop), class: data::ClassAt::Section },
    data::Check { file: CREDITS, read: |f| credits(f).map(drop), class: data::ClassAt::Section },
    data::Check { file: CAPTIONS, read: |f| captions(f).map(drop), class: data::ClassAt::Section },
    data::Check { file: DATES, read: |f| dates(f).map(drop), class: data::ClassAt::Section },
    data::Check { file: DATELINES, read: |f| datelines(f).map(drop), class: data::ClassAt::Section },
    data::Check { file: BYLINES, read: |f| f.entries().map(drop), class: data::ClassAt::Nowhere },
    data::Check { file: AFFILIATIONS, read: |f| f.entries().map(drop), class: data::ClassAt::Nowhere },
    data::Check { file: NAMES, read: |f| f.entries().map(drop), class: data::ClassAt::Nowhere },
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loads() {
        let lx = LayoutLexicon::new();
        assert!(lx.boilerplate_exact.contains("leave a reply"));
        assert_eq!(lx.month("Feb."), Some(2));
        assert_eq!(lx.month("SEPTEMBER"), Some(9));
        assert!(lx.is_weekday("Friday"));
        assert!(lx.is_affiliation("Press") && !lx.is_affiliation("Jane"));
        assert_eq!(lx.credit_leads.prefix_len("Additional Reporting by Jane Doe"), Some(23));
        assert_eq!(lx.byline_leads.prefix_len("Written by Jane"), Some(10));
        assert!(
            lx.boilerplate_prefixes.starts("Editor’s note: this was updated")
                == lx.boilerplate_prefixes.starts("editor's note")
        );
        assert!(lx.caption_tails.occurs_in("A man walks by. (AP Photo/Jane Doe)"));
    }
}
