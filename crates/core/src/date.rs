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
/// ```
pub fn parse_date(s: &str) -> Result<Date> {
    let t = s.trim();
    let ok = t.len() == 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-';
    if !ok {
        return Err(Error::InvalidDate(s.to_string()));
    }
    Date::parse_from_str(t, "%Y-%m-%d").map_err(|_| Error::InvalidDate(s.to_string()))
}
