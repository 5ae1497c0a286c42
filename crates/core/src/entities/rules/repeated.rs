//! Names the article repeats: words the tagger left out although the article names them
//! elsewhere, or the gazetteers know them well.

use crate::entities::features::Candidate;
use crate::entities::lexicon::{self, Flags, KeyMap};
use crate::entities::words::WordKind;

use super::{known_org, lists, sort, Ctx, Kind, Name};

/// Words the tagger left out although the article names them elsewhere ("Hu" of "Mr. Hu" in
/// "Hu Jintao"), or the gazetteers know them well (countries, states, regions, big cities,
/// well-known organizations).
pub(super) fn propagate(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    // Surnames of full names, and names written after "Mr." or "Ms.".
    let mut known: KeyMap<()> = KeyMap::default();
    for n in spans.iter() {
        let s = &n.words;
        let honoured = s.start > 0 && p.info[s.start - 1].flags.has(Flags::HONORIFIC);
        if n.kind == Kind::Person && (s.len() >= 2 || honoured) {
            known.insert(p.words[s.end - 1].key, ());
        }
    }
    // Acronyms named as organizations somewhere ("HANO", "CPA"), or as places the gazetteers
    // know ("US"); any other one is more often a term ("DH").
    let mut acronyms: KeyMap<Kind> = KeyMap::default();
    for n in spans.iter() {
        let info = &p.info[n.words.start];
        let known_place = n.kind == Kind::Place && (info.flags | info.gaz).any(Flags::PLACE);
        if n.words.len() == 1 && (n.kind == Kind::Org || known_place) && !info.caps_line && info.upper {
            acronyms.insert(p.words[n.words.start].key, n.kind);
        }
    }
    let mut covered = vec![false; p.words.len()];
    for n in spans.iter() {
        covered[n.words.clone()].fill(true);
    }
    let mut added = Vec::new();
    for r in &p.paragraphs {
        let mut i = r.start;
        while i < r.end {
            let info = &p.info[i];
            let usable = !covered[i]
                && info.candidate == Candidate::Name
                && (info.cap || lists::article_prefixed(cx.word(i)))
                && !info.flags.any(Flags::TIME | Flags::HONORIFIC | Flags::TITLE)
                && !(info.sent_start && info.flags.has(Flags::LOWER) && info.doc & 1 != 0)
                && !(info.caps_line && info.flags.has(Flags::LOWER));
            if !usable {
                i += 1;
                continue;
            }
            let gaz = if info.gaz_pos == 1 { info.gaz } else { info.flags };
            let strong = gaz.any(
                Flags::COUNTRY
                    | Flags::STATE
                    | Flags::REGION_GPE
                    | Flags::REGION_LOC
                    | Flags::CITY_BIG
                    | Flags::ORG_NAME,
            );
            let acronym = if info.upper { acronyms.get(&p.words[i].key).copied() } else { None };
            if let Some(kind) = acronym {
                added.push(Name::new(i..i + 1, kind));
                i += 1;
            } else if known.contains_key(&p.words[i].key) {
                // The capitalised run around the word.
                let mut a = i;
                while a > r.start
                    && a + 3 > i
                    && !covered[a - 1]
                    && p.info[a - 1].candidate == Candidate::Name
                    && p.info[a - 1].cap
                    && !p.info[a].sent_start
                    && !p.info[a - 1].flags.any(Flags::HONORIFIC | Flags::TITLE)
                    // "Later | al-Sadr said": a common word that starts the sentence.
                    && !(p.info[a - 1].sent_start && p.info[a - 1].flags.has(Flags::LOWER))
                {
                    a -= 1;
                }
                let mut b = i + 1;
                while b < r.end
                    && b < i + 3
                    && !covered[b]
                    && p.info[b].candidate == Candidate::Name
                    && p.info[b].cap
                    && !p.info[b].sent_start
                {
                    b += 1;
                }
                // Marked as covered, so that the next word's run cannot reach back into it.
                covered[a..b].fill(true);
                added.push(Name::new(a..b, Kind::Person));
                i = b;
            } else if strong && (!info.sent_start || !info.flags.has(Flags::LOWER) || known_org(info)) {
                let mut b = i + 1;
                if info.gaz_pos == 1 {
                    while b < r.end && p.info[b].gaz_pos == 2 && !covered[b] {
                        b += 1;
                    }
                }
                added.push(Name::new(i..b, if gaz.has(Flags::ORG_NAME) { Kind::Org } else { Kind::Place }));
                i = b;
            } else {
                i += 1;
            }
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        sort(spans);
    }
}

/// "Great Western Financial Corp ... Great Western noted": an organization's name of two words or
/// more, or that name without its legal form or its last head word ("Great Western | Bank",
/// "Morgan Stanley | and Co"), names the organization wherever the article writes it again as a
/// name of its own, where the tagger left it out or took it, or part of it, for something else.
/// A place the gazetteers know is left alone ("Hong Kong" of "Hong Kong Bank").
pub(super) fn organizations_named_again(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let mut names: KeyMap<()> = KeyMap::default();
    let mut firsts: KeyMap<()> = KeyMap::default();
    let mut longest = 0;
    for n in spans.iter().filter(|n| n.kind == Kind::Org) {
        let s = n.words.clone();
        if p.info[s.start].caps_line
            || !s.clone().all(|i| p.info[i].cap && p.words[i].kind == WordKind::Alpha || joiner(cx, i))
        {
            continue;
        }
        let mut e = s.end;
        while e > s.start + 2 && (p.info[e - 1].flags.has(Flags::COMPANY) || joiner(cx, e - 1)) {
            e -= 1;
        }
        let shortest = if e > s.start + 2 && p.info[e - 1].flags.has(Flags::ORG_HEAD) { e - 1 } else { e };
        for end in [s.end, e, shortest] {
            if end >= s.start + 2 && !joiner(cx, end - 1) {
                names.insert(cx.span_key(&(s.start..end)), ());
                firsts.insert(p.words[s.start].key, ());
                longest = longest.max(end - s.start);
            }
        }
    }
    if names.is_empty() {
        return;
    }
    let mut added = Vec::new();
    for r in &p.paragraphs {
        let mut i = r.start;
        while i + 1 < r.end {
            let fits = p.info[i].cap
                && firsts.contains_key(&p.words[i].key)
                && (i == r.start || !p.info[i - 1].cap || p.info[i - 1].closed || p.info[i].sent_start);
            let mut found = None;
            if fits {
                let mut h = lexicon::PHRASE_SEED;
                for n in 1..=longest.min(r.end - i) {
                    let j = i + n - 1;
                    if !(p.info[j].cap || joiner(cx, j)) {
                        break;
                    }
                    h = lexicon::phrase_key(h, p.words[j].key);
                    let ends = i + n == r.end || !p.info[i + n].cap || p.words[i + n].kind != WordKind::Alpha;
                    if n >= 2 && ends && names.contains_key(&h) {
                        found = Some(i..i + n);
                    }
                }
            }
            let Some(m) = found else {
                i += 1;
                continue;
            };
            let place = p.place_phrase_end(m.start, r.end) == Some(m.end);
            // Every span it touches lies inside it, and is not the name already.
            let touching = spans.iter().filter(|s| s.words.start < m.end && m.start < s.words.end);
            let mut inside = true;
            let mut same = false;
            for s in touching {
                inside &= m.start <= s.words.start && s.words.end <= m.end;
                same |= s.words == m && s.kind == Kind::Org;
            }
            if inside && !same && !place {
                added.push(Name::new(m.clone(), Kind::Org));
            }
            i = m.end;
        }
    }
    super::replace_overlapping(spans, added);
}

/// "and" or "&" inside a name ("Procter and Gamble").
fn joiner(cx: &Ctx<'_>, i: usize) -> bool {
    matches!(cx.word(i), "and" | "&")
}

/// "Hurricane Delia ... Delia was extremely dangerous": the name of an event that starts with its
/// kind (a storm, an operation) names the event when written alone too, not a person.
pub(super) fn event_names(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let mut events: KeyMap<()> = KeyMap::default();
    for n in spans.iter() {
        let s = &n.words;
        if s.len() >= 2 && p.info[s.start].flags.has(Flags::EVENT_FIRST) && p.info[s.start].cap {
            events.insert(cx.span_key(&(s.start + 1..s.end)), ());
        }
    }
    if events.is_empty() {
        return;
    }
    for n in spans.iter_mut() {
        if n.kind == Kind::Person && events.contains_key(&cx.span_key(&n.words)) {
            n.kind = Kind::Misc;
        }
    }
}
