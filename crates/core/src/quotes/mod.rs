//! Quotes: quotation marks, reported speech, cues and speakers.
//!
//! The stage runs after entities: `marks` pairs the quotation marks, `context` finds the
//! reporting cues of the `lexicon`, `attribution` ties quotes and reported clauses to a cue
//! and a speaker mention (`phrase` finds the noun phrases; `interview` takes the turns of an
//! interview or a Q&A; `cue_use` rejects cue words that report nothing where they stand;
//! `unattributed` gives quote paragraphs without a cue the speaker a reader carries on, and keeps
//! subheads from speaking; `titles` drops quoted titles of works), and `resolve` turns speaker
//! mentions into names and entities (`descriptions`: "the singer", "the company").

mod attribution;
mod context;
mod cue_use;
pub(crate) mod descriptions;
mod interview;
pub(crate) mod lexicon;
mod marks;
mod phrase;
mod resolve;
pub(crate) mod speaker_kind;
pub(crate) mod titles;
pub(crate) mod unattributed;

use crate::article::WarningKind;
use crate::doc::Doc;

/// Finds quotes and attributes them.
#[derive(Debug)]
pub struct QuoteExtractor {
    lexicon: lexicon::Lexicon,
    speaker_kinds: speaker_kind::SpeakerKinds,
    descriptions: descriptions::Descriptions,
    intros: unattributed::Intros,
    titles: titles::TitleWords,
}

impl Default for QuoteExtractor {
    fn default() -> QuoteExtractor {
        QuoteExtractor::new()
    }
}

impl QuoteExtractor {
    /// Compiles the cue lexicon and the word classes.
    pub fn new() -> QuoteExtractor {
        QuoteExtractor {
            lexicon: lexicon::Lexicon::new(),
            speaker_kinds: speaker_kind::SpeakerKinds::new(),
            descriptions: descriptions::Descriptions::new(),
            intros: unattributed::Intros::new(),
            titles: titles::TitleWords::new(),
        }
    }

    /// Fills `doc.quotes`, and warns about unbalanced or deeply nested quotation marks.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let pairing = marks::pair(doc.norm(), &doc.layout.paragraphs);
        let (unbalanced, too_deep) = (pairing.unbalanced, pairing.too_deep);
        let mut quotes = {
            let ctx = context::Ctx::new(doc, &self.lexicon, pairing.quoted);
            let mut found = attribution::attribute(&ctx);
            unattributed::fill(&ctx, &self.intros, &mut found);
            titles::drop_titles(&ctx, &self.titles, &mut found);
            resolve::resolve(&ctx, &self.descriptions, &self.speaker_kinds, &doc.entities, found)
        };
        // A person the attribution bound to "he" or "she" has that gender when the entities could
        // not tell it ("..., he wrote on Twitter" after a name without a first name or honorific).
        for q in &quotes {
            let Some(s) = &q.speaker else { continue };
            let g = crate::entities::gender::pronoun_gender(s.span.as_str(doc.norm()));
            if let (Some(i), Some(g)) = (s.entity, g) {
                let e = &mut doc.entities[i];
                if e.label == crate::article::Label::Person && e.gender.is_none() {
                    e.gender = Some(g);
                    e.gender_by = Some(crate::article::GenderBy::Pronoun);
                }
            }
        }
        for s in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
            s.kind = self.speaker_kinds.of(s, &doc.entities);
        }
        doc.quotes = quotes;
        if unbalanced > 0 {
            doc.warn(WarningKind::UnbalancedQuotes, format!("{unbalanced} quotation mark(s) without a partner"));
        }
        if too_deep > 0 {
            doc.warn(
                WarningKind::DeepNesting,
                format!("{too_deep} quotation mark(s) nested deeper than {} levels were skipped", marks::MAX_DEPTH),
            );
        }
    }
}
