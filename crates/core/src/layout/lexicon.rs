//! The layout stage's word lists, kept as data files in `data/` and loaded once.

use std::collections::{HashMap, HashSet};

use aho_corasick::AhoCorasick;

use crate::segment::lexicon::{data_lines, data_sections};

/// Where a boilerplate phrase must stand in a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Placement {
    Prefix,
    Anywhere,
}

/// Every list the layout stage uses.
#[derive(Debug)]
pub(crate) struct LayoutLexicon {
    pub boilerplate_exact: HashSet<String>,
    /// Prefix and "contains" phrases in one automaton; `boilerplate_where[pattern]` says which.
    pub boilerplate_phrases: AhoCorasick,
    pub boilerplate_where: Vec<Placement>,
    pub social: HashSet<String>,
    pub credit_leads: Vec<String>,
    pub credit_tails: Vec<String>,
    pub byline_leads: Vec<String>,
    pub caption_credits: HashSet<String>,
    pub caption_leads: Vec<String>,
    pub caption_tails: Vec<String>,
    pub affiliations: HashSet<String>,
    pub months: HashMap<String, u32>,
    pub weekdays: HashSet<String>,
    pub date_prefixes: Vec<String>,
    pub particles: HashSet<String>,
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
        let mut phrases = Vec::new();
        let mut placements = Vec::new();
        for (name, placement) in [("prefix", Placement::Prefix), ("contains", Placement::Anywhere)] {
            for p in section(boilerplate, name) {
                phrases.push(p);
                placements.push(placement);
            }
        }
        let credits = include_str!("data/credits.txt");
        let captions = include_str!("data/captions.txt");
        let dates = include_str!("data/dates.txt");
        let months = section(dates, "month")
            .filter_map(|l| {
                let (name, n) = l.split_once(' ')?;
                Some((name.to_string(), n.trim().parse().ok()?))
            })
            .collect();
        LayoutLexicon {
            boilerplate_exact: section(boilerplate, "exact").collect(),
            boilerplate_phrases: AhoCorasick::new(&phrases).expect("boilerplate phrases compile"),
            boilerplate_where: placements,
            social: section(boilerplate, "social").collect(),
            credit_leads: longest_first(section(credits, "lead").collect()),
            credit_tails: longest_first(section(credits, "tail").collect()),
            byline_leads: longest_first(data_lines(include_str!("data/bylines.txt")).map(str::to_string).collect()),
            caption_credits: section(captions, "credit").collect(),
            caption_leads: longest_first(section(captions, "lead").collect()),
            caption_tails: section(captions, "tail").collect(),
            affiliations: data_lines(include_str!("data/affiliations.txt")).map(str::to_string).collect(),
            months,
            weekdays: section(dates, "weekday").collect(),
            date_prefixes: longest_first(section(dates, "prefix").collect()),
            particles: data_lines(include_str!("data/names.txt")).map(str::to_string).collect(),
        }
    }

    /// The month number of a month name or abbreviation, any case, with or without a period.
    pub(crate) fn month(&self, word: &str) -> Option<u32> {
        let w = word.strip_suffix('.').unwrap_or(word);
        if w.len() > 9 {
            return None;
        }
        self.months.get(&w.to_lowercase()).copied()
    }

    /// True for a weekday name or abbreviation, any case, with or without a period.
    pub(crate) fn is_weekday(&self, word: &str) -> bool {
        let w = word.strip_suffix('.').unwrap_or(word);
        w.len() <= 9 && self.weekdays.contains(&w.to_lowercase())
    }

    /// True when `word` marks an organisation or job rather than a person.
    pub(crate) fn is_affiliation(&self, word: &str) -> bool {
        word.len() <= 16 && self.affiliations.contains(&word.to_lowercase())
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
        assert_eq!(lx.credit_leads[0].len(), lx.credit_leads.iter().map(String::len).max().unwrap());
        assert_eq!(lx.boilerplate_where.len(), lx.boilerplate_phrases.patterns_len());
    }
}
