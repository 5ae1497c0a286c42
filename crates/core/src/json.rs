//! The JSON contract ([`docs/schema.md`](https://github.com/byline-nlp/byline/blob/main/docs/schema.md)) as Rust structs ([`WireArticle`]): byte spans become code
//! point offsets, and entities and quotes get their ids, here and only here.

use serde::{Deserialize, Serialize};

use crate::article::*;
use crate::date::{parse_date, Date};
use crate::error::{Error, Result};
use crate::offsets::CharIndex;
use crate::span::Span;

/// How to write an article as JSON.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonOptions {
    /// Indent the output. Default: false (one line).
    pub pretty: bool,
    /// Add the article's text as a top-level `"text"` field, so the JSON can be read back
    /// with [`Article::from_json`]. Default: false. (An article extracted from HTML always
    /// carries its text: the offsets point into it, not into the page.)
    pub include_text: bool,
}

/// An article as the JSON contract has it (`docs/schema.md`): code point offsets into the text,
/// entity ids `e1`, `e2`, ... and quote ids `q1`, `q2`, ... It is what [`Article::to_json`]
/// writes and [`Article::from_json`] reads; other views of an article (the Python objects) are
/// built from it, so offsets and ids are computed in one place.
///
/// ```
/// let parser = byline_core::Parser::new();
/// let article = parser.parse("Café Opens\n\nThe café opened on Monday.", None).unwrap();
/// let wire = article.to_wire(false);
/// let body = &wire.paragraphs[1];
/// assert_eq!((body.start, body.end), (12, 38)); // code points: "é" is one
/// assert_eq!(byline_core::Article::from_wire(wire, article.text.clone()).unwrap(), article);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireArticle {
    /// The contract version, [`SCHEMA_VERSION`].
    pub schema: String,
    /// The record's id, or None.
    pub id: Option<String>,
    /// The article text, when asked for ([`JsonOptions::include_text`]) and always for input that
    /// was not plain text (the text extracted from an HTML page, which the offsets point into).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// What an HTML page said about itself; absent for plain text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// The headline.
    pub title: Option<String>,
    /// The standfirst.
    pub subtitle: Option<String>,
    /// Byline names.
    pub authors: Vec<String>,
    /// Names from credit lines.
    pub contributors: Vec<String>,
    /// The publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// The dateline.
    pub dateline: Option<WireDateline>,
    /// Every paragraph, in text order.
    pub paragraphs: Vec<WireParagraph>,
    /// Sentences, in text order.
    pub sentences: Vec<WireSentence>,
    /// Entities; the i-th has id `e{i+1}`.
    pub entities: Vec<WireEntity>,
    /// Quotes; the i-th has id `q{i+1}`.
    pub quotes: Vec<WireQuote>,
    /// Time expressions.
    pub timexes: Vec<WireTimex>,
    /// Parser warnings.
    pub warnings: Vec<Warning>,
}

/// The dateline: its place and the code point range of the whole dateline.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireDateline {
    /// The place as written ("KYIV, Ukraine").
    pub place: String,
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
}

/// A paragraph's code point range and role.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireParagraph {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// Its role in the layout.
    pub role: Role,
}

/// A sentence's code point range and paragraph.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireSentence {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// Index of its paragraph.
    pub paragraph: usize,
}

/// A stretch of text: code point range and the text itself (a quote's cue).
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireSpan {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The text in that range.
    pub text: String,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireMention {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// A name or a nominal mention; absent in older output, where every mention was a name.
    #[serde(default)]
    pub kind: MentionKind,
}

/// One entity with its id and mentions.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireEntity {
    /// `e1`, `e2`, ...
    pub id: String,
    /// What kind of thing it is.
    pub label: Label,
    /// The fullest form of the name.
    pub name: String,
    /// Mentions in text order.
    pub mentions: Vec<WireMention>,
    /// Titles and honorifics.
    pub titles: Vec<String>,
    /// Roles from appositives.
    pub roles: Vec<String>,
    /// Gender, when known.
    pub gender: Option<Gender>,
    /// What told the gender; absent in output written before it.
    #[serde(default)]
    pub gender_by: Option<GenderBy>,
}

