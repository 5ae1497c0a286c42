//! From tags to mentions: name-only spans ("Mr." and "the" stripped, titles kept aside), labels
//! refined with the gazetteers (GPE or LOC, NORP for demonyms), and the capitalisation traps the
//! tagger lets through (weekdays, months, headline words) dropped.

use std::ops::Range;

use crate::article::Label;
use crate::entities::features::{is_inside, kind_of, Candidate, Info, Prepared, O};
use crate::entities::lexicon::{
    self, Lexicon, WordClass, CITY_BIG, CONNECTOR, COUNTRY, DEMONYM, EVENT_FIRST, EVENT_HEAD, FAC_HEAD, GPE_HEAD,
    GPE_PLACE, HONORIFIC, LOC_HEAD, LOWER, MAX_PHRASE, NORP, ORG_HEAD, ORG_NAME, PLACE, REGION_GPE, REGION_LOC, STATE,
    TIME, TITLE,
};
use crate::entities::words::WordKind;
use crate::span::Span;

/// One mention found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// The name's words (indices into [`Prepared::words`]).
    pub words: Range<usize>,
    /// The name only.
    pub span: Span,
    /// What it names.
    pub label: Label,
    /// Title and honorific words right before the name ("President", "Mr.").
    pub titles: Range<usize>,
}

/// Turns the tags of all paragraphs into mentions, in text order.
pub fn mentions(text: &str, p: &Prepared, tags: &[u8], lex: &Lexicon) -> Vec<Found> {
    let mut spans = Vec::new();
    let mut teams = Vec::new();
    for r in &p.paragraphs {
        let from = spans.len();
        let mut i = r.start;
        while i < r.end {
            let t = tags[i];
            if t == O {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < r.end && is_inside(tags[j]) {
                j += 1;
            }
            spans.push((i..j, kind_of(t)));
            i = j;
        }
        let mut para = spans.split_off(from);
        repair(text, p, r.clone(), &mut para, lex);
        define_acronyms(text, p, r.clone(), &mut para);
        results_tables(text, p, r.clone(), &mut para, &mut teams);
        spans.extend(para);
    }
    propagate(p, &mut spans);
    headline_names(p, &mut spans);
    sports_teams(text, p, lex, &mut spans);
    tickers(text, p, &mut spans);
    let mut out = Vec::new();
    let mut next = spans.iter().peekable();
    let mut covered_to = 0;
    for r in &p.paragraphs {
        for i in r.clone() {
            match next.peek() {
                Some((s, kind)) if s.start == i => {
                    // A results line reads as a headline ("Manchester United 3 Arsenal 2"); its names stay whole.
                    let team =
                        teams.binary_search_by_key(&s.start, |t: &Range<usize>| t.start).is_ok_and(|k| teams[k] == *s);
                    let kind = if team { *kind | TEAM } else { *kind };
                    out.extend(refine(text, p, s.clone(), kind, r.start, lex));
                    covered_to = s.end;
                    next.next();
                }
                _ if i < covered_to => {}
                _ => out.extend(demonym(text, p, i, lex).into_iter().flatten()),
            }
        }
    }
    out
}

/// Sports results and standings ("Leicester 22 9 8 5 30 24 35", "Barnsley 3 Tranmere 0"): on a
/// line of names and numbers only, a name is a team (an organization), unless it is a country
/// (national sides are named as places) or a person's full name.
fn results_tables(
    text: &str,
    p: &Prepared,
    r: Range<usize>,
    spans: &mut Vec<(Range<usize>, usize)>,
    teams: &mut Vec<Range<usize>>,
) {
    let mut line = r.start;
    while line < r.end {
        let mut end = line + 1;
        while end < r.end && !p.words[end].line_start {
            end += 1;
        }
        let words = &p.words[line..end];
        let numbers = words.iter().filter(|w| w.kind == WordKind::Number).count();
        let names_and_numbers = words.iter().zip(&p.info[line..end]).all(|(w, info)| match w.kind {
            WordKind::Alpha => info.cap && !info.caps_line,
            WordKind::Number | WordKind::Punct => true,
            _ => false,
        });
        let starts_with_name = words[0].kind == WordKind::Alpha
            || (words.len() > 2 && words[0].kind == WordKind::Number && words[1].kind == WordKind::Punct);
        // A match result ("Arsenal 2 Everton 0") or a row of standings (seven columns or so), in
        // small whole numbers: its names are teams even when they are common words. Statistics
        // tables ("Total 1988 1989", "Zinc 495 Copper 503") are neither.
        let whole = words
            .iter()
            .filter(|w| w.kind == WordKind::Number)
            .all(|w| w.span.len() <= 2 && w.span.as_str(text).bytes().all(|b| b.is_ascii_digit()));
        let mut shape = words.iter().filter(|w| w.kind != WordKind::Punct).map(|w| w.kind).collect::<Vec<_>>();
        shape.dedup();
        let result = shape == [WordKind::Alpha, WordKind::Number, WordKind::Alpha, WordKind::Number];
        let teams_line = whole && (result || numbers >= 6);
        if numbers >= 2 && names_and_numbers && starts_with_name && numbers * 2 >= words.len() - numbers {
            let mut i = line;
            while i < end {
                if p.words[i].kind != WordKind::Alpha {
                    i += 1;
                    continue;
                }
                let mut j = i + 1;
                while j < end && p.words[j].kind == WordKind::Alpha {
                    j += 1;
                }
                let first = p.info[i].flags;
                let person = j - i >= 2 && first & (lexicon::FIRST_M | lexicon::FIRST_F | lexicon::FIRST_U) != 0;
                let country = names_nation(&p.info[i]);
                let kind = if person {
                    PER
                } else if country {
                    LOC
                } else {
                    ORG
                };
                spans.retain(|(s, _)| !(s.start < j && i < s.end));
                spans.push((i..j, kind));
                if teams_line {
                    teams.push(i..j);
                }
                i = j;
            }
            spans.sort_by_key(|(s, _)| s.start);
        }
        line = end;
    }
}

/// Places named as teams in sports reports ("Leeds beat Everton 2-1", "Tottenham, who lost 2-0",
/// "Leeds manager Howard Wilkinson"), and every other mention of those names in the article, are
/// organizations. Countries and regions stay places: national sides are named as places.
fn sports_teams(text: &str, p: &Prepared, lex: &Lexicon, spans: &mut [(Range<usize>, usize)]) {
    use crate::entities::lexicon::{key, KeyMap, MatchWord};
    let match_word = |i: usize| p.words.get(i).and_then(|w| lex.match_word(w.key));
    let word_is = |i: usize, w: &str| p.words.get(i).is_some_and(|x| x.key == key(w));
    // A score within the next words: "2-1", or "2", "-", "1" (not a price: "1-1/2").
    let goals = |w: &str| !w.is_empty() && w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit());
    let score_at = |i: usize| {
        (i..(i + 3).min(p.words.len())).any(|j| {
            let w = p.words[j].text(text);
            let joined = w.split_once('-').is_some_and(|(a, b)| goals(a) && goals(b));
            let apart = goals(w) && word_is(j + 1, "-") && p.words.get(j + 2).is_some_and(|n| goals(n.text(text)));
            joined || apart
        })
    };
    let team_context = |s: &Range<usize>| {
        let mut after = s.end;
        if word_is(after, ",") && word_is(after + 1, "who") {
            after += 2;
        }
        let follows = match match_word(after) {
            Some(MatchWord::Win | MatchWord::Role) => true,
            Some(MatchWord::Score) => score_at(after + 1),
            None => false,
        };
        let before = s.start.checked_sub(1).filter(|_| !p.words[s.start].line_start);
        let object = before.is_some_and(|b| match match_word(b) {
            Some(MatchWord::Win) => true,
            // "drew with Leeds 1-1", "lost to Leeds 2-0", "a 3-2 win over Leeds".
            _ => {
                ["with", "to", "against", "over"].iter().any(|w| word_is(b, w))
                    && b.checked_sub(1).is_some_and(|v| {
                        match_word(v).is_some_and(|m| m != MatchWord::Role)
                            && (score_at(s.end) || score_at(v.saturating_sub(3)))
                    })
            }
        });
        follows || object
    };
    let mut teams: KeyMap<()> = KeyMap::default();
    for (s, kind) in spans.iter() {
        if base(*kind) == LOC && !names_nation(&p.info[s.start]) && team_context(s) {
            teams.insert(span_key(p, s), ());
        }
    }
    places_named_as_orgs(p, spans, &teams);
}

