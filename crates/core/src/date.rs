//! Calendar dates: the publication date and the anchor of time expressions.

use crate::error::{Error, Result};

/// A calendar date without time zone (re-exported from `chrono`).
pub type Date = chrono::NaiveDate;

/// Parses an ISO `YYYY-MM-DD` date.
///
/// ```
/// let d = byline_core::parse_date("2023-02-25").unwrap();
/// assert_eq!(d.to_string(), "2023-02-25");
/// assert!(byline_core::parse_date("2023-02-30").is_err());
/// assert!(byline_core::parse_date("-024-03-07").is_err());
/// ```
pub fn parse_date(s: &str) -> Result<Date> {
    let t = s.trim();
    // Digits where the form has them: chrono's `%Y` alone would take a signed year ("-024"),
    // which JSON then writes as "-0024" and cannot read back.
    let b = t.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    let ok = b.len() == 10 && b[4] == b'-' && b[7] == b'-' && digits(0..4) && digits(5..7) && digits(8..10);
    if !ok {
        return Err(Error::InvalidDate(s.to_string()));
    }
    Date::parse_from_str(t, "%Y-%m-%d").map_err(|_| Error::InvalidDate(s.to_string()))
}
