//! Recognition: finds time expressions in a run of atoms and says what each means.
//!
//! A hand-written grammar in the TIMEX3 / TempEval-3 conventions: the span keeps determiners
//! ("the third quarter") and modifiers ("about", "early", "more than") but not the preposition
//! before it. Every rule starts from a lexicon hit or a digit, so most atoms cost one check.
//!
//! This module drives the matching (where to try, modifiers around a core expression);
//! `pieces` reads the small units (a month, an amount, a year) and `rules` the expressions.

mod pieces;
mod rules;

use crate::article::TimexMod;

use super::atoms::{Atom, AtomKind};
use super::expr::{Expr, Unit, YearRef};
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
            Some(f) if f.end > f.start => {
                i = f.end;
                let second = g.coordinated_day(&f);
                out.push(f);
                if let Some(s) = second {
                    i = s.end;
                    out.push(s);
                }
            }
            _ => i += 1,
        }
    }
}

/// The atoms of one paragraph and the lexicon, with the methods that read them.
struct Grammar<'g, 't> {
    a: &'g [Atom<'t>],
    lexicon: &'g Lexicon,
}

type M = Option<(usize, Expr)>;

impl<'g, 't> Grammar<'g, 't> {
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

    /// A capitalised word at `i` that is no calendar word, inside a sentence: a name's ("Smith").
    fn name_at(&self, i: usize) -> bool {
        self.at(i).is_some_and(|n| n.kind == AtomKind::Word && n.upper && n.lex.is_empty()) && !self.sentence_start(i)
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
        // "April 24 and 25, 1999": the year after the pair belongs to the second day too.
        let (year, end) = match (year, self.trailing_year(end)) {
            (YearRef::Implicit, Some((y, e))) => (YearRef::Abs(y), e),
            _ => (year, end),
        };
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
            let core = if unit_word { self.the_unit(j) } else { self.core(j).or_else(|| self.bare_daypart(j)) };
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
        for (l, _) in self.lex(i) {
            match l {
                Lex::Comparative(m) if than(i + 1) => return Some((m, i + 2)),
                // "over an hour" is more than one; "over three days" reads as a preposition.
                Lex::AmountMod(m) if a.is("over") => {
                    let one = (self.word(i + 1, "a") || self.word(i + 1, "an")) && self.unit(i + 2).is_some();
                    return one.then_some((m, i + 1));
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

    /// A part of day after "mid", "early" or "late": "mid-afternoon" (today's), "late morning
    /// Friday", "mid-afternoon yesterday". Alone, "afternoon" is too vague to mark.
    fn bare_daypart(&self, i: usize) -> M {
        let p = self.daypart(i)?;
        if self.at(i).is_some_and(|a| a.text.ends_with('s')) {
            return None;
        }
        let day =
            self.p_dayword(i + 1).filter(|(_, e)| matches!(e, Expr::Relative { .. })).or_else(|| self.p_weekday(i + 1));
        Some(match day {
            Some((end, d)) => (end, Expr::DayPart(d.boxed(), p)),
            None => (i + 1, Expr::DayPart(Expr::Relative { unit: Unit::Day, n: 0 }.boxed(), p)),
        })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::timex::atoms::atomize;

    /// The texts of the expressions found in `text`.
    fn spans(text: &str) -> Vec<String> {
        let lex = Lexicon::new();
        let mut atoms = Vec::new();
        atomize(text, Span::new(0, text.len()), &lex, &mut atoms);
        let mut found = Vec::new();
        recognize(&atoms, &lex, &mut found);
        found.iter().map(|f| text[atoms[f.start].span.start()..atoms[f.end - 1].span.end()].to_string()).collect()
    }

    #[test]
    fn extents_follow_timex3() {
        assert_eq!(
            spans("It fell on Friday and rose over the previous 24 hours."),
            ["Friday", "the previous 24 hours"]
        );
        assert_eq!(spans("a third-quarter loss in the third quarter"), ["third-quarter", "the third quarter"]);
        assert_eq!(spans("about two years ago, in early 1991"), ["about two years ago", "early 1991"]);
        assert_eq!(spans("a three-year period and the two day rally"), ["a three-year period", "two day"]);
        assert_eq!(spans("on April 24 and 25, 1999"), ["April 24", "25, 1999"]);
        assert_eq!(
            spans("in the first week of April and the last week of May 1990"),
            ["the first week of April", "the last week of May 1990"]
        );
    }

    #[test]
    fn not_time() {
        assert_eq!(spans("May I ask? Saturday Night Live mocked the march."), Vec::<String>::new());
        assert_eq!(
            spans("Prices may rise; 24 people, 2000 soldiers, $1990; a 45-year-old, 52 years old"),
            Vec::<String>::new()
        );
        assert_eq!(spans("four flights a week and a quarter of the market"), Vec::<String>::new());
        assert_eq!(
            spans("Police said that 2000 people and the 1500 soldiers left; 2000 people stayed."),
            Vec::<String>::new()
        );
        assert_eq!(spans("the 1989 results, that 1988 profits and in 2000 people"), ["1989", "1988", "2000"]);
    }
}
