//! Attribution: ties quoted spans and reported clauses to a cue and a speaker mention.
//!
//! Three passes over one article:
//! 1. **Direct quotes**, quote by quote: the attribution right after the closing mark
//!    ("“…,” he said" / "“…,” said X" / "“…” — X"), or the cue right before the opening mark
//!    ("X said: “…”", "X said in a statement that “…”", "X promised to “…”").
//! 2. **Reported clauses**, cue by cue: "X said (that) CLAUSE", "CLAUSE, X said",
//!    "according to X, CLAUSE", "X told Y that CLAUSE". A clause carrying a quoted fragment that
//!    pass 1 left alone is `mixed`.
//! 3. **Follow-ups**: a quote-only sentence or paragraph inherits the last attribution nearby;
//!    a quote continued over paragraphs shares its attribution. What is left unattributed and
//!    short is a scare quote or a title, and is dropped.

use std::ops::Range;

use crate::article::QuoteKind;
use crate::span::Span;

use super::context::{Ctx, WINDOW};
use super::cue_use;
use super::lexicon::{Class, CueClass};

/// How far after a closing mark the cue of "“…,” X said" may be, in tokens.
const AFTER_CLOSE: usize = 16;
/// How far before an opening mark the cue of "X said ... “…”" may be, in tokens.
const BEFORE_OPEN: usize = 16;
/// Most words after the name in a signature line ("- Jane Roe, mayor of Springfield").
const MAX_SIGNATURE: usize = 12;
/// Longest speaker label before a colon, in tokens ("KATE BOULDUAN:").
pub(super) const MAX_LABEL: usize = 5;
/// Most tokens between the attribution of a split quote and its second half.
const SPLIT_GAP: usize = 30;
/// Unattributed quotes with fewer words than this are scare quotes or titles.
const MIN_LONE_WORDS: usize = 6;
/// Most adjunct phrases skipped after a cue ("said on Friday in a statement").
const MAX_ADJUNCTS: usize = 3;

/// An attribution: who (a token range) and the cue (index into `Ctx::cues`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Attr {
    pub speaker: Option<Range<usize>>,
    pub cue: Option<usize>,
}

/// A quote before speaker resolution.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub kind: QuoteKind,
    pub span: Span,
    pub attr: Attr,
}

/// Finds every quote of the article with its attribution.
pub(crate) fn attribute(ctx: &Ctx<'_>) -> Vec<Found> {
    let n = ctx.quoted.len();
    let mut attrs: Vec<Option<Attr>> = vec![None; n];
    let mut used = vec![false; ctx.cues.len()];
    for q in 0..n {
        if attrs[q].is_some() {
            continue;
        }
        let Some(a) = direct_attribution(ctx, q, &mut used) else { continue };
        if let Some(next) = split_continuation(ctx, q, &a) {
            attrs[next] = Some(a.clone());
        }
        attrs[q] = Some(a);
    }
    let mut out = Vec::new();
    let mut consumed = vec![false; n];
    let turns = super::interview::turns(ctx, &mut consumed, &mut out);
    let claimed = colon_attributions(ctx, &mut attrs, &mut consumed, &mut out, &turns);
    share_over_paragraphs(ctx, &mut attrs);
    reported_clauses(ctx, &mut used, &attrs, &mut consumed, &claimed, &turns, &mut out);
    follow_ups(ctx, &mut attrs, &consumed, &out);
    for q in 0..n {
        if consumed[q] {
            continue;
        }
        if let Some(a) = &attrs[q] {
            out.push(Found { kind: QuoteKind::Direct, span: ctx.quoted[q].inner, attr: a.clone() });
        } else if is_lone_speech(ctx, q) {
            let attr = Attr { speaker: None, cue: None };
            out.push(Found { kind: QuoteKind::Direct, span: ctx.quoted[q].inner, attr });
        }
    }
    out.sort_by_key(|f| (f.span.start(), f.span.end()));
    out
}

/// Pass 1 for one quote: the attribution after it, else the one before it, marking the cues
/// used. "X told him that “…,” according to Y" and "X responded: “…?” Her critics ..." prefer
/// the cue before: the speaker is X.
fn direct_attribution(ctx: &Ctx<'_>, q: usize, used: &mut [bool]) -> Option<Attr> {
    let after = after_close(ctx, q);
    let by_source = after.as_ref().and_then(|a| a.cue).filter(|&k| ctx.cues[k].class == CueClass::Source);
    let open = ctx.quoted_toks[q].start;
    let introduced = open > 0 && ctx.word(open - 1) == ":";
    let as_said = if after.is_none() { as_clause(ctx, q) } else { None };
    let chosen = match after {
        Some(a) if by_source.is_none() && !introduced => Some(a),
        None if as_said.is_some() => as_said,
        after => match before_open(ctx, q, used) {
            Some(a) => {
                if let Some(k) = by_source {
                    used[k] = true;
                }
                Some(a)
            }
            None => after.or_else(|| colon_introduced(ctx, q)),
        },
    };
    if let Some(k) = chosen.as_ref().and_then(|a| a.cue) {
        used[k] = true;
    }
    // "Ann Lee, citing “…,” said": the participle's quote is Ann Lee's.
    match chosen {
        Some(Attr { speaker: None, cue: Some(k) }) => {
            let lo = ctx.sentence_range(ctx.cues[k].toks.start).start;
            Some(Attr { speaker: cue_use::participle_subject(ctx, k, lo), cue: Some(k) })
        }
        chosen => chosen,
    }
}

