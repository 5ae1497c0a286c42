//! The per-article view the attribution rules read: tokens with their sentence and quote,
//! the cue hits, and small word tests.

use std::cell::Cell;
use std::ops::Range;

use crate::article::{Entity, Label, Paragraph};
use crate::doc::Doc;
use crate::segment::{Token, TokenKind};
use crate::span::Span;

use super::cue_use;
use super::lexicon::{Class, CueClass, Form, Lexicon};
use super::marks::Quoted;

const NONE: u32 = u32::MAX;

/// How far, in tokens, any rule looks from where it starts. Keeps the stage linear on
/// pathological input (one sentence of ten thousand cues).
pub(crate) const WINDOW: usize = 200;

/// One reporting cue found in the text.
#[derive(Clone, Debug)]
pub(crate) struct Cue {
    /// Its tokens.
    pub toks: Range<usize>,
    /// Its text.
    pub span: Span,
    /// What kind of cue.
    pub class: CueClass,
    /// Its grammatical form.
    pub form: Form,
    /// A participle that opens its sentence ("Asked about the plan, she said ..."): it reports
    /// a question whose asker goes unnamed.
    pub opener: bool,
}

/// Read-only view of one article for the attribution rules.
pub(crate) struct Ctx<'a> {
    pub text: &'a str,
    pub lex: &'a Lexicon,
    pub tokens: &'a [Token],
    pub paragraphs: &'a [Paragraph],
    /// Token ranges of the sentences.
    pub sentences: Vec<Range<usize>>,
    /// Paragraph index of each sentence.
    pub sentence_para: Vec<usize>,
    /// Top-level quoted pieces, in text order.
    pub quoted: Vec<Quoted>,
    /// Token range of each quoted piece, marks included.
    pub quoted_toks: Vec<Range<usize>>,
    /// Cues outside quotation marks, in text order.
    pub cues: Vec<Cue>,
    /// The article's entities.
    pub entities: &'a [Entity],
    /// Mentions of people and organisations, in text order, with their entity.
    pub agents: Vec<(Span, usize)>,
    quote_of: Vec<u32>,
    sentence_of: Vec<u32>,
    /// Word classes, looked up once per token when first asked for.
    classes: Vec<Cell<u32>>,
}

impl<'a> Ctx<'a> {
    pub(crate) fn new(doc: &'a Doc<'_>, lex: &'a Lexicon, quoted: Vec<Quoted>) -> Ctx<'a> {
        let text = doc.norm();
        let tokens = &doc.tokens[..];
        let mut sentence_of = vec![NONE; tokens.len()];
        let mut sentences = Vec::with_capacity(doc.sentence_tokens.len());
        let mut sentence_para = Vec::with_capacity(doc.sentence_tokens.len());
        for (si, r) in doc.sentence_tokens.iter().enumerate() {
            for t in r.clone() {
                sentence_of[t] = si as u32;
            }
            sentences.push(r.clone());
            sentence_para.push(doc.sentences[si].paragraph);
        }
        let mut quote_of = vec![NONE; tokens.len()];
        let mut quoted_toks = Vec::with_capacity(quoted.len());
        for (qi, q) in quoted.iter().enumerate() {
            let outer = q.outer();
            let a = tokens.partition_point(|t| t.span.start() < outer.start());
            let b = tokens.partition_point(|t| t.span.start() < outer.end());
            for slot in &mut quote_of[a..b] {
                *slot = qi as u32;
            }
            quoted_toks.push(a..b);
        }
        let mut agents: Vec<(Span, usize)> = doc
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| matches!(e.label, Label::Person | Label::Org))
            .flat_map(|(i, e)| e.mentions.iter().map(move |m| (m.span, i)))
            .collect();
        agents.sort_unstable();
        let mut ctx = Ctx {
            text,
            lex,
            tokens,
            paragraphs: &doc.layout.paragraphs,
            sentences,
            sentence_para,
            quoted,
            quoted_toks,
            cues: Vec::new(),
            entities: &doc.entities,
            agents,
            quote_of,
            sentence_of,
            classes: vec![Cell::new(NONE); tokens.len()],
        };
        ctx.cues = ctx.find_cues();
        ctx
    }

