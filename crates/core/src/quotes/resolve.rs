//! Speaker resolution: from the local mention ("he", "Mr. Wen", "the ministry") to a name and
//! an entity.
//!
//! - Pronouns go to the last speaker when that speaker is recent and compatible (gender and
//!   number), else to the nearest compatible person mentioned before.
//! - Names go to the entity that has a mention there; failing that, to an entity or an earlier
//!   speaker with the same surname ("Mr. Halden" is "Tomas Halden").
//! - Organisations and anonymous sources ("a senior official") keep their own words as name.
//! - A definite description ("the singer", "the company") goes to the person (organisation) the
//!   article names in that role, else to the most prominent one that fits the noun.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::ops::Range;

use crate::article::{Entity, Gender, GenderBy, Label, Quote, Speaker, SpeakerKind};
use crate::span::Span;

use super::attribution::Found;
use super::context::{starts_upper, Ctx};
use super::descriptions::{Described, Descriptions};
use super::lexicon::Class;
use super::speaker_kind::SpeakerKinds;

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
    here: Here,
}

/// Where a speaker mention is: its paragraph, and the byte offset where it starts.
#[derive(Clone, Copy, Debug)]
struct Here {
    paragraph: usize,
    at: usize,
}

/// The entities of the article, indexed once for the lookups speakers need.
struct Index<'e> {
    entities: &'e [Entity],
    /// The head nouns of definite descriptions.
    descriptions: &'e Descriptions,
    /// The head nouns that make a phrase an unnamed speaker ("a source close to …").
    kinds: &'e SpeakerKinds,
    /// For each entity: a "person" named right after a preposition of place ("at St. Brigid",
    /// "in Marlow") with no gender known, which is a place named after someone. Built on first
    /// use: most articles resolve no pronoun or description.
    places: OnceCell<Vec<bool>>,
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
    fn new(entities: &'e [Entity], descriptions: &'e Descriptions, kinds: &'e SpeakerKinds) -> Index<'e> {
        let mut mentions: Vec<(Span, usize)> =
            entities.iter().enumerate().flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i))).collect();
        mentions.sort_by_key(|(s, _)| (s.start(), s.end()));
        Index { entities, descriptions, kinds, places: OnceCell::new(), mentions, surnames: OnceCell::new() }
    }

    /// True when entity `i` is a place named after someone.
    fn is_place(&self, ctx: &Ctx<'_>, i: usize) -> bool {
        self.places.get_or_init(|| {
            self.entities
                .iter()
                .map(|e| {
                    e.label == Label::Person
                        && e.gender.is_none()
                        && e.mentions.iter().any(|m| {
                            let t = ctx.token_at(m.span.start());
                            t > 0 && ctx.is_word(t - 1) && self.descriptions.is_locative(ctx.word(t - 1))
                        })
                })
                .collect()
        })[i]
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

    /// Entity `i`'s gender for resolving: a kinship or gendered role the article gives it ("her
    /// husband, Sam Rose Lane") outweighs a guess from the first name or a nearby pronoun; an
    /// honorific does not give way.
    fn gender(&self, i: usize) -> Option<Gender> {
        let e = &self.entities[i];
        if e.gender_by == Some(GenderBy::Honorific) {
            return e.gender;
        }
        let by_role = e.roles.iter().find_map(|role| {
            let head =
                role.split_whitespace().take_while(|w| !matches!(*w, "of" | "for" | "at" | "in" | "to")).last()?;
            match self.descriptions.of(head) {
                Some(Described::Person { gender, .. }) => gender,
                _ => None,
            }
        });
        by_role.or(e.gender)
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
pub(crate) fn resolve(
    ctx: &Ctx<'_>,
    descriptions: &Descriptions,
    kinds: &SpeakerKinds,
    entities: &[Entity],
    found: Vec<Found>,
) -> Vec<crate::article::Quote> {
    let index = Index::new(entities, descriptions, kinds);
    let mut last: Option<Known> = None;
    let mut named: Vec<Known> = Vec::new();
    let mut out = Vec::with_capacity(found.len());
    // What each speaker mention is quoted as saying, over all the pieces it is given ("Ann Reed
    // will win, he said. “She trains hard.”").
    let mut said: HashMap<(usize, usize), Span> = HashMap::new();
    for f in &found {
        if let Some(r) = &f.attr.speaker {
            said.entry((r.start, r.end)).and_modify(|s| *s = s.cover(f.span)).or_insert(f.span);
        }
    }
    for f in found {
        let cue = f.attr.cue.map(|k| ctx.cues[k].span);
        let speaker = f.attr.speaker.clone().map(|r| {
            let span = ctx.span_of(r.clone());
            let here = Here { paragraph: paragraph_of(ctx, r.start), at: span.start() };
            let content = said.get(&(r.start, r.end)).copied().unwrap_or(f.span);
            let known = resolve_one(ctx, &index, r, here, content, last.as_ref(), &named);
            if let Some(k) = &known {
                if matches!(k.number, Number::Person(_)) || k.entity.is_some() {
                    named.push(k.clone());
                }
                last = Some(Known { here, ..k.clone() });
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

fn person(index: &Index<'_>, i: usize, gender: Option<Gender>, here: Here) -> Known {
    let e = &index.entities[i];
    let number = if e.label == Label::Person { Number::Person(index.gender(i).or(gender)) } else { Number::Group };
    Known { name: e.name.clone(), entity: Some(i), number, here }
}

fn resolve_one(
    ctx: &Ctx<'_>,
    index: &Index<'_>,
    r: Range<usize>,
    here: Here,
    content: Span,
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
    // "Ms. Dale herself": the reflexive only stresses the name before it.
    if r.len() > 1 && is_reflexive(ctx, r.end - 1) {
        r.end -= 1;
    }
    let span = ctx.span_of(r.clone());
    let each = |side: Range<usize>| resolve_one(ctx, index, side, here, content, last, named);
    if let Some(group) = coordinated(ctx, index, r.clone(), here, each) {
        return Some(group);
    }
    if super::interview::is_answer_label(ctx, &r) {
        return super::interview::interviewee(ctx).map(|i| person(index, i, None, here));
    }
    if r.len() == 1 && ctx.class(r.start).has(Class::PRONOUN) {
        return resolve_pronoun(ctx, index, r.start, here, content, last);
    }
    // "the Carter administration", "Mr. Varga’s office": a common noun heads the phrase,
    // so it names a group or an office, not the person in it.
    let head = r.end - 1;
    if let Some(i) = role_holder(ctx, index, r.clone()) {
        return Some(person(index, i, None, here));
    }
    if let Some(k) = description(ctx, index, r.clone(), here, named) {
        return Some(k);
    }
    if !ctx.is_capitalized(head) {
        let org = index.overlapping(ctx.tokens[head].span).filter(|&i| index.entities[i].label != Label::Person);
        let name = org.map_or_else(|| span.as_str(ctx.text).to_string(), |i| index.entities[i].name.clone());
        return Some(Known { name, entity: org, number: Number::Group, here });
    }
    let gender = honorific_gender(ctx, r.clone());
    let name_toks = name_part(ctx, r.clone());
    // "Northwind Power spokesman Carl Jensen": an organisation before the person's name is
    // not the speaker, even when the entities missed the name.
    let named_after = |i: usize| {
        let e = &index.entities[i];
        e.label != Label::Person
            && name_toks.first().is_some_and(|&t| {
                let start = ctx.tokens[t].span.start();
                e.mentions.iter().all(|m| !m.span.overlaps(span) || m.span.end() <= start)
            })
    };
    if let Some(i) = index.overlapping(span).filter(|&i| !named_after(i)) {
        let e = &index.entities[i];
        // "one source close to Ann Reed", "Ann Reed's aide": an unnamed person described through
        // someone the phrase names is not that person, and stays unnamed.
        if e.label == Label::Person && index.kinds.of_phrase(span.as_str(ctx.text)) == SpeakerKind::Anonymous {
            return Some(Known { name: span.as_str(ctx.text).to_string(), entity: None, number: Number::Group, here });
        }
        // A bare surname the entities left alone: an earlier speaker may carry the full name.
        if e.label == Label::Person && !e.name.contains(' ') {
            if let Some(k) = earlier_speaker(named, &e.name) {
                let number = Number::Person(index.gender(i).or(gender));
                return Some(Known { name: k.name.clone(), entity: Some(i), number, here });
            }
        }
        return Some(person(index, i, gender, here));
    }
    let (Some(&first), Some(&surname_tok)) = (name_toks.first(), name_toks.last()) else {
        return Some(Known { name: span.as_str(ctx.text).to_string(), entity: None, number: Number::Group, here });
    };
    let surname = ctx.word(surname_tok);
    if let Some(i) = index.by_surname(surname) {
        return Some(person(index, i, gender, here));
    }
    if let Some(k) = earlier_speaker(named, surname) {
        let number = match k.number {
            Number::Person(g) => Number::Person(g.or(gender)),
            n => n,
        };
        return Some(Known { name: k.name.clone(), entity: k.entity, number, here });
    }
    // Without an entity to say otherwise, a name is taken for a person's.
    let text = ctx.span_of(first..surname_tok + 1).as_str(ctx.text).to_string();
    Some(Known { name: text, entity: None, number: Number::Person(gender), here })
}

/// "the opposition leader", "The prime minister": a definite role resolves to the person the
/// article names in it ("Ann Ortiz, the opposition leader", "Prime Minister Jonas Lind"), the
/// nearest one before the mention, else the first after. An indefinite one ("an official") names no one.
fn role_holder(ctx: &Ctx<'_>, index: &Index<'_>, r: Range<usize>) -> Option<usize> {
    // "his twin brother", "her husband": the role itself, exactly, through a possessive, when
    // one person alone holds it ("her campaign" is not "campaign manager").
    let possessive = matches!(ctx.word(r.start).to_ascii_lowercase().as_str(), "his" | "her" | "their");
    if r.len() < 2
        || !(possessive || ctx.word(r.start).eq_ignore_ascii_case("the"))
        || !(r.start + 1..r.end).all(|t| ctx.is_word(t))
    {
        return None;
    }
    let role = ctx.span_of(r.start + 1..r.end).as_str(ctx.text).to_lowercase();
    let holds = |e: &Entity| {
        e.label == Label::Person
            && e.roles.iter().chain(&e.titles).any(|x| {
                let x = x.to_lowercase();
                x == role || !possessive && x.strip_prefix(role.as_str()).is_some_and(|rest| rest.starts_with(' '))
            })
    };
    if possessive && index.entities.iter().filter(|e| holds(e)).nth(1).is_some() {
        return None;
    }
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

/// "the singer", "the 34-year-old", "the company": a definite description that no entity
/// carries as a role points back to the article's most prominent person (organisation) that
/// fits its head noun. A noun that names no one in particular ("the official") is left alone.
fn description(ctx: &Ctx<'_>, index: &Index<'_>, r: Range<usize>, here: Here, named: &[Known]) -> Option<Known> {
    if r.len() < 2 || !ctx.word(r.start).eq_ignore_ascii_case("the") {
        return None;
    }
    // The head is the last word before a preposition ("the mother of three"); a possessive
    // makes it someone else's ("the singer’s manager").
    let end = (r.start + 1..r.end).find(|&t| ctx.class(t).has(Class::PREPOSITION)).unwrap_or(r.end);
    if end <= r.start + 1 || (r.start + 1..end).any(|t| ctx.is_possessive(t)) {
        return None;
    }
    let head = head_word(ctx, r.start + 1..end);
    let described = index.descriptions.of(head);
    let before = |e: &Entity| mentions_before(e, here.at);
    let org = match described {
        // "a former staff writer … the writer said": the unnamed one introduced before.
        Some(Described::Person { .. }) if introduced_unnamed(ctx, head, here.at) => return None,
        Some(Described::Person { gender, occupation }) => {
            return prominent_person(ctx, index, head, gender, occupation, here, named);
        }
        Some(Described::Organization) => most_mentioned(index, |e| e.label == Label::Org, before)?,
        // "the ministry": an organisation whose name holds the noun and more ("Ministry of
        // Fisheries"; a lone "Bank" from a headline is no name).
        None if !starts_upper(head) => {
            let holds = |e: &Entity| {
                e.label == Label::Org
                    && e.name.contains(' ')
                    && e.name.split_whitespace().any(|w| w.eq_ignore_ascii_case(head))
            };
            most_mentioned(index, holds, before)?
        }
        None => return None,
    };
    Some(Known { name: index.entities[org].name.clone(), entity: Some(org), number: Number::Group, here })
}

/// How far back (in tokens) a description looks for an unnamed antecedent.
const UNNAMED_LOOKBACK: usize = 1500;

/// True when the article introduced someone with an indefinite phrase of the same head noun
/// before byte `at` and named no one there ("a former staff writer recalls …", later "the writer
/// said"): the description points back to that unnamed person, not to a prominent name. "a
/// writer, Ann Reed," names its writer.
fn introduced_unnamed(ctx: &Ctx<'_>, head: &str, at: usize) -> bool {
    let end = ctx.token_at(at);
    let indefinite = |u: usize| ["a", "an", "another", "one"].iter().any(|w| ctx.word(u).eq_ignore_ascii_case(w));
    (end.saturating_sub(UNNAMED_LOOKBACK)..end).any(|t| {
        if !ctx.is_word(t) || !ctx.word(t).eq_ignore_ascii_case(head) {
            return false;
        }
        // Up to three lowercase words back to "a"/"an" ("a former staff writer").
        let Some(article) = (t.saturating_sub(4)..t)
            .rev()
            .take_while(|&u| ctx.is_word(u) && !ctx.is_capitalized(u) || indefinite(u))
            .find(|&u| indefinite(u))
        else {
            return false;
        };
        // Named around it: "Ann Reed, a writer", "Ann Reed is a writer", "a writer, Ann Reed,".
        let before = article.checked_sub(1).map(|u| ctx.word(u).to_ascii_lowercase());
        let after_name = article >= 2 && ctx.is_capitalized(article - 2);
        let described = before.is_some_and(|w| {
            matches!(w.as_str(), "is" | "was" | "as" | "became" | "’s" | "'s") || w == "," && after_name
        });
        let named = t + 2 < end && ctx.word(t + 1) == "," && ctx.is_capitalized(t + 2);
        !described && !named
    })
}

/// The head word of a noun phrase's tokens: its last word with the words and numbers joined to
/// it by hyphens ("34-year-old", "co-founder").
fn head_word<'t>(ctx: &Ctx<'t>, r: Range<usize>) -> &'t str {
    let last = r.end - 1;
    let mut first = last;
    while first > r.start && ctx.joined(first - 1) && (ctx.word(first - 1) == "-" || ctx.word(first) == "-") {
        first -= 1;
    }
    ctx.span_of(first..last + 1).as_str(ctx.text)
}

/// How many of `e`'s mentions start before byte `at`.
fn mentions_before(e: &Entity, at: usize) -> usize {
    e.mentions.partition_point(|m| m.span.start() < at)
}

/// The entity that `fits` with the most mentions before the description (`before`), the first
/// mentioned on a tie; none when no fitting entity was mentioned before it.
fn most_mentioned(
    index: &Index<'_>,
    fits: impl Fn(&Entity) -> bool,
    before: impl Fn(&Entity) -> usize,
) -> Option<usize> {
    let first = |e: &Entity| e.mentions.first().map_or(usize::MAX, |m| m.span.start());
    index
        .entities
        .iter()
        .enumerate()
        .filter(|(_, e)| fits(e))
        .map(|(i, e)| (before(e), std::cmp::Reverse(first(e)), i))
        .filter(|&(n, _, _)| n > 0)
        .max()
        .map(|(_, _, i)| i)
}

/// The person a description of a person points back to: among the people named before it who
/// fit its gender and, for an occupation, hold no other one by appositive or title ("Otto Berg,
/// her manager" is not "the singer", "Mayor Tom Ruiz" not "the engineer"; "Senator Alma Ruiz"
/// may be "the Democrat"), the one most mentioned and quoted so far (what a reader knows at that
/// point), the first mentioned on a tie; a speaker the entities missed counts too.
fn prominent_person(
    ctx: &Ctx<'_>,
    index: &Index<'_>,
    head: &str,
    g: Option<Gender>,
    occupation: bool,
    here: Here,
    named: &[Known],
) -> Option<Known> {
    let noun = head.to_lowercase();
    let other_role = |e: &Entity| {
        occupation
            && e.roles.iter().chain(&e.titles).any(|role| {
                let role = role.to_lowercase();
                let role_head =
                    role.split_whitespace().take_while(|w| !matches!(*w, "of" | "for" | "at" | "in")).last();
                role_head.is_some_and(|h| {
                    h != noun && matches!(index.descriptions.of(h), Some(Described::Person { occupation: true, .. }))
                })
            })
    };
    // Quotes so far by name, and where each name was first quoted.
    let mut quoted: HashMap<&str, (usize, usize)> = HashMap::new();
    for k in named.iter().rev().take(NAMED_WINDOW).filter(|k| k.here.at < here.at) {
        let slot = quoted.entry(k.name.as_str()).or_insert((0, k.here.at));
        slot.0 += 1;
        slot.1 = slot.1.min(k.here.at);
    }
    let fits_gender = |have: Option<Gender>| g.is_none() || have.is_none() || have == g;
    let mut best: Option<((usize, std::cmp::Reverse<usize>), Known)> = None;
    let mut consider = |score: usize, first: usize, k: Known| {
        let key = (score, std::cmp::Reverse(first));
        if score > 0 && best.as_ref().is_none_or(|(b, _)| key > *b) {
            best = Some((key, k));
        }
    };
    for (i, e) in index.entities.iter().enumerate() {
        if e.label != Label::Person || !fits_gender(index.gender(i)) || index.is_place(ctx, i) || other_role(e) {
            continue;
        }
        let before = mentions_before(e, here.at);
        if before == 0 {
            continue;
        }
        let times = quoted.get(e.name.as_str()).map_or(0, |q| q.0);
        consider(before + times, e.mentions[0].span.start(), person(index, i, g, here));
    }
    // A speaker the entities missed ("Persoons said") counts by the quotes given to it.
    for k in named.iter().rev().take(NAMED_WINDOW).filter(|k| k.entity.is_none() && k.here.at < here.at) {
        let Number::Person(kg) = k.number else { continue };
        if fits_gender(kg) && !k.name.contains(" and ") {
            let (times, first) = quoted.get(k.name.as_str()).copied().unwrap_or((0, k.here.at));
            consider(times, first, Known { here, ..k.clone() });
        }
    }
    best.map(|(_, k)| k)
}

/// "himself", "herself", "themselves".
fn is_reflexive(ctx: &Ctx<'_>, t: usize) -> bool {
    let w = ctx.word(t);
    ctx.class(t).has(Class::PRONOUN) && (w.ends_with("self") || w.ends_with("selves"))
}

/// "Mr. Varga and Mr. Li": two named people speaking together are a group named after both,
/// tied to neither entity. An organisation's name with "and" in it is one mention and stays whole.
fn coordinated(
    ctx: &Ctx<'_>,
    index: &Index<'_>,
    r: Range<usize>,
    here: Here,
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
    Some(Known { name: format!("{} and {}", a.name, b.name), entity: None, number: Number::Group, here })
}

/// A pronoun: the subject its own sentence names before it; else the last speaker, when recent
/// and compatible (gender, number); then the nearest person mentioned before it who may fit.
/// `content` is what the speaker is quoted as saying.
fn resolve_pronoun(
    ctx: &Ctx<'_>,
    index: &Index<'_>,
    t: usize,
    here: Here,
    content: Span,
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
    let Number::Person(g) = want else {
        let recent = last.filter(|k| {
            here.paragraph.saturating_sub(k.here.paragraph) <= SPEAKER_WINDOW && compatible(k.number, want)
        });
        return recent.map(|k| Known { here, ..k.clone() });
    };
    let before = ctx.tokens[t].span.start();
    let end = index.mentions.partition_point(|(s, _)| s.start() < before);
    let fits = |i: usize| {
        let e = &index.entities[i];
        e.label == Label::Person && index.gender(i).is_none_or(|eg| Some(eg) == g) && !index.is_place(ctx, i)
    };
    // Names inside quotation marks are the speaker's words, not the story's people.
    let outside = |s: Span| ctx.quote_at(ctx.token_at(s.start())).is_none();
    let window = &index.mentions[end.saturating_sub(MENTION_WINDOW)..end];
    let candidates = || window.iter().filter(|&&(s, i)| fits(i) && outside(s));
    let own_sentence = ctx.sentence_at(t).map_or(before, |si| ctx.tokens[ctx.sentences[si].start].span.start());
    // The person the story last made a subject, after the last speaker's sentence and before
    // the pronoun's, takes over ("“…,” Ann Lee said. Her sister, Mia Lee, disagreed. “…,”
    // she said": Mia Lee), unless it is that speaker again.
    let displaced = |k: &Known| {
        let k_tok = ctx.token_at(k.here.at);
        let k_end = ctx.tokens[ctx.sentence_range(k_tok).end - 1].span.end();
        candidates()
            .rev()
            .take_while(|(s, _)| s.start() >= k_end)
            .filter(|(s, _)| s.start() < own_sentence)
            .find(|&&(s, _)| subject_like(ctx, index, s))
            .is_some_and(|&(_, i)| Some(i) != k.entity && index.entities[i].name != k.name)
    };
    // The pronoun's own sentence names its subject before the quote: that person speaks, whoever
    // spoke last ("Greta Lee, the star of …, says she … — “…,” she says"), else the subject of a
    // relative clause ("…, to Lily Cho, who …: “…,” she says"). A person it names in another
    // role does not ("Asked about Mia Cole, she said"; "Mia Cole’s coach"; "backed by Ann Reed
    // and Mia Cole"), nor the subject of what is reported ("Ann Reed will win, she said").
    // A mention inside the reported content, unless a cue of its own or a colon or dash that
    // opens the quote follows it there ("Ann Reed says she … — “…,” she says"; "While Ann Reed
    // is …: “…,” she says").
    let reported = |s: Span| {
        content.overlaps(s)
            && (ctx.token_at(s.end())..t)
                .all(|u| ctx.cue_starting_at(u).is_none() && !matches!(ctx.word(u), ":" | "—" | "–"))
    };
    let own = || {
        candidates()
            .rev()
            .take_while(|(s, _)| s.start() >= own_sentence)
            .filter(|&&(s, _)| !reported(s) && !possessive(ctx, s) && !coordinated_mention(ctx, s))
    };
    // A relative clause's subject speaks only when its gender is known to fit.
    let own_subject = own()
        .find(|&&(s, _)| subject_like(ctx, index, s))
        .or_else(|| own().find(|&&(s, i)| before_who(ctx, s) && g.is_some() && index.gender(i) == g));
    if let Some(&(_, i)) = own_subject {
        return Some(person(index, i, None, here));
    }
    let recent = last.filter(|k| {
        here.paragraph.saturating_sub(k.here.paragraph) <= SPEAKER_WINDOW && compatible(k.number, want) && !displaced(k)
    });
    if let Some(k) = recent {
        // "he" tells the speaker's gender when nothing else did.
        let number = if k.number == Number::Person(None) { want } else { k.number };
        return Some(Known { here, number, ..k.clone() });
    }
    // The nearest sentence that mentions a person who may fit; in it, the subject, else the
    // first full name, else the first such person: "Pugh stood with Chalamet and Zendaya. …
    // she said" is Pugh.
    let &(s, _) = candidates().next_back()?;
    let si = ctx.sentence_at(ctx.token_at(s.start()));
    let from = si.map_or(s.start(), |si| ctx.tokens[ctx.sentences[si].start].span.start());
    let in_sentence = || candidates().filter(|&&(m, _)| m.start() >= from);
    let subject = in_sentence().find(|&&(m, _)| subject_like(ctx, index, m));
    // A full name before a lone word: "Chief Justice John Roberts" may leave a stray "Justice".
    let full = || in_sentence().find(|&&(_, i)| index.entities[i].name.contains(' '));
    let &(_, i) = subject.or_else(full).or_else(|| in_sentence().next())?;
    Some(person(index, i, None, here))
}

/// A mention that stands as the subject of its sentence: what comes before it, since the
/// sentence start or its first comma, is only capitalised words, determiners, adverbs, time
/// words and nouns of description, and names no other person or organisation ("On Monday, Ann
/// Lee …", "Her sister, Mia Lee, …", "The singer Ann Lee …"; not "Officials met Mia …", "with
/// Mia", "Ann told Mia …", nor a later item of a list "…, including Ann, Mia and Tom").
fn subject_like(ctx: &Ctx<'_>, index: &Index<'_>, m: Span) -> bool {
    let tok = ctx.token_at(m.start());
    let Some(si) = ctx.sentence_at(tok) else { return false };
    let start = ctx.sentences[si].start;
    let from = (start..tok).find(|&u| ctx.word(u) == ",").map_or(start, |u| u + 1);
    if from == tok {
        return true;
    }
    let at = ctx.tokens[from].span.start();
    let first = index.mentions.partition_point(|(s, _)| s.start() < at);
    let agent_before = index.mentions[first..]
        .iter()
        .take_while(|(s, _)| s.start() < m.start())
        .any(|&(_, i)| matches!(index.entities[i].label, Label::Person | Label::Org));
    let modifiers_only = (from..tok).all(|u| {
        let c = ctx.class(u);
        let w = ctx.word(u);
        !ctx.is_word(u)
            || ctx.cue_starting_at(u).is_none()
                && (ctx.is_capitalized(u)
                    || c.has(Class::DETERMINER) && !c.has(Class::CLAUSE)
                    || c.has(Class::ADVERB)
                    || c.has(Class::TIME)
                    || index.descriptions.of(w).is_some())
    });
    !agent_before && modifiers_only
}

/// A mention followed by a possessive ending ("Mia Cole’s coach").
fn possessive(ctx: &Ctx<'_>, m: Span) -> bool {
    ctx.is_possessive(ctx.token_at(m.end()))
}

/// A mention joined to another by "and" or "or" ("Ann Reed and Mia Cole").
fn coordinated_mention(ctx: &Ctx<'_>, m: Span) -> bool {
    let joins = |t: usize| ctx.is_word(t) && matches!(ctx.word(t), "and" | "or" | "nor");
    let (first, next) = (ctx.token_at(m.start()), ctx.token_at(m.end()));
    (first > 0 && joins(first - 1)) || (next < ctx.tokens.len() && joins(next))
}

/// A mention followed by ", who": the subject of the relative clause after it ("Lily Cho, who
/// could win …").
/// Not when "who" is the object of the clause ("Marco Rubio, who he dubbed …").
fn before_who(ctx: &Ctx<'_>, m: Span) -> bool {
    let t = ctx.token_at(m.end());
    let object = t + 2 < ctx.tokens.len() && (ctx.class(t + 2).has(Class::PRONOUN) || ctx.is_capitalized(t + 2));
    t + 1 < ctx.tokens.len() && ctx.word(t) == "," && ctx.word(t + 1).eq_ignore_ascii_case("who") && !object
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
/// "Wen"; "President Oleh Koval of Ukraine" gives "Oleh Koval". A common noun between two
/// capitalised runs makes the first a modifier: "Brookfield resident Tom Avery" gives "Tom Avery".
fn name_part(ctx: &Ctx<'_>, r: Range<usize>) -> Vec<usize> {
    let mut out = Vec::new();
    let mut after_noun = false;
    for t in r {
        if !ctx.is_word(t) {
            if ctx.word(t) == "." || ctx.word(t) == "-" {
                continue;
            }
            break;
        }
        let w = ctx.word(t);
        let c = ctx.class(t);
        if !starts_upper(w) {
            if out.is_empty() {
                continue;
            }
            if c.has(Class::PREPOSITION) || c.has(Class::CLAUSE) || c.has(Class::DETERMINER) || w == "and" {
                break;
            }
            // A short lowercase word is a name particle ("von der", "de"), not a noun.
            after_noun |= w.chars().count() > 3;
            continue;
        }
        if c.has(Class::HONORIFIC) || c.has(Class::DETERMINER) {
            continue;
        }
        if after_noun {
            out.clear();
            after_noun = false;
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
