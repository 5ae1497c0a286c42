//! `tests/data/sentences.toml`: sentence boundaries.

use byline_core::Parser;
use serde::Deserialize;

use crate::load;

load::case_file!(
    /// The file: `[[case]]` tables.
    Golden = "tests/data/sentences.toml",
    Case,
    load::Golden
);

/// An article and its sentences, in order.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    sentences: Vec<String>,
    /// Parse the text as bare body text (no layout detection).
    #[serde(default)]
    plain: bool,
}

/// The failures of every case.
pub fn check(golden: &Golden) -> Vec<String> {
    let article = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let plain = Parser::builder().entities(false).quotes(false).timexes(false).plain_text(true).build().unwrap();
    let mut failures = Vec::new();
    for case in &golden.case {
        let parser = if case.plain { &plain } else { &article };
        let a = parser.parse(&case.text, None).unwrap();
        let got: Vec<&str> = a.sentences.iter().map(|s| s.span.as_str(&a.text)).collect();
        if got != case.sentences {
            failures.push(format!("{}:\n  want {:?}\n  got  {:?}", case.name, case.sentences, got));
        }
        failures.extend(byline_core::invariants::problems(&a).into_iter().map(|p| format!("{}: {p}", case.name)));
    }
    failures
}
