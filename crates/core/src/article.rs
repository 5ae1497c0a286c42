//! The parsed article: the Rust view, in byte spans into [`Article::text`].
//!
//! The JSON contract (code point offsets, `"schema": "byline/1"`) is produced by
//! [`Article::to_json`](crate::Article::to_json); see `SCHEMA.md`.

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::span::Span;

/// The version tag written into every serialised article.
pub const SCHEMA_VERSION: &str = "byline/1";

/// One parsed news article. Spans are byte offsets into [`Article::text`].
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Article {
    /// The caller's id for the article (file path or record id in batch mode).
    pub id: Option<String>,
    /// The text exactly as given.
    pub text: String,
    /// The headline, when the article has one.
    pub title: Option<String>,
    /// A standfirst or deck under the headline.
    pub subtitle: Option<String>,
    /// Names from the byline.
    pub authors: Vec<String>,
    /// Names from credit lines ("Additional reporting by ...").
    pub contributors: Vec<String>,
    /// The publication date, from the caller or found in the text.
    pub published: Option<Date>,
    /// The dateline ("KYIV, Ukraine —"), when there is one.
    pub dateline: Option<Dateline>,
    /// Every paragraph, boilerplate included, in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences of the paragraphs that are not boilerplate, in text order.
    pub sentences: Vec<Sentence>,
    /// Named entities, each with all its mentions.
    pub entities: Vec<Entity>,
    /// Quotations and reported statements.
    pub quotes: Vec<Quote>,
    /// Time expressions.
    pub timexes: Vec<Timex>,
    /// Things that went oddly but did not stop the parse.
    pub warnings: Vec<Warning>,
    /// What an HTML page (or a web archive record) said about itself; `None` for plain text.
    /// When present, [`Article::text`] is the text extracted from the page, which every span
    /// points into, and the JSON carries it as `"text"`.
    pub source: Option<Source>,
}

/// The kind of input an article was extracted from, when it was not plain text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SourceFormat {
    /// An HTML page, alone or from a JSON Lines record or a WARC response.
    #[default]
    Html,
}

/// What a page says about itself: JSON-LD, Open Graph, `<meta>` and `<time>` elements, and
/// the URL. Each field is `None` (or empty) when the page does not say (`SCHEMA.md`, "Input
/// that is not plain text").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The input's format.
    pub format: SourceFormat,
    /// The URL the page was fetched from, as the caller or the archive gives it.
    pub url: Option<String>,
    /// The page's canonical URL (`<link rel=canonical>`, `og:url`).
    pub canonical_url: Option<String>,
    /// The publication's name (`og:site_name`, JSON-LD `publisher`).
    pub site_name: Option<String>,
    /// The page's language (`<html lang>`, `og:locale`), as given ("en", "en-GB").
    pub language: Option<String>,
    /// The page's summary (`<meta name=description>`, `og:description`).
    pub description: Option<String>,
    /// The section or desk (`article:section`, JSON-LD `articleSection`).
    pub section: Option<String>,
    /// Keywords and tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The lead image's URL.
    pub image: Option<String>,
    /// The publication time as the page gives it (ISO 8601).
    pub published_at: Option<String>,
    /// The last modification time as the page gives it (ISO 8601).
    pub modified_at: Option<String>,
    /// The character encoding the page was decoded from ("utf-8", "windows-1252").
    pub encoding: Option<String>,
}

/// The place named at the start of an article's first paragraph.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dateline {
    /// The place as written ("KYIV, Ukraine").
    pub place: String,
    /// The whole dateline, its dash or agency included.
    pub span: Span,
}

/// What a paragraph is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The headline.
    Title,
    /// A standfirst or deck.
    Subtitle,
    /// "By Jane Doe".
    Byline,
    /// A paragraph that is only a dateline or date line.
    Dateline,
    /// A subhead inside the body (an `h2`/`h3` of an HTML article).
    Heading,
    /// Article text.
    Body,
    /// A photo or video caption.
    Caption,
    /// "Additional reporting by ...", "Editing by ...".
    Credit,
    /// Web furniture: comment forms, share prompts, "Advertisement". Kept, but not analysed.
    Boilerplate,
}

impl Role {
    /// The role's name in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Subtitle => "subtitle",
            Role::Byline => "byline",
            Role::Dateline => "dateline",
            Role::Heading => "heading",
            Role::Body => "body",
            Role::Caption => "caption",
            Role::Credit => "credit",
            Role::Boilerplate => "boilerplate",
        }
    }

    /// True for paragraphs whose text the later stages analyse.
    pub fn is_analysed(self) -> bool {
        self != Role::Boilerplate
    }
}

/// One paragraph and its role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// The paragraph's text, without surrounding blank space.
    pub span: Span,
    /// What the paragraph is.
    pub role: Role,
}

/// One sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// The sentence's text, without surrounding blank space.
    pub span: Span,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
}

