//! Credit lines: "Additional reporting by Jane Doe.", "(Reporting by Jane Doe in London; Editing by
//! John Roe)", "Contributing: Jane Doe, John Roe", "Jane Doe contributed reporting."

use crate::layout::lexicon::LayoutLexicon;
use crate::layout::names::collect_names;

/// Longest paragraph read as a credit line, in bytes.
pub(crate) const MAX_CREDIT: usize = 400;
/// How far from the end of a paragraph a trailing "(Reporting by ...)" may start, in bytes.
const TRAILING_WINDOW: usize = 400;

/// If the paragraph is a credit line, appends its names to `out` and returns true.
pub(crate) fn credit(raw: &str, lex: &LayoutLexicon, out: &mut Vec<String>) -> bool {
    if raw.len() > MAX_CREDIT {
        return false;
    }
    if lex.credit_leads.starts(raw.trim_start_matches(['(', ' '])) {
        // "Research by handset maker Nokia shows that ..." opens like a credit but is a sentence.
        let mut names = Vec::new();
        let (known, unknown) = credited_names(raw, lex, &mut names);
        if known == 0 || unknown > known {
            return false;
        }
        add(out, names);
        return true;
    }
    // "Jane Doe in London contributed reporting."
    let body = raw.trim_end_matches(|c: char| !c.is_alphanumeric());
    let ends = |tail: &str| {
        body.len() >= tail.len()
            && body.is_char_boundary(body.len() - tail.len())
            && body[body.len() - tail.len()..].eq_ignore_ascii_case(tail)
    };
    let Some(tail) = lex.credit_tails.iter().find(|t| ends(t)) else { return false };
    let mut names = Vec::new();
    let (_, unknown) = collect_names(&body[..body.len() - tail.len()], lex, &mut names);
    if names.is_empty() || unknown > 0 {
        return false;
    }
    add(out, names);
    true
}

fn add(out: &mut Vec<String>, names: Vec<String>) {
    for n in names {
        if !out.contains(&n) {
            out.push(n);
        }
    }
}

/// The names in each clause of a credit line (what follows "by" or ":"), and how many parts
/// were names or affiliations and how many were neither.
fn credited_names(raw: &str, lex: &LayoutLexicon, out: &mut Vec<String>) -> (usize, usize) {
    let (mut known, mut unknown) = (0, 0);
    for clause in raw.trim_matches(|c: char| c == '(' || c == ')' || c.is_whitespace()).split(';') {
        let lower = clause.to_ascii_lowercase();
        let after = lower.find(" by ").map(|i| i + 4).or_else(|| lower.find(':').map(|i| i + 1));
        if let Some(i) = after {
            let (k, u) = collect_names(&clause[i..], lex, out);
            known += k;
            unknown += u;
        }
    }
    (known, unknown)
}

/// Names from a "(Reporting by ...)" credit that closes the last paragraph of a story.
pub(crate) fn trailing_credit(raw: &str, lex: &LayoutLexicon, out: &mut Vec<String>) {
    let from = raw.len().saturating_sub(TRAILING_WINDOW);
    let mut pos = from;
    while !raw.is_char_boundary(pos) {
        pos += 1;
    }
    let window = &raw[pos..];
    let Some(open) = window.rfind('(') else { return };
    let inside = &window[open + 1..];
    if lex.credit_leads.starts(inside) {
        let close = inside.find(')').unwrap_or(inside.len());
        let mut names = Vec::new();
        let (known, unknown) = credited_names(&inside[..close], lex, &mut names);
        if known > 0 && unknown <= known {
            add(out, names);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(s: &str) -> Option<Vec<String>> {
        let mut out = Vec::new();
        credit(s, &LayoutLexicon::new(), &mut out).then_some(out)
    }

    #[test]
    fn credit_lines() {
        assert_eq!(names("Additional reporting by Laura Hale-Smith.").unwrap(), ["Laura Hale-Smith"]);
        assert_eq!(names("(Reporting by Jane Doe in London; Editing by John Roe)").unwrap(), ["Jane Doe", "John Roe"]);
        assert_eq!(names("Contributing: Jane Doe, USA TODAY; The Associated Press").unwrap(), ["Jane Doe"]);
        assert_eq!(names("Jane Doe in London and John Roe contributed reporting.").unwrap(), ["Jane Doe", "John Roe"]);
        assert_eq!(names("Editing by Reuters staff").unwrap(), Vec::<String>::new());
    }

    #[test]
    fn not_credit_lines() {
        assert!(names("Research by handset maker Nokia shows that more and more people are using their mobile phone for every call they make or take. According to the study,").is_none());
        assert!(names("The company contributed $5 million.").is_none());
        assert!(names("Reporters contributed to the confusion, officials said.").is_none());
        assert!(names("Mr. Varga’s office said in a statement that his visit would be a chance.").is_none());
    }

    #[test]
    fn trailing() {
        let mut out = Vec::new();
        trailing_credit(
            "Shares fell 3%. (Reporting by Jane Doe; Editing by John Roe)",
            &LayoutLexicon::new(),
            &mut out,
        );
        assert_eq!(out, ["Jane Doe", "John Roe"]);
    }
}
