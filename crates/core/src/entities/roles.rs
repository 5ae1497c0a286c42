//! Roles: what the text says an entity is. From "Title Name of Place" ("president of Chile"),
//! appositives after a name ("Tomas Halden, the director of ..."), descriptions before it
//! ("Chile’s foreign minister, Ivan Sorokin" → "foreign minister of Chile") and copulas
//! ("X is the mayor of Y").

use crate::article::Label;
use crate::entities::features::Prepared;
use crate::entities::lexicon::{Flags, Lexicon};
use crate::entities::mentions::Found;
use crate::entities::rules::lists::{lists, ListWord};
use crate::entities::words::{Word, WordKind};
use crate::span::Span;

/// The longest description taken as a role, in words.
const MAX_ROLE_WORDS: usize = 12;
/// The longest description before a name, in words.
const MAX_PRE_WORDS: usize = 5;

fn is(text: &str, w: &Word, options: &[&str]) -> bool {
    let t = w.text(text);
    options.iter().any(|o| t.eq_ignore_ascii_case(o))
}

const DETERMINERS: &[&str] = &["the", "a", "an"];
const POSSESSIVE_PRONOUNS: &[&str] = &["his", "her", "its", "their"];
const COPULAS: &[&str] = &["is", "was", "became"];
/// Words that end an appositive: a clause, not a description, follows.
const CLAUSE_WORDS: &[&str] = &[
    "said", "says", "told", "who", "which", "that", "added", "and", "but", "when", "while", "will", "would", "has",
    "have", "had", "is", "are", "was", "were", "can", "could", "may", "might", "should", "must", "did", "does", "do",
];
/// The longest appositive that starts with a possessor ("China’s main news agency").
const MAX_POSSESSOR_WORDS: usize = 7;

/// The roles of mention `m`.
pub fn roles(text: &str, p: &Prepared, found: &[Found], m: usize, lex: &Lexicon) -> Vec<String> {
    let mut out = Vec::new();
    let f = &found[m];
    let k = p.paragraphs.partition_point(|r| r.end <= f.words.start);
    let para = p.paragraphs.get(k).cloned().unwrap_or(0..0);
    if let Some(r) = title_of(text, p, found, m, para.end, lex) {
        out.push(r);
    }
    out.extend(appositives_after(text, p, found, f, para.start, para.end));
    if let Some(r) = description_before(text, p, found, f, para.start, para.end) {
        out.push(r);
    }
    out
}

/// Finds the mention starting at word `i`, if any.
fn mention_at(found: &[Found], i: usize) -> Option<&Found> {
    let k = found.partition_point(|f| f.words.start < i);
    found.get(k).filter(|f| f.words.start == i)
}

/// Finds the mention ending just before word `i`, if any.
fn mention_before(found: &[Found], i: usize) -> Option<&Found> {
    let k = found.partition_point(|f| f.words.start < i);
    k.checked_sub(1).map(|k| &found[k]).filter(|f| f.words.end == i)
}

/// "President Anton Varga of Chile" → "president of Chile"; "Chief Tom Reyes of the Harbor
/// Fire Department" → "chief of the Harbor Fire Department"; "Sgt. Ann Ortiz of Milltown police"
/// → "Sgt. of Milltown police": a body a place names for itself in lower case is the role's
/// organization, not the place. An abbreviated title keeps its case.
fn title_of(text: &str, p: &Prepared, found: &[Found], m: usize, end: usize, lex: &Lexicon) -> Option<String> {
    let f = &found[m];
    let titles: Vec<&Word> =
        p.words[f.titles.clone()].iter().filter(|w| !lex.word(w.key).has(Flags::HONORIFIC)).collect();
    if titles.is_empty() || f.words.end + 1 >= end || !is(text, &p.words[f.words.end], &["of"]) {
        return None;
    }
    let the = f.words.end + 1;
    let at = if is(text, &p.words[the], &["the"]) { the + 1 } else { the };
    let org = mention_at(found, at)?;
    let from = p.words[the].span.start();
    let to = body_after(text, p, org.words.end, end).unwrap_or(org.span.end());
    let title = Span::new(titles[0].span.start(), titles[titles.len() - 1].span.end()).as_str(text);
    let title = if title.ends_with('.') { title.to_string() } else { title.to_lowercase() };
    Some(format!("{title} of {}", &text[from..to]))
}

