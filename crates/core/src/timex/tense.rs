//! Which way a bare "Tuesday" or "March" points: the tense of the clause around it.
//!
//! No part-of-speech tagger: the nearest tense cue wins. Strong cues are modals and past forms
//! ("will", "said", "announced"); a weak cue is an infinitive ("to take place ... on Tuesday").
//! The clause (between commas, semicolons, dashes, brackets and quotes) is searched first, then
//! the sentence.

use std::ops::Range;

use super::atoms::{possessive_at, Atom, AtomKind};
use super::expr::Direction;
use super::lexicon::{Ctx, Lex};

/// How far from the expression a cue may be, in atoms.
const REACH: usize = 40;

/// How far before the expression a "since" still governs it, in atoms.
const SINCE_REACH: usize = 4;

/// The direction of the clause around `timex` within `sentence` (both atom ranges).
pub fn direction(atoms: &[Atom<'_>], sentence: Range<usize>, timex: Range<usize>) -> Direction {
    let sentence = sentence.start.min(timex.start)..sentence.end.max(timex.end).min(atoms.len());
    let lo = timex.start.saturating_sub(REACH).max(sentence.start);
    let hi = (timex.end + REACH).min(sentence.end);
    // "said in a statement on Sunday that the truce would end": what follows "that" is what
    // was said, not when it was said.
    let hi = if atoms.get(timex.end).is_some_and(|a| a.is("that")) { timex.end } else { hi };
    // "until Tuesday", "as soon as Tuesday", "as early as next week": a deadline ahead.
    let before = |n: usize| timex.start.checked_sub(n).filter(|&k| k >= sentence.start).map(|k| &atoms[k]);
    // The word before the expression, over a "the" ("since the Oct. 23 slaying").
    let prep = match before(1) {
        Some(a) if a.is("the") => before(2),
        a => a,
    };
    let prep_is = |c: Ctx| prep.is_some_and(|a| a.lex.iter().any(|e| e.lex == Lex::Context(c)));
    // "since Friday", "since shortly after the Oct. 23 shooting": a "since" a few words before,
    // within the clause.
    let since = (1..=SINCE_REACH)
        .map_while(|n| before(n).filter(|a| !is_boundary(a)))
        .any(|a| a.lex.iter().any(|e| e.lex == Lex::Context(Ctx::Since)));
    if since {
        return Direction::Past;
    }
    // "The deadline is Monday", "the vote is on Sunday": a present copula names a date to come.
    let copula = |a: &Atom<'_>| a.is("is") || a.is("are");
    if before(1).is_some_and(copula)
        || (prep.is_some_and(|a| a.is("on") || a.is("in")) && before(2).is_some_and(copula))
    {
        return Direction::Future;
    }
    // "the fiscal year ended Jan. 31": the period is over, so its last day is behind, however far.
    if before(1).is_some_and(|a| a.lex.iter().any(|e| e.lex == Lex::Context(Ctx::PeriodEnded))) {
        return Direction::Over;
    }
    // "postponed until Tuesday", "supposed to conclude by May": a past verb sets a deadline ahead.
    let until = prep_is(Ctx::Until);
    let as_soon_as = before(1).is_some_and(|a| a.is("as"))
        && before(2).is_some_and(|a| a.is("soon") || a.is("early"))
        && before(3).is_some_and(|a| a.is("as"));
    if as_soon_as {
        return Direction::Future;
    }
    // "Tuesday's ruling": a day named as the date of an event; the verbs around it govern other
    // things ("would look for ways around Wednesday's ruling"). Behind, but for a deadline
    // ("ahead of Thursday's vote"); "before Friday's purchases" is as often behind as ahead.
    if possessive_at(atoms, timex.end) {
        let ahead_of = before(1).is_some_and(|a| a.is("of")) && before(2).is_some_and(|a| a.is("ahead"));
        return if until || ahead_of { Direction::WeakFuture } else { Direction::Unknown };
    }
    let clause_start = (lo..timex.start).rev().find(|&k| is_boundary(&atoms[k])).map_or(lo, |k| k + 1);
    let clause_end = (timex.end..hi).find(|&k| is_boundary(&atoms[k])).unwrap_or(hi);
    if let Some(d) = nearest(atoms, clause_start..clause_end, &timex) {
        // ... unless a pluperfect closes it off ("had filed reports by Wednesday").
        let perfect = || atoms[clause_start..timex.start].iter().any(|a| a.is("had"));
        return if until && d == Direction::Past && !perfect() { Direction::WeakFuture } else { d };
    }
    if let Some(d) = weak(atoms, clause_start..clause_end, &timex) {
        return d;
    }
    // "In January, the firm hired ...": a fronted phrase without a verb of its own takes the
    // tense of the main clause after its comma, as surely as a verb of its own; the first
    // verb is the main clause's, over more fronted phrases ("In May, a week after the vote,
    // a bomb exploded").
    if clause_start == sentence.start && atoms.get(clause_end).is_some_and(|a| a.is_mark(',')) {
        if let Some(d) = (clause_end + 1..hi).find_map(|k| main_verb_cue(atoms, k)) {
            return d;
        }
    }
    // A cue elsewhere in the sentence is only a hint; inside a quotation, the reporting verb
    // after it ("... leave at 4 a.m. Thursday,'' Castro said") says nothing of the quote's time.
    // Within the reach only, so that the scan stays linear in a sentence without end.
    let inside_quote = (lo..timex.start).filter(|&k| is_quote(atoms, k)).count() % 2 == 1;
    let hi = match (timex.end..hi).find(|&k| is_quote(atoms, k)) {
        Some(k) if inside_quote => k,
        _ => hi,
    };
    if let Some(d) = nearest(atoms, lo..hi, &timex) {
        return d.weakened();
    }
    if until {
        return Direction::WeakFuture;
    }
    Direction::Unknown
}

/// A quotation mark at atom `k`: `"`, `“`, `”`, or the first of a doubled `` ` `` or `'`.
fn is_quote(atoms: &[Atom<'_>], k: usize) -> bool {
    let a = &atoms[k];
    if a.kind != AtomKind::Mark {
        return false;
    }
    match a.text {
        "\"" | "“" | "”" => true,
        "`" | "'" => {
            let doubled = |j: usize| atoms.get(j).is_some_and(|b| b.text == a.text && !b.space_before);
            doubled(k + 1) && !(k > 0 && atoms[k - 1].text == a.text && !a.space_before)
        }
        _ => false,
    }
}

fn is_boundary(a: &Atom<'_>) -> bool {
    a.kind == AtomKind::Mark && matches!(a.text, "," | ";" | ":" | "(" | ")" | "—" | "–" | "\"" | "“" | "”" | "[" | "]")
}

/// The nearest strong cue to `timex` within `range`, looking back first at equal distance.
fn nearest(atoms: &[Atom<'_>], range: Range<usize>, timex: &Range<usize>) -> Option<Direction> {
    let back = (range.start..timex.start).rev();
    let fwd = timex.end..range.end;
    let mut back = back.map(Some).chain(std::iter::repeat(None));
    let mut fwd = fwd.map(Some).chain(std::iter::repeat(None));
    for _ in 0..range.len() {
        let (b, f) = (back.next().flatten(), fwd.next().flatten());
        if b.is_none() && f.is_none() {
            break;
        }
        if let Some(d) = b.and_then(|k| cue(atoms, k)) {
            return Some(d);
        }
        if let Some(d) = f.and_then(|k| cue(atoms, k)) {
            return Some(d);
        }
    }
    None
}

/// A strong tense cue at atom `k`.
fn cue(atoms: &[Atom<'_>], k: usize) -> Option<Direction> {
    let a = &atoms[k];
    if a.kind != AtomKind::Word {
        return None;
    }
    let next = |n: usize| atoms.get(k + n);
    let next_is = |n: usize, w: &str| next(n).is_some_and(|x| x.is(w));
    // "won't", "'ll"
    if (a.is("won") || a.is("wo")) && next(1).is_some_and(|x| x.is_mark('\'') || x.is_mark('’')) && next_is(2, "t") {
        return Some(Direction::Future);
    }
    if a.is("ll") && k > 0 && (atoms[k - 1].is_mark('\'') || atoms[k - 1].is_mark('’')) && !atoms[k - 1].space_before
    {
        return Some(Direction::Future);
    }
    let is_verb_ing = |x: &Atom<'_>| x.kind == AtomKind::Word && x.text.len() > 4 && x.text.ends_with("ing");
    let is_plan = |x: &Atom<'_>| x.lex.iter().any(|e| e.lex == Lex::Future) && !x.is("going");
    let is_be = |x: &Atom<'_>| x.is("is") || x.is("are") || x.is("was") || x.is("were") || x.is("be");
    let mut past = false;
    let determiner = |a: &Atom<'_>| a.lex.iter().any(|e| e.lex == Lex::Context(Ctx::Determiner));
    // "his visits", "the votes": a plural noun, not a schedule verb.
    let noun = a.text.ends_with('s') && k > 0 && determiner(&atoms[k - 1]);
    for e in a.lex {
        match e.lex {
            Lex::Future if noun => {}
            // "had been scheduled to expire Friday": a plan made before, for a time now past.
            Lex::Future if atoms[k.saturating_sub(2)..k].iter().any(|b| b.is("had")) => return Some(Direction::Past),
            Lex::Future if !(a.is("going") || a.is("due")) || next_is(1, "to") => return Some(Direction::Future),
            // "the results are due out Thursday"
            Lex::Future if a.is("due") && k > 0 && is_be(&atoms[k - 1]) => return Some(Direction::Future),
            // "is meeting on Tuesday", "is to resume Tuesday"
            Lex::Present
                if (a.is("is") || a.is("are") || a.is("am"))
                    && (next(1).is_some_and(is_verb_ing) || next_is(1, "to")) =>
            {
                return Some(Direction::Future)
            }
            // "were planning to drive ... on Saturday", "was scheduled for Friday": a plan
            // told in the past, for a time ahead.
            Lex::Past if (a.is("was") || a.is("were")) && next(1).is_some_and(is_plan) => {
                return Some(Direction::Future)
            }
            Lex::Past => past = true,
            Lex::NotPast => return None,
            _ => {}
        }
    }
    // A listed past form after "that" is a relative clause's verb ("the bullet that tore").
    let listed_after_that = past && k > 0 && atoms[k - 1].is("that");
    if !past {
        past = a.is_lower_word() && a.text.len() >= 5 && a.text.ends_with("ed");
    }
    if !past {
        return None;
    }
    // "will be held", "to be announced": a participle after a future marker.
    let back = &atoms[k.saturating_sub(3)..k];
    // ("visits Friday were" is no such marker: a verb in -s is no auxiliary.)
    if back.iter().any(|b| b.lex.iter().any(|e| e.lex == Lex::Future) && !b.is("going") && !b.text.ends_with('s')) {
        return Some(Direction::Future);
    }
    if back.len() >= 2 && back[back.len() - 2].is("to") && back[back.len() - 1].is("be") {
        return Some(Direction::Future);
    }
    // "the reduced dividend": a participle after a determiner is an adjective; "can be
    // exercised" is passive, not past.
    if k > 0 && determiner(&atoms[k - 1]) && !listed_after_that {
        return None;
    }
    // "is heard in May", "are expected Tuesday": a present passive is a schedule, ahead.
    if k > 0 && (atoms[k - 1].is("is") || atoms[k - 1].is("are") || atoms[k - 1].is("am")) {
        return Some(Direction::Future);
    }
    if k > 0 && atoms[k - 1].is("be") {
        return None;
    }
    // "a still unspecified date": a determiner, an adverb, a participle and its noun.
    let adverb = |a: &Atom<'_>| a.is_lower_word() && (a.text.ends_with("ly") || a.is("still") || a.is("well"));
    if k > 1
        && determiner(&atoms[k - 2])
        && adverb(&atoms[k - 1])
        && atoms.get(k + 1).is_some_and(|n| n.is_lower_word())
    {
        return None;
    }
    Some(Direction::Past)
}

/// A tense cue at atom `k` of the main clause after a fronted time: as [`cue`], but a future
/// marker in its past form dates itself there ("On Friday, the government planned to pay",
/// "On Monday, analysts expected a cut": the planning and the expecting were on that day),
/// unless a form of "be" makes it a schedule ("On Friday, the opening is planned …").
fn main_verb_cue(atoms: &[Atom<'_>], k: usize) -> Option<Direction> {
    let a = &atoms[k];
    let be = ["is", "are", "am", "be", "been", "being", "was", "were"];
    let marker = a.is_lower_word() && a.text.ends_with("ed") && a.lex.iter().any(|e| e.lex == Lex::Future);
    if marker && !(k > 0 && be.iter().any(|w| atoms[k - 1].is(w))) {
        return Some(Direction::Past);
    }
    cue(atoms, k)
}

/// A weak cue in the clause, nearest first: an infinitive ("to take place").
fn weak(atoms: &[Atom<'_>], range: Range<usize>, timex: &Range<usize>) -> Option<Direction> {
    let infinitive = |k: usize| {
        atoms[k].is("to")
            && atoms.get(k + 1).is_some_and(|v| {
                v.is_lower_word()
                    && !v.lex.iter().any(|e| e.lex.is_trigger())
                    && !v.text.ends_with("ing")
                    && !v.text.ends_with("ed")
                    && !v.lex.iter().any(|e| matches!(e.lex, Lex::Context(Ctx::NotVerb | Ctx::Determiner)))
            })
    };
    (range.start..timex.start).rev().chain(timex.end..range.end).find(|&k| infinitive(k)).map(|_| Direction::WeakFuture)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;
    use crate::timex::atoms::atomize;
    use crate::timex::lexicon::Lexicon;

    fn dir(sentence: &str, word: &str) -> Direction {
        let lex = Lexicon::new();
        let mut atoms = Vec::new();
        atomize(sentence, Span::new(0, sentence.len()), &lex, &mut atoms);
        let k = atoms.iter().position(|a| a.text == word).unwrap();
        direction(&atoms, 0..atoms.len(), k..k + 1)
    }

    #[test]
    fn cues() {
        let cases = [
            ("Koval said on Friday that he would like to meet.", "Friday", Direction::Past),
            ("China will host the president on Tuesday.", "Tuesday", Direction::Future),
            (
                "On Saturday, China announced the visit, to take place over three days starting on Tuesday.",
                "Tuesday",
                Direction::WeakFuture,
            ),
            ("In a call on Friday, his counterpart indicated support.", "Friday", Direction::Past),
            ("The results will be announced on Monday.", "Monday", Direction::Future),
            ("They won't decide until Thursday.", "Thursday", Direction::Future),
            ("Markets on Monday.", "Monday", Direction::Unknown),
            ("The board is meeting on Wednesday.", "Wednesday", Direction::Future),
            ("The vote was postponed until Tuesday.", "Tuesday", Direction::WeakFuture),
            ("Members had filed reports by Wednesday.", "Wednesday", Direction::Past),
            ("Nobody has seen him since Friday.", "Friday", Direction::Past),
            ("The offer had been scheduled to expire Friday.", "Friday", Direction::Past),
            ("The case is heard on Monday.", "Monday", Direction::Future),
            ("\"The deal, on Thursday, is done,\" he said.", "Thursday", Direction::Unknown),
            ("``The deal, on Thursday, is done,'' he said.", "Thursday", Direction::Unknown),
            ("The deal, on Thursday, was done, he said.", "Thursday", Direction::WeakPast),
            ("They would look for ways around Wednesday's ruling.", "Wednesday", Direction::Unknown),
            ("Traders are cautious ahead of Thursday's vote.", "Thursday", Direction::WeakFuture),
            ("In January, the firm hired a new chief.", "January", Direction::Past),
            ("In March, the board will pick a chief.", "March", Direction::Future),
            ("In March, analysts say, the board will pick a chief.", "March", Direction::Future),
            ("In May, a week after the vote, a bomb exploded.", "May", Direction::Past),
            ("The tour, in March, is what the band wanted.", "March", Direction::WeakPast),
            ("On Friday, the government planned to pay the staff.", "Friday", Direction::Past),
            ("The opening is planned to take place on Friday.", "Friday", Direction::Future),
            ("The team planned to leave on Friday for the coast.", "Friday", Direction::Future),
            ("On Friday, the opening is planned to take place.", "Friday", Direction::Future),
            ("A vote is planned for Friday.", "Friday", Direction::Future),
            ("The firm expects a profit in March.", "March", Direction::Future),
            ("Police have searched for him since shortly after the Oct. 23 shooting.", "Oct", Direction::Past),
            ("Since the vote, the party will meet on Tuesday.", "Tuesday", Direction::Future),
            ("The results are due out Thursday.", "Thursday", Direction::Future),
            ("The conclave begins Tuesday afternoon.", "Tuesday", Direction::Future),
            ("The envoy arrives in the capital on Wednesday.", "Wednesday", Direction::Future),
            ("His visits on Wednesday were short.", "Wednesday", Direction::Past),
            ("The rebels said in a short statement on Sunday that the truce would end.", "Sunday", Direction::Past),
            ("The rebels in the hills on Sunday will say that the truce is over.", "Sunday", Direction::Future),
            (
                "Fans called a march in the old town on Saturday and were planning a rally.",
                "Saturday",
                Direction::Future,
            ),
            ("Fans marched through the old town on Saturday and were tired.", "Saturday", Direction::Past),
            ("The storm could not stop the roof that tore off Friday.", "Friday", Direction::Past),
            ("The storm tore off that reduced roof Friday.", "Friday", Direction::Past),
            ("In the fiscal year ended Jan. 31, sales rose.", "Jan", Direction::Over),
            ("The quarter will end Jan. 31.", "Jan", Direction::Future),
            ("The deadline is Monday, officials said.", "Monday", Direction::Future),
            ("The vote is on Sunday.", "Sunday", Direction::Future),
            ("The vote was on Sunday.", "Sunday", Direction::Past),
        ];
        for (sentence, word, want) in cases {
            assert_eq!(dir(sentence, word), want, "{sentence}");
        }
    }
}
