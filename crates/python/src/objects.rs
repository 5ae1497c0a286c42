//! The small value classes an `Article` hands out: spans, mentions, entities, quotes, time
//! expressions. Each holds plain values with code point offsets into `Article.text`, so
//! `article.text[x.start:x.end] == x.text`; each is immutable, comparable, hashable and picklable.

use pyo3::prelude::*;
use pyo3::types::PyTuple;

/// Longest text shown in a `__repr__`, in characters.
const REPR_CHARS: usize = 40;

/// `s` cut to [`REPR_CHARS`] characters, quoted as a Python-style literal.
pub fn short(s: &str) -> String {
    match s.char_indices().nth(REPR_CHARS) {
        Some((cut, _)) => format!("{:?}", format!("{}…", &s[..cut])),
        None => format!("{s:?}"),
    }
}

fn opt(s: &Option<String>) -> String {
    s.as_deref().map_or_else(|| "None".to_string(), short)
}

/// `(type(self), args)`: what `__reduce__` returns for a class whose constructor takes its fields.
fn reduce<'py, T: pyo3::PyClass>(
    slf: &Bound<'py, T>,
    args: impl pyo3::IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyTuple>> {
    use pyo3::IntoPyObjectExt;
    let py = slf.py();
    let args = args.into_bound_py_any(py)?;
    PyTuple::new(py, [slf.as_any().get_type().into_any(), args])
}

/// A stretch of the article text, e.g. a quote's cue ("said").
///
/// Attributes:
///     start: Code point offset of the first character.
///     end: Code point offset one past the last character.
///     text: ``article.text[start:end]``.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// ``article.text[start:end]``.
    pub text: String,
}

#[pymethods]
impl Span {
    #[new]
    fn new(start: usize, end: usize, text: String) -> Span {
        Span { start, end, text }
    }
    fn __repr__(&self) -> String {
        format!("Span({}, {}, {})", self.start, self.end, short(&self.text))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        reduce(slf, (s.start, s.end, s.text.clone()))
    }
}

/// A paragraph and its role in the layout.
///
/// Attributes:
///     start: Code point offset of the first character.
///     end: Code point offset one past the last character.
///     text: The paragraph's text.
///     role: One of ``title``, ``subtitle``, ``byline``, ``dateline``, ``body``, ``caption``,
///         ``credit``, ``boilerplate``, ``heading`` (a subhead, from HTML).
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Paragraph {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The paragraph's text.
    pub text: String,
    /// One of ``title``, ``subtitle``, ``byline``, ``dateline``, ``body``, ``caption``, ``credit``, ``boilerplate``, ``heading``.
    pub role: String,
}

#[pymethods]
impl Paragraph {
    #[new]
    fn new(start: usize, end: usize, text: String, role: String) -> Paragraph {
        Paragraph { start, end, text, role }
    }
    fn __repr__(&self) -> String {
        format!("Paragraph({}, {}, {}, role={:?})", self.start, self.end, short(&self.text), self.role)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        reduce(slf, (s.start, s.end, s.text.clone(), s.role.clone()))
    }
}

/// A sentence.
///
/// Attributes:
///     start: Code point offset of the first character.
///     end: Code point offset one past the last character.
///     text: The sentence's text.
///     paragraph: Index of its paragraph in ``Article.paragraphs``.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The sentence's text.
    pub text: String,
    /// Index of its paragraph in ``Article.paragraphs``.
    pub paragraph: usize,
}

#[pymethods]
impl Sentence {
    #[new]
    fn new(start: usize, end: usize, text: String, paragraph: usize) -> Sentence {
        Sentence { start, end, text, paragraph }
    }
    fn __repr__(&self) -> String {
        format!("Sentence({}, {}, {}, paragraph={})", self.start, self.end, short(&self.text), self.paragraph)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        reduce(slf, (s.start, s.end, s.text.clone(), s.paragraph))
    }
}

/// The dateline that opens the article ("KYIV, Ukraine —").
///
/// Attributes:
///     place: The place as written ("KYIV, Ukraine").
///     start: Code point offset of the whole dateline.
///     end: Code point offset one past its end.
///     text: The whole dateline, dash or agency included.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Dateline {
    /// The place as written ("KYIV, Ukraine").
    pub place: String,
    /// Code point offset of the whole dateline.
    pub start: usize,
    /// Code point offset one past its end.
    pub end: usize,
    /// The whole dateline, dash or agency included.
    pub text: String,
}

