//! What a recognised time expression means, before it is anchored to a date.

use std::fmt::Write;

/// Units of time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days.
    Day,
    /// Weekends (Saturday and Sunday).
    Weekend,
    /// Weeks.
    Week,
    /// Months.
    Month,
    /// Quarters of a year.
    Quarter,
    /// Years.
    Year,
    /// Decades.
    Decade,
    /// Centuries.
    Century,
    /// Millennia.
    Millennium,
}

impl Unit {
    /// The unit for a lexicon code.
    pub fn from_code(code: &str) -> Option<Unit> {
        Some(match code {
            "S" => Unit::Second,
            "MIN" => Unit::Minute,
            "H" => Unit::Hour,
            "D" => Unit::Day,
            "WE" => Unit::Weekend,
            "W" => Unit::Week,
            "M" => Unit::Month,
            "Q" => Unit::Quarter,
            "Y" => Unit::Year,
            "DE" => Unit::Decade,
            "CE" => Unit::Century,
            "ML" => Unit::Millennium,
            _ => return None,
        })
    }

    /// The singular spellings the lexicon uses, to tell "day" from "days".
    pub fn singular_forms(self) -> &'static [&'static str] {
        match self {
            Unit::Second => &["second", "sec"],
            Unit::Minute => &["minute", "min"],
            Unit::Hour => &["hour", "hr"],
            Unit::Day => &["day"],
            Unit::Weekend => &["weekend"],
            Unit::Week => &["week"],
            Unit::Month => &["month"],
            Unit::Quarter => &["quarter"],
            Unit::Year => &["year", "yr"],
            Unit::Decade => &["decade"],
            Unit::Century => &["century"],
            Unit::Millennium => &["millennium"],
        }
    }

    /// True for units shorter than a day.
    pub fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// Seasons, as TIMEX3 codes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Season {
    /// Spring.
    Spring,
    /// Summer.
    Summer,
    /// Autumn.
    Fall,
    /// Winter.
    Winter,
}

impl Season {
    /// The season for a lexicon code.
    pub fn from_code(code: &str) -> Option<Season> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season starts in (northern hemisphere).
    pub fn start_month(self) -> u32 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Parts of the day, as TIMEX3 codes them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayPart {
    /// Morning.
    Morning,
    /// Afternoon.
    Afternoon,
    /// Evening.
    Evening,
    /// Night.
    Night,
}

impl DayPart {
    /// The part for a lexicon code.
    pub fn from_code(code: &str) -> Option<DayPart> {
        Some(match code {
            "MO" => DayPart::Morning,
            "AF" => DayPart::Afternoon,
            "EV" => DayPart::Evening,
            "NI" => DayPart::Night,
            _ => return None,
        })
    }

    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// When a holiday falls in a given year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// The first `weekday` (1 = Monday) on or after the month and day.
    WeekdayOnOrAfter(u32, u32, u32),
    /// Days after Western Easter Sunday.
    Easter(i64),
}

impl Holiday {
    /// Parses `MM-DD`, `MM-DD+W` or `E+N` / `E-N`.
    pub fn parse(s: &str) -> Option<Holiday> {
        if let Some(n) = s.strip_prefix('E') {
            return n.parse::<i64>().ok().map(Holiday::Easter);
        }
        let (md, wd) = match s.split_once('+') {
            Some((md, wd)) => (md, Some(wd.parse::<u32>().ok()?)),
            None => (s, None),
        };
        let (m, d) = md.split_once('-')?;
        let (m, d) = (m.parse().ok()?, d.parse().ok()?);
        Some(match wd {
            Some(w) => Holiday::WeekdayOnOrAfter(m, d, w),
            None => Holiday::Fixed(m, d),
        })
    }
}

/// An amount of time units: a number, possibly with a half, or unspecified ("several").
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Amount {
    /// A known amount, in halves (so "2 1/2" is 5).
    Halves(u64),
    /// "several", "a few", plain plurals.
    Some,
}

impl Amount {
    /// A whole number of units.
    pub fn whole(n: u64) -> Amount {
        Amount::Halves(n.saturating_mul(2))
    }