/// "“…,” he said." / "“…,” said Mr. X, the director." / "“…” — X" / "“…,” Trump told CNN".
/// None when the quote is a fragment of a longer clause ("The plan is “dead,” he said."): that
/// is a mixed quote, for pass 2.
fn after_close(ctx: &Ctx<'_>, q: usize) -> Option<Attr> {
    let quote = &ctx.quoted[q];
    let close = quote.close?;
    let para = ctx.paragraphs[quote.paragraph].span;
    let para_end = ctx.token_at(para.end());
    let inner = quote.inner.as_str(ctx.text);
    let mut k = ctx.token_at(close.end());
    // A quote ending in a comma, a dash or a question awaits its attribution.
    let mut comma = inner.ends_with([',', '?', '!', '—', '–', '-', '…']);
    if k < para_end && ctx.word(k) == "," {
        k += 1;
        comma = true;
    }
    if words_before(ctx, q) >= 2 {
        return None;
    }
    if k >= para_end {
        return dash_paragraph(ctx, k);
    }
    // Dash attribution at the end of a paragraph: "“…” — John Smith, spokesman".
    if is_dash(ctx.word(k)) {
        let np = ctx.np_after(k + 1, para_end)?;
        let rest = np.end;
        let ends = rest >= para_end || matches!(ctx.word(rest), "," | "." | "(") || ctx.line_break_before(rest);
        return ends.then_some(Attr { speaker: Some(np), cue: None });
    }
    // "“…,” Trump, the front-runner nationally and the leader in polls by a wide margin, said":
    // an appositive after the name carries the cue further.
    let appositive = ctx.np_after(k, para_end).is_some_and(|np| np.end < para_end && ctx.word(np.end) == ",");
    let reach = if appositive { 2 * AFTER_CLOSE } else { AFTER_CLOSE };
    let limit = (k + reach).min(para_end);
    let mut t = k;
    let cue = loop {
        if t >= limit || ctx.quote_at(t).is_some() || (t > k && ctx.ends_sentence(t)) {
            return None;
        }
        if let Some(c) = ctx.cue_starting_at(t) {
            break c;
        }
        t += 1;
    };
    let c = &ctx.cues[cue];
    if !c.class.attributes_quotes() || c.opener {
        return None;
    }
    let hi = sentence_end(ctx, c.toks.end, para_end);
    let mut speaker = ctx.speaker_of(c, k, hi)?;
    // The speaker must sit right after the quote (or right after the cue, inverted).
    let inverted = c.toks.start == k && speaker.start == c.toks.end;
    if speaker.start != k && !inverted {
        // "“…,” Mr. Daniloff, now 81 and retired in Cambridge, Mass., said": whatever sits
        // between the commas, the name right after the quote is the speaker.
        let closes = c.toks.start > k && ctx.word(c.toks.start - 1) == ",";
        let first = ctx.np_after(k, c.toks.start).filter(|np| closes && ctx.word(np.end) == ",")?;
        // "“…,” his twin brother, Sam Grant, posted": a role before the name gives way to it.
        let role_then_name =
            speaker.start == first.end + 1 && ctx.is_name(speaker.clone()) && !ctx.is_name(first.clone());
        if !role_then_name {
            speaker = first;
        }
    }
    let mut rest = speaker.end.max(c.toks.end);
    if c.class == CueClass::Addressee && !inverted {
        if let Some(np) = ctx.np_after(rest, hi) {
            rest = np.end; // "told CNN", "told a crowd in Seattle"
        }
    }
    let after = skip_adjuncts(ctx, rest, hi);
    // "…,” Mr. Varga replied: “…”" introduces the next quote, not this one.
    if after < hi && ctx.word(after) == ":" {
        return None;
    }
    // "“What difference does it make?” Her critics cited it ...": a question or an exclamation
    // followed by a capitalised sentence needs an attribution that ends there.
    let exclaimed = inner.ends_with(['?', '!']) && ctx.is_capitalized(k) && !inverted;
    if !comma || exclaimed {
        // "“It works.” He said the plan ..." is a new sentence with its own report.
        let closes_clause = after >= hi || is_clause_edge(ctx, after);
        let new_sentence = inner.ends_with(['.', '!', '?']) && ctx.is_capitalized(k) && !inverted;
        if !closes_clause || (new_sentence && after < hi && ctx.word(after) != ".") {
            return None;
        }
    }
    Some(Attr { speaker: Some(speaker), cue: Some(cue) })
}

/// A dash that signs a quote: em, en, the quotation dash ― or a hyphen standing in for one.
fn is_dash(w: &str) -> bool {
    matches!(w, "—" | "–" | "―" | "-" | "--")
}

/// A quote that ends its paragraph, signed in the next: "- Hillary Clinton."
fn dash_paragraph(ctx: &Ctx<'_>, k: usize) -> Option<Attr> {
    if k >= ctx.tokens.len() || !is_dash(ctx.word(k)) {
        return None;
    }
    let para = ctx.paragraphs.iter().find(|p| p.span.contains_pos(ctx.tokens[k].span.start()))?;
    let end = ctx.token_at(para.span.end());
    let np = ctx.np_after(k + 1, end)?;
    let rest = (np.end..end).filter(|&t| ctx.is_word(t)).count();
    (rest <= MAX_SIGNATURE && ctx.is_name(np.clone())).then_some(Attr { speaker: Some(np), cue: None })
}

/// The second half of a split quote: "“A,” said X, the director of Y, “B.”".
fn split_continuation(ctx: &Ctx<'_>, q: usize, a: &Attr) -> Option<usize> {
    let next = q + 1;
    let quote = ctx.quoted.get(next)?;
    if quote.paragraph != ctx.quoted[q].paragraph {
        return None;
    }
    // Only an attribution that follows the quote splits it.
    if a.cue.is_some_and(|k| ctx.cues[k].toks.start < ctx.quoted_toks[q].end) {
        return None;
    }
    let from = a.speaker.as_ref().map_or(0, |r| r.end).max(a.cue.map_or(0, |k| ctx.cues[k].toks.end));
    let open = ctx.quoted_toks[next].start;
    if open == 0 || open < from || open - from > SPLIT_GAP || !matches!(ctx.word(open - 1), "," | ":") {
        return None;
    }
    (from..open).all(|t| !ctx.ends_sentence(t)).then_some(next)
}

/// Words between the start of the quote's sentence and its opening mark.
fn words_before(ctx: &Ctx<'_>, q: usize) -> usize {
    let para = ctx.paragraphs[ctx.quoted[q].paragraph].span;
    let first = ctx.token_at(para.start());
    let start = ctx.quoted_toks[q].start;
    let first = first.max(start.saturating_sub(WINDOW));
    let mut t = start;
    let mut words = 0;
    // A quote that opens a line starts afresh, whatever the segmenter made of the lines.
    if ctx.line_break_before(start) {
        return 0;
    }
    while t > first {
        t -= 1;
        if ctx.ends_sentence(t) || ctx.quote_at(t).is_some() || matches!(ctx.word(t), ":" | "(" | "[" | ";") {
            break;
        }
        if ctx.is_word(t) {
            words += 1;
        }
    }
    words
}