/// Where the lower-case body a place names for itself ends ("Milltown | police", "Lakeside |
/// county council", "Riverton | sheriff's office"): modifiers, then a head, starting at word `i`.
fn body_after(text: &str, p: &Prepared, i: usize, end: usize) -> Option<usize> {
    let lists = lists();
    let mut head = None;
    for j in i..end.min(i + 4) {
        let w = &p.words[j];
        let lower = w.kind == WordKind::Alpha && w.text(text).starts_with(char::is_lowercase);
        if lower && lists.is(w.key, ListWord::BodyHead) {
            head = Some(w.span.end());
        } else if !(w.kind == WordKind::Possessive || lower && lists.is(w.key, ListWord::BodyModifier)) {
            break;
        }
    }
    head
}

/// The text of words `a..b`, with "X’s Y" turned into "Y of X".
fn phrase(text: &str, p: &Prepared, found: &[Found], a: usize, b: usize) -> Option<String> {
    let mut a = a;
    while a < b && (is(text, &p.words[a], DETERMINERS) || is(text, &p.words[a], POSSESSIVE_PRONOUNS)) {
        a += 1;
    }
    if a >= b {
        return None;
    }
    if let Some(owner) = mention_at(found, a) {
        let after = owner.words.end;
        if after + 1 < b && p.words[after].kind == WordKind::Possessive {
            let rest = Span::new(p.words[after + 1].span.start(), p.words[b - 1].span.end()).as_str(text);
            return Some(format!("{rest} of {}", owner.span.as_str(text)));
        }
    }
    Some(Span::new(p.words[a].span.start(), p.words[b - 1].span.end()).as_str(text).to_string())
}

/// "Name, the director of X," → "director of X". A second appositive after a place that ends
/// a person's first one describes the person too ("Tomas Halden, the prime minister of Chile, a
/// longtime supporter of Spain"), not the place.
fn appositives_after(text: &str, p: &Prepared, found: &[Found], f: &Found, start: usize, end: usize) -> Vec<String> {
    let mut out = Vec::new();
    if f.label != Label::Person && ends_persons_appositive(text, p, found, f, start) {
        return out;
    }
    let Some((role, stop)) = appositive_at(text, p, found, f.words.end, end) else { return out };
    out.push(role);
    let place_ends_it = mention_before(found, stop).is_some_and(|o| o.label != Label::Person);
    if f.label == Label::Person && place_ends_it {
        if let Some((role, _)) = appositive_at(text, p, found, stop, end) {
            out.push(role);
        }
    }
    out
}

/// True when `f` closes an appositive of a person: "Tomas Halden, the prime minister of | Chile".
fn ends_persons_appositive(text: &str, p: &Prepared, found: &[Found], f: &Found, start: usize) -> bool {
    let from = f.words.start.saturating_sub(MAX_ROLE_WORDS).max(start);
    for i in (from..f.words.start).rev() {
        let w = p.words[i].text(text);
        if w == "," {
            let det = p.words.get(i + 1).is_some_and(|d| is(text, d, DETERMINERS));
            return det && mention_before(found, i).is_some_and(|o| o.label == Label::Person);
        }
        if matches!(w, "." | ";" | ":") || is(text, &p.words[i], CLAUSE_WORDS) {
            return false;
        }
    }
    false
}

