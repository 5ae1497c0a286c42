//! Datelines: the place (and often date and agency) that opens a wire story.
//! "KYIV, Ukraine —", "WASHINGTON (Reuters) -", "LONDON, Feb 26 -", "Taipei, Taiwan —".

use regex::Regex;

use crate::date::Date;
use crate::hash::WordSet;
use crate::layout::lexicon::LayoutLexicon;

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
    /// The date, when the dateline gives one with its year ("WASHINGTON, Feb. 26, 2023 -").
    pub date: Option<Date>,
    /// The shape alone makes it a dateline, wherever it stands: an ALL-CAPS place with a
    /// region, date, agency or brackets ("MILLTOWN, Texas —"), or a country in square brackets.
    pub vouched: bool,
}

/// Finds datelines. Built once.
#[derive(Debug)]
pub(crate) struct DatelineFinder {
    pattern: Regex,
    not_places: WordSet,
    not_place_words: WordSet,
}

/// The shape of a dateline; [`DatelineFinder::find`] then takes it apart and checks the date.
/// Letters are ASCII classes plus any non-ASCII character (`\P{ASCII}`), which keeps the
/// automaton small: full Unicode letter classes made every search clear a large visited set.
/// What the classes let through (a dash glued to a word) the checks in `find` reject.
/// The pieces are `macro_rules!` so that `concat!` can join them into one pattern.
macro_rules! caps_place {
    // ALL-CAPS place ("KYIV", "NEW YORK", "DALLAS/FORT WORTH"), then up to two regions
    () => {
        r"[A-Z\P{ASCII}][A-Z\P{ASCII}'./\-]*[A-Z\P{ASCII}]\.?
          (?:\x20[A-Z\P{ASCII}][A-Z\P{ASCII}'./\-]*\.?){0,3}
          (?:\x20?,\x20[A-Z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*(?:\x20[A-Z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*){0,3}){0,2}"
    };
}
macro_rules! capitalised_place {
    // Capitalised place ("Toronto", "Taipei"), then up to three regions
    () => {
        r"[A-Z\P{ASCII}][a-z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*(?:\x20[A-Z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*){0,3}
          (?:,\x20[A-Z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*(?:\x20[A-Z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*){0,3}){0,3}"
    };
}
macro_rules! name_in {
    // A capitalised name of up to four words between the brackets given
    ($open:literal, $close:literal) => {
        concat!($open, r"[A-Z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*(?:\x20[A-Z\P{ASCII}][A-Za-z\P{ASCII}'.\-]*){0,3}", $close)
    };
}
const PATTERN: &str = concat!(
    r"(?x)^(?:",
    caps_place!(),
    "|",
    capitalised_place!(),
    // the place in brackets ("(MILLTOWN, Texas) —")
    r"|\((?:",
    caps_place!(),
    "|",
    capitalised_place!(),
    r")\))",
    // a region in brackets, then a country in square brackets ("Riverton (Region) [Country]:")
    r"(?:(?:\x20",
    name_in!(r"\(", r"\)"),
    r")?\x20",
    name_in!(r"\[", r"\]"),
    ")?",
    // a date ("Feb 26", ", March 3", "26 Feb"), perhaps with its year ("Feb. 26, 2023")
    r"(?:\x20?,?\x20+[A-Za-z]{3,9}\.?\x20+[0-9]{1,2}(?:,?\x20+[0-9]{4})?|\x20?,\x20+[0-9]{1,2}\x20[A-Z][A-Za-z]{2,8}(?:\x20[0-9]{4})?)?",
    // an agency ("(Reuters)", "(AP)")
    r"(?:\x20?",
    name_in!(r"\(", r"\)"),
    ")?",
    r"\x20*,?\x20*(?:--|[-—–―_]|:)(?:\x20+|$)"
);

const DASHES: [&str; 7] = ["--", "-", "—", "–", "―", "_", ":"];

impl DatelineFinder {
    pub(crate) fn new() -> DatelineFinder {
        let (not_places, not_place_words) = super::lexicon::dateline_words();
        DatelineFinder { pattern: Regex::new(PATTERN).expect("dateline pattern compiles"), not_places, not_place_words }
    }

    /// A cheap test before [`DatelineFinder::find`] for a dateline that must vouch for itself:
    /// one opens with two capitals, a bracket or a non-ASCII letter, or has a square bracket.
    pub(crate) fn may_vouch(para: &str) -> bool {
        let b = para.as_bytes();
        let caps = b.len() >= 2 && b[0].is_ascii_uppercase() && b[1].is_ascii_uppercase();
        caps || b.first().is_some_and(|&c| c == b'(' || !c.is_ascii()) || b[..b.len().min(MAX_DATELINE)].contains(&b'[')
    }

    /// The dateline that opens `para`, if there is one.
    pub(crate) fn find(&self, para: &str, lex: &LayoutLexicon) -> Option<Found> {
        let mut cut = para.len().min(MAX_DATELINE + 4);
        while !para.is_char_boundary(cut) {
            cut -= 1;
        }
        let whole = self.pattern.find(&para[..cut])?;
        let line = whole.as_str().trim_end();
        let dash = DASHES.iter().find(|d| line.ends_with(*d))?;
        let mut core = line[..line.len() - dash.len()].trim_end().trim_end_matches(',').trim_end();
        // "(MILLTOWN, Texas) —": the brackets hold the place, and vouch for it as a region does.
        let bracketed = core.starts_with('(') && core.find(')').is_some_and(|close| close + 1 == core.len());
        if bracketed {
            core = &core[1..core.len() - 1];
        }
        let agency = !bracketed && core.ends_with(')');
        if agency {
            core = core[..core.rfind('(')?].trim_end();
        }
        let (place, dated, date) = match split_date(core, lex) {
            Some((place, date)) => (place, true, date),
            None => (core, false, None),
        };
        let place = place.trim_end_matches([',', ' ']);
        if place.contains(['—', '–', '―', '“', '”']) || (!bracketed && place.starts_with('(')) {
            return None;
        }
        // "Riverton (Region) [Country]:": a country in square brackets vouches for a colon.
        let country = place.ends_with(']');
        let first = place.split([' ', ',']).next().unwrap_or(place);
        if !first.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        let region = place.contains(',');
        let caps = !first.chars().any(char::is_lowercase);
        if !caps {
            // A capitalised word and a dash is often just a sentence; ask for more.
            let colon_ok = *dash != ":" || country;
            if !colon_ok || !(region || dated || agency || bracketed || country) || lex.month(first).is_some() {
                return None;
            }
        }
        if bracketed && lex.is_affiliation(place) {
            return None; // "(AP) —" names the agency alone
        }
        let lower = place.to_lowercase();
        let not_place =
            self.not_places.contains(&lower) || lower.split([' ', ',']).any(|w| self.not_place_words.contains(w));
        if not_place || whole.end() > MAX_DATELINE {
            return None;
        }
        let body = whole.end();
        let rest = &para[body..];
        // The story opens with a capital; a headline ("ECONOMIC SPOTLIGHT - JAPAN") has no lowercase.
        // A date or an agency vouches for the dateline; without them, the story must open with
        // a capital.
        let first = rest.chars().next();
        let opens = first.is_none_or(|c| (dated || agency || !c.is_lowercase()) && !matches!(c, ',' | '.' | ';'))
            && (rest.is_empty() || rest.chars().take(80).any(char::is_lowercase));
        let vouched = country || (caps && (region || dated || agency || bracketed));
        opens.then(|| Found { place: place.to_string(), len: line.len(), body, date, vouched })
    }
}

/// Splits a trailing date ("Feb 26", "March  2", "26 Feb", "Feb. 26, 2023") off `core`: the
/// place, and the date when its year is written too; None when no date ends `core`.
fn split_date<'a>(core: &'a str, lex: &LayoutLexicon) -> Option<(&'a str, Option<Date>)> {
    let day = |w: &str| (1..=2).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit());
    let year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let (mut before, mut last) = core.rsplit_once(' ')?;
    let mut written_year = None;
    if year(last) {
        written_year = last.parse::<i32>().ok();
        (before, last) = before.trim_end().rsplit_once(' ')?;
    }
    let (head, prev) = before.trim_end().rsplit_once(' ')?;
    let (last, prev) = (last.trim_end_matches(','), prev.trim_end_matches(','));
    let (month, d) = match (lex.month(prev), lex.month(last)) {
        (Some(m), _) if day(last) => (m, last),
        (_, Some(m)) if day(prev) => (m, prev),
        _ => return None,
    };
    Some((head, written_year.and_then(|y| Date::from_ymd_opt(y, month, d.parse().ok()?))))
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
        assert_eq!(place("RICHMOND, Va. Feb 26 - Qtly div"), p("RICHMOND, Va.", "RICHMOND, Va. Feb 26 -"));
        assert_eq!(place("FARMINGTON, Conn., FEb 26 - Qtly"), p("FARMINGTON, Conn.", "FARMINGTON, Conn., FEb 26 -"));
        assert_eq!(place("MONTREAL, Feb 26- Shr 1.11"), p("MONTREAL", "MONTREAL, Feb 26-"));
        assert_eq!(place("WASHINGTON, Feb. 26, 2023 - The"), p("WASHINGTON", "WASHINGTON, Feb. 26, 2023 -"));
        assert_eq!(place("LONDON, 26 Feb 2023 (Reuters) - Shares"), p("LONDON", "LONDON, 26 Feb 2023 (Reuters) -"));
        assert_eq!(place("MONTREAL, Feb 26 - (Ivaco Inc) said"), p("MONTREAL", "MONTREAL, Feb 26 -"));
        assert_eq!(place("OAKLAND , N.J., March  2 - Diagnostic"), p("OAKLAND , N.J.", "OAKLAND , N.J., March  2 -"));
        assert_eq!(place("(MILLTOWN, Texas) — The mill"), p("MILLTOWN, Texas", "(MILLTOWN, Texas) —"));
        assert_eq!(place("(Milltown, Texas) - The mill"), p("Milltown, Texas", "(Milltown, Texas) -"));
        assert_eq!(place("(MILLTOWN) — The mill"), p("MILLTOWN", "(MILLTOWN) —"));
        assert_eq!(
            place("Riverton (Lake Region) [Norland]: The council"),
            p("Riverton (Lake Region) [Norland]", "Riverton (Lake Region) [Norland]:")
        );
        assert_eq!(place("Riverton [Norland]: The council"), p("Riverton [Norland]", "Riverton [Norland]:"));
        assert_eq!(
            place("Riverton [Norland], March 3 (WNA): The council"),
            p("Riverton [Norland]", "Riverton [Norland], March 3 (WNA):")
        );
        assert_eq!(
            place("DALLAS/FORT WORTH, Texas, March 3 - AMR Corp will hold"),
            p("DALLAS/FORT WORTH, Texas", "DALLAS/FORT WORTH, Texas, March 3 -")
        );
    }

    #[test]
    fn dated_datelines_give_the_date() {
        let find = |s: &str| DatelineFinder::new().find(s, &LayoutLexicon::new()).and_then(|f| f.date);
        assert_eq!(find("WASHINGTON, Feb. 26, 2023 - The"), crate::parse_date("2023-02-26").ok());
        assert_eq!(find("LONDON, 26 Feb 2023 (Reuters) - Shares"), crate::parse_date("2023-02-26").ok());
        assert_eq!(find("LONDON, Feb 26 - Shares fell."), None);
        assert_eq!(find("LONDON, Feb. 30, 2023 - Shares fell."), None);
    }

    #[test]
    fn vouched_by_shape() {
        let vouched = |s: &str| DatelineFinder::new().find(s, &LayoutLexicon::new()).is_some_and(|f| f.vouched);
        assert!(vouched("KYIV, Ukraine — The war went on."));
        assert!(vouched("(MILLTOWN, Texas) — The mill"));
        assert!(vouched("Riverton [Norland]: The council"));
        assert!(!vouched("LONDON - Shares fell."));
        assert!(!vouched("Taipei, Taiwan — The festival"));
        for s in ["KYIV, Ukraine — The", "(MILLTOWN, Texas) —", "Riverton [Norland]: The", "ÅLESUND, Norway —"] {
            assert!(DatelineFinder::may_vouch(s), "{s}");
        }
        assert!(!DatelineFinder::may_vouch("Taipei, Taiwan — The festival"));
    }

    #[test]
    fn not_datelines() {
        assert_eq!(place("Beijing — a staunch ally — said"), None);
        assert_eq!(place("Pakistan — not India — is"), None);
        assert_eq!(place("BREAKING: The vote"), None);
        assert_eq!(place("FIX IS IN: The vote was rigged, he said"), None);
        assert_eq!(place("As officials in Ukraine watch - closely"), None);
        assert_eq!(place("Mr. Wen said - nothing"), None);
        assert_eq!(place("March 3 - The day"), None);
        assert_eq!(place("ECONOMIC SPOTLIGHT - BANKAMERICA <BAC>"), None);
        assert_eq!(place("(Officials say) — the mill"), None);
        assert_eq!(place("(Update) — The mill"), None);
        assert_eq!(place("Riverton (Lake Region): The council"), None);
        assert_eq!(place("(AP) — The mill"), None);
        assert_eq!(place("Milltown [sic]: The council"), None);
    }
}
