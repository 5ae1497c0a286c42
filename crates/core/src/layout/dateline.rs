//! Datelines: the place (and often date and agency) that opens a wire story.
//! "KYIV, Ukraine —", "WASHINGTON (Reuters) -", "LONDON, Feb 26 -", "Taipei, Taiwan —".

use std::collections::HashSet;

use regex::Regex;

use crate::layout::lexicon::LayoutLexicon;
use crate::segment::lexicon::data_lines;

/// Longest dateline, in bytes.
const MAX_DATELINE: usize = 90;

/// A dateline found at the start of a paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Found {
    /// The place as written ("KYIV, Ukraine").
    pub place: String,
    /// Bytes from the paragraph start to the end of the dash or colon.
    pub len: usize,
    /// Bytes from the paragraph start to the first word after the dateline.
    pub body: usize,
}

/// Finds datelines. Built once.
#[derive(Debug)]
pub(crate) struct DatelineFinder {
    pattern: Regex,
    not_places: HashSet<String>,
}

const PATTERN: &str = r"(?x)
^
(?P<place>
    (?P<caps>
        \p{Lu}[\p{Lu}'’.\-]*\p{Lu}\.?
        (?:\x20\p{Lu}[\p{Lu}'’.\-]*\.?){0,3}
    )
    (?:,\x20\p{Lu}[\p{L}'’.\-]*(?:\x20\p{Lu}[\p{L}'’.\-]*){0,3}){0,2}
  |
    (?P<mixed>
        \p{Lu}\p{Ll}[\p{L}'’.\-]*(?:\x20\p{Lu}[\p{L}'’.\-]*){0,3}
    )
    (?P<region>(?:,\x20\p{Lu}[\p{L}'’.\-]*(?:\x20\p{Lu}[\p{L}'’.\-]*){0,3}){0,3})
)
(?P<date>,\x20(?P<month>\p{Lu}\p{Ll}{2,8})\.?\x20\d{1,2}|,\x20\d{1,2}\x20(?P<month2>\p{Lu}\p{Ll}{2,8}))?
(?P<agency>\x20?\(\p{Lu}[\p{L}.&\-]*(?:\x20\p{Lu}[\p{L}.&\-]*){0,3}\))?
\x20*(?P<dash>--|[-—–―_]|:)
(?:\x20+|$)
";

impl DatelineFinder {
    pub(crate) fn new() -> DatelineFinder {
        DatelineFinder {
            pattern: Regex::new(PATTERN).expect("dateline pattern compiles"),
            not_places: data_lines(include_str!("data/datelines.txt")).map(str::to_string).collect(),
        }
    }

    /// The dateline that opens `para`, if there is one.
    pub(crate) fn find(&self, para: &str, lex: &LayoutLexicon) -> Option<Found> {
        let mut cut = para.len().min(MAX_DATELINE + 4);
        while !para.is_char_boundary(cut) {
            cut -= 1;
        }
        let caps = self.pattern.captures(&para[..cut])?;
        let whole = caps.get(0)?;
        let place = caps.name("place")?.as_str();
        let month = caps.name("month").or(caps.name("month2"));
        if month.is_some_and(|m| lex.month(m.as_str()).is_none()) {
            return None;
        }
        let has_date = month.is_some();
        let has_agency = caps.name("agency").is_some();
        let dash = caps.name("dash")?.as_str();
        if let Some(m) = caps.name("mixed") {
            // A capitalised word and a dash is often just a sentence; ask for more.
            let region = caps.name("region").is_some_and(|r| !r.is_empty());
            if dash == ":" || !(region || has_date || has_agency) || lex.month(m.as_str()).is_some() {
                return None;
            }
        }
        if self.not_places.contains(&place.to_lowercase()) || whole.end() > MAX_DATELINE {
            return None;
        }
        let body = whole.end();
        let next = para[body..].chars().next();
        let opens = next.is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '“' | '"' | '‘' | '\''));
        let len = whole.as_str().trim_end().len();
        opens.then(|| Found { place: place.to_string(), len, body })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(s: &str) -> Option<(String, String)> {
        let f = DatelineFinder::new().find(s, &LayoutLexicon::new())?;
        Some((f.place, s[..f.len].to_string()))
    }

    fn p(place: &str, line: &str) -> Option<(String, String)> {
        Some((place.to_string(), line.to_string()))
    }

    #[test]
    fn wire_datelines() {
        assert_eq!(place("KYIV, Ukraine — The war went on."), p("KYIV, Ukraine", "KYIV, Ukraine —"));
        assert_eq!(place("WASHINGTON (Reuters) - The U.S. said."), p("WASHINGTON", "WASHINGTON (Reuters) -"));
        assert_eq!(place("LONDON, Feb 26 - Shares fell."), p("LONDON", "LONDON, Feb 26 -"));
        assert_eq!(place("SALVADOR, Feb 26 - Showers continued"), p("SALVADOR", "SALVADOR, Feb 26 -"));
        assert_eq!(place("NEW YORK, March 3 (Reuters) - Stocks"), p("NEW YORK", "NEW YORK, March 3 (Reuters) -"));
        assert_eq!(place("Toronto, Feb 26 - Standard Trustco said"), p("Toronto", "Toronto, Feb 26 -"));
        assert_eq!(place("Taipei, Taiwan — The festival"), p("Taipei, Taiwan", "Taipei, Taiwan —"));
        assert_eq!(place("SPRINGFIELD, Ill. (AP) — A man"), p("SPRINGFIELD, Ill.", "SPRINGFIELD, Ill. (AP) —"));
        assert_eq!(place("NEW DELHI: The government"), p("NEW DELHI", "NEW DELHI:"));
        assert_eq!(place("KYIV, Ukraine —"), p("KYIV, Ukraine", "KYIV, Ukraine —"));
    }

    #[test]
    fn not_datelines() {
        assert_eq!(place("Beijing — a staunch ally — said"), None);
        assert_eq!(place("Pakistan — not India — is"), None);
        assert_eq!(place("BREAKING: The vote"), None);
        assert_eq!(place("As officials in Ukraine watch - closely"), None);
        assert_eq!(place("Mr. Qin said - nothing"), None);
        assert_eq!(place("March 3 - The day"), None);
    }
}
