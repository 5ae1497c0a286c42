//! `tests/data/quotes.toml`: quotes, their speakers and cues.

use byline_core::{Article, Parser, QuoteKind, WarningKind};
use serde::Deserialize;

use crate::load;

/// The file: `[[case]]` tables and the seed article.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Golden {
    case: Vec<Case>,
    seed: Seed,
}

impl load::Golden for Golden {
    const PATH: &'static str = "tests/data/quotes.toml";
    fn names(&self) -> Vec<&str> {
        self.case.iter().map(|c| c.name.as_str()).collect()
    }
}

/// An article (headline first; leading blank space is dropped) and its quotes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: String,
    /// Quotes that must be found.
    #[serde(default)]
    quote: Vec<Expected>,
    /// Texts no quote may contain.
    #[serde(default)]
    absent: Vec<String>,
    /// The exact number of quotes.
    count: Option<usize>,
    /// The quote warnings expected, in order (and no others).
    warnings: Option<Vec<WarningKind>>,
}

/// The seed article: quotes that must be found, texts no direct quote may contain.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Seed {
    file: String,
    #[serde(default)]
    absent: Vec<String>,
    quote: Vec<Expected>,
}

/// A quote that must be found: one meeting every field given.
#[derive(Deserialize, Debug)]
#[serde(deny_unknown_fields)]
struct Expected {
    kind: Option<QuoteKind>,
    /// The quote's text exactly.
    text: Option<String>,
    /// A piece of the quote's text.
    contains: Option<String>,
    /// The speaker mention exactly.
    speaker: Option<String>,
    #[serde(default)]
    no_speaker: bool,
    /// The resolved speaker name.
    name: Option<String>,
    /// The cue's text exactly.
    cue: Option<String>,
    #[serde(default)]
    no_cue: bool,
}

/// The failures of every case and of the seed article.
pub fn check(golden: &Golden) -> Vec<String> {
    let parser = Parser::new();
    let mut failures = Vec::new();
    for case in &golden.case {
        let a = parser.parse(case.text.trim_start(), None).expect("parses");
        let mut problems: Vec<String> = case.quote.iter().filter_map(|e| unmet(&a, e)).collect();
        for s in &case.absent {
            if a.quotes.iter().any(|q| q.span.as_str(&a.text).contains(s.as_str())) {
                problems.push(format!("{s:?} should not be quoted:\n{}", describe(&a)));
            }
        }
        if let Some(n) = case.count {
            if a.quotes.len() != n {
                problems.push(format!("expected {n} quotes:\n{}", describe(&a)));
            }
        }
        if let Some(want) = &case.warnings {
            let got: Vec<WarningKind> = a
                .warnings
                .iter()
                .map(|w| w.kind)
                .filter(|k| matches!(k, WarningKind::UnbalancedQuotes | WarningKind::DeepNesting))
                .collect();
            if &got != want {
                problems.push(format!("warnings {got:?}, expected {want:?}"));
            }
        }
        problems.extend(byline_core::invariants::problems(&a));
        failures.extend(problems.into_iter().map(|p| format!("[{}] {p}", case.name)));
    }
    let seed = &golden.seed;
    let a = parser.parse(&load::read_repo_file(&seed.file), None).expect("parses");
    failures.extend(seed.quote.iter().filter_map(|e| unmet(&a, e)).map(|p| format!("[seed] {p}")));
    for s in &seed.absent {
        if a.quotes.iter().any(|q| q.kind == QuoteKind::Direct && q.span.as_str(&a.text).contains(s.as_str())) {
            failures.push(format!("[seed] {s:?} is not a quote"));
        }
    }
    failures
}

/// One line per quote, for failure messages.
fn describe(a: &Article) -> String {
    a.quotes
        .iter()
        .map(|q| {
            let spk = q.speaker.as_ref().map(|s| (s.span.as_str(&a.text), s.name.as_deref()));
            let cue = q.cue.map(|c| c.as_str(&a.text));
            format!("  {:?} {:?} speaker={spk:?} cue={cue:?}\n", q.kind, q.span.as_str(&a.text))
        })
        .collect()
}

/// Why no quote of `a` meets `e`, or None when one does.
fn unmet(a: &Article, e: &Expected) -> Option<String> {
    let ok = a.quotes.iter().any(|q| {
        let text = q.span.as_str(&a.text);
        let spk = q.speaker.as_ref();
        e.kind.is_none_or(|k| k == q.kind)
            && e.text.as_deref().is_none_or(|t| t == text)
            && e.contains.as_deref().is_none_or(|t| text.contains(t))
            && e.speaker.as_deref().is_none_or(|s| spk.is_some_and(|sp| sp.span.as_str(&a.text) == s))
            && (!e.no_speaker || spk.is_none())
            && e.name.as_deref().is_none_or(|n| spk.and_then(|sp| sp.name.as_deref()) == Some(n))
            && e.cue.as_deref().is_none_or(|c| q.cue.is_some_and(|cue| cue.as_str(&a.text) == c))
            && (!e.no_cue || q.cue.is_none())
    });
    (!ok).then(|| format!("expected {e:?}\ngot:\n{}", describe(a)))
}
