//! From tags to mentions: name-only spans ("Mr." and "the" stripped, titles kept aside), labels
//! refined with the gazetteers (GPE or LOC, NORP for demonyms), and the capitalisation traps the
//! tagger lets through (weekdays, months, headline words) dropped.

use std::ops::Range;

use crate::article::Label;
use crate::entities::features::{is_inside, kind_of, Candidate, Prepared, O};
use crate::entities::lexicon::{self, Flags, Lexicon, WordClass};
use crate::entities::rules::lists::{lists, ListWord};
use crate::entities::rules::{self, is_title, known_org, span_key, trimmable, Kind, Name, RuleSet};
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

/// Turns the tags of all paragraphs into mentions, in text order, running the passes of
/// `rules` after the tagger ([`rules::RULES`]).
pub fn mentions(text: &str, p: &Prepared, tags: &[u8], lex: &Lexicon, set: RuleSet) -> Vec<Found> {
    let mut spans = Vec::new();
    for r in &p.paragraphs {
        let mut para = Vec::new();
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
            para.push(Name::new(i..j, Kind::from_tagger(kind_of(t))));
            i = j;
        }
        rules::paragraph(text, p, lex, r.clone(), set, &mut para);
        spans.extend(para);
    }
    rules::article(text, p, lex, set, &mut spans);
    let mut out = Vec::new();
    let mut next = spans.iter().peekable();
    let mut covered_to = 0;
    for r in &p.paragraphs {
        for i in r.clone() {
            match next.peek() {
                Some(s) if s.words.start == i => {
                    out.extend(refine(text, p, s, r.start, lex));
                    covered_to = s.words.end;
                    next.next();
                }
                _ if i < covered_to => {}
                _ => out.extend(demonym(text, p, i, lex).into_iter().flatten()),
            }
        }
    }
    out
}

/// A capitalised demonym or group word the tagger left out ("Peruvian", "Russians").
fn demonym(text: &str, p: &Prepared, i: usize, lex: &Lexicon) -> Option<Vec<Found>> {
    let info = &p.info[i];
    if info.candidate != Candidate::Name || p.words[i].kind != WordKind::Alpha || !info.cap {
        return None;
    }
    let w = p.words[i].text(text);
    if norp_flags(w, info.flags, lex).is_empty() {
        return split_compound(text, p, i, Kind::Misc, lex);
    }
    Some(vec![Found { words: i..i + 1, span: p.words[i].span, label: Label::Norp, titles: i..i }])
}

/// A place a demonym does not outrank: any place but a town's or a minor place's other name
/// ("Thai" is also a town's; "Jordan" is a country).
fn major_place(flags: Flags) -> bool {
    let major = Flags::COUNTRY | Flags::STATE | Flags::REGION_GPE | Flags::CITY_BIG;
    flags.any(Flags::PLACE) && (!flags.has(Flags::DEMONYM) || flags.any(major))
}

/// NORP flags of a word or of its singular ("Russians").
fn norp_flags(word: &str, flags: Flags, lex: &Lexicon) -> Flags {
    let f = flags & (Flags::DEMONYM | Flags::NORP);
    if !f.is_empty() {
        return f;
    }
    match word.strip_suffix('s') {
        Some(stem) if stem.len() > 2 => lex.word(lexicon::key(stem)) & (Flags::DEMONYM | Flags::NORP),
        _ => Flags::empty(),
    }
}

/// "The Hague": a place whose name the gazetteers spell with "The" keeps it when the span is that place.
fn the_place(p: &Prepared, a: usize, b: usize) -> bool {
    p.place_phrase_end(a, b) == Some(b)
}