/// A quote's speaker: the local mention and what it resolves to.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireSpeaker {
    /// Code point offset of the mention.
    pub start: usize,
    /// Code point offset one past its end.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The resolved name.
    pub name: Option<String>,
    /// The resolved entity's id (`e7`).
    pub entity: Option<String>,
    /// Whose voice it is; absent in output written before it, read as `unresolved`.
    #[serde(default = "unresolved")]
    pub kind: SpeakerKind,
}

fn unresolved() -> SpeakerKind {
    SpeakerKind::Unresolved
}

/// A quote with its id, speaker and cue.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireQuote {
    /// `q1`, `q2`, ...
    pub id: String,
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// Code point offset of the content.
    pub start: usize,
    /// Code point offset one past its end.
    pub end: usize,
    /// The content.
    pub text: String,
    /// Who said it.
    pub speaker: Option<WireSpeaker>,
    /// The reporting expression.
    pub cue: Option<WireSpan>,
}

/// A time expression.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct WireTimex {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// `DATE`, `TIME`, `DURATION` or `SET`.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// The TIMEX3 value.
    pub value: Option<String>,
    /// The TIMEX3 modifier.
    #[serde(rename = "mod")]
    pub modifier: Option<TimexMod>,
}

/// The JSON names of a contract struct's fields, in declaration order: what its serde derive
/// declares (`WireTimex` has `type` and `mod`). [`WireArticle`]'s are the keys of an article's
/// dict in Python.
///
/// ```
/// use byline_core::json::{field_names, WireTimex};
/// assert_eq!(field_names::<WireTimex>(), ["start", "end", "text", "type", "value", "mod"]);
/// ```
pub fn field_names<T: for<'de> Deserialize<'de>>() -> &'static [&'static str] {
    use serde::de::{value::Error, Error as _, Visitor};

    /// A deserializer that only records the field names a struct asks for.
    struct Fields<'a>(&'a mut &'static [&'static str]);

    impl<'de> serde::Deserializer<'de> for Fields<'_> {
        type Error = Error;

        fn deserialize_any<V: Visitor<'de>>(self, _: V) -> std::result::Result<V::Value, Error> {
            Err(Error::custom("not a struct"))
        }

        fn deserialize_struct<V: Visitor<'de>>(
            self,
            _: &'static str,
            fields: &'static [&'static str],
            _: V,
        ) -> std::result::Result<V::Value, Error> {
            *self.0 = fields;
            Err(Error::custom("the fields are all that was asked for"))
        }

        serde::forward_to_deserialize_any! {
            bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf option unit
            unit_struct newtype_struct seq tuple tuple_struct map enum identifier ignored_any
        }
    }

    let mut fields: &'static [&'static str] = &[];
    let _ = T::deserialize(Fields(&mut fields));
    fields
}

/// Byte → code point conversion for one article's text.
struct ToChars<'a> {
    text: &'a str,
    index: CharIndex,
}

impl ToChars<'_> {
    fn pos(&self, byte: usize) -> usize {
        self.index.char_of(self.text, byte)
    }
    fn range(&self, span: Span) -> (usize, usize) {
        (self.pos(span.start()), self.pos(span.end()))
    }
    fn span(&self, span: Span) -> WireSpan {
        let (start, end) = self.range(span);
        WireSpan { start, end, text: span.as_str(self.text).to_string() }
    }
}

fn entity_id(i: usize) -> String {
    format!("e{}", i + 1)
}