    /// The whole number, when the amount is one.
    pub fn as_whole(self) -> Option<i64> {
        match self {
            Amount::Halves(h) if h % 2 == 0 => i64::try_from(h / 2).ok(),
            _ => None,
        }
    }
}

/// Which way from the anchor an underspecified date lies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    /// Before the anchor ("said on Friday").
    Past,
    /// Before the anchor for certain, however far: the day a period ended ("the year ended
    /// Jan. 31" in a report published in October).
    Over,
    /// After the anchor ("will host ... on Tuesday").
    Future,
    /// Probably after: only an infinitive, or a verb outside the clause, points ahead.
    WeakFuture,
    /// Probably before: only a verb outside the clause points back.
    WeakPast,
    /// Nothing says.
    Unknown,
}

impl Direction {
    /// The same direction, as a hint only.
    pub fn weakened(self) -> Direction {
        match self {
            Direction::Past | Direction::Over => Direction::WeakPast,
            Direction::Future => Direction::WeakFuture,
            d => d,
        }
    }

    /// True when the direction points ahead, firmly or not.
    pub fn ahead(self) -> bool {
        matches!(self, Direction::Future | Direction::WeakFuture)
    }
}

/// A year that an expression names outright, relative to the anchor, or leaves to context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    /// "1990".
    Abs(i32),
    /// "last year" (-1), "this year" (0), "next year" (1).
    Rel(i32),
    /// Not said: from the anchor, and the tense.
    Implicit,
}

/// A period within a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearPart {
    /// Quarter 1-4.
    Quarter(u32),
    /// Half 1-2.
    Half(u32),
    /// A season.
    Season(Season),
}

/// The meaning of one time expression.
#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A calendar date with some fields unsaid: "Feb. 26", "March 2023", "2020".
    Calendar {
        /// The year: written, relative ("July last year") or left to context.
        year: YearRef,
        /// The month, when written.
        month: Option<u32>,
        /// The day of the month, when written.
        day: Option<u32>,
    },
    /// A day of the week: bare ("Tuesday", `shift` None) or shifted ("last Friday" -1, "next Tuesday" 1).
    Weekday {
        /// 1 (Monday) to 7.
        day: u32,
        /// The explicit shift, if any.
        shift: Option<i32>,
    },
    /// A weekend: bare ("the weekend", `None`: the nearest in the direction of the tense) or shifted.
    Weekend(Option<i32>),
    /// A month shifted from the anchor's: "last April" (-1), "this September" (0).
    MonthShift {
        /// 1-12.
        month: u32,
        /// -1, 0 or 1.
        shift: i32,
    },
    /// The anchor's period shifted by `n` units: "last year", "this month", "yesterday", "a year ago".
    Relative {
        /// The period's unit.
        unit: Unit,
        /// How many units from the anchor's period.
        n: i64,
    },
    /// "a year ago" (-1), "a year earlier", "a year later" (1): the year, or in a text about
    /// quarters the same quarter a year away.
    YearAgo(i32),
    /// Like [`Expr::Relative`] with an unspecified amount: "years ago" (`dir` -1), "weeks from now".
    RelativeSome {
        /// -1 or 1.
        dir: i32,
    },
    /// A quarter, half or season of a year.
    Part {
        /// Which part.
        part: YearPart,
        /// Of which year.
        year: YearRef,
    },
    /// A decade, as its first three digits ("199" for the 1990s).
    Decade(i32),
    /// A century, as its first two digits ("19" for the 20th century).
    Century(i32),
    /// A holiday in a year.
    Holiday {
        /// Which holiday.
        holiday: Holiday,
        /// Of which year.
        year: YearRef,
    },
    /// The week a holiday falls in: "Easter week", "Thanksgiving week".
    HolidayWeek {
        /// Which holiday.
        holiday: Holiday,
        /// Of which year.
        year: YearRef,
    },
    /// The week a day falls in: "the week of March 6".
    WeekOf(Box<Expr>),
    /// PAST_REF, PRESENT_REF or FUTURE_REF.
    Ref(&'static str),
    /// A part of a day: "Friday night", "this morning", "tonight".
    DayPart(Box<Expr>, DayPart),
    /// A clock time, on a day when one is said: "10 p.m. Wednesday", "noon".
    Clock {
        /// The day, when said.
        date: Option<Box<Expr>>,
        /// 0-24.
        hour: u32,
        /// 0-59, when said.
        minute: Option<u32>,
    },
    /// A length of time: "three days", "24 hours", "several years".
    Duration(Amount, Unit),
    /// A recurrence, with its TIMEX3 value: "every week" (P1W), "each Thursday" (XXXX-WXX-4).
    Set(String),
    /// "the 1988 quarter": the quarter the text last talked about, in another year.
    QuarterOf(i32),
    /// A period relative to the one the text last talked about: "the same day", "the year-earlier quarter".
    Anaphoric {
        /// The period's unit.
        unit: Unit,
        /// Units from the last mentioned period of that unit.
        n: i64,
        /// Years from it ("year-earlier").
        years: i32,
    },
}

