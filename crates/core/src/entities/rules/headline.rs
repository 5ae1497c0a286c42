//! Headline case and capitals: a wire headline in capitals names what its story names in
//! mixed case, and words capitalised only by headline case are no part of a name.

use std::ops::Range;

use crate::entities::features::Info;
use crate::entities::lexicon::{
    self, KeyMap, DEMONYM, GPE_HEAD, LOC_HEAD, LOWER, MAX_PHRASE, NORP, ORG_HEAD, ORG_NAME, PLACE,
};
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
        if n.kind == Kind::Org && s.len() >= 2 && p.info[s.end - 1].flags & lexicon::COMPANY != 0 {
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
    let protected =
        PLACE | ORG_HEAD | ORG_NAME | LOC_HEAD | GPE_HEAD | DEMONYM | NORP | lexicon::FIRST_M | lexicon::FIRST_F;
    (info.title_line || info.caps_line)
        && info.flags & LOWER != 0
        && info.flags & protected == 0
        && info.gaz == 0
        && info.doc & 8 == 0
}