    /// Cue hits that stand as verbs (or cue phrases) outside quotation marks.
    fn find_cues(&self) -> Vec<Cue> {
        let mut out = Vec::new();
        for p in self.paragraphs.iter().filter(|p| p.role.is_analysed()) {
            for (span, cf) in self.lex.find_cues(self.text, p.span) {
                let a = self.tokens.partition_point(|t| t.span.start() < span.start());
                let b = self.tokens.partition_point(|t| t.span.start() < span.end());
                if a >= b || self.tokens[a].span.start() != span.start() || self.tokens[b - 1].span.end() != span.end()
                {
                    continue;
                }
                // "the report", "two states that": a mostly-noun form is a cue only as a verb.
                if cf.nouny && !cue_use::nouny_as_verb(self, a, b) {
                    continue;
                }
                let mut cue = Cue { toks: a..b, span, class: cf.class, form: cf.form, opener: false };
                cue.opener = self.is_opener(&cue);
                if self.quote_of[a] == NONE && (cue.opener || self.is_verbal(&cue)) {
                    out.push(cue);
                }
            }
        }
        out
    }

    /// Rejects cue words used as nouns, names or infinitives: "the report", "Bob Hope",
    /// "a chance to offer", "in written answers".
    fn is_verbal(&self, cue: &Cue) -> bool {
        let a = cue.toks.start;
        let first = self.word(a);
        let sentence_start = self.sentence_of[a] == NONE || self.sentences[self.sentence_of[a] as usize].start == a;
        // A headline capitalises its verbs ("Mayor Says Bridge Will Reopen").
        if cue.form != Form::Fixed
            && starts_upper(first)
            && !sentence_start
            && !is_all_upper(first)
            && !self.in_title(a)
        {
            return false;
        }
        // "Asked about the plan, she said ...": a participle clause, not the report itself.
        if sentence_start
            && cue.form == Form::Past
            && !self.tokens.get(cue.toks.end).is_some_and(|_| self.is_capitalized(cue.toks.end))
        {
            return false;
        }
        if cue.form == Form::Fixed {
            return true;
        }
        if a > 0 {
            let prev = self.word(a - 1);
            let c = self.class(a - 1);
            if prev.eq_ignore_ascii_case("to") && matches!(cue.form, Form::Base | Form::Present) {
                return false;
            }
            // A quantifier standing for people is a subject ("many said", "some say"); an
            // article or a quantifier before a noun form is not ("the report", "many reports").
            let quantifier_subject = !c.has(Class::ARTICLE) && matches!(cue.form, Form::Past | Form::Base);
            let determiner =
                c.has(Class::DETERMINER) && !c.has(Class::CLAUSE) && !c.has(Class::PRONOUN) && !quantifier_subject;
            let nominal = matches!(cue.form, Form::Base | Form::Present);
            let possessive = nominal && matches!(prev, "’s" | "'s" | "’" | "'");
            // "in written answers" is an adjective; "by saying that" is still a report.
            let after_preposition =
                cue.form != Form::Ing && c.has(Class::PREPOSITION) && !prev.eq_ignore_ascii_case("to");
            if determiner || possessive || after_preposition {
                return false;
            }
        }
        if cue.form == Form::Base && !self.takes_base_form(a) {
            return false;
        }
        // A passive ("was asked", "is expected") reports nobody's words.
        if cue.form == Form::Past && self.after_be(a) {
            return false;
        }
        if matches!(cue.form, Form::Base | Form::Present) {
            if let Some(next) = self.tokens.get(cue.toks.end) {
                if next.span.as_str(self.text).eq_ignore_ascii_case("of") {
                    return false;
                }
            }
        }
        true
    }

