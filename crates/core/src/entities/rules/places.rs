//! Places: "St." and "Mt." before a name, datelines ("LONDON (Reuters) -") and abbreviated
//! states after a town ("SALEM, Mass.").

use crate::entities::lexicon::{Flags, WordClass};
use crate::entities::words::WordKind;

use super::{replace_overlapping, Ctx, Kind, Name};

/// "St. | Thomas", "Mt. | Everest", "ST. | PAUL": the abbreviation belongs to the name after it.
/// In capitals its period may be a word of its own ("ST | . | PAUL"), and the tagger may have
/// taken "ST" for a name by itself.
pub(super) fn saint_and_mount(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let abbreviation = |i: usize| {
        p.info[i].cap && matches!(cx.word(i), "St." | "Mt." | "Ft." | "St" | "Mt" | "Ft" | "ST." | "MT." | "FT.")
    };
    let mut k = 0;
    while k < spans.len() {
        let s = spans[k].words.clone();
        let free = |i: usize| k == 0 || spans[k - 1].words.end <= i;
        if s.start > r.start && abbreviation(s.start - 1) && free(s.start - 1) {
            spans[k].words.start = s.start - 1;
        } else if s.start >= r.start + 2
            && cx.word(s.start - 1) == "."
            && matches!(cx.word(s.start - 2), "ST" | "MT" | "FT")
            && p.words[s.start - 2].span.end() == p.words[s.start - 1].span.start()
        {
            let own = k > 0 && spans[k - 1].words == (s.start - 2..s.start - 1);
            if own || free(s.start - 2) {
                spans[k].words.start = s.start - 2;
                if own {
                    spans.remove(k - 1);
                    continue;
                }
            }
        }
        k += 1;
    }
}

/// Datelines: "SAN ANTONIO, Tex., March 9 -", "LONDON (Reuters) -", "LONDON 1996-08-30": a
/// name in capitals that starts a line and is followed by a comma, a bracket, a dash or a date
/// is a place.
pub(super) fn datelines(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    // "THE HAGUE, June 18 -": a place the gazetteers know, in capitals at a line's start before a
    // comma or a date, is the dateline's place where the tagger found nothing there.
    let mut found = Vec::new();
    for i in r.clone() {
        if !(i == r.start || p.words[i].line_start) {
            continue;
        }
        let Some(e) = p.place_phrase_end(i, r.end) else { continue };
        let after = p.words.get(e).filter(|_| e < r.end);
        let dated = after.is_some_and(|w| w.kind == WordKind::Number || w.text(cx.text) == ",");
        let caps = (i..e).all(|j| p.info[j].upper) && !p.info[i].caps_line;
        if dated && caps && !spans.iter().any(|n| n.words.start < e && i < n.words.end) {
            found.push(Name::new(i..e, Kind::Place));
        }
    }
    if !found.is_empty() {
        spans.extend(found);
        super::sort(spans);
    }
    for n in spans.iter_mut() {
        let s = &n.words;
        let line_start = s.start == r.start || p.words[s.start].line_start;
        let all_caps = s.clone().all(|i| p.info[i].upper || p.words[i].kind != WordKind::Alpha);
        let next = p.words.get(s.end).filter(|_| s.end < r.end);
        let dated = next.is_some_and(|w| w.kind == WordKind::Number);
        let next = next.map(|w| w.text(cx.text));
        if line_start
            && all_caps
            && !p.info[s.start].caps_line
            && (dated || matches!(next, Some("," | "(" | "-" | "—" | "–")))
        {
            n.kind = Kind::Place;
        }
    }
}

