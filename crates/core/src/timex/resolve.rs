//! Normalisation: turns a recognised [`Expr`] into a TIMEX3 type and value, anchored to the
//! publication date (or, for "that day" and "the year-earlier quarter", to what the text last
//! talked about).

use chrono::Datelike;

use crate::article::TimexType;
use crate::date::Date;

use super::calendar::*;
use super::expr::{duration_value, Direction, Expr, Holiday, Unit, YearPart, YearRef};

/// The periods the text last named, for anaphoric expressions ("that day", "the quarter").
#[derive(Clone, Debug, Default)]
pub struct Memory {
    day: Option<Date>,
    quarter: Option<(i32, u32)>,
    month: Option<(i32, u32)>,
    year: Option<i32>,
}

/// Resolves expressions against one anchor.
pub struct Resolver {
    anchor: Option<Date>,
    memory: Memory,
    /// The last day the current paragraph named: the day of a clock time said without one.
    discourse_day: Option<Date>,
    /// The day a range or pair began ("Monday" in "Monday through Wednesday"), while its
    /// other end is resolved.
    range_start: Option<Date>,
}

impl Resolver {
    /// A resolver for a document published on `anchor` (if known).
    pub fn new(anchor: Option<Date>) -> Resolver {
        Resolver { anchor, memory: Memory::default(), discourse_day: None, range_start: None }
    }

    /// Starts a paragraph: a clock time without a day no longer takes the last one's day.
    pub fn start_paragraph(&mut self) {
        self.discourse_day = None;
    }

    /// Anchors what follows on `day` instead (the story's day from its dateline).
    pub fn set_anchor(&mut self, day: Date) {
        self.anchor = Some(day);
    }

    /// The type and value of `e`. `dir` tells the tense around it, computed only when needed.
    pub fn resolve(&mut self, e: &Expr, dir: &mut dyn FnMut() -> Direction) -> (TimexType, Option<String>) {
        let kind = match e {
            Expr::Duration(..) => TimexType::Duration,
            Expr::Set(_) => TimexType::Set,
            Expr::DayPart(..) | Expr::Clock { .. } => TimexType::Time,
            _ => TimexType::Date,
        };
        let value = self.value(e, dir);
        let outright = !matches!(
            e,
            Expr::Anaphoric { .. } | Expr::QuarterOf(_) | Expr::YearAgo(_) | Expr::Duration(..) | Expr::Set(_)
        );
        if let (Some(v), true) = (&value, outright) {
            self.remember(v);
        }
        if !matches!(e, Expr::Duration(..) | Expr::Set(_)) {
            if let Some(day) =
                value.as_deref().and_then(|v| v.get(..10)).and_then(|d| Date::parse_from_str(d, "%Y-%m-%d").ok())
            {
                self.discourse_day = Some(day);
            }
        }
        (kind, value)
    }

    /// As [`resolve`](Self::resolve), for the second day of a range or pair that began on
    /// `start` ("Monday through Wednesday", "Thursday and Friday"): a bare weekday is the first
    /// such day after the start, whatever the tense says.
    pub fn resolve_after(
        &mut self,
        e: &Expr,
        start: Date,
        dir: &mut dyn FnMut() -> Direction,
    ) -> (TimexType, Option<String>) {
        self.range_start = Some(start);
        let out = self.resolve(e, dir);
        self.range_start = None;
        out
    }

    fn remember(&mut self, v: &str) {
        let b = v.as_bytes();
        let num = |r: std::ops::Range<usize>| v.get(r).and_then(|s| s.parse::<u32>().ok());
        let Some(y) = num(0..4).filter(|_| b.len() >= 4 && b[..4].iter().all(u8::is_ascii_digit)) else { return };
        let y = y as i32;
        if b.len() == 4 {
            self.memory.year = Some(y);
        } else if b.len() >= 7 && b[4] == b'-' && b[5] == b'Q' {
            if let Some(q) = num(6..7) {
                self.memory.quarter = Some((y, q));
                self.memory.year = Some(y);
            }
        } else if b.len() >= 7 && b[4] == b'-' && b[5].is_ascii_digit() {
            if let Some(m) = num(5..7) {
                self.memory.month = Some((y, m));
                self.memory.year = Some(y);
                if b.len() >= 10 {
                    if let Some(d) = num(8..10).and_then(|d| Date::from_ymd_opt(y, m, d)) {
                        self.memory.day = Some(d);
                    }
                }
            }
        }
    }