/// Words between the quote's closing mark and the end of its sentence; none when the quote
/// closes with a comma ("“…,” which ..." is the writer's addition, not part of the report).
fn words_after(ctx: &Ctx<'_>, q: usize) -> usize {
    let quote = &ctx.quoted[q];
    if quote.close.is_none() || quote.inner.as_str(ctx.text).ends_with([',', '.', '!', '?']) {
        return 0;
    }
    let mut t = ctx.quoted_toks[q].end;
    let para_end = ctx.token_at(ctx.paragraphs[quote.paragraph].span.end()).min(t + WINDOW);
    let mut words = 0;
    while t < para_end && !ctx.ends_sentence(t) && ctx.quote_at(t).is_none() && !matches!(ctx.word(t), "," | ")" | ";")
    {
        if ctx.is_word(t) {
            words += 1;
        }
        t += 1;
    }
    words
}

/// "X said: “…”" / "X said in a statement that “…”" / "X promised to “…”" / a quote that opens
/// a paragraph after "X said:". None when the quote is a fragment of a longer reported clause
/// ("X said that China “opposes …”", "X said “we need more” about ..."): pass 2 makes it mixed.
fn before_open(ctx: &Ctx<'_>, q: usize, used: &[bool]) -> Option<Attr> {
    let o = ctx.quoted_toks[q].start;
    let sentence = ctx.sentence_range(o);
    let (lo, search_end) = if sentence.start == o {
        // A paragraph that opens with the quote: the cue may end the paragraph before ("Cruz continued:").
        let prev = o.checked_sub(1)?;
        let para_of = |t: usize| ctx.sentence_at(t).map(|s| ctx.sentence_para[s]);
        if ctx.word(prev) != ":" || para_of(prev) == para_of(o) {
            return None;
        }
        (ctx.sentence_range(prev).start, prev)
    } else {
        (sentence.start, o)
    };
    let floor = search_end.saturating_sub(BEFORE_OPEN).max(lo);
    let mut t = search_end;
    let cue = loop {
        if t <= floor {
            return None;
        }
        t -= 1;
        if ctx.quote_at(t).is_some() || ctx.ends_sentence(t) {
            return None;
        }
        if let Some(c) = ctx.cue_starting_at(t) {
            if ctx.cues[c].toks.end <= search_end {
                break c;
            }
        }
    };
    let c = &ctx.cues[cue];
    if !c.class.attributes_quotes() || c.opener || nested_in_report(ctx, cue, lo) {
        return None;
    }
    // "shared the cost of the “green bridge” plan": a manner verb with an object right before
    // the quote does not speak it ("joked that “…”", "joked of the museum, “…”" do).
    let object = |g: usize| ctx.class(g).has(Class::DETERMINER) && !ctx.word(g).eq_ignore_ascii_case("that");
    let set_off = search_end > 0 && matches!(ctx.word(search_end - 1), "," | ":");
    if c.class == CueClass::Manner && !set_off && (c.toks.end..search_end).any(object) {
        return None;
    }
    // The words between cue and quote: adjuncts, an addressee, "that", a colon. A clause there
    // (an auxiliary, a verb, "which") means the quote is part of a longer report: pass 2.
    let mut after_complementizer = 0;
    for g in c.toks.end..search_end {
        let w = ctx.word(g);
        if ctx.is_word(g) {
            let cl = ctx.class(g);
            if w.eq_ignore_ascii_case("that") {
                after_complementizer = 0;
                continue;
            }
            if cl.has(Class::AUXILIARY) || (cl.has(Class::CLAUSE) && !w.eq_ignore_ascii_case("as")) {
                return None;
            }
            if ctx.verb_like(g) {
                return None;
            }
            after_complementizer += 1;
        } else if matches!(w, ":" | ",") {
            after_complementizer = 0;
        } else if !is_dash(w) && !matches!(w, "’" | "'" | ".") {
            return None;
        }
    }
    let complementizer = (c.toks.end..search_end).any(|g| matches!(ctx.word(g), "that" | ":" | ","));
    if c.class.reports_clauses() && ((complementizer && after_complementizer > 0) || words_after(ctx, q) >= 2) {
        return None;
    }
    let speaker = ctx.speaker_of(c, lo, search_end);
    // A cue that already attributed the quote before may only carry on a split quote
    // ("“A,” he said, “B.”"), not a title inside its own speaker ("wrote the authors of the “Plan”").
    if used[cue] {
        let from = speaker.as_ref().map_or(c.toks.end, |r| r.end.max(c.toks.end));
        if (from..search_end).any(|t| ctx.is_word(t)) {
            return None;
        }
    }
    Some(Attr { speaker, cue: Some(cue) })
}

/// "As Ann Lee puts it, we must tell ourselves: “I am the prize.”": a sentence that opens with
/// "As X said," quotes X in the whole sentences it quotes after that clause.
fn as_clause(ctx: &Ctx<'_>, q: usize) -> Option<Attr> {
    let open = ctx.quoted_toks[q].start;
    let lo = ctx.sentence_range(open).start;
    if open < lo + 4 || !ctx.word(lo).eq_ignore_ascii_case("as") {
        return None;
    }
    if !opens_like_a_sentence(ctx.quoted[q].inner.as_str(ctx.text)) {
        return None;
    }
    let first = ctx.cues.partition_point(|c| c.toks.start <= lo);
    let k = first + ctx.cues[first..].iter().position(|c| c.toks.start < open)?;
    let c = &ctx.cues[k];
    if c.toks.end >= open || ctx.word(c.toks.end) != "," || !c.class.attributes_quotes() || c.opener {
        return None;
    }
    let speaker = ctx.subject_before(c.toks.start, lo + 1)?;
    (speaker.start == lo + 1).then_some(Attr { speaker: Some(speaker), cue: Some(k) })
}

