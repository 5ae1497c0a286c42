//! Personal names in bylines and credit lines: "Jane Doe and John Roe", "JANE DOE, Associated Press",
//! "Jane Doe in London; Editing by John Roe".

use crate::layout::lexicon::LayoutLexicon;

/// Longest name, in words.
const MAX_NAME_WORDS: usize = 5;
/// Longest line read as an affiliation under a byline, in bytes.
const MAX_AFFILIATION_LINE: usize = 80;

/// Splits a list of names and affiliations, and appends the names to `out` (no duplicates).
/// Returns how many parts were names or affiliations, and how many were neither.
pub(crate) fn collect_names(list: &str, lex: &LayoutLexicon, out: &mut Vec<String>) -> (usize, usize) {
    let (mut known, mut unknown) = (0, 0);
    for part in split_list(list) {
        let part = strip_place(part.trim().trim_end_matches(['.', ',', ':', ')']).trim(), lex);
        let part = strip_affiliation(part, lex);
        if part.is_empty() {
            continue;
        }
        match person_name(part, lex) {
            Some(name) => {
                known += 1;
                if !out.contains(&name) {
                    out.push(name);
                }
            }
            None if is_affiliation(part, lex) => known += 1,
            None => unknown += 1,
        }
    }
    (known, unknown)
}

/// True when `line` names only organisations or jobs ("Associated Press", "Staff Writer").
pub(crate) fn is_affiliation_line(line: &str, lex: &LayoutLexicon) -> bool {
    if line.len() > MAX_AFFILIATION_LINE || line.contains('\n') {
        return false;
    }
    let mut names = Vec::new();
    let (known, unknown) = collect_names(line, lex, &mut names);
    known > 0 && unknown == 0 && names.is_empty()
}

/// Parts of a list: split at commas, semicolons, pipes, slashes, "and", "&" and "with".
fn split_list(list: &str) -> impl Iterator<Item = &str> {
    list.split([',', ';', '|', '/', '•', '·']).flat_map(|p| {
        let mut rest = p;
        std::iter::from_fn(move || {
            if rest.is_empty() {
                return None;
            }
            let cut = [" and ", " And ", " AND ", " & ", " with ", " With "]
                .iter()
                .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
                .min();
            Some(match cut {
                Some((i, len)) => {
                    let part = &rest[..i];
                    rest = &rest[i + len..];
                    part
                }
                None => std::mem::take(&mut rest),
            })
        })
    })
}

/// "Jane Doe in London" → "Jane Doe"; also "from" and "at".
fn strip_place<'a>(part: &'a str, lex: &LayoutLexicon) -> &'a str {
    for sep in [" in ", " from ", " at "] {
        if let Some(i) = part.find(sep) {
            let head = part[..i].trim();
            if person_name(head, lex).is_some() {
                return head;
            }
        }
    }
    part
}

/// "Associated Press writers Mary Clare Jalonick" → "Mary Clare Jalonick".
fn strip_affiliation<'a>(part: &'a str, lex: &LayoutLexicon) -> &'a str {
    let mut rest = part;
    while let Some((word, tail)) = rest.split_once(' ') {
        if !lex.is_affiliation(word) {
            break;
        }
        rest = tail.trim_start();
    }
    if rest.len() < part.len() && person_name(rest, lex).is_some() {
        rest
    } else {
        part
    }
}

fn is_affiliation(part: &str, lex: &LayoutLexicon) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 8
        && words.iter().any(|w| lex.is_affiliation(w.trim_matches(|c: char| !c.is_alphanumeric())))
        && words.iter().all(|w| w.chars().next().is_some_and(|c| !c.is_lowercase()) || lex.is_affiliation(w))
}

/// The part as a personal name, in its display form, if it looks like one: two to five
/// capitalised words (particles like "van" allowed), none of them an affiliation word.
pub(crate) fn person_name(part: &str, lex: &LayoutLexicon) -> Option<String> {
    let words: Vec<&str> = part.split_whitespace().collect();
    if words.len() < 2 || words.len() > MAX_NAME_WORDS {
        return None;
    }
    for (i, w) in words.iter().enumerate() {
        let first = w.chars().next()?;
        let particle = i > 0 && i + 1 < words.len() && lex.particles.contains(*w);
        let shaped = w.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        if !shaped || !(first.is_uppercase() || particle) || lex.is_affiliation(w.trim_end_matches('.')) {
            return None;
        }
    }
    Some(words.iter().map(|w| display_case(w)).collect::<Vec<_>>().join(" "))
}

/// "DOE" → "Doe", "HALE-SMITH" → "Hale-Smith", "O'BRIEN" → "O'Brien"; mixed case and
/// initials stay as written.
fn display_case(word: &str) -> String {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 2 || word.chars().any(char::is_lowercase) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphabetic();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &str) -> Vec<String> {
        let mut out = Vec::new();
        collect_names(list, &LayoutLexicon::new(), &mut out);
        out
    }

    #[test]
    fn lists() {
        assert_eq!(names("Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(names("JANE DOE, Associated Press"), ["Jane Doe"]);
        assert_eq!(names("Janie Gabbett, Reuters"), ["Janie Gabbett"]);
        assert_eq!(names("Laura Hale-Smith."), ["Laura Hale-Smith"]);
        assert_eq!(names("Jane Doe in London and John Roe in Paris"), ["Jane Doe", "John Roe"]);
        assert_eq!(names("Ursula von der Leyen & Jean O'BRIEN-SMITH"), ["Ursula von der Leyen", "Jean O'Brien-Smith"]);
        assert_eq!(names("The Associated Press"), Vec::<String>::new());
        assert_eq!(names("Jane M. Doe | USA TODAY"), ["Jane M. Doe"]);
        assert_eq!(
            names("Associated Press writers Mary Clare Jalonick and Farnoush Amiri"),
            ["Mary Clare Jalonick", "Farnoush Amiri"]
        );
    }

    #[test]
    fn counts_parts_that_are_not_names() {
        let lx = LayoutLexicon::new();
        let mut out = Vec::new();
        assert_eq!(collect_names("Friday, officials had left", &lx, &mut out), (0, 2));
        assert_eq!(collect_names("Jane Doe, Staff Writer", &lx, &mut out), (2, 0));
    }
}
