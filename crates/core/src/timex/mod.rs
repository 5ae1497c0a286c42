//! Time expressions, normalised against the publication date.
//!
//! For each analysed paragraph: split it into [atoms] (looking calendar words up in the
//! [lexicon]), [recognise](grammar) expressions with a hand-written TIMEX3 grammar that
//! only starts on a lexicon hit or a digit, then [resolve] each one against
//! `doc.published`. Bare weekdays and months take their direction from the [tense] of the
//! clause around them.
//!
//! ```
//! use byline_core::{parse_date, Parser};
//!
//! let text = "Talks Set\n\nThe minister said on Friday that talks will resume on Tuesday.";
//! let article = Parser::new().parse(text, Some(parse_date("2023-02-25")?))?;
//! let values: Vec<_> = article.timexes.iter().map(|t| t.value.as_deref().unwrap_or("")).collect();
//! assert_eq!(values, ["2023-02-24", "2023-02-28"]);
//! # Ok::<(), byline_core::Error>(())
//! ```

pub mod atoms;
pub mod calendar;
pub mod expr;
pub mod grammar;
pub mod lexicon;
pub mod resolve;
pub mod tense;

use crate::article::Timex;
use crate::doc::Doc;
use crate::span::Span;

use self::atoms::{atomize, Atom};
use self::expr::Expr;
use self::grammar::{recognize, Found};
use self::lexicon::Lexicon;
use self::resolve::Resolver;

/// Finds and normalises time expressions. Built once; immutable.
#[derive(Debug, Default)]
pub struct TimexTagger {
    lexicon: Lexicon,
}

impl TimexTagger {
    /// Loads the lexicon.
    pub fn new() -> TimexTagger {
        TimexTagger { lexicon: Lexicon::new() }
    }

    /// Fills `doc.timexes`, spans in `doc.norm()` coordinates, in text order.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let text = doc.source.norm();
        let mut resolver = Resolver::new(doc.published);
        let dateline = doc.layout.dateline.as_ref().map(|d| d.span);
        let mut atoms: Vec<Atom<'_>> = Vec::new();
        let mut found: Vec<Found> = Vec::new();
        let mut out = Vec::new();
        for p in doc.layout.paragraphs.iter().filter(|p| p.role.is_analysed()) {
            if doc.deadline.expired() {
                break;
            }
            atoms.clear();
            found.clear();
            resolver.start_paragraph();
            atomize(text, p.span, &self.lexicon, &mut atoms);
            recognize(&atoms, &self.lexicon, &mut found);
            // The day the expression before ended on, when only a range word separates the two.
            let mut range_start: Option<crate::date::Date> = None;
            for f in &found {
                let span = Span::new(atoms[f.start].span.start(), atoms[f.end - 1].span.end());
                let sentence = sentence_atoms(&doc.sentences, &atoms, span);
                if atoms[f.end - 1].is("ago") && reader_notice(&atoms, sentence.clone()) {
                    continue;
                }
                let mut dir = || tense::direction(&atoms, sentence.clone(), f.start..f.end);
                let (kind, value) = match range_start.take() {
                    Some(start) => resolver.resolve_after(&f.expr, start, &mut dir),
                    None => resolver.resolve(&f.expr, &mut dir),
                };
                // "Monday through Wednesday": two weekdays (a date and a weekday, "from Sept. 14 to
                // Thursday", are further apart).
                let weekday = matches!(f.expr, Expr::Weekday { .. });
                if weekday
                    && atoms.get(f.end).is_some_and(Atom::is_range_word)
                    && found.iter().any(|n| n.start == f.end + 1)
                {
                    range_start = value
                        .as_deref()
                        .and_then(|v| v.get(..10))
                        .and_then(|d| crate::date::Date::parse_from_str(d, "%Y-%m-%d").ok());
                }
                if dateline.is_some_and(|d| d.start() <= span.start() && span.end() <= d.end()) {
                    anchor_on_dateline(&mut resolver, doc.published, value.as_deref());
                }
                out.push(Timex { span, kind, value, modifier: f.modifier });
            }
        }
        doc.timexes = out;
    }
}

