//! The small units the rules are built from: a month name, a weekday, a unit, a year, an
//! amount, an ordinal, a day of the month, and the context tests around them.

use crate::article::TimexMod;

use super::super::atoms::{Atom, AtomKind};
use super::super::expr::{Amount, DayPart, Holiday, Unit};
use super::super::lexicon::{Ctx, Form, Lex};
use super::{is_full_month_name, Grammar};

/// What a month name needs around it to be a month.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum MonthNeeds {
    /// Nothing: "February", "Feb.".
    Nothing,
    /// A day, a year or a preposition: "May", "Sept".
    Context,
    /// A day or a year after it: "Jan", which is also a name.
    Date,
}

impl<'g, 't> Grammar<'g, 't> {
    /// A month name at `i` (capitalised; abbreviations with their period). Returns the month,
    /// the index after it, and what else the name needs to be a month.
    pub(super) fn month(&self, i: usize) -> Option<(u32, usize, MonthNeeds)> {
        let a = self.at(i)?;
        if a.kind != AtomKind::Word || !a.upper {
            return None;
        }
        // A word may be listed both with and without its period ("feb." and "feb"): the first
        // form that fits the text wins.
        self.lex(i).find_map(|(l, form)| {
            let Lex::Month(m) = l else { return None };
            let dot = self.tight_mark(i + 1, '.');
            let context = if dot { MonthNeeds::Nothing } else { MonthNeeds::Context };
            match form {
                Form::Abbrev if dot => Some((m, i + 2, MonthNeeds::Nothing)),
                Form::Abbrev => None,
                Form::Plain if a.text.len() <= 4 && !is_full_month_name(a.text) => {
                    Some((m, i + 1 + dot as usize, context))
                }
                Form::Plain => Some((m, i + 1, MonthNeeds::Nothing)),
                Form::Ambiguous => Some((m, i + 1, MonthNeeds::Context)),
                Form::Dated if dot => None,
                Form::Dated => Some((m, i + 1, MonthNeeds::Date)),
            }
        })
    }

    /// A month name at `i` that is a month without a day or year after it ("last Jan" is not).
    pub(super) fn month_alone(&self, i: usize) -> Option<(u32, usize)> {
        self.month(i).filter(|&(_, _, needs)| needs != MonthNeeds::Date).map(|(m, j, _)| (m, j))
    }

    /// A weekday name at `i` (capitalised; abbreviations with their period).
    pub(super) fn weekday(&self, i: usize) -> Option<(u32, usize)> {
        let a = self.at(i)?;
        if a.kind != AtomKind::Word || !a.upper {
            return None;
        }
        for (l, form) in self.lex(i) {
            if let Lex::Weekday(d) = l {
                let dot = self.tight_mark(i + 1, '.');
                return match form {
                    Form::Abbrev if dot => Some((d, i + 2)),
                    Form::Abbrev => None,
                    _ => Some((d, i + 1)),
                };
            }
        }
        None
    }