/// "NORVALE <NRV> NET RISES", "Acme Oil Inc <ACO.N>": a name followed by a stock ticker in angle
/// brackets is a listed company, and so is every other mention of that name in the article.
fn tickers(text: &str, p: &Prepared, spans: &mut [(Range<usize>, usize)]) {
    use crate::entities::lexicon::KeyMap;
    let ticker_after = |s: &Range<usize>| {
        let rest = text[p.words[s.end - 1].span.end()..].trim_start_matches([' ', '\t']);
        let Some(inner) = rest.strip_prefix('<') else { return false };
        let len = inner.bytes().take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'.').count();
        (1..=10).contains(&len) && inner.as_bytes().get(len) == Some(&b'>')
    };
    let mut companies: KeyMap<()> = KeyMap::default();
    for (s, kind) in spans.iter_mut() {
        if base(*kind) != PER && ticker_after(s) {
            *kind = markers(*kind) | ORG;
            companies.insert(span_key(p, s), ());
        }
    }
    places_named_as_orgs(p, spans, &companies);
}

/// Every place whose words spell one of `names` becomes an organization: a team or a listed
/// company found in one mention is one in all of them.
fn places_named_as_orgs(p: &Prepared, spans: &mut [(Range<usize>, usize)], names: &lexicon::KeyMap<()>) {
    if names.is_empty() {
        return;
    }
    for (s, kind) in spans.iter_mut() {
        if base(*kind) == LOC && names.contains_key(&span_key(p, s)) {
            *kind = markers(*kind) | ORG;
        }
    }
}

/// The key of the name a span's words spell.
fn span_key(p: &Prepared, s: &Range<usize>) -> u64 {
    lexicon::name_key(p.words[s.clone()].iter().map(|w| w.key))
}

/// Puts `new` spans in place of the ones they overlap, keeping text order.
fn replace_overlapping(spans: &mut Vec<(Range<usize>, usize)>, new: Vec<(Range<usize>, usize)>) {
    if new.is_empty() {
        return;
    }
    spans.retain(|(s, _)| !new.iter().any(|(n, _)| n.start < s.end && s.start < n.end));
    spans.extend(new);
    spans.sort_by_key(|(s, _)| s.start);
}

/// A well-known organization's one-word name that is also a common word ("Congress", "Arsenal"),
/// which the article writes capitalised mid-sentence too: at a sentence's start it is the name.
fn known_org(info: &Info) -> bool {
    info.gaz_pos == 1 && info.gaz & ORG_NAME != 0 && info.doc & 2 != 0
}

/// A word that names a country or a political region, by the gazetteers or the word lists.
fn names_nation(info: &Info) -> bool {
    (info.gaz | info.flags) & (COUNTRY | REGION_GPE) != 0
}

/// True for a word written as an acronym: two to eight letters, all capitals, possibly with
/// periods or "&" ("HANO", "C.I.A.", "AT&T" is split by the tokenizer).
fn is_acronym(text: &str, p: &Prepared, i: usize) -> bool {
    let w = &p.words[i];
    let letters = w.text(text).chars().filter(|c| c.is_alphabetic()).count();
    w.kind == WordKind::Alpha && p.info[i].upper && (2..=8).contains(&letters)
}

/// "the Housing Authority of New Orleans (HANO)": an acronym in brackets right after a name
/// of two words or more is a name of the same kind.
fn define_acronyms(text: &str, p: &Prepared, r: Range<usize>, spans: &mut Vec<(Range<usize>, usize)>) {
    let mut added = Vec::new();
    for (s, kind) in spans.iter() {
        let a = s.end + 1;
        let defines = *kind != PER
            && s.len() >= 2
            && a + 1 < r.end
            && p.words[s.end].text(text) == "("
            && p.words[a + 1].text(text) == ")"
            && is_acronym(text, p, a);
        if defines {
            added.push((a..a + 1, *kind));
        }
    }
    replace_overlapping(spans, added);
}

/// Words the tagger left out although the article names them elsewhere ("Hu" of "Mr. Hu" in
/// "Hu Jintao"), or the gazetteers know them well (countries, states, regions, big cities,
/// well-known organizations).
fn propagate(p: &Prepared, spans: &mut Vec<(Range<usize>, usize)>) {
    use crate::entities::lexicon::KeyMap;
    // Surnames of full names, and names written after "Mr." or "Ms.".
    let mut known: KeyMap<()> = KeyMap::default();
    for (s, kind) in spans.iter() {
        let honoured = s.start > 0 && p.info[s.start - 1].flags & HONORIFIC != 0;
        if *kind == PER && (s.len() >= 2 || honoured) {
            known.insert(p.words[s.end - 1].key, ());
        }
    }
    // Acronyms named as organizations somewhere ("HANO", "CPA"), or as places the gazetteers
    // know ("US"); any other one is more often a term ("DH").
    let mut acronyms: KeyMap<usize> = KeyMap::default();
    for (s, kind) in spans.iter() {
        let info = &p.info[s.start];
        let known_place = *kind == LOC && (info.flags | info.gaz) & PLACE != 0;
        if s.len() == 1 && (*kind == ORG || known_place) && !info.caps_line && info.upper {
            acronyms.insert(p.words[s.start].key, *kind);
        }
    }
    let mut covered = vec![false; p.words.len()];
    for (s, _) in spans.iter() {
        covered[s.clone()].fill(true);
    }
    let mut added = Vec::new();
    for r in &p.paragraphs {
        let mut i = r.start;
        while i < r.end {
            let info = &p.info[i];
            let usable = !covered[i]
                && info.candidate == Candidate::Name
                && info.cap
                && info.flags & (TIME | HONORIFIC | TITLE) == 0
                && !(info.sent_start && info.flags & LOWER != 0 && info.doc & 1 != 0)
                && !(info.caps_line && info.flags & LOWER != 0);
            if !usable {
                i += 1;
                continue;
            }
            let gaz = if info.gaz_pos == 1 { info.gaz } else { info.flags };
            let strong = gaz & (COUNTRY | STATE | REGION_GPE | REGION_LOC | CITY_BIG | ORG_NAME) != 0;
            let acronym = if info.upper { acronyms.get(&p.words[i].key).copied() } else { None };
            if let Some(kind) = acronym {
                added.push((i..i + 1, kind));
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
                    && p.info[a - 1].flags & (HONORIFIC | TITLE) == 0
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
                added.push((a..b, PER));
                i = b;
            } else if strong && (!info.sent_start || info.flags & LOWER == 0 || known_org(info)) {
                let mut b = i + 1;
                if info.gaz_pos == 1 {
                    while b < r.end && p.info[b].gaz_pos == 2 && !covered[b] {
                        b += 1;
                    }
                }
                added.push((i..b, if gaz & ORG_NAME != 0 { ORG } else { LOC }));
                i = b;
            } else {
                i += 1;
            }
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|(s, _)| s.start);
    }
}

