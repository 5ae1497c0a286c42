//! Speaker resolution: from the local mention ("he", "Mr. Qin", "the ministry") to a name and
//! an entity.
//!
//! - Pronouns go to the last speaker when that speaker is recent and compatible (gender and
//!   number), else to the nearest compatible person mentioned before.
//! - Names go to the entity that has a mention there; failing that, to an entity or an earlier
//!   speaker with the same surname ("Mr. Preiherman" is "Yauheni Preiherman").
//! - Organisations and anonymous sources ("a senior official") keep their own words as name.

use std::ops::Range;

use crate::article::{Entity, Gender, Label, Quote, Speaker};
use crate::span::Span;

use super::attribution::Found;
use super::context::{starts_upper, Ctx};
use super::lexicon::Class;

/// How many paragraphs back the last speaker still counts for a pronoun.
const SPEAKER_WINDOW: usize = 2;

/// What a speaker mention is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Number {
    /// One person.
    Person(Option<Gender>),
    /// A group, an organisation or an anonymous plural ("officials").
    Group,
}

/// A resolved speaker, remembered for later pronouns.
#[derive(Clone, Debug)]
struct Known {
    name: String,
    entity: Option<usize>,
    number: Number,
    paragraph: usize,
}

/// Resolves every speaker and builds the quotes.
pub(crate) fn resolve(ctx: &Ctx<'_>, entities: &[Entity], found: Vec<Found>) -> Vec<crate::article::Quote> {
    let mentions = mention_index(entities);
    let mut last: Option<Known> = None;
    let mut named: Vec<Known> = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let cue = f.attr.cue.map(|k| ctx.cues[k].span);
        let speaker = f.attr.speaker.clone().map(|r| {
            let span = ctx.span_of(r.clone());
            let para = paragraph_of(ctx, r.start);
            let known = resolve_one(ctx, entities, &mentions, r, para, last.as_ref(), &named);
            if let Some(k) = &known {
                if matches!(k.number, Number::Person(_)) || k.entity.is_some() {
                    named.push(k.clone());
                }
                last = Some(Known { paragraph: para, ..k.clone() });
            }
            Speaker { span, name: known.as_ref().map(|k| k.name.clone()), entity: known.and_then(|k| k.entity) }
        });
        out.push(Quote { kind: f.kind, span: f.span, speaker, cue });
    }
    out
}

/// Entity mentions sorted by start: (span, entity index).
fn mention_index(entities: &[Entity]) -> Vec<(Span, usize)> {
    let mut v: Vec<(Span, usize)> =
        entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i))).collect();
    v.sort_by_key(|(s, _)| (s.start(), s.end()));
    v
}

fn paragraph_of(ctx: &Ctx<'_>, t: usize) -> usize {
    ctx.sentence_at(t).map_or(0, |s| ctx.sentence_para[s])
}

fn resolve_one(
    ctx: &Ctx<'_>,
    entities: &[Entity],
    mentions: &[(Span, usize)],
    r: Range<usize>,
    para: usize,
    last: Option<&Known>,
    named: &[Known],
) -> Option<Known> {
    // "a message that", "Smith, who": resolve the antecedent.
    let mut r = r;
    while r.len() > 1 && (!ctx.is_word(r.end - 1) || ctx.class(r.end - 1).has(Class::CLAUSE)) {
        r.end -= 1;
    }
    if ctx.is_word(r.end - 1) && ctx.class(r.end - 1).has(Class::CLAUSE) {
        return None;
    }
    let span = ctx.span_of(r.clone());
    if r.len() == 1 && ctx.class(r.start).has(Class::PRONOUN) {
        return resolve_pronoun(ctx, entities, mentions, r.start, para, last);
    }
    // "the Biden administration", "Mr. Lukashenko’s office": a common noun heads the phrase,
    // so it names a group or an office, not the person in it.
    let head = r.end - 1;
    let common = !ctx.is_capitalized(head);
    if common {
        let head_span = ctx.tokens[head].span;
        let org = overlapping_entity(entities, mentions, head_span).filter(|&i| entities[i].label != Label::Person);
        let name = org.map_or_else(|| span.as_str(ctx.text).to_string(), |i| entities[i].name.clone());
        return Some(Known { name, entity: org, number: Number::Group, paragraph: para });
    }
    {
        if let Some(i) = overlapping_entity(entities, mentions, span) {
            let e = &entities[i];
            let number = if e.label == Label::Person { Number::Person(e.gender) } else { Number::Group };
            return Some(Known { name: e.name.clone(), entity: Some(i), number, paragraph: para });
        }
    }
    let name_toks = name_part(ctx, r.clone());
    if !name_toks.is_empty() {
        let gender = honorific_gender(ctx, r.clone());
        let surname = ctx.word(*name_toks.last().expect("not empty"));
        if let Some(i) = person_by_surname(entities, surname) {
            let e = &entities[i];
            return Some(Known {
                name: e.name.clone(),
                entity: Some(i),
                number: Number::Person(e.gender.or(gender)),
                paragraph: para,
            });
        }
        let text = ctx.span_of(name_toks[0]..name_toks[name_toks.len() - 1] + 1).as_str(ctx.text).to_string();
        let earlier =
            named.iter().rev().find(|k| matches!(k.number, Number::Person(_)) && has_surname(&k.name, surname));
        if let Some(k) = earlier {
            let number = match k.number {
                Number::Person(g) => Number::Person(g.or(gender)),
                n => n,
            };
            return Some(Known { name: k.name.clone(), entity: k.entity, number, paragraph: para });
        }
        // Without an entity to say otherwise, a name is taken for a person's.
        return Some(Known { name: text, entity: None, number: Number::Person(gender), paragraph: para });
    }
    Some(Known { name: span.as_str(ctx.text).to_string(), entity: None, number: Number::Group, paragraph: para })
}

