//! Organizations: well-known names, legal forms ("Acme Corp."), bodies of state ("U.S.
//! Agriculture Department"), names with joiners ("Council on Foreign Relations") or two fields
//! ("Securities and Exchange Commission"), portfolios, names after a noun of organizations ("the
//! band Green Day"), and the head words of events and laws.

use crate::entities::lexicon::{Flags, WordClass};

use std::ops::Range;

use super::{names_nation, replace_overlapping, sort, Ctx, Kind, Name};
use crate::entities::words::WordKind;

/// Longest club or campus name, in words, its affix included.
const MAX_CLUB: usize = 4;

/// "FC Riverton", "Eastport FC", "Riverton United", "U.C. Lakeside": a capitalised name with an
/// organization's affix before or after it (`org_affixes.txt`) is a club or a campus, an
/// organization, whatever the tagger took its words for (a person, or the town it is named after).
pub(super) fn affixed(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let name_word = |j: usize| {
        cx.cap(j)
            && p.words[j].kind == WordKind::Alpha
            && !p.info[j].closed
            && !p.info[j].caps_line
            && !p.info[j].flags.any(Flags::TIME | Flags::HONORIFIC | Flags::TITLE)
    };
    let club_word = |j: usize, class: WordClass| name_word(j) && cx.lex.is(p.words[j].key, class);
    let mut clubs = Vec::new();
    let mut i = r.start;
    while i < r.end {
        let found =
            if club_word(i, WordClass::OrgFirst) && i + 1 < r.end && name_word(i + 1) && !p.info[i + 1].sent_start {
                // "Caisse Nationale de Credit Agricole": a particle may join two of its words.
                let particle =
                    |j: usize| j + 1 < r.end && name_particle(cx, j) && name_word(j + 1) && !p.info[j + 1].sent_start;
                let (mut e, mut words) = (i + 1, 1);
                while e < r.end && words < MAX_CLUB + 2 && !p.info[e].sent_start {
                    if name_word(e) {
                        e += 1;
                    } else if particle(e) {
                        e += 2;
                    } else {
                        break;
                    }
                    words += 1;
                }
                Some(i..e)
            } else if club_word(i, WordClass::OrgLast) && i > r.start && name_word(i - 1) && !p.info[i].sent_start {
                let mut a = i - 1;
                while a > r.start && a + MAX_CLUB > i + 1 && !p.info[a].sent_start && name_word(a - 1) {
                    a -= 1;
                }
                // "Harbor Wanderers FC": club words may follow one another.
                let mut e = i + 1;
                while e < r.end && club_word(e, WordClass::OrgLast) && !p.info[e].sent_start {
                    e += 1;
                }
                Some(a..e)
            } else {
                None
            };
        // An organization's longer name that holds the club's stays whole ("Independent
        // Harbor United Supporters", "Harbor United Inc").
        let inside_org = |s: &Range<usize>| {
            spans
                .iter()
                .any(|n| n.kind == Kind::Org && n.words.start <= s.start && s.end <= n.words.end && n.words != *s)
        };
        match found {
            Some(s) if !inside_org(&s) => {
                i = s.end;
                clubs.push(Name::new(s, Kind::Org));
            }
            Some(s) => i = s.end,
            None => i += 1,
        }
    }
    replace_overlapping(spans, clubs);
}

/// A lower-case word that joins the words of a foreign firm's name ("de", "du", "des", "et", "e",
/// "y"), not "and" or "the", which join two names.
fn name_particle(cx: &Ctx<'_>, i: usize) -> bool {
    let w = cx.word(i);
    (cx.p.info[i].flags.has(Flags::CONNECTOR) && !matches!(w, "and" | "&" | "the" | "in" | "at" | "on" | "for"))
        || matches!(w, "et" | "e" | "y")
}