/// How many days before publication a dateline's day may be and still be the story's day
/// (wire copy filed late in the evening, a weekly's Sunday edition dated the Friday before).
const DATELINE_DAYS_BEFORE: i64 = 7;

/// "KYIV, Feb 26 (Reuters) -" in a story published on Feb 27: "yesterday" and "on Tuesday"
/// count from the day the dateline gives, once the date is read (its year from publication).
/// A dateline day after publication, or long before it, is not believed.
fn anchor_on_dateline(resolver: &mut Resolver, published: Option<crate::date::Date>, value: Option<&str>) {
    let (Some(published), Some(value)) = (published, value) else { return };
    let Ok(day) = crate::date::Date::parse_from_str(value, "%Y-%m-%d") else { return };
    if (0..=DATELINE_DAYS_BEFORE).contains(&(published - day).num_days()) {
        resolver.set_anchor(day);
    }
}

/// "This article was published 3 years ago": a page's notice to its reader, whose "ago"
/// counts from the day it is read, not from publication, so it dates nothing in the story.
/// The sentence opens with "This", a listed noun or none, a form of "be" (and "first" or
/// "originally"), then a listed publishing verb.
fn reader_notice(atoms: &[Atom<'_>], sentence: std::ops::Range<usize>) -> bool {
    use self::lexicon::{Ctx, Lex};
    let in_ctx = |k: usize, c: Ctx| atoms.get(k).is_some_and(|a| a.lex.iter().any(|e| e.lex == Lex::Context(c)));
    let mut k = sentence.start;
    if !atoms.get(k).is_some_and(|a| a.is("this")) {
        return false;
    }
    k += 1;
    if in_ctx(k, Ctx::NoticeSubject) {
        k += 1;
    }
    if !atoms.get(k).is_some_and(|a| a.is("was") || a.is("is")) {
        return false;
    }
    k += 1;
    if atoms.get(k).is_some_and(|a| a.is("first") || a.is("originally")) {
        k += 1;
    }
    k < sentence.end && in_ctx(k, Ctx::NoticeVerb)
}

/// The atoms of the sentence that holds `span` (all of them when no sentence does).
fn sentence_atoms(sentences: &[crate::article::Sentence], atoms: &[Atom<'_>], span: Span) -> std::ops::Range<usize> {
    let i = sentences.partition_point(|s| s.span.end() <= span.start());
    match sentences.get(i).filter(|s| s.span.start() <= span.start()) {
        Some(s) => {
            let lo = atoms.partition_point(|a| a.span.start() < s.span.start());
            let hi = atoms.partition_point(|a| a.span.start() < s.span.end());
            lo..hi
        }
        None => 0..atoms.len(),
    }
}

#[cfg(test)]
mod tests {
    use crate::{parse_date, Parser};

    #[test]
    fn odd_input_never_panics() {
        let parser = Parser::new();
        let d = parse_date("2023-02-25").ok();
        let nasty = [
            "",
            "May",
            "the",
            "a year ago",
            "99999999999999999999 years ago and 999999 years from now, in 9999 and 0001",
            "Feb. 31, 2023; 13/45/2023; 2023-13-45; 25:99 p.m.; the 99th century; the 0s",
            "’’’ — “Tuesday” — Ṫüesday ŞAŢURDAY 🎉 Friday🎉night",
            "every every every each per the the the of of",
            "late early mid- the end of the beginning of the middle of",
            "1 1/2 2 1/2 half a half an and a half and a half years",
        ];
        for text in nasty {
            for published in [d, None] {
                let a = parser.parse(text, published).unwrap();
                for t in &a.timexes {
                    assert!(t.span.get(&a.text).is_some(), "{text:?}");
                }
            }
        }
        let long = "On Tuesday, three days after March 3, 2023, ".repeat(5000);
        assert!(parser.parse(&long, d).unwrap().timexes.len() >= 15000);
    }
}
