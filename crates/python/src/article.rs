//! `byline.Article`: a thin, immutable wrapper over the Rust article.

use std::sync::{Arc, OnceLock};

use byline_core::json::{field_names, WireArticle};
use byline_core::{JsonOptions, SCHEMA_VERSION};
use pyo3::exceptions::{PyKeyError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyTuple, PyType};

use crate::convert::{date_to_py, json_to_py, Objects};
use crate::errors;
use crate::objects::{short, Dateline, Entity, Mention, Paragraph, ParseWarning, Quote, Sentence, Source, Timex};

/// One parsed news article.
///
/// Offsets are Unicode code point offsets into ``text``, so ``article.text[q.start:q.end] == q.text``
/// for every span. The article also reads like the JSON contract's dict: ``article["quotes"]`` is
/// ``article.to_dict()["quotes"]``.
///
/// Articles are immutable, compare equal when their content is equal, and pickle.
#[pyclass(frozen, module = "byline")]
pub struct Article {
    inner: Arc<byline_core::Article>,
    /// The contract view (code point offsets, ids), built on first use: many articles of a
    /// batch are never asked for an offset.
    wire: OnceLock<WireArticle>,
    /// The contract view as a JSON value (without the text), built on the first `to_dict` or
    /// `article[key]`, so that reading keys one by one does not serialise the article each time.
    value: OnceLock<serde_json::Value>,
}

impl Article {
    /// Wraps a parsed article.
    pub fn new(article: byline_core::Article) -> Article {
        Article { inner: Arc::new(article), wire: OnceLock::new(), value: OnceLock::new() }
    }

    /// The wrapped Rust article, shared.
    pub fn shared(&self) -> Arc<byline_core::Article> {
        Arc::clone(&self.inner)
    }

    fn wire(&self) -> &WireArticle {
        self.wire.get_or_init(|| self.inner.to_wire(false))
    }

    fn objects(&self) -> Objects<'_> {
        Objects::new(&self.inner, self.wire())
    }

    fn value(&self) -> &serde_json::Value {
        self.value.get_or_init(|| serde_json::to_value(self.wire()).expect("article serialises"))
    }

    fn json(&self, include_text: bool, pretty: bool) -> String {
        self.inner.to_json(&JsonOptions { pretty, include_text })
    }

    /// The keys of the contract's dict (`to_dict(include_text=True)`), in the contract's order:
    /// the fields of [`WireArticle`], `source` only when the input was a page.
    fn key_list(&self) -> impl Iterator<Item = &'static str> + '_ {
        field_names::<WireArticle>().iter().copied().filter(|k| *k == "text" || self.value().get(*k).is_some())
    }
}

impl PartialEq for Article {
    fn eq(&self, other: &Article) -> bool {
        self.inner == other.inner
    }
}

#[pymethods]
impl Article {
    /// The record's id (batch input id or file path), or None.
    #[getter]
    fn id(&self) -> Option<&str> {
        self.inner.id.as_deref()
    }

    /// The text exactly as given; every offset points into it.
    #[getter]
    fn text(&self) -> &str {
        &self.inner.text
    }

    /// What the HTML page said about itself, or ``None`` for plain text.
    #[getter]
    fn source(&self) -> Option<Source> {
        self.inner.source.as_ref().map(Source::new)
    }

    /// The headline, or None.
    #[getter]
    fn title(&self) -> Option<&str> {
        self.inner.title.as_deref()
    }

    /// The standfirst under the headline, or None.
    #[getter]
    fn subtitle(&self) -> Option<&str> {
        self.inner.subtitle.as_deref()
    }

