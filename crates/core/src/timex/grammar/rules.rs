//! The expressions: dates, weekdays, relative dates, amounts of time, quarters, seasons,
//! decades, clock times, references, recurrences and holidays. Each rule returns where its
//! expression ends and what it means, or `None`.

use super::super::atoms::{possessive_at, AtomKind};
use super::super::calendar::quarter_of;
use super::super::expr::{duration_value, Amount, DayPart, Expr, Unit, YearPart, YearRef};
use super::super::lexicon::{Ctx, Lex};
use super::pieces::MonthNeeds;
use super::{ends_plural_weekday, Grammar, M};

impl<'g, 't> Grammar<'g, 't> {
    /// Calendar dates: "Feb. 26", "March 3, 2023", "26 February 2023", "February 1947",
    /// "Friday, Oct. 23", "2020", "2023-02-26", "2/26/2023", bare months.
    pub(super) fn p_date(&self, i: usize) -> M {
        // "Friday, Oct. 23": the weekday adds nothing to the value.
        if let Some((_, j)) = self.weekday(i) {
            let k = if self.mark(j, ',') { j + 1 } else { j };
            if let Some((end, e @ Expr::Calendar { day: Some(_), .. })) = self.p_date(k) {
                return Some((end, e));
            }
            return None;
        }
        let a = self.at(i)?;
        if a.kind == AtomKind::Num {
            return self.numeric_date(i);
        }
        if let Some((y, j)) = self.spelled_year(i) {
            if self.year_context(i, j) {
                return Some((j, Expr::Calendar { year: YearRef::Abs(y), month: None, day: None }));
            }
        }
        if a.is("the") && self.word(i + 1, "year") {
            if let Some((y, j)) = self.year_num(i + 2).or_else(|| self.spelled_year(i + 2)) {
                return Some((j, Expr::Calendar { year: YearRef::Abs(y), month: None, day: None }));
            }
        }
        if a.is("fiscal") {
            if let Some((y, j)) = self.year_num(i + 1) {
                return Some((j, Expr::Calendar { year: YearRef::Abs(y), month: None, day: None }));
            }
        }
        // "the week of March 6"
        if a.is("the") && self.word(i + 1, "week") && self.word(i + 2, "of") {
            if let Some((end, e @ Expr::Calendar { day: Some(_), .. })) = self.p_date(i + 3) {
                return Some((end, Expr::WeekOf(e.boxed())));
            }
        }
        // "the first week of April", "the last week of March 2024": the ISO week holding most of
        // that stretch of the month (the one with its 4th, 11th, 18th or 25th day; its 28th for the
        // last, February's 25th).
        if a.is("the") && self.word(i + 2, "week") && self.word(i + 3, "of") {
            let nth = self.find(i + 1, |l| match l {
                Lex::Ordinal(n @ (1..=4 | -1)) => Some(n),
                _ => None,
            });
            if let (Some(n), Some((m, k, _))) = (nth, self.month(i + 4)) {
                let d = match n {
                    -1 if m == 2 => 25,
                    -1 => 28,
                    n => n.unsigned_abs() * 7 - 3,
                };
                let (year, end) = match self.trailing_year(k) {
                    Some((y, e)) => (YearRef::Abs(y), e),
                    None => (YearRef::Implicit, k),
                };
                let day = Expr::Calendar { year, month: Some(m), day: Some(d) };
                return Some((end, Expr::WeekOf(day.boxed())));
            }
        }
        // "the 26th of February"
        if a.is("the") {
            let (d, j) = self.day_of_month(i + 1)?;
            if self.at(i + 1)?.kind == AtomKind::Num && j == i + 2 {
                return None;
            }
            if !self.word(j, "of") {
                return None;
            }
            let (m, k, _) = self.month(j + 1)?;
            let (year, end) = match self.trailing_year(k) {
                Some((y, e)) => (YearRef::Abs(y), e),
                None => (YearRef::Implicit, k),
            };
            return Some((end, Expr::Calendar { year, month: Some(m), day: Some(d) }));
        }
        let (m, j, needs) = self.month(i)?;
        // "Feb. 26", "March 3, 2023", "March eighth"
        if let Some((d, k)) = self.day_of_month(j) {
            if self.at(k).is_none_or(|n| n.kind != AtomKind::Num || n.space_before) {
                let (year, end) = match self.trailing_year(k) {
                    Some((y, e)) => (YearRef::Abs(y), e),
                    None => (YearRef::Implicit, k),
                };
                return Some((end, Expr::Calendar { year, month: Some(m), day: Some(d) }));
            }
        }
        // "February 1947", "June of 1990"
        let k = if self.word(j, "of") { j + 1 } else { j };
        if let Some((y, end)) = self.trailing_year(k) {
            return Some((end, Expr::Calendar { year: YearRef::Abs(y), month: Some(m), day: None }));
        }
        if needs == MonthNeeds::Date {
            return None;
        }
        // "July last year", "January this year"
        if let Some((end, Expr::Relative { unit: Unit::Year, n })) = self.p_relative(j) {
            if end == j + 2 && !self.word(j, "the") {
                return Some((end, Expr::Calendar { year: YearRef::Rel(n as i32), month: Some(m), day: None }));
            }
        }
        if self.in_name(i) {
            return None;
        }
        // "April Smith", "March Madness": a name, unless a preposition says month ("in April
        // Smith's first year").
        let month_prep = i > 0 && self.ctx(i - 1, Ctx::BeforeMonth) && !self.ctx(i - 1, Ctx::Determiner);
        let joined = i > 0 && (self.word(i - 1, "and") || self.word(i - 1, "or"));
        if self.name_at(j) && (!month_prep || joined) {
            return None;
        }
        if needs == MonthNeeds::Context && !self.month_context(i) {
            return None;
        }
        Some((j, Expr::Calendar { year: YearRef::Implicit, month: Some(m), day: None }))
    }

