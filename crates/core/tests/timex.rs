//! Golden time-expression cases from `tests/data/timex.toml` (shared with the Python tests).

use std::path::PathBuf;

use byline_core::{parse_date, Parser};
use toml::Value;

fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn str_field<'a>(v: &'a Value, key: &str) -> Option<&'a str> {
    v.get(key).and_then(Value::as_str)
}

#[test]
fn golden_timex_cases() {
    let data = std::fs::read_to_string(repo_root().join("tests/data/timex.toml")).expect("tests/data/timex.toml");
    let doc: Value = toml::from_str(&data).expect("valid TOML");
    let parser = Parser::new();
    let cases = doc.get("case").and_then(Value::as_array).expect("[[case]] entries");
    let mut failures = Vec::new();
    for case in cases {
        let name = str_field(case, "name").expect("case name");
        let text = match (str_field(case, "text"), str_field(case, "file")) {
            (Some(t), _) => t.to_string(),
            (None, Some(f)) => std::fs::read_to_string(repo_root().join(f)).expect("case file"),
            (None, None) => panic!("case {name}: needs text or file"),
        };
        let published = str_field(case, "published").map(|d| parse_date(d).expect("published date"));
        let article = parser.parse(&text, published).expect("parse");
        let found: Vec<(&str, &byline_core::Timex)> =
            article.timexes.iter().map(|t| (t.span.as_str(&article.text), t)).collect();
        for want in case.get("timex").and_then(Value::as_array).into_iter().flatten() {
            let wtext = str_field(want, "text").expect("timex text");
            let hits: Vec<_> = found.iter().filter(|(t, _)| *t == wtext).collect();
            let count = want.get("count").and_then(Value::as_integer);
            if hits.is_empty() || count.is_some_and(|c| c as usize != hits.len()) {
                failures.push(format!("{name}: {wtext:?} found {} times (want {count:?})", hits.len()));
            }
            for (_, t) in hits {
                let json = serde_json_like(t);
                for key in ["type", "value", "mod"] {
                    if let Some(w) = str_field(want, key) {
                        if json.get(key).map(String::as_str) != Some(w) {
                            failures.push(format!("{name}: {wtext:?} {key} = {:?}, want {w:?}", json.get(key)));
                        }
                    }
                }
            }
        }
        for phrase in case.get("not_timex").and_then(Value::as_array).into_iter().flatten() {
            let phrase = phrase.as_str().expect("phrase");
            for (at, _) in article.text.match_indices(phrase) {
                let (s, e) = (at, at + phrase.len());
                for (t, tx) in &found {
                    let (ts, te) = (tx.span.start(), tx.span.end());
                    let cuts = ts < e && s < te && !(ts <= s && e <= te);
                    if cuts {
                        failures.push(format!("{name}: {t:?} cuts into {phrase:?}"));
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}

/// A timex's attributes under their names in the JSON contract.
fn serde_json_like(t: &byline_core::Timex) -> std::collections::HashMap<&'static str, String> {
    let name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
    let mut m = std::collections::HashMap::new();
    m.insert("type", name(serde_json::to_value(t.kind).expect("type")));
    if let Some(v) = &t.value {
        m.insert("value", v.clone());
    }
    if let Some(md) = t.modifier {
        m.insert("mod", name(serde_json::to_value(md).expect("mod")));
    }
    m
}