/// "<Banque Hervet>", "<Scovill Inc>", "<Credito Italiano SpA>": wire copy writes the name of a
/// company with no ticker of its own in angle brackets, so the words inside are one company's
/// name whatever the tagger took them for. A ticker alone inside ("<GWF>", "<KLM.AS>") is left
/// to `tickers`.
pub(super) fn bracketed_companies(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut new = Vec::new();
    let mut i = r.start;
    while i + 2 < r.end {
        if cx.word(i) != "<" {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..r.end.min(i + 14)).find(|&j| matches!(cx.word(j), ">" | "<")) else {
            i += 1;
            continue;
        };
        let inside = i + 1..close;
        let name_word = |j: usize| {
            let w = cx.word(j);
            p.words[j].kind == WordKind::Alpha && p.info[j].any_upper
                || name_particle(cx, j)
                || matches!(w, "&" | "-" | "'s" | "’s" | "and")
        };
        let capital = |j: usize| p.info[j].any_upper && p.words[j].kind == WordKind::Alpha;
        let ticker = inside.len() == 1 && (p.info[i + 1].upper || cx.word(i + 1).contains('.'));
        if cx.word(close) == ">"
            && !inside.is_empty()
            && !ticker
            && capital(inside.start)
            && capital(close - 1)
            && inside.clone().all(name_word)
        {
            new.push(Name::new(inside, Kind::Org));
        }
        i = close;
    }
    replace_overlapping(spans, new);
}

/// "rated A-1 of | Harbor Bank Ltd": a code is no organization's first word.
pub(super) fn coded_names(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    for s in spans.iter_mut() {
        let w = &mut s.words;
        if w.len() >= 3 && cx.coded(w.start..w.start + 1) && cx.word(w.start + 1) == "of" {
            w.start += 2;
        }
    }
}

/// "Sheffield | Wednesday", "Real | Madrid": a span that starts the name of a well-known
/// organization runs to the end of that name.
pub(super) fn known_names(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let mut k = 0;
    while k < spans.len() {
        if let Some(e) = cx.org_phrase_end(spans[k].words.start).filter(|&e| e > spans[k].words.end) {
            spans[k] = Name::new(spans[k].words.start..e, Kind::Org);
            while k + 1 < spans.len() && spans[k + 1].words.start < e {
                let rest = spans.remove(k + 1).words;
                spans[k].words.end = spans[k].words.end.max(rest.end);
            }
        }
        k += 1;
    }
}

/// "Acme Corp.", "Thomson McKinnon Inc", "ROSS STORES INC <ROST>": capitalised words before a
/// company's legal form name the company, even where the tagger took only the last of them.
pub(super) fn legal_forms(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    for i in r.start + 1..r.end {
        let info = &p.info[i];
        if !info.flags.has(Flags::COMPANY) || !info.cap || !cx.cap(i - 1) {
            continue;
        }
        let mut a = i;
        if info.caps_line {
            // A wire headline starts with the company it is about.
            let line = (r.start..i).rev().find(|&j| j == r.start || p.words[j].line_start).unwrap_or(r.start);
            if i - line > 4 || (line..i).any(|j| p.info[j].closed || !cx.cap(j)) {
                continue;
            }
            a = line;
        } else {
            loop {
                // "Rose's Stores Inc": a possessive inside the name.
                let b = if a > r.start + 1 && is_possessive(cx, a - 1) { a - 1 } else { a };
                // A title word may start a company's name ("General Harbor Holdings Inc"), not an
                // honorific; another company's dotted legal form ends the name before ("Acme
                // Corp. | Norvale Corp").
                let legal_form = |j: usize| p.info[j].flags.has(Flags::COMPANY) && cx.word(j).ends_with('.');
                if b <= r.start
                    || a + 4 <= i
                    || !cx.cap(b - 1)
                    || p.info[b - 1].closed
                    || legal_form(b - 1)
                    || p.info[b - 1].flags.any(Flags::HONORIFIC | Flags::TIME)
                {
                    break;
                }
                a = b - 1;
                if p.info[a].sent_start {
                    break;
                }
            }
        }
        if a == i || spans.iter().any(|s| s.kind == Kind::Org && s.words.start <= a && i < s.words.end) {
            continue;
        }
        spans.retain(|s| !(s.words.start <= i && a < s.words.end));
        spans.push(Name::new(a..i + 1, Kind::Org));
    }
}