impl Expr {
    /// The expression on the heap, for nesting in [`Expr::DayPart`] and [`Expr::Clock`].
    pub fn boxed(self) -> Box<Expr> {
        Box::new(self)
    }
}

/// Formats a duration value: `P3D`, `PT24H`, `P2Y6M`, `PXY`.
pub fn duration_value(amount: Amount, unit: Unit) -> String {
    let (t, code, mult) = match unit {
        Unit::Second => ("T", "S", 1),
        Unit::Minute => ("T", "M", 1),
        Unit::Hour => ("T", "H", 1),
        Unit::Day => ("", "D", 1),
        Unit::Weekend => ("", "WE", 1),
        Unit::Week => ("", "W", 1),
        Unit::Month => ("", "M", 1),
        Unit::Quarter => ("", "Q", 1),
        Unit::Year => ("", "Y", 1),
        Unit::Decade => ("", "Y", 10),
        Unit::Century => ("", "Y", 100),
        Unit::Millennium => ("", "Y", 1000),
    };
    let mut s = String::with_capacity(8);
    s.push('P');
    s.push_str(t);
    match amount {
        Amount::Some => {
            s.push('X');
            // TE3's single letters for vague long spans: "decades" PXE, "centuries" PXC.
            s.push_str(match unit {
                Unit::Decade => "E",
                Unit::Century => "C",
                Unit::Millennium => "L",
                _ => code,
            });
        }
        Amount::Halves(h) if h % 2 == 0 => {
            let _ = write!(s, "{}{}", (h / 2).saturating_mul(mult), code);
        }
        Amount::Halves(h) => {
            // A half unit is written in the next smaller unit: P2Y6M, PT1H30M, P1DT12H.
            let whole = h / 2;
            let (half, small) = match unit {
                Unit::Year => (6, "M"),
                Unit::Month => (15, "D"),
                Unit::Week => (84, "H"),
                Unit::Day => (12, "H"),
                Unit::Hour => (30, "M"),
                Unit::Minute => (30, "S"),
                _ => (0, ""),
            };
            if half == 0 {
                let _ = write!(s, "{}{}", ((h * mult) as f64 / 2.0), code);
            } else if unit.is_clock() {
                if whole > 0 {
                    let _ = write!(s, "{whole}{code}");
                }
                let _ = write!(s, "{half}{small}");
            } else if matches!(unit, Unit::Week | Unit::Day) {
                if whole > 0 {
                    let _ = write!(s, "{whole}{code}");
                }
                let _ = write!(s, "T{half}{small}");
            } else {
                if whole > 0 {
                    let _ = write!(s, "{whole}{code}");
                }
                let _ = write!(s, "{half}{small}");
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations() {
        assert_eq!(duration_value(Amount::whole(3), Unit::Day), "P3D");
        assert_eq!(duration_value(Amount::whole(24), Unit::Hour), "PT24H");
        assert_eq!(duration_value(Amount::Halves(5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(Amount::Halves(3), Unit::Hour), "PT1H30M");
        assert_eq!(duration_value(Amount::Halves(1), Unit::Hour), "PT30M");
        assert_eq!(duration_value(Amount::whole(2), Unit::Decade), "P20Y");
        assert_eq!(duration_value(Amount::Some, Unit::Year), "PXY");
        assert_eq!(duration_value(Amount::Some, Unit::Hour), "PTXH");
        assert_eq!(duration_value(Amount::Halves(3), Unit::Day), "P1DT12H");
    }

    #[test]
    fn holidays_parse() {
        assert_eq!(Holiday::parse("12-25"), Some(Holiday::Fixed(12, 25)));
        assert_eq!(Holiday::parse("11-22+4"), Some(Holiday::WeekdayOnOrAfter(11, 22, 4)));
        assert_eq!(Holiday::parse("E-2"), Some(Holiday::Easter(-2)));
        assert_eq!(Holiday::parse("x"), None);
    }
}