#[pymethods]
impl Dateline {
    #[new]
    fn new(place: String, start: usize, end: usize, text: String) -> Dateline {
        Dateline { place, start, end, text }
    }
    fn __repr__(&self) -> String {
        format!("Dateline({}, {}, {})", short(&self.place), self.start, self.end)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        reduce(slf, (s.place.clone(), s.start, s.end, s.text.clone()))
    }
}

/// One place where an entity is named or, for a nominal mention, described ("the ministry").
/// The span covers the name only, without title or "’s".
///
/// Attributes:
///     start: Code point offset of the first character.
///     end: Code point offset one past the last character.
///     text: The mention as written.
///     entity: The id of the entity it refers to (``"e3"``).
///     kind: ``"name"`` (the name or part of it) or ``"nominal"`` (a description such as
///         "the ministry" that can only mean this entity here).
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// Code point offset of the first character.
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The id of the entity it refers to (``"e3"``).
    pub entity: String,
    /// ``"name"`` (the name or part of it) or ``"nominal"`` ("the ministry").
    pub kind: String,
}

#[pymethods]
impl Mention {
    #[new]
    #[pyo3(signature = (start, end, text, entity, kind="name"))]
    fn new(start: usize, end: usize, text: String, entity: String, kind: &str) -> Mention {
        Mention { start, end, text, entity, kind: kind.to_string() }
    }
    fn __repr__(&self) -> String {
        format!(
            "Mention({}, {}, {}, entity={:?}, kind={:?})",
            self.start,
            self.end,
            short(&self.text),
            self.entity,
            self.kind
        )
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get().clone();
        reduce(slf, (s.start, s.end, s.text, s.entity, s.kind))
    }
}

/// One real-world referent and all its mentions in the article.
///
/// Attributes:
///     id: ``"e1"``, ``"e2"``, ...; quotes' speakers refer to it.
///     label: ``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``NORP``, ``FAC``, ``EVENT``, ``PRODUCT``,
///         ``WORK_OF_ART`` or ``LAW``.
///     name: The fullest form of the name.
///     mentions: Every mention, in text order.
///     titles: Titles and honorifics seen before the name ("President").
///     roles: Descriptions from appositives and "X of Y" ("president of Chile").
///     gender: ``"male"``, ``"female"`` or None.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entity {
    /// ``"e1"``, ``"e2"``, ...; quotes' speakers refer to it.
    pub id: String,
    /// ``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``NORP``, ``FAC``, ``EVENT``, ``PRODUCT``, ``WORK_OF_ART`` or ``LAW``.
    pub label: String,
    /// The fullest form of the name.
    pub name: String,
    /// Every mention, in text order.
    pub mentions: Vec<Mention>,
    /// Titles and honorifics seen before the name ("President").
    pub titles: Vec<String>,
    /// Descriptions from appositives and "X of Y" ("president of Chile").
    pub roles: Vec<String>,
    /// ``"male"``, ``"female"`` or None.
    pub gender: Option<String>,
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (id, label, name, mentions, titles=Vec::new(), roles=Vec::new(), gender=None))]
    fn new(
        id: String,
        label: String,
        name: String,
        mentions: Vec<Mention>,
        titles: Vec<String>,
        roles: Vec<String>,
        gender: Option<String>,
    ) -> Entity {
        Entity { id, label, name, mentions, titles, roles, gender }
    }
    fn __repr__(&self) -> String {
        format!("Entity({:?}, {}, {}, {} mentions)", self.id, self.label, short(&self.name), self.mentions.len())
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get().clone();
        reduce(slf, (s.id, s.label, s.name, s.mentions, s.titles, s.roles, s.gender))
    }
}

/// Who said a quote: the local mention the attribution names, and what it resolves to.
///
/// Attributes:
///     start: Code point offset of the mention ("he", "Mr. Wen", "the ministry").
///     end: Code point offset one past its end.
///     text: The mention as written.
///     name: The resolved name ("Tomas Halden"), or None.
///     entity: The resolved entity's id (``"e7"``), or None.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Speaker {
    /// Code point offset of the mention ("he", "Mr. Wen", "the ministry").
    pub start: usize,
    /// Code point offset one past its end.
    pub end: usize,
    /// The mention as written.
    pub text: String,
    /// The resolved name ("Tomas Halden"), or None.
    pub name: Option<String>,
    /// The resolved entity's id (``"e7"``), or None.
    pub entity: Option<String>,
}