fn to_wire(a: &Article, include_text: bool) -> WireArticle {
    let c = ToChars { text: &a.text, index: CharIndex::new(&a.text) };
    WireArticle {
        schema: SCHEMA_VERSION.to_string(),
        id: a.id.clone(),
        text: (include_text || a.source.is_some()).then(|| a.text.clone()),
        source: a.source.clone(),
        title: a.title.clone(),
        subtitle: a.subtitle.clone(),
        authors: a.authors.clone(),
        contributors: a.contributors.clone(),
        published: a.published.map(|d| d.to_string()),
        dateline: a.dateline.as_ref().map(|d| {
            let (start, end) = c.range(d.span);
            WireDateline { place: d.place.clone(), start, end }
        }),
        paragraphs: a
            .paragraphs
            .iter()
            .map(|p| {
                let (start, end) = c.range(p.span);
                WireParagraph { start, end, role: p.role }
            })
            .collect(),
        sentences: a
            .sentences
            .iter()
            .map(|s| {
                let (start, end) = c.range(s.span);
                WireSentence { start, end, paragraph: s.paragraph }
            })
            .collect(),
        entities: a
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| WireEntity {
                id: entity_id(i),
                label: e.label,
                name: e.name.clone(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let WireSpan { start, end, text } = c.span(m.span);
                        WireMention { start, end, text, kind: m.kind }
                    })
                    .collect(),
                titles: e.titles.clone(),
                roles: e.roles.clone(),
                gender: e.gender,
                gender_by: e.gender_by,
            })
            .collect(),
        quotes: a
            .quotes
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let body = c.span(q.span);
                WireQuote {
                    id: format!("q{}", i + 1),
                    kind: q.kind,
                    start: body.start,
                    end: body.end,
                    text: body.text,
                    speaker: q.speaker.as_ref().map(|s| {
                        let m = c.span(s.span);
                        WireSpeaker {
                            start: m.start,
                            end: m.end,
                            text: m.text,
                            name: s.name.clone(),
                            entity: s.entity.map(entity_id),
                            kind: s.kind,
                        }
                    }),
                    cue: q.cue.map(|s| c.span(s)),
                }
            })
            .collect(),
        timexes: a
            .timexes
            .iter()
            .map(|t| {
                let m = c.span(t.span);
                WireTimex {
                    start: m.start,
                    end: m.end,
                    text: m.text,
                    kind: t.kind,
                    value: t.value.clone(),
                    modifier: t.modifier,
                }
            })
            .collect(),
        warnings: a.warnings.clone(),
    }
}

/// Code point → byte conversion when reading JSON back.
struct ToBytes<'a> {
    text: &'a str,
    index: CharIndex,
}

impl ToBytes<'_> {
    fn span(&self, start: usize, end: usize) -> Result<Span> {
        let bad = || Error::InvalidJson(format!("span {start}..{end} does not fit the text"));
        let s = self.index.byte_of(self.text, start).ok_or_else(bad)?;
        let e = self.index.byte_of(self.text, end).ok_or_else(bad)?;
        if s > e {
            return Err(bad());
        }
        Ok(Span::new(s, e))
    }
}

fn entity_index(id: &str) -> Result<usize> {
    id.strip_prefix('e')
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|&n| n > 0)
        .map(|n| n - 1)
        .ok_or_else(|| Error::InvalidJson(format!("bad entity id {id:?}")))
}

fn from_wire(w: WireArticle, text: String) -> Result<Article> {
    if w.schema != SCHEMA_VERSION {
        return Err(Error::InvalidJson(format!("unsupported schema {:?}", w.schema)));
    }
    let c = ToBytes { text: &text, index: CharIndex::new(&text) };
    let published: Option<Date> = w.published.as_deref().map(parse_date).transpose()?;
    let dateline = match w.dateline {
        Some(d) => Some(Dateline { place: d.place, span: c.span(d.start, d.end)? }),
        None => None,
    };
    let paragraphs = w
        .paragraphs
        .iter()
        .map(|p| Ok(Paragraph { span: c.span(p.start, p.end)?, role: p.role }))
        .collect::<Result<_>>()?;
    let sentences = w
        .sentences
        .iter()
        .map(|s| Ok(Sentence { span: c.span(s.start, s.end)?, paragraph: s.paragraph }))
        .collect::<Result<_>>()?;
    let entities = w
        .entities
        .into_iter()
        .map(|e| {
            Ok(Entity {
                label: e.label,
                name: e.name,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| Ok(Mention { span: c.span(m.start, m.end)?, kind: m.kind }))
                    .collect::<Result<_>>()?,
                titles: e.titles,
                roles: e.roles,
                gender: e.gender,
                gender_by: e.gender_by,
            })
        })
        .collect::<Result<_>>()?;
    let quotes = w
        .quotes
        .into_iter()
        .map(|q| {
            let speaker = match q.speaker {
                Some(s) => Some(Speaker {
                    span: c.span(s.start, s.end)?,
                    name: s.name,
                    entity: s.entity.as_deref().map(entity_index).transpose()?,
                    kind: s.kind,
                }),
                None => None,
            };
            Ok(Quote {
                kind: q.kind,
                span: c.span(q.start, q.end)?,
                speaker,
                cue: q.cue.map(|s| c.span(s.start, s.end)).transpose()?,
            })
        })
        .collect::<Result<_>>()?;
    let timexes = w
        .timexes
        .into_iter()
        .map(|t| Ok(Timex { span: c.span(t.start, t.end)?, kind: t.kind, value: t.value, modifier: t.modifier }))
        .collect::<Result<_>>()?;
    Ok(Article {
        id: w.id,
        title: w.title,
        subtitle: w.subtitle,
        authors: w.authors,
        contributors: w.contributors,
        published,
        dateline,
        paragraphs,
        sentences,
        entities,
        quotes,
        timexes,
        warnings: w.warnings,
        source: w.source,
        text,
    })
}