/// "Kasich resisted: “…”", "He listed the qualities: “…”": a quote that a colon opens and that
/// ends its sentence belongs to the subject of the verb before the colon, cue or none.
fn colon_introduced(ctx: &Ctx<'_>, q: usize) -> Option<Attr> {
    let o = ctx.quoted_toks[q].start;
    let colon = o.checked_sub(1).filter(|&c| ctx.word(c) == ":")?;
    let sentence = ctx.sentence_range(o);
    if sentence.start >= colon || words_after(ctx, q) > 0 || ctx.quote_at(colon.saturating_sub(1)).is_some() {
        return None;
    }
    let lo = sentence.start.max(colon.saturating_sub(BEFORE_OPEN));
    let speaker = ctx.main_subject(colon, lo)?;
    Some(Attr { speaker: Some(speaker), cue: None })
}

/// True when an earlier cue of the sentence reports a clause that holds cue `k`: in "Wen noted
/// that ... Li had proclaimed an “…”", the quote belongs to Wen's report.
fn nested_in_report(ctx: &Ctx<'_>, k: usize, lo: usize) -> bool {
    let start = ctx.cues[k].toks.start;
    ctx.cues[..k]
        .iter()
        .rev()
        .take_while(|c| c.toks.start >= lo && start - c.toks.start <= WINDOW)
        .any(|c| c.class.reports_clauses() && (c.toks.end..start).any(|t| ctx.word(t).eq_ignore_ascii_case("that")))
}

/// "Trump: ‘I will win.’" / "KATE BOULDUAN: Why not debate?": a name and a colon open the
/// sentence, and the rest is theirs. A quote that makes up the rest is direct; other text is a
/// reported clause. Returns the token ranges claimed, in text order.
fn colon_attributions(
    ctx: &Ctx<'_>,
    attrs: &mut [Option<Attr>],
    consumed: &mut [bool],
    out: &mut Vec<Found>,
    turns: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut claimed = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        if turns.iter().any(|r| r.start < s.end && s.start < r.end) {
            continue;
        }
        let Some(colon) = (s.start..s.end.min(s.start + MAX_LABEL + 1)).find(|&t| ctx.word(t) == ":") else {
            continue;
        };
        let mut hi = trim_end(ctx, s.clone());
        if colon + 1 >= hi {
            // "KATE BOULDUAN:" split off as a sentence of its own: what she says is the next one.
            match ctx.sentences.get(si + 1) {
                Some(next) if ctx.sentence_para[si + 1] == ctx.sentence_para[si] => hi = trim_end(ctx, next.clone()),
                _ => continue,
            }
        }
        // A headline's one-word label speaks too ("Poll: Mayor Leads by Ten Points").
        let label = s.start..colon;
        let speaks =
            is_speaker_label(ctx, label.clone(), colon + 1) || (ctx.in_title(colon) && is_headline_label(ctx, label));
        if colon == s.start || colon + 1 >= hi || !speaks {
            continue;
        }
        let content = colon + 1..hi;
        let attr = Attr { speaker: Some(s.start..colon), cue: None };
        let whole = ctx.quote_at(content.start).filter(|&q| {
            let r = &ctx.quoted_toks[q];
            r.start == content.start && (r.end..hi).all(|t| !ctx.is_word(t))
        });
        match whole {
            Some(q) if attrs[q].is_none() => attrs[q] = Some(attr),
            Some(_) => continue,
            None => match content_of(ctx, content.clone(), 2, attrs, consumed) {
                Some((span, kind)) => out.push(Found { kind, span, attr }),
                None => continue,
            },
        }
        claimed.push(content);
    }
    claimed
}

/// A speaker label before a colon: up to a few capitalised words, not a section label
/// ("Update:"); a single word must name a person or an organisation, or open a quote.
pub(super) fn is_speaker_label(ctx: &Ctx<'_>, r: Range<usize>, after: usize) -> bool {
    let words: Vec<usize> = r.clone().filter(|&t| ctx.is_word(t)).collect();
    let Some(&first) = words.first() else { return false };
    let name_like = r.clone().all(|t| {
        if ctx.is_word(t) {
            ctx.is_capitalized(t) && ctx.cue_starting_at(t).is_none()
        } else {
            matches!(ctx.word(t), "." | "-" | "’s" | "'s")
        }
    });
    if !name_like || ctx.class(first).has(Class::LABEL) || ctx.class(first).has(Class::DETERMINER) {
        return false;
    }
    words.len() > 1 || ctx.names_agent(ctx.span_of(r)) || ctx.quote_at(after).is_some()
}

/// One capitalised word that is no section label, cue or determiner ("Poll", "Trump"; not
/// "Update", "Watch", "The").
fn is_headline_label(ctx: &Ctx<'_>, r: Range<usize>) -> bool {
    r.len() == 1 && is_name_word(ctx, r.start)
}

/// A word a name can be, in a label: capitalised, and no cue, section label ("Update"),
/// determiner, pronoun or clause word.
pub(super) fn is_name_word(ctx: &Ctx<'_>, t: usize) -> bool {
    let c = ctx.class(t);
    ctx.is_capitalized(t)
        && ctx.cue_starting_at(t).is_none()
        && !(c.has(Class::LABEL) || c.has(Class::DETERMINER) || c.has(Class::PRONOUN) || c.has(Class::CLAUSE))
}

/// A quote continued over paragraphs shares the attribution of its first attributed piece.
fn share_over_paragraphs(ctx: &Ctx<'_>, attrs: &mut [Option<Attr>]) {
    let n = ctx.quoted.len();
    let mut start = 0;
    while start < n {
        let mut end = start + 1;
        while end < n && ctx.quoted[end].continued && ctx.quoted[end - 1].continues {
            end += 1;
        }
        if let Some(a) = attrs[start..end].iter().flatten().next().cloned() {
            for slot in &mut attrs[start..end] {
                if slot.is_none() {
                    *slot = Some(a.clone());
                }
            }
        }
        start = end;
    }
}

