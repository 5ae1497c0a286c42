//! Quotes that no cue attributes, read as a careful reader reads them. A pass over the results
//! of `attribution`, before `resolve`:
//!
//! - **Headings never speak.** A subhead shaped "Survey Results: What Users Want" is no speaker
//!   label unless its label names a person or an organisation: its own "quote" is dropped, and
//!   quotes that borrowed the label as their speaker lose it.
//! - **Interviews.** "I spoke with Ana Ruiz, …" or "In an interview with Ana Ruiz …" makes the
//!   interviewee the speaker that the quote paragraphs after it carry on
//!   (`data/quotes/interviews.txt`).
//! - **Carried-on speakers.** A paragraph made of quotation alone, with no speaker of its own,
//!   is the last speaker's when only headings, other quote paragraphs or short narration that
//!   names no one else stand between: a quote running over paragraphs, an answer after a
//!   subhead. Narration that names another person or organisation, or runs long, ends the
//!   speaker; a quote with no reader-evident speaker keeps none.

use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::article::{Label, QuoteKind, Role};
use crate::data::{self, data_file, DataFile};

use super::attribution::{Attr, Found};
use super::context::{starts_upper, Ctx};

const INTERVIEWS: DataFile<'static> = data_file!("data/quotes/interviews.txt");

/// Most words in a subhead (a paragraph of one short line without a full stop).
const MAX_HEADING_WORDS: usize = 12;
/// Most bytes in a subhead, a bound checked before the words are counted.
const MAX_HEADING_BYTES: usize = 160;
/// Most words of narration between two quote paragraphs that keeps the speaker.
const MAX_NARRATION_WORDS: usize = 30;
/// How many tokens before a first-person intro phrase its "I" or "we" may be ("I recently
/// spoke with").
const SUBJECT_REACH: usize = 2;

/// The phrases that introduce an interviewee, compiled once from the embedded list into one
/// automaton: a paragraph is searched once, not once per word and phrase.
#[derive(Debug)]
pub(crate) struct Intros {
    /// The phrases on their own ("in an interview with") first, then those after "I" or "we"
    /// only ("spoke with"), case aside.
    phrases: AhoCorasick,
    /// How many of the phrases stand on their own.
    standalone: usize,
}

impl Intros {
    /// Reads the embedded list.
    pub(crate) fn new() -> Intros {
        let [first_person, standalone] = data::embedded(read(INTERVIEWS));
        let phrases = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(standalone.iter().chain(&first_person))
            .expect("the interview phrases compile");
        Intros { phrases, standalone: standalone.len() }
    }
}

fn read(file: DataFile<'_>) -> data::Result<[Vec<&str>; 2]> {
    file.section_entries(["first_person", "standalone"])
}

/// Applies the three rules to `found` (in text order), in place.
pub(crate) fn fill(ctx: &Ctx<'_>, intros: &Intros, found: &mut Vec<Found>) {
    drop_heading_speakers(ctx, found);
    carry_on(ctx, intros, found);
}

/// The paragraph holding byte `pos`.
fn paragraph_at(ctx: &Ctx<'_>, pos: usize) -> usize {
    ctx.paragraphs.partition_point(|p| p.span.end() <= pos)
}

/// The tokens of paragraph `p`.
fn tokens_of(ctx: &Ctx<'_>, p: usize) -> Range<usize> {
    let span = ctx.paragraphs[p].span;
    ctx.token_at(span.start())..ctx.token_at(span.end())
}

/// A subhead: a heading of the page, or in plain text a body paragraph of one short line that
/// opens with a capital and ends without a full stop, a colon or a quotation mark.
fn is_heading(ctx: &Ctx<'_>, p: usize) -> bool {
    let para = &ctx.paragraphs[p];
    match para.role {
        Role::Heading => return true,
        Role::Body => {}
        _ => return false,
    }
    let text = para.span.as_str(ctx.text);
    // Cheap tests first: this runs for every speaker label, and a paragraph can be long.
    if text.len() > MAX_HEADING_BYTES || text.contains('\n') {
        return false;
    }
    let toks = tokens_of(ctx, p);
    let words = toks.clone().filter(|&t| ctx.is_word(t)).count();
    let ends_open = text.chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ')');
    (1..=MAX_HEADING_WORDS).contains(&words)
        && ends_open
        && toks.clone().next().is_some_and(|t| ctx.is_word(t) && starts_upper(ctx.word(t)))
}

/// A paragraph made of quotation alone: no word outside its quotation marks.
fn is_quote_paragraph(ctx: &Ctx<'_>, p: usize) -> bool {
    let toks = tokens_of(ctx, p);
    toks.clone().any(|t| ctx.quote_at(t).is_some())
        && toks.filter(|&t| ctx.is_word(t)).all(|t| ctx.quote_at(t).is_some())
}

/// "Survey Results: What Users Want" as a subhead: the label before the colon is no speaker
/// unless it names a person or an organisation. The subhead's own quote goes; quotes that took
/// the label as their speaker lose it.
fn drop_heading_speakers(ctx: &Ctx<'_>, found: &mut Vec<Found>) {
    let heading_label = |f: &Found| -> Option<usize> {
        let s = f.attr.speaker.clone().filter(|s| !s.is_empty() && f.attr.cue.is_none())?;
        let colon = ctx.tokens.get(s.end).is_some_and(|_| ctx.word(s.end) == ":");
        let p = paragraph_at(ctx, ctx.tokens[s.start].span.start());
        (colon && is_heading(ctx, p) && !ctx.names_agent(ctx.span_of(s))).then_some(p)
    };
    // One pass decides both: the subhead's own quote goes, others lose the label.
    let mut own = vec![false; found.len()];
    for (f, own) in found.iter_mut().zip(&mut own) {
        if let Some(p) = heading_label(f) {
            *own = paragraph_at(ctx, f.span.start()) == p;
            f.attr = Attr { speaker: None, cue: None };
        }
    }
    let mut own = own.into_iter();
    found.retain(|_| !own.next().unwrap_or(false));
}