/// "SALEM, Mass., April 8", "a Casper, Wyo., retailer": an abbreviated state after a town's
/// name and a comma is a place, and so is the town; so is a name before a state written in full
/// ("Ogden, Utah,").
pub(super) fn abbreviated_states(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut states = Vec::new();
    for i in r.start + 2..r.end {
        let w = cx.word(i);
        // "Ogden, Utah, an FSLIC spokesman said": a state written in full, then punctuation, makes
        // the name before it a town too (a name the tagger found; the state is found anyway).
        let full = p.info[i].cap
            && (p.info[i].flags | p.info[i].gaz).has(Flags::STATE)
            && p.info[i].gaz_pos <= 1
            && p.words.get(i + 1).is_none_or(|next| i + 1 >= r.end || next.kind == WordKind::Punct);
        // Wire copy drops the period ("STURBRIDGE, Mass, March 18", "Atlanta, Ga, could"): a bare
        // abbreviation counts when punctuation, a number or the paragraph's end follows it.
        let ends = p.words.get(i + 1).is_none_or(|n| {
            i + 1 >= r.end || n.kind == WordKind::Number || matches!(n.text(cx.text), "," | "." | ";" | ")")
        });
        let abbreviated = p.info[i].cap
            && (w.ends_with('.') || ends && !p.info[i].upper)
            && cx.lex.is(p.words[i].key, WordClass::StateAbbreviation);
        if !(abbreviated || full) || cx.word(i - 1) != "," {
            continue;
        }
        if full {
            if let Some(n) = spans.iter_mut().find(|n| n.words.end == i - 1 && n.words.len() <= 2) {
                if n.kind == Kind::Person || n.kind == Kind::Misc {
                    n.kind = Kind::Place;
                }
            }
            continue;
        }
        if let Some(n) = spans.iter_mut().find(|n| n.words.end == i - 1) {
            if n.kind == Kind::Person || n.kind == Kind::Misc {
                n.kind = Kind::Place;
            }
            if n.kind == Kind::Place {
                states.push(Name::new(i..i + 1, Kind::Place));
            }
        } else if !spans.iter().any(|n| n.words.start <= i && i - 2 < n.words.end) {
            // The town the tagger left out: up to three capitalised words before the comma.
            let covered = |j: usize| spans.iter().any(|n| n.words.contains(&j));
            let mut a = i - 1;
            while a > r.start
                && a + 3 >= i
                && cx.cap(a - 1)
                && !p.info[a - 1].closed
                && !covered(a - 1)
                && !p.info[a].sent_start
            {
                a -= 1;
            }
            if a < i - 1 {
                states.push(Name::new(a..i - 1, Kind::Place));
                states.push(Name::new(i..i + 1, Kind::Place));
            }
        }
    }
    replace_overlapping(spans, states);
}

/// "hotels in kerala", "flights to san francisco": web text writes well-known places in lower
/// case. A lower-case run that spells a country, a state or a big city, none of whose words is a
/// common lower-case word ("turkey", "reading"), is that place.
pub(super) fn lowercase_places(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let known = Flags::COUNTRY | Flags::STATE | Flags::CITY_BIG | Flags::REGION_GPE;
    let mut new = Vec::new();
    // The spans are in text order: `k` is the first that does not end before word `i`.
    let mut k = 0;
    let mut i = r.start;
    let lower = |j: usize| p.words[j].kind == WordKind::Alpha && cx.word(j).starts_with(|c: char| c.is_lowercase());
    while i < r.end {
        if !(lower(i) && p.info[i].gaz_pos == 1 && p.info[i].gaz.any(known)) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < r.end && p.info[e].gaz_pos == 2 && lower(e) {
            e += 1;
        }
        let common =
            (i..e).any(|j| p.info[j].flags.has(Flags::LOWER) || p.info[j].closed) || e == i + 1 && cx.word(i).len() < 4;
        while k < spans.len() && spans[k].words.end <= i {
            k += 1;
        }
        let free = spans.get(k).is_none_or(|s| s.words.start >= e);
        if !common && free {
            new.push(Name::new(i..e, Kind::Place));
        }
        i = e;
    }
    if !new.is_empty() {
        spans.extend(new);
        super::sort(spans);
    }
}

/// "A Louisiana grandmother who …": a lone country or state the tagger called a person is the
/// place, unless the word is also a first name or a surname ("Georgia", "Jordan", "Chad") or a
/// title or honorific comes before it.
pub(super) fn places_not_people(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let place = Flags::COUNTRY | Flags::STATE;
    for n in spans.iter_mut().filter(|n| n.kind == Kind::Person && n.words.len() == 1) {
        let i = n.words.start;
        let flags = p.info[i].flags;
        let after_title = i > cx.r.start && super::is_title(&p.info[i - 1]);
        if flags.any(place) && !flags.any(Flags::PERSON_NAME) && !after_title {
            n.kind = Kind::Place;
        }
    }
}