/// Pass 2: the cues left over introduce reported clauses. Inside an interview turn a cue
/// reports again ("He told me the plan was dead"), unless its speaker is the turn's own "I"
/// or "we", whose words the turn already holds.
fn reported_clauses(
    ctx: &Ctx<'_>,
    used: &mut [bool],
    attrs: &[Option<Attr>],
    consumed: &mut [bool],
    claimed: &[Range<usize>],
    turns: &[Range<usize>],
    out: &mut Vec<Found>,
) {
    let mut claimed_until = 0usize;
    let mut next_claim = 0;
    for (k, c) in ctx.cues.iter().enumerate() {
        while next_claim < claimed.len() && claimed[next_claim].end <= c.toks.start {
            next_claim += 1;
        }
        let in_claim = claimed.get(next_claim).is_some_and(|r| r.start <= c.toks.start);
        if used[k] || in_claim || c.span.start() < claimed_until || !c.class.reports_clauses() {
            continue;
        }
        if !cue_use::may_report(ctx, k) {
            continue;
        }
        let Some(sentence) = clause_sentence(ctx, c.toks.start) else { continue };
        let turn = turns.iter().find(|r| r.contains(&c.toks.start));
        let lo = sentence.start.max(ctx.token_at(claimed_until)).max(turn.map_or(0, |r| r.start));
        let hi = trim_end(ctx, sentence);
        if c.opener {
            // "Asked whether he would run, Smith said ...": the question, its asker unnamed.
            let end = (c.toks.end..hi.min(c.toks.end + WINDOW)).find(|&t| ctx.word(t) == ",").unwrap_or(hi);
            if let Some((span, kind)) = content_of(ctx, c.toks.end..end, 2, attrs, consumed) {
                out.push(Found { kind, span, attr: Attr { speaker: None, cue: Some(k) } });
                used[k] = true;
                claimed_until = claimed_until.max(span.end());
            }
            continue;
        }
        // "Polls show that X, said Y.": Y's report holds the whole clause, this one included.
        if matches!(trailing_attribution(ctx, c.toks.end, hi), Some((_, Trailing::Speech))) {
            continue;
        }
        if c.class == CueClass::Impersonal {
            // "The sale is expected to close in May": the subject and the rest, nobody named.
            // "seemed to suggest that …" is the subject's own report; a quote is someone's words.
            if cue_use::cue_word_at(ctx, c.toks.end) {
                continue;
            }
            let end = cut_trailing_attribution(ctx, c.toks.end, hi);
            let end = (c.toks.end..end).find(|&t| ctx.quote_at(t).is_some()).unwrap_or(end);
            let rest = c.toks.end..end;
            let Some((span, kind)) = content_of(ctx, rest, 2, attrs, consumed) else { continue };
            let attr = Attr { speaker: None, cue: Some(k) };
            let subject = ctx.subject_before(c.toks.start, lo).map(|s| with_of_phrases(ctx, s, lo));
            if let Some((sub, _)) = subject.and_then(|s| content_of(ctx, s, 1, attrs, consumed)) {
                out.push(Found { kind: QuoteKind::Indirect, span: sub, attr: attr.clone() });
            }
            out.push(Found { kind, span, attr });
            used[k] = true;
            claimed_until = claimed_until.max(span.end());
            continue;
        }
        // "Ann Lee, citing “…,” said …": the subject stands before the participle and its quote.
        let cited = || {
            cue_use::participle_before_quote(ctx, c.toks.start).and_then(|p| cue_use::participle_subject(ctx, p, lo))
        };
        let Some(speaker) = ctx.speaker_of(c, lo, hi).or_else(cited) else { continue };
        if cue_use::inside_relative(ctx, k, &speaker, hi) || cue_use::gapped_infinitive(ctx, k, &speaker, lo, hi) {
            continue;
        }
        if turn.is_some() && is_first_person(ctx, speaker.clone()) {
            continue;
        }
        // "what it says publicly", "what he said about X": a free relative whose content is the
        // "what" itself. Unlike "what officials said will become a hub" or "what he called X".
        let free_relative = speaker.start > lo && matches!(ctx.word(speaker.start - 1), "what" | "whatever");
        if free_relative && ends_free_relative(ctx, c.toks.end, hi) {
            continue;
        }
        let pieces = clause_pieces(ctx, k, speaker.clone(), lo, hi);
        let attr = Attr { speaker: Some(speaker.clone()), cue: Some(k) };
        let mut emitted = false;
        for piece in pieces.into_iter().flatten() {
            let Some((span, kind)) = content_of(ctx, piece, 2, attrs, consumed) else { continue };
            out.push(Found { kind, span, attr: attr.clone() });
            emitted = true;
            claimed_until = claimed_until.max(span.end());
        }
        if emitted {
            used[k] = true;
            claimed_until = claimed_until.max(c.span.end()).max(ctx.span_of(speaker).end());
        }
    }
}

/// A subject with the noun phrases its prepositions hang on: "the sale of | the mill".
fn with_of_phrases(ctx: &Ctx<'_>, mut s: Range<usize>, lo: usize) -> Range<usize> {
    for _ in 0..MAX_ADJUNCTS {
        let p = s.start;
        if p <= lo + 1 || !ctx.is_word(p - 1) || !ctx.class(p - 1).has(Class::PREPOSITION) {
            break;
        }
        match ctx.np_before(p - 1, lo) {
            Some(np) => s.start = np.start,
            None => break,
        }
    }
    s
}

/// A speaker that is the interviewee themselves: "I", "we", "my wife and I" (not "my brother").
fn is_first_person(ctx: &Ctx<'_>, r: Range<usize>) -> bool {
    r.filter(|&t| ctx.is_word(t)).any(|t| ["i", "we", "me", "us"].iter().any(|p| ctx.word(t).eq_ignore_ascii_case(p)))
}

/// True when nothing reportable follows a cue: the end, punctuation, an adverb, a time word or a
/// preposition.
fn ends_free_relative(ctx: &Ctx<'_>, t: usize, hi: usize) -> bool {
    if t >= hi || !ctx.is_word(t) {
        return true;
    }
    let c = ctx.class(t);
    let ly_adverb = ctx.word(t).ends_with("ly") && !ctx.is_capitalized(t);
    ly_adverb || c.has(Class::ADVERB) || c.has(Class::TIME) || c.has(Class::PREPOSITION)
}

