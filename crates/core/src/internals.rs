//! Stage internals that the crate's own tools reach for: the examples (`timex_tokens`,
//! `train_ner`, `html_pages`, `parse_jsonl`) and the benchmarks, which measure or train one piece of a stage
//! apart from the [`Parser`](crate::Parser).
//!
//! Not part of the stable API: these types change with the stages, without notice. Parse
//! articles with [`Parser`](crate::Parser) and read them as [`Article`](crate::Article)s or
//! through the JSON contract ([`json`](crate::json)).

pub use crate::entities::features::{Prepared as EntityWords, TAGS as ENTITY_TAGS};
pub use crate::entities::lexicon::Lexicon as EntityLexicon;
pub use crate::entities::tagger::{gold_tags, quantise, Model as TaggerModel, ModelError, Trainer};
pub use crate::entities::{
    EntityRecognizer, Family as EntityRuleFamily, RuleSet as EntityRules, RULES as ENTITY_RULES,
};
pub use crate::html::{Extracted, HtmlExtractor};
pub use crate::segment::{Segmenter, Token, TokenKind};
pub use crate::timex::atoms::{atomize, Atom, AtomKind};
pub use crate::timex::lexicon::Lexicon as TimexLexicon;
