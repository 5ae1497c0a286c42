//! From tags to mentions: name-only spans ("Mr." and "the" stripped, titles kept aside), labels
//! refined with the gazetteers (GPE or LOC, NORP for demonyms), and the capitalisation traps the
//! tagger lets through (weekdays, months, headline words) dropped.

use std::ops::Range;

use crate::article::Label;
use crate::entities::features::{is_inside, kind_of, Candidate, Info, Prepared, O};
use crate::entities::lexicon::{
    self, Lexicon, ABBREV, CONNECTOR, DEMONYM, GPE_HEAD, GPE_PLACE, HONORIFIC, LOC_HEAD, LOWER, NORP, ORG_HEAD, PLACE,
    REGION_LOC, TIME, TITLE,
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

/// Event head words: a MISC name ending in one of these is an `EVENT`.
const EVENT_HEADS: &[&str] =
    &["war", "games", "olympics", "cup", "championship", "championships", "revolution", "crisis", "summit", "festival"];

/// Turns the tags of all paragraphs into mentions, in text order.
pub fn mentions(text: &str, p: &Prepared, tags: &[u8], lex: &Lexicon) -> Vec<Found> {
    let mut out = Vec::new();
    let mut spans = Vec::new();
    for r in &p.paragraphs {
        spans.clear();
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
        repair(text, p, r.clone(), &mut spans);
        let mut next = spans.iter().peekable();
        for i in r.clone() {
            match next.peek() {
                Some((s, kind)) if s.start == i => {
                    out.extend(refine(text, p, s.clone(), *kind, r.start, lex));
                    next.next();
                }
                Some((s, _)) if s.contains(&i) => {}
                _ => out.extend(demonym(text, p, i, lex)),
            }
        }
    }
    out
}

const PER: usize = 0;
const ORG: usize = 1;
const LOC: usize = 2;

/// Fixes what a left-to-right tagger trained on little data gets wrong at span level:
/// honorifics, middle initials, "X of Y" and organization names with joiners.
fn repair(text: &str, p: &Prepared, r: Range<usize>, spans: &mut Vec<(Range<usize>, usize)>) {
    let cap = |i: usize| i < r.end && p.info[i].candidate == Candidate::Name && p.info[i].cap;
    // "Mr. Xi": a capitalised run after an honorific is a person.
    let mut i = r.start;
    while i + 1 < r.end {
        if p.info[i].flags & HONORIFIC != 0 && p.info[i].cap && cap(i + 1) {
            let mut j = i + 1;
            while j < r.end && j < i + 4 && cap(j) {
                j += 1;
            }
            spans.retain(|(s, _)| !(s.start < j && i < s.end));
            spans.push((i + 1..j, PER));
            i = j;
        } else {
            i += 1;
        }
    }
    spans.sort_by_key(|(s, _)| s.start);
    // "Vladimir V. | Putin": a name that ends in an initial goes on into the next one.
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
    for (s, kind) in spans.iter_mut() {
        // People are not "of" anything: "President Lukashenko of Belarus".
        if *kind == PER {
            if let Some(of) = (s.start + 1..s.end).find(|&i| p.words[i].text(text) == "of") {
                s.end = of;
            }
        } else if let Some(month) = (s.start + 1..s.end).find(|&i| p.info[i].flags & TIME != 0) {
            // "New York Sept": a date follows the name.
            s.end = month;
        }
        // A name ending in "Council", "Ministry" or "Corp." names an organization, unless it
        // is a known place ("Soviet Union").
        let known_place = p.info[s.start].gaz_pos == 1
            && p.info[s.start].gaz & PLACE != 0
            && (s.end == r.end || p.info[s.end].gaz_pos != 2);
        if s.len() >= 2 && p.info[s.end - 1].flags & ORG_HEAD != 0 && p.info[s.end - 1].cap && !known_place {
            *kind = ORG;
        }
    }
    // Datelines: "SAN ANTONIO, Tex., March 9 -", "LONDON (Reuters) -".
    for (s, kind) in spans.iter_mut() {
        let line_start = s.start == r.start || p.words[s.start].line_start;
        let all_caps = (s.start..s.end).all(|i| p.info[i].upper || p.words[i].kind != WordKind::Alpha);
        let next = p.words.get(s.end).filter(|_| s.end < r.end).map(|w| w.text(text));
        if line_start && all_caps && !p.info[s.start].caps_line && matches!(next, Some("," | "(" | "-" | "—" | "–"))
        {
            *kind = LOC;
        }
    }
    // "Council | on | International Relations", "States | in | Transition Research Center".
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (&spans[k].0, &spans[k + 1].0);
        let joiner = b.start == a.end + 1 && matches!(p.words[a.end].text(text), "of" | "on" | "for" | "in" | "&");
        let head_before =
            p.info[a.end - 1].flags & ORG_HEAD != 0 && matches!(p.words[a.end].text(text), "of" | "on" | "for" | "&");
        let head_after = p.info[b.end - 1].flags & ORG_HEAD != 0 && spans[k].1 != PER;
        if joiner && (head_before || head_after) && b.end - a.start <= 10 {
            let merged = a.start..b.end;
            spans[k] = (merged, ORG);
            spans.remove(k + 1);
        } else {
            k += 1;
        }
    }
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

/// A capitalised demonym or group word the tagger left out ("Belarusian", "Russians").
fn demonym(text: &str, p: &Prepared, i: usize, lex: &Lexicon) -> Option<Found> {
    let info = &p.info[i];
    if info.candidate != Candidate::Name || p.words[i].kind != WordKind::Alpha || !info.cap {
        return None;
    }
    let w = p.words[i].text(text);
    if norp_flags(w, info.flags, lex) == 0 {
        return None;
    }
    Some(Found { words: i..i + 1, span: p.words[i].span, label: Label::Norp, titles: i..i })
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
    let mut a = r.start;
    let mut b = r.end;
    // Joiners and punctuation never end a name; "the" never starts one.
    while b > a && (p.info[b - 1].candidate == Candidate::Connector || p.words[b - 1].kind == WordKind::Punct) {
        b -= 1;
    }
    while a < b
        && (p.info[a].flags & CONNECTOR != 0 && !p.info[a].cap || p.words[a].text(text).eq_ignore_ascii_case("the"))
    {
        a += 1;
    }
    // Titles and honorifics before a name are not part of it.
    let mut t = a;
    while t + 1 < b && is_title(&p.info[t]) {
        t += 1;
    }
    if t > a && kind != 0 && p.info[a].flags & HONORIFIC == 0 {
        // "President Lukashenko" tagged as something other than a person: leave it whole.
        t = a;
    }
    let name_start = t;
    // Titles the tagger left outside: "Mr." before "Qin".
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
    let span = Span::new(p.words[words.start].span.start(), p.words[words.end - 1].span.end());
    let n = words.len();
    let first = &p.info[words.start];
    let last = &p.info[words.end - 1];
    // A lone month, weekday, title, honorific or "Corp." is no name.
    if n == 1 && (first.flags & (TIME | HONORIFIC) != 0 || first.flags & (ORG_HEAD | ABBREV) == ORG_HEAD | ABBREV) {
        return Vec::new();
    }
    // A single common word capitalised only because it starts a sentence or sits in a headline.
    if n == 1
        && first.flags & LOWER != 0
        && first.flags & (PLACE | lexicon::FIRST_M | lexicon::FIRST_F | lexicon::SURNAME) == 0
    {
        let positional = first.sent_start || first.title_line || first.caps_line;
        if positional && first.doc & 2 == 0 {
            return Vec::new();
        }
    }
    if n == 1 {
        if let Some(parts) = split_compound(text, p, words.start, kind, lex) {
            return parts;
        }
    }
    let key = lexicon::name_key(p.words[words.clone()].iter().map(|w| w.key));
    let flags = lex.name(key, p.words[words.start].key, n) | if n == 1 { 0 } else { first.gaz & last.gaz };
    let w0 = p.words[words.start].text(text);
    let label = match kind {
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
            } else if EVENT_HEADS.iter().any(|h| p.words[words.end - 1].text(text).eq_ignore_ascii_case(h)) {
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

/// "Belarus-China" names two places; "Chinese-made" names a nationality.
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
        // "Chinese-made": the name is the first part.
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
        let lex = Lexicon::new();
        let p = Prepared::new(text, &[Span::new(0, text.len())], &[0], &lex);
        let t: Vec<u8> =
            p.words.iter().map(|w| tags.iter().find(|(s, _)| *s == w.text(text)).map_or(O, |&(_, t)| t)).collect();
        mentions(text, &p, &t, &lex)
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
            "Then President Aleksandr Lukashenko spoke.",
            &[("President", begin(0)), ("Aleksandr", inside(0)), ("Lukashenko", inside(0))],
        );
        assert_eq!(got, [("Aleksandr Lukashenko".to_string(), Label::Person, "President".to_string())]);
        let got = found("Then Mr. Qin spoke.", &[("Qin", begin(0))]);
        assert_eq!(got, [("Qin".to_string(), Label::Person, "Mr.".to_string())]);
    }

    #[test]
    fn places_and_nationalities() {
        let got = found(
            "The Belarus-China talks and Chinese-made rockets",
            &[("Belarus-China", begin(2)), ("Chinese-made", begin(3))],
        );
        let names: Vec<_> = got.iter().map(|(s, l, _)| (s.as_str(), *l)).collect();
        assert_eq!(names, [("Belarus", Label::Gpe), ("China", Label::Gpe), ("Chinese", Label::Norp)]);
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