/// The speaker carried from one paragraph to the next: its tokens and its entity, if known.
#[derive(Clone)]
struct Current {
    speaker: Range<usize>,
    entity: Option<usize>,
}

/// The entity whose mention overlaps tokens `r`.
fn entity_of(ctx: &Ctx<'_>, r: &Range<usize>) -> Option<usize> {
    if r.is_empty() {
        return None;
    }
    let span = ctx.span_of(r.clone());
    let i = ctx.agents.partition_point(|(m, _)| m.end() <= span.start());
    ctx.agents.get(i).filter(|(m, _)| m.start() < span.end()).map(|&(_, e)| e)
}

/// Walks the paragraphs in order, carrying the last speaker over headings, quote paragraphs
/// and short narration that names no one else, and giving it to quote paragraphs without one.
fn carry_on(ctx: &Ctx<'_>, intros: &Intros, found: &mut [Found]) {
    let mut current: Option<Current> = None;
    let mut next = 0;
    for p in 0..ctx.paragraphs.len() {
        let here = next..found[next..].partition_point(|f| f.span.start() < ctx.paragraphs[p].span.end()) + next;
        next = here.end;
        let role = ctx.paragraphs[p].role;
        if !role.is_analysed() || role == Role::Title {
            continue;
        }
        // A report inside quotation marks is the quoted speaker's words, not a new speaker.
        let speaks = |f: &&Found| {
            f.attr.speaker.is_some()
                && (f.kind == QuoteKind::Direct || ctx.quote_at(ctx.token_at(f.span.start())).is_none())
        };
        let has_speaker = found[here.clone()].iter().any(|f| speaks(&f));
        if is_quote_paragraph(ctx, p) && !has_speaker {
            if let Some(c) = &current {
                for f in &mut found[here.clone()] {
                    if f.kind == QuoteKind::Direct && f.attr.cue.is_none() {
                        f.attr.speaker = Some(c.speaker.clone());
                    }
                }
            }
            continue;
        }
        let last = found[here.clone()].iter().rev().filter(speaks).find_map(|f| f.attr.speaker.clone());
        let last = last.map(|s| Current { entity: entity_of(ctx, &s), speaker: s });
        // The paragraph that introduces an interviewee gives the interviewee, unless it goes on
        // to quote another person by name.
        if let Some(s) = interviewee(ctx, intros, p) {
            let person = |c: &Current| c.entity.is_some_and(|e| ctx.entities[e].label == Label::Person);
            let entity = entity_of(ctx, &s);
            current = match last {
                Some(c) if person(&c) && c.entity != entity => Some(c),
                _ => Some(Current { speaker: s, entity }),
            };
            continue;
        }
        if last.is_some() {
            current = last;
            continue;
        }
        if is_heading(ctx, p) || current.is_none() {
            continue;
        }
        // Narration: it keeps the speaker when short and naming no one else.
        let toks = tokens_of(ctx, p);
        let words = toks.clone().filter(|&t| ctx.is_word(t)).count();
        let span = ctx.paragraphs[p].span;
        let from = ctx.agents.partition_point(|(m, _)| m.start() < span.start());
        let keep = current.as_ref().and_then(|c| c.entity);
        let names_other =
            ctx.agents[from..].iter().take_while(|(m, _)| m.start() < span.end()).any(|&(_, e)| Some(e) != keep);
        if names_other || words > MAX_NARRATION_WORDS || !found[here].is_empty() {
            current = None;
        }
    }
}

/// The person paragraph `p` introduces as the interviewee: the name right after "I spoke
/// with", "In an interview with" and the like.
fn interviewee(ctx: &Ctx<'_>, intros: &Intros, p: usize) -> Option<Range<usize>> {
    let toks = tokens_of(ctx, p);
    let span = ctx.paragraphs[p].span;
    // (first token, phrase, token after it) for each phrase that covers whole words.
    let mut hits: Vec<(usize, usize, usize)> = Vec::new();
    for m in intros.phrases.find_overlapping_iter(span.as_str(ctx.text)) {
        let (start, end) = (span.start() + m.start(), span.start() + m.end());
        let t = ctx.token_at(start);
        let after = ctx.token_at(end);
        let whole = t < after && ctx.tokens[t].span.start() == start && ctx.tokens[after - 1].span.end() == end;
        if whole && ctx.is_word(t) && after < toks.end {
            hits.push((t, m.pattern().as_usize(), after));
        }
    }
    // In text order, a standalone phrase before a first-person one at the same word.
    hits.sort_unstable();
    for (t, phrase, after) in hits {
        let first_person = || {
            (t.saturating_sub(SUBJECT_REACH).max(toks.start)..t)
                .any(|s| ctx.word(s) == "I" || ctx.word(s).eq_ignore_ascii_case("we"))
        };
        if phrase >= intros.standalone && !first_person() {
            continue;
        }
        let start = ctx.tokens[after].span.start();
        let i = ctx.agents.partition_point(|(m, _)| m.start() < start);
        let person = ctx.agents.get(i).filter(|&&(m, e)| m.start() == start && ctx.entities[e].label == Label::Person);
        if let Some((m, _)) = person {
            return Some(after..ctx.token_at(m.end()));
        }
    }
    None
}

/// The embedded file and its reader, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] =
    &[data::Check { file: INTERVIEWS, read: |f| read(f).map(drop), class: data::ClassAt::Section }];
