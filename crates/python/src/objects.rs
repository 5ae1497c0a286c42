//! The small value classes an `Article` hands out: spans, mentions, entities, quotes, time
//! expressions. Each wraps the JSON contract's struct for it (`byline_core::json`, the one
//! definition of what an entity or a quote holds), with code point offsets into `Article.text`,
//! so `article.text[x.start:x.end] == x.text`; a few add what the binding gives besides (a
//! paragraph's text, a mention's entity id). Each is immutable, comparable, hashable and
//! picklable; names of the contract's enumerations are strings, checked when an object is built.

use std::str::FromStr;

use byline_core::json::{
    WireDateline, WireEntity, WireMention, WireParagraph, WireQuote, WireSentence, WireSpan, WireSpeaker, WireTimex,
};
use byline_core::{UnknownName, Warning};
use pyo3::exceptions::PyValueError;
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

/// A contract enumeration from its name, or a `ValueError` naming the names it could be.
fn name<T: FromStr<Err = UnknownName>>(s: &str) -> PyResult<T> {
    s.parse().map_err(|e: UnknownName| PyValueError::new_err(e.to_string()))
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
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Span(pub WireSpan);

#[pymethods]
impl Span {
    #[new]
    fn new(start: usize, end: usize, text: String) -> Span {
        Span(WireSpan { start, end, text })
    }
    /// Code point offset of the first character.
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    /// Code point offset one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    /// ``article.text[start:end]``.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    fn __repr__(&self) -> String {
        format!("Span({}, {}, {})", self.0.start, self.0.end, short(&self.0.text))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = &slf.get().0;
        reduce(slf, (s.start, s.end, s.text.clone()))
    }
}

/// A paragraph and its role in the layout.
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Paragraph {
    /// The contract's paragraph.
    pub wire: WireParagraph,
    /// Its text, which the contract leaves out.
    pub text: String,
}

#[pymethods]
impl Paragraph {
    #[new]
    fn new(start: usize, end: usize, text: String, role: &str) -> PyResult<Paragraph> {
        Ok(Paragraph { wire: WireParagraph { start, end, role: name(role)? }, text })
    }
    /// Code point offset of the first character.
    #[getter]
    fn start(&self) -> usize {
        self.wire.start
    }
    /// Code point offset one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.wire.end
    }
    /// The paragraph's text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// One of ``title``, ``subtitle``, ``byline``, ``dateline``, ``heading`` (a subhead), ``body``,
    /// ``caption``, ``credit``, ``boilerplate``.
    #[getter]
    fn role(&self) -> &'static str {
        self.wire.role.as_str()
    }
    fn __repr__(&self) -> String {
        let w = &self.wire;
        format!("Paragraph({}, {}, {}, role={:?})", w.start, w.end, short(&self.text), w.role.as_str())
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        reduce(slf, (s.wire.start, s.wire.end, s.text.clone(), s.wire.role.as_str()))
    }
}

/// A sentence.
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// The contract's sentence.
    pub wire: WireSentence,
    /// Its text, which the contract leaves out.
    pub text: String,
}

#[pymethods]
impl Sentence {
    #[new]
    fn new(start: usize, end: usize, text: String, paragraph: usize) -> Sentence {
        Sentence { wire: WireSentence { start, end, paragraph }, text }
    }
    /// Code point offset of the first character.
    #[getter]
    fn start(&self) -> usize {
        self.wire.start
    }
    /// Code point offset one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.wire.end
    }
    /// The sentence's text.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    /// Index of its paragraph in ``Article.paragraphs``.
    #[getter]
    fn paragraph(&self) -> usize {
        self.wire.paragraph
    }
    fn __repr__(&self) -> String {
        let w = &self.wire;
        format!("Sentence({}, {}, {}, paragraph={})", w.start, w.end, short(&self.text), w.paragraph)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        reduce(slf, (s.wire.start, s.wire.end, s.text.clone(), s.wire.paragraph))
    }
}

/// The dateline that opens the article ("KYIV, Ukraine —").
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Dateline {
    /// The contract's dateline.
    pub wire: WireDateline,
    /// Its text, which the contract leaves out.
    pub text: String,
}

