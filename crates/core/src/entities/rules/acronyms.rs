//! Acronyms: "the Housing Authority of New Orleans (HANO)".

use super::{replace_overlapping, Ctx, Kind, Name};
use crate::entities::words::WordKind;

/// True for a word written as an acronym: two to eight letters, all capitals, possibly with
/// periods ("HANO", "C.I.A."; "AT&T" is split by the tokenizer).
pub(super) fn is_acronym(cx: &Ctx<'_>, i: usize) -> bool {
    let w = &cx.p.words[i];
    let letters = w.text(cx.text).chars().filter(|c| c.is_alphabetic()).count();
    w.kind == WordKind::Alpha && cx.p.info[i].upper && (2..=8).contains(&letters)
}

/// "the Housing Authority of New Orleans (HANO)": an acronym in brackets right after a name of
/// two words or more is a name of the same kind.
pub(super) fn defined(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let r = &cx.r;
    let mut added = Vec::new();
    for n in spans.iter() {
        let (s, a) = (&n.words, n.words.end + 1);
        let defines = n.kind != Kind::Person
            && s.len() >= 2
            && a + 1 < r.end
            && cx.word(s.end) == "("
            && cx.word(a + 1) == ")"
            && is_acronym(cx, a);
        if defines {
            added.push(Name::new(a..a + 1, n.kind));
        }
    }
    replace_overlapping(spans, added);
}
