//! `tests/data/speaker_kinds.toml`: whose voice each quote carries (`speaker.kind`), and the
//! gender of quoted people with what told it.

use byline_core::{Article, Gender, GenderBy, Parser, SpeakerKind};
use serde::Deserialize;

use crate::load;

load::case_file!(
    /// The file: `[[case]]` tables.
    Golden = "tests/data/speaker_kinds.toml",
    Case,
    load::Golden
);

/// An article (headline first; leading blank space is dropped) and quotes it must have.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    quote: Vec<Expected>,
}

/// A quote that must be found, with its speaker's kind and gender.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Expected {
    /// A piece of the quote's text.
    contains: String,
    /// The speaker mention exactly.
    speaker: Option<String>,
    kind: SpeakerKind,
    /// `male`, `female` or `unknown`: the gender of the speaker's entity.
    gender: Option<String>,
    gender_by: Option<GenderBy>,
}

/// The failures of every case.
pub fn check(golden: &Golden) -> Vec<String> {
    let parser = Parser::new();
    let mut failures = Vec::new();
    for case in &golden.case {
        let a = parser.parse(case.text.trim_start(), None).expect("parses");
        let mut problems: Vec<String> = case.quote.iter().filter_map(|e| unmet(&a, e)).collect();
        problems.extend(byline_core::invariants::problems(&a));
        failures.extend(problems.into_iter().map(|p| format!("[{}] {p}", case.name)));
    }
    failures
}

/// One line per quote, for failure messages.
fn describe(a: &Article) -> String {
    a.quotes
        .iter()
        .map(|q| {
            let spk = q.speaker.as_ref().map(|s| (s.span.as_str(&a.text), s.name.as_deref(), s.kind));
            let entity = q.speaker.as_ref().and_then(|s| s.entity).map(|i| &a.entities[i]);
            let gender = entity.map(|e| (e.gender, e.gender_by));
            format!("  {:?} speaker={spk:?} gender={gender:?}\n", q.span.as_str(&a.text))
        })
        .collect()
}

/// Why no quote of `a` meets `e`, or None when one does.
fn unmet(a: &Article, e: &Expected) -> Option<String> {
    let ok = a.quotes.iter().any(|q| {
        let Some(s) = &q.speaker else { return false };
        let entity = s.entity.map(|i| &a.entities[i]);
        let gender = match entity.and_then(|e| e.gender) {
            Some(Gender::Female) => "female",
            Some(Gender::Male) => "male",
            None => "unknown",
        };
        q.span.as_str(&a.text).contains(e.contains.as_str())
            && e.speaker.as_deref().is_none_or(|t| s.span.as_str(&a.text) == t)
            && s.kind == e.kind
            && e.gender.as_deref().is_none_or(|g| g == gender)
            && e.gender_by.is_none_or(|by| entity.and_then(|e| e.gender_by) == Some(by))
    });
    (!ok).then(|| format!("expected {e:?}\ngot:\n{}", describe(a)))
}