    fn value(&mut self, e: &Expr, dir: &mut dyn FnMut() -> Direction) -> Option<String> {
        let anchor = self.anchor;
        match e {
            Expr::Calendar { year, month, day } => self.calendar(*year, *month, *day, dir),
            Expr::Weekday { day, shift } => {
                let Some(a) = anchor else { return Some(format!("XXXX-WXX-{day}")) };
                let d = match shift {
                    None if self.range_start.is_some() => self.range_start.and_then(|s| nearest_weekday(s, *day, 1)),
                    None if weekday(a) == *day => Some(a),
                    None => nearest_weekday(a, *day, if dir().ahead() { 1 } else { -1 }),
                    Some(0) => weekday_in_week(a, *day),
                    Some(s) => nearest_weekday(a, *day, *s),
                };
                fmt_day(d?)
            }
            Expr::Weekend(shift) => {
                let a = anchor?;
                let in_weekend = weekday(a) >= 6;
                let weeks = match shift {
                    Some(n) => *n as i64,
                    None if in_weekend => 0,
                    None if dir().ahead() => 0,
                    None => -1,
                };
                fmt_week(add_days(a, weeks * 7)?).map(|w| w + "-WE")
            }
            Expr::QuarterOf(y) => {
                let q = self.memory.quarter.map(|(_, q)| q).or_else(|| {
                    let a = anchor?;
                    Some(quarter_of(shift_month(a.year(), a.month(), -3).1))
                })?;
                fmt_year(*y).map(|y| format!("{y}-Q{q}"))
            }
            Expr::MonthShift { month, shift } => {
                let a = anchor?;
                let y = match shift {
                    -1 if *month < a.month() => a.year(),
                    -1 => a.year() - 1,
                    1 if *month > a.month() => a.year(),
                    1 => a.year() + 1,
                    _ => a.year(),
                };
                fmt_month(y, *month)
            }
            Expr::Relative { unit, n } => relative(anchor?, *unit, *n),
            Expr::YearAgo(d) => match self.memory.quarter {
                Some(_) => self.anaphoric(Unit::Quarter, 0, *d),
                None => relative(anchor?, Unit::Year, *d as i64),
            },
            Expr::RelativeSome { dir } => Some(if *dir < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string()),
            Expr::Part { part, year } => self.part(*part, *year, dir),
            Expr::Decade(d) => (0..1000).contains(d).then(|| format!("{d:03}")),
            Expr::Century(c) => (0..100).contains(c).then(|| format!("{c:02}")),
            Expr::Holiday { holiday, year } => match self.holiday_day(*holiday, *year, dir) {
                Some(d) => fmt_day(d),
                None => match (anchor, holiday) {
                    (None, Holiday::Fixed(m, d)) => Some(format!("XXXX-{m:02}-{d:02}")),
                    _ => None,
                },
            },
            Expr::HolidayWeek { holiday, year } => fmt_week(self.holiday_day(*holiday, *year, dir)?),
            Expr::WeekOf(day) => {
                let v = self.value(day, dir)?;
                fmt_week(Date::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok()?)
            }
            Expr::Ref(v) => Some((*v).to_string()),
            Expr::DayPart(inner, part) => {
                let v = self.value(inner, dir)?;
                let day_like = v.len() == 10 || v.starts_with("XXXX-WXX-");
                day_like.then(|| format!("{v}T{}", part.code()))
            }
            Expr::Clock { date, hour, minute } => {
                let day = match date {
                    Some(d) => self.value(d, dir).filter(|v| v.len() == 10 || v.starts_with("XXXX-WXX-")),
                    None => None,
                };
                // TimeML reads "at 3 p.m." on the day the paragraph last named, else the anchor's.
                let day = day
                    .or_else(|| self.discourse_day.or(anchor).and_then(fmt_day))
                    .unwrap_or_else(|| "XXXX-XX-XX".to_string());
                Some(match minute {
                    Some(m) => format!("{day}T{hour:02}:{m:02}"),
                    None => format!("{day}T{hour:02}"),
                })
            }
            Expr::Duration(amount, unit) => Some(duration_value(*amount, *unit)),
            Expr::Set(v) => Some(v.clone()),
            Expr::Anaphoric { unit, n, years } => self.anaphoric(*unit, *n, *years),
        }
    }

