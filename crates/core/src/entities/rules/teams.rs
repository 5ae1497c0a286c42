//! Teams, media and listed companies: programmes and sections, a place followed by more name ("Baltimore Orioles"), lines of
//! results and standings, places named as teams in match reports ("Leeds beat Everton 2-1"),
//! and names followed by a stock ticker ("Acme Oil Inc <ACO.N>").

use std::ops::Range;

use crate::entities::lexicon::{key, Flags, KeyMap, MatchWord, WordClass};
use crate::entities::words::WordKind;

use super::{names_nation, sort, Ctx, Kind, Name};

/// "Good Morning Norland", "Riverton Tonight": a place inside a programme's name is no mention
/// of the place; "the Small Business section": a paper's section is no organization.
pub(super) fn programmes_and_sections(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (p, r) = (cx.p, &cx.r);
    let class = |j: usize, c: WordClass| j < r.end && cx.lex.is(p.words[j].key, c);
    let capital = |j: usize| cx.cap(j) && !p.info[j].sent_start && !p.info[j].caps_line;
    spans.retain(|n| {
        let s = &n.words;
        let before = s.start > r.start && capital(s.start - 1) && class(s.start - 1, WordClass::ProgrammeFirst);
        let after = capital(s.end) && class(s.end, WordClass::ProgrammeLast);
        let programme = n.kind == Kind::Place && (before || after);
        let section =
            n.kind == Kind::Org && !cx.p.info.get(s.end).is_some_and(|i| i.cap) && class(s.end, WordClass::SectionNoun);
        !(programme || section)
    });
}

/// "Baltimore Orioles", "New York Yankees": a place followed by more name is a team or a company.
pub(super) fn place_then_more_name(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let p = cx.p;
    for n in spans.iter_mut() {
        let s = n.words.clone();
        if n.kind == Kind::Place && s.len() >= 2 && p.info[s.start].gaz.any(Flags::PLACE) {
            let mut e = s.start + 1;
            while e < s.end && p.info[e].gaz_pos == 2 {
                e += 1;
            }
            let rest = e..s.end;
            let heads = Flags::LOC_HEAD | Flags::GPE_HEAD | Flags::PLACE | Flags::DEMONYM;
            if !rest.is_empty()
                && rest.clone().all(|i| p.info[i].cap && !p.info[i].flags.any(heads) && p.info[i].gaz.is_empty())
            {
                n.kind = Kind::Org;
            }
        }
    }
}

/// Sports results and standings ("Leicester 22 9 8 5 30 24 35", "Barnsley 3 Tranmere 0"): on a
/// line of names and numbers only, a name is a team (an organization), unless it is a country
/// (national sides are named as places) or a person's full name.
pub(super) fn results_tables(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (text, p, r) = (cx.text, cx.p, &cx.r);
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
                let person = j - i >= 2 && first.any(Flags::FIRST_M | Flags::FIRST_F | Flags::FIRST_U);
                let kind = if person {
                    Kind::Person
                } else if names_nation(&p.info[i]) {
                    Kind::Place
                } else {
                    Kind::Org
                };
                spans.retain(|s| !(s.words.start < j && i < s.words.end));
                spans.push(Name { team: teams_line, ..Name::new(i..j, kind) });
                i = j;
            }
            sort(spans);
        }
        line = end;
    }
}

/// Places named as teams in sports reports ("Leeds beat Everton 2-1", "Tottenham, who lost 2-0",
/// "Leeds manager Howard Wilkinson"), and every other mention of those names in the article, are
/// organizations. Countries and regions stay places: national sides are named as places.
pub(super) fn sports_teams(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (text, p) = (cx.text, cx.p);
    let match_word = |i: usize| p.words.get(i).and_then(|w| cx.lex.match_word(w.key));
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
    for s in spans.iter() {
        if s.kind == Kind::Place && !names_nation(&p.info[s.words.start]) && team_context(&s.words) {
            teams.insert(cx.span_key(&s.words), ());
        }
    }
    places_named_as_orgs(cx, spans, &teams);
}

/// "NORVALE <NRV> NET RISES", "Acme Oil Inc <ACO.N>": a name followed by a stock ticker in angle
/// brackets is a listed company, and so is every other mention of that name in the article,
/// whatever the tagger took it for ("Preston Hale <PRH.N> ... Preston Hale said": no person).
pub(super) fn tickers(cx: &Ctx<'_>, spans: &mut Vec<Name>) {
    let (text, p) = (cx.text, cx.p);
    let ticker_after = |s: &Range<usize>| {
        let rest = text[p.words[s.end - 1].span.end()..].trim_start_matches([' ', '\t']);
        let Some(inner) = rest.strip_prefix('<') else { return false };
        let len = inner.bytes().take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b'.').count();
        (1..=10).contains(&len) && inner.as_bytes().get(len) == Some(&b'>')
    };
    let mut companies: KeyMap<()> = KeyMap::default();
    for s in spans.iter_mut() {
        if ticker_after(&s.words) {
            s.kind = Kind::Org;
            companies.insert(cx.span_key(&s.words), ());
        }
    }
    if companies.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        if matches!(s.kind, Kind::Place | Kind::Person) && companies.contains_key(&cx.span_key(&s.words)) {
            s.kind = Kind::Org;
        }
    }
}

/// Every place whose words spell one of `names` becomes an organization: a team found in one
/// mention is one in all of them.
fn places_named_as_orgs(cx: &Ctx<'_>, spans: &mut [Name], names: &KeyMap<()>) {
    if names.is_empty() {
        return;
    }
    for s in spans.iter_mut() {
        if s.kind == Kind::Place && names.contains_key(&cx.span_key(&s.words)) {
            s.kind = Kind::Org;
        }
    }
}