/// "Goldman Sachs and Co", "Morgan Stanley and Co Inc", "Smith Barney, Harris Upham and Co": the
/// partners' names before "and Co" (or "& Company") and the legal forms after it are one
/// company, not a person and a company: the capitalised run before it (or the span that ends
/// there), and a comma-joined name before that, join it.
pub(super) fn partners_and_co(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut new = Vec::new();
    let mut i = r.start + 1;
    while i + 1 < r.end {
        let co = i + 1;
        if !matches!(cx.word(i), "and" | "&") || !matches!(cx.word(co), "Co" | "Co." | "Company" | "CO" | "COMPANY") {
            i += 1;
            continue;
        }
        let mut e = co + 1;
        while e < r.end && e < co + 3 && p.info[e].cap && p.info[e].flags.has(Flags::COMPANY) {
            e += 1;
        }
        let run_start = |end: usize| {
            let mut a = end;
            while a > r.start
                && a + 4 > end
                && cx.cap(a - 1)
                && !p.info[a - 1].closed
                && !p.info[a - 1].flags.any(Flags::HONORIFIC | Flags::TIME)
                && !(a < end && p.info[a].sent_start)
            {
                a -= 1;
            }
            // The span that ends there may start before the run ("Dean | Witter Reynolds").
            spans
                .iter()
                .find(|s| s.words.end == end && s.words.start < a && a - s.words.start <= 3)
                .map_or(a, |s| s.words.start)
        };
        let mut a = run_start(i);
        if a == i {
            i += 1;
            continue;
        }
        // "Smith Barney, | Harris Upham and Co": the name before a comma is the first partner.
        if a > r.start + 1 && cx.word(a - 1) == "," && !p.info[a].sent_start {
            let (run, taken) = (a, new.last().map_or(r.start, |n: &Name| n.words.end));
            // Not the legal form of the company before ("Lee and Co Inc, | Ross and Co").
            let partner = |s: &&Name| {
                s.words.end + 1 == run
                    && s.words.start >= taken
                    && s.words.len() <= 3
                    && s.kind != Kind::Place
                    && !p.info[s.words.start].flags.has(Flags::COMPANY)
            };
            if let Some(s) = spans.iter().find(partner) {
                a = s.words.start;
            }
        }
        new.push(Name::new(a..e, Kind::Org));
        i = e;
    }
    replace_overlapping(spans, new);
}

/// "National Westminster Bank", "the Federal Home Loan Bank Board": capitalised words right
/// before an organization's name are part of it, a sentence's first word too unless it is a
/// closed-class word ("But", "Five").
pub(super) fn words_before(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    sort(spans);
    for k in 0..spans.len() {
        // A well-known organization's whole name takes no sentence's first word ("Advisors |
        // Goldman Sachs"), though it may take a word before it ("New Labour").
        let known = cx.org_phrase_end(spans[k].words.start).is_some_and(|e| e == spans[k].words.end);
        if spans[k].kind != Kind::Org || p.info[spans[k].words.start].caps_line {
            continue;
        }
        let floor = if k == 0 { r.start } else { spans[k - 1].words.end.max(r.start) };
        let mut a = spans[k].words.start;
        while a > floor
            && !p.info[a].sent_start
            && cx.cap(a - 1)
            && !p.info[a - 1].closed
            && !p.info[a - 1].caps_line
            && (!known || !p.info[a - 1].sent_start)
            && !p.info[a - 1].flags.any(Flags::TITLE | Flags::HONORIFIC | Flags::TIME | Flags::DEMONYM | Flags::NORP)
            && !p.info[a - 1].gaz.has(Flags::TITLE)
        {
            a -= 1;
        }
        spans[k].words.start = a;
    }
}

/// "U.S. Agriculture Department", "U.S. Navy": a wire names a state's body after its country,
/// a place, then the body.
pub(super) fn bodies_of_state(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let mut bodies = Vec::new();
    for n in spans.iter_mut() {
        let s = &mut n.words;
        let first = &p.info[s.start];
        let country = first.gaz_pos != 2 && names_nation(first);
        let mut e = s.start + 1;
        while e < s.end && p.info[e].gaz_pos == 2 {
            e += 1;
        }
        if n.kind == Kind::Org && country && e < s.end && cx.lex.is(p.words[s.end - 1].key, WordClass::StateBody) {
            bodies.push(Name::new(e..s.end, Kind::Org));
            *s = s.start..e;
            n.kind = Kind::Place;
        }
    }
    spans.extend(bodies);
    sort(spans);
}

