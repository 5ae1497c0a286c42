//! Recognition: finds time expressions in a run of atoms and says what each means.
//!
//! A hand-written grammar in the TIMEX3 / TempEval-3 conventions: the span keeps determiners
//! ("the third quarter") and modifiers ("about", "early", "more than") but not the preposition
//! before it. Every rule starts from a lexicon hit or a digit, so most atoms cost one check.

use crate::article::TimexMod;

use super::atoms::{Atom, AtomKind};
use super::expr::{Amount, DayPart, Expr, Holiday, Unit, YearPart, YearRef};
use super::lexicon::{Ctx, Form, Lex, Lexicon};

/// One recognised expression: atoms `start..end`, its meaning and modifier.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    /// First atom.
    pub start: usize,
    /// One past the last atom.
    pub end: usize,
    /// What it means.
    pub expr: Expr,
    /// The TIMEX3 modifier.
    pub modifier: Option<TimexMod>,
}

/// Finds every time expression in `atoms`, left to right, longest first.
pub fn recognize(atoms: &[Atom<'_>], lexicon: &Lexicon, out: &mut Vec<Found>) {
    let g = Grammar { a: atoms, lexicon };
    let mut i = 0;
    while i < atoms.len() {
        if !g.may_start(i) {
            i += 1;
            continue;
        }
        match g.match_at(i) {
            Some(f) => {
                i = f.end.max(i + 1);
                let second = g.coordinated_day(&f);
                out.push(f);
                if let Some(s) = second {
                    i = s.end;
                    out.push(s);
                }
            }
            None => i += 1,
        }
    }
}

struct Grammar<'g, 't> {
    a: &'g [Atom<'t>],
    lexicon: &'g Lexicon,
}

type M = Option<(usize, Expr)>;

impl<'g, 't> Grammar<'g, 't> {
    // ---- atom access -------------------------------------------------------------------

