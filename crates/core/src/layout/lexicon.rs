//! The layout stage's word lists, kept as data files in `data/` and loaded once.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Anchored, Input, MatchKind, StartKind};

use crate::calendar_names::{calendar_names, CalendarClass};
use crate::segment::lexicon::{data_lines, data_sections, with_ascii_lowercase, WordMap, WordSet};

/// A list of lowercase phrases matched in text as given: ASCII case ignored, and a straight
/// apostrophe in a phrase also matching a curly one.
#[derive(Debug)]
pub(crate) struct Phrases {
    ac: AhoCorasick,
}

impl Phrases {
    fn new(list: impl IntoIterator<Item = String>) -> Phrases {
        let mut patterns = Vec::new();
        for p in list {
            if p.contains('\'') {
                patterns.push(p.replace('\'', "’"));
            }
            patterns.push(p);
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

fn section<'a>(data: &'a str, name: &'a str) -> impl Iterator<Item = String> + 'a {
    data_sections(data).filter(move |(s, _)| *s == name).map(|(_, l)| l.to_string())
}

/// Longest first, so that "additional reporting by" is tried before "reporting by".
fn longest_first(mut v: Vec<String>) -> Vec<String> {
    v.sort_by_key(|s| std::cmp::Reverse(s.len()));
    v
}

impl LayoutLexicon {
    pub(crate) fn new() -> LayoutLexicon {
        let boilerplate = include_str!("data/boilerplate.txt");
        let credits = include_str!("data/credits.txt");
        let captions = include_str!("data/captions.txt");
        let dates = include_str!("data/dates.txt");
        // A date line takes every month and weekday form, with or without its period.
        let names = || calendar_names().map(|n| (n.class, n.word.to_string(), n.number));
        let months = names().filter(|n| n.0 == CalendarClass::Month).map(|(_, w, n)| (w, n)).collect();
        LayoutLexicon {
            boilerplate_exact: section(boilerplate, "exact").collect(),
            boilerplate_prefixes: Phrases::new(section(boilerplate, "prefix")),
            boilerplate_contains: AhoCorasick::new(section(boilerplate, "contains")).expect("phrases compile"),
            social: section(boilerplate, "social").collect(),
            credit_leads: Phrases::new(section(credits, "lead")),
            credit_tails: longest_first(section(credits, "tail").collect()),
            byline_leads: Phrases::new(data_lines(include_str!("data/bylines.txt")).map(str::to_string)),
            caption_credits: section(captions, "credit").collect(),
            caption_leads: Phrases::new(section(captions, "lead")),
            caption_tails: Phrases::new(section(captions, "tail")),
            affiliations: data_lines(include_str!("data/affiliations.txt")).map(str::to_string).collect(),
            months,
            weekdays: names().filter(|n| n.0 == CalendarClass::Weekday).map(|(_, w, _)| w).collect(),
            date_prefixes: section(dates, "prefix").collect(),
            particles: data_lines(include_str!("data/names.txt")).map(str::to_string).collect(),
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
