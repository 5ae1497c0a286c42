//! Golden cases for quotes and speakers: `tests/data/quotes.toml`, shared with pytest.

use std::path::PathBuf;

use byline_core::{Article, Parser, QuoteKind};
use serde::Deserialize;

#[derive(Deserialize)]
struct Golden {
    case: Vec<Case>,
    seed: Seed,
}

#[derive(Deserialize)]
struct Case {
    name: String,
    text: String,
    #[serde(default)]
    quote: Vec<Expected>,
    #[serde(default)]
    absent: Vec<String>,
    count: Option<usize>,
    warnings: Option<Vec<String>>,
}

#[derive(Deserialize)]
struct Seed {
    file: String,
    #[serde(default)]
    absent: Vec<String>,
    quote: Vec<Expected>,
}

#[derive(Deserialize, Debug)]
struct Expected {
    kind: Option<String>,
    text: Option<String>,
    contains: Option<String>,
    speaker: Option<String>,
    #[serde(default)]
    no_speaker: bool,
    name: Option<String>,
    cue: Option<String>,
    #[serde(default)]
    no_cue: bool,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn golden() -> Golden {
    let path = root().join("tests/data/quotes.toml");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).expect("quotes.toml parses")
}

fn kind_name(k: QuoteKind) -> &'static str {
    match k {
        QuoteKind::Direct => "direct",
        QuoteKind::Mixed => "mixed",
        QuoteKind::Indirect => "indirect",
    }
}

/// One line per quote, for failure messages.
fn describe(a: &Article) -> String {
    a.quotes
        .iter()
        .map(|q| {
            let spk = q.speaker.as_ref().map(|s| (s.span.as_str(&a.text), s.name.as_deref()));
            let cue = q.cue.map(|c| c.as_str(&a.text));
            format!("  {} {:?} speaker={spk:?} cue={cue:?}\n", kind_name(q.kind), q.span.as_str(&a.text))
        })
        .collect()
}

/// Why no quote of `a` meets `e`, or None when one does.
fn check(a: &Article, e: &Expected) -> Option<String> {
    let ok = a.quotes.iter().any(|q| {
        let text = q.span.as_str(&a.text);
        let spk = q.speaker.as_ref();
        e.kind.as_deref().is_none_or(|k| k == kind_name(q.kind))
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

#[test]
fn golden_cases() {
    let parser = Parser::new();
    let mut failures = Vec::new();
    for case in golden().case {
        let a = parser.parse(case.text.trim_start(), None).expect("parses");
        for e in &case.quote {
            if let Some(why) = check(&a, e) {
                failures.push(format!("[{}] {why}", case.name));
            }
        }
        for s in &case.absent {
            if a.quotes.iter().any(|q| q.span.as_str(&a.text).contains(s.as_str())) {
                failures.push(format!("[{}] {s:?} should not be quoted:\n{}", case.name, describe(&a)));
            }
        }
        if let Some(n) = case.count {
            if a.quotes.len() != n {
                failures.push(format!("[{}] expected {n} quotes:\n{}", case.name, describe(&a)));
            }
        }
        if let Some(want) = &case.warnings {
            let got: Vec<String> = a
                .warnings
                .iter()
                .map(|w| serde_json::to_value(w.kind).unwrap().as_str().unwrap().to_string())
                .filter(|k| matches!(k.as_str(), "unbalanced_quotes" | "deep_nesting"))
                .collect();
            if &got != want {
                failures.push(format!("[{}] warnings {got:?}, expected {want:?}", case.name));
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn seed_article_quotes_and_speakers() {
    let seed = golden().seed;
    let text = std::fs::read_to_string(root().join(&seed.file)).expect("seed article");
    let a = Parser::new().parse(&text, None).expect("parses");
    let failures: Vec<String> = seed.quote.iter().filter_map(|e| check(&a, e)).collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    for s in &seed.absent {
        assert!(
            !a.quotes.iter().any(|q| q.kind == QuoteKind::Direct && q.span.as_str(&a.text).contains(s.as_str())),
            "{s:?} is not a quote"
        );
    }
}

#[test]
fn bad_input_never_panics() {
    let parser = Parser::new();
    let inputs = [
        "“".repeat(10_000),
        "”".repeat(10_000),
        "\"".repeat(9_999),
        "'".repeat(5_000),
        "“a ‘b “c ‘d “e ‘f “g ‘h".repeat(500),
        "said said said, according to according to told".repeat(1_000),
        "“Unclosed\n\n“reopened\n\n“again".repeat(300),
    ];
    for input in &inputs {
        let a = parser.parse(input, None).expect("parses");
        for q in &a.quotes {
            assert!(q.span.end() <= a.text.len());
        }
    }
}
