//! The parts of the JSON contract (`SCHEMA.md`) that the tables need, read from an output line.
//! Enumerations stay strings, so a newer label or kind passes through unchanged.

use std::fmt;

use serde::de::{IgnoredAny, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// One output line: an article, or `{"id", "error"}`.
#[derive(Deserialize)]
pub(super) struct ArticleView {
    pub id: Option<String>,
    #[serde(default)]
    pub error: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub subtitle: Option<String>,
    #[serde(default)]
    pub authors: Vec<String>,
    #[serde(default)]
    pub contributors: Vec<String>,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub dateline: Option<DatelineView>,
    #[serde(default)]
    pub paragraphs: Count,
    #[serde(default)]
    pub sentences: Count,
    #[serde(default)]
    pub entities: Vec<EntityView>,
    #[serde(default)]
    pub quotes: Vec<QuoteView>,
    #[serde(default)]
    pub timexes: Vec<TimexView>,
    #[serde(default)]
    pub warnings: Count,
}

#[derive(Deserialize)]
pub(super) struct DatelineView {
    pub place: String,
}

#[derive(Deserialize)]
pub(super) struct SpanView {
    pub start: i64,
    pub end: i64,
    pub text: String,
}

#[derive(Deserialize)]
pub(super) struct MentionView {
    pub start: i64,
    pub end: i64,
    pub text: String,
    /// Absent in output written before mention kinds: those mentions were all names.
    #[serde(default = "MentionView::name")]
    pub kind: String,
}

impl MentionView {
    fn name() -> String {
        "name".to_string()
    }
}

#[derive(Deserialize)]
pub(super) struct EntityView {
    pub id: String,
    pub label: String,
    pub name: String,
    pub mentions: Vec<MentionView>,
    #[serde(default)]
    pub titles: Vec<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub gender: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct SpeakerView {
    pub start: i64,
    pub end: i64,
    pub text: String,
    #[serde(default)]
    pub name: Option<String>,
    #[serde(default)]
    pub entity: Option<String>,
}

#[derive(Deserialize)]
pub(super) struct QuoteView {
    pub id: String,
    pub kind: String,
    pub start: i64,
    pub end: i64,
    pub text: String,
    #[serde(default)]
    pub speaker: Option<SpeakerView>,
    #[serde(default)]
    pub cue: Option<SpanView>,
}

#[derive(Deserialize)]
pub(super) struct TimexView {
    pub start: i64,
    pub end: i64,
    pub text: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default, rename = "mod")]
    pub modifier: Option<String>,
}

/// The length of a JSON array, counted without building its elements.
#[derive(Default)]
pub(super) struct Count(pub i64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Count, D::Error> {
        struct CountVisitor;
        impl<'de> Visitor<'de> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Count, A::Error> {
                let mut n = 0;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    n += 1;
                }
                Ok(Count(n))
            }
        }
        d.deserialize_seq(CountVisitor)
    }
}