    #[inline]
    fn at(&self, i: usize) -> Option<&Atom<'t>> {
        self.a.get(i)
    }

    #[inline]
    fn word(&self, i: usize, w: &str) -> bool {
        self.at(i).is_some_and(|a| a.kind == AtomKind::Word && a.is(w))
    }

    #[inline]
    fn mark(&self, i: usize, c: char) -> bool {
        self.at(i).is_some_and(|a| a.is_mark(c))
    }

    /// A mark directly attached to the atom before it (no space), like the period of "Feb.".
    #[inline]
    fn tight_mark(&self, i: usize, c: char) -> bool {
        self.at(i).is_some_and(|a| a.is_mark(c) && !a.space_before)
    }

    /// True when atom `i` is joined to the one before by a hyphen ("third-quarter"): returns the
    /// index after the hyphen.
    fn hyphen(&self, i: usize) -> Option<usize> {
        let h = self.at(i)?;
        let next = self.at(i + 1)?;
        ((h.is_mark('-') || h.is_mark('‐')) && !h.space_before && !next.space_before).then_some(i + 1)
    }

    fn lex(&self, i: usize) -> impl Iterator<Item = (Lex, Form)> + '_ {
        self.at(i).into_iter().flat_map(|a| a.lex.iter().map(|e| (e.lex, e.form)))
    }

    /// The first meaning of atom `i` that `f` accepts.
    fn find<T>(&self, i: usize, f: impl Fn(Lex) -> Option<T>) -> Option<T> {
        self.lex(i).find_map(|(l, _)| f(l))
    }

    /// True when atom `i` is in the context word list `c`.
    fn ctx(&self, i: usize, c: Ctx) -> bool {
        self.has(i, |l| l == Lex::Context(c))
    }

    fn has(&self, i: usize, pred: impl Fn(Lex) -> bool) -> bool {
        self.lex(i).any(|(l, _)| pred(l))
    }

    fn sentence_start(&self, i: usize) -> bool {
        match i.checked_sub(1).and_then(|p| self.at(p)) {
            None => true,
            Some(p) => {
                p.kind == AtomKind::Mark && matches!(p.text, "." | "!" | "?" | "\"" | "“" | "‘" | "(" | "—" | ":")
            }
        }
    }

    /// True when the atom before `i` is a capitalised word inside a sentence, as in a name
    /// ("Black Friday", "USA Today").
    fn after_name(&self, i: usize) -> bool {
        i > 0
            && !self.sentence_start(i)
            && !self.sentence_start(i - 1)
            && self
                .at(i - 1)
                .is_some_and(|p| p.kind == AtomKind::Word && p.upper && p.lex.is_empty() && p.text.len() > 1)
    }

    /// True when a capitalised word at `i` reads as part of a name rather than a time word.
    fn in_name(&self, i: usize) -> bool {
        let prev_name = self.after_name(i);
        let next_name = self.at(i + 1).is_some_and(|n| n.kind == AtomKind::Word && n.upper && !n.space_before);
        prev_name || next_name
    }

    /// "April 24 and 25": the second day of a coordinated pair, as its own expression.
    fn coordinated_day(&self, f: &Found) -> Option<Found> {
        let Expr::Calendar { year, month: Some(m), day: Some(_) } = f.expr else { return None };
        let joiner = self.at(f.end)?;
        if !(joiner.is("and") || joiner.is("or") || joiner.is("to") || joiner.is("through") || joiner.is_mark('-')) {
            return None;
        }
        let k = f.end + 1;
        let a = self.at(k)?;
        let (d, end) = self.day_of_month(k).filter(|_| a.kind == AtomKind::Num)?;
        // "May 5 and 6 percent", "June 3 and 2024": not a day.
        if self.at(end).is_some_and(|n| n.kind == AtomKind::Num || n.is_mark('%') || self.unit(end).is_some()) {
            return None;
        }
        Some(Found { start: k, end, expr: Expr::Calendar { year, month: Some(m), day: Some(d) }, modifier: None })
    }

    /// Cheap test: can an expression start at atom `i`?
    fn may_start(&self, i: usize) -> bool {
        let a = &self.a[i];
        match a.kind {
            AtomKind::Num => true,
            AtomKind::Word => {
                let mut trigger = false;
                let mut weak = true;
                for e in a.lex.iter().filter(|e| e.lex.is_trigger()) {
                    trigger = true;
                    weak &= matches!(e.lex, Lex::Start | Lex::Number(1) | Lex::Cue);
                }
                // "the", "a", "at": only worth trying with a time word or a number close behind.
                if trigger && weak {
                    return self.a[i + 1..].iter().take(4).any(|n| {
                        n.kind == AtomKind::Num || n.lex.iter().any(|e| e.lex.is_trigger() && e.lex != Lex::Start)
                    });
                }
                trigger || (a.upper && ends_plural_weekday(a.text))
            }
            AtomKind::Mark => a.text == "'" || a.text == "’",
        }
    }

    // ---- top level ----------------------------------------------------------------------

    fn match_at(&self, i: usize) -> Option<Found> {
        let mut best: Option<Found> = None;
        let mut consider = |f: Found| {
            if best.as_ref().is_none_or(|b| f.end > b.end) {
                best = Some(f);
            }
        };
        if let Some((m, j)) = self.amount_mod(i) {
            if let Some((end, e)) = self.core(j) {
                if takes_amount_mod(&e) && self.amount_starts(j) {
                    consider(Found { start: i, end, expr: e, modifier: Some(m) });
                }
            }
        }
        let the_then_mod = self.word(i, "the") && self.has(i + 1, |l| matches!(l, Lex::PeriodMod(_)));
        let mod_at = match self.period_mod(i) {
            None if the_then_mod => i + 1,
            _ => i,
        };
        if let Some((m, j, unit_word)) = self.period_mod(mod_at) {
            let core = if unit_word { self.the_unit(j) } else { self.core(j) };
            if let Some((end, e)) = core {
                // "earlier this week", "Later Thursday": TimeBank leaves "earlier" and "later"
                // outside days and weeks, and inside months and years.
                let comparative = self.word(mod_at, "earlier") || self.word(mod_at, "later");
                if takes_period_mod(&e) && !(comparative && is_short(&e)) {
                    consider(Found { start: i, end, expr: e, modifier: Some(m) });
                }
            }
        }
        if let Some((end, e)) = self.core(i) {
            consider(Found { start: i, end, expr: e, modifier: None });
        }
        let mut f = best?;
        if let Some((end, m)) = self.suffix_mod(f.end, &f.expr) {
            f.end = end;
            f.modifier = f.modifier.or(Some(m));
        }
        Some(f)
    }

    /// The longest core expression at `i`.
    fn core(&self, i: usize) -> M {
        let mut best: M = None;
        let candidates = [
            self.p_date(i),
            self.p_weekday(i),
            self.p_dayword(i),
            self.p_relative(i),
            self.p_amount(i),
            self.p_part(i),
            self.p_season(i),
            self.p_decade(i),
            self.p_time(i),
            self.p_ref(i),
            self.p_set(i),
            self.p_holiday(i),
            self.p_vague_future(i),
        ];
        for c in candidates.into_iter().flatten() {
            if best.as_ref().is_none_or(|b| c.0 > b.0) {
                best = Some(c);
            }
        }
        best
    }

    // ---- modifiers ----------------------------------------------------------------------

    /// "about", "more than", "at least", "up to", "no more than", "nearly".
    fn amount_mod(&self, i: usize) -> Option<(TimexMod, usize)> {
        let a = self.at(i)?;
        if a.kind != AtomKind::Word {
            return None;
        }
        let than = |j: usize| self.word(j, "than");
        if (a.is("no") || a.is("not")) && than(i + 2) {
            if self.word(i + 1, "more") {
                return Some((TimexMod::EqualOrLess, i + 3));
            }
            if self.word(i + 1, "less") || self.word(i + 1, "fewer") {
                return Some((TimexMod::EqualOrMore, i + 3));
            }
        }
        if a.is("at") && self.word(i + 1, "least") {
            return Some((TimexMod::EqualOrMore, i + 2));
        }
        if a.is("at") && self.word(i + 1, "most") {
            return Some((TimexMod::EqualOrLess, i + 2));
        }
        if a.is("up") && self.word(i + 1, "to") {
            return Some((TimexMod::EqualOrLess, i + 2));
        }
        if (a.is("just") || a.is("well") || a.is("only"))
            && self.has(i + 1, |l| matches!(l, Lex::AmountMod(_) | Lex::Comparative(_)))
        {
            return self.amount_mod(i + 1);
        }
        for (l, _) in self.lex(i) {
            match l {
                Lex::Comparative(m) if than(i + 1) => return Some((m, i + 2)),
                // "over an hour" is more than one; "over three days" reads as a preposition.
                Lex::AmountMod(m) if a.is("over") => {
                    return (self.word(i + 1, "a") || self.word(i + 1, "an")).then_some((m, i + 1))
                }
                Lex::AmountMod(m) => return Some((m, i + 1)),
                _ => {}
            }
        }
        None
    }

    /// True when the expression at `i` starts with an amount (so "about" reads as a modifier).
    fn amount_starts(&self, i: usize) -> bool {
        let Some(a) = self.at(i) else { return false };
        a.kind == AtomKind::Num
            || self.has(i, |l| matches!(l, Lex::Number(_) | Lex::Tens(_) | Lex::Few | Lex::Half))
            || (self.has(i, |l| matches!(l, Lex::Month(_) | Lex::Weekday(_) | Lex::DayWord(..)))
                && !a.is("a")
                && !a.is("an"))
            || self.has(i, |l| matches!(l, Lex::ClockWord(_)))
    }

    /// "early", "late", "mid-", "the end of", "the beginning of", "earlier this", "later in the".
    /// Returns the modifier, where the core starts, and whether a bare "the year" may follow.
    fn period_mod(&self, i: usize) -> Option<(TimexMod, usize, bool)> {
        let a = self.at(i)?;
        if a.is("the") || a.is("its") {
            let m = match self.at(i + 1) {
                Some(n) if n.is("end") || n.is("close") => TimexMod::End,
                Some(n) if n.is("beginning") || n.is("start") => TimexMod::Start,
                Some(n) if n.is("middle") => TimexMod::Mid,
                _ => return None,
            };
            return self.word(i + 2, "of").then_some((m, i + 3, true));
        }
        for (l, _) in self.lex(i) {
            if let Lex::PeriodMod(m) = l {
                let mut j = i + 1;
                if let Some(k) = self.hyphen(j) {
                    j = k;
                }
                // "earlier in the year", "later in the month".
                if (a.is("earlier") || a.is("later")) && self.word(j, "in") {
                    return Some((m, j + 1, true));
                }
                return Some((m, j, false));
            }
        }
        None
    }

    /// "the year", "the month", "the week", "the day" after "the end of" and the like, and the
    /// modifiable expressions after them ("the end of 1990", "the end of this week").
    fn the_unit(&self, i: usize) -> M {
        if self.word(i, "the") {
            if let Some((u, false, j)) = self.unit(i + 1) {
                if matches!(
                    u,
                    Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Quarter | Unit::Decade | Unit::Century
                ) {
                    return Some((j, Expr::Relative { unit: u, n: 0 }));
                }
            }
        }
        self.core(i)
    }

    /// "or so", "or later", "and beyond", "or more" after an expression.
    fn suffix_mod(&self, i: usize, e: &Expr) -> Option<(usize, TimexMod)> {
        let a = self.at(i)?;
        if a.is("or") && self.word(i + 1, "so") {
            return Some((i + 2, TimexMod::Approx));
        }
        if !matches!(e, Expr::Calendar { .. } | Expr::Duration(..)) {
            return None;
        }
        if (a.is("or") && self.word(i + 1, "later")) || (a.is("and") && self.word(i + 1, "beyond")) {
            return Some((i + 2, TimexMod::OnOrAfter));
        }
        if a.is("or") && self.word(i + 1, "earlier") {
            return Some((i + 2, TimexMod::OnOrBefore));
        }
        if matches!(e, Expr::Duration(..)) && a.is("or") && self.word(i + 1, "more") {
            return Some((i + 2, TimexMod::EqualOrMore));
        }
        None
    }

    // ---- lexical pieces -----------------------------------------------------------------

    /// A month name at `i` (capitalised; abbreviations with their period). Returns the month,
    /// the index after it, and whether the name is ambiguous on its own.
    fn month(&self, i: usize) -> Option<(u32, usize, bool)> {
        let a = self.at(i)?;
        if a.kind != AtomKind::Word || !a.upper {
            return None;
        }
        for (l, form) in self.lex(i) {
            if let Lex::Month(m) = l {
                let dot = self.tight_mark(i + 1, '.');
                return match form {
                    Form::Abbrev if dot => Some((m, i + 2, false)),
                    Form::Abbrev => None,
                    Form::Plain if a.text.len() <= 4 && !is_full_month_name(a.text) => {
                        Some((m, i + 1 + dot as usize, !dot))
                    }
                    Form::Plain => Some((m, i + 1, false)),
                    Form::Ambiguous => Some((m, i + 1, true)),
                };
            }
        }
        None
    }

    /// A weekday name at `i` (capitalised; abbreviations with their period).
    fn weekday(&self, i: usize) -> Option<(u32, usize)> {
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
    fn unit(&self, i: usize) -> Option<(Unit, bool, usize)> {
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
    fn year_num(&self, i: usize) -> Option<(i32, usize)> {
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
    fn spelled_year(&self, i: usize) -> Option<(i32, usize)> {
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
    fn small_number(&self, i: usize) -> Option<(u32, usize)> {
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
    fn amount(&self, i: usize) -> Option<(Amount, usize, Option<TimexMod>)> {
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
        Some((amt, j, m))
    }

    /// An ordinal at `i`: "third", "21st". Returns the number and the index after.
    fn ordinal(&self, i: usize) -> Option<(i32, usize)> {
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
    fn day_of_month(&self, i: usize) -> Option<(u32, usize)> {
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
    fn trailing_year(&self, i: usize) -> Option<(i32, usize)> {
        let j = if self.mark(i, ',') { i + 1 } else { i };
        self.year_num(j).or_else(|| self.spelled_year(j))
    }

    // ---- rules --------------------------------------------------------------------------

    /// Calendar dates: "Feb. 26", "March 3, 2023", "26 February 2023", "February 1947",
    /// "Friday, Oct. 23", "2020", "2023-02-26", "2/26/2023", bare months.
    fn p_date(&self, i: usize) -> M {
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
        let (m, j, ambiguous) = self.month(i)?;
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
        // "July last year", "January this year"
        if let Some((end, Expr::Relative { unit: Unit::Year, n })) = self.p_relative(j) {
            if end == j + 2 && !self.word(j, "the") {
                return Some((end, Expr::Calendar { year: YearRef::Rel(n as i32), month: Some(m), day: None }));
            }
        }
        if self.in_name(i) {
            return None;
        }
        if ambiguous && !self.month_context(i) {
            return None;
        }
        Some((j, Expr::Calendar { year: YearRef::Implicit, month: Some(m), day: None }))
    }

    /// Context that makes an ambiguous month word a month.
    fn month_context(&self, i: usize) -> bool {
        i > 0 && (self.ctx(i - 1, Ctx::BeforeMonth) || self.tight_mark(i - 1, '-'))
    }

    /// Context that makes a number at `i` (followed by atom `j`) a year rather than a quantity
    /// ("$1990", "2000 people") or part of a name ("Orion 1980").
    fn year_context(&self, i: usize, j: usize) -> bool {
        let prev = i.checked_sub(1).and_then(|p| self.at(p));
        if prev.is_some_and(|p| p.is_mark('$') || p.is_mark('#') || p.is_mark('€') || p.is_mark('£') || p.is("no")) {
            return false;
        }
        let strong = i > 0 && (self.ctx(i - 1, Ctx::BeforeYear) || self.month(i - 1).is_some());
        if strong {
            return true;
        }
        if prev.is_some_and(|p| p.kind == AtomKind::Word && p.upper && p.lex.is_empty()) && !self.sentence_start(i - 1)
        {
            return false;
        }
        match self.at(j) {
            // "2000 people": a count before a plural noun.
            Some(n) if n.is_lower_word() && !self.ctx(j, Ctx::AfterYear) && n.lex.is_empty() => {
                let y = self.at(i).and_then(Atom::number).unwrap_or(0);
                (1900..2100).contains(&y) && !n.text.ends_with('s')
            }
            Some(n) if n.kind == AtomKind::Num && !n.space_before => false,
            _ => true,
        }
    }

    /// Dates that start with digits: years, decades, ISO and slashed dates, "26 February".
    fn numeric_date(&self, i: usize) -> M {
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
    fn p_weekday(&self, i: usize) -> M {
        let (d, j) = self.weekday(i)?;
        let e = Expr::Weekday { day: d, shift: None };
        if let Some(part) = self.daypart(j) {
            let next = self.at(j);
            // "Saturday Night Live": a capitalised part of day followed by another capitalised word.
            if next.is_some_and(|n| n.upper) && self.at(j + 1).is_some_and(|n| n.kind == AtomKind::Word && n.upper) {
                return None;
            }
            return Some((j + 1, Expr::DayPart(e.boxed(), part)));
        }
        Some((j, e))
    }

    fn daypart(&self, i: usize) -> Option<DayPart> {
        self.find(i, |l| match l {
            Lex::DayPart(p) => Some(p),
            _ => None,
        })
    }

    /// "today", "yesterday", "tomorrow", "tonight", with a part of day ("yesterday morning").
    fn p_dayword(&self, i: usize) -> M {
        let a = self.at(i)?;
        let (n, night) = self.find(i, |l| match l {
            Lex::DayWord(n, night) => Some((n, night)),
            _ => None,
        })?;
        if a.upper && self.in_name(i) {
            return None;
        }
        // "in today's world", "the people of tomorrow": the present or future in general.
        let generic_before = i > 0 && (self.word(i - 1, "of") || self.word(i - 1, "in") || self.word(i - 1, "for"));
        let possessive = self.at(i + 1).is_some_and(|q| q.is_mark('\'') || q.is_mark('’')) && self.word(i + 2, "s");
        if generic_before && (possessive || n != 0) {
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
    fn p_relative(&self, i: usize) -> M {
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
            return Some((k, Expr::Relative { unit: u, n: n as i64 }));
        }
        if let Some((d, k)) = self.weekday(j) {
            let e = Expr::Weekday { day: d, shift: Some(n) };
            if let Some(p) = self.daypart(k) {
                return Some((k + 1, Expr::DayPart(e.boxed(), p)));
            }
            return Some((k, e));
        }
        if let Some((m, k, _)) = self.month(j) {
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

    /// "and months" after a plural unit: the end of the coordination, if any.
    fn more_plural_units(&self, i: usize) -> Option<usize> {
        if !(self.word(i, "and") || self.word(i, "or")) {
            return None;
        }
        matches!(self.unit(i + 1), Some((_, true, _))).then_some(i + 2)
    }

    /// "the weeks and months to come", "the years ahead".
    fn p_vague_future(&self, i: usize) -> M {
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
    fn p_amount(&self, i: usize) -> M {
        let mut j = i;
        let the = self.word(i, "the");
        if the {
            j += 1;
            // "the first nine months"
            if self.word(j, "first") || self.word(j, "latest") {
                j += 1;
            }
        }
        if !the && i > 0 && self.word(i - 1, "for") {
            if let Some((u, true, end)) = self.unit(i) {
                if !u.is_clock() || u == Unit::Hour {
                    return Some((end, Expr::Duration(Amount::Some, u)));
                }
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
        // "a year ago", "three days earlier", "two weeks from now"
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

    /// True when the atom before `i` makes "a year" at `i` a rate: "$5 million a year",
    /// "twice a day", "four flights a week".
    fn rate_before(&self, i: usize) -> bool {
        let Some(p) = i.checked_sub(1).and_then(|p| self.at(p)) else { return false };
        p.kind == AtomKind::Num
            || p.is_mark('%')
            || self.ctx(i - 1, Ctx::Rate)
            || (p.is_lower_word() && p.text.len() > 3 && p.text.ends_with('s') && p.lex.is_empty())
    }

    /// Quarters and halves: "the third quarter", "third-quarter", "the first half of 1990",
    /// "the fiscal first quarter", "the year-earlier quarter", "the latest period", "year-end".
    fn p_part(&self, i: usize) -> M {
        let mut j = i;
        let mut year = YearRef::Implicit;
        let mut det = false;
        let mut years_back = 0;
        let mut latest = false;
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
                        let q = super::calendar::quarter_of(m);
                        return Some((end, Expr::Part { part: YearPart::Quarter(q), year }));
                    }
                }
                if let YearRef::Abs(y) = year {
                    return Some((end, Expr::QuarterOf(y)));
                }
                return Some((end, Expr::Anaphoric { unit: Unit::Quarter, n: 0, years: years_back }));
            }
        }
        if years_back != 0 && start_core == i + 3 {
            // "year-earlier" as an adjective: the same period a year before.
            return Some((start_core, Expr::Anaphoric { unit: Unit::Quarter, n: 0, years: years_back }));
        }
        None
    }

    /// Seasons: "the summer", "last fall" (in [`Grammar::p_relative`]), "the winter of 1994", "summer 2003".
    fn p_season(&self, i: usize) -> M {
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
    fn p_decade(&self, i: usize) -> M {
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

    /// Clock times: "10 p.m.", "10:35 a.m. EDT", "noon Thursday", "5 p.m. EST, Nov. 6", "4 in the morning".
    fn p_time(&self, i: usize) -> M {
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
        let k = if self.mark(end, ',') { end + 1 } else { end };
        let date = self
            .p_date(k)
            .filter(|(_, e)| matches!(e, Expr::Calendar { day: Some(_), .. }))
            .or_else(|| self.p_weekday(k))
            .or_else(|| self.p_dayword(k).filter(|(_, e)| matches!(e, Expr::Relative { .. })));
        let (date, end) = match date {
            Some((e2, d)) => (Some(d.boxed()), e2),
            None => (None, end),
        };
        Some((end, Expr::Clock { date, hour, minute }))
    }

    /// "a.m.", "p.m.", "am", "pm" at `i`: (is p.m., index after).
    fn meridiem(&self, i: usize) -> Option<(bool, usize)> {
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

    /// Words that are references on their own: "now", "recently", "the past", "the future",
    /// "these days", "right now", "the near future", "Earlier,".
    fn p_ref(&self, i: usize) -> M {
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
    fn p_set(&self, i: usize) -> M {
        let a = self.at(i)?;
        if let Some(v) = self.find(i, |l| match l {
            Lex::SetAdverb(v) => Some(v),
            _ => None,
        }) {
            let before_noun = self.at(i + 1).is_some_and(|n| {
                n.kind == AtomKind::Word
                    && (n.upper || (!n.lex.iter().any(|e| e.lex.is_trigger()) && !self.ctx(i + 1, Ctx::AfterYear)))
            });
            if (a.upper && self.in_name(i)) || before_noun {
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
                    return Some((k, Expr::Set(super::expr::duration_value(Amount::whole(1), u))));
                }
            }
            if a.is("per") {
                return None;
            }
            if let Some((amt, k, _)) = self.amount(j) {
                if let Some((u, true, end)) = self.unit(k) {
                    return Some((end, Expr::Set(super::expr::duration_value(amt, u))));
                }
            }
            if let Some((d, k)) = self.weekday(j) {
                return Some((k, Expr::Set(format!("XXXX-WXX-{d}"))));
            }
            if let Some((m, k, _)) = self.month(j) {
                return Some((k, Expr::Set(format!("XXXX-{m:02}"))));
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
                return Some((k, Expr::Set(super::expr::duration_value(Amount::whole(1), u))));
            }
        }
        None
    }

    /// Holiday names: "Christmas", "Thanksgiving Day", "New Year's Eve", with a year after.
    fn p_holiday(&self, i: usize) -> M {
        let (h, j) = self.holiday_at(i)?;
        if let Some((y, e)) = self.trailing_year(j) {
            return Some((e, Expr::Holiday { holiday: h, year: YearRef::Abs(y) }));
        }
        Some((j, Expr::Holiday { holiday: h, year: YearRef::Implicit }))
    }

    fn holiday_at(&self, i: usize) -> Option<(Holiday, usize)> {
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

/// Month names of four letters or fewer, which are not abbreviations.
fn is_full_month_name(w: &str) -> bool {
    ["may", "june", "july"].iter().any(|m| w.eq_ignore_ascii_case(m))
}

/// "Tuesdays": a plural weekday.
fn ends_plural_weekday(w: &str) -> bool {
    w.len() > 6 && w.ends_with("days") && w.is_ascii()
}

/// Expressions that "about", "more than" and the like may modify.
fn takes_amount_mod(e: &Expr) -> bool {
    matches!(e, Expr::Duration(..) | Expr::Relative { .. } | Expr::Clock { .. } | Expr::Calendar { .. })
}

/// Expressions of a week or less.
fn is_short(e: &Expr) -> bool {
    match e {
        Expr::Weekday { .. } | Expr::DayPart(..) | Expr::Clock { .. } | Expr::Weekend(_) => true,
        Expr::Relative { unit, .. } | Expr::Anaphoric { unit, .. } => *unit <= Unit::Week,
        Expr::Calendar { day, .. } => day.is_some(),
        _ => false,
    }
}

/// Expressions that "early", "late", "the end of" and the like may modify.
fn takes_period_mod(e: &Expr) -> bool {
    matches!(
        e,
        Expr::Calendar { .. }
            | Expr::Relative { .. }
            | Expr::MonthShift { .. }
            | Expr::Part { .. }
            | Expr::Decade(_)
            | Expr::Century(_)
            | Expr::Weekday { .. }
            | Expr::DayPart(..)
            | Expr::Anaphoric { .. }
    )
}