    /// The date of a holiday: in the year written, else the occurrence nearest the anchor,
    /// pulled by the tense like a date ("Easter" a week off stays this year's).
    fn holiday_day(&self, holiday: Holiday, year: YearRef, dir: &mut dyn FnMut() -> Direction) -> Option<Date> {
        let Some(a) = self.anchor else {
            return match year {
                YearRef::Abs(y) => holiday_date(holiday, y),
                _ => None,
            };
        };
        let this = holiday_date(holiday, a.year())?;
        match year {
            YearRef::Abs(y) => holiday_date(holiday, y),
            YearRef::Rel(-1) if this >= a => holiday_date(holiday, a.year() - 1),
            YearRef::Rel(1) if this <= a => holiday_date(holiday, a.year() + 1),
            YearRef::Rel(_) => Some(this),
            YearRef::Implicit => holiday_date(holiday, implicit_year(a, this.month(), Some(this.day()), dir())),
        }
    }

    fn calendar(
        &self,
        year: YearRef,
        month: Option<u32>,
        day: Option<u32>,
        dir: &mut dyn FnMut() -> Direction,
    ) -> Option<String> {
        let anchor = self.anchor;
        let y = match year {
            YearRef::Abs(y) => Some(y),
            YearRef::Rel(n) => anchor.map(|a| a.year() + n),
            YearRef::Implicit => match (anchor, month) {
                (Some(a), Some(m)) => Some(implicit_year(a, m, day, dir())),
                _ => None,
            },
        };
        match (y, month, day) {
            (Some(y), Some(m), Some(d)) => fmt_day(Date::from_ymd_opt(y, m, d)?),
            (None, Some(m), Some(d)) => Some(format!("XXXX-{m:02}-{d:02}")),
            (Some(y), Some(m), None) => fmt_month(y, m),
            (None, Some(m), None) => Some(format!("XXXX-{m:02}")),
            (Some(y), None, _) => fmt_year(y),
            (None, None, _) => None,
        }
    }

    fn part(&self, part: YearPart, year: YearRef, dir: &mut dyn FnMut() -> Direction) -> Option<String> {
        let (code, start_month) = match part {
            YearPart::Quarter(q) => (format!("Q{q}"), (q - 1) * 3 + 1),
            YearPart::Half(h) => (format!("H{h}"), (h - 1) * 6 + 1),
            YearPart::Season(s) => (s.code().to_string(), s.start_month()),
        };
        let Some(a) = self.anchor else {
            return match year {
                YearRef::Abs(y) => fmt_year(y).map(|y| format!("{y}-{code}")),
                _ => Some(format!("XXXX-{code}")),
            };
        };
        // The season or quarter the anchor is in, as (year, start month); winter starts in December.
        let (cur_y, cur_start) = match part {
            YearPart::Season(_) => match a.month() {
                1 | 2 => (a.year() - 1, 12),
                m => (a.year(), (m / 3) * 3),
            },
            YearPart::Quarter(_) => (a.year(), (quarter_of(a.month()) - 1) * 3 + 1),
            YearPart::Half(_) => (a.year(), if a.month() <= 6 { 1 } else { 7 }),
        };
        let here = (a.year(), start_month);
        let y = match year {
            YearRef::Abs(y) => y,
            YearRef::Rel(0) => a.year(),
            YearRef::Rel(n) if matches!(part, YearPart::Season(_)) => {
                // "last fall": the latest fall before the current season; "next spring" the first after.
                if n < 0 {
                    if here < (cur_y, cur_start) {
                        a.year()
                    } else {
                        a.year() - 1
                    }
                } else if here > (cur_y, cur_start) {
                    a.year()
                } else {
                    a.year() + 1
                }
            }
            YearRef::Rel(n) => a.year() + n,
            // Seasons: the nearest.
            YearRef::Implicit if matches!(part, YearPart::Season(_)) => implicit_year(a, start_month + 1, None, dir()),
            // Quarters and halves are mostly reported once over: this year's when it has begun,
            // otherwise last year's, unless the tense points ahead.
            YearRef::Implicit => match dir() {
                _ if here <= (cur_y, cur_start) => a.year(),
                Direction::Future => a.year(),
                _ => a.year() - 1,
            },
        };
        fmt_year(y).map(|y| format!("{y}-{code}"))
    }

    fn anaphoric(&self, unit: Unit, n: i64, years: i32) -> Option<String> {
        let a = self.anchor;
        match unit {
            Unit::Day => {
                let base = self.memory.day.or(a)?;
                fmt_day(add_days(base, n)?)
            }
            Unit::Quarter => {
                let (y, q) = match self.memory.quarter {
                    Some(yq) => yq,
                    None if years != 0 => {
                        return fmt_year(self.memory.year.or(a.map(|a| a.year()))? + years);
                    }
                    None => {
                        let a = a?;
                        let (y, m) = shift_month(a.year(), a.month(), -3);
                        (y, quarter_of(m))
                    }
                };
                let idx = y as i64 * 4 + (q as i64 - 1) + n + years as i64 * 4;
                fmt_year(idx.div_euclid(4) as i32).map(|s| format!("{s}-Q{}", idx.rem_euclid(4) + 1))
            }
            Unit::Year => fmt_year(self.memory.year.or(a.map(|a| a.year()))? + n as i32 + years),
            Unit::Month => {
                let (y, m) = self.memory.month.or(a.map(|a| (a.year(), a.month())))?;
                let (y, m) = shift_month(y, m, n);
                fmt_month(y, m)
            }
            _ => relative(a?, unit, n),
        }
    }
}