/// The mention a repaired span gives, if any: its name's words (without "the", titles and
/// headline-case words), its span and its label.
fn refine(text: &str, p: &Prepared, name: &Name, para_start: usize, lex: &Lexicon) -> Vec<Found> {
    let team = name.team;
    let keep_words = team || name.keep_words;
    let kind = name.kind;
    let mut a = name.words.start;
    let mut b = name.words.end;
    // Joiners and punctuation never end a name; "the" never starts one.
    while b > a && (p.info[b - 1].candidate == Candidate::Connector || p.words[b - 1].kind == WordKind::Punct) {
        b -= 1;
    }
    while a < b
        && (p.info[a].flags.has(Flags::CONNECTOR) && !p.info[a].cap
            || p.words[a].text(text).eq_ignore_ascii_case("the") && !the_place(p, a, b)
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
    let trimmable = |i: usize| trimmable(&p.info[i]);
    // A company's name runs up to its legal form whatever its words ("Gander Mountain Inc"), and
    // a headline name spelt as in the body is that name.
    let company = keep_words || b > a + 1 && p.info[b - 1].flags.has(Flags::COMPANY);
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
    if t > a && kind != Kind::Person && !p.info[a].flags.has(Flags::HONORIFIC) {
        // "President Varga" tagged as something other than a person: leave it whole.
        t = a;
    }
    // "Duchess of Kentmere": a title of the peerage with "of" is the person's whole name.
    if t > a && kind == Kind::Person && p.words[t].text(text) == "of" && lists().is(p.words[a].key, ListWord::Peerage) {
        t = a;
    }
    let name_start = t;
    // Titles the tagger left outside: "Mr." before "Wen".
    let mut title_start = a;
    if kind == Kind::Person && title_start == name_start {
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
    let dotted_end = last_flags.any(Flags::TITLE | Flags::HONORIFIC) || last_flags.has(Flags::COMPANY) && sentence_end;
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
            || first.flags.any(Flags::TIME | Flags::HONORIFIC)
            || (first.flags.has(Flags::ORG_HEAD) && p.words[words.start].text(text).ends_with('.')))
    {
        return Vec::new();
    }
    // A single common word capitalised only because it starts a sentence or sits in a headline.
    if n == 1
        && !team
        && first.flags.has(Flags::LOWER)
        && !first.flags.any(Flags::PLACE | Flags::FIRST_M | Flags::FIRST_F | Flags::SURNAME)
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
    let head = first.flags.any(Flags::ORG_HEAD | Flags::LOC_HEAD | Flags::FAC_HEAD);
    let label_word = |i: usize| {
        p.words.get(i).is_some_and(|w| {
            let t = w.text(text);
            let letter = t.len() == 1 && t.bytes().all(|b| b.is_ascii_uppercase());
            let roman = (2..=4).contains(&t.len()) && t.bytes().all(|b| matches!(b, b'I' | b'V' | b'X'));
            letter || roman || !head && t.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let common = first.flags.has(Flags::LOWER) && !(first.flags | first.gaz).any(Flags::PLACE | Flags::ORG_NAME);
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
    // Two places side by side ("Preston | Hale") are no one place's name: the gazetteer phrase must
    // cover the span.
    let one_phrase = (words.start + 1..words.end).all(|i| p.info[i].gaz_pos == 2);
    let flags = exact | if n == 1 || !one_phrase { Flags::empty() } else { first.gaz & last.gaz };
    let w0 = p.words[words.start].text(text);
    let label = match kind {
        _ if n >= 2 && first.flags.has(Flags::EVENT_FIRST) => Label::Event,
        _ if flags.has(Flags::ORG_NAME) && kind != Kind::Person => Label::Org,
        // "the Harbor City Open", "the Davis Cup": a name ending in an event word is an event, whatever
        // the tagger took it for.
        _ if n >= 2 && last.flags.has(Flags::EVENT_HEAD) && last.cap => Label::Event,
        // "the RENEW Act", "the Criminal Code".
        _ if n >= 2 && last.cap && lex.is(p.words[words.end - 1].key, WordClass::LawHead) => Label::Law,
        _ if n >= 2 && last.flags.has(Flags::FAC_HEAD) && last.cap => Label::Fac,
        // "West Bank" is a place, whatever its last word suggests.
        Kind::Org
            if n >= 2
                && flags.any(Flags::PLACE)
                && (!(first.flags | last.flags).has(Flags::ORG_HEAD) || exact.any(Flags::PLACE)) =>
        {
            place_label(flags, last.flags)
        }
        _ if n == 1 && !major_place(flags) && !norp_flags(w0, flags, lex).is_empty() => Label::Norp,
        Kind::Person => Label::Person,
        Kind::Org => Label::Org,
        Kind::Place => {
            // "South American producers", "West German ports": a place's demonym.
            let demonym = n >= 2 && last.flags.has(Flags::DEMONYM) && !exact.any(Flags::PLACE);
            if demonym || n == 1 && !norp_flags(w0, flags, lex).is_empty() && !major_place(flags) {
                Label::Norp
            } else {
                place_label(flags, last.flags)
            }
        }
        Kind::Misc => {
            if n == 1 && !norp_flags(w0, flags, lex).is_empty() {
                Label::Norp
            } else if last.flags.has(Flags::EVENT_HEAD) {
                Label::Event
            } else if n == 1 && flags.any(Flags::PLACE) {
                place_label(flags, last.flags)
            } else {
                return Vec::new();
            }
        }
    };
    vec![Found { words, span, label, titles: title_start..name_start }]
}

fn place_label(flags: Flags, last_word_flags: Flags) -> Label {
    if flags.any(Flags::GPE_PLACE) || last_word_flags.has(Flags::GPE_HEAD) {
        Label::Gpe
    } else if flags.has(Flags::REGION_LOC) || last_word_flags.has(Flags::LOC_HEAD) {
        Label::Loc
    } else {
        Label::Gpe
    }
}

/// "Norway-Chile" names two places; "Chilean-made" names a nationality.
fn split_compound(text: &str, p: &Prepared, i: usize, kind: Kind, lex: &Lexicon) -> Option<Vec<Found>> {
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
        let label = if first_flags.any(Flags::DEMONYM | Flags::NORP) {
            Label::Norp
        } else if first_flags.any(Flags::PLACE) {
            Label::Gpe
        } else {
            return None;
        };
        return Some(vec![Found { words: i..i + 1, span: parts[0].0, label, titles: i..i }]);
    }
    let mut out = Vec::new();
    for &(span, part) in &parts {
        let f = lex.word(lexicon::key(part));
        all_places &= f.any(Flags::GPE_PLACE) && !f.has(Flags::ORG_HEAD);
        out.push(Found { words: i..i + 1, span, label: Label::Gpe, titles: i..i });
    }
    (all_places && kind != Kind::Person).then_some(out)
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
        mentions(text, &p, &t, lex, RuleSet::all())
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