#[pymethods]
impl Speaker {
    #[new]
    #[pyo3(signature = (start, end, text, name=None, entity=None))]
    fn new(start: usize, end: usize, text: String, name: Option<String>, entity: Option<String>) -> Speaker {
        Speaker { start, end, text, name, entity }
    }
    fn __repr__(&self) -> String {
        format!("Speaker({}, {}, {}, name={})", self.start, self.end, short(&self.text), opt(&self.name))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get().clone();
        reduce(slf, (s.start, s.end, s.text, s.name, s.entity))
    }
}

/// A quotation or reported statement.
///
/// Attributes:
///     id: ``"q1"``, ``"q2"``, ...
///     kind: ``"direct"`` (inside quotation marks), ``"mixed"`` or ``"indirect"``.
///     start: Code point offset of the content (for direct quotes, inside the marks).
///     end: Code point offset one past its end.
///     text: The content.
///     speaker: Who said it, or None when the text names nobody.
///     cue: The reporting expression ("said", "according to"), or None.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Quote {
    /// ``"q1"``, ``"q2"``, ...
    pub id: String,
    /// ``"direct"`` (inside quotation marks), ``"mixed"`` or ``"indirect"``.
    pub kind: String,
    /// Code point offset of the content (for direct quotes, inside the marks).
    pub start: usize,
    /// Code point offset one past its end.
    pub end: usize,
    /// The content.
    pub text: String,
    /// Who said it, or None when the text names nobody.
    pub speaker: Option<Speaker>,
    /// The reporting expression ("said", "according to"), or None.
    pub cue: Option<Span>,
}

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (id, kind, start, end, text, speaker=None, cue=None))]
    fn new(
        id: String,
        kind: String,
        start: usize,
        end: usize,
        text: String,
        speaker: Option<Speaker>,
        cue: Option<Span>,
    ) -> Quote {
        Quote { id, kind, start, end, text, speaker, cue }
    }
    fn __repr__(&self) -> String {
        let who =
            self.speaker.as_ref().map_or_else(|| "None".to_string(), |s| short(s.name.as_deref().unwrap_or(&s.text)));
        format!("Quote({:?}, {}, {}, speaker={})", self.id, self.kind, short(&self.text), who)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get().clone();
        reduce(slf, (s.id, s.kind, s.start, s.end, s.text, s.speaker, s.cue))
    }
}

/// A time expression, normalised against the publication date (TIMEX3 conventions).
///
/// Attributes:
///     start: Code point offset of the first character (leading prepositions excluded).
///     end: Code point offset one past the last character.
///     text: The expression as written.
///     type: ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
///     value: The TIMEX3 value (``"2023-02-28"``, ``"P3D"``, ``"PAST_REF"``), or None.
///     mod: The TIMEX3 modifier (``"APPROX"``, ``"START"``, ...), or None.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Timex {
    /// Code point offset of the first character (leading prepositions excluded).
    pub start: usize,
    /// Code point offset one past the last character.
    pub end: usize,
    /// The expression as written.
    pub text: String,
    /// ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
    pub r#type: String,
    /// The TIMEX3 value (``"2023-02-28"``, ``"P3D"``, ``"PAST_REF"``), or None.
    pub value: Option<String>,
    /// The TIMEX3 modifier (``"APPROX"``, ``"START"``, ...), or None.
    pub r#mod: Option<String>,
}

