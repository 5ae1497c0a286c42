//! Speaker resolution: from the local mention ("he", "Mr. Wen", "the ministry") to a name and
//! an entity.
//!
//! - Pronouns go to the last speaker when that speaker is recent and compatible (gender and
//!   number), else to the nearest compatible person mentioned before.
//! - Names go to the entity that has a mention there; failing that, to an entity or an earlier
//!   speaker with the same surname ("Mr. Halden" is "Tomas Halden").
//! - Organisations and anonymous sources ("a senior official") keep their own words as name.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::article::{Entity, Gender, Label, Quote, Speaker, SpeakerKind};
use crate::span::Span;

use super::attribution::Found;
use super::context::{starts_upper, Ctx};
use super::lexicon::Class;

/// How many earlier speakers a surname is matched against.
const NAMED_WINDOW: usize = 200;
/// How many entity mentions back a pronoun looks for a person.
const MENTION_WINDOW: usize = 64;
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

/// The entities of the article, indexed once for the lookups speakers need.
struct Index<'e> {
    entities: &'e [Entity],
    /// Entity mentions sorted by start: (span, entity index).
    mentions: Vec<(Span, usize)>,
    /// Person entities with a longer name, by its last word and by its first word (names
    /// written family name first): the first such entity of the article. Built when first needed.
    surnames: OnceCell<Surnames<'e>>,
}

/// Person entities by the last and by the first word of a longer name.
#[derive(Default)]
struct Surnames<'e> {
    by_last: HashMap<&'e str, usize>,
    by_first: HashMap<&'e str, usize>,
}

impl<'e> Index<'e> {
    fn new(entities: &'e [Entity]) -> Index<'e> {
        let mut mentions: Vec<(Span, usize)> =
            entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i))).collect();
        mentions.sort_by_key(|(s, _)| (s.start(), s.end()));
        Index { entities, mentions, surnames: OnceCell::new() }
    }

    fn surnames(&self) -> &Surnames<'e> {
        self.surnames.get_or_init(|| {
            let mut s = Surnames::default();
            for (i, e) in self.entities.iter().enumerate().filter(|(_, e)| e.label == Label::Person) {
                let mut words = e.name.split_whitespace();
                if let (Some(first), Some(last)) = (words.next(), words.next_back()) {
                    s.by_last.entry(last).or_insert(i);
                    s.by_first.entry(first).or_insert(i);
                }
            }
            s
        })
    }

    /// A person with a longer name that ends (or else starts) with `surname`.
    fn by_surname(&self, surname: &str) -> Option<usize> {
        let s = self.surnames();
        s.by_last.get(surname).or_else(|| s.by_first.get(surname)).copied()
    }

    /// The entity with a mention inside `span`: a person first, then the rightmost mention.
    /// A one-word person ("Wen") gives way to the person whose fuller name holds that word.
    fn overlapping(&self, span: Span) -> Option<usize> {
        let from = self.mentions.partition_point(|(s, _)| s.end() <= span.start());
        let mut best: Option<(bool, usize, usize)> = None;
        for &(s, i) in &self.mentions[from..] {
            if s.start() >= span.end() {
                break;
            }
            if !span.overlaps(s) {
                continue;
            }
            let key = (self.entities[i].label == Label::Person, s.end(), i);
            if best.is_none_or(|b| (key.0, key.1) > (b.0, b.1)) {
                best = Some(key);
            }
        }
        let i = best?.2;
        let e = &self.entities[i];
        if e.label == Label::Person && !e.name.contains(' ') {
            return Some(self.by_surname(&e.name).unwrap_or(i));
        }
        Some(i)
    }
}

/// Resolves every speaker and builds the quotes.
pub(crate) fn resolve(ctx: &Ctx<'_>, entities: &[Entity], found: Vec<Found>) -> Vec<crate::article::Quote> {
    let index = Index::new(entities);
    let mut last: Option<Known> = None;
    let mut named: Vec<Known> = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    for f in found {
        let cue = f.attr.cue.map(|k| ctx.cues[k].span);
        let speaker = f.attr.speaker.clone().map(|r| {
            let span = ctx.span_of(r.clone());
            let para = paragraph_of(ctx, r.start);
            let known = resolve_one(ctx, &index, r, para, last.as_ref(), &named);
            if let Some(k) = &known {
                if matches!(k.number, Number::Person(_)) || k.entity.is_some() {
                    named.push(k.clone());
                }
                last = Some(Known { paragraph: para, ..k.clone() });
            }
            Speaker {
                span,
                name: known.as_ref().map(|k| k.name.clone()),
                entity: known.and_then(|k| k.entity),
                // Classified once genders are final (`speaker_kind`, in `QuoteExtractor::run`).
                kind: SpeakerKind::Unresolved,
            }
        });
        out.push(Quote { kind: f.kind, span: f.span, speaker, cue });
    }
    out
}

