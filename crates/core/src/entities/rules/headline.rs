//! Headline case and capitals: a wire headline in capitals names what its story names in
//! mixed case, and words capitalised only by headline case are no part of a name.

use std::ops::Range;

use crate::entities::features::Info;
use crate::entities::lexicon::{Flags, KeyMap, MAX_PHRASE};
use crate::entities::words::WordKind;

use super::{replace_overlapping, Ctx, Kind, Name};

/// "GANDER MOUNTAIN <GNDR.O> BUYS ...": a wire headline in capitals names what the story names
/// in mixed case ("Gander Mountain Inc"), so words of a capitals line that spell a name of the
/// body, or the name of a company without its legal form, take that name's kind.
pub(super) fn names_from_body(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let key = |r: Range<usize>| cx.span_key(&r);
    let mut names: KeyMap<Kind> = KeyMap::default();
    let mut company: KeyMap<()> = KeyMap::default();
    for n in spans.iter() {
        let s = &n.words;
        if p.info[s.start].caps_line || n.kind == Kind::Misc || s.len() > MAX_PHRASE {
            continue;
        }
        names.entry(key(s.clone())).or_insert(n.kind);
        if n.kind == Kind::Org && s.len() >= 2 && p.info[s.end - 1].flags.has(Flags::COMPANY) {
            for e in s.start + 1..s.end {
                company.insert(key(s.start..e), ());
            }
        }
    }
    if names.is_empty() || !p.info.iter().any(|i| i.caps_line) {
        return;
    }
    // A company's name without its legal form is the company, however else the text wrote it.
    for (k, ()) in company {
        names.insert(k, Kind::Org);
    }
    let mut found = Vec::new();
    let mut i = 0;
    while i < p.words.len() {
        if !p.info[i].caps_line || p.words[i].kind != WordKind::Alpha {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < p.words.len() && end < i + MAX_PHRASE && p.info[end].caps_line && !p.words[end].line_start {
            end += 1;
        }
        let hit = (i + 1..=end).rev().find_map(|e| names.get(&key(i..e)).map(|&k| (i..e, k)));
        match hit {
            Some((s, kind)) => {
                i = s.end;
                found.push(Name { keep_words: true, ..Name::new(s, kind) });
            }
            None => i += 1,
        }
    }
    replace_overlapping(spans, found);
}

/// A word capitalised only by headline case ("Welcome Peruvian Leader"): a common word on a
/// headline line that names nothing by itself and is not written alone and capitalised in the
/// story. Such words are trimmed from the ends of a name.
pub(crate) fn trimmable(info: &Info) -> bool {
    let protected = Flags::PLACE
        | Flags::ORG_HEAD
        | Flags::ORG_NAME
        | Flags::LOC_HEAD
        | Flags::GPE_HEAD
        | Flags::DEMONYM
        | Flags::NORP
        | Flags::FIRST_M
        | Flags::FIRST_F;
    (info.title_line || info.caps_line)
        && info.flags.has(Flags::LOWER)
        && !info.flags.any(protected)
        && info.gaz.is_empty()
        && info.doc & 8 == 0
}
