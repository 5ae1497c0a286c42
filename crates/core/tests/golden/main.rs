//! The golden cases of every stage (`tests/data/*.toml`), checked by one runner.
//!
//! Each file is read strictly ([`load`]: typed cases, no unknown key, no two cases of one name)
//! and each case is parsed and checked against its expectations by its stage's module. Every
//! parsed article is also checked for what holds of all articles (`byline_core::invariants`). The Python
//! tests read the same files only for what the binding adds (code point offsets, types,
//! `to_dict()`); the semantics are checked here.

mod entities;
mod html;
mod layout;
mod load;
mod quotes;
mod sentences;
mod speaker_kinds;
mod timex;

use byline_core::Article;
use load::Golden;

/// The golden files of this runner.
const HERE: [&str; 7] = [
    layout::Golden::PATH,
    sentences::Golden::PATH,
    entities::Golden::PATH,
    quotes::Golden::PATH,
    timex::Golden::PATH,
    speaker_kinds::Golden::PATH,
    html::Golden::PATH,
];

/// The golden files read by other tests, each of which reads its file strictly too
/// (`load::assert_strict`).
const ELSEWHERE: [(&str, &str); 2] = [
    ("tests/data/batch_inputs.toml", "crates/batch/tests/cli.rs"),
    ("tests/data/python_offsets.toml", "crates/python/src/convert.rs"),
];

/// The differences found between a case's expectations and its article.
#[derive(Default)]
struct Problems(Vec<String>);

impl Problems {
    /// Notes `what` when `got` is not `want`.
    fn expect(&mut self, what: &str, want: String, got: String) {
        if want != got {
            self.0.push(format!("{what}: want {want}, got {got}"));
        }
    }
}

/// The failures of one case, named after it: its `problems` and what must hold of every article
/// (`byline_core::invariants`).
fn case_failures(name: &str, problems: Problems, a: &Article) -> Vec<String> {
    problems.0.into_iter().chain(byline_core::invariants::problems(a)).map(|p| format!("{name}: {p}")).collect()
}

/// Panics with every failure of a golden file, after checking them all.
fn report(path: &str, failures: Vec<String>) {
    assert!(failures.is_empty(), "{path}: {} failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn layout_cases() {
    report(layout::Golden::PATH, layout::check(&load::load()));
}

#[test]
fn sentence_cases() {
    report(sentences::Golden::PATH, sentences::check(&load::load()));
}

#[test]
fn entity_cases() {
    report(entities::Golden::PATH, entities::check(&load::load()));
}

/// Entity rules that no invented example has yet isolated (the tagger alone gets the invented
/// sentences tried right, or the rule's effect there was a wrong span). Shrinks, never grows.
const UNCOVERED_ENTITY_RULES: [&str; 1] = ["surname_after_first_name"];

#[test]
fn every_entity_rule_has_golden_cases() {
    let golden = load::load();
    if std::env::var_os("GOLDEN_ENTITY_RULES").is_some() {
        println!("{}", entities::cases_by_rule(&golden).join("\n"));
    }
    let missing = entities::rules_without_cases(&golden);
    assert_eq!(missing, UNCOVERED_ENTITY_RULES, "{}: the entity rules no case names", entities::Golden::PATH);
}

#[test]
fn quote_cases() {
    report(quotes::Golden::PATH, quotes::check(&load::load()));
}

#[test]
fn speaker_kind_cases() {
    report(speaker_kinds::Golden::PATH, speaker_kinds::check(&load::load()));
}

#[test]
fn timex_cases() {
    report(timex::Golden::PATH, timex::check(&load::load()));
}

#[test]
fn html_cases() {
    report(html::Golden::PATH, html::check(&load::load()));
}

#[test]
fn golden_files_reject_unknown_keys_and_repeated_names() {
    load::assert_strict::<layout::Golden>();
    load::assert_strict::<sentences::Golden>();
    load::assert_strict::<entities::Golden>();
    load::assert_strict::<quotes::Golden>();
    load::assert_strict::<timex::Golden>();
    load::assert_strict::<speaker_kinds::Golden>();
    load::assert_strict::<html::Golden>();
}

#[test]
fn every_golden_file_is_read_strictly() {
    for entry in std::fs::read_dir(load::repo_root().join("tests/data")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        let path = format!("tests/data/{name}");
        if !name.ends_with(".toml") || HERE.contains(&path.as_str()) {
            continue;
        }
        let Some((_, reader)) = ELSEWHERE.iter().find(|(p, _)| *p == path) else {
            panic!("{path} is read by no golden test: give it a module here, or list it in ELSEWHERE");
        };
        let code = load::read_repo_file(reader);
        assert!(code.contains(&name) && code.contains("assert_strict::<"), "{reader} does not read {path} strictly");
    }
}