/// The token ranges (before, after) of the clause a cue reports: after it ("said that …"), before it
/// ("…, he said."), or both around a parenthetical ("The plan, he said, would fail.").
fn clause_pieces(ctx: &Ctx<'_>, k: usize, speaker: Range<usize>, lo: usize, hi: usize) -> [Option<Range<usize>>; 2] {
    let c = &ctx.cues[k];
    let first = speaker.start.min(c.toks.start);
    let last = speaker.end.max(c.toks.end);
    // "CLAUSE, he said" or "… “dead,” he said": a comma, or a quote closed by one, before the speaker.
    let quote_comma =
        first > 0 && ctx.quote_at(first - 1).is_some_and(|q| ctx.quoted[q].inner.as_str(ctx.text).ends_with(','));
    let comma_before = first > 0 && (ctx.word(first - 1) == "," || quote_comma);
    let fronted = first > lo && comma_before;
    let left_end = if quote_comma { first } else { first.saturating_sub(1) };
    // "According to X, CLAUSE" only when the cue opens its clause: after a comma it is
    // "…,” according to X, the agency", however close an earlier claim brought `lo`.
    let according_first = c.class == CueClass::Source && !comma_before && (lo..first).all(|t| !ctx.is_word(t));
    let mut after = skip_adjuncts(ctx, last, hi);
    // "…, a spokesman told reporters on Monday.": the hearer stands between the cue and the end.
    let hearer_skipped = fronted && c.class == CueClass::Addressee && speaker.end <= c.toks.start;
    if hearer_skipped {
        if let Some(np) = ctx.np_after(after, hi) {
            after = skip_adjuncts(ctx, np.end, hi);
        }
    }
    if according_first {
        // "According to X, CLAUSE.", however long X ("early results of exit polls conducted for ...").
        let comma = (c.toks.end..hi.min(c.toks.end + WINDOW)).find(|&t| ctx.word(t) == ",");
        return [None, comma.map(|t| t + 1..hi)];
    }
    if fronted {
        let left = Some(lo..left_end);
        if after >= hi {
            return [left, None];
        }
        if ctx.word(after) == "," {
            // Parenthetical: both sides, unless what follows is another clause ("…, he said, adding …").
            let next_is_cue = ctx.cue_starting_at(after + 1).is_some();
            return [left, (!next_is_cue).then_some(after + 1..hi)];
        }
    }
    if c.class == CueClass::Source {
        // "CLAUSE, according to X." with the cue mid-sentence; without the comma ("… 46 percent
        // to 39 percent according to a new poll.") or after a dash only when X ends the sentence.
        if fronted {
            return [Some(lo..left_end), None];
        }
        let dash = first > lo && is_dash(ctx.word(first - 1));
        let ends = speaker.end >= hi || matches!(ctx.word(speaker.end), "," | ";");
        let bare = first > lo + 1 && ctx.is_word(first - 1) && !according_first;
        return [((dash || bare) && ends).then_some(lo..if dash { first - 1 } else { first }), None];
    }
    if c.class == CueClass::Addressee && !hearer_skipped {
        if let Some(np) = ctx.np_after(after, hi) {
            after = skip_adjuncts(ctx, np.end, hi);
        }
    }
    let mut has_that = false;
    let mut introduced = false;
    if after < hi && matches!(ctx.word(after), "that" | ":" | ",") {
        has_that = ctx.word(after) == "that";
        introduced = ctx.word(after) != ",";
        after += 1;
    }
    let infinitive = after < hi && ctx.word(after).eq_ignore_ascii_case("to");
    if after < hi && ctx.word(after) == "(" {
        // An aside the adjuncts could not step over (its bracket closes in a later sentence) opens no clause.
        return [None, None];
    }
    if c.class == CueClass::Thought && !has_that && !infinitive && !opens_clause(ctx, after, hi) {
        return [None, None];
    }
    if c.class == CueClass::Claim && !introduced && !(after < hi && ctx.class(after).has(Class::SUBJECT)) {
        return [None, None];
    }
    let end = cut_trailing_attribution(ctx, after, hi);
    if end.saturating_sub(after) < 2 {
        return [None, None];
    }
    [None, Some(after..end)]
}

/// The span and kind of one clause piece: mixed when it holds a quoted fragment left over from
/// pass 1; stops before a quote that pass 1 attributed. None when too little is left.
fn content_of(
    ctx: &Ctx<'_>,
    piece: Range<usize>,
    min_words: usize,
    attrs: &[Option<Attr>],
    consumed: &mut [bool],
) -> Option<(Span, QuoteKind)> {
    let mut end = piece.end;
    let mut inside = Vec::new();
    for t in piece.clone() {
        if let Some(q) = ctx.quote_at(t) {
            if attrs[q].is_some() || consumed[q] {
                end = t;
                break;
            }
            if inside.last() != Some(&q) {
                inside.push(q);
            }
        }
    }
    let words = (piece.start..end).filter(|&t| ctx.is_word(t)).count();
    if words < min_words {
        return None;
    }
    // A quote that ends past the piece still belongs to it.
    let mut span = ctx.span_of(piece.start..end);
    for &q in &inside {
        span = span.cover(ctx.quoted[q].outer());
        consumed[q] = true;
    }
    // The whole clause is one quote: that is a direct quote.
    if let [q] = inside[..] {
        let outer = ctx.quoted[q].outer();
        let extra = (piece.start..end).filter(|&t| ctx.is_word(t) && !outer.contains(ctx.tokens[t].span)).count();
        if extra == 0 {
            return Some((ctx.quoted[q].inner, QuoteKind::Direct));
        }
    }
    let kind = if inside.is_empty() { QuoteKind::Indirect } else { QuoteKind::Mixed };
    Some((span, kind))
}

