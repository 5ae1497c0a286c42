//! Interviews and Q&A: paragraphs that open with the speaker's label ("Rosa Mendes: …",
//! "Q: …", "A: …") are turns, quoted directly and attributed to the turn's speaker.
//!
//! An article is taken for an interview when at least two paragraphs open with a turn label.
//! A named label (a person or an organisation the entities know, or capitals as in transcripts)
//! is the speaker's own mention; a name-shaped label the entities miss ("Mira:") is one when the
//! same label opens two or more paragraphs. An "A:" turn's mention is its label, resolved to the
//! interviewee, the person the article mentions most; a "Q:" turn has no named speaker. A
//! paragraph between two turns that opens with no label carries on an "A:" turn before it (a
//! long answer). Cues inside a turn report again only for someone else ("My brother told me
//! …"): the turn's own "I said" or "we told them" is the turn's speaker, already quoted.

use std::collections::HashMap;
use std::ops::Range;

use crate::article::{Label, QuoteKind};

use super::attribution::{is_name_word, is_speaker_label, Attr, Found, MAX_LABEL};
use super::context::Ctx;

/// Fewest labelled paragraphs that make an interview.
const MIN_TURNS: usize = 2;
/// Fewest words after a label for a turn.
const MIN_WORDS: usize = 2;

/// Who a turn belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Turn {
    /// "Q:": the interviewer, unnamed.
    Question,
    /// "A:": the interviewee.
    Answer,
    /// "Rosa Mendes:": the label's tokens.
    Named(Range<usize>),
}

/// One turn paragraph: who speaks and the tokens of what they say.
struct Piece {
    turn: Turn,
    content: Range<usize>,
    /// A name-like label the entities do not know ("Dana:"): a turn only when the same label
    /// opens another paragraph too.
    unknown: bool,
}

/// Finds the turns of an interview, pushes them to `out` as direct quotes, marks the quoted
/// pieces inside them consumed, and returns the token ranges they claim, in text order.
pub(crate) fn turns(ctx: &Ctx<'_>, consumed: &mut [bool], out: &mut Vec<Found>) -> Vec<Range<usize>> {
    // (paragraph tokens, its label and content when it has one)
    let mut paras: Vec<(Range<usize>, Option<Piece>)> = Vec::new();
    for p in ctx.paragraphs.iter().filter(|p| p.role.is_analysed()) {
        let r = ctx.token_at(p.span.start())..ctx.token_at(p.span.end());
        if r.is_empty() {
            continue;
        }
        let piece = labelled(ctx, r.clone());
        paras.push((r, piece));
    }
    // An unknown label counts when the same words open two or more paragraphs.
    let label_text = |p: &Piece| match &p.turn {
        Turn::Named(l) => ctx.span_of(l.clone()).as_str(ctx.text),
        _ => "",
    };
    let mut opens: HashMap<&str, usize> = HashMap::new();
    for p in paras.iter().filter_map(|(_, p)| p.as_ref()) {
        *opens.entry(label_text(p)).or_default() += 1;
    }
    for (_, piece) in &mut paras {
        if piece.as_ref().is_some_and(|p| p.unknown && opens[label_text(p)] < MIN_TURNS) {
            *piece = None;
        }
    }
    if paras.iter().filter(|(_, p)| p.is_some()).count() < MIN_TURNS {
        return Vec::new();
    }
    let interviewee = interviewee(ctx);
    let mut answer_label: Option<Range<usize>> = None;
    let last_turn = paras.iter().rposition(|(_, p)| p.is_some()).unwrap_or(0);
    let mut claimed = Vec::new();
    let mut current: Option<Turn> = None;
    for (i, (r, piece)) in paras.into_iter().enumerate() {
        let piece = match piece {
            Some(p) => {
                if p.turn == Turn::Answer {
                    answer_label = Some(r.start..p.content.start - 1);
                }
                p
            }
            // A long answer: a paragraph between turns carries on the one before it.
            None => match &current {
                Some(Turn::Answer) if i < last_turn => Piece { turn: Turn::Answer, content: r, unknown: false },
                _ => {
                    current = None;
                    continue;
                }
            },
        };
        let speaker = match &piece.turn {
            Turn::Question => None,
            // The label itself, which `resolve` takes to the interviewee; a long answer's
            // paragraph points to its turn's label.
            Turn::Answer => answer_label.clone().filter(|_| interviewee.is_some()),
            Turn::Named(label) => Some(label.clone()),
        };
        let content = piece.content.clone();
        for (q, toks) in ctx.quoted_toks.iter().enumerate() {
            if content.contains(&toks.start) {
                consumed[q] = true;
            }
        }
        let span = ctx.span_of(content.clone()).trim(ctx.text);
        if !span.is_empty() {
            out.push(Found { kind: QuoteKind::Direct, span, attr: Attr { speaker, cue: None } });
            claimed.push(content);
        }
        current = Some(piece.turn);
    }
    claimed
}

