//! `tests/data/html.toml`: HTML pages in: the article's body, title, authors and date.

use byline_core::{Article, Parser, Role};
use serde::Deserialize;

use crate::load;

load::case_file!(
    /// The file: `[[case]]` tables.
    Golden = "tests/data/html.toml",
    Case,
    load::Golden
);

/// One page and what the article read from it must be; each expectation is checked only when
/// given.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    html: String,
    url: Option<String>,
    /// The headline ("" for none).
    title: Option<String>,
    /// The publication date ("YYYY-MM-DD", "" for none).
    published: Option<String>,
    authors: Option<Vec<String>>,
    /// The text of every body and heading paragraph, in order.
    body: Option<Vec<String>>,
    /// Texts that no paragraph of the article may contain.
    #[serde(default)]
    not_in_text: Vec<String>,
}

/// The failures of every case.
pub fn check(golden: &Golden) -> Vec<String> {
    let parser = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let mut failures = Vec::new();
    for case in &golden.case {
        let article = parser.parse_html(case.html.as_bytes(), case.url.as_deref(), None).unwrap();
        failures.extend(crate::case_failures(&case.name, problems(case, &article), &article));
    }
    failures
}

fn problems(case: &Case, a: &Article) -> crate::Problems {
    let mut problems = crate::Problems::default();
    let mut expect = |what: &str, want: String, got: String| problems.expect(what, want, got);
    if let Some(t) = &case.title {
        expect("title", format!("{t:?}"), format!("{:?}", a.title.as_deref().unwrap_or("")));
    }
    if let Some(p) = &case.published {
        expect("published", p.clone(), a.published.map(|d| d.to_string()).unwrap_or_default());
    }
    if let Some(names) = &case.authors {
        expect("authors", format!("{names:?}"), format!("{:?}", a.authors));
    }
    if let Some(body) = &case.body {
        let got: Vec<&str> = a
            .paragraphs
            .iter()
            .filter(|p| matches!(p.role, Role::Body | Role::Heading))
            .map(|p| p.span.as_str(&a.text))
            .collect();
        expect("body", format!("{body:#?}"), format!("{got:#?}"));
    }
    for text in &case.not_in_text {
        if a.text.contains(text.as_str()) {
            problems.0.push(format!("the text contains {text:?}"));
        }
    }
    problems
}