#[pymethods]
impl Dateline {
    #[new]
    fn new(place: String, start: usize, end: usize, text: String) -> Dateline {
        Dateline { wire: WireDateline { place, start, end }, text }
    }
    /// The place as written ("KYIV, Ukraine").
    #[getter]
    fn place(&self) -> &str {
        &self.wire.place
    }
    /// Code point offset of the whole dateline.
    #[getter]
    fn start(&self) -> usize {
        self.wire.start
    }
    /// Code point offset one past its end.
    #[getter]
    fn end(&self) -> usize {
        self.wire.end
    }
    /// The whole dateline, dash or agency included.
    #[getter]
    fn text(&self) -> &str {
        &self.text
    }
    fn __repr__(&self) -> String {
        format!("Dateline({}, {}, {})", short(&self.wire.place), self.wire.start, self.wire.end)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        reduce(slf, (s.wire.place.clone(), s.wire.start, s.wire.end, s.text.clone()))
    }
}

/// One place where an entity is named or, for a nominal mention, described ("the ministry").
/// The span covers the name only, without title or "’s".
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Mention {
    /// The contract's mention.
    pub wire: WireMention,
    /// The id of its entity, which the contract gives by nesting.
    pub entity: String,
}

#[pymethods]
impl Mention {
    #[new]
    #[pyo3(signature = (start, end, text, entity, kind="name"))]
    fn new(start: usize, end: usize, text: String, entity: String, kind: &str) -> PyResult<Mention> {
        Ok(Mention { wire: WireMention { start, end, text, kind: name(kind)? }, entity })
    }
    /// Code point offset of the first character.
    #[getter]
    fn start(&self) -> usize {
        self.wire.start
    }
    /// Code point offset one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.wire.end
    }
    /// The mention as written.
    #[getter]
    fn text(&self) -> &str {
        &self.wire.text
    }
    /// The id of the entity it refers to (``"e3"``).
    #[getter]
    fn entity(&self) -> &str {
        &self.entity
    }
    /// ``"name"`` (the name or part of it) or ``"nominal"`` (a description such as "the ministry"
    /// that can only mean this entity here).
    #[getter]
    fn kind(&self) -> &'static str {
        self.wire.kind.as_str()
    }
    fn __repr__(&self) -> String {
        let w = &self.wire;
        format!(
            "Mention({}, {}, {}, entity={:?}, kind={:?})",
            w.start,
            w.end,
            short(&w.text),
            self.entity,
            w.kind.as_str()
        )
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let w = &s.wire;
        reduce(slf, (w.start, w.end, w.text.clone(), s.entity.clone(), w.kind.as_str()))
    }
}

/// One real-world referent and all its mentions in the article.
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Entity(pub WireEntity);

impl Entity {
    /// Its mentions as Python objects, each with the entity's id.
    pub fn mention_objects(&self) -> impl Iterator<Item = Mention> + '_ {
        self.0.mentions.iter().map(|m| Mention { wire: m.clone(), entity: self.0.id.clone() })
    }
}