/// The tagger may have split them already: "U.S. | Navy" is a place before an organization.
pub(super) fn country_before_body(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    for k in 1..spans.len() {
        let (country, next) = (&spans[k - 1], &spans[k]);
        let nation = country.words.clone().all(|i| names_nation(&cx.p.info[i]));
        if country.kind == Kind::Org && next.kind == Kind::Org && country.words.end == next.words.start && nation {
            spans[k - 1].kind = Kind::Place;
        }
    }
}

/// "University of Edinburgh", "Bank of England": an organization word with "of" names an
/// organization, and so does a name ending in "Council", "Ministry" or "Corp." (unless it is a
/// known place, "Soviet Union"). People are not "of" anything: "President Varga of Belarus"
/// gives a person and a place. "New York Sept": a date ends the name before it.
pub(super) fn of_phrases(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut tails = Vec::new();
    for n in spans.iter_mut() {
        let s = &mut n.words;
        if s.len() >= 3 && p.info[s.start].flags.has(Flags::ORG_HEAD) && cx.word(s.start + 1) == "of" {
            n.kind = Kind::Org;
        }
        if n.kind == Kind::Person {
            if let Some(of) = (s.start + 1..s.end).find(|&i| cx.word(i) == "of") {
                if of + 1 < s.end {
                    let tail = of + 1..s.end;
                    let place = p.info[tail.start].flags.any(Flags::PLACE) || p.info[tail.start].gaz.any(Flags::PLACE);
                    tails.push(Name::new(tail, if place { Kind::Place } else { Kind::Org }));
                }
                s.end = of;
            }
        } else if let Some(month) = (s.start + 1..s.end)
            .find(|&i| p.info[i].flags.has(Flags::TIME))
            .filter(|_| cx.org_phrase_end(s.start).is_none_or(|e| e < s.end))
        {
            s.end = month;
        }
        let known_place = p.info[s.start].gaz_pos == 1
            && p.info[s.start].gaz.any(Flags::PLACE)
            && (s.start + 1..s.end).all(|i| p.info[i].gaz_pos == 2)
            && (s.end == r.end || p.info[s.end].gaz_pos != 2);
        if s.len() >= 2 && p.info[s.end - 1].flags.has(Flags::ORG_HEAD) && p.info[s.end - 1].cap && !known_place {
            n.kind = Kind::Org;
        }
    }
    spans.extend(tails);
    sort(spans);
}

/// "Council on | International Relations", "States in | Transition Research Center": the
/// tagger stopped at a joiner inside an organization's name.
pub(super) fn joiner_inside(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    for k in 0..spans.len() {
        let (s, kind) = (spans[k].words.clone(), spans[k].kind);
        let j = s.end;
        let next_start = spans.get(k + 1).map_or(r.end, |n| n.words.start).min(r.end);
        if kind == Kind::Person || j + 1 >= next_start || cx.coded(s.clone()) {
            continue;
        }
        let joiner = cx.word(j);
        let head_before = p.info[j - 1].flags.has(Flags::ORG_HEAD) && matches!(joiner, "of" | "on" | "for");
        // "Senate Fisheries | and Oceans Committee": a body's second field, when the span is
        // more than a known name ("the Senate and House Appropriations Committee" is two).
        let fields = joiner == "and"
            && kind == Kind::Org
            && !p.info[j - 1].flags.has(Flags::ORG_HEAD)
            && cx.org_phrase_end(s.start).is_none_or(|e| e < s.end);
        if !head_before && !fields && !matches!(joiner, "of" | "on" | "for" | "in" | "&") {
            continue;
        }
        let longest = if fields { 4 } else { 6 };
        let mut e = j + 1;
        while e < next_start
            && e < j + longest
            && cx.cap(e)
            && !p.info[e].sent_start
            && !p.info[e].flags.has(Flags::TIME)
        {
            e += 1;
        }
        let head_after = e > j + 1
            && p.info[e - 1].flags.has(Flags::ORG_HEAD)
            && !(fields && p.info[e - 1].flags.has(Flags::COMPANY));
        if e > j + 1 && (head_before || head_after) {
            spans[k] = Name::new(s.start..e, Kind::Org);
        }
    }
}

