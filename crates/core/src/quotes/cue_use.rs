//! Cue hits that the words around them show report nothing: "prices declined by 3 percent",
//! "she's known to", "20 pledged delegates", "the man who saw Ann Lee said …", "the stars that
//! they wanted to see".

use std::ops::Range;

use crate::segment::TokenKind;
use crate::span::Span;

use super::context::{Ctx, WINDOW};
use super::lexicon::{Class, CueClass, Form};

/// False when cue `k` cannot report where it stands, whoever its speaker.
pub(super) fn may_report(ctx: &Ctx<'_>, k: usize) -> bool {
    let c = &ctx.cues[k];
    let (a, b) = (c.toks.start, c.toks.end);
    let next = (b < ctx.tokens.len() && ctx.is_word(b)).then(|| ctx.word(b));
    if !ctx.lex.allows_next(c.span.as_str(ctx.text), next) {
        return false;
    }
    if c.form == Form::Past && ctx.class(a).has(Class::PARTICIPLE) && !after_have(ctx, a) {
        return false;
    }
    // "its 20 pledged delegates", "another reported case": a participle between a number or a
    // determiner and its noun.
    let before_noun = a > 0
        && (ctx.tokens[a - 1].kind == TokenKind::Number
            || ctx.is_word(a - 1) && ctx.class(a - 1).has(Class::DETERMINER));
    let noun_next =
        next.is_some_and(|w| w.bytes().all(|ch| ch.is_ascii_lowercase()) && ctx.class(b) == Class::default());
    !(c.form == Form::Past && before_noun && noun_next)
}

/// True when the base or -s form of a mostly-noun cue at tokens `a..next` stands as a verb: in lower
/// case, after a subject (a word that is no determiner, preposition or possessive) and before
/// "that" or a colon ("The audit states: …", "Reuters reports that"), not "the reports that",
/// "the United States:", "two states that".
pub(super) fn nouny_as_verb(ctx: &Ctx<'_>, a: usize, next: usize) -> bool {
    let before_that_or_colon =
        next < ctx.tokens.len() && (ctx.word(next) == ":" || ctx.word(next).eq_ignore_ascii_case("that"));
    if !before_that_or_colon || ctx.is_capitalized(a) || a == 0 {
        return false;
    }
    let before = a - 1;
    if !ctx.is_word(before) || ctx.is_possessive(before) {
        return false;
    }
    let c = ctx.class(before);
    !(c.has(Class::DETERMINER) || c.has(Class::PREPOSITION))
}

/// True when "have" stands before token `a`, adverbs aside ("has long known", "had seen").
fn after_have(ctx: &Ctx<'_>, a: usize) -> bool {
    let from = a.saturating_sub(WINDOW);
    for t in (from..a).rev() {
        if !ctx.is_word(t) {
            return false;
        }
        let w = ctx.word(t).to_ascii_lowercase();
        if matches!(w.as_str(), "have" | "has" | "had" | "having" | "’ve" | "'ve" | "’d" | "'d") {
            return true;
        }
        if !(ctx.class(t).has(Class::ADVERB) || ctx.is_ly_adverb(t) || w == "not" || w == "never") {
            return false;
        }
    }
    false
}

/// True when cue `k` is the verb of a relative clause inside the subject of a later cue: in
/// "The man who saw Ann Lee said …", "saw" has the speaker "who" and is followed by its object
/// and then the main verb.
pub(super) fn inside_relative(ctx: &Ctx<'_>, k: usize, speaker: &Range<usize>, hi: usize) -> bool {
    let relative = speaker.end > speaker.start
        && matches!(ctx.word(speaker.end - 1).to_ascii_lowercase().as_str(), "who" | "that" | "which");
    if !relative {
        return false;
    }
    let c = &ctx.cues[k];
    let Some(np) = ctx.np_after(c.toks.end, hi) else { return false };
    ctx.cue_starting_at(np.end).is_some_and(|k2| ctx.cues[k2].class.reports_clauses())
}

/// True for "the stars that they wanted to see (at the gala)": a thought cue in a relative clause
/// whose infinitive has lost its object to the noun the clause describes.
pub(super) fn gapped_infinitive(ctx: &Ctx<'_>, k: usize, speaker: &Range<usize>, lo: usize, hi: usize) -> bool {
    let c = &ctx.cues[k];
    if c.class != CueClass::Thought || speaker.start <= lo {
        return false;
    }
    let before = ctx.word(speaker.start - 1).to_ascii_lowercase();
    if !matches!(before.as_str(), "that" | "which" | "whom") {
        return false;
    }
    // The relative's antecedent is a noun, not a verb of saying ("said that they wanted to …").
    let antecedent = speaker.start - 1;
    if antecedent == 0
        || antecedent <= lo
        || ctx.cue_starting_at(antecedent - 1).is_some()
        || !ctx.is_word(antecedent - 1)
    {
        return false;
    }
    let to = c.toks.end;
    if to + 1 >= hi || !ctx.word(to).eq_ignore_ascii_case("to") || !ctx.is_word(to + 1) {
        return false;
    }
    let after = to + 2;
    after >= hi || !ctx.is_word(after) || ctx.class(after).has(Class::PREPOSITION) || ctx.class(after).has(Class::TIME)
}

/// The subject of "X, citing “…,” said …": for a participle cue set off by a comma after a noun
/// phrase ("Ann Lee, citing"), that noun phrase. The participle's quote and the verb after it
/// are both the subject's.
pub(super) fn participle_subject(ctx: &Ctx<'_>, k: usize, lo: usize) -> Option<Range<usize>> {
    let c = &ctx.cues[k];
    let a = c.toks.start;
    if c.form != Form::Ing || a < lo + 2 || ctx.word(a - 1) != "," {
        return None;
    }
    ctx.np_before(a - 1, lo)
}

/// The participle cue ("citing") whose quote ends right before token `t` (the verb of
/// "X, citing “…,” said …"), if any.
pub(super) fn participle_before_quote(ctx: &Ctx<'_>, t: usize) -> Option<usize> {
    let q = ctx.quote_at(t.checked_sub(1)?)?;
    let open = ctx.quoted_toks[q].start;
    let k = ctx.cues.partition_point(|c| c.toks.start < open).checked_sub(1)?;
    let c = &ctx.cues[k];
    (c.toks.end == open && c.form == Form::Ing).then_some(k)
}

/// True when token `t` is a cue word, whether or not it stands as a verb there ("to suggest"); a
/// mostly-noun form ("to favour") is not.
pub(super) fn cue_word_at(ctx: &Ctx<'_>, t: usize) -> bool {
    let Some(tok) = ctx.tokens.get(t) else { return false };
    let start = tok.span.start();
    ctx.lex
        .find_cues(ctx.text, Span::new(start, tok.span.end()))
        .next()
        .is_some_and(|(s, cf)| s.start() == start && !cf.nouny)
}