#[pymethods]
impl Timex {
    #[new]
    #[pyo3(signature = (start, end, text, r#type, value=None, r#mod=None))]
    fn new(
        start: usize,
        end: usize,
        text: String,
        r#type: String,
        value: Option<String>,
        r#mod: Option<String>,
    ) -> Timex {
        Timex { start, end, text, r#type, value, r#mod }
    }
    fn __repr__(&self) -> String {
        format!(
            "Timex({}, {}, {}, {}, value={})",
            self.start,
            self.end,
            short(&self.text),
            self.r#type,
            opt(&self.value)
        )
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get().clone();
        reduce(slf, (s.start, s.end, s.text, s.r#type, s.value, s.r#mod))
    }
}

/// Something that went oddly during the parse but did not stop it.
///
/// Attributes:
///     kind: ``unbalanced_quotes``, ``deep_nesting``, ``large_input``, ``suspicious_content``,
///         ``lossy_decoding`` or ``no_article``.
///     message: A human-readable description.
#[pyclass(frozen, eq, hash, get_all, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParseWarning {
    /// ``unbalanced_quotes``, ``deep_nesting``, ``large_input``, ``suspicious_content``, ``lossy_decoding`` or ``no_article``.
    pub kind: String,
    /// A human-readable description.
    pub message: String,
}

#[pymethods]
impl ParseWarning {
    #[new]
    fn new(kind: String, message: String) -> ParseWarning {
        ParseWarning { kind, message }
    }
    fn __repr__(&self) -> String {
        format!("ParseWarning({:?}, {})", self.kind, short(&self.message))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get().clone();
        reduce(slf, (s.kind, s.message))
    }
}

/// What an HTML page says about itself (``Article.source``), from JSON-LD, Open Graph,
/// ``<meta>`` and ``<time>`` elements, and the URL. Each field is ``None`` (or ``[]``) when the
/// page does not say.
///
/// Attributes:
///     format: ``"html"``.
///     url: The URL the page came from, as given.
///     canonical_url: The page's canonical URL.
///     site_name: The publication's name.
///     language: The page's language ("en", "en-GB").
///     description: The page's summary.
///     section: The section or desk.
///     tags: Keywords and tags.
///     image: The lead image's URL.
///     published_at: The publication time as the page gives it (ISO 8601).
///     modified_at: The last modification time as the page gives it.
///     encoding: The character encoding the page was decoded from.
#[pyclass(frozen, eq, get_all, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Source {
    /// ``"html"``.
    pub format: String,
    /// The URL the page came from.
    pub url: Option<String>,
    /// The page's canonical URL.
    pub canonical_url: Option<String>,
    /// The publication's name.
    pub site_name: Option<String>,
    /// The page's language.
    pub language: Option<String>,
    /// The page's summary.
    pub description: Option<String>,
    /// The section or desk.
    pub section: Option<String>,
    /// Keywords and tags.
    pub tags: Vec<String>,
    /// The lead image's URL.
    pub image: Option<String>,
    /// The publication time (ISO 8601, as given).
    pub published_at: Option<String>,
    /// The last modification time (ISO 8601, as given).
    pub modified_at: Option<String>,
    /// The character encoding the page was decoded from.
    pub encoding: Option<String>,
}

impl Source {
    /// The Python view of a page's metadata.
    pub fn new(s: &byline_core::Source) -> Source {
        let format =
            serde_json::to_value(s.format).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
        Source {
            format,
            url: s.url.clone(),
            canonical_url: s.canonical_url.clone(),
            site_name: s.site_name.clone(),
            language: s.language.clone(),
            description: s.description.clone(),
            section: s.section.clone(),
            tags: s.tags.clone(),
            image: s.image.clone(),
            published_at: s.published_at.clone(),
            modified_at: s.modified_at.clone(),
            encoding: s.encoding.clone(),
        }
    }
}

#[pymethods]
impl Source {
    fn __repr__(&self) -> String {
        format!(
            "Source(url={}, site_name={}, published_at={})",
            opt(&self.url.as_deref().map(short)),
            opt(&self.site_name.as_deref().map(short)),
            opt(&self.published_at)
        )
    }
}

/// Adds the value classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Span>()?;
    m.add_class::<Paragraph>()?;
    m.add_class::<Sentence>()?;
    m.add_class::<Dateline>()?;
    m.add_class::<Mention>()?;
    m.add_class::<Entity>()?;
    m.add_class::<Speaker>()?;
    m.add_class::<Quote>()?;
    m.add_class::<Timex>()?;
    m.add_class::<ParseWarning>()?;
    m.add_class::<Source>()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repr_text_is_bounded_and_cut_on_characters() {
        let long = "é".repeat(100);
        let s = short(&long);
        assert_eq!(s.chars().count(), REPR_CHARS + 3); // two quotes and the ellipsis
        assert!(s.ends_with("…\""));
        assert_eq!(short("ok"), "\"ok\"");
    }
}