/// The turn a paragraph opens with, if any: a label and a colon within its first tokens.
fn labelled(ctx: &Ctx<'_>, r: Range<usize>) -> Option<Piece> {
    let colon = (r.start..r.end.min(r.start + MAX_LABEL + 1)).find(|&t| ctx.word(t) == ":")?;
    if colon == r.start || colon + 1 >= r.end {
        return None;
    }
    let label = r.start..colon;
    let first = ctx.word(r.start);
    // "Clinton: 1,769." is a table row, not a turn.
    if (colon + 1..r.end).filter(|&t| ctx.is_word(t)).count() < MIN_WORDS {
        return None;
    }
    let mut unknown = false;
    let turn = if label.len() == 1 && matches!(first, "Q" | "Question") {
        Turn::Question
    } else if label.len() == 1 && matches!(first, "A" | "Answer") {
        Turn::Answer
    } else if is_speaker_label(ctx, label.clone(), colon + 1) && names_speaker(ctx, label.clone()) {
        Turn::Named(label)
    } else if is_name_label(ctx, label.clone()) {
        unknown = true;
        Turn::Named(label)
    } else {
        return None;
    };
    Some(Piece { turn, content: colon + 1..r.end, unknown })
}

/// A label shaped like a name: one or two capitalised words, no cue, not a section label
/// ("Dana:", "Dana Ruiz:"; not "Update:", "The plan:").
fn is_name_label(ctx: &Ctx<'_>, label: Range<usize>) -> bool {
    let words = label.clone().filter(|&t| ctx.is_word(t)).count();
    (1..=2).contains(&words) && label.clone().all(|t| is_name_word(ctx, t))
}

/// A label that names a person or an organisation, or is written in capitals as transcripts
/// write speakers ("KATE BOLDUAN"); not a section label ("Delegate Update").
fn names_speaker(ctx: &Ctx<'_>, label: Range<usize>) -> bool {
    let capitals = label.clone().filter(|&t| ctx.is_word(t)).all(|t| !ctx.word(t).chars().any(char::is_lowercase));
    capitals || ctx.names_agent(ctx.span_of(label))
}

/// The interviewee: the person the article mentions most (the first of them).
pub(super) fn interviewee(ctx: &Ctx<'_>) -> Option<usize> {
    let persons = ctx.entities.iter().enumerate().filter(|(_, e)| e.label == Label::Person && !e.mentions.is_empty());
    persons.max_by_key(|(_, e)| (e.mentions.len(), std::cmp::Reverse(e.mentions[0].span.start()))).map(|(i, _)| i)
}

/// True when tokens `r` are an answer's label: "A" or "Answer" before a colon.
pub(super) fn is_answer_label(ctx: &Ctx<'_>, r: &Range<usize>) -> bool {
    r.len() == 1
        && matches!(ctx.word(r.start), "A" | "Answer")
        && ctx.tokens.get(r.end).is_some_and(|_| ctx.word(r.end) == ":")
}