    /// Dates that start with digits: years, decades, ISO and slashed dates, "26 February".
    pub(super) fn numeric_date(&self, i: usize) -> M {
        let a = self.at(i)?;
        // ISO 2023-02-26
        if a.text.len() == 4
            && self.tight_mark(i + 1, '-')
            && self.at(i + 2).is_some_and(|m| m.kind == AtomKind::Num && m.text.len() == 2 && !m.space_before)
            && self.tight_mark(i + 3, '-')
            && self.at(i + 4).is_some_and(|d| d.kind == AtomKind::Num && d.text.len() == 2 && !d.space_before)
        {
            let (y, m, d) = (a.number()? as i32, self.at(i + 2)?.number()?, self.at(i + 4)?.number()?);
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((i + 5, Expr::Calendar { year: YearRef::Abs(y), month: Some(m), day: Some(d) }));
            }
        }
        // US 2/26/2023
        if a.text.len() <= 2
            && self.tight_mark(i + 1, '/')
            && self.at(i + 2).is_some_and(|m| m.kind == AtomKind::Num && m.text.len() <= 2 && !m.space_before)
            && self.tight_mark(i + 3, '/')
            && self
                .at(i + 4)
                .is_some_and(|d| d.kind == AtomKind::Num && matches!(d.text.len(), 2 | 4) && !d.space_before)
        {
            let (m, d, y) = (a.number()?, self.at(i + 2)?.number()?, self.at(i + 4)?.number()? as i32);
            let y = if y < 100 {
                if y < 50 {
                    2000 + y
                } else {
                    1900 + y
                }
            } else {
                y
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((i + 5, Expr::Calendar { year: YearRef::Abs(y), month: Some(m), day: Some(d) }));
            }
            return None;
        }
        // 26 February 2023
        if let Some((d, j)) = self.day_of_month(i) {
            if let Some((m, k, _)) = self.month(j) {
                let (year, end) = match self.trailing_year(k) {
                    Some((y, e)) => (YearRef::Abs(y), e),
                    None => (YearRef::Implicit, k),
                };
                return Some((end, Expr::Calendar { year, month: Some(m), day: Some(d) }));
            }
        }
        let (y, j) = self.year_num(i)?;
        // 1990s
        if self.at(j).is_some_and(|s| s.is("s") && !s.space_before) {
            return Some((j + 1, Expr::Decade(y / 10)));
        }
        if self.at(j).is_some_and(|s| s.is_mark('\'') || s.is_mark('’')) && self.word(j + 1, "s") {
            return Some((j + 2, Expr::Decade(y / 10)));
        }
        // "1990-91", "1,500-2,000": ranges and quantities are not single years here.
        if self.tight_mark(j, '-') && self.at(j + 1).is_some_and(|n| n.kind == AtomKind::Num) {
            return None;
        }
        if self.tight_mark(j, '%') || !self.year_context(i, j) {
            return None;
        }
        Some((j, Expr::Calendar { year: YearRef::Abs(y), month: None, day: None }))
    }

    /// Bare weekdays: "Tuesday", "Friday night"; not "Saturday Night Live".
    pub(super) fn p_weekday(&self, i: usize) -> M {
        let (d, j) = self.weekday(i)?;
        let e = Expr::Weekday { day: d, shift: None };
        if let Some(part) = self.daypart(j) {
            let next = self.at(j);
            // "Saturday Night Live": a capitalised part of day followed by another capitalised word.
            if next.is_some_and(|n| n.upper) && self.at(j + 1).is_some_and(|n| n.kind == AtomKind::Word && n.upper) {
                return None;
            }
            // "Tuesday nights": a plural part of day recurs.
            if next.is_some_and(|n| n.text.len() > 5 && n.text.ends_with('s')) {
                return Some((j + 1, Expr::Set(format!("XXXX-WXX-{d}T{}", part.code()))));
            }
            return Some((j + 1, Expr::DayPart(e.boxed(), part)));
        }
        Some((j, e))
    }

    /// "today", "yesterday", "tomorrow", "tonight", with a part of day ("yesterday morning").
    pub(super) fn p_dayword(&self, i: usize) -> M {
        let a = self.at(i)?;
        let (n, night) = self.find(i, |l| match l {
            Lex::DayWord(n, night) => Some((n, night)),
            _ => None,
        })?;
        if a.upper && self.in_name(i) {
            return None;
        }
        // "in today's world", "the people of tomorrow": the present or future in general; but
        // "in today's session" is the day.
        let generic_before = i > 0 && (self.word(i - 1, "of") || self.word(i - 1, "in") || self.word(i - 1, "for"));
        let possessive = possessive_at(self.a, i + 1);
        let occasion = possessive && (i + 3..i + 5).any(|k| self.ctx(k, Ctx::DayEvent));
        if generic_before && (possessive || n != 0) && !occasion {
            return None;
        }
        let day = Expr::Relative { unit: Unit::Day, n: n as i64 };
        if night {
            return Some((i + 1, Expr::DayPart(day.boxed(), DayPart::Night)));
        }
        if let Some(p) = self.daypart(i + 1) {
            return Some((i + 2, Expr::DayPart(day.boxed(), p)));
        }
        Some((i + 1, day))
    }

    /// "last year", "this month", "next week", "last Friday", "this past spring", "the past three
    /// months", "the coming weeks", "that day", "the following year", "this morning", "last night".
    pub(super) fn p_relative(&self, i: usize) -> M {
        let a = self.at(i)?;
        let mut j = i;
        let the = a.is("the");
        if the {
            j += 1;
        }
        // "that day", "the same day", "that same day"
        if self.word(j, "that") && !the || (the && self.word(j, "same")) {
            let k0 = if self.word(j, "that") && self.word(j + 1, "same") { j + 2 } else { j + 1 };
            let (u, plural, k) = self.unit(k0)?;
            if plural || u.is_clock() {
                return None;
            }
            if u == Unit::Weekend {
                return None;
            }
            return Some((k, Expr::Anaphoric { unit: u, n: 0, years: 0 }));
        }
        if let Some(found) = self.current_period(i) {
            return Some(found);
        }
        // "the weekend"
        if the && matches!(self.unit(j), Some((Unit::Weekend, false, _))) {
            return Some((j + 1, Expr::Weekend(None)));
        }
        // "current": the present, as an adjective ("the current crisis").
        if self.word(j, "current") && !the && self.unit(j + 1).is_none() && !self.word(j + 1, "fiscal") {
            return Some((j + 1, Expr::Ref("PRESENT_REF")));
        }
        // "recent weeks", "recent years"
        if self.word(j, "recent") {
            let (u, plural, k) = self.unit(j + 1)?;
            if let Some(end) = self.more_plural_units(k).filter(|_| plural) {
                return Some((end, Expr::Ref("PAST_REF")));
            }
            return plural.then_some((k, Expr::Duration(Amount::Some, u)));
        }
        let rel_word = self.at(j)?;
        let mut n = self.find(j, |l| match l {
            Lex::Rel(n) => Some(n),
            _ => None,
        })?;
        if the && rel_word.is("present") {
            return None;
        }
        // "expected to last several weeks": the verb.
        if rel_word.is("last") && j > 0 && self.ctx(j - 1, Ctx::LastVerb) {
            return None;
        }
        let word = rel_word.text;
        j += 1;
        // "this past spring", "this coming Sunday"
        if word.eq_ignore_ascii_case("this") {
            if let Some(m) = self.find(j, |l| match l {
                Lex::Rel(m) if m != 0 => Some(m),
                _ => None,
            }) {
                n = m;
                j += 1;
            }
        }
        let anaphoric =
            the && matches!(word.to_ascii_lowercase().as_str(), "previous" | "prior" | "preceding" | "following");
        let following = word.eq_ignore_ascii_case("following");
        // "the past three months", "the next few days", "last five years"
        if n != 0 || word.eq_ignore_ascii_case("first") {
            if let Some((amt, k, _)) = self.amount(j) {
                if !(self.word(j, "a") || self.word(j, "an")) {
                    if let Some((u, _, end)) = self.unit(k) {
                        return Some((end, Expr::Duration(amt, u)));
                    }
                }
            }
        }
        // "the current fiscal year", "last fiscal year"
        let j =
            if self.word(j, "fiscal") && matches!(self.unit(j + 1), Some((Unit::Year, false, _))) { j + 1 } else { j };
        if let Some((u, plural, k)) = self.unit(j) {
            if u == Unit::Weekend && !plural {
                return Some((k, Expr::Weekend(Some(n))));
            }
            if plural {
                // "the coming weeks and months": a vague reference; "the coming weeks" a vague duration.
                if let Some(end) = self.more_plural_units(k) {
                    return Some((end, Expr::Ref(if n < 0 { "PAST_REF" } else { "FUTURE_REF" })));
                }
                return (n != 0 && !u.is_clock()).then_some((k, Expr::Duration(Amount::Some, u)));
            }
            if u.is_clock() {
                return None;
            }
            if u == Unit::Day {
                // "the next day", "the previous day"; "next day" alone too.
                return (n != 0 && (the || !word.eq_ignore_ascii_case("last")))
                    .then_some((k, Expr::Anaphoric { unit: u, n: n as i64, years: 0 }));
            }
            if anaphoric || following {
                return Some((k, Expr::Anaphoric { unit: u, n: n as i64, years: 0 }));
            }
            // "the past decade", "the past century": the years up to now, not the 1980s or the
            // 1800s ("the last decade" stays the previous one).
            if word.eq_ignore_ascii_case("past") && matches!(u, Unit::Decade | Unit::Century) {
                return Some((k, Expr::Duration(Amount::whole(1), u)));
            }
            return Some((k, Expr::Relative { unit: u, n: n as i64 }));
        }
        if let Some((d, k)) = self.weekday(j) {
            let e = Expr::Weekday { day: d, shift: Some(n) };
            if let Some(p) = self.daypart(k) {
                return Some((k + 1, Expr::DayPart(e.boxed(), p)));
            }
            return Some((k, e));
        }
        if let Some((m, k)) = self.month_alone(j) {
            if self.day_of_month(k).is_some() {
                return None;
            }
            return Some((k, Expr::MonthShift { month: m, shift: n }));
        }
        if let Some(s) = self.find(j, |l| match l {
            Lex::Season(s) => Some(s),
            _ => None,
        }) {
            return Some((j + 1, Expr::Part { part: YearPart::Season(s), year: YearRef::Rel(n) }));
        }
        if let Some(p) = self.daypart(j) {
            // "this morning", "last night", "the next morning"
            let day = match (n, the) {
                (_, true) => Expr::Anaphoric { unit: Unit::Day, n: n.max(0) as i64, years: 0 },
                (-1, false) if p == DayPart::Night => Expr::Relative { unit: Unit::Day, n: -1 },
                (0, false) => Expr::Relative { unit: Unit::Day, n: 0 },
                _ => return None,
            };
            return Some((j + 1, Expr::DayPart(day.boxed(), p)));
        }
        if let Some((h, k)) = self.holiday_at(j) {
            return Some((k, Expr::Holiday { holiday: h, year: YearRef::Rel(n) }));
        }
        None
    }

    /// "the weeks and months to come", "the years ahead".
    pub(super) fn p_vague_future(&self, i: usize) -> M {
        if !self.word(i, "the") {
            return None;
        }
        let (u, plural, k) = self.unit(i + 1)?;
        if !plural || u.is_clock() {
            return None;
        }
        let k = self.more_plural_units(k).unwrap_or(k);
        if self.word(k, "to") && self.word(k + 1, "come") {
            return Some((k + 2, Expr::Ref("FUTURE_REF")));
        }
        if self.word(k, "ahead") {
            return Some((k + 1, Expr::Ref("FUTURE_REF")));
        }
        None
    }

    /// Amounts of time: "three days", "24 hours", "a year", "24-hour", "two and a half years",
    /// "an hour and a half"; with "ago"/"earlier"/"later" a point: "a year ago".
    pub(super) fn p_amount(&self, i: usize) -> M {
        let mut j = i;
        let the = self.word(i, "the");
        if the {
            j += 1;
            // "the first nine months"
            if self.word(j, "first") || self.word(j, "latest") {
                j += 1;
            }
        }
        // "for years", "within weeks"; "the first time in years".
        if !the && i > 0 && (self.word(i - 1, "for") || self.word(i - 1, "within") || self.word(i - 1, "in")) {
            if let Some((u, true, end)) = self.unit(i) {
                let closes = self.at(end).is_none_or(|n| n.kind == AtomKind::Mark);
                if (!u.is_clock() || u == Unit::Hour) && (!self.word(i - 1, "in") || closes) {
                    return Some((end, Expr::Duration(Amount::Some, u)));
                }
            }
        }
        // "the year ended Sept. 30", "the fiscal year ending June 30": a year-long period.
        if the {
            let k = if self.word(j, "fiscal") { j + 1 } else { j };
            if matches!(self.unit(k), Some((Unit::Year, false, _)))
                && (self.word(k + 1, "ended") || self.word(k + 1, "ending"))
                && self.p_date(k + 2).is_some()
            {
                return Some((k + 1, Expr::Duration(Amount::whole(1), Unit::Year)));
            }
        }
        // "a three-year period": with a noun of time, the whole phrase is the duration.
        if self.word(i, "a") || self.word(i, "an") || the {
            if let Some((amt, k, _)) = self.amount(i + 1) {
                if let Some((u, false, end)) = self.hyphen(k).and_then(|h| self.unit(h)) {
                    if self.ctx(end, Ctx::PeriodNoun) {
                        return Some((end + 1, Expr::Duration(amt, u)));
                    }
                }
            }
        }
        let (amt, k, _) = self.amount(j)?;
        let article = self.word(j, "a") || self.word(j, "an");
        if the && article {
            return None;
        }
        // "the two day rally": an amount before a singular unit is an adjective; its determiner
        // belongs to the noun.
        if the && amt.as_whole().is_some_and(|n| n > 1) && matches!(self.unit(k), Some((_, false, _))) {
            return None;
        }
        // "24-hour", "two-year": an adjective, always a duration, without the noun's determiner.
        if let Some(h) = self.hyphen(k) {
            let (u, plural, end) = self.unit(h)?;
            if plural || article || the {
                return None;
            }
            // "8-month-old" and other ages are not annotated as time.
            if self.hyphen(end).is_some_and(|o| self.word(o, "old")) {
                return None;
            }
            return Some((end, Expr::Duration(amt, u)));
        }
        // "two more weeks", "eight trading days"
        let k = if self.ctx(k, Ctx::AmountAdj) && self.unit(k + 1).is_some() { k + 1 } else { k };
        let (u, _, mut end) = self.unit(k)?;
        if u == Unit::Weekend {
            return None;
        }
        // "a year-earlier loss": the adjective is the expression, not "a year".
        if self.tight_mark(end, '-') && (self.word(end + 1, "earlier") || self.word(end + 1, "ago")) {
            return None;
        }
        // "37 years old": an age.
        if self.word(end, "old") || (self.tight_mark(end, '-') && self.word(end + 1, "old")) {
            return None;
        }
        // "a quarter of the market", "three quarters of": a fraction.
        if u == Unit::Quarter && self.word(end, "of") && matches!(amt.as_whole(), Some(1 | 3)) {
            return None;
        }
        // "the 1988 quarter": a year before a singular unit is no amount of it.
        if self.year_num(j).is_some() && matches!(self.unit(k), Some((_, false, _))) {
            return None;
        }
        if article && u == Unit::Second && self.at(end).is_some_and(|n| n.kind == AtomKind::Word) {
            return None;
        }
        let mut amt = amt;
        // "a year and a half"
        if let Amount::Halves(h) = amt {
            if h % 2 == 0 && self.word(end, "and") && self.word(end + 1, "a") && self.word(end + 2, "half") {
                amt = Amount::Halves(h + 1);
                end += 3;
            }
        }
        if self.at(end).is_some_and(|n| n.is_mark('\'') || n.is_mark('’')) && self.word(end + 1, "s") {
            // "two years' time": keep as a duration, without the possessive.
            return Some((end, Expr::Duration(amt, u)));
        }
        // "a year ago", "three days earlier", "two weeks from now", "a week or so ago"
        if self.word(end, "or") && self.word(end + 1, "so") && self.word(end + 2, "ago") {
            end += 2;
        }
        let offset = self.find(end, |l| match l {
            Lex::Offset(d) => Some(d),
            _ => None,
        });
        let offset = match offset {
            Some(d) if self.word(end, "before") => {
                // "two days before": only when nothing follows that it could be before.
                self.at(end + 1).is_none_or(|n| n.kind == AtomKind::Mark).then_some(d)
            }
            // "three days later" counts from the story's time, not the anchor: TimeBank keeps
            // the duration and leaves "later" out.
            Some(d) if self.word(end, "later") => None.filter(|_: &i32| d > 0),
            Some(d) => Some(d),
            None if self.word(end, "from") && self.word(end + 1, "now") => Some(1).inspect(|_| end += 1),
            None => None,
        };
        // "four flights a week", "$2 million a year": a rate (a set, or nothing), not a duration.
        if offset.is_none() && article && j == i && i > 0 && self.rate_before(i) {
            return None;
        }
        if let Some(d) = offset {
            let e = match amt.as_whole() {
                Some(1) if !the && u == Unit::Year => Expr::YearAgo(d),
                Some(n) if !the => Expr::Relative { unit: u, n: n * d as i64 },
                _ if amt == Amount::Some => Expr::RelativeSome { dir: d },
                _ => Expr::Duration(amt, u),
            };
            return Some((end + 1, e));
        }
        Some((end, Expr::Duration(amt, u)))
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the first half of 1990",
    /// "the fiscal first quarter", "the year-earlier quarter", "the latest period", "year-end".
    pub(super) fn p_part(&self, i: usize) -> M {
        let mut j = i;
        let mut year = YearRef::Implicit;
        let mut det = false;
        let mut years_back = 0;
        let mut latest = false;
        // "the latest quarter": the last one reported, the quarter before the anchor's.
        let mut most_recent = false;
        loop {
            let a = self.at(j)?;
            // "this year's third quarter", "next year's first quarter"
            if (a.is("this") || a.is("last") || a.is("next"))
                && self.word(j + 1, "year")
                && self.at(j + 2).is_some_and(|p| p.is_mark('\'') || p.is_mark('’'))
                && self.word(j + 3, "s")
            {
                year = YearRef::Rel(if a.is("last") {
                    -1
                } else if a.is("next") {
                    1
                } else {
                    0
                });
                j += 4;
                det = true;
            } else if (a.is("the") || a.is("this") || a.is("that")) && !det {
                det = true;
                j += 1;
            } else if a.is("fiscal") {
                j += 1;
                if self.hyphen(j).is_some() {
                    j += 1;
                }
            } else if a.is("latest") || a.is("comparable") || a.is("corresponding") || a.is("same") {
                most_recent = a.is("latest");
                latest = true;
                j += 1;
            } else if a.is("year")
                && self.hyphen(j + 1).is_some()
                && (self.word(j + 2, "ago") || self.word(j + 2, "earlier"))
            {
                years_back = -1;
                j += 3;
            } else if let Some((y, k)) = self.year_num(j).filter(|_| det) {
                year = YearRef::Abs(y);
                j = k;
            } else {
                break;
            }
        }
        // "year-end", "year end"
        if j == i && self.word(i, "year") {
            let k = if self.tight_mark(i + 1, '-') { i + 2 } else { i + 1 };
            if self.word(k, "end") {
                return Some((k + 1, Expr::Relative { unit: Unit::Year, n: 0 }));
            }
            if years_back == 0 {
                return None;
            }
        }
        let start_core = j;
        // "the 1988 period"
        if let (YearRef::Abs(y), true) = (year, self.word(start_core, "period")) {
            return Some((start_core + 1, Expr::Calendar { year: YearRef::Abs(y), month: None, day: None }));
        }
        if let Some((ord, k)) = self.ordinal(j) {
            // "third-quarter" is an adjective: its noun's determiner stays outside.
            let hyphenated = self.hyphen(k).is_some();
            if hyphenated
                && det
                && start_core > i
                && !matches!(year, YearRef::Rel(_))
                && self.word(i, "the") | self.word(i, "that")
            {
                return None;
            }
            let k = self.hyphen(k).unwrap_or(k);
            let (u, plural, mut end) =
                self.unit(k).or_else(|| self.word(k, "half").then_some((Unit::Year, false, k + 1)))?;
            let is_half = self.word(k, "half");
            if plural || !(u == Unit::Quarter || is_half) {
                return None;
            }
            let n = if ord == -1 {
                if is_half {
                    2
                } else {
                    4
                }
            } else {
                ord
            };
            let part = if is_half {
                if !(1..=2).contains(&n) {
                    return None;
                }
                YearPart::Half(n as u32)
            } else {
                if !(1..=4).contains(&n) {
                    return None;
                }
                YearPart::Quarter(n as u32)
            };
            // "the last quarter" is relative, not Q4, unless a year follows.
            if ord == -1 && !self.word(end, "of") {
                return None;
            }
            if self.word(end, "of") {
                if let Some((y, e)) = self.year_num(end + 1) {
                    year = YearRef::Abs(y);
                    end = e;
                } else if let Some((_, Expr::Relative { unit: Unit::Year, n })) = self.p_relative(end + 1) {
                    year = YearRef::Rel(n as i32);
                    end += 3;
                }
            } else if let Some((y, e)) = self.trailing_year(end).filter(|_| year == YearRef::Implicit) {
                year = YearRef::Abs(y);
                end = e;
            }
            if years_back != 0 {
                return Some((end, Expr::Anaphoric { unit: Unit::Quarter, n: 0, years: years_back }));
            }
            return Some((end, Expr::Part { part, year }));
        }
        // "the quarter", "the latest quarter", "the year-ago period", "the 1988 quarter"
        if det || latest || years_back != 0 {
            let a = self.at(start_core)?;
            let is_period = a.is("period") && (latest || years_back != 0);
            if (a.is("quarter") && self.hyphen(start_core + 1).is_none()) || is_period {
                let end = start_core + 1;
                // "the quarter ended July 31": the quarter that date closes.
                if self.word(end, "ended") || self.word(end, "ending") {
                    if let Some((_, Expr::Calendar { year, month: Some(m), .. })) = self.p_date(end + 1) {
                        let q = quarter_of(m);
                        return Some((end, Expr::Part { part: YearPart::Quarter(q), year }));
                    }
                }
                if most_recent && years_back == 0 && year == YearRef::Implicit && !self.word(end, "of") {
                    return Some((end, Expr::Relative { unit: Unit::Quarter, n: -1 }));
                }
                let mut years = years_back;
                match year {
                    YearRef::Abs(y) => return Some((end, Expr::QuarterOf(y))),
                    // "last year's quarter"
                    YearRef::Rel(n) => years += n,
                    YearRef::Implicit => {}
                }
                // "the corresponding period last year", "the quarter a year ago"
                if let Some((e, Expr::YearAgo(-1) | Expr::Relative { unit: Unit::Year, n: -1 })) =
                    self.p_amount(end).or_else(|| self.p_relative(end))
                {
                    return Some((e, Expr::Anaphoric { unit: Unit::Quarter, n: 0, years: years - 1 }));
                }
                return Some((end, Expr::Anaphoric { unit: Unit::Quarter, n: 0, years }));
            }
        }
        if years_back != 0 && start_core == i + 3 {
            // "year-earlier" as an adjective: the same period a year before.
            return Some((start_core, Expr::Anaphoric { unit: Unit::Quarter, n: 0, years: years_back }));
        }
        None
    }

    /// Seasons: "the summer", "last fall" (in [`Grammar::p_relative`]), "the winter of 1994", "summer 2003".
    pub(super) fn p_season(&self, i: usize) -> M {
        let the = self.word(i, "the");
        let j = if the { i + 1 } else { i };
        let s = self.find(j, |l| match l {
            Lex::Season(s) => Some(s),
            _ => None,
        })?;
        let a = self.at(j)?;
        if a.upper && !self.sentence_start(j) {
            return None;
        }
        let mut end = j + 1;
        let mut year = YearRef::Implicit;
        if self.word(end, "of") {
            if let Some((y, e)) = self.year_num(end + 1).or_else(|| self.spelled_year(end + 1)) {
                year = YearRef::Abs(y);
                end = e;
            }
        } else if let Some((y, e)) = self.year_num(end) {
            year = YearRef::Abs(y);
            end = e;
        }
        // "fall" is also a verb and a noun: alone it needs "the" or a year.
        if a.is("fall") && !the && year == YearRef::Implicit {
            return None;
        }
        Some((end, Expr::Part { part: YearPart::Season(s), year }))
    }

    /// Decades and centuries: "the 1990s" (digits in [`Grammar::numeric_date`]), "the '90s",
    /// "the nineties", "the 20th century", "this century".
    pub(super) fn p_decade(&self, i: usize) -> M {
        let the = self.word(i, "the");
        let j = if the { i + 1 } else { i };
        // "'90s"
        if self.at(j).is_some_and(|q| q.is_mark('\'') || q.is_mark('’')) {
            let d = self.at(j + 1)?;
            if d.kind == AtomKind::Num && d.text.len() == 2 && !d.space_before && self.word(j + 2, "s") {
                let n = d.number()? as i32;
                return Some((j + 3, Expr::Decade(190 + n / 10)));
            }
            return None;
        }
        if let Some(d) = self.find(j, |l| match l {
            Lex::DecadeWord(d) => Some(d),
            _ => None,
        }) {
            return the.then_some((j + 1, Expr::Decade(190 + d as i32)));
        }
        if the {
            // "the 1990s"
            if let Some((end, e @ Expr::Decade(_))) = self.numeric_date(j) {
                return Some((end, e));
            }
        }
        {
            let (ord, k) = self.ordinal(j)?;
            let (u, plural, end) = self.unit(k)?;
            if u == Unit::Century && !plural && (1..=30).contains(&ord) {
                return Some((end, Expr::Century(ord - 1)));
            }
        }
        None
    }

    /// Clock times: "10 p.m.", "10:35 a.m. EDT", "noon Thursday", "5 p.m. EST, Nov. 6", "4 in the morning";
    /// the day of "10 p.m. on Friday" without its span.
    pub(super) fn p_time(&self, i: usize) -> M {
        let a = self.at(i)?;
        let clock_word = self.find(i, |l| match l {
            Lex::ClockWord(h) => Some(h),
            _ => None,
        });
        if clock_word.is_some() && i > 0 && self.word(i - 1, "high") {
            return None;
        }
        let (hour, minute, mut end) = if let Some(h) = clock_word {
            (h, Some(0), i + 1)
        } else {
            if a.kind != AtomKind::Num || a.text.len() > 2 {
                return None;
            }
            let h = a.number()?;
            let (minute, j) = if self.tight_mark(i + 1, ':') {
                let m = self.at(i + 2).filter(|m| m.kind == AtomKind::Num && m.text.len() == 2 && !m.space_before)?;
                (Some(m.number()?), i + 3)
            } else {
                (None, i + 1)
            };
            if let Some((pm, k)) = self.meridiem(j) {
                if !(1..=12).contains(&h) || minute.is_some_and(|m| m > 59) {
                    return None;
                }
                let h24 = match (h, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                (h24, Some(minute.unwrap_or(0)), k)
            } else if self.word(j, "o")
                && self.at(j + 1).is_some_and(|q| q.is_mark('\'') || q.is_mark('’'))
                && self.word(j + 2, "clock")
            {
                if !(1..=12).contains(&h) {
                    return None;
                }
                (h, Some(minute.unwrap_or(0)), j + 3)
            } else if minute.is_some() && h <= 23 && self.has(j, |l| l == Lex::TimeZone) {
                (h, minute, j)
            } else if minute.is_some_and(|m| m <= 59) && h <= 23 && i > 0 && self.ctx(i - 1, Ctx::BeforeClock) {
                // "at 10:00", "until 18:30": a 24-hour clock after a preposition of time.
                (h, minute, j)
            } else if self.word(j, "in") && self.word(j + 1, "the") {
                let p = self.daypart(j + 2)?;
                let h24 = match p {
                    DayPart::Morning if h <= 12 => h % 12,
                    DayPart::Afternoon | DayPart::Evening if h < 12 => h + 12,
                    DayPart::Night if (6..12).contains(&h) => h + 12,
                    DayPart::Night => h % 12,
                    _ => return None,
                };
                (h24, Some(minute.unwrap_or(0)), j + 3)
            } else {
                return None;
            }
        };
        // Time zone.
        if self.at(end).is_some_and(|z| z.upper) && self.has(end, |l| l == Lex::TimeZone) {
            end += 1;
        }
        // A day after it: "noon Thursday", "5 p.m. EST, Nov. 6".
        let day_at = |k: usize| {
            self.p_date(k)
                .filter(|(_, e)| matches!(e, Expr::Calendar { day: Some(_), .. }))
                .or_else(|| self.p_weekday(k))
                .or_else(|| self.p_dayword(k).filter(|(_, e)| matches!(e, Expr::Relative { .. })))
        };
        let k = if self.mark(end, ',') { end + 1 } else { end };
        let (date, end) = match day_at(k) {
            Some((e2, d)) => (Some(d.boxed()), e2),
            // "10:35 a.m. (0735 GMT) Friday": the day after the bracket is the time's, but the
            // span stays the time's own.
            None => {
                // "at 10 p.m. on Friday": the day is the time's, each keeps its own span.
                let on_day = || day_at(end + 1).filter(|_| self.word(end, "on"));
                let after = self.after_bracket(end).and_then(day_at).or_else(on_day);
                // "4 in the morning (4 a.m. EDT Thursday)": the day is inside the bracket.
                let inside = || {
                    let close = self.bracket_close(end)?;
                    (end + 1..close).find_map(|k| day_at(k).filter(|&(e, _)| e <= close))
                };
                (after.or_else(inside).map(|(_, d)| d.boxed()), end)
            }
        };
        Some((end, Expr::Clock { date, hour, minute }))
    }

    /// "for the year", "for the full year", "during the week", "the first nine months of the
    /// year": the anchor's year, week or month, which a report is about. "The year ended June 30"
    /// is a length and "the year before" another year.
    fn current_period(&self, i: usize) -> M {
        if !self.word(i, "the") || i == 0 {
            return None;
        }
        let of_part = self.word(i - 1, "of") && i >= 2 && matches!(self.unit(i - 2), Some((_, true, _)));
        if !self.ctx(i - 1, Ctx::CurrentBefore) && !of_part {
            return None;
        }
        let j = if self.ctx(i + 1, Ctx::AmountAdj) || self.word(i + 1, "fiscal") { i + 2 } else { i + 1 };
        let (unit @ (Unit::Year | Unit::Month | Unit::Week), false, end) = self.unit(j)? else { return None };
        if self.ctx(end, Ctx::CurrentAfter) || self.at(end).is_some_and(|n| n.kind == AtomKind::Num) {
            return None;
        }
        // "the week of the fair" is that week; "a high for the year of $42" is this year's.
        if self.word(end, "of") && self.at(end + 1).is_some_and(|n| n.kind == AtomKind::Word) {
            return None;
        }
        Some((end, Expr::Relative { unit, n: 0 }))
    }

    /// The atom after a short bracket opening at `i`: "(0735 GMT)".
    fn after_bracket(&self, i: usize) -> Option<usize> {
        self.bracket_close(i).filter(|&k| k < i + 8).map(|k| k + 1)
    }

    /// The closing mark of a bracket opening at `i` that holds a time and its day:
    /// "(4 a.m. EDT Thursday)".
    fn bracket_close(&self, i: usize) -> Option<usize> {
        if !self.mark(i, '(') {
            return None;
        }
        (i + 1..i + 12).find(|&k| self.mark(k, ')'))
    }

    /// Words that are references on their own: "now", "recently", "the past", "the future",
    /// "these days", "right now", "the near future", "Earlier,".
    pub(super) fn p_ref(&self, i: usize) -> M {
        let a = self.at(i)?;
        if let Some(v) = self.find(i, |l| match l {
            Lex::Ref(v) => Some(v),
            _ => None,
        }) {
            if a.is("now") && self.tight_mark(i + 1, '-') {
                return None;
            }
            // "as soon as": a conjunction.
            if a.is("soon") && (self.word(i + 1, "as") || self.word(i + 1, "after") || i > 0 && self.word(i - 1, "as"))
            {
                return None;
            }
            return Some((i + 1, Expr::Ref(v)));
        }
        if a.is("right") && self.word(i + 1, "now") {
            return Some((i + 2, Expr::Ref("PRESENT_REF")));
        }
        if a.is("these") && self.word(i + 1, "days") {
            return Some((i + 2, Expr::Ref("PRESENT_REF")));
        }
        if a.is("the") {
            let mut j = i + 1;
            let near = self.word(j, "near") || self.word(j, "distant") || self.word(j, "recent");
            if near {
                j += 1;
            }
            let next = self.at(j + 1);
            let ends = next.is_none_or(|n| n.kind == AtomKind::Mark || self.ctx(j + 1, Ctx::AfterYear));
            if self.word(j, "future") && !self.word(j + 1, "of") && !self.word(j + 1, "for") {
                return Some((j + 1, Expr::Ref("FUTURE_REF")));
            }
            if self.word(j, "past") && ends && !near {
                return Some((j + 1, Expr::Ref("PAST_REF")));
            }
            if self.word(j, "near") && self.word(j + 1, "term") {
                return Some((j + 2, Expr::Ref("FUTURE_REF")));
            }
        }
        None
    }

    /// Recurrences: "daily", "every week", "each Thursday", "every two years", "Tuesday nights",
    /// "a year" after a rate ("$5 million a year", "twice a day").
    pub(super) fn p_set(&self, i: usize) -> M {
        let a = self.at(i)?;
        if let Some(v) = self.find(i, |l| match l {
            Lex::SetAdverb(v) => Some(v),
            _ => None,
        }) {
            let before_noun = self.at(i + 1).is_some_and(|n| {
                n.kind == AtomKind::Word
                    && (n.upper || (!n.lex.iter().any(|e| e.lex.is_trigger()) && !self.ctx(i + 1, Ctx::AfterYear)))
            });
            // "a daily rally", "his weekly address" recur; "quarterly results" and "the annual
            // report" name a reporting period, and TimeML leaves them alone.
            // "average daily volume" is a rate, not a recurrence.
            let recurs_before_noun = matches!(v, "P1D" | "P1W" | "PT1H") && !(i > 0 && self.word(i - 1, "average"));
            // "the Daily Mail", "the party daily Granma": a paper's name, or the paper.
            if (a.upper && self.in_name(i)) || (before_noun && !recurs_before_noun) || self.name_at(i + 1) {
                return None;
            }
            return Some((i + 1, Expr::Set(v.to_string())));
        }
        if a.is("every") || a.is("each") || a.is("per") {
            let mut j = i + 1;
            if self.word(j, "other") {
                j += 1;
            }
            if let Some((u, plural, k)) = self.unit(j) {
                if !plural {
                    return Some((k, Expr::Set(duration_value(Amount::whole(1), u))));
                }
            }
            if a.is("per") {
                return None;
            }
            if let Some((amt, k, _)) = self.amount(j) {
                if let Some((u, true, end)) = self.unit(k) {
                    return Some((end, Expr::Set(duration_value(amt, u))));
                }
            }
            if let Some((d, k)) = self.weekday(j) {
                return Some((k, Expr::Set(format!("XXXX-WXX-{d}"))));
            }
            if let Some((m, k)) = self.month_alone(j) {
                return Some((k, Expr::Set(format!("XXXX-{m:02}"))));
            }
            // "each summer", "every winter"
            if let Some(s) = self.find(j, |l| match l {
                Lex::Season(s) => Some(s),
                _ => None,
            }) {
                return Some((j + 1, Expr::Set(format!("XXXX-{}", s.code()))));
            }
            if let Some(p) = self.daypart(j) {
                return Some((j + 1, Expr::Set(format!("XXXX-XX-XXT{}", p.code()))));
            }
            return None;
        }
        // "Tuesdays", "Tuesday nights"
        if a.upper && ends_plural_weekday(a.text) {
            let d =
                self.lexicon.get(a.text[..a.text.len() - 1].to_ascii_lowercase().as_bytes()).iter().find_map(|e| {
                    match e.lex {
                        Lex::Weekday(d) => Some(d),
                        _ => None,
                    }
                })?;
            return Some((i + 1, Expr::Set(format!("XXXX-WXX-{d}"))));
        }
        if let Some((d, j)) = self.weekday(i) {
            if let Some(p) = self.daypart(j) {
                if self.at(j).is_some_and(|n| n.text.ends_with('s')) {
                    return Some((j + 1, Expr::Set(format!("XXXX-WXX-{d}T{}", p.code()))));
                }
            }
            return None;
        }
        // "a year" after a number or money: a rate.
        if a.is("a") && i > 0 && self.rate_before(i) {
            let (u, false, k) = self.unit(i + 1)? else { return None };
            if self.has(k, |l| matches!(l, Lex::Offset(_))) {
                return None;
            }
            let prev = self.at(i - 1)?;
            if prev.kind == AtomKind::Num || self.ctx(i - 1, Ctx::Rate) || prev.is_mark('%') {
                return Some((k, Expr::Set(duration_value(Amount::whole(1), u))));
            }
        }
        None
    }

    /// Holiday names: "Christmas", "Thanksgiving Day", "New Year's Eve", with a year after.
    pub(super) fn p_holiday(&self, i: usize) -> M {
        let (holiday, j) = self.holiday_at(i)?;
        let (end, year) = match self.trailing_year(j) {
            Some((y, e)) => (e, YearRef::Abs(y)),
            None => (j, YearRef::Implicit),
        };
        // "Easter week": the week of the day.
        if self.word(end, "week") {
            return Some((end + 1, Expr::HolidayWeek { holiday, year }));
        }
        Some((end, Expr::Holiday { holiday, year }))
    }
}
