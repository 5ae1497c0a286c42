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

/// "The Riverton | Symphony Orchestra Played To A Full House": on a line in headline case the
/// tagger cannot tell a name's words from the headline's, and may stop short of the name's head.
/// A span that a few more capitalised words (no function words or dates) lead to an
/// organization's head word runs on to that head, unless it is a well-known name already.
pub(super) fn names_run_to_their_head(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    for k in 0..spans.len() {
        let s = spans[k].words.clone();
        let next_start = spans.get(k + 1).map_or(cx.r.end, |n| n.words.start).min(cx.r.end);
        let headline = p.info[s.start].title_line || p.info[s.start].caps_line;
        // A well-known name is whole already ("BBC | Breaking News Alert").
        let known = cx.org_phrase_end(s.start).is_some_and(|e| e >= s.end);
        if !headline || known || spans[k].kind == Kind::Person {
            continue;
        }
        let mut head = None;
        let mut j = s.end;
        // Only along the line: a headline is one line, and the next line is another name's.
        while j < next_start
            && j < s.end + 3
            && !p.words[j].line_start
            && cx.cap(j)
            && !p.info[j].closed
            && !p.info[j].flags.has(Flags::TIME)
        {
            if p.info[j].flags.has(Flags::ORG_HEAD) {
                head = Some(j);
            }
            j += 1;
        }
        if let Some(h) = head {
            spans[k].words.end = h + 1;
            spans[k].kind = Kind::Org;
        }
    }
}