/// Pass 3: quotes that stand alone inherit the attribution of the last quote or report in the
/// same or the previous paragraph.
fn follow_ups(ctx: &Ctx<'_>, attrs: &mut [Option<Attr>], consumed: &[bool], reported: &[Found]) {
    // Attributed positions so far, in text order: (end byte, paragraph, attribution).
    let mut anchors: Vec<(usize, usize, Attr)> = Vec::new();
    for f in reported {
        if f.attr.speaker.is_some() {
            let para = ctx.sentence_at(ctx.token_at(f.span.start())).map_or(usize::MAX, |s| ctx.sentence_para[s]);
            anchors.push((f.span.end(), para, f.attr.clone()));
        }
    }
    anchors.sort_by_key(|a| a.0);
    let mut next = 0;
    let mut last: Option<(usize, Attr)> = None;
    for q in 0..ctx.quoted.len() {
        let quote = ctx.quoted[q];
        while next < anchors.len() && anchors[next].0 <= quote.open.start() {
            last = Some((anchors[next].1, anchors[next].2.clone()));
            next += 1;
        }
        if consumed[q] {
            continue;
        }
        if let Some(a) = &attrs[q] {
            if a.speaker.is_some() {
                last = Some((quote.paragraph, a.clone()));
            }
            continue;
        }
        let Some((para, a)) = &last else { continue };
        let near = *para == quote.paragraph || previous_analysed(ctx, quote.paragraph) == Some(*para);
        if near && stands_alone(ctx, q) {
            attrs[q] = Some(a.clone());
            last = Some((quote.paragraph, a.clone()));
        }
    }
}

/// The analysed paragraph before `p`.
fn previous_analysed(ctx: &Ctx<'_>, p: usize) -> Option<usize> {
    (0..p).rev().find(|&i| ctx.paragraphs[i].role.is_analysed())
}

/// A quote that makes up its sentence (or sentences): no words between it and the sentence
/// ends around it. Sentence ends are found here, so that a splitter that keeps "… on Twitter.
/// “This is short-sighted.”" together does not hide the follow-up; a sentence start the
/// splitter found counts too ("… posted on X. “…”", where "X." could be an initial).
fn stands_alone(ctx: &Ctx<'_>, q: usize) -> bool {
    let r = ctx.quoted_toks[q].clone();
    if r.is_empty() {
        return false;
    }
    let para = ctx.paragraphs[ctx.quoted[q].paragraph].span;
    let first = ctx.token_at(para.start()).max(r.start.saturating_sub(WINDOW));
    let last = ctx.token_at(para.end()).min(r.end + WINDOW);
    // Token `t` lies in another sentence than token `of` (both in one).
    let apart = |t: usize, of: usize| match (ctx.sentence_at(t), ctx.sentence_at(of)) {
        (Some(a), Some(b)) => a != b,
        _ => false,
    };
    // A colon before a quote that opens like a sentence introduces it as one ("… has eyes for one
    // dress: “The only thing …”").
    let inner = ctx.quoted[q].inner.as_str(ctx.text);
    let capital = opens_like_a_sentence(inner);
    let mut t = r.start;
    while t > first && !ctx.line_break_before(r.start) {
        t -= 1;
        let introduced = capital && t + 1 == r.start && ctx.word(t) == ":";
        if ctx.ends_sentence(t) || ctx.quote_at(t).is_some() || apart(t, r.start) || introduced {
            break;
        }
        if ctx.is_word(t) {
            return false;
        }
    }
    // A quote that ends with its own full stop ends its sentence, before any closing mark of a
    // quote nested at its end ("… and say, ‘We are here.’”").
    if inner.trim_end_matches(['’', '\'', '”', '"', ')']).ends_with(['.', '!', '?', '…']) {
        return true;
    }
    let mut t = r.end;
    while t < last {
        if ctx.ends_sentence(t) || ctx.quote_at(t).is_some() || apart(t, r.end - 1) {
            break;
        }
        if ctx.is_word(t) {
            return false;
        }
        t += 1;
    }
    true
}

/// True when quoted text opens with a capital letter, after any nested mark or ellipsis.
fn opens_like_a_sentence(inner: &str) -> bool {
    inner.trim_start_matches(['‘', '\'', '…', '.', ' ']).chars().next().is_some_and(char::is_uppercase)
}

/// An unattributed quote that reads as speech: a full sentence of several words.
fn is_lone_speech(ctx: &Ctx<'_>, q: usize) -> bool {
    let r = ctx.quoted_toks[q].clone();
    let words = r.clone().filter(|&t| ctx.is_word(t)).count();
    words >= MIN_LONE_WORDS && stands_alone(ctx, q)
}

/// The end of the sentence that holds token `from`, bounded by `limit`.
fn sentence_end(ctx: &Ctx<'_>, from: usize, limit: usize) -> usize {
    let limit = limit.min(from + WINDOW);
    let mut t = from;
    while t < limit && !ctx.ends_sentence(t) {
        t += 1;
    }
    t
}

/// The sentence around token `t`, split further where the segmenter kept sentences together:
/// after a full stop before a capitalised word or an opening mark, and after a quote that ends
/// with its own full stop ("… ''humanize their campaign.'' The slogan …").
fn clause_sentence(ctx: &Ctx<'_>, t: usize) -> Option<Range<usize>> {
    let s = ctx.sentences[ctx.sentence_at(t)?].clone();
    let ends_at = |i: usize| {
        let next = i + 1;
        if next >= s.end {
            return false;
        }
        let fresh = ctx.is_capitalized(next) || ctx.quote_at(next).is_some_and(|q| ctx.quoted_toks[q].start == next);
        if !fresh {
            return false;
        }
        if ctx.ends_sentence(i) && ctx.quote_at(i).is_none() {
            return true;
        }
        ctx.quote_at(i).is_some_and(|q| {
            ctx.quoted_toks[q].end == i + 1 && ctx.quoted[q].inner.as_str(ctx.text).ends_with(['.', '!', '?'])
        })
    };
    let (lo, hi) = (s.start.max(t.saturating_sub(WINDOW)), s.end.min(t + WINDOW));
    let start = (lo..t).rev().find(|&i| ends_at(i)).map_or(lo, |i| i + 1);
    let end = (t..hi).find(|&i| ends_at(i)).map_or(hi, |i| i + 1);
    Some(start..end)
}

/// The sentence without its final punctuation and closing marks.
fn trim_end(ctx: &Ctx<'_>, r: Range<usize>) -> usize {
    let mut end = r.end;
    while end > r.start
        && !ctx.is_word(end - 1)
        && (ctx.ends_sentence(end - 1) || matches!(ctx.word(end - 1), ")" | ";"))
    {
        end -= 1;
    }
    end
}

