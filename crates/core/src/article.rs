//! The parsed article: the Rust view, in byte spans into [`Article::text`].
//!
//! The JSON contract (code point offsets, `"schema": "byline/1"`) is produced by
//! [`Article::to_json`](crate::Article::to_json); see `docs/schema.md`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::Date;
use crate::span::Span;

/// A name that is none of an enumeration's names in the JSON contract ("PERSN" for a
/// [`Label`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownName {
    /// The enumeration ("Label").
    pub kind: &'static str,
    /// The name given.
    pub name: String,
    /// The names it could have been.
    pub expected: &'static [&'static str],
}

impl fmt::Display for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown {} {:?} (expected one of: {})", self.kind, self.name, self.expected.join(", "))
    }
}

impl std::error::Error for UnknownName {}

/// Declares an enumeration of the JSON contract and its names there, once: `as_str`, `ALL`,
/// `NAMES`, `FromStr` (an [`UnknownName`] error), `Display`, and serde as the name. The JSON,
/// the tables, the Python objects and the schema document's test all read the names from here.
macro_rules! contract_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $( $(#[$vmeta:meta])* $variant:ident = $wire:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The names of [`Self::ALL`] in the JSON contract.
            pub const NAMES: &'static [&'static str] = &[$($wire),+];

            /// The name in the JSON contract.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $wire,)+
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = UnknownName;

            fn from_str(s: &str) -> Result<$name, UnknownName> {
                match s {
                    $($wire => Ok($name::$variant),)+
                    _ => Err(UnknownName { kind: stringify!($name), name: s.to_string(), expected: $name::NAMES }),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                struct Name;
                impl serde::de::Visitor<'_> for Name {
                    type Value = $name;
                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        write!(f, "one of {}", $name::NAMES.join(", "))
                    }
                    fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<$name, E> {
                        s.parse().map_err(|_| E::unknown_variant(s, $name::NAMES))
                    }
                }
                d.deserialize_str(Name)
            }
        }
    };
}

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

contract_enum! {
    /// The kind of input an article was extracted from, when it was not plain text.
    #[derive(Default)]
    #[non_exhaustive]
    pub enum SourceFormat {
        /// An HTML page, alone or from a JSON Lines record or a WARC response.
        #[default]
        Html = "html",
    }
}

/// What a page says about itself: JSON-LD, Open Graph, `<meta>` and `<time>` elements, and
/// the URL. Each field is `None` (or empty) when the page does not say (`docs/schema.md`, "Input
/// that is not plain text").
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
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

contract_enum! {
    /// What a paragraph is.
    pub enum Role {
        /// The headline.
        Title = "title",
        /// A standfirst or deck.
        Subtitle = "subtitle",
        /// "By Jane Doe".
        Byline = "byline",
        /// A paragraph that is only a dateline or date line.
        Dateline = "dateline",
        /// A subhead inside the body (an `h2`/`h3` of an HTML article).
        Heading = "heading",
        /// Article text.
        Body = "body",
        /// A photo or video caption.
        Caption = "caption",
        /// "Additional reporting by ...", "Editing by ...".
        Credit = "credit",
        /// Web furniture: comment forms, share prompts, "Advertisement". Kept, but not analysed.
        Boilerplate = "boilerplate",
    }
}

impl Role {
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

contract_enum! {
    /// Entity labels, OntoNotes-style (the label set spaCy uses).
    #[derive(PartialOrd, Ord)]
    pub enum Label {
        /// People, fictional included.
        Person = "PERSON",
        /// Companies, agencies, institutions.
        Org = "ORG",
        /// Countries, cities, states.
        Gpe = "GPE",
        /// Non-political places: mountains, rivers, regions.
        Loc = "LOC",
        /// Nationalities, religious and political groups.
        Norp = "NORP",
        /// Buildings, airports, highways, bridges.
        Fac = "FAC",
        /// Named events: wars, storms, sports events.
        Event = "EVENT",
        /// Objects, vehicles, foods (not services).
        Product = "PRODUCT",
        /// Titles of books, songs, films.
        WorkOfArt = "WORK_OF_ART",
        /// Named documents made into laws.
        Law = "LAW",
    }
}

contract_enum! {
    /// Grammatical gender of a person, as far as the text tells.
    pub enum Gender {
        /// "he", "Mr.", a male first name.
        Male = "male",
        /// "she", "Ms.", a female first name.
        Female = "female",
    }
}

contract_enum! {
    /// What told a person's gender, strongest first: an honorific or gendered title ("Ms.",
    /// "Queen"), a first name from the census lists, or the pronouns that refer to the person.
    pub enum GenderBy {
        /// "Mr.", "Ms.", "King", "Duchess".
        Honorific = "honorific",
        /// A first name that census records give mostly one gender.
        FirstName = "first_name",
        /// "he" or "she" referring to the person.
        Pronoun = "pronoun",
    }
}

/// One place where an entity is named. The span covers the name only: no title, no possessive.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// The name as it appears (for a nominal mention, the noun phrase: "the ministry").
    pub span: Span,
    /// A name, or a description that stands for it.
    pub kind: MentionKind,
}

contract_enum! {
    /// How a mention refers to its entity.
    #[derive(Default)]
    pub enum MentionKind {
        /// The entity's name or part of it ("Chinese Foreign Ministry", "C.I.A.", "Varga").
        #[default]
        Name = "name",
        /// A definite description that can only mean this entity here ("the ministry").
        Nominal = "nominal",
    }
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
    /// What told the gender; `None` exactly when `gender` is.
    pub gender_by: Option<GenderBy>,
}