    /// "Asked about the plan, ..." / "When asked whether ...": a past participle of an
    /// addressee verb at the start of its sentence, followed by what was asked.
    fn is_opener(&self, cue: &Cue) -> bool {
        let a = cue.toks.start;
        if cue.class != CueClass::Addressee || cue.form != Form::Past {
            return false;
        }
        let start = self.sentence_of[a] != NONE && {
            let s = self.sentences[self.sentence_of[a] as usize].start;
            s == a || (s + 1 == a && self.word(s).eq_ignore_ascii_case("when"))
        };
        start
            && self.tokens.get(cue.toks.end).is_some_and(|_| {
                matches!(
                    self.word(cue.toks.end).to_ascii_lowercase().as_str(),
                    "about" | "whether" | "if" | "why" | "how" | "what" | "who" | "when" | "to"
                )
            })
    }

    /// A verb in its base form does not follow a singular common noun or an article: "a phone
    /// call" is a noun, while "officials say", "we say", "those surveyed say", "did not say",
    /// "40 percent say" are verbs.
    fn takes_base_form(&self, a: usize) -> bool {
        let mut t = a;
        while t > 0 && a - t < WINDOW {
            t -= 1;
            if self.tokens[t].kind == TokenKind::Number {
                return true;
            }
            if !self.is_word(t) {
                return !matches!(self.word(t), "’" | "'");
            }
            let c = self.class(t);
            if c.has(Class::ADVERB) {
                continue;
            }
            let lower = self.word(t).to_ascii_lowercase();
            if matches!(lower.as_str(), "that" | "which" | "who") {
                return true; // "a message that read", "those who say"
            }
            if c.has(Class::DETERMINER) {
                return !c.has(Class::ARTICLE);
            }
            if self.is_capitalized(t) || c.has(Class::AUXILIARY) || c.has(Class::PRONOUN) || c.has(Class::CLAUSE) {
                return !matches!(lower.as_str(), "he" | "she" | "it" | "’s" | "'s");
            }
            let plural = lower.ends_with('s') && !lower.ends_with("ss");
            return plural
                || c.has(Class::PLURAL_NOUN)
                || c.has(Class::TIME)
                || lower.ends_with("ed")
                || lower == "percent";
        }
        false
    }

    /// True when a form of "be" stands before token `a`, adverbs aside ("was also asked").
    fn after_be(&self, a: usize) -> bool {
        let mut t = a;
        while t > 0 && a - t < WINDOW {
            t -= 1;
            if !self.is_word(t) {
                return false;
            }
            let w = self.word(t);
            if matches!(w.to_ascii_lowercase().as_str(), "is" | "are" | "was" | "were" | "be" | "been" | "being") {
                return true;
            }
            if !(self.class(t).has(Class::ADVERB) || (w.len() > 4 && w.ends_with("ly"))) {
                return false;
            }
        }
        false
    }

    /// True when a mention of a person or an organisation overlaps `span`.
    pub(crate) fn names_agent(&self, span: Span) -> bool {
        let i = self.agents.partition_point(|(m, _)| m.end() <= span.start());
        self.agents.get(i).is_some_and(|(m, _)| m.overlaps(span))
    }