/// "GANDER MOUNTAIN <GNDR.O> BUYS ...": a wire headline in capitals names what the story names
/// in mixed case ("Gander Mountain Inc"), so words of a capitals line that spell a name of the
/// body, or the name of a company without its legal form, take that name's kind.
fn headline_names(p: &Prepared, spans: &mut Vec<(Range<usize>, usize)>) {
    use crate::entities::lexicon::KeyMap;
    let key = |r: Range<usize>| span_key(p, &r);
    let mut names: KeyMap<usize> = KeyMap::default();
    let mut company: KeyMap<()> = KeyMap::default();
    for (s, kind) in spans.iter() {
        if p.info[s.start].caps_line || *kind == MISC || s.len() > MAX_PHRASE {
            continue;
        }
        names.entry(key(s.clone())).or_insert(*kind);
        if *kind == ORG && s.len() >= 2 && p.info[s.end - 1].flags & lexicon::COMPANY != 0 {
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
        names.insert(k, ORG);
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
                found.push((s, kind | KEEP_WORDS));
            }
            None => i += 1,
        }
    }
    replace_overlapping(spans, found);
}

/// A first name or a surname.
const PERSON_WORD: u32 = lexicon::FIRST_M | lexicon::FIRST_F | lexicon::FIRST_U | lexicon::SURNAME;

/// Marks a span whose words are a name whatever headline case suggests: a headline name
/// [`headline_names`] took from the body.
const KEEP_WORDS: usize = 8;
/// Marks a team's name on a line of results: its words are a name ([`KEEP_WORDS`]), even a
/// lone common word ("Arsenal 2 Everton 0").
const TEAM: usize = 16;

/// A span's kind without its markers.
fn base(kind: usize) -> usize {
    kind & !(KEEP_WORDS | TEAM)
}

/// A span's markers without its kind.
fn markers(kind: usize) -> usize {
    kind & (KEEP_WORDS | TEAM)
}

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;
const MISC: usize = 3;

