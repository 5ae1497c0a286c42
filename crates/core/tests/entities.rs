//! Golden cases of the entities stage: `tests/data/entities.toml` (also read by pytest).

use std::path::PathBuf;

use byline_core::{Article, Entity, Gender, MentionKind, Parser};
use toml::Value;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map(|a| a.iter().filter_map(|x| x.as_str().map(str::to_string)).collect())
        .unwrap_or_default()
}

fn mention_texts<'a>(a: &'a Article, e: &Entity) -> Vec<&'a str> {
    e.mentions.iter().map(|m| m.span.as_str(&a.text)).collect()
}

fn describe(a: &Article) -> String {
    a.entities
        .iter()
        .map(|e| format!("{} {:?} {:?} {:?} {:?}", e.label.as_str(), e.name, mention_texts(a, e), e.titles, e.roles))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Checks one case; returns the problems found.
fn check(name: &str, a: &Article, case: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    for want in case.get("entity").and_then(Value::as_array).into_iter().flatten() {
        let label = want["label"].as_str().unwrap();
        let ename = want["name"].as_str().unwrap();
        let Some(e) = a.entities.iter().find(|e| e.label.as_str() == label && e.name == ename) else {
            problems.push(format!("{name}: no {label} entity named {ename:?}"));
            continue;
        };
        let texts = mention_texts(a, e);
        let mentions = strings(want.get("mentions"));
        for m in &mentions {
            if !texts.contains(&m.as_str()) {
                problems.push(format!("{name}: {ename:?} lacks the mention {m:?} (has {texts:?})"));
            }
        }
        if want.get("exact_mentions").and_then(Value::as_bool) == Some(true) {
            for t in &texts {
                if !mentions.iter().any(|m| m == t) {
                    problems.push(format!("{name}: {ename:?} has an unexpected mention {t:?}"));
                }
            }
        }
        if let Some(n) = want.get("mention_count").and_then(Value::as_integer) {
            if texts.len() as i64 != n {
                problems.push(format!("{name}: {ename:?} has {} mentions, want {n} ({texts:?})", texts.len()));
            }
        }
        for t in strings(want.get("titles")) {
            if !e.titles.contains(&t) {
                problems.push(format!("{name}: {ename:?} lacks the title {t:?} (has {:?})", e.titles));
            }
        }
        for t in strings(want.get("not_titles")) {
            if e.titles.contains(&t) {
                problems.push(format!("{name}: {ename:?} has {t:?} among its titles"));
            }
        }
        for n in strings(want.get("nominal")) {
            let ok = e.mentions.iter().any(|m| m.kind == MentionKind::Nominal && m.span.as_str(&a.text) == n);
            if !ok {
                problems.push(format!("{name}: {ename:?} lacks the nominal mention {n:?}"));
            }
        }
        for r in strings(want.get("roles")) {
            if !e.roles.contains(&r) {
                problems.push(format!("{name}: {ename:?} lacks the role {r:?} (has {:?})", e.roles));
            }
        }
        for r in strings(want.get("not_roles")) {
            if e.roles.contains(&r) {
                problems.push(format!("{name}: {ename:?} has {r:?} among its roles"));
            }
        }
        if let Some(g) = want.get("gender").and_then(Value::as_str) {
            let got = match e.gender {
                Some(Gender::Male) => "male",
                Some(Gender::Female) => "female",
                None => "none",
            };
            if got != g {
                problems.push(format!("{name}: {ename:?} has gender {got}, not {g}"));
            }
        }
    }
    for absent in strings(case.get("absent")) {
        for e in &a.entities {
            if mention_texts(a, e).contains(&absent.as_str()) {
                problems.push(format!("{name}: unexpected mention {absent:?} ({} {:?})", e.label.as_str(), e.name));
            }
        }
    }
    for pair in case.get("separate").and_then(Value::as_array).into_iter().flatten() {
        let names = strings(Some(pair));
        let found: Vec<_> = names.iter().map(|n| a.entities.iter().position(|e| &e.name == n)).collect();
        if found.iter().any(Option::is_none) || found.windows(2).any(|w| w[0] == w[1]) {
            problems.push(format!("{name}: {names:?} should be separate entities"));
        }
    }
    if !problems.is_empty() {
        problems.push(format!("{name}: entities were\n{}", describe(a)));
    }
    problems
}

#[test]
fn golden_cases() {
    let data = std::fs::read_to_string(root().join("tests/data/entities.toml")).unwrap();
    let cases: Value = toml::from_str(&data).unwrap();
    let parser = Parser::new();
    let mut problems = Vec::new();
    let mut n = 0;
    for case in cases.get("case").and_then(Value::as_array).into_iter().flatten() {
        let name = case["name"].as_str().unwrap();
        let article = parser.parse(case["text"].as_str().unwrap(), None).unwrap();
        problems.extend(check(name, &article, case));
        n += 1;
    }
    for case in cases.get("article").and_then(Value::as_array).into_iter().flatten() {
        let name = case["name"].as_str().unwrap();
        let text = std::fs::read_to_string(root().join(case["file"].as_str().unwrap())).unwrap();
        let article = parser.parse(&text, None).unwrap();
        problems.extend(check(name, &article, case));
        n += 1;
    }
    assert!(n >= 2, "no cases read");
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}
