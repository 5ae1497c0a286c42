//! # byline-core
//!
//! Parses a raw news article into a structured [`Article`]: layout (title, byline, dateline,
//! paragraphs with roles, credits, boilerplate), sentences, entities, quotes with their
//! speakers, and time expressions normalised against the publication date.
//!
//! Build a [`Parser`] once and share it across threads; parsing allocates per article only.
//!
//! ```
//! use byline_core::{parse_date, JsonOptions, Parser};
//!
//! let parser = Parser::new();
//! let text = "Rates Rise Again\n\nLONDON (Reuters) - The bank raised rates on Thursday.";
//! let article = parser.parse(text, Some(parse_date("2023-03-04")?))?;
//! assert_eq!(article.title.as_deref(), Some("Rates Rise Again"));
//! let json = article.to_json(&JsonOptions { pretty: true, ..Default::default() });
//! assert!(json.contains("\"schema\": \"byline/1\""));
//! # Ok::<(), byline_core::Error>(())
//! ```
//!
//! Spans in the Rust API are byte offsets into [`Article::text`] ([`Span`]). The JSON
//! contract uses code point offsets; the conversion happens once, in [`Article::to_wire`]
//! (the [`json`] module), which [`Article::to_json`] serialises.

mod article;
mod calendar_names;
mod data;
mod date;
mod deadline;
mod doc;
mod entities;
mod error;
mod hash;
mod html;
mod input;
pub mod internals;
#[cfg(feature = "invariants")]
pub mod invariants;
pub mod json;
mod layout;
mod offsets;
mod parser;
mod quotes;
mod segment;
mod span;
mod text;
mod timex;

pub use article::{
    Article, Dateline, Entity, Gender, GenderBy, Label, Mention, MentionKind, Paragraph, Quote, QuoteKind, Role,
    Sentence, Source, SourceFormat, Speaker, SpeakerKind, Timex, TimexMod, TimexType, UnknownName, Warning,
    WarningKind, SCHEMA_VERSION,
};
pub use date::{parse_date, Date};
pub use error::{Error, Result};
pub use html::looks_like_html;
pub use json::JsonOptions;
pub use offsets::CharIndex;
pub use parser::{Config, Page, Parser, ParserBuilder};
pub use span::Span;
