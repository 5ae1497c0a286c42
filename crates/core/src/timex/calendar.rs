//! Calendar arithmetic and TIMEX3 value formatting.

use chrono::{Datelike, Days};

use crate::date::Date;

use super::expr::Holiday;

/// Day of the week, 1 (Monday) to 7.
#[inline]
pub fn weekday(d: Date) -> u32 {
    d.weekday().number_from_monday()
}

/// `d` moved by `n` days, when the result is a valid date.
pub fn add_days(d: Date, n: i64) -> Option<Date> {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64))
    } else {
        d.checked_sub_days(Days::new(n.unsigned_abs()))
    }
}

/// The year and month `n` months after `(y, m)`.
pub fn shift_month(y: i32, m: u32, n: i64) -> (i32, u32) {
    let idx = y as i64 * 12 + (m as i64 - 1) + n;
    (idx.div_euclid(12) as i32, (idx.rem_euclid(12) + 1) as u32)
}

/// The quarter (1-4) a month is in.
#[inline]
pub fn quarter_of(month: u32) -> u32 {
    month.div_ceil(3)
}

/// The nearest `target` weekday strictly after (`dir` > 0) or before (`dir` < 0) `d`.
pub fn nearest_weekday(d: Date, target: u32, dir: i32) -> Option<Date> {
    let cur = weekday(d) as i64;
    let t = target as i64;
    let delta = if dir > 0 {
        let k = (t - cur).rem_euclid(7);
        if k == 0 {
            7
        } else {
            k
        }
    } else {
        let k = (cur - t).rem_euclid(7);
        -(if k == 0 { 7 } else { k })
    };
    add_days(d, delta)
}

/// The day of the given weekday in the ISO week of `d`.
pub fn weekday_in_week(d: Date, target: u32) -> Option<Date> {
    add_days(d, target as i64 - weekday(d) as i64)
}

/// Western Easter Sunday (anonymous Gregorian algorithm).
pub fn easter(year: i32) -> Option<Date> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::from_ymd_opt(year, month as u32, day as u32)
}

/// The date of a holiday in a year.
pub fn holiday_date(h: Holiday, year: i32) -> Option<Date> {
    match h {
        Holiday::Fixed(m, d) => Date::from_ymd_opt(year, m, d),
        Holiday::WeekdayOnOrAfter(m, d, w) => {
            let from = Date::from_ymd_opt(year, m, d)?;
            add_days(from, (w as i64 - weekday(from) as i64).rem_euclid(7))
        }
        Holiday::Easter(n) => add_days(easter(year)?, n),
    }
}

/// True when the year can be written as four digits.
#[inline]
pub fn year_ok(y: i32) -> bool {
    (0..=9999).contains(&y)
}

/// `YYYY-MM-DD`.
pub fn fmt_day(d: Date) -> Option<String> {
    year_ok(d.year()).then(|| format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day()))
}

/// `YYYY-MM`.
pub fn fmt_month(y: i32, m: u32) -> Option<String> {
    year_ok(y).then(|| format!("{y:04}-{m:02}"))
}

/// `YYYY`.
pub fn fmt_year(y: i32) -> Option<String> {
    year_ok(y).then(|| format!("{y:04}"))
}

/// `YYYY-Www`, the ISO week of `d`.
pub fn fmt_week(d: Date) -> Option<String> {
    let w = d.iso_week();
    year_ok(w.year()).then(|| format!("{:04}-W{:02}", w.year(), w.week()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        crate::parse_date(s).unwrap()
    }

    #[test]
    fn weekdays_and_weeks() {
        let sat = d("2023-02-25");
        assert_eq!(weekday(sat), 6);
        assert_eq!(nearest_weekday(sat, 2, 1), Some(d("2023-02-28")));
        assert_eq!(nearest_weekday(sat, 5, -1), Some(d("2023-02-24")));
        assert_eq!(nearest_weekday(sat, 6, -1), Some(d("2023-02-18")));
        assert_eq!(fmt_week(add_days(sat, 7).unwrap()).unwrap(), "2023-W09");
        assert_eq!(weekday_in_week(sat, 1), Some(d("2023-02-20")));
    }

    #[test]
    fn months_and_holidays() {
        assert_eq!(shift_month(2023, 1, -1), (2022, 12));
        assert_eq!(shift_month(2023, 11, 3), (2024, 2));
        assert_eq!(easter(2024), Some(d("2024-03-31")));
        assert_eq!(easter(2000), Some(d("2000-04-23")));
        assert_eq!(holiday_date(Holiday::WeekdayOnOrAfter(11, 22, 4), 1999), Some(d("1999-11-25")));
        assert_eq!(holiday_date(Holiday::WeekdayOnOrAfter(11, 2, 2), 1998), Some(d("1998-11-03")));
        assert_eq!(quarter_of(9), 3);
    }
}
