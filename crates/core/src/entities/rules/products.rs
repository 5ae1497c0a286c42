//! Products: "the Zephyr X5 phone", "a Nimbus 3 headset". A name with a model code, then a
//! product noun, names a product, not its maker; "Zephyr's new X5" keeps its maker.

use super::lists::{lists, ListWord};
use super::{Ctx, Kind, Name};
use crate::entities::words::WordKind;

/// A model code: a word with a digit ("X5", "3", "S10").
fn model_code(cx: &Ctx<'_>, i: usize) -> bool {
    let w = &cx.p.words[i];
    matches!(w.kind, WordKind::Alpha | WordKind::Number) && cx.word(i).bytes().any(|b| b.is_ascii_digit())
}

/// "the Zephyr X5 phone": a name with a model code in it or right after it, followed by a
/// lower-case product noun, names no organization, person or place.
pub(super) fn products(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let lists = lists();
    for s in spans.iter_mut() {
        let mut e = s.words.end;
        while e < cx.r.end && e < s.words.end + 2 && model_code(cx, e) {
            e += 1;
        }
        let coded = e > s.words.end || s.words.clone().any(|i| model_code(cx, i));
        let noun = e < cx.r.end
            && !cx.p.info[e].cap
            && cx.p.words[e].kind == WordKind::Alpha
            && lists.is(cx.p.words[e].key, ListWord::Product);
        if coded && noun && !s.team {
            s.kind = Kind::Misc;
        }
    }
}