/// A pronoun: the last speaker first, when recent and compatible; then the nearest compatible
/// person mentioned before it.
fn resolve_pronoun(
    ctx: &Ctx<'_>,
    entities: &[Entity],
    mentions: &[(Span, usize)],
    t: usize,
    para: usize,
    last: Option<&Known>,
) -> Option<Known> {
    let c = ctx.class(t);
    let want = if c.has(Class::MALE) {
        Number::Person(Some(Gender::Male))
    } else if c.has(Class::FEMALE) {
        Number::Person(Some(Gender::Female))
    } else if c.has(Class::PLURAL) || c.has(Class::NEUTER) {
        Number::Group
    } else {
        return None; // "I", "you": the writer or the reader
    };
    if let Some(k) = last {
        if para.saturating_sub(k.paragraph) <= SPEAKER_WINDOW && compatible(k.number, want) {
            return Some(Known { paragraph: para, ..k.clone() });
        }
    }
    if let Number::Person(g) = want {
        let before = ctx.tokens[t].span.start();
        let end = mentions.partition_point(|(s, _)| s.start() < before);
        for &(_, i) in mentions[..end].iter().rev().take(64) {
            let e = &entities[i];
            if e.label == Label::Person && (e.gender.is_none() || e.gender == g) {
                return Some(Known {
                    name: e.name.clone(),
                    entity: Some(i),
                    number: Number::Person(e.gender),
                    paragraph: para,
                });
            }
        }
    }
    None
}

fn compatible(have: Number, want: Number) -> bool {
    match (have, want) {
        (Number::Person(g), Number::Person(w)) => g.is_none() || g == w,
        (Number::Group, Number::Group) => true,
        _ => false,
    }
}

/// The entity with a mention inside `span`: a person first, then the rightmost mention.
fn overlapping_entity(entities: &[Entity], mentions: &[(Span, usize)], span: Span) -> Option<usize> {
    let from = mentions.partition_point(|(s, _)| s.end() <= span.start());
    let mut best: Option<(bool, usize, usize)> = None;
    for &(s, i) in &mentions[from..] {
        if s.start() >= span.end() {
            break;
        }
        if !span.overlaps(s) {
            continue;
        }
        let key = (entities[i].label == Label::Person, s.end(), i);
        if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
            best = Some(key);
        }
    }
    best.map(|b| b.2)
}

/// A person entity with a longer name that ends in `surname` (or, for names written family
/// name first, starts with it).
fn person_by_surname(entities: &[Entity], surname: &str) -> Option<usize> {
    let person = |e: &&Entity| e.label == Label::Person && e.name.split_whitespace().count() > 1;
    let last = entities.iter().position(|e| person(&e) && e.name.split_whitespace().last() == Some(surname));
    last.or_else(|| entities.iter().position(|e| person(&e) && e.name.split_whitespace().next() == Some(surname)))
}

/// True when a longer name ends (or starts) with `surname`.
fn has_surname(name: &str, surname: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next();
    let last = words.next_back();
    last.is_some() && (last == Some(surname) || first == Some(surname))
}

/// The capitalised name tokens of a mention, without titles and honorifics: "Mr. Qin" gives
/// "Qin"; "President Volodymyr Zelensky of Ukraine" gives "Volodymyr Zelensky".
fn name_part(ctx: &Ctx<'_>, r: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    for t in r {
        if !ctx.is_word(t) {
            if ctx.word(t) == "." || ctx.word(t) == "-" {
                continue;
            }
            break;
        }
        let w = ctx.word(t);
        if !starts_upper(w) {
            if out.is_empty() {
                continue;
            }
            break;
        }
        if ctx.class(t).has(Class::HONORIFIC) || ctx.class(t).has(Class::DETERMINER) {
            continue;
        }
        out.push(t);
    }
    out
}

fn honorific_gender(ctx: &Ctx<'_>, r: Range<usize>) -> Option<Gender> {
    r.filter(|&t| ctx.is_word(t)).find_map(|t| {
        let c = ctx.class(t);
        if !c.has(Class::HONORIFIC) {
            None
        } else if c.has(Class::MALE) {
            Some(Gender::Male)
        } else if c.has(Class::FEMALE) {
            Some(Gender::Female)
        } else {
            None
        }
    })
}