/// How many months of distance the tense may outweigh when choosing the year of a day
/// ("Nov. 21": deadlines and schedules sit near the anchor whatever the verb).
const TENSE_PULL_DAY: f64 = 3.0;
/// The same for a month alone ("in March"), where the tense decides within a year.
const TENSE_PULL_MONTH: f64 = 9.0;

/// The share of the pull a tense hint from outside the clause has ("the chief executive, in
/// March, ..." after "resigned" in the sentence).
const WEAK_PULL: f64 = 1.0 / 3.0;

/// The year of a month (and day) written without one: the occurrence nearest the anchor, pulled
/// towards the side the tense points to ("expire Nov. 21" said on Nov. 2 is this year's; "died
/// in December" said in February is last year's). `month` may be 13 for January of the next year.
fn implicit_year(a: Date, month: u32, day: Option<u32>, dir: Direction) -> i32 {
    let at = |y: i32, m: u32, frac: f64| y as f64 * 12.0 + (m as f64 - 1.0) + frac;
    let anchor = at(a.year(), a.month(), (a.day() as f64 - 1.0) / 31.0);
    let frac = day.map_or(0.5, |d| (d as f64 - 1.0) / 31.0);
    let mut best = (f64::MAX, a.year());
    for y in [a.year() - 1, a.year(), a.year() + 1] {
        let diff = at(y, month, frac) - anchor;
        let full = if day.is_some() { TENSE_PULL_DAY } else { TENSE_PULL_MONTH };
        let pull = match dir {
            Direction::Past if diff <= 0.0 => full,
            // Any year behind beats every year ahead.
            Direction::Over if diff <= 0.0 => 24.0,
            Direction::Future if diff >= 0.0 => full,
            Direction::WeakPast if diff <= 0.0 => full * WEAK_PULL,
            Direction::WeakFuture if diff >= 0.0 => full * WEAK_PULL,
            // News reports the past more than it announces: a tie goes back.
            Direction::Unknown if diff < 0.0 => 0.1,
            _ => 0.0,
        };
        let score = diff.abs() - pull;
        if score < best.0 {
            best = (score, y);
        }
    }
    best.1
}

