//! Date lines: a paragraph that is only a date ("Friday, May 8, 2009", "Published: 8 May 2009
//! 10:00 GMT", "2009-05-08"), or a date that opens the first paragraph ("Thursday, May 7, 2015 On
//! Tuesday, ..."). They give the publication date when the caller gives none.

use crate::date::Date;
use crate::layout::lexicon::LayoutLexicon;

/// Longest paragraph read as a date line, in bytes.
const MAX_DATE_LINE: usize = 100;

/// A run of letters or digits and where it is.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    text: &'a str,
    start: usize,
    end: usize,
}

fn words(s: &str) -> Vec<Word<'_>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(Word { text: &s[st..i], start: st, end: i });
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(Word { text: &s[st..], start: st, end: s.len() });
    }
    out
}

fn number(w: &str, max: u32) -> Option<u32> {
    let digits = w.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &w[digits..];
    let ordinal = suffix.is_empty() || matches!(suffix.to_ascii_lowercase().as_str(), "st" | "nd" | "rd" | "th");
    let n: u32 = w[..digits].parse().ok()?;
    (ordinal && digits <= 2 && (1..=max).contains(&n)).then_some(n)
}

/// A year of four digits from 1800 to 2200.
pub(crate) fn year(w: &str) -> Option<i32> {
    (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
        .then(|| w.parse().ok())
        .flatten()
        .filter(|y| (1800..=2200).contains(y))
}

/// A calendar date starting at `words[i]`, and the index after it.
/// "Month D, YYYY", "D Month YYYY", "YYYY-MM-DD", each after an optional weekday.
fn date_at(s: &str, w: &[Word<'_>], mut i: usize, lex: &LayoutLexicon) -> Option<(Date, usize)> {
    if w.get(i).is_some_and(|x| lex.is_weekday(x.text)) {
        i += 1;
    }
    let (a, b, c) = (w.get(i)?, w.get(i + 1)?, w.get(i + 2)?);
    let (y, m, d) = if let Some(m) = lex.month(a.text) {
        (year(c.text)?, m, number(b.text, 31)?)
    } else if let Some(m) = lex.month(b.text) {
        (year(c.text)?, m, number(a.text, 31)?)
    } else {
        let y = year(a.text)?;
        let dashed = s[a.end..b.start] == *"-" && s[b.end..c.start] == *"-" && b.text.len() == 2 && c.text.len() == 2;
        (y, number(b.text, 12).filter(|_| dashed)?, number(c.text, 31)?)
    };
    Some((Date::from_ymd_opt(y, m, d)?, i + 3))
}

/// True for what may follow a date in a date line: a time, a time zone, "at", "updated".
fn time_word(w: &str, lex: &LayoutLexicon) -> bool {
    let lower = w.to_ascii_lowercase();
    w.bytes().all(|b| b.is_ascii_digit())
        || matches!(lower.as_str(), "am" | "pm" | "a" | "p" | "m" | "at" | "h" | "hrs")
        || (w.len() <= 4 && w.bytes().all(|b| b.is_ascii_uppercase()))
        || lex.is_date_prefix(&lower)
}

/// A cheap test before the full parse: a date line opens with a digit, a weekday, a month or
/// a date prefix ("Published").
pub(crate) fn may_open_date(s: &str, lex: &LayoutLexicon) -> bool {
    let first = s.split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    first.starts_with(|c: char| c.is_ascii_digit())
        || lex.is_weekday(first)
        || lex.month(first).is_some()
        || lex.is_date_prefix(first)
}

/// The date of a paragraph that is only a date line. Date prefixes and a time may come before
/// the date, and a second stamp after it ("PUBLISHED: 09:14 EST, 3 March 2023 | UPDATED:
/// 11:02 EST, 3 March 2023").
pub(crate) fn date_line(s: &str, lex: &LayoutLexicon) -> Option<Date> {
    if s.len() > MAX_DATE_LINE || !may_open_date(s, lex) {
        return None;
    }
    let w = words(s);
    let mut i = 0;
    let (date, next) = loop {
        if let Some(found) = date_at(s, &w, i, lex) {
            break found;
        }
        if !time_word(w.get(i)?.text, lex) {
            return None;
        }
        i += 1;
    };
    let stamp = |x: &Word<'_>| time_word(x.text, lex) || lex.month(x.text).is_some() || lex.is_weekday(x.text);
    w[next..].iter().all(stamp).then_some(date)
}

/// True for a date stamp whose date the scraper lost: date labels, perhaps with a time
/// ("PUBLISHED: | UPDATED:", "Last updated", "Updated 10:32 AM EST"). Page furniture.
pub(crate) fn stamp_without_date(s: &str, lex: &LayoutLexicon) -> bool {
    if s.len() > MAX_DATE_LINE || !may_open_date(s, lex) {
        return false;
    }
    let w = words(s);
    s.len() <= MAX_DATE_LINE
        && w.first().is_some_and(|x| lex.is_date_prefix(x.text))
        && w.iter().all(|x| time_word(x.text, lex))
}

/// A date that opens a longer paragraph and is followed by its first sentence:
/// the date, and the offset where that sentence starts.
pub(crate) fn leading_date(s: &str, lex: &LayoutLexicon) -> Option<(Date, usize)> {
    let mut cut = s.len().min(60);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &s[..cut];
    let w = words(head);
    let (date, next) = date_at(head, &w, 0, lex)?;
    let end = w[next - 1].end;
    let rest = &s[end..];
    let body = rest.trim_start_matches([' ', '\n', '\t']);
    let gap = rest.len() - body.len();
    let capital = body.chars().next().is_some_and(char::is_uppercase);
    (gap > 0 && capital && lex.is_weekday(w[0].text)).then_some((date, end + gap))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        crate::parse_date(s).unwrap()
    }

    #[test]
    fn date_lines() {
        let lx = LayoutLexicon::new();
        assert_eq!(date_line("Friday, May 8, 2009", &lx), Some(d("2009-05-08")));
        assert_eq!(date_line("Published: 8 May 2009 10:00 GMT", &lx), Some(d("2009-05-08")));
        assert_eq!(date_line("Updated Feb. 25, 2023 at 5:30 p.m. ET", &lx), Some(d("2023-02-25")));
        assert_eq!(date_line("2009-05-08", &lx), Some(d("2009-05-08")));
        assert_eq!(date_line("Sunday 26th February 2023", &lx), Some(d("2023-02-26")));
        assert_eq!(date_line("May 8, 2009, was a good day.", &lx), None);
        assert_eq!(date_line("February 30, 2009", &lx), None);
        assert_eq!(date_line("Friday", &lx), None);
        assert_eq!(
            date_line("PUBLISHED: 09:14 EST, 3 March 2023 | UPDATED: 11:02 EST, 3 March 2023", &lx),
            Some(d("2023-03-03"))
        );
        assert_eq!(date_line("Posted 10:30 AM, Mar. 3, 2023", &lx), Some(d("2023-03-03")));
        assert_eq!(date_line("Published 3 May 2023 with the ministry", &lx), None);
        assert_eq!(date_line("10 people died on 3 March 2023", &lx), None);
        assert!(stamp_without_date("PUBLISHED: | UPDATED:", &lx));
        assert!(stamp_without_date("Last updated:", &lx));
        assert!(stamp_without_date("Updated 10:32 AM EST", &lx));
        assert!(stamp_without_date("Posted", &lx));
        assert!(!stamp_without_date("Published: the report", &lx));
        assert!(!stamp_without_date("10:32 AM EST", &lx));
        assert!(!stamp_without_date("Updated figures came out.", &lx));
    }

    #[test]
    fn leading_dates() {
        let lx = LayoutLexicon::new();
        let s = "Thursday, May 7, 2015 On Tuesday, the government announced it.";
        assert_eq!(leading_date(s, &lx), Some((d("2015-05-07"), 22)));
        assert_eq!(leading_date("May 7, 2015 was the day.", &lx), None);
    }
}
