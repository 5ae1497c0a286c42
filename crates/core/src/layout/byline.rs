//! Bylines: "By Jane Doe and John Roe", "By JANE DOE, Associated Press", "by Janie Gabbett, Reuters".

use crate::date::Date;
use crate::layout::dates::{date_line, may_open_date};
use crate::layout::lexicon::LayoutLexicon;
use crate::layout::names::{collect_names, person_name};

/// Longest paragraph read as a byline, in bytes.
pub(crate) const MAX_BYLINE: usize = 200;

/// What a byline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Byline {
    pub authors: Vec<String>,
    /// A date given with the byline ("By Jane Doe | May 8, 2009").
    pub date: Option<Date>,
}

/// Longest unlabelled byline ("Richard Roe Economics correspondent"), in bytes.
const MAX_UNLABELLED: usize = 80;

/// The paragraph as a byline, if it is one: an opening ("By") and then a list of names and
/// affiliations, with at least as many of those as other parts; or a date line, "by" and the
/// names ("Posted on May 8, 2009 by Jane Doe").
pub(crate) fn byline(raw: &str, lex: &LayoutLexicon) -> Option<Byline> {
    if raw.len() > MAX_BYLINE || raw.lines().count() > 2 {
        return None;
    }
    if let Some(lead) = lex.byline_leads.prefix_len(raw) {
        if !(raw[..lead].ends_with(':') || raw[lead..].starts_with(char::is_whitespace)) {
            return None;
        }
        return names_in(raw[lead..].trim(), lex);
    }
    let dated = may_open_date(raw, lex).then(|| raw.to_ascii_lowercase().rfind(" by ")).flatten();
    let i = dated.filter(|&i| i > 0)?;
    let date = date_line(raw[..i].trim(), lex)?;
    let mut found = names_in(raw[i + 4..].trim(), lex)?;
    found.date = Some(date);
    Some(found)
}

/// A byline without "By", as sites print it under the headline: a name and then job or desk
/// words only ("Richard Roe Economics correspondent", "Jane Doe, Staff Writer").
pub(crate) fn unlabelled_byline(raw: &str, lex: &LayoutLexicon) -> Option<Byline> {
    if raw.len() > MAX_UNLABELLED || raw.contains('\n') || raw.ends_with(['.', '!', '?', ':', ';', '"', '”']) {
        return None;
    }
    let words: Vec<&str> = raw.split_whitespace().collect();
    for n in (2..=3).rev() {
        if words.len() <= n {
            continue;
        }
        let name = words[..n].join(" ");
        let name = name.trim_end_matches(',');
        let role = &words[n..];
        let roles_only = role.iter().all(|w| lex.is_affiliation(w.trim_matches(|c: char| !c.is_alphanumeric())));
        if roles_only {
            if let Some(name) = person_name(name, lex) {
                return Some(Byline { authors: vec![name], date: None });
            }
        }
    }
    None
}

/// The names (and a date) in what follows a byline's opening.
fn names_in(rest: &str, lex: &LayoutLexicon) -> Option<Byline> {
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut found = Byline::default();
    let (mut known, mut unknown) = (0, 0);
    for part in rest.split(['|', '\n']) {
        let part = part.trim();
        let (names, date) = split_trailing_date(part, lex);
        found.date = found.date.or(date);
        let (k, u) = collect_names(names, lex, &mut found.authors);
        known += k;
        unknown += u;
    }
    (known > 0 && unknown <= known && (unknown == 0 || !found.authors.is_empty())).then_some(found)
}

/// "Jane Doe, May 8, 2009" → ("Jane Doe", the date); a part that is only a date gives ("", the date).
fn split_trailing_date<'a>(part: &'a str, lex: &LayoutLexicon) -> (&'a str, Option<Date>) {
    if let Some(d) = date_line(part, lex) {
        return ("", Some(d));
    }
    for (i, _) in part.match_indices(',') {
        if let Some(d) = date_line(part[i + 1..].trim(), lex) {
            return (&part[..i], Some(d));
        }
    }
    (part, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn authors(s: &str) -> Option<Vec<String>> {
        byline(s, &LayoutLexicon::new()).map(|b| b.authors)
    }

    #[test]
    fn bylines() {
        assert_eq!(authors("By Jane Doe and John Roe").unwrap(), ["Jane Doe", "John Roe"]);
        assert_eq!(authors("By JANE DOE, Associated Press").unwrap(), ["Jane Doe"]);
        assert_eq!(authors("by Janie Gabbett, Reuters").unwrap(), ["Janie Gabbett"]);
        assert_eq!(authors("By The Associated Press").unwrap(), Vec::<String>::new());
        assert_eq!(authors("Written by Jane M. Doe, Staff Writer").unwrap(), ["Jane M. Doe"]);
        let may8 = crate::parse_date("2009-05-08").ok();
        let b = byline("By Jane Doe | May 8, 2009", &LayoutLexicon::new()).unwrap();
        assert_eq!(b.date, may8);
        let b = byline("By Jane Doe, May 8, 2009", &LayoutLexicon::new()).unwrap();
        assert_eq!((b.authors, b.date), (vec!["Jane Doe".to_string()], may8));
        let b = byline("Posted on May 8, 2009 by Jane Smith", &LayoutLexicon::new()).unwrap();
        assert_eq!((b.authors, b.date), (vec!["Jane Smith".to_string()], may8));
    }

    #[test]
    fn unlabelled() {
        let lx = LayoutLexicon::new();
        let names = |s: &str| unlabelled_byline(s, &lx).map(|b| b.authors);
        assert_eq!(names("Richard Roe Economics correspondent").unwrap(), ["Richard Roe"]);
        assert_eq!(names("Jane Doe, Staff Writer").unwrap(), ["Jane Doe"]);
        assert_eq!(names("Jane Q. Public Senior Reporter").unwrap(), ["Jane Q. Public"]);
        assert!(names("Bank of England").is_none());
        assert!(names("Jeremy Hunt said so.").is_none());
        assert!(names("Explore more on these topics").is_none());
        assert!(names("Jane Doe").is_none());
    }

    #[test]
    fn not_bylines() {
        assert!(authors("By Friday, officials had left the city.").is_none());
        assert!(authors("By the end, Gloria's eczema was so severe.").is_none());
        assert!(authors("Byron Smith said so").is_none());
        assert!(authors("By 2020 Prices Had Doubled In Most Large Cities Of The Region, Data Show").is_none());
    }
}