contract_enum! {
    /// How a statement is reported.
    pub enum QuoteKind {
        /// Words inside quotation marks.
        Direct = "direct",
        /// A reported clause that carries a quoted fragment.
        Mixed = "mixed",
        /// A reported clause without quotation marks.
        Indirect = "indirect",
    }
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
    /// Whose voice it is: a named person, an organization, an anonymous source, a document,
    /// or a mention left unresolved.
    pub kind: SpeakerKind,
}

contract_enum! {
    /// Whose voice a quote carries, for source-diversity counts.
    pub enum SpeakerKind {
        /// A named person ("Ana Ruiz", or "she" resolved to her).
        Person = "person",
        /// A named organization, government or place that speaks for one ("the ministry", "Beijing").
        Organization = "organization",
        /// Unnamed people: "a senior official", "people familiar with the matter", "analysts".
        Anonymous = "anonymous",
        /// A text without a named author: "a report", "the statement", "a study".
        Document = "document",
        /// A pronoun or noun phrase that could not be resolved to any of the above.
        Unresolved = "unresolved",
    }
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

contract_enum! {
    /// TIMEX3 types.
    pub enum TimexType {
        /// A calendar date or period: "Tuesday", "last year".
        Date = "DATE",
        /// A time of day: "Sunday night", "3 p.m.".
        Time = "TIME",
        /// A length of time: "three days".
        Duration = "DURATION",
        /// A recurrence: "every week".
        Set = "SET",
    }
}

contract_enum! {
    /// TIMEX3 `mod` values.
    pub enum TimexMod {
        /// "before".
        Before = "BEFORE",
        /// "after".
        After = "AFTER",
        /// "on or before".
        OnOrBefore = "ON_OR_BEFORE",
        /// "on or after".
        OnOrAfter = "ON_OR_AFTER",
        /// "less than".
        LessThan = "LESS_THAN",
        /// "more than".
        MoreThan = "MORE_THAN",
        /// "no more than".
        EqualOrLess = "EQUAL_OR_LESS",
        /// "no less than".
        EqualOrMore = "EQUAL_OR_MORE",
        /// "early".
        Start = "START",
        /// "mid".
        Mid = "MID",
        /// "late".
        End = "END",
        /// "about".
        Approx = "APPROX",
    }
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

contract_enum! {
    /// Kinds of warning.
    #[non_exhaustive]
    pub enum WarningKind {
        /// Quotation marks that do not pair up.
        UnbalancedQuotes = "unbalanced_quotes",
        /// Quotation marks nested deeper than the parser follows.
        DeepNesting = "deep_nesting",
        /// A very large input; some stages may have been limited.
        LargeInput = "large_input",
        /// Control characters or other signs of non-text content.
        SuspiciousContent = "suspicious_content",
        /// Invalid UTF-8 replaced with U+FFFD under lossy decoding.
        LossyDecoding = "lossy_decoding",
        /// An HTML page in which no article text was found: the text is empty or only a title.
        NoArticle = "no_article",
    }
}

/// Something that went oddly but did not stop the parse.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Warning {
    /// What kind of problem.
    pub kind: WarningKind,
    /// A human-readable description.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each value of an enumeration has its name in `Display`, serde and `FromStr`, and an
    /// unknown name is an error listing the names.
    fn check<T>(all: &[T], names: &[&str])
    where
        T: Copy + PartialEq + fmt::Debug + fmt::Display + Serialize + for<'de> Deserialize<'de>,
        T: std::str::FromStr<Err = UnknownName>,
    {
        assert_eq!(all.len(), names.len());
        for (&value, &name) in all.iter().zip(names) {
            assert_eq!(value.to_string(), name);
            assert_eq!(serde_json::to_string(&value).unwrap(), format!("{name:?}"));
            assert_eq!(serde_json::from_str::<T>(&format!("{name:?}")).unwrap(), value);
            assert_eq!(name.parse::<T>().unwrap(), value);
        }
        let err = "nonsense".parse::<T>().unwrap_err();
        assert!(err.to_string().contains(names[0]), "{err}");
        assert!(serde_json::from_str::<T>("\"nonsense\"").is_err());
    }

    #[test]
    fn contract_enums_have_one_name_each_way() {
        check(Role::ALL, Role::NAMES);
        check(Label::ALL, Label::NAMES);
        check(Gender::ALL, Gender::NAMES);
        check(GenderBy::ALL, GenderBy::NAMES);
        check(SpeakerKind::ALL, SpeakerKind::NAMES);
        check(MentionKind::ALL, MentionKind::NAMES);
        check(QuoteKind::ALL, QuoteKind::NAMES);
        check(TimexType::ALL, TimexType::NAMES);
        check(TimexMod::ALL, TimexMod::NAMES);
        check(WarningKind::ALL, WarningKind::NAMES);
        check(SourceFormat::ALL, SourceFormat::NAMES);
        assert_eq!(Label::WorkOfArt.as_str(), "WORK_OF_ART");
        assert_eq!(TimexMod::OnOrAfter.as_str(), "ON_OR_AFTER");
        assert_eq!(WarningKind::UnbalancedQuotes.as_str(), "unbalanced_quotes");
        let err = "PERSN".parse::<Label>().unwrap_err();
        assert_eq!(err.to_string(), "unknown Label \"PERSN\" (expected one of: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, PRODUCT, WORK_OF_ART, LAW)");
    }
}