#[pymethods]
impl Entity {
    #[new]
    #[pyo3(signature = (id, label, name, mentions, titles=Vec::new(), roles=Vec::new(), gender=None, gender_by=None))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        id: String,
        label: &str,
        name: String,
        mentions: Vec<Mention>,
        titles: Vec<String>,
        roles: Vec<String>,
        gender: Option<&str>,
        gender_by: Option<&str>,
    ) -> PyResult<Entity> {
        Ok(Entity(WireEntity {
            id,
            label: self::name(label)?,
            name,
            mentions: mentions.into_iter().map(|m| m.wire).collect(),
            titles,
            roles,
            gender: gender.map(self::name).transpose()?,
            gender_by: gender_by.map(self::name).transpose()?,
        }))
    }
    /// ``"e1"``, ``"e2"``, ...; quotes' speakers refer to it.
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// ``PERSON``, ``ORG``, ``GPE``, ``LOC``, ``NORP``, ``FAC``, ``EVENT``, ``PRODUCT``,
    /// ``WORK_OF_ART`` or ``LAW``.
    #[getter]
    fn label(&self) -> &'static str {
        self.0.label.as_str()
    }
    /// The fullest form of the name.
    #[getter]
    fn name(&self) -> &str {
        &self.0.name
    }
    /// Every mention, in text order.
    #[getter]
    fn mentions(&self) -> Vec<Mention> {
        self.mention_objects().collect()
    }
    /// Titles and honorifics seen before the name ("President").
    #[getter]
    fn titles(&self) -> Vec<String> {
        self.0.titles.clone()
    }
    /// Descriptions from appositives and "X of Y" ("president of Chile").
    #[getter]
    fn roles(&self) -> Vec<String> {
        self.0.roles.clone()
    }
    /// ``"male"``, ``"female"`` or None.
    #[getter]
    fn gender(&self) -> Option<&'static str> {
        self.0.gender.map(|g| g.as_str())
    }
    /// What told the gender: ``"honorific"``, ``"first_name"``, ``"pronoun"``, or None.
    #[getter]
    fn gender_by(&self) -> Option<&'static str> {
        self.0.gender_by.map(|g| g.as_str())
    }
    fn __repr__(&self) -> String {
        let e = &self.0;
        format!("Entity({:?}, {}, {}, {} mentions)", e.id, e.label.as_str(), short(&e.name), e.mentions.len())
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get();
        let e = &s.0;
        let mentions: Vec<Mention> = s.mention_objects().collect();
        let (gender, gender_by) = (e.gender.map(|g| g.as_str()), e.gender_by.map(|g| g.as_str()));
        let (titles, roles) = (e.titles.clone(), e.roles.clone());
        reduce(slf, (e.id.clone(), e.label.as_str(), e.name.clone(), mentions, titles, roles, gender, gender_by))
    }
}

/// Who said a quote: the local mention the attribution names, and what it resolves to.
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Speaker(pub WireSpeaker);

#[pymethods]
impl Speaker {
    #[new]
    #[pyo3(signature = (start, end, text, name=None, entity=None, kind="unresolved"))]
    fn new(
        start: usize,
        end: usize,
        text: String,
        name: Option<String>,
        entity: Option<String>,
        kind: &str,
    ) -> PyResult<Speaker> {
        Ok(Speaker(WireSpeaker { start, end, text, name, entity, kind: self::name(kind)? }))
    }
    /// Code point offset of the mention ("he", "Mr. Wen", "the ministry").
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    /// Code point offset one past its end.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    /// The mention as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// The resolved name ("Tomas Halden"), or None.
    #[getter]
    fn name(&self) -> Option<&str> {
        self.0.name.as_deref()
    }
    /// The resolved entity's id (``"e7"``), or None.
    #[getter]
    fn entity(&self) -> Option<&str> {
        self.0.entity.as_deref()
    }
    /// Whose voice it is: ``"person"``, ``"organization"``, ``"anonymous"``, ``"document"`` or
    /// ``"unresolved"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    fn __repr__(&self) -> String {
        let s = &self.0;
        format!("Speaker({}, {}, {}, name={}, kind={})", s.start, s.end, short(&s.text), opt(&s.name), s.kind.as_str())
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let s = slf.get().0.clone();
        reduce(slf, (s.start, s.end, s.text, s.name, s.entity, s.kind.as_str()))
    }
}

/// A quotation or reported statement.
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Quote(pub WireQuote);