fn paragraph_of(ctx: &Ctx<'_>, t: usize) -> usize {
    ctx.sentence_at(t).map_or(0, |s| ctx.sentence_para[s])
}

fn person(index: &Index<'_>, i: usize, gender: Option<Gender>, paragraph: usize) -> Known {
    let e = &index.entities[i];
    let number = if e.label == Label::Person { Number::Person(e.gender.or(gender)) } else { Number::Group };
    Known { name: e.name.clone(), entity: Some(i), number, paragraph }
}

fn resolve_one(
    ctx: &Ctx<'_>,
    index: &Index<'_>,
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
    let each = |side: Range<usize>| resolve_one(ctx, index, side, para, last, named);
    if let Some(group) = coordinated(ctx, index, r.clone(), para, each) {
        return Some(group);
    }
    if super::interview::is_answer_label(ctx, &r) {
        return super::interview::interviewee(ctx).map(|i| person(index, i, None, para));
    }
    if r.len() == 1 && ctx.class(r.start).has(Class::PRONOUN) {
        return resolve_pronoun(ctx, index, r.start, para, last);
    }
    // "the Carter administration", "Mr. Varga’s office": a common noun heads the phrase,
    // so it names a group or an office, not the person in it.
    let head = r.end - 1;
    if let Some(i) = role_holder(ctx, index, r.clone()) {
        return Some(person(index, i, None, para));
    }
    if !ctx.is_capitalized(head) {
        let org = index.overlapping(ctx.tokens[head].span).filter(|&i| index.entities[i].label != Label::Person);
        let name = org.map_or_else(|| span.as_str(ctx.text).to_string(), |i| index.entities[i].name.clone());
        return Some(Known { name, entity: org, number: Number::Group, paragraph: para });
    }
    let gender = honorific_gender(ctx, r.clone());
    if let Some(i) = index.overlapping(span) {
        let e = &index.entities[i];
        // A bare surname the entities left alone: an earlier speaker may carry the full name.
        if e.label == Label::Person && !e.name.contains(' ') {
            if let Some(k) = earlier_speaker(named, &e.name) {
                let number = Number::Person(e.gender.or(gender));
                return Some(Known { name: k.name.clone(), entity: Some(i), number, paragraph: para });
            }
        }
        return Some(person(index, i, gender, para));
    }
    let name_toks = name_part(ctx, r.clone());
    let (Some(&first), Some(&surname_tok)) = (name_toks.first(), name_toks.last()) else {
        return Some(Known {
            name: span.as_str(ctx.text).to_string(),
            entity: None,
            number: Number::Group,
            paragraph: para,
        });
    };
    let surname = ctx.word(surname_tok);
    if let Some(i) = index.by_surname(surname) {
        return Some(person(index, i, gender, para));
    }
    if let Some(k) = earlier_speaker(named, surname) {
        let number = match k.number {
            Number::Person(g) => Number::Person(g.or(gender)),
            n => n,
        };
        return Some(Known { name: k.name.clone(), entity: k.entity, number, paragraph: para });
    }
    // Without an entity to say otherwise, a name is taken for a person's.
    let text = ctx.span_of(first..surname_tok + 1).as_str(ctx.text).to_string();
    Some(Known { name: text, entity: None, number: Number::Person(gender), paragraph: para })
}

/// "the opposition leader", "The prime minister": a definite role resolves to the person the
/// article names in it ("Ann Ortiz, the opposition leader", "Prime Minister Jonas Lind"), the
/// nearest one before the mention, else the first after. An indefinite one ("an official") names no one.
fn role_holder(ctx: &Ctx<'_>, index: &Index<'_>, r: Range<usize>) -> Option<usize> {
    if r.len() < 2 || !ctx.word(r.start).eq_ignore_ascii_case("the") || !(r.start + 1..r.end).all(|t| ctx.is_word(t)) {
        return None;
    }
    let role = ctx.span_of(r.start + 1..r.end).as_str(ctx.text).to_lowercase();
    let holds = |e: &Entity| {
        e.label == Label::Person
            && e.roles.iter().chain(&e.titles).any(|x| {
                let x = x.to_lowercase();
                x == role || x.strip_prefix(role.as_str()).is_some_and(|rest| rest.starts_with(' '))
            })
    };
    let at = ctx.tokens[r.start].span.start();
    let mut before: Option<(usize, usize)> = None;
    let mut after: Option<(usize, usize)> = None;
    for (i, e) in index.entities.iter().enumerate().filter(|(_, e)| holds(e)) {
        for m in &e.mentions {
            let s = m.span.start();
            if s < at && before.is_none_or(|(b, _)| s > b) {
                before = Some((s, i));
            } else if s > at && after.is_none_or(|(a, _)| s < a) {
                after = Some((s, i));
            }
        }
    }
    before.or(after).map(|(_, i)| i)
}