/// "Council | on | International Relations", "States | in | Transition Research Center": two
/// spans joined by a joiner, one with an organization's head word, are one organization; so are
/// a body's two fields ("House Ways | and | Means Committee", "Securities and Exchange
/// Commission"), but not two companies ("IBM and Intel Corp"), nor a known name and another
/// ("the Senate and House Appropriations Committee").
pub(super) fn joined(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (&spans[k].words, &spans[k + 1].words);
        let joiner = b.start == a.end + 1 && matches!(cx.word(a.end), "of" | "on" | "for" | "in" | "&");
        let head_before =
            p.info[a.end - 1].flags.has(Flags::ORG_HEAD) && matches!(cx.word(a.end), "of" | "on" | "for" | "&");
        let head_after = p.info[b.end - 1].flags.has(Flags::ORG_HEAD) && spans[k].kind != Kind::Person;
        let last = &p.info[b.end - 1];
        let fields = b.start == a.end + 1
            && cx.word(a.end) == "and"
            && spans[k].kind == Kind::Org
            && b.len() <= 3
            && last.flags.has(Flags::ORG_HEAD)
            && !last.flags.has(Flags::COMPANY)
            && !p.info[a.end - 1].flags.has(Flags::ORG_HEAD)
            && cx.org_phrase_end(a.start).is_none()
            && cx.org_phrase_end(b.start).is_none();
        let coded = cx.coded(a.clone());
        if (joiner && (head_before || head_after) || fields) && !coded && b.end - a.start <= 10 {
            let merged = a.start..b.end;
            spans[k] = Name::new(merged, Kind::Org);
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
}

/// "the Harbor City | Open", "the RENEW | Act": an event's or a law's head word the tagger left out.
pub(super) fn event_and_law_heads(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    for k in 0..spans.len() {
        let e = spans[k].words.end;
        let free = spans.get(k + 1).is_none_or(|n| n.words.start > e);
        if !free || !cx.cap(e) || p.info[e].sent_start || p.info[e].title_line || p.info[e].caps_line {
            continue;
        }
        if p.info[e].flags.has(Flags::EVENT_HEAD) || cx.lex.is(p.words[e].key, WordClass::LawHead) {
            spans[k].words.end = e + 1;
        }
    }
}

/// "the band Green Day", "record label EMI", "the airline Aer Lingus": a capitalised run right
/// after a noun of organizations names one, unless it is a person's full name ("the company John
/// Smith founded").
pub(super) fn after_org_nouns(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut named = Vec::new();
    for i in r.start + 1..r.end {
        let noun = &p.words[i - 1];
        if !cx.cap(i)
            || p.info[i].sent_start
            || p.info[i - 1].cap
            || p.info[i].flags.any(Flags::TIME | Flags::TITLE | Flags::HONORIFIC)
            || !cx.lex.is(noun.key, WordClass::OrgNoun)
        {
            continue;
        }
        let mut e = i + 1;
        while e < r.end && e < i + 4 && cx.cap(e) && !p.info[e].sent_start && !p.info[e].flags.has(Flags::TIME) {
            e += 1;
        }
        let first_name = p.info[i].flags.any(Flags::FIRST_M | Flags::FIRST_F);
        match spans.iter_mut().find(|s| s.words.start <= i && i < s.words.end) {
            Some(s) if s.words.start == i && !(s.kind == Kind::Person && first_name && s.words.len() >= 2) => {
                s.kind = Kind::Org;
                if s.words.end < e {
                    // "Velvet | Rain": the tagger stopped short of the run.
                    named.push(Name::new(i..e, Kind::Org));
                }
            }
            None => named.push(Name::new(i..e, Kind::Org)),
            _ => {}
        }
    }
    replace_overlapping(spans, named);
}

/// "House Ways and | Means Committee": the first field the tagger left out of a body's name.
pub(super) fn first_field(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    for k in 0..spans.len() {
        let (s, kind) = (spans[k].words.clone(), spans[k].kind);
        let last = &p.info[s.end - 1];
        let body =
            kind == Kind::Org && s.len() <= 3 && last.flags.has(Flags::ORG_HEAD) && !last.flags.has(Flags::COMPANY);
        if !body || s.start < r.start + 2 || cx.word(s.start - 1) != "and" || cx.org_phrase_end(s.start).is_some() {
            continue;
        }
        let field = |j: usize| {
            cx.cap(j)
                && !p.info[j].caps_line
                && !(p.info[j].flags | p.info[j].gaz).any(
                    Flags::PLACE | Flags::ORG_NAME | Flags::TITLE | Flags::HONORIFIC | Flags::TIME | Flags::PERSON_NAME,
                )
        };
        let floor = if k == 0 { r.start } else { spans[k - 1].words.end }.max(r.start);
        if s.start < floor + 2 {
            continue;
        }
        let mut a = s.start - 1;
        while a > floor && a + 3 > s.start && field(a - 1) && !p.info[a].sent_start {
            a -= 1;
        }
        if a < s.start - 1 && !p.info[a].sent_start {
            spans[k].words.start = a;
        }
    }
}

/// "Department of Housing | and | Urban Development", "Ministry of Trade and Industry": a body's
/// portfolio names two fields; the second is no other name (a place, a person, a well-known
/// organization).
pub(super) fn portfolios(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let mut k = 0;
    while k < spans.len() {
        let (s, kind) = (spans[k].words.clone(), spans[k].kind);
        let of = (s.start + 1..s.end).find(|&i| cx.word(i) == "of");
        let body = kind != Kind::Person && of.is_some_and(|of| p.info[of - 1].flags.has(Flags::ORG_HEAD));
        if !body || s.end + 1 >= r.end || cx.word(s.end) != "and" {
            k += 1;
            continue;
        }
        let other = Flags::PLACE
            | Flags::ORG_NAME
            | Flags::TITLE
            | Flags::HONORIFIC
            | Flags::FIRST_M
            | Flags::FIRST_F
            | Flags::TIME;
        let field = |i: usize| {
            cx.cap(i) && !p.info[i].sent_start && !p.info[i].upper && !(p.info[i].flags | p.info[i].gaz).any(other)
        };
        let mut e = s.end + 1;
        while e < r.end && e < s.end + 4 && field(e) {
            e += 1;
        }
        let free = spans
            .get(k + 1)
            .is_none_or(|n| n.words.start > s.end && n.words.start <= e && n.words.end <= e || n.words.start >= e);
        if e > s.end + 1 && free && (e == r.end || !cx.cap(e)) {
            spans[k] = Name::new(s.start..e, Kind::Org);
            while k + 1 < spans.len() && spans[k + 1].words.start < e {
                spans.remove(k + 1);
            }
        }
        k += 1;
    }
}

/// The possessive "'s" after a word ("Rose's").
fn is_possessive(cx: &Ctx<'_>, i: usize) -> bool {
    matches!(cx.word(i), "'s" | "’s") && cx.p.words[i - 1].span.end() == cx.p.words[i].span.start()
}

/// "3M", "7-Eleven": a word that starts with a digit is a number to the tagger, which never tags
/// it; a well-known organization's name spelt so is the organization.
pub(super) fn digit_led_names(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    let mut found = Vec::new();
    for i in cx.r.clone() {
        let w = &p.words[i];
        let digit_led = w.kind == WordKind::Number && cx.word(i).starts_with(|c: char| c.is_ascii_digit());
        // "$3M" is an amount.
        let amount = cx.text[..w.span.start()].ends_with(['$', '€', '£', '¥', '₹', '#']);
        if digit_led
            && !amount
            && cx.lex.word(w.key).has(Flags::ORG_NAME)
            && !spans.iter().any(|s| s.words.contains(&i))
        {
            found.push(Name::new(i..i + 1, Kind::Org));
        }
    }
    spans.extend(found);
    sort(spans);
}