/// The anchor's period of `unit`, moved by `n` units.
fn relative(a: Date, unit: Unit, n: i64) -> Option<String> {
    match unit {
        Unit::Day => fmt_day(add_days(a, n)?),
        Unit::Week => fmt_week(add_days(a, n.checked_mul(7)?)?),
        Unit::Weekend => fmt_week(add_days(a, n.checked_mul(7)?)?).map(|w| w + "-WE"),
        Unit::Month => {
            let (y, m) = shift_month(a.year(), a.month(), n);
            fmt_month(y, m)
        }
        Unit::Quarter => {
            let (y, m) = shift_month(a.year(), a.month(), n.checked_mul(3)?);
            fmt_year(y).map(|y| format!("{y}-Q{}", quarter_of(m)))
        }
        Unit::Year => fmt_year(a.year().checked_add(i32::try_from(n).ok()?)?),
        Unit::Decade => {
            let y = a.year() as i64 + n * 10;
            (0..10000).contains(&y).then(|| format!("{:03}", y / 10))
        }
        Unit::Century => {
            let y = a.year() as i64 + n * 100;
            (0..10000).contains(&y).then(|| format!("{:02}", y / 100))
        }
        Unit::Millennium => {
            let y = a.year() as i64 + n * 1000;
            (0..10000).contains(&y).then(|| format!("{}", y / 1000))
        }
        Unit::Hour | Unit::Minute | Unit::Second => Some(
            match n.signum() {
                -1 => "PAST_REF",
                1 => "FUTURE_REF",
                _ => "PRESENT_REF",
            }
            .to_string(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timex::expr::{Amount, Holiday};

    fn d(s: &str) -> Date {
        crate::parse_date(s).unwrap()
    }

    fn value(r: &mut Resolver, e: Expr, dir: Direction) -> Option<String> {
        r.resolve(&e, &mut || dir).1
    }

    #[test]
    fn implicit_years_take_the_nearest_pulled_by_tense() {
        let a = d("1989-11-02");
        assert_eq!(implicit_year(a, 11, Some(21), Direction::Past), 1989);
        assert_eq!(implicit_year(a, 1, Some(2), Direction::Past), 1990);
        assert_eq!(implicit_year(a, 1, Some(31), Direction::Over), 1989);
        assert_eq!(implicit_year(a, 11, Some(21), Direction::Over), 1988);
        assert_eq!(implicit_year(a, 12, Some(15), Direction::Unknown), 1989);
        let feb = d("2023-02-25");
        assert_eq!(implicit_year(feb, 5, None, Direction::Past), 2022);
        assert_eq!(implicit_year(feb, 5, None, Direction::Future), 2023);
        assert_eq!(implicit_year(feb, 3, None, Direction::Unknown), 2023);
    }

    #[test]
    fn weekdays_weekends_and_relatives() {
        let mut r = Resolver::new(Some(d("2023-02-25")));
        let wd = |day, shift| Expr::Weekday { day, shift };
        assert_eq!(value(&mut r, wd(6, None), Direction::Past).as_deref(), Some("2023-02-25"));
        assert_eq!(value(&mut r, wd(2, None), Direction::Future).as_deref(), Some("2023-02-28"));
        assert_eq!(value(&mut r, wd(2, None), Direction::WeakFuture).as_deref(), Some("2023-02-28"));
        assert_eq!(value(&mut r, wd(5, None), Direction::Unknown).as_deref(), Some("2023-02-24"));
        assert_eq!(value(&mut r, wd(5, Some(-1)), Direction::Unknown).as_deref(), Some("2023-02-24"));
        assert_eq!(value(&mut r, Expr::Weekend(None), Direction::Past).as_deref(), Some("2023-W08-WE"));
        let rel = |unit, n| Expr::Relative { unit, n };
        assert_eq!(value(&mut r, Expr::YearAgo(-1), Direction::Unknown).as_deref(), Some("2022"));
        assert_eq!(value(&mut r, rel(Unit::Week, 1), Direction::Unknown).as_deref(), Some("2023-W09"));
        assert_eq!(value(&mut r, rel(Unit::Quarter, -1), Direction::Unknown).as_deref(), Some("2022-Q4"));
        assert_eq!(value(&mut r, rel(Unit::Decade, -1), Direction::Unknown).as_deref(), Some("201"));
        // Once the text names a quarter, "a year ago" is that quarter a year before.
        assert_eq!(value(&mut r, Expr::YearAgo(-1), Direction::Unknown).as_deref(), Some("2021-Q4"));
        let xmas = Expr::Holiday { holiday: Holiday::Fixed(12, 25), year: YearRef::Implicit };
        assert_eq!(value(&mut r, xmas, Direction::Past).as_deref(), Some("2022-12-25"));
    }

    #[test]
    fn quarters_follow_the_text() {
        let mut r = Resolver::new(Some(d("1989-11-02")));
        let q3 = Expr::Part { part: YearPart::Quarter(3), year: YearRef::Implicit };
        assert_eq!(value(&mut r, q3, Direction::Future).as_deref(), Some("1989-Q3"));
        assert_eq!(value(&mut r, Expr::YearAgo(-1), Direction::Unknown).as_deref(), Some("1988-Q3"));
        let year_earlier = Expr::Anaphoric { unit: Unit::Quarter, n: 0, years: -1 };
        assert_eq!(value(&mut r, year_earlier, Direction::Unknown).as_deref(), Some("1988-Q3"));
        assert_eq!(value(&mut r, Expr::QuarterOf(1988), Direction::Unknown).as_deref(), Some("1988-Q3"));
        let (kind, v) = r.resolve(&Expr::Duration(Amount::whole(3), Unit::Quarter), &mut || Direction::Unknown);
        assert_eq!((kind, v.as_deref()), (TimexType::Duration, Some("P3Q")));
    }

    #[test]
    fn without_an_anchor_values_stay_underspecified() {
        let mut r = Resolver::new(None);
        assert_eq!(
            value(&mut r, Expr::Weekday { day: 2, shift: None }, Direction::Past).as_deref(),
            Some("XXXX-WXX-2")
        );
        let feb26 = Expr::Calendar { year: YearRef::Implicit, month: Some(2), day: Some(26) };
        assert_eq!(value(&mut r, feb26, Direction::Past).as_deref(), Some("XXXX-02-26"));
        assert_eq!(value(&mut r, Expr::Relative { unit: Unit::Year, n: -1 }, Direction::Past), None);
    }
}