    /// A unit word at `i`: the unit, plural or not, and the index after.
    pub(super) fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
        let a = self.at(i)?;
        if a.kind != AtomKind::Word {
            return None;
        }
        if a.upper && !self.sentence_start(i) && !a.text.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let found = self.find(i, |l| match l {
            Lex::Unit(u, plural) => Some((u, plural, i + 1)),
            _ => None,
        })?;
        // "quarter-century", "quarter-to-quarter": part of a compound, not a unit.
        if found.0 == Unit::Quarter && self.hyphen(i + 1).is_some() {
            return None;
        }
        Some(found)
    }

    /// A four-digit year at `i`, 1000-2199, not part of a bigger number.
    pub(super) fn year_num(&self, i: usize) -> Option<(i32, usize)> {
        let a = self.at(i)?;
        if a.kind != AtomKind::Num || a.text.len() != 4 {
            return None;
        }
        let y = a.number()? as i32;
        if !(1000..=2199).contains(&y) {
            return None;
        }
        // Part of "1,990" or "19.90" or "2020.5".
        let glued_before = i >= 2
            && self.at(i - 1).is_some_and(|p| (p.is_mark(',') || p.is_mark('.')) && !p.space_before && !a.space_before)
            && self.at(i - 2).is_some_and(|p| p.kind == AtomKind::Num);
        let glued_after = self.at(i + 1).is_some_and(|n| (n.is_mark(',') || n.is_mark('.')) && !n.space_before)
            && self.at(i + 2).is_some_and(|n| n.kind == AtomKind::Num && !n.space_before);
        (!glued_before && !glued_after).then_some((y, i + 1))
    }

    /// A spelled-out year: "nineteen ninety-six", "two thousand".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
        let first = self.find(i, |l| match l {
            Lex::Number(n) if (11..=20).contains(&n) => Some(n),
            Lex::Tens(20) => Some(20),
            Lex::Number(2) => Some(2),
            _ => None,
        })?;
        if first == 2 {
            if !self.word(i + 1, "thousand") {
                return None;
            }
            let mut j = i + 2;
            if self.word(j, "and") {
                j += 1;
            }
            return match self.small_number(j) {
                Some((n, k)) if n < 100 => Some((2000 + n as i32, k)),
                _ => Some((2000, i + 2)),
            };
        }
        let (n, j) = self.small_number(i + 1)?;
        if !(10..100).contains(&n) {
            return None;
        }
        Some((first as i32 * 100 + n as i32, j))
    }

    /// A number 0-99 in words ("ninety-six", "twenty four", "seven").
    pub(super) fn small_number(&self, i: usize) -> Option<(u32, usize)> {
        let a = self.at(i)?;
        if a.is("a") || a.is("an") || a.is("couple") || a.is("dozen") || a.is("hundred") || a.is("thousand") {
            return None;
        }
        for (l, _) in self.lex(i) {
            match l {
                Lex::Number(n) if n < 20 => return Some((n, i + 1)),
                Lex::Tens(t) => {
                    let j = self.hyphen(i + 1).unwrap_or(i + 1);
                    if let Some(o) = self.find(j, |l| match l {
                        Lex::Number(o) if (1..10).contains(&o) => Some(o),
                        _ => None,
                    }) {
                        if !self.word(j, "a") && !self.word(j, "an") {
                            return Some((t + o, j + 1));
                        }
                    }
                    return Some((t, i + 1));
                }
                _ => {}
            }
        }
        None
    }

    /// An amount: digits ("24", "2.5", "2 1/2", "1,000"), words ("three", "twenty-four", "a",
    /// "a couple of", "a few", "several", "a dozen", "two and a half", "half a"). Returns the amount,
    /// the index after it, and a modifier the words carry ("a couple of" is approximate).
    pub(super) fn amount(&self, i: usize) -> Option<(Amount, usize, Option<TimexMod>)> {
        let a = self.at(i)?;
        let (mut amt, mut j, m) = if a.kind == AtomKind::Num {
            if a.text.len() > 6 {
                return None;
            }
            let mut n = a.number()? as u64;
            let mut j = i + 1;
            // "1,000"
            while self.tight_mark(j, ',')
                && self.at(j + 1).is_some_and(|d| d.kind == AtomKind::Num && d.text.len() == 3 && !d.space_before)
            {
                n = n * 1000 + self.at(j + 1)?.number()? as u64;
                j += 2;
            }
            let mut halves = n * 2;
            // "2.5"
            if self.tight_mark(j, '.') && self.at(j + 1).is_some_and(|d| d.kind == AtomKind::Num && !d.space_before) {
                if self.at(j + 1)?.text == "5" {
                    halves += 1;
                    j += 2;
                } else {
                    return None;
                }
            }
            // "2 1/2"
            if self.at(j).is_some_and(|d| d.text == "1")
                && self.tight_mark(j + 1, '/')
                && self.at(j + 2).is_some_and(|d| d.text == "2" && !d.space_before)
            {
                halves += 1;
                j += 3;
            }
            (Amount::Halves(halves), j, None)
        } else if a.is("a") || a.is("an") {
            if self.word(i + 1, "few") {
                (Amount::Some, i + 2, None)
            } else if self.word(i + 1, "couple") && self.word(i + 2, "of") {
                (Amount::whole(2), i + 3, Some(TimexMod::Approx))
            } else if self.word(i + 1, "dozen") {
                (Amount::whole(12), i + 2, None)
            } else if self.word(i + 1, "half") {
                (Amount::Halves(1), i + 2, None)
            } else {
                (Amount::whole(1), i + 1, None)
            }
        } else if self.has(i, |l| l == Lex::Few) {
            (Amount::Some, i + 1, None)
        } else if a.is("half") && (self.word(i + 1, "a") || self.word(i + 1, "an")) {
            (Amount::Halves(1), i + 2, None)
        } else if a.is("couple") && self.word(i + 1, "of") {
            (Amount::whole(2), i + 2, Some(TimexMod::Approx))
        } else {
            let (n, j) = self.small_number(i)?;
            let (mut n, mut j) = (n as u64, j);
            if self.word(j, "hundred") {
                n *= 100;
                j += 1;
            }
            if self.word(j, "thousand") {
                n *= 1000;
                j += 1;
            }
            (Amount::whole(n), j, None)
        };
        // "a hundred years", "two thousand years"
        if let Amount::Halves(h) = amt {
            if h == 2 && (self.word(j, "hundred") || self.word(j, "thousand")) {
                let mult = if self.word(j, "hundred") { 100 } else { 1000 };
                amt = Amount::whole(mult);
                j += 1;
            }
        }
        // "two and a half"
        if let Amount::Halves(h) = amt {
            if h % 2 == 0 && self.word(j, "and") && self.word(j + 1, "a") && self.word(j + 2, "half") {
                amt = Amount::Halves(h + 1);
                j += 3;
            }
        }
        // "two to three weeks", "12 to 18 months": one vague amount of the unit.
        let counted = a.kind == AtomKind::Num || self.small_number(i).is_some();
        if counted && matches!(amt, Amount::Halves(_)) && self.word(j, "to") {
            let upper = match self.at(j + 1) {
                Some(b) if b.kind == AtomKind::Num && b.text.len() <= 6 => Some(j + 2),
                Some(_) => self.small_number(j + 1).map(|(_, k)| k),
                None => None,
            };
            if let Some(k) = upper.filter(|&k| self.unit(k).is_some()) {
                amt = Amount::Some;
                j = k;
            }
        }
        Some((amt, j, m))
    }

    /// An ordinal at `i`: "third", "21st". Returns the number and the index after.
    pub(super) fn ordinal(&self, i: usize) -> Option<(i32, usize)> {
        let a = self.at(i)?;
        if a.kind == AtomKind::Num {
            let n = a.number()?;
            let suffix = self.at(i + 1)?;
            if suffix.kind == AtomKind::Word
                && !suffix.space_before
                && ["st", "nd", "rd", "th"].iter().any(|s| suffix.is(s))
                && n < 100
            {
                return Some((n as i32, i + 2));
            }
            return None;
        }
        let base = self.find(i, |l| match l {
            Lex::Ordinal(n) => Some(n),
            _ => None,
        });
        if base.is_some() {
            return base.map(|n| (n, i + 1));
        }
        // "twenty-first"
        if let Some(t) = self.find(i, |l| match l {
            Lex::Tens(t) => Some(t),
            _ => None,
        }) {
            let j = self.hyphen(i + 1).unwrap_or(i + 1);
            let o = self.find(j, |l| match l {
                Lex::Ordinal(n) if (1..10).contains(&n) => Some(n),
                _ => None,
            })?;
            return Some((t as i32 + o, j + 1));
        }
        None
    }

    /// A day of the month at `i`: "26", "26th", "eighth".
    pub(super) fn day_of_month(&self, i: usize) -> Option<(u32, usize)> {
        let a = self.at(i)?;
        if a.kind == AtomKind::Num {
            if a.text.len() > 2 {
                return None;
            }
            let d = a.number()?;
            if !(1..=31).contains(&d) {
                return None;
            }
            // "26th"
            if let Some(s) = self.at(i + 1) {
                if s.kind == AtomKind::Word && !s.space_before {
                    return ["st", "nd", "rd", "th"].iter().any(|x| s.is(x)).then_some((d, i + 2));
                }
            }
            // Not a clock time ("May 5:30") or an amount ("June 5 years").
            let clock = self.tight_mark(i + 1, ':')
                && self.at(i + 2).is_some_and(|m| m.kind == AtomKind::Num && !m.space_before);
            if clock || self.unit(i + 1).is_some() {
                return None;
            }
            return Some((d, i + 1));
        }
        let (n, j) = self.ordinal(i)?;
        (1..=31).contains(&n).then_some((n as u32, j))
    }

    /// ", 2023" or " 2023" after a date.
    pub(super) fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.mark(i, ',') { i + 1 } else { i };
        self.year_num(j).or_else(|| self.spelled_year(j))
    }

    /// Context that makes an ambiguous month word a month.
    pub(super) fn month_context(&self, i: usize) -> bool {
        i > 0 && (self.ctx(i - 1, Ctx::BeforeMonth) || self.tight_mark(i - 1, '-'))
    }

    /// Context that makes a number at `i` (followed by atom `j`) a year rather than a quantity
    /// ("$1990", "2000 people") or part of a name ("Orion 1980").
    pub(super) fn year_context(&self, i: usize, j: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.at(p));
        if prev.is_some_and(|p| p.is_mark('$') || p.is_mark('#') || p.is_mark('€') || p.is_mark('£') || p.is("no")) {
            return false;
        }
        let y = self.at(i).and_then(Atom::number).unwrap_or(0);
        let strong = i > 0 && (self.ctx(i - 1, Ctx::BeforeYear) || self.month(i - 1).is_some());
        if strong {
            // "that 2000 people", "the 1500 soldiers": a round hundred after a determiner and
            // before a plural noun is a count ("the 1989 results" stays a year).
            return !(y % 100 == 0 && self.ctx(i - 1, Ctx::Determiner) && self.plural_noun(j));
        }
        if prev.is_some_and(|p| p.kind == AtomKind::Word && p.upper && p.lex.is_empty()) && !self.sentence_start(i - 1)
        {
            return false;
        }
        match self.at(j) {
            // "2000 people": a count before a plural noun.
            Some(n)
                if n.is_lower_word()
                    && !self.ctx(j, Ctx::AfterYear)
                    && (n.lex.is_empty() || self.ctx(j, Ctx::PluralNoun)) =>
            {
                (1900..2100).contains(&y) && !self.plural_noun(j)
            }
            Some(n) if n.kind == AtomKind::Num && !n.space_before => false,
            _ => true,
        }
    }

    /// A plural noun at `i`: a lower-case word in "-s" that is no calendar or context word
    /// ("soldiers", not "was"), or a listed plural ("people").
    fn plural_noun(&self, i: usize) -> bool {
        let Some(n) = self.at(i) else { return false };
        n.is_lower_word()
            && !self.ctx(i, Ctx::AfterYear)
            && (self.ctx(i, Ctx::PluralNoun) || (n.lex.is_empty() && n.text.len() > 2 && n.text.ends_with('s')))
    }

    pub(super) fn daypart(&self, i: usize) -> Option<DayPart> {
        self.find(i, |l| match l {
            Lex::DayPart(p) => Some(p),
            _ => None,
        })
    }

    /// "and months" after a plural unit: the end of the coordination, if any.
    pub(super) fn more_plural_units(&self, i: usize) -> Option<usize> {
        if !(self.word(i, "and") || self.word(i, "or")) {
            return None;
        }
        matches!(self.unit(i + 1), Some((_, true, _))).then_some(i + 2)
    }

    /// True when the atom before `i` makes "a year" at `i` a rate: "$5 million a year",
    /// "twice a day", "four flights a week".
    pub(super) fn rate_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|p| self.at(p)) else { return false };
        p.kind == AtomKind::Num
            || p.is_mark('%')
            || self.ctx(i - 1, Ctx::Rate)
            // "four flights a week": a counted plural noun.
            || (p.is_lower_word()
                && p.text.ends_with('s')
                && p.lex.is_empty()
                && i >= 2
                && self.at(i - 2).is_some_and(|n| n.kind == AtomKind::Num || self.has(i - 2, |l| matches!(l, Lex::Number(_) | Lex::Tens(_)))))
    }

    /// "a.m.", "p.m.", "am", "pm" at `i`: (is p.m., index after).
    pub(super) fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
        let a = self.at(i)?;
        if a.kind != AtomKind::Word {
            return None;
        }
        let pm = if a.is("pm") || a.is("p") {
            true
        } else if a.is("am") || a.is("a") {
            false
        } else {
            return None;
        };
        if a.text.len() == 2 {
            let end =
                if self.tight_mark(i + 1, '.') && !self.at(i + 2).is_some_and(|n| n.upper) { i + 2 } else { i + 1 };
            // "am" is also a verb: only right after the number.
            return (!a.space_before || a.upper || pm).then_some((pm, end));
        }
        // "a.m." / "p.m." / "a.m" / "p.m"
        if self.tight_mark(i + 1, '.') && self.at(i + 2).is_some_and(|m| m.is("m") && !m.space_before) {
            let end = if self.tight_mark(i + 3, '.') { i + 4 } else { i + 3 };
            return Some((pm, end));
        }
        None
    }

    pub(super) fn holiday_at(&self, i: usize) -> Option<(Holiday, usize)> {
        let first = self.at(i)?;
        if !(first.upper || first.is("the")) || !self.has(i, |l| l == Lex::HolidayStart) {
            return None;
        }
        'phrases: for (words, h) in &self.lexicon.holidays {
            for (k, w) in words.iter().enumerate() {
                let Some(a) = self.at(i + k) else { continue 'phrases };
                let same = a.is(w) || (a.text == "’" && &**w == "'");
                if !same {
                    continue 'phrases;
                }
                if a.kind == AtomKind::Word && !a.upper && k > 0 && !matches!(&**w, "s" | "of" | "the" | "jr") {
                    continue 'phrases;
                }
            }
            return Some((*h, i + words.len()));
        }
        None
    }
}