    /// The text of token `i`.
    #[inline]
    pub(crate) fn word(&self, i: usize) -> &'a str {
        self.tokens[i].span.as_str(self.text)
    }

    /// The word classes of token `i`.
    #[inline]
    pub(crate) fn class(&self, i: usize) -> Class {
        let cached = self.classes[i].get();
        if cached != NONE {
            return Class::from_bits(cached);
        }
        let c = if self.tokens[i].kind == TokenKind::Word { self.lex.class(self.word(i)) } else { Class::default() };
        self.classes[i].set(c.bits());
        c
    }

    /// True when token `i` is a word (letters), or a number hyphened to a word that phrases
    /// treat as one ("the 29-year-old", "a 24-hour strike").
    #[inline]
    /// True when token `t` is a possessive ending split off its word ("Ann Reed" + "’s",
    /// "officials" + "’").
    pub(crate) fn is_possessive(&self, t: usize) -> bool {
        t < self.tokens.len() && matches!(self.word(t), "’s" | "'s" | "’" | "'")
    }

    pub(crate) fn is_word(&self, i: usize) -> bool {
        let t = &self.tokens[i];
        t.kind == TokenKind::Word || t.kind == TokenKind::Number && is_compound(t.span.as_str(self.text))
    }

    /// True when token `t` lies in the title paragraph, whose words a headline capitalises.
    pub(crate) fn in_title(&self, t: usize) -> bool {
        self.sentence_of[t] != NONE
            && self.paragraphs[self.sentence_para[self.sentence_of[t] as usize]].role == crate::article::Role::Title
    }

    /// True when token `i` is a word that starts with a capital letter.
    #[inline]
    pub(crate) fn is_capitalized(&self, i: usize) -> bool {
        self.is_word(i) && starts_upper(self.word(i))
    }

    /// True when no space separates tokens `i` and `i + 1`.
    #[inline]
    pub(crate) fn joined(&self, i: usize) -> bool {
        self.tokens.get(i + 1).is_some_and(|n| n.span.start() == self.tokens[i].span.end())
    }

    /// True when a line break separates token `i` from the token before it.
    pub(crate) fn line_break_before(&self, i: usize) -> bool {
        i > 0 && self.text[self.tokens[i - 1].span.end()..self.tokens[i].span.start()].contains('\n')
    }

    /// The top-level quoted piece containing token `i` (marks included).
    #[inline]
    pub(crate) fn quote_at(&self, i: usize) -> Option<usize> {
        let q = self.quote_of[i];
        (q != NONE).then_some(q as usize)
    }

    /// The sentence containing token `i`.
    #[inline]
    pub(crate) fn sentence_at(&self, i: usize) -> Option<usize> {
        let s = self.sentence_of[i];
        (s != NONE).then_some(s as usize)
    }

    /// The token range of the sentence containing token `i` (just `i` when it has none).
    pub(crate) fn sentence_range(&self, i: usize) -> Range<usize> {
        self.sentence_at(i).map_or(i..i + 1, |s| self.sentences[s].clone())
    }

    /// The index of the first token starting at or after byte `pos`.
    pub(crate) fn token_at(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span.start() < pos)
    }

    /// The span from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn span_of(&self, toks: Range<usize>) -> Span {
        Span::new(self.tokens[toks.start].span.start(), self.tokens[toks.end - 1].span.end())
    }

    /// True when token `i` ends a sentence: . ! ? (not an abbreviation's period).
    pub(crate) fn ends_sentence(&self, i: usize) -> bool {
        match self.word(i) {
            "!" | "?" => true,
            "." => !self.is_abbreviation_dot(i),
            _ => false,
        }
    }

    /// A period after an honorific ("Mr."), an initial ("V.") or in "U.S.".
    pub(crate) fn is_abbreviation_dot(&self, i: usize) -> bool {
        if i == 0 || !self.joined(i - 1) || !self.is_word(i - 1) {
            return false;
        }
        let prev = self.word(i - 1);
        let initial = prev.chars().count() == 1 && starts_upper(prev);
        initial || self.class(i - 1).has(Class::HONORIFIC) && starts_upper(prev)
    }

    /// Index of the cue whose first token is `i`.
    pub(crate) fn cue_starting_at(&self, i: usize) -> Option<usize> {
        let k = self.cues.partition_point(|c| c.toks.start < i);
        (k < self.cues.len() && self.cues[k].toks.start == i).then_some(k)
    }
}

/// True when the word begins with an uppercase letter.
pub(crate) fn starts_upper(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// "29-year-old", "24-hour": a number tied by a hyphen to letters.
fn is_compound(w: &str) -> bool {
    w.contains('-') && w.ends_with(|c: char| c.is_alphabetic())
}

fn is_all_upper(w: &str) -> bool {
    w.chars().all(|c| !c.is_lowercase())
}
