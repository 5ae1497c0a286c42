//! `tests/data/timex.toml`: time expressions and their TIMEX3 values.

use byline_core::{parse_date, Parser, TimexMod, TimexType};
use serde::Deserialize;

use crate::load;

load::case_file!(
    /// The file: `[[case]]` tables.
    Golden = "tests/data/timex.toml",
    Case,
    load::Golden
);

/// An article (`text`, or a repository `file`) with its publication date, and its time
/// expressions.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: Option<String>,
    file: Option<String>,
    /// `YYYY-MM-DD`, the anchor of relative expressions.
    published: Option<String>,
    /// Expressions that must be found.
    #[serde(default)]
    timex: Vec<Expected>,
    /// Phrases no expression may cut into (one covering a phrase whole is fine).
    #[serde(default)]
    not_timex: Vec<String>,
}

/// A span text that must be found, and what every such span must be.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    text: String,
    /// How many times it is found.
    count: Option<usize>,
    #[serde(rename = "type")]
    kind: Option<TimexType>,
    value: Option<String>,
    #[serde(rename = "mod")]
    modifier: Option<TimexMod>,
}

/// The failures of every case.
pub fn check(golden: &Golden) -> Vec<String> {
    let parser = Parser::new();
    let mut failures = Vec::new();
    for case in &golden.case {
        let name = &case.name;
        let text = match (&case.text, &case.file) {
            (Some(t), None) => t.clone(),
            (None, Some(f)) => load::read_repo_file(f),
            _ => panic!("{name}: give `text` or `file`"),
        };
        let published = case.published.as_deref().map(|d| parse_date(d).expect("a YYYY-MM-DD date"));
        let article = parser.parse(&text, published).expect("parses");
        let found: Vec<(&str, &byline_core::Timex)> =
            article.timexes.iter().map(|t| (t.span.as_str(&article.text), t)).collect();
        for want in &case.timex {
            let hits: Vec<_> = found.iter().filter(|(t, _)| *t == want.text).collect();
            if hits.is_empty() || want.count.is_some_and(|c| c != hits.len()) {
                failures.push(format!("{name}: {:?} found {} times (want {:?})", want.text, hits.len(), want.count));
            }
            for (_, t) in hits {
                if want.kind.is_some_and(|k| k != t.kind) {
                    failures.push(format!("{name}: {:?} type = {:?}, want {:?}", want.text, t.kind, want.kind));
                }
                if want.value.is_some() && want.value != t.value {
                    failures.push(format!("{name}: {:?} value = {:?}, want {:?}", want.text, t.value, want.value));
                }
                if want.modifier.is_some() && want.modifier != t.modifier {
                    failures.push(format!("{name}: {:?} mod = {:?}, want {:?}", want.text, t.modifier, want.modifier));
                }
            }
        }
        for phrase in &case.not_timex {
            for (at, _) in article.text.match_indices(phrase.as_str()) {
                let (s, e) = (at, at + phrase.len());
                for (t, tx) in &found {
                    let (ts, te) = (tx.span.start(), tx.span.end());
                    if ts < e && s < te && !(ts <= s && e <= te) {
                        failures.push(format!("{name}: {t:?} cuts into {phrase:?}"));
                    }
                }
            }
        }
        failures.extend(byline_core::invariants::problems(&article).into_iter().map(|p| format!("{name}: {p}")));
    }
    failures
}