#[pymethods]
impl Quote {
    #[new]
    #[pyo3(signature = (id, kind, start, end, text, speaker=None, cue=None))]
    fn new(
        id: String,
        kind: &str,
        start: usize,
        end: usize,
        text: String,
        speaker: Option<Speaker>,
        cue: Option<Span>,
    ) -> PyResult<Quote> {
        let (speaker, cue) = (speaker.map(|s| s.0), cue.map(|c| c.0));
        Ok(Quote(WireQuote { id, kind: name(kind)?, start, end, text, speaker, cue }))
    }
    /// ``"q1"``, ``"q2"``, ...
    #[getter]
    fn id(&self) -> &str {
        &self.0.id
    }
    /// ``"direct"`` (inside quotation marks), ``"mixed"`` or ``"indirect"``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// Code point offset of the content (for direct quotes, inside the marks).
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    /// Code point offset one past its end.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    /// The content.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// Who said it, or None when the text names nobody.
    #[getter]
    fn speaker(&self) -> Option<Speaker> {
        self.0.speaker.clone().map(Speaker)
    }
    /// The reporting expression ("said", "according to"), or None.
    #[getter]
    fn cue(&self) -> Option<Span> {
        self.0.cue.clone().map(Span)
    }
    fn __repr__(&self) -> String {
        let q = &self.0;
        let who =
            q.speaker.as_ref().map_or_else(|| "None".to_string(), |s| short(s.name.as_deref().unwrap_or(&s.text)));
        format!("Quote({:?}, {}, {}, speaker={})", q.id, q.kind.as_str(), short(&q.text), who)
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let q = slf.get().0.clone();
        let (speaker, cue) = (q.speaker.map(Speaker), q.cue.map(Span));
        reduce(slf, (q.id, q.kind.as_str(), q.start, q.end, q.text, speaker, cue))
    }
}

/// A time expression, normalised against the publication date (TIMEX3 conventions).
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Timex(pub WireTimex);

#[pymethods]
impl Timex {
    #[new]
    #[pyo3(signature = (start, end, text, r#type, value=None, r#mod=None))]
    fn new(
        start: usize,
        end: usize,
        text: String,
        r#type: &str,
        value: Option<String>,
        r#mod: Option<&str>,
    ) -> PyResult<Timex> {
        let modifier = r#mod.map(name).transpose()?;
        Ok(Timex(WireTimex { start, end, text, kind: name(r#type)?, value, modifier }))
    }
    /// Code point offset of the first character (leading prepositions excluded).
    #[getter]
    fn start(&self) -> usize {
        self.0.start
    }
    /// Code point offset one past the last character.
    #[getter]
    fn end(&self) -> usize {
        self.0.end
    }
    /// The expression as written.
    #[getter]
    fn text(&self) -> &str {
        &self.0.text
    }
    /// ``DATE``, ``TIME``, ``DURATION`` or ``SET``.
    #[getter]
    fn r#type(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// The TIMEX3 value (``"2023-02-28"``, ``"P3D"``, ``"PAST_REF"``), or None.
    #[getter]
    fn value(&self) -> Option<&str> {
        self.0.value.as_deref()
    }
    /// The TIMEX3 modifier (``"APPROX"``, ``"START"``, ...), or None.
    #[getter]
    fn r#mod(&self) -> Option<&'static str> {
        self.0.modifier.map(|m| m.as_str())
    }
    fn __repr__(&self) -> String {
        let t = &self.0;
        format!("Timex({}, {}, {}, {}, value={})", t.start, t.end, short(&t.text), t.kind.as_str(), opt(&t.value))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let t = slf.get().0.clone();
        reduce(slf, (t.start, t.end, t.text, t.kind.as_str(), t.value, t.modifier.map(|m| m.as_str())))
    }
}

/// Something that went oddly during the parse but did not stop it.
#[pyclass(frozen, eq, hash, from_py_object, module = "byline")]
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ParseWarning(pub Warning);

#[pymethods]
impl ParseWarning {
    #[new]
    fn new(kind: &str, message: String) -> PyResult<ParseWarning> {
        Ok(ParseWarning(Warning { kind: name(kind)?, message }))
    }
    /// ``unbalanced_quotes``, ``deep_nesting``, ``large_input``, ``suspicious_content``,
    /// ``lossy_decoding`` or ``no_article``.
    #[getter]
    fn kind(&self) -> &'static str {
        self.0.kind.as_str()
    }
    /// A human-readable description.
    #[getter]
    fn message(&self) -> &str {
        &self.0.message
    }
    fn __repr__(&self) -> String {
        format!("ParseWarning({:?}, {})", self.0.kind.as_str(), short(&self.0.message))
    }
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let w = slf.get().0.clone();
        reduce(slf, (w.kind.as_str(), w.message))
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