impl Article {
    /// The article as the JSON contract's structs: code point offsets and ids. With
    /// `include_text`, the text is in [`WireArticle::text`].
    pub fn to_wire(&self, include_text: bool) -> WireArticle {
        to_wire(self, include_text)
    }

    /// The article back from the contract's structs and its text: offsets become byte spans.
    /// Fails when the schema is not [`SCHEMA_VERSION`] or an offset does not fit `text`.
    pub fn from_wire(wire: WireArticle, text: String) -> Result<Article> {
        from_wire(wire, text)
    }

    /// The article as a JSON value following the contract in `docs/schema.md`.
    pub fn to_json_value(&self, include_text: bool) -> serde_json::Value {
        serde_json::to_value(to_wire(self, include_text)).expect("article serialises")
    }

    /// The article as JSON text following the contract in `docs/schema.md`.
    ///
    /// ```
    /// let parser = byline_core::Parser::new();
    /// let article = parser.parse("Headline\n\nBody text here.", None).unwrap();
    /// let json = article.to_json(&byline_core::JsonOptions::default());
    /// assert!(json.starts_with("{\"schema\":\"byline/1\""));
    /// ```
    pub fn to_json(&self, options: &JsonOptions) -> String {
        let wire = to_wire(self, options.include_text);
        let out = if options.pretty { serde_json::to_string_pretty(&wire) } else { serde_json::to_string(&wire) };
        out.expect("article serialises")
    }

    /// Writes the article as one line of JSON to `w` (no trailing newline).
    pub fn write_json<W: std::io::Write>(&self, w: W, include_text: bool) -> std::io::Result<()> {
        serde_json::to_writer(w, &to_wire(self, include_text)).map_err(std::io::Error::other)
    }

    /// Reads an article back from its JSON. The text comes from the JSON's `"text"` field
    /// or, when that is absent, from `text`.
    pub fn from_json(json: &str, text: Option<&str>) -> Result<Article> {
        let mut wire: WireArticle = serde_json::from_str(json).map_err(|e| Error::InvalidJson(e.to_string()))?;
        let text = match (wire.text.take(), text) {
            (Some(t), _) => t,
            (None, Some(t)) => t.to_string(),
            (None, None) => return Err(Error::InvalidJson("no \"text\" field and no text given".into())),
        };
        from_wire(wire, text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_article_from_a_page_carries_its_text_and_source() {
        let parser = crate::Parser::new();
        let mut article = parser.parse("Storm Hits Coast\n\nThe storm arrived on Monday.", None).unwrap();
        let plain = article.to_json_value(false);
        assert!(plain.get("text").is_none() && plain.get("source").is_none());

        article.source = Some(Source {
            url: Some("https://news.example/2024/03/06/storm".into()),
            tags: vec!["Weather".into()],
            ..Source::default()
        });
        let json = article.to_json(&JsonOptions::default());
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["text"], article.text.as_str());
        assert_eq!(value["source"]["format"], "html");
        assert_eq!(value["source"]["site_name"], serde_json::Value::Null);
        assert_eq!(Article::from_json(&json, None).unwrap(), article);
    }
}
