//! `tests/data/entities.toml`: entities, their mentions, titles, roles and gender.

use std::collections::HashMap;

use byline_core::internals::ENTITY_RULES;
use byline_core::{parse_date, Article, Entity, Gender, Label, MentionKind, Parser};
use serde::Deserialize;

use crate::load;

/// The file: `[[case]]` tables (a text) and `[[article]]` tables (a repository file).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Golden {
    #[serde(default)]
    case: Vec<Case>,
    #[serde(default)]
    article: Vec<Case>,
}

impl load::Golden for Golden {
    const PATH: &'static str = "tests/data/entities.toml";
    fn names(&self) -> Vec<&str> {
        self.case.iter().chain(&self.article).map(|c| c.name.as_str()).collect()
    }
}

/// An article (`text` for a case, `file` for an article) and what its entities must be.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: Option<String>,
    file: Option<String>,
    /// The publication date, `YYYY-MM-DD`.
    published: Option<String>,
    /// Entities that must be found.
    #[serde(default)]
    entity: Vec<Expected>,
    /// Texts no mention may have.
    #[serde(default)]
    absent: Vec<String>,
    /// Groups of names that must be different entities.
    #[serde(default)]
    separate: Vec<Vec<String>>,
    /// The entity rules after the tagger this case is a golden case of: with any one of them
    /// switched off, the case must fail.
    #[serde(default)]
    rules: Vec<String>,
}

/// An entity that must be found: one with this label and name.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    label: Label,
    name: String,
    /// Mention texts it must have.
    #[serde(default)]
    mentions: Vec<String>,
    /// It has no mention outside `mentions`.
    #[serde(default)]
    exact_mentions: bool,
    /// How many mentions it has.
    mention_count: Option<usize>,
    #[serde(default)]
    titles: Vec<String>,
    #[serde(default)]
    not_titles: Vec<String>,
    /// Texts of nominal mentions it must have ("the ministry").
    #[serde(default)]
    nominal: Vec<String>,
    #[serde(default)]
    roles: Vec<String>,
    #[serde(default)]
    not_roles: Vec<String>,
    gender: Option<ExpectedGender>,
}

/// A gender, or none known.
#[derive(Clone, Copy, Debug, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
enum ExpectedGender {
    Male,
    Female,
    None,
}

/// The failures of every case and article: its expectations with every rule on, and with each
/// rule it names switched off (it must fail then).
pub fn check(golden: &Golden) -> Vec<String> {
    let parser = Parser::new();
    let mut without: HashMap<&str, Parser> = HashMap::new();
    let mut failures = Vec::new();
    for case in golden.case.iter().chain(&golden.article) {
        let text = match (&case.text, &case.file) {
            (Some(t), None) => t.clone(),
            (None, Some(f)) => load::read_repo_file(f),
            _ => panic!("{}: give `text` or `file`", case.name),
        };
        let published = case.published.as_deref().map(|d| parse_date(d).expect("a YYYY-MM-DD date"));
        let article = parser.parse(&text, published).unwrap();
        let mut problems = problems(case, &article);
        if !problems.is_empty() {
            problems.push(format!("entities were\n{}", describe(&article)));
        }
        problems.extend(byline_core::invariants::problems(&article));
        for rule in &case.rules {
            let Ok(off) = Parser::builder().entity_rule_off(rule).build() else {
                problems.push(format!("no entity rule is named {rule:?}"));
                continue;
            };
            let off = without.entry(rule.as_str()).or_insert(off);
            if self::problems(case, &off.parse(&text, published).unwrap()).is_empty() {
                problems.push(format!("passes with the rule {rule:?} off: it is no golden case of that rule"));
            }
        }
        failures.extend(problems.into_iter().map(|p| format!("{}: {p}", case.name)));
    }
    failures
}

/// The entity rules that no case names.
pub fn rules_without_cases(golden: &Golden) -> Vec<&'static str> {
    let named: Vec<&str> =
        golden.case.iter().chain(&golden.article).flat_map(|c| &c.rules).map(String::as_str).collect();
    ENTITY_RULES.iter().map(|r| r.name).filter(|n| !named.contains(n)).collect()
}