/// "Mr. Varga and Mr. Li": two named people speaking together are a group named after both,
/// tied to neither entity. An organisation's name with "and" in it is one mention and stays whole.
fn coordinated(
    ctx: &Ctx<'_>,
    index: &Index<'_>,
    r: Range<usize>,
    para: usize,
    each: impl Fn(Range<usize>) -> Option<Known>,
) -> Option<Known> {
    let and = (r.start + 1..r.end.saturating_sub(1)).find(|&t| ctx.word(t) == "and")?;
    let at = ctx.tokens[and].span;
    let from = index.mentions.partition_point(|(s, _)| s.end() <= at.start());
    if index.mentions[from..].iter().take_while(|(s, _)| s.start() < at.end()).any(|(s, _)| s.overlaps(at)) {
        return None;
    }
    let sides = [r.start..and, and + 1..r.end];
    if !sides.iter().all(|side| ctx.is_capitalized(side.start) || ctx.class(side.start).has(Class::HONORIFIC)) {
        return None;
    }
    let [a, b] = sides.map(each);
    let (a, b) = (a?, b?);
    if !matches!((a.number, b.number), (Number::Person(_), Number::Person(_))) {
        return None;
    }
    Some(Known { name: format!("{} and {}", a.name, b.name), entity: None, number: Number::Group, paragraph: para })
}

/// A pronoun: the last speaker first, when recent and compatible (gender, number); then the
/// nearest person mentioned before it who may fit.
fn resolve_pronoun(ctx: &Ctx<'_>, index: &Index<'_>, t: usize, para: usize, last: Option<&Known>) -> Option<Known> {
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
    let Number::Person(g) = want else {
        let recent = last.filter(|k| para.saturating_sub(k.paragraph) <= SPEAKER_WINDOW && compatible(k.number, want));
        return recent.map(|k| Known { paragraph: para, ..k.clone() });
    };
    let before = ctx.tokens[t].span.start();
    let end = index.mentions.partition_point(|(s, _)| s.start() < before);
    let window = &index.mentions[end.saturating_sub(MENTION_WINDOW)..end];
    let fits = |i: usize| {
        let e = &index.entities[i];
        e.label == Label::Person && e.gender.is_none_or(|eg| Some(eg) == g)
    };
    let nearest = window.iter().rev().find(|&&(_, i)| fits(i)).copied();
    // A person who opens a sentence after the last speaker's paragraph takes over the story
    // ("“…,” Pierce said. / Morris was held for a day. / “…,” he said": Morris).
    let displaced = |k: &Known| {
        nearest.is_some_and(|(s, i)| {
            let tok = ctx.token_at(s.start());
            let opens = ctx.sentence_at(tok).is_some_and(|si| ctx.sentences[si].start == tok);
            Some(i) != k.entity && paragraph_of(ctx, tok) > k.paragraph && opens
        })
    };
    let recent = last
        .filter(|k| para.saturating_sub(k.paragraph) <= SPEAKER_WINDOW && compatible(k.number, want) && !displaced(k));
    if let Some(k) = recent {
        // "he" tells the speaker's gender when nothing else did.
        let number = if k.number == Number::Person(None) { want } else { k.number };
        return Some(Known { paragraph: para, number, ..k.clone() });
    }
    // The nearest sentence that mentions a person who may fit; in it, the first such person
    // (the subject, more often than not): "Pugh stood with Chalamet and Zendaya. … she said" is Pugh.
    let (s, _) = nearest?;
    let si = ctx.sentence_at(ctx.token_at(s.start()));
    let from = si.map_or(s.start(), |si| ctx.tokens[ctx.sentences[si].start].span.start());
    // A full name before a lone word: "Chief Justice John Roberts" may leave a stray "Justice".
    let in_sentence = || window.iter().filter(|&&(m, i)| m.start() >= from && fits(i));
    let full = in_sentence().find(|&&(_, i)| index.entities[i].name.contains(' '));
    let &(_, i) = full.or_else(|| in_sentence().next())?;
    Some(person(index, i, None, para))
}

fn compatible(have: Number, want: Number) -> bool {
    match (have, want) {
        (Number::Person(g), Number::Person(w)) => g.is_none() || g == w,
        (Number::Group, Number::Group) => true,
        _ => false,
    }
}

/// The latest earlier speaker whose longer name ends (or starts) with `surname`.
fn earlier_speaker<'k>(named: &'k [Known], surname: &str) -> Option<&'k Known> {
    named.iter().rev().take(NAMED_WINDOW).find(|k| has_surname(&k.name, surname))
}

/// True when a longer name ends (or starts) with `surname`.
fn has_surname(name: &str, surname: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next();
    let last = words.next_back();
    last.is_some() && (last == Some(surname) || first == Some(surname))
}

/// The capitalised name tokens of a mention, without titles and honorifics: "Mr. Wen" gives
/// "Wen"; "President Oleh Koval of Ukraine" gives "Oleh Koval".
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