/// The appositive after the comma at word `comma`, and the word that ends it.
fn appositive_at(text: &str, p: &Prepared, found: &[Found], comma: usize, end: usize) -> Option<(String, usize)> {
    if comma + 2 >= end || p.words[comma].text(text) != "," {
        return None;
    }
    let start = comma + 1;
    let first = &p.words[start];
    let possessor = mention_at(found, start).is_some_and(|o| {
        o.label != Label::Person && p.words.get(o.words.end).is_some_and(|w| w.kind == WordKind::Possessive)
    });
    if !is(text, first, DETERMINERS) && !possessor {
        return None;
    }
    let limit = if possessor { MAX_POSSESSOR_WORDS } else { MAX_ROLE_WORDS };
    let stop = (start..end.min(start + limit + 1))
        .find(|&i| matches!(p.words[i].text(text), "," | "." | ";" | ":" | ")" | "—" | "–" | "“" | "”" | "\""))?;
    if possessor && !matches!(p.words[stop].text(text), "," | ".") {
        return None;
    }
    if p.words[start..stop].iter().any(|w| is(text, w, CLAUSE_WORDS)) {
        return None;
    }
    if !p.words[start..stop]
        .iter()
        .any(|w| w.kind == WordKind::Alpha && w.text(text).starts_with(char::is_lowercase) && !is(text, w, DETERMINERS))
    {
        return None;
    }
    Some((phrase(text, p, found, start, stop)?, stop))
}

/// "Chile’s foreign minister, Ivan Sorokin," → "foreign minister of Chile";
/// "Name is the mayor of X." → "mayor of X".
fn description_before(
    text: &str,
    p: &Prepared,
    found: &[Found],
    f: &Found,
    start: usize,
    end: usize,
) -> Option<String> {
    if let Some(r) = copula(text, p, found, f, end) {
        return Some(r);
    }
    let closes = f.words.end >= end || matches!(p.words[f.words.end].text(text), "," | ".");
    let comma = f.titles.start.checked_sub(1)?;
    if !closes || comma <= start || p.words[comma].text(text) != "," {
        return None;
    }
    let head = &p.words[comma - 1];
    let head_info = &p.info[comma - 1];
    if head.kind != WordKind::Alpha || head_info.cap || !head_info.flags.has(Flags::LOWER) {
        return None;
    }
    let mut i = comma - 1;
    let mut taken = 0;
    loop {
        if i == start {
            return None;
        }
        let w = &p.words[i - 1];
        let info = &p.info[i - 1];
        if is(text, w, DETERMINERS) || is(text, w, POSSESSIVE_PRONOUNS) {
            break;
        }
        if w.kind == WordKind::Possessive {
            let owner = mention_before(found, i - 1).filter(|o| o.label != Label::Person)?;
            let desc = Span::new(p.words[i].span.start(), head.span.end()).as_str(text);
            return Some(format!("{desc} of {}", owner.span.as_str(text)));
        }
        let lower = w.kind == WordKind::Alpha && !info.cap;
        let nationality = info.cap && info.flags.any(Flags::DEMONYM | Flags::NORP);
        if !(lower || nationality) || taken == MAX_PRE_WORDS {
            return None;
        }
        taken += 1;
        i -= 1;
    }
    Some(Span::new(p.words[i].span.start(), head.span.end()).as_str(text).to_string())
}

fn copula(text: &str, p: &Prepared, found: &[Found], f: &Found, end: usize) -> Option<String> {
    let v = f.words.end;
    if v + 2 >= end || !is(text, &p.words[v], COPULAS) || !is(text, &p.words[v + 1], DETERMINERS) {
        return None;
    }
    let stop =
        (v + 1..end.min(v + 1 + MAX_ROLE_WORDS / 2)).find(|&i| matches!(p.words[i].text(text), "," | "." | ";"))?;
    if p.words[v + 1..stop].iter().any(|w| is(text, w, CLAUSE_WORDS)) {
        return None;
    }
    phrase(text, p, found, v + 1, stop)
}