/// Fixes what a left-to-right tagger trained on little data gets wrong at span level:
/// honorifics, middle initials, "X of Y" and organization names with joiners.
fn repair(text: &str, p: &Prepared, r: Range<usize>, spans: &mut Vec<(Range<usize>, usize)>, lex: &Lexicon) {
    let cap = |i: usize| i < r.end && p.info[i].candidate == Candidate::Name && p.info[i].cap;
    // A code is no organization's first word ("rated A-1 of | Harbor Bank Ltd").
    let coded = |s: Range<usize>| s.into_iter().any(|i| p.words[i].text(text).bytes().any(|c| c.is_ascii_digit()));
    for (s, _) in spans.iter_mut() {
        if s.len() >= 3 && coded(s.start..s.start + 1) && p.words[s.start + 1].text(text) == "of" {
            s.start += 2;
        }
    }
    // "Sheffield | Wednesday", "Real | Madrid": a span that starts the name of a well-known
    // organization runs to the end of that name.
    let org_phrase_end = |i: usize| {
        let first = &p.info[i];
        let mut e = i + 1;
        while e < r.end && p.info[e].gaz_pos == 2 {
            e += 1;
        }
        // "the Labour party" is no "Labour Party": the name ends at its last capitalised word.
        while e > i + 1 && !p.info[e - 1].cap && p.words[e - 1].kind != WordKind::Possessive {
            e -= 1;
        }
        // "Standard and Poor's | Corp": its legal form may follow.
        if e < r.end && p.info[e].cap && p.info[e].flags & lexicon::COMPANY != 0 {
            e += 1;
        }
        (first.gaz_pos == 1 && first.gaz & ORG_NAME != 0).then_some(e)
    };
    let mut k = 0;
    while k < spans.len() {
        if let Some(e) = org_phrase_end(spans[k].0.start).filter(|&e| e > spans[k].0.end) {
            spans[k] = (spans[k].0.start..e, ORG);
            while k + 1 < spans.len() && spans[k + 1].0.start < e {
                let rest = spans.remove(k + 1).0;
                spans[k].0.end = spans[k].0.end.max(rest.end);
            }
        }
        k += 1;
    }
    // "Mr. Hu": a capitalised run after an honorific is a person; so is one after a title
    // ("President Hu Jintao", "Secretary Rice") when no word of it names a place, an
    // organization, a date or a nationality.
    let not_person = PLACE | ORG_HEAD | ORG_NAME | FAC_HEAD | TIME | DEMONYM | NORP | TITLE | HONORIFIC;
    let plain = |j: usize| cap(j) && !p.info[j].caps_line && (p.info[j].flags | p.info[j].gaz) & not_person == 0;
    let mut i = r.start;
    while i + 1 < r.end {
        let honorific = p.info[i].flags & HONORIFIC != 0 && p.info[i].cap && cap(i + 1);
        let titled = !honorific
            && is_title(&p.info[i])
            && p.info[i].cap
            && !p.info[i].caps_line
            && plain(i + 1)
            && !(i + 2 < r.end && cap(i + 2) && !plain(i + 2));
        if titled && spans.iter().any(|(s, k)| *k == PER && s.start <= i + 1 && i + 1 < s.end) {
            i += 1;
            continue;
        }
        if honorific || titled {
            let mut j = i + 1;
            while j < r.end && j < i + 4 && (if honorific { cap(j) } else { plain(j) }) {
                j += 1;
            }
            // A name the tagger ran on into this one ("Hu Jintao and Dr.") keeps its start.
            for (s, _) in spans.iter_mut() {
                if s.start <= i && i < s.end {
                    s.end = i;
                }
            }
            spans.retain(|(s, _)| !(s.is_empty() || s.start < j && i < s.end));
            spans.push((i + 1..j, PER));
            i = j;
        } else {
            i += 1;
        }
    }
    // "Acme Corp.", "Thomson McKinnon Inc", "ROSS STORES INC <ROST>": capitalised words before a
    // company's legal form name the company, even where the tagger took only the last of them.
    for i in r.start + 1..r.end {
        let info = &p.info[i];
        if info.flags & lexicon::COMPANY == 0 || !info.cap || !cap(i - 1) {
            continue;
        }
        let mut a = i;
        if info.caps_line {
            // A wire headline starts with the company it is about.
            let line = (r.start..i).rev().find(|&j| j == r.start || p.words[j].line_start).unwrap_or(r.start);
            if i - line > 4 || (line..i).any(|j| p.info[j].closed || !cap(j)) {
                continue;
            }
            a = line;
        } else {
            loop {
                // "Rose's Stores Inc": a possessive inside the name.
                let b = if a > r.start + 1 && is_possessive(text, p, a - 1) { a - 1 } else { a };
                // A title word may start a company's name ("General Harbor Holdings Inc"), not an
                // honorific; another company's dotted legal form ends the name before ("Acme
                // Corp. | Norvale Corp").
                let legal_form =
                    |j: usize| p.info[j].flags & lexicon::COMPANY != 0 && p.words[j].text(text).ends_with('.');
                if !(b > r.start
                    && a + 4 > i
                    && cap(b - 1)
                    && !p.info[b - 1].closed
                    && !legal_form(b - 1)
                    && p.info[b - 1].flags & (HONORIFIC | TIME) == 0)
                {
                    break;
                }
                a = b - 1;
                if p.info[a].sent_start {
                    break;
                }
            }
        }
        if a == i || spans.iter().any(|(s, k)| *k == ORG && s.start <= a && i < s.end) {
            continue;
        }
        spans.retain(|(s, _)| !(s.start <= i && a < s.end));
        spans.push((a..i + 1, ORG));
    }
    // "National Westminster Bank", "the Federal Home Loan Bank Board": capitalised words right
    // before an organization's name are part of it, a sentence's first word too unless it is a
    // closed-class word ("But", "Five").
    spans.sort_by_key(|(s, _)| s.start);
    for k in 0..spans.len() {
        // A well-known organization's whole name takes no sentence's first word ("Advisors |
        // Goldman Sachs"), though it may take a word before it ("New Labour").
        let known = org_phrase_end(spans[k].0.start).is_some_and(|e| e == spans[k].0.end);
        if spans[k].1 != ORG || p.info[spans[k].0.start].caps_line {
            continue;
        }
        let floor = if k == 0 { r.start } else { spans[k - 1].0.end.max(r.start) };
        let mut a = spans[k].0.start;
        while a > floor
            && !p.info[a].sent_start
            && cap(a - 1)
            && !p.info[a - 1].closed
            && !p.info[a - 1].caps_line
            && (!known || !p.info[a - 1].sent_start)
            && p.info[a - 1].flags & (TITLE | HONORIFIC | TIME | DEMONYM | NORP) == 0
            && p.info[a - 1].gaz & TITLE == 0
        {
            a -= 1;
        }
        spans[k].0.start = a;
    }
    // "U.S. Agriculture Department", "U.S. Navy": a wire names a state's body after its country,
    // a place, then the body.
    let mut bodies = Vec::new();
    for (s, kind) in spans.iter_mut() {
        let first = &p.info[s.start];
        let country = first.gaz_pos != 2 && names_nation(first);
        let mut e = s.start + 1;
        while e < s.end && p.info[e].gaz_pos == 2 {
            e += 1;
        }
        if *kind == ORG && country && e < s.end && lex.is(p.words[s.end - 1].key, WordClass::StateBody) {
            bodies.push((e..s.end, ORG));
            *s = s.start..e;
            *kind = LOC;
        }
    }
    spans.extend(bodies);
    spans.sort_by_key(|(s, _)| s.start);
    // The tagger may have split them already: "U.S. | Navy" is a place before an organization.
    for k in 1..spans.len() {
        let (country, next) = (&spans[k - 1], &spans[k]);
        let nation = (country.0.start..country.0.end).all(|i| names_nation(&p.info[i]));
        if country.1 == ORG && next.1 == ORG && country.0.end == next.0.start && nation {
            spans[k - 1].1 = LOC;
        }
    }
    // "the Carter administration": an administration is named after its leader.
    for i in r.start + 1..r.end.saturating_sub(1) {
        if p.words[i + 1].text(text) == "administration"
            && plain(i)
            && !p.info[i].upper
            && p.words[i - 1].text(text).eq_ignore_ascii_case("the")
        {
            spans.retain(|(s, _)| !(s.start <= i && i < s.end));
            spans.push((i..i + 1, PER));
        }
    }
    spans.sort_by_key(|(s, _)| s.start);
    // "Viktor V. | Orlov": a name that ends in an initial goes on into the next one.
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (&spans[k].0, &spans[k + 1].0);
        let initial =
            is_initial(text, p, a.end - 1) || (a.end < b.start && (a.end..b.start).all(|i| is_initial(text, p, i)));
        if initial && b.start <= a.end + 2 && (a.end..b.start).all(|i| is_initial(text, p, i)) {
            let merged = spans[k].0.start..spans[k + 1].0.end;
            spans[k] = (merged, PER);
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
    // "New York Attorney General Elliot Spitzer": a title inside a name splits a place or an
    // organization from the person after it.
    let mut people = Vec::new();
    for (s, kind) in spans.iter_mut() {
        // A title word after "of" names a portfolio ("Department of Justice").
        let title = |i: usize| {
            p.info[i].cap
                && (p.info[i].flags & (TITLE | HONORIFIC) != 0 || p.info[i].gaz & TITLE != 0)
                && p.words[i - 1].text(text) != "of"
        };
        let t = (s.start + 1..s.end).find(|&i| title(i)).unwrap_or(s.end);
        let mut e = t;
        while e < s.end && title(e) {
            e += 1;
        }
        if t < s.end && (s.start..t).all(|i| !title(i)) {
            if e < s.end {
                people.push((e..s.end, PER));
                let place = p.info[s.start].gaz & PLACE != 0 || p.info[s.start].flags & PLACE != 0;
                *kind = if place { LOC } else { ORG };
                s.end = t;
            } else if *kind != PER {
                // "Indonesian | Energy Minister": the title the name ran into is no part of it.
                s.end = t;
            }
        }
        // "U.S. Energy Secretary", "Indonesian Energy Minister": the common words between a
        // country or nationality and a title belong to the title.
        if *kind != PER && s.end < r.end && title(s.end) {
            if let Some((g, k)) = place_before_title(p, s.clone()) {
                (s.end, *kind) = (g, k);
            }
        }
    }
    spans.extend(people);
    spans.sort_by_key(|(s, _)| s.start);
    let mut tails = Vec::new();
    for (s, kind) in spans.iter_mut() {
        // "University of Edinburgh", "Bank of England": an organization word with "of".
        if s.len() >= 3 && p.info[s.start].flags & ORG_HEAD != 0 && p.words[s.start + 1].text(text) == "of" {
            *kind = ORG;
        }
        // People are not "of" anything: "President Varga of Belarus".
        if *kind == PER {
            if let Some(of) = (s.start + 1..s.end).find(|&i| p.words[i].text(text) == "of") {
                if of + 1 < s.end {
                    let tail = of + 1..s.end;
                    let place = p.info[tail.start].flags & PLACE != 0 || p.info[tail.start].gaz & PLACE != 0;
                    tails.push((tail, if place { LOC } else { ORG }));
                }
                s.end = of;
            }
        } else if let Some(month) = (s.start + 1..s.end)
            .find(|&i| p.info[i].flags & TIME != 0)
            .filter(|_| org_phrase_end(s.start).is_none_or(|e| e < s.end))
        {
            // "New York Sept": a date follows the name.
            s.end = month;
        }
        // A name ending in "Council", "Ministry" or "Corp." names an organization, unless it
        // is a known place ("Soviet Union").
        let known_place = p.info[s.start].gaz_pos == 1
            && p.info[s.start].gaz & PLACE != 0
            && (s.start + 1..s.end).all(|i| p.info[i].gaz_pos == 2)
            && (s.end == r.end || p.info[s.end].gaz_pos != 2);
        if s.len() >= 2 && p.info[s.end - 1].flags & ORG_HEAD != 0 && p.info[s.end - 1].cap && !known_place {
            *kind = ORG;
        }
    }
    spans.extend(tails);
    spans.sort_by_key(|(s, _)| s.start);
    // "Tomas Halden, the prime minister of ...": an appositive headed by a title describes a person.
    for (s, kind) in spans.iter_mut() {
        if *kind != PER && s.len() <= 3 && appositive_title(text, p, s.end, r.end) {
            *kind = PER;
        }
    }
    // "was Hun | Sen": a capitalised word mid-sentence right before a person's name is part of it.
    for k in 0..spans.len() {
        let (s, kind) = spans[k].clone();
        let i = s.start;
        let free = k == 0 || spans[k - 1].0.end < i;
        if kind != PER || i == r.start || !free || p.info[i].sent_start || !cap(i - 1) {
            continue;
        }
        let w = &p.info[i - 1];
        let blocked = TIME | HONORIFIC | TITLE | DEMONYM | NORP | PLACE | ORG_HEAD | ORG_NAME | LOWER;
        if !w.sent_start && !w.upper && w.flags & blocked == 0 && w.gaz == 0 {
            spans[k].0.start = i - 1;
        }
    }
    // "James | Cleverly": a capitalised word right after a lone first name is the surname.
    let mut k = 0;
    while k < spans.len() {
        let (s, kind) = spans[k].clone();
        let j = s.end;
        // The next word is free, or a one-word name the tagger could not place.
        let next = spans.get(k + 1).filter(|(n, _)| n.start == j).cloned();
        let free = next.as_ref().is_none_or(|(n, nk)| n.len() == 1 && *nk == MISC);
        let first_name = p.info[s.start].flags & (lexicon::FIRST_M | lexicon::FIRST_F | lexicon::FIRST_U) != 0;
        let surname = |j: usize| {
            cap(j)
                && !p.info[j].sent_start
                && p.info[j].flags & (TIME | ORG_HEAD | HONORIFIC | TITLE) == 0
                && p.info[j].gaz & PLACE == 0
        };
        if kind == PER && s.len() == 1 && first_name && free && surname(j) {
            spans[k].0.end = j + 1;
            if next.is_some() {
                spans.remove(k + 1);
            }
        }
        k += 1;
    }
    // "Council on | International Relations", "States in | Transition Research Center": the
    // tagger stopped at a joiner inside an organization's name.
    for k in 0..spans.len() {
        let (s, kind) = spans[k].clone();
        let j = s.end;
        let next_start = spans.get(k + 1).map_or(r.end, |(n, _)| n.start).min(r.end);
        if kind == PER || j + 1 >= next_start || coded(s.clone()) {
            continue;
        }
        let joiner = p.words[j].text(text);
        let head_before = p.info[j - 1].flags & ORG_HEAD != 0 && matches!(joiner, "of" | "on" | "for");
        if !head_before && !matches!(joiner, "of" | "on" | "for" | "in" | "&") {
            continue;
        }
        let mut e = j + 1;
        while e < next_start && e < j + 6 && cap(e) && !p.info[e].sent_start && p.info[e].flags & TIME == 0 {
            e += 1;
        }
        let head_after = e > j + 1 && p.info[e - 1].flags & ORG_HEAD != 0;
        if e > j + 1 && (head_before || head_after) {
            spans[k] = (s.start..e, ORG);
        }
    }
    for k in 0..spans.len() {
        let s = spans[k].0.clone();
        // "St. | Thomas", "Mt. | Everest": the abbreviation belongs to the name after it.
        let before = s.start.checked_sub(1).filter(|&i| i >= r.start && (k == 0 || spans[k - 1].0.end <= i));
        if let Some(i) = before {
            let t = p.words[i].text(text);
            if matches!(t, "St." | "Mt." | "Ft." | "St" | "Mt" | "Ft") && p.info[i].cap {
                spans[k].0.start = i;
            }
        }
        // "Baltimore Orioles", "New York Yankees": a place followed by more name is a team or a
        // company.
        let (s, kind) = spans[k].clone();
        if kind == LOC && s.len() >= 2 && p.info[s.start].gaz & PLACE != 0 {
            let mut e = s.start + 1;
            while e < s.end && p.info[e].gaz_pos == 2 {
                e += 1;
            }
            let rest = e..s.end;
            let heads = LOC_HEAD | GPE_HEAD | PLACE | DEMONYM;
            if !rest.is_empty()
                && rest.clone().all(|i| p.info[i].cap && p.info[i].flags & heads == 0 && p.info[i].gaz == 0)
            {
                spans[k].1 = ORG;
            }
        }
    }
    // Datelines: "SAN ANTONIO, Tex., March 9 -", "LONDON (Reuters) -", "LONDON 1996-08-30".
    for (s, kind) in spans.iter_mut() {
        let line_start = s.start == r.start || p.words[s.start].line_start;
        let all_caps = (s.start..s.end).all(|i| p.info[i].upper || p.words[i].kind != WordKind::Alpha);
        let next = p.words.get(s.end).filter(|_| s.end < r.end);
        let dated = next.is_some_and(|w| w.kind == WordKind::Number);
        let next = next.map(|w| w.text(text));
        if line_start
            && all_caps
            && !p.info[s.start].caps_line
            && (dated || matches!(next, Some("," | "(" | "-" | "—" | "–")))
        {
            *kind = LOC;
        }
    }
    // "SALEM, Mass., April 8", "a Casper, Wyo., retailer": an abbreviated state after a
    // town's name and a comma is a place, and so is the town.
    let mut states = Vec::new();
    for i in r.start + 2..r.end {
        let w = p.words[i].text(text);
        if !(p.info[i].cap && w.ends_with('.') && lex.is(p.words[i].key, WordClass::StateAbbreviation))
            || p.words[i - 1].text(text) != ","
        {
            continue;
        }
        if let Some((_, kind)) = spans.iter_mut().find(|(s, _)| s.end == i - 1) {
            if *kind == PER || *kind == MISC {
                *kind = LOC;
            }
            if *kind == LOC {
                states.push((i..i + 1, LOC));
            }
        } else if !spans.iter().any(|(s, _)| s.start <= i && i - 2 < s.end) {
            // The town the tagger left out: up to three capitalised words before the comma.
            let covered = |j: usize| spans.iter().any(|(s, _)| s.contains(&j));
            let mut a = i - 1;
            while a > r.start
                && a + 3 >= i
                && cap(a - 1)
                && !p.info[a - 1].closed
                && !covered(a - 1)
                && !p.info[a].sent_start
            {
                a -= 1;
            }
            if a < i - 1 {
                states.push((a..i - 1, LOC));
                states.push((i..i + 1, LOC));
            }
        }
    }
    replace_overlapping(spans, states);
    // "Council | on | International Relations", "States | in | Transition Research Center".
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (&spans[k].0, &spans[k + 1].0);
        let joiner = b.start == a.end + 1 && matches!(p.words[a.end].text(text), "of" | "on" | "for" | "in" | "&");
        let head_before =
            p.info[a.end - 1].flags & ORG_HEAD != 0 && matches!(p.words[a.end].text(text), "of" | "on" | "for" | "&");
        let head_after = p.info[b.end - 1].flags & ORG_HEAD != 0 && spans[k].1 != PER;
        // "House Ways | and | Means Committee", "Securities and Exchange Commission": a body's
        // name of two fields; not two companies ("IBM and Intel Corp"), nor a known name and
        // another ("the Senate and House Appropriations Committee").
        let last = &p.info[b.end - 1];
        let fields = b.start == a.end + 1
            && p.words[a.end].text(text) == "and"
            && spans[k].1 == ORG
            && b.len() <= 3
            && last.flags & ORG_HEAD != 0
            && last.flags & lexicon::COMPANY == 0
            && p.info[a.end - 1].flags & ORG_HEAD == 0
            && org_phrase_end(a.start).is_none()
            && org_phrase_end(b.start).is_none();
        let coded = coded(a.clone());
        if (joiner && (head_before || head_after) || fields) && !coded && b.end - a.start <= 10 {
            let merged = a.start..b.end;
            spans[k] = (merged, ORG);
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
    // "the Harbor City | Open", "the RENEW | Act": an event's or a law's head word the tagger left out.
    for k in 0..spans.len() {
        let s = spans[k].0.clone();
        let e = s.end;
        let free = spans.get(k + 1).is_none_or(|(n, _)| n.start > e);
        if !free || !cap(e) || p.info[e].sent_start || p.info[e].title_line || p.info[e].caps_line {
            continue;
        }
        if p.info[e].flags & EVENT_HEAD != 0 || lex.is(p.words[e].key, WordClass::LawHead) {
            spans[k].0.end = e + 1;
        }
    }
    // "the band Green Day", "record label EMI", "the airline Aer Lingus": a capitalised run
    // right after a noun of organizations names one, unless it is a person's full name ("the
    // company John Smith founded").
    let mut named = Vec::new();
    for i in r.start + 1..r.end {
        let noun = &p.words[i - 1];
        if !cap(i)
            || p.info[i].sent_start
            || p.info[i - 1].cap
            || p.info[i].flags & (TIME | TITLE | HONORIFIC) != 0
            || !lex.is(noun.key, WordClass::OrgNoun)
        {
            continue;
        }
        let mut e = i + 1;
        while e < r.end && e < i + 4 && cap(e) && !p.info[e].sent_start && p.info[e].flags & TIME == 0 {
            e += 1;
        }
        let first_name = p.info[i].flags & (lexicon::FIRST_M | lexicon::FIRST_F) != 0;
        match spans.iter_mut().find(|(s, _)| s.start <= i && i < s.end) {
            Some((s, kind)) if s.start == i && !(*kind == PER && first_name && s.len() >= 2) => {
                *kind = ORG;
                if s.end < e {
                    // "Velvet | Rain": the tagger stopped short of the run.
                    named.push((i..e, ORG));
                }
            }
            None => named.push((i..e, ORG)),
            _ => {}
        }
    }
    replace_overlapping(spans, named);
    // "House Ways and | Means Committee": the first field the tagger left out of a body's name.
    for k in 0..spans.len() {
        let (s, kind) = spans[k].clone();
        let last = &p.info[s.end - 1];
        let body = kind == ORG && s.len() <= 3 && last.flags & ORG_HEAD != 0 && last.flags & lexicon::COMPANY == 0;
        if !body
            || s.start < r.start + 2
            || p.words[s.start - 1].text(text) != "and"
            || org_phrase_end(s.start).is_some()
        {
            continue;
        }
        let field = |j: usize| {
            cap(j)
                && !p.info[j].caps_line
                && (p.info[j].flags | p.info[j].gaz) & (PLACE | ORG_NAME | TITLE | HONORIFIC | TIME | PERSON_WORD) == 0
        };
        let prev = if k == 0 { r.start..r.start } else { spans[k - 1].0.clone() };
        let floor = prev.end.max(r.start);
        if s.start < floor + 2 {
            continue;
        }
        let mut a = s.start - 1;
        while a > floor && a + 3 > s.start && field(a - 1) && !p.info[a].sent_start {
            a -= 1;
        }
        if a < s.start - 1 && !p.info[a].sent_start {
            spans[k].0.start = a;
        }
    }
    // "Department of Housing | and | Urban Development", "Ministry of Trade and Industry": a
    // body's portfolio names two fields; the second is no other name (a place, a person, a
    // well-known organization).
    let mut k = 0;
    while k < spans.len() {
        let (s, kind) = spans[k].clone();
        let of = (s.start + 1..s.end).find(|&i| p.words[i].text(text) == "of");
        let body = kind != PER && of.is_some_and(|of| p.info[of - 1].flags & ORG_HEAD != 0);
        if !body || s.end + 1 >= r.end || p.words[s.end].text(text) != "and" {
            k += 1;
            continue;
        }
        let other = PLACE | ORG_NAME | TITLE | HONORIFIC | lexicon::FIRST_M | lexicon::FIRST_F | TIME;
        let field = |i: usize| {
            cap(i) && !p.info[i].sent_start && !p.info[i].upper && (p.info[i].flags | p.info[i].gaz) & other == 0
        };
        let mut e = s.end + 1;
        while e < r.end && e < s.end + 4 && field(e) {
            e += 1;
        }
        let free = spans.get(k + 1).is_none_or(|(n, _)| n.start > s.end && n.start <= e && n.end <= e || n.start >= e);
        if e > s.end + 1 && free && (e == r.end || !cap(e)) {
            spans[k] = (s.start..e, ORG);
            while k + 1 < spans.len() && spans[k + 1].0.start < e {
                spans.remove(k + 1);
            }
        }
        k += 1;
    }
}

/// True when ", the prime minister of" or ", a senior adviser," follows word `at - 1`: an
/// appositive whose head noun is a title.
fn appositive_title(text: &str, p: &Prepared, at: usize, end: usize) -> bool {
    if at + 2 >= end || p.words[at].text(text) != "," || !matches!(p.words[at + 1].text(text), "the" | "a" | "an") {
        return false;
    }
    let mut head = None;
    for i in at + 2..end.min(at + 7) {
        let w = &p.words[i];
        if w.kind != WordKind::Alpha || p.info[i].cap || w.text(text) == "of" {
            break;
        }
        head = Some(i);
    }
    head.is_some_and(|h| p.info[h].flags & TITLE != 0)
}

/// "U.S. Energy | Secretary", "Indonesian Energy | Minister": where a name before a title is a
/// country or nationality and then common words, those words belong to the title. Returns where
/// the place ends and its kind.
fn place_before_title(p: &Prepared, s: Range<usize>) -> Option<(usize, usize)> {
    let first = &p.info[s.start];
    let mut g = s.start + 1;
    while g < s.end && p.info[g].gaz_pos == 2 {
        g += 1;
    }
    let common = (g..s.end).all(|i| p.info[i].flags & LOWER != 0 && p.info[i].flags & ORG_HEAD == 0);
    if g == s.end || !common {
        return None;
    }
    let f = first.gaz | first.flags;
    if f & (COUNTRY | REGION_GPE) != 0 {
        Some((g, LOC))
    } else if f & DEMONYM != 0 {
        Some((g, MISC))
    } else {
        None
    }
}

/// The possessive "'s" after a word ("Rose's").
fn is_possessive(text: &str, p: &Prepared, i: usize) -> bool {
    matches!(p.words[i].text(text), "'s" | "’s") && p.words[i - 1].span.end() == p.words[i].span.start()
}

/// A one-letter word with a period ("V.").
fn is_initial(text: &str, p: &Prepared, i: usize) -> bool {
    let t = p.words[i].text(text);
    t.len() == 2 && t.ends_with('.') && t.starts_with(|c: char| c.is_uppercase())
}

/// An honorific, a one-word title, or a word of a title phrase ("Prime Minister").
fn is_title(info: &Info) -> bool {
    info.flags & (HONORIFIC | TITLE) != 0 || info.gaz & TITLE != 0
}

/// A capitalised demonym or group word the tagger left out ("Peruvian", "Russians").
fn demonym(text: &str, p: &Prepared, i: usize, lex: &Lexicon) -> Option<Vec<Found>> {
    let info = &p.info[i];
    if info.candidate != Candidate::Name || p.words[i].kind != WordKind::Alpha || !info.cap {
        return None;
    }
    let w = p.words[i].text(text);
    if norp_flags(w, info.flags, lex) == 0 {
        return split_compound(text, p, i, MISC, lex);
    }
    Some(vec![Found { words: i..i + 1, span: p.words[i].span, label: Label::Norp, titles: i..i }])
}

/// NORP flags of a word or of its singular ("Russians").
fn norp_flags(word: &str, flags: u32, lex: &Lexicon) -> u32 {
    let f = flags & (DEMONYM | NORP);
    if f != 0 {
        return f;
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 2 => lex.word(lexicon::key(stem)) & (DEMONYM | NORP),
        _ => 0,
    }
}

fn refine(text: &str, p: &Prepared, r: Range<usize>, kind: usize, para_start: usize, lex: &Lexicon) -> Vec<Found> {
    let team = kind & TEAM != 0;
    let keep_words = team || kind & KEEP_WORDS != 0;
    let kind = base(kind);
    let mut a = r.start;
    let mut b = r.end;
    // Joiners and punctuation never end a name; "the" never starts one.
    while b > a && (p.info[b - 1].candidate == Candidate::Connector || p.words[b - 1].kind == WordKind::Punct) {
        b -= 1;
    }
    while a < b
        && (p.info[a].flags & CONNECTOR != 0 && !p.info[a].cap
            || p.words[a].text(text).eq_ignore_ascii_case("the")
            // An acronym is no closed-class word ("AT&T"), except in a headline in capitals.
            || (p.info[a].closed && b - a >= 2 && (!p.info[a].upper || p.info[a].caps_line)))
    {
        a += 1;
    }
    // "Seventeen-year-old Stone", "Oscar-winning Arnold": a compound modifier is no part of a name.
    while b - a >= 2 && {
        let t = p.words[a].text(text);
        t.split_once('-').is_some_and(|(_, rest)| rest.starts_with(char::is_lowercase))
    } {
        a += 1;
    }
    // Headline words capitalised only by headline case: "Welcome Peruvian Leader".
    let trimmable = |i: usize| {
        let info = &p.info[i];
        let protected =
            PLACE | ORG_HEAD | ORG_NAME | LOC_HEAD | GPE_HEAD | DEMONYM | NORP | lexicon::FIRST_M | lexicon::FIRST_F;
        (info.title_line || info.caps_line)
            && info.flags & LOWER != 0
            && info.flags & protected == 0
            && info.gaz == 0
            && info.doc & 8 == 0
    };
    // A company's name runs up to its legal form whatever its words ("Gander Mountain Inc"), and
    // a headline name spelt as in the body is that name.
    let company = keep_words || b > a + 1 && p.info[b - 1].flags & lexicon::COMPANY != 0;
    while a < b && trimmable(a) && !company {
        a += 1;
    }
    while b > a && trimmable(b - 1) && !company {
        b -= 1;
    }
    // Titles and honorifics before a name are not part of it.
    let mut t = a;
    while t + 1 < b && is_title(&p.info[t]) {
        t += 1;
    }
    if t > a && kind != 0 && p.info[a].flags & HONORIFIC == 0 {
        // "President Varga" tagged as something other than a person: leave it whole.
        t = a;
    }
    let name_start = t;
    // Titles the tagger left outside: "Mr." before "Wen".
    let mut title_start = a;
    if kind == 0 && title_start == name_start {
        while title_start > para_start && is_title(&p.info[title_start - 1]) && p.info[title_start - 1].cap {
            title_start -= 1;
        }
    }
    if name_start >= b {
        return Vec::new();
    }
    let words = name_start..b;
    let mut end = p.words[words.end - 1].span.end();
    // The tokenizer keeps a title abbreviation's period ("Sen."); at the end of a name ("Hun
    // Sen.") it ends the sentence instead.
    // So does a company's legal form at the end of a sentence ("... of Acme Corp.").
    let sentence_end = p.info.get(words.end).is_none_or(|next| next.sent_start);
    let last_flags = p.info[words.end - 1].flags;
    let dotted_end = last_flags & (TITLE | HONORIFIC) != 0 || last_flags & lexicon::COMPANY != 0 && sentence_end;
    if words.len() >= 2 && dotted_end && text[..end].ends_with('.') {
        end -= 1;
    }
    let span = Span::new(p.words[words.start].span.start(), end);
    let n = words.len();
    let first = &p.info[words.start];
    let last = &p.info[words.end - 1];
    // A lone month, weekday, title, honorific, "Corp." or "I" is no name; nor is markup such
    // as "-DOCSTART-".
    let w = p.words[words.start].span;
    let markup = |c: Option<char>| matches!(c, Some('-' | '_' | '=' | '<' | '>'));
    let lone_letter =
        w.len() == 1 || (markup(text[..w.start()].chars().next_back()) && markup(text[w.end()..].chars().next()));
    if n == 1
        && (lone_letter
            || first.flags & (TIME | HONORIFIC) != 0
            || (first.flags & ORG_HEAD != 0 && p.words[words.start].text(text).ends_with('.')))
    {
        return Vec::new();
    }
    // A single common word capitalised only because it starts a sentence or sits in a headline.
    if n == 1
        && !team
        && first.flags & LOWER != 0
        && first.flags & (PLACE | lexicon::FIRST_M | lexicon::FIRST_F | lexicon::SURNAME) == 0
        && !known_org(first)
    {
        let positional = first.sent_start || first.title_line || first.caps_line;
        if positional && first.doc & 8 == 0 {
            return Vec::new();
        }
    }
    // "a Group C match", "Section 7", "Title IV": a common word capitalised before a letter or a
    // number labels something, it names nothing. Scores ("Reading 2-0") and known names
    // ("Congress", "China") are left alone.
    // A head word before a number is a name ("Radio 4", "Channel 4").
    let head = first.flags & (ORG_HEAD | LOC_HEAD | FAC_HEAD) != 0;
    let label_word = |i: usize| {
        p.words.get(i).is_some_and(|w| {
            let t = w.text(text);
            let letter = t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase());
            let roman = (2..=4).contains(&t.len()) && t.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
            letter || roman || !head && t.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let common = first.flags & LOWER != 0 && (first.flags | first.gaz) & (PLACE | ORG_NAME) == 0;
    let labelled = (n == 1 && label_word(words.end)) || (n == 2 && label_word(words.end - 1));
    if !team && common && labelled {
        return Vec::new();
    }
    if n == 1 {
        if let Some(parts) = split_compound(text, p, words.start, kind, lex) {
            return parts;
        }
    }
    let key = span_key(p, &words);
    let exact = lex.name(key, p.words[words.start].key, n);
    let flags = exact | if n == 1 { 0 } else { first.gaz & last.gaz };
    let w0 = p.words[words.start].text(text);
    let label = match kind {
        _ if n >= 2 && first.flags & EVENT_FIRST != 0 => Label::Event,
        _ if flags & ORG_NAME != 0 && kind != PER => Label::Org,
        // "the Harbor City Open", "the Davis Cup": a name ending in an event word is an event, whatever
        // the tagger took it for.
        _ if n >= 2 && last.flags & EVENT_HEAD != 0 && last.cap => Label::Event,
        // "the RENEW Act", "the Criminal Code".
        _ if n >= 2 && last.cap && lex.is(p.words[words.end - 1].key, WordClass::LawHead) => Label::Law,
        _ if n >= 2 && last.flags & FAC_HEAD != 0 && last.cap => Label::Fac,
        // "West Bank" is a place, whatever its last word suggests.
        1 if n >= 2 && flags & PLACE != 0 && ((first.flags | last.flags) & ORG_HEAD == 0 || exact & PLACE != 0) => {
            place_label(flags, last.flags)
        }
        _ if n == 1 && flags & PLACE == 0 && norp_flags(w0, flags, lex) != 0 => Label::Norp,
        0 => Label::Person,
        1 => Label::Org,
        2 => {
            if n == 1 && norp_flags(w0, flags, lex) != 0 && flags & PLACE == 0 {
                Label::Norp
            } else {
                place_label(flags, last.flags)
            }
        }
        _ => {
            if n == 1 && norp_flags(w0, flags, lex) != 0 {
                Label::Norp
            } else if last.flags & EVENT_HEAD != 0 {
                Label::Event
            } else if n == 1 && flags & PLACE != 0 {
                place_label(flags, last.flags)
            } else {
                return Vec::new();
            }
        }
    };
    vec![Found { words, span, label, titles: title_start..name_start }]
}

fn place_label(flags: u32, last_word_flags: u32) -> Label {
    if flags & GPE_PLACE != 0 || last_word_flags & GPE_HEAD != 0 {
        Label::Gpe
    } else if flags & REGION_LOC != 0 || last_word_flags & LOC_HEAD != 0 {
        Label::Loc
    } else {
        Label::Gpe
    }
}

/// "Norway-Chile" names two places; "Chilean-made" names a nationality.
fn split_compound(text: &str, p: &Prepared, i: usize, kind: usize, lex: &Lexicon) -> Option<Vec<Found>> {
    let w = p.words[i];
    let s = w.text(text);
    if !s.contains('-') {
        return None;
    }
    let mut parts = Vec::new();
    let mut off = w.span.start();
    let mut all_places = true;
    for part in s.split('-') {
        parts.push((Span::new(off, off + part.len()), part));
        off += part.len() + 1;
    }
    let first = parts[0].1;
    let first_flags = lex.word(lexicon::key(first));
    if parts[1..].iter().all(|(_, x)| x.starts_with(char::is_lowercase)) {
        // "Chilean-made": the name is the first part.
        let label = if first_flags & (DEMONYM | NORP) != 0 {
            Label::Norp
        } else if first_flags & PLACE != 0 {
            Label::Gpe
        } else {
            return None;
        };
        return Some(vec![Found { words: i..i + 1, span: parts[0].0, label, titles: i..i }]);
    }
    let mut out = Vec::new();
    for &(span, part) in &parts {
        let f = lex.word(lexicon::key(part));
        all_places &= f & GPE_PLACE != 0 && f & ORG_HEAD == 0;
        out.push(Found { words: i..i + 1, span, label: Label::Gpe, titles: i..i });
    }
    (all_places && kind != 0).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::{begin, inside};

    fn found(text: &str, tags: &[(&str, u8)]) -> Vec<(String, Label, String)> {
        let lex = crate::entities::lexicon::shared();
        let p = crate::entities::features::prepare(text, &[0]);
        let t: Vec<u8> =
            p.words.iter().map(|w| tags.iter().find(|(s, _)| *s == w.text(text)).map_or(O, |&(_, t)| t)).collect();
        mentions(text, &p, &t, lex)
            .into_iter()
            .map(|f| {
                let titles = if f.titles.is_empty() {
                    String::new()
                } else {
                    Span::new(p.words[f.titles.start].span.start(), p.words[f.titles.end - 1].span.end())
                        .as_str(text)
                        .to_string()
                };
                (f.span.as_str(text).to_string(), f.label, titles)
            })
            .collect()
    }

    #[test]
    fn titles_are_stripped_and_kept() {
        let got = found(
            "Then President Anton Varga spoke.",
            &[("President", begin(0)), ("Anton", inside(0)), ("Varga", inside(0))],
        );
        assert_eq!(got, [("Anton Varga".to_string(), Label::Person, "President".to_string())]);
        let got = found("Then Mr. Wen spoke.", &[("Wen", begin(0))]);
        assert_eq!(got, [("Wen".to_string(), Label::Person, "Mr.".to_string())]);
    }

    #[test]
    fn places_and_nationalities() {
        let got = found(
            "The Norway-Chile talks and Chilean-made rockets",
            &[("Norway-Chile", begin(2)), ("Chilean-made", begin(3))],
        );
        let names: Vec<_> = got.iter().map(|(s, l, _)| (s.as_str(), *l)).collect();
        assert_eq!(names, [("Norway", Label::Gpe), ("Chile", Label::Gpe), ("Chilean", Label::Norp)]);
        let got = found(
            "Russians met in the Middle East on Tuesday",
            &[("Middle", begin(2)), ("East", inside(2)), ("Tuesday", begin(0))],
        );
        let names: Vec<_> = got.iter().map(|(s, l, _)| (s.as_str(), *l)).collect();
        assert_eq!(names, [("Russians", Label::Norp), ("Middle East", Label::Loc)]);
    }

    #[test]
    fn sentence_initial_common_words_are_dropped() {
        let got = found("Cooperation grew.", &[("Cooperation", begin(1))]);
        assert!(got.is_empty());
    }
}