/// Entity labels, OntoNotes-style (the label set spaCy uses).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Label {
    /// People, fictional included.
    #[serde(rename = "PERSON")]
    Person,
    /// Companies, agencies, institutions.
    #[serde(rename = "ORG")]
    Org,
    /// Countries, cities, states.
    #[serde(rename = "GPE")]
    Gpe,
    /// Non-political places: mountains, rivers, regions.
    #[serde(rename = "LOC")]
    Loc,
    /// Nationalities, religious and political groups.
    #[serde(rename = "NORP")]
    Norp,
    /// Buildings, airports, highways, bridges.
    #[serde(rename = "FAC")]
    Fac,
    /// Named events: wars, storms, sports events.
    #[serde(rename = "EVENT")]
    Event,
    /// Objects, vehicles, foods (not services).
    #[serde(rename = "PRODUCT")]
    Product,
    /// Titles of books, songs, films.
    #[serde(rename = "WORK_OF_ART")]
    WorkOfArt,
    /// Named documents made into laws.
    #[serde(rename = "LAW")]
    Law,
}

impl Label {
    /// The label's name in the JSON contract.
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Event => "EVENT",
            Label::Product => "PRODUCT",
            Label::WorkOfArt => "WORK_OF_ART",
            Label::Law => "LAW",
        }
    }
}

/// Grammatical gender of a person, as far as the text tells.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    /// "he", "Mr.", a male first name.
    Male,
    /// "she", "Ms.", a female first name.
    Female,
}

/// One place where an entity is named. The span covers the name only: no title, no possessive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name as it appears (for a nominal mention, the noun phrase: "the ministry").
    pub span: Span,
    /// A name, or a description that stands for it.
    pub kind: MentionKind,
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// The entity's name or part of it ("Chinese Foreign Ministry", "C.I.A.", "Varga").
    #[default]
    Name,
    /// A definite description that can only mean this entity here ("the ministry").
    Nominal,
}

/// One real-world referent and all its mentions in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    /// What kind of thing it is.
    pub label: Label,
    /// The fullest form of the name.
    pub name: String,
    /// Mentions in text order.
    pub mentions: Vec<Mention>,
    /// Titles and honorifics seen before the name ("President", "Gen.").
    pub titles: Vec<String>,
    /// Descriptions from appositives and "X of Y" ("president of Chile").
    pub roles: Vec<String>,
    /// For people, when known.
    pub gender: Option<Gender>,
}

/// How a statement is reported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Words inside quotation marks.
    Direct,
    /// A reported clause that carries a quoted fragment.
    Mixed,
    /// A reported clause without quotation marks.
    Indirect,
}

/// Who said a quote: the local mention, and what it resolves to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The mention the attribution names ("he", "Mr. Wen", "the ministry").
    pub span: Span,
    /// The resolved name ("Tomas Halden"), when resolved.
    pub name: Option<String>,
    /// Index into [`Article::entities`], when resolved to an entity.
    pub entity: Option<usize>,
}

/// One quotation or reported statement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    /// Direct, mixed or indirect.
    pub kind: QuoteKind,
    /// The content; for direct quotes the words inside the marks.
    pub span: Span,
    /// The speaker, `None` only when the text names nobody.
    pub speaker: Option<Speaker>,
    /// The reporting expression ("said", "according to").
    pub cue: Option<Span>,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period: "Tuesday", "last year".
    Date,
    /// A time of day: "Sunday night", "3 p.m.".
    Time,
    /// A length of time: "three days".
    Duration,
    /// A recurrence: "every week".
    Set,
}

/// TIMEX3 `mod` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    /// "before".
    Before,
    /// "after".
    After,
    /// "on or before".
    OnOrBefore,
    /// "on or after".
    OnOrAfter,
    /// "less than".
    LessThan,
    /// "more than".
    MoreThan,
    /// "no more than".
    EqualOrLess,
    /// "no less than".
    EqualOrMore,
    /// "early".
    Start,
    /// "mid".
    Mid,
    /// "late".
    End,
    /// "about".
    Approx,
}

/// One time expression, normalised against the publication date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// The expression, without leading prepositions.
    pub span: Span,
    /// DATE, TIME, DURATION or SET.
    pub kind: TimexType,
    /// The TIMEX3 value (`2023-02-28`, `P3D`, `PAST_REF`), `None` when it cannot be resolved.
    pub value: Option<String>,
    /// The TIMEX3 modifier.
    pub modifier: Option<TimexMod>,
}

/// Kinds of warning.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum WarningKind {
    /// Quotation marks that do not pair up.
    UnbalancedQuotes,
    /// Quotation marks nested deeper than the parser follows.
    DeepNesting,
    /// A very large input; some stages may have been limited.
    LargeInput,
    /// Control characters or other signs of non-text content.
    SuspiciousContent,
    /// Invalid UTF-8 replaced with U+FFFD under lossy decoding.
    LossyDecoding,
    /// An HTML page in which no article text was found: the text is empty or only a title.
    NoArticle,
}

/// Something that went oddly but did not stop the parse.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// A human-readable description.
    pub message: String,
}
