//! Bylines: "By Jane Doe and John Roe", "By JANE DOE, Associated Press", "by Janie Gabbett, Reuters".

use crate::date::Date;
use crate::layout::dates::date_line;
use crate::layout::lexicon::LayoutLexicon;
use crate::layout::names::collect_names;

/// Longest paragraph read as a byline, in bytes.
pub(crate) const MAX_BYLINE: usize = 200;

/// What a byline says.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Byline {
    pub authors: Vec<String>,
    /// A date given with the byline ("By Jane Doe | May 8, 2009").
    pub date: Option<Date>,
}

/// The paragraph as a byline, if it is one: an opening ("By") and then a list of names and
/// affiliations, with at least as many of those as other parts.
pub(crate) fn byline(raw: &str, lex: &LayoutLexicon) -> Option<Byline> {
    if raw.len() > MAX_BYLINE || raw.lines().count() > 2 {
        return None;
    }
    let lower = raw.to_ascii_lowercase();
    let lead = lex.byline_leads.iter().find(|l| {
        lower.starts_with(l.as_str()) && (l.ends_with(':') || lower[l.len()..].starts_with(char::is_whitespace))
    })?;
    let rest = raw[lead.len()..].trim();
    if !rest.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let mut found = Byline::default();
    let (mut known, mut unknown) = (0, 0);
    for part in rest.split(['|', '\n']) {
        if let Some(d) = date_line(part.trim(), lex) {
            found.date = found.date.or(Some(d));
            continue;
        }
        let (k, u) = collect_names(part, lex, &mut found.authors);
        known += k;
        unknown += u;
    }
    (known > 0 && unknown <= known && (unknown == 0 || !found.authors.is_empty())).then_some(found)
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
        let b = byline("By Jane Doe | May 8, 2009", &LayoutLexicon::new()).unwrap();
        assert_eq!(b.date, Some(crate::parse_date("2009-05-08").unwrap()));
    }

    #[test]
    fn not_bylines() {
        assert!(authors("By Friday, officials had left the city.").is_none());
        assert!(authors("By the end, Gloria's eczema was so severe.").is_none());
        assert!(authors("Byron Smith said so").is_none());
        assert!(authors("By 2020 Prices Had Doubled In Most Large Cities Of The Region, Data Show").is_none());
    }
}