    /// Names from the byline.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.inner.authors.clone()
    }

    /// Names from credit lines ("Additional reporting by ...").
    #[getter]
    fn contributors(&self) -> Vec<String> {
        self.inner.contributors.clone()
    }

    /// The publication date (given by the caller or found in the text) as a ``datetime.date``, or None.
    #[getter]
    fn published<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyAny>>> {
        self.inner.published.map(|d| date_to_py(py, d)).transpose()
    }

    /// The dateline ("KYIV, Ukraine —"), or None.
    #[getter]
    fn dateline(&self) -> Option<Dateline> {
        self.objects().dateline()
    }

    /// Every paragraph, boilerplate included, with its role.
    #[getter]
    fn paragraphs(&self) -> Vec<Paragraph> {
        self.objects().paragraphs()
    }

    /// Sentences of the paragraphs that are not boilerplate.
    #[getter]
    fn sentences(&self) -> Vec<Sentence> {
        self.objects().sentences()
    }

    /// Named entities, one per referent, each with all its mentions.
    #[getter]
    fn entities(&self) -> Vec<Entity> {
        self.objects().entities()
    }

    /// Every entity mention in text order, each with its entity's id.
    #[getter]
    fn mentions(&self) -> Vec<Mention> {
        self.objects().mentions()
    }

    /// Quotations and reported statements, with speakers and cues.
    #[getter]
    fn quotes(&self) -> Vec<Quote> {
        self.objects().quotes()
    }

    /// Time expressions, normalised against the publication date.
    #[getter]
    fn timexes(&self) -> Vec<Timex> {
        self.objects().timexes()
    }

    /// Things that went oddly but did not stop the parse.
    #[getter]
    fn warnings(&self) -> Vec<ParseWarning> {
        self.objects().warnings()
    }

    /// The article as the JSON contract's dict (``docs/schema.md``), as ``json.loads(article.to_json())``.
    ///
    /// Args:
    ///     include_text: Add the article text as a ``"text"`` key.
    ///
    /// Returns:
    ///     A new dict; changing it does not change the article.
    #[pyo3(signature = (*, include_text=false))]
    fn to_dict<'py>(&self, py: Python<'py>, include_text: bool) -> PyResult<Bound<'py, PyAny>> {
        let dict = json_to_py(py, self.value())?;
        if include_text {
            dict.set_item("text", self.inner.text.as_str())?;
        }
        Ok(dict)
    }

    /// The article as JSON text, exactly as ``byline parse`` prints it.
    ///
    /// Args:
    ///     include_text: Add the article text as a ``"text"`` field, so ``Article.from_json`` can read it back.
    ///     pretty: Indent the JSON.
    #[pyo3(signature = (*, include_text=false, pretty=false))]
    fn to_json(&self, include_text: bool, pretty: bool) -> String {
        self.json(include_text, pretty)
    }

    /// Reads an article back from its JSON (``to_json(include_text=True)``, or a ``byline batch``
    /// output line together with its ``text``).
    ///
    /// Args:
    ///     json: The article JSON.
    ///     text: The article text, needed when the JSON has no ``"text"`` field.
    ///
    /// Raises:
    ///     InvalidJsonError: The JSON is malformed, lacks a field, or its offsets do not fit the text.
    #[classmethod]
    #[pyo3(signature = (json, text=None))]
    fn from_json(_cls: &Bound<'_, PyType>, json: &str, text: Option<&str>) -> PyResult<Article> {
        let article = byline_core::Article::from_json(json, text).map_err(|e| errors::to_py(e, None))?;
        Ok(Article::new(article))
    }

    /// Reads an article back from the dict ``to_dict(include_text=True)`` gives.
    ///
    /// Args:
    ///     data: The article dict.
    ///     text: The article text, needed when the dict has no ``"text"`` key.
    ///
    /// Raises:
    ///     InvalidJsonError: The dict does not follow the contract or its offsets do not fit the text.
    #[classmethod]
    #[pyo3(signature = (data, text=None))]
    fn from_dict(cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>, text: Option<&str>) -> PyResult<Article> {
        if !data.is_instance_of::<PyDict>() {
            return Err(PyTypeError::new_err("from_dict expects a dict"));
        }
        let json: String = cls.py().import("json")?.call_method1("dumps", (data,))?.extract()?;
        Article::from_json(cls, &json, text)
    }

    /// The contract's keys, as ``to_dict(include_text=True)`` has them.
    fn keys(&self) -> Vec<&'static str> {
        self.key_list().collect()
    }

    /// ``article[key]`` is ``article.to_dict(include_text=True)[key]``.
    ///
    /// Raises:
    ///     KeyError: The key is not one of ``keys()``.
    fn __getitem__<'py>(&self, py: Python<'py>, key: &str) -> PyResult<Bound<'py, PyAny>> {
        match key {
            "schema" => Ok(SCHEMA_VERSION.into_pyobject(py)?.into_any()),
            "text" => Ok(self.inner.text.as_str().into_pyobject(py)?.into_any()),
            _ => match self.value().get(key) {
                Some(v) => json_to_py(py, v),
                None => Err(PyKeyError::new_err(key.to_string())),
            },
        }
    }

    /// True when ``key`` is one of ``keys()``.
    fn __contains__(&self, key: &str) -> bool {
        self.key_list().any(|k| k == key)
    }

    /// ``article[key]``, or ``default`` when ``key`` is not one of ``keys()``.
    #[pyo3(signature = (key, default=None))]
    fn get<'py>(
        &self,
        py: Python<'py>,
        key: &str,
        default: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Option<Bound<'py, PyAny>>> {
        if self.__contains__(key) {
            self.__getitem__(py, key).map(Some)
        } else {
            Ok(default)
        }
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Article>().is_ok_and(|o| *self == *o.get())
    }

    fn __repr__(&self) -> String {
        let a = &self.inner;
        let title = a.title.as_deref().map_or_else(|| "None".to_string(), short);
        let published = a.published.map_or_else(|| "None".to_string(), |d| d.to_string());
        format!(
            "Article(title={title}, published={published}, {} paragraphs, {} sentences, {} entities, {} quotes, {} timexes)",
            a.paragraphs.len(),
            a.sentences.len(),
            a.entities.len(),
            a.quotes.len(),
            a.timexes.len()
        )
    }

    /// Pickles as the JSON with its text: ``(Article.from_json, (json,))``.
    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyTuple>> {
        let py = slf.py();
        let from_json = py.get_type::<Article>().getattr("from_json")?;
        let args = PyTuple::new(py, [slf.get().json(true, false)])?;
        PyTuple::new(py, [from_json, args.into_any()])
    }

    /// The article as HTML for Jupyter: quotes highlighted and linked to their speakers,
    /// entities colour-coded, with a legend (see ``byline.render_html``).
    fn _repr_html_(&self, py: Python<'_>) -> PyResult<String> {
        crate::render::html(py, self, false)
    }
}