/// For each case, the rules without which it fails (to fill `rules`): run with
/// `GOLDEN_ENTITY_RULES=1 cargo test -p byline-core --test golden -- --nocapture`.
pub fn cases_by_rule(golden: &Golden) -> Vec<String> {
    let mut out = Vec::new();
    let parsers: Vec<(&str, Parser)> =
        ENTITY_RULES.iter().map(|r| (r.name, Parser::builder().entity_rule_off(r.name).build().unwrap())).collect();
    for case in golden.case.iter().chain(&golden.article) {
        let text = match (&case.text, &case.file) {
            (Some(t), None) => t.clone(),
            (_, Some(f)) => load::read_repo_file(f),
            _ => continue,
        };
        let published = case.published.as_deref().map(|d| parse_date(d).expect("a YYYY-MM-DD date"));
        let needs: Vec<&str> = parsers
            .iter()
            .filter(|(_, p)| !problems(case, &p.parse(&text, published).unwrap()).is_empty())
            .map(|(n, _)| *n)
            .collect();
        out.push(format!("{}: {needs:?}", case.name));
    }
    out
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

fn problems(case: &Case, a: &Article) -> Vec<String> {
    let mut problems = Vec::new();
    for want in &case.entity {
        let (label, name) = (want.label.as_str(), &want.name);
        let Some(e) = a.entities.iter().find(|e| e.label == want.label && &e.name == name) else {
            problems.push(format!("no {label} entity named {name:?}"));
            continue;
        };
        let texts = mention_texts(a, e);
        for m in &want.mentions {
            if !texts.contains(&m.as_str()) {
                problems.push(format!("{name:?} lacks the mention {m:?} (has {texts:?})"));
            }
        }
        if want.exact_mentions {
            for t in &texts {
                if !want.mentions.iter().any(|m| m == t) {
                    problems.push(format!("{name:?} has an unexpected mention {t:?}"));
                }
            }
        }
        if let Some(n) = want.mention_count {
            if texts.len() != n {
                problems.push(format!("{name:?} has {} mentions, want {n} ({texts:?})", texts.len()));
            }
        }
        for t in &want.titles {
            if !e.titles.contains(t) {
                problems.push(format!("{name:?} lacks the title {t:?} (has {:?})", e.titles));
            }
        }
        for t in &want.not_titles {
            if e.titles.contains(t) {
                problems.push(format!("{name:?} has {t:?} among its titles"));
            }
        }
        for n in &want.nominal {
            if !e.mentions.iter().any(|m| m.kind == MentionKind::Nominal && m.span.as_str(&a.text) == n) {
                problems.push(format!("{name:?} lacks the nominal mention {n:?}"));
            }
        }
        for r in &want.roles {
            if !e.roles.contains(r) {
                problems.push(format!("{name:?} lacks the role {r:?} (has {:?})", e.roles));
            }
        }
        for r in &want.not_roles {
            if e.roles.contains(r) {
                problems.push(format!("{name:?} has {r:?} among its roles"));
            }
        }
        if let Some(g) = want.gender {
            let got = match e.gender {
                Some(Gender::Male) => ExpectedGender::Male,
                Some(Gender::Female) => ExpectedGender::Female,
                None => ExpectedGender::None,
            };
            if got != g {
                problems.push(format!("{name:?} has gender {got:?}, not {g:?}"));
            }
        }
    }
    for absent in &case.absent {
        for e in &a.entities {
            if mention_texts(a, e).contains(&absent.as_str()) {
                problems.push(format!("unexpected mention {absent:?} ({} {:?})", e.label.as_str(), e.name));
            }
        }
    }
    for names in &case.separate {
        let found: Vec<_> = names.iter().map(|n| a.entities.iter().position(|e| &e.name == n)).collect();
        if found.iter().any(Option::is_none) || found.windows(2).any(|w| w[0] == w[1]) {
            problems.push(format!("{names:?} should be separate entities"));
        }
    }
    problems
}
