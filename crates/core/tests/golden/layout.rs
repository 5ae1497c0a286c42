//! `tests/data/layout.toml`: paragraph roles, title, byline names, dateline, date, boilerplate.

use byline_core::{Article, Parser, Role};
use serde::Deserialize;

use crate::load;

load::case_file!(
    /// The file: `[[case]]` tables.
    Golden = "tests/data/layout.toml",
    Case,
    load::Golden
);

/// One article (`text`, or a repository `file`) and what its layout must be; each expectation
/// is checked only when given.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    text: Option<String>,
    file: Option<String>,
    /// Every paragraph's role, in order.
    roles: Option<Vec<Role>>,
    /// Every paragraph's text, in order.
    paragraphs: Option<Vec<String>>,
    /// The headline ("" for none).
    title: Option<String>,
    /// The standfirst ("" for none).
    subtitle: Option<String>,
    /// The publication date found in the text ("" for none).
    published: Option<String>,
    authors: Option<Vec<String>>,
    contributors: Option<Vec<String>>,
    /// `[place, whole dateline]`, or `[]` for none.
    dateline: Option<Vec<String>>,
    /// How many paragraphs are body text.
    body_paragraphs: Option<usize>,
    /// Texts that no sentence may contain (boilerplate).
    #[serde(default)]
    no_sentences_from: Vec<String>,
}

/// The failures of every case.
pub fn check(golden: &Golden) -> Vec<String> {
    let parser = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let mut failures = Vec::new();
    for case in &golden.case {
        let text = match (&case.text, &case.file) {
            (Some(t), None) => t.clone(),
            (None, Some(f)) => load::read_repo_file(f),
            _ => panic!("{}: give `text` or `file`", case.name),
        };
        let article = parser.parse(&text, None).unwrap();
        let problems = problems(case, &article).into_iter().chain(byline_core::invariants::problems(&article));
        failures.extend(problems.map(|p| format!("{}: {p}", case.name)));
    }
    failures
}

fn problems(case: &Case, a: &Article) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expect = |what: &str, want: String, got: String| {
        if want != got {
            problems.push(format!("{what}: want {want}, got {got}"));
        }
    };
    if let Some(roles) = &case.roles {
        let got: Vec<Role> = a.paragraphs.iter().map(|p| p.role).collect();
        expect("roles", format!("{roles:?}"), format!("{got:?}"));
    }
    if let Some(paragraphs) = &case.paragraphs {
        let got: Vec<&str> = a.paragraphs.iter().map(|p| p.span.as_str(&a.text)).collect();
        expect("paragraphs", format!("{paragraphs:?}"), format!("{got:?}"));
    }
    if let Some(t) = &case.title {
        expect("title", format!("{t:?}"), format!("{:?}", a.title.as_deref().unwrap_or("")));
    }
    if let Some(t) = &case.subtitle {
        expect("subtitle", format!("{t:?}"), format!("{:?}", a.subtitle.as_deref().unwrap_or("")));
    }
    if let Some(p) = &case.published {
        expect("published", p.clone(), a.published.map(|d| d.to_string()).unwrap_or_default());
    }
    if let Some(names) = &case.authors {
        expect("authors", format!("{names:?}"), format!("{:?}", a.authors));
    }
    if let Some(names) = &case.contributors {
        expect("contributors", format!("{names:?}"), format!("{:?}", a.contributors));
    }
    if let Some(d) = &case.dateline {
        let got = a.dateline.as_ref().map(|d| vec![d.place.clone(), d.span.as_str(&a.text).to_string()]);
        expect("dateline", format!("{d:?}"), format!("{:?}", got.unwrap_or_default()));
    }
    if let Some(n) = case.body_paragraphs {
        let got = a.paragraphs.iter().filter(|p| p.role == Role::Body).count();
        expect("body paragraphs", n.to_string(), got.to_string());
    }
    for text in &case.no_sentences_from {
        if a.sentences.iter().any(|s| s.span.as_str(&a.text).contains(text.as_str())) {
            problems.push(format!("a sentence contains boilerplate {text:?}"));
        }
    }
    problems
}