/// Skips adverbs, time words and prepositional phrases after a cue: "said on Friday in a
/// statement", "told reporters Tuesday".
fn skip_adjuncts(ctx: &Ctx<'_>, mut i: usize, hi: usize) -> usize {
    let hi = hi.min(i + WINDOW);
    let mut phrases = 0;
    while i < hi && phrases < MAX_ADJUNCTS {
        if !ctx.is_word(i) {
            let w = ctx.word(i);
            // A bracketed aside ("told Glow (via Hello! Magazine) that"): stepped over whole.
            if w == "(" {
                match (i + 1..hi).find(|&t| matches!(ctx.word(t), ")" | "(")) {
                    Some(close) if ctx.word(close) == ")" => {
                        phrases += 1;
                        i = close + 1;
                        continue;
                    }
                    _ => break,
                }
            }
            // ", in a statement," between adjuncts
            if w == ","
                && i + 1 < hi
                && ctx.is_word(i + 1)
                && ctx.class(i + 1).has(Class::PREPOSITION)
                && ctx.word(i + 1) != "that"
            {
                i += 1;
                continue;
            }
            break;
        }
        let c = ctx.class(i);
        let w = ctx.word(i);
        if c.has(Class::ADVERB) || c.has(Class::TIME) || is_closing_ly_adverb(ctx, i, hi) {
            i += 1;
            continue;
        }
        if c.has(Class::PREPOSITION) && !w.eq_ignore_ascii_case("that") {
            if w.eq_ignore_ascii_case("to") && is_bare_verb(ctx, i + 1, hi) {
                // "refused to comment on …": an infinitive, the report's content.
                break;
            }
            phrases += 1;
            match ctx.np_after(i + 1, hi) {
                Some(np) => i = np.end,
                None => break,
            }
            continue;
        }
        break;
    }
    i
}

/// An adverb in -ly that ends the attribution ("Reed said sarcastically.", "said quietly,") or
/// stands before its "that"; not "said early results", "proposed nearly $1 billion" or
/// "reported daily to", where the adverb belongs to what follows.
fn is_closing_ly_adverb(ctx: &Ctx<'_>, t: usize, hi: usize) -> bool {
    let next = t + 1;
    ctx.is_ly_adverb(t) && (next >= hi || matches!(ctx.word(next), "." | "," | "!" | "?" | ";" | "that"))
}

/// A word that reads as a bare verb after "to": lower case, not a determiner or pronoun, not a
/// plural noun ("said to reporters").
fn is_bare_verb(ctx: &Ctx<'_>, t: usize, hi: usize) -> bool {
    if t >= hi || !ctx.is_word(t) || ctx.is_capitalized(t) {
        return false;
    }
    let w = ctx.word(t);
    let c = ctx.class(t);
    let plural = w.ends_with('s') && !w.ends_with("ss");
    !plural
        && w.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && !(c.has(Class::DETERMINER) || c.has(Class::PRONOUN) || c.has(Class::PLURAL_NOUN) || c.has(Class::TIME))
}

/// Punctuation or a word that ends the attribution clause after a quote.
fn is_clause_edge(ctx: &Ctx<'_>, t: usize) -> bool {
    let w = ctx.word(t);
    !ctx.is_word(t) && !matches!(w, "’" | "'") || w == "and" || ctx.quote_at(t).is_some()
}

/// A word that can start a clause: a subject pronoun, a determiner or a name.
fn opens_clause(ctx: &Ctx<'_>, t: usize, hi: usize) -> bool {
    if t >= hi || !ctx.is_word(t) {
        return false;
    }
    let c = ctx.class(t);
    c.has(Class::SUBJECT) || c.has(Class::DETERMINER) || ctx.is_capitalized(t)
}

/// What ends a reported clause early.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trailing {
    /// ", according to X."
    Source,
    /// ", said X." / ", X said.": an attribution that owns the whole clause before it.
    Speech,
    /// ", although he tweeted that ...": another report joined on.
    Joined,
}

/// Cuts a reported clause before a trailing attribution of its own: ", according to X",
/// ", said X." or ", X said." at the end of the sentence, or ", although X said that ...".
fn cut_trailing_attribution(ctx: &Ctx<'_>, from: usize, hi: usize) -> usize {
    trailing_attribution(ctx, from, hi).map_or(hi, |(t, _)| t)
}

/// The comma where a trailing attribution starts, and what kind it is.
fn trailing_attribution(ctx: &Ctx<'_>, from: usize, hi: usize) -> Option<(usize, Trailing)> {
    let hi = hi.min(from + 2 * WINDOW);
    let ends_with_cue = |k: usize, rest: usize| {
        let c = &ctx.cues[k];
        c.class.attributes_quotes() && skip_adjuncts(ctx, rest, hi) >= hi
    };
    for t in from..hi {
        if ctx.word(t) != "," || t + 1 >= hi {
            continue;
        }
        // ", said Y" or a quote that closes with the comma: "… “is dead,” Y says."
        let next = if matches!(ctx.word(t + 1), "”" | "\"") && t + 2 < hi { t + 2 } else { t + 1 };
        if let Some(k) = ctx.cue_starting_at(next) {
            let c = &ctx.cues[k];
            if c.class == CueClass::Source {
                return Some((t, Trailing::Source));
            }
            if ctx.np_after(c.toks.end, hi).is_some_and(|np| ends_with_cue(k, np.end)) {
                return Some((t, Trailing::Speech));
            }
        }
        let joined = matches!(ctx.word(next), "although" | "though" | "but" | "while" | "whereas");
        let subject_at = if joined { next + 1 } else { next };
        if let Some(np) = ctx.np_after(subject_at, hi) {
            let mut v = np.end;
            while v < hi
                && v < np.end + WINDOW
                && ctx.is_word(v)
                && (ctx.class(v).has(Class::ADVERB) || ctx.class(v).has(Class::AUXILIARY))
            {
                v += 1;
            }
            if let Some(k) = ctx.cue_starting_at(v) {
                let reports = ctx.cues[k].class.reports_clauses() && !ctx.cues[k].opener;
                if joined && reports {
                    return Some((t, Trailing::Joined));
                }
                if ends_with_cue(k, ctx.cues[k].toks.end) {
                    return Some((t, Trailing::Speech));
                }
            }
        }
    }
    None
}
