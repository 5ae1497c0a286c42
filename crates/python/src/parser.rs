//! `byline.Parser` and the module-level `parse`, `parse_many` and `parse_files`.
//!
//! Every entry point extracts its Python inputs into Rust values first, then does the work with
//! the GIL released ([`without_gil`]); many articles go through the batch engine on a rayon pool.

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use byline_batch::readers::{Location, ReadOptions, Reader};
use byline_batch::{parse_input, ErrorKind, ErrorRecord, HtmlPage, Record};
use byline_core::{Config, Date};
use pyo3::exceptions::{PyOSError, PyTypeError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use crate::article::Article;
use crate::convert::date_from_py;
use crate::detach::{pipeline, without_gil};
use crate::errors;

/// Text given as `str` or as UTF-8 `bytes`.
enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    fn extract(value: &Bound<'_, PyAny>, what: &str) -> PyResult<Input> {
        if let Ok(s) = value.cast::<PyString>() {
            return Ok(Input::Text(s.to_str()?.to_owned()));
        }
        if let Ok(b) = value.cast::<PyBytes>() {
            return Ok(Input::Bytes(b.as_bytes().to_vec()));
        }
        Err(PyTypeError::new_err(format!("{what} must be str or bytes, not {}", value.get_type().name()?)))
    }
}

/// A record before the size check and decoding: what Python gave, and its id and dates.
struct RawRecord {
    id: Option<String>,
    input: Input,
    /// The record's own date (for text, the call's `published` when it gives none).
    published: Option<Date>,
    /// The input is an HTML page (its URL, and the call's `published` as its default date).
    page: Option<HtmlPage>,
}

/// How `parse_many` reads its items (its `format` argument).
#[derive(Clone, Copy, PartialEq, Eq)]
enum ItemFormat {
    /// Strings and pairs are text; a dict with ``"html"`` is a page, else its ``"text"`` is text.
    Auto,
    /// Every item is text; a dict's ``"text"`` is read.
    Text,
    /// Every item is an HTML page; a dict's ``"html"`` is read.
    Html,
}

impl ItemFormat {
    fn from_arg(format: Option<&str>) -> PyResult<ItemFormat> {
        match format {
            None => Ok(ItemFormat::Auto),
            Some("text") => Ok(ItemFormat::Text),
            Some("html") => Ok(ItemFormat::Html),
            Some(other) => {
                Err(errors::InvalidOptionError::new_err(format!("format must be \"text\" or \"html\", not {other:?}")))
            }
        }
    }
}

fn record_label(i: usize, id: &Option<String>) -> String {
    match id {
        Some(id) => format!("record {i} (id {id:?})"),
        None => format!("record {i}"),
    }
}

/// `value` as an optional string (None for a missing key or `None`).
fn optional_str(value: Option<Bound<'_, PyAny>>) -> PyResult<Option<String>> {
    match value {
        Some(v) if !v.is_none() => Ok(Some(v.str()?.to_str()?.to_owned())),
        _ => Ok(None),
    }
}

/// Reads one item of `parse_many`'s input: a string, a dict with `text` or `html` (and `id`,
/// `published`, `url`), or an `(id, text)` pair.
fn extract_record(
    item: &Bound<'_, PyAny>,
    i: usize,
    published: Option<Date>,
    format: ItemFormat,
) -> PyResult<RawRecord> {
    let html = format == ItemFormat::Html;
    // `url` is `Some` (holding the page's URL, if any) for a dict record that is a page.
    let record = |id, input, own: Option<Date>, url: Option<Option<String>>| {
        if html || url.is_some() {
            let page = HtmlPage { url: url.flatten(), default_published: published, ..HtmlPage::default() };
            RawRecord { id, input, published: own, page: Some(page) }
        } else {
            RawRecord { id, input, published: own.or(published), page: None }
        }
    };
    let what = if html { "html" } else { "text" };
    if item.is_instance_of::<PyString>() || item.is_instance_of::<PyBytes>() {
        return Ok(record(None, Input::extract(item, what)?, None, None));
    }
    if let Ok(d) = item.cast::<PyDict>() {
        let id = optional_str(d.get_item("id")?)?;
        let label = record_label(i, &id);
        let page = match format {
            ItemFormat::Text => None,
            _ => d.get_item("html")?.filter(|v| !v.is_none()),
        };
        let (key, value) = match page {
            Some(page) => ("html", Some(page)),
            None if html => ("html", None),
            None => ("text", d.get_item("text")?),
        };
        let missing = match format {
            ItemFormat::Auto => "no \"text\" or \"html\" key".to_string(),
            _ => format!("no {key:?} key"),
        };
        let value = value.ok_or_else(|| errors::InvalidInputError::new_err(format!("{label}: {missing}")))?;
        let input = Input::extract(&value, &format!("{label}: {key:?}"))?;
        let own = match d.get_item("published")? {
            Some(p) if !p.is_none() => date_from_py(Some(&p)).map_err(|e| with_context(item.py(), e, &label))?,
            _ => None,
        };
        // A page's URL, when the record is one (`Some(None)`: a page without a URL).
        let url = (key == "html").then(|| optional_str(d.get_item("url")?)).transpose()?;
        return Ok(record(id, input, own, url));
    }
    if let Ok(t) = item.cast::<PyTuple>() {
        if t.len() == 2 {
            let id = optional_str(Some(t.get_item(0)?))?;
            let input = Input::extract(&t.get_item(1)?, &format!("{}: {what}", record_label(i, &id)))?;
            return Ok(record(id, input, None, None));
        }
    }
    Err(PyTypeError::new_err(format!(
        "record {i}: expected a str, a dict with \"text\" or \"html\" (and \"id\", \"published\", \"url\"), or an (id, text) pair, not {}",
        item.get_type().name()?
    )))
}

/// `err` with `context: ` before its message, keeping its type.
fn with_context(py: Python<'_>, err: PyErr, context: &str) -> PyErr {
    let msg = format!("{context}: {}", err.value(py));
    let ty = err.get_type(py);
    match ty.call1((msg,)) {
        Ok(e) => PyErr::from_value(e),
        Err(_) => err,
    }
}

/// The default parser, shared by the module-level functions.
fn default_parser() -> &'static Arc<byline_core::Parser> {
    static PARSER: OnceLock<Arc<byline_core::Parser>> = OnceLock::new();
    PARSER.get_or_init(|| Arc::new(byline_core::Parser::new()))
}

/// Parses news articles with a set of options; build it once and reuse it (it is immutable and
/// thread-safe).
///
/// Args:
///     max_bytes: Largest input accepted, in bytes (default 256 MiB).
///     lossy_utf8: For ``bytes`` input, replace invalid UTF-8 with U+FFFD (and warn) instead of
///         raising ``InvalidInputError`` (default False).
///     entities: Run the entities stage (default True).
///     quotes: Run the quotes stage (default True; it needs entities and runs them anyway).
///     timexes: Run the time expressions stage (default True).
///     plain_text: Read the input as bare body text: no headline, byline, dateline or
///         boilerplate detection (default False). For sentence splitting of non-article text.
///
/// Raises:
///     InvalidOptionError: An option has an impossible value (``max_bytes=0``).
#[pyclass(frozen, module = "byline")]
pub struct Parser {
    inner: Arc<byline_core::Parser>,
}

impl Parser {
    /// The core parser, for the other entry points of the binding.
    pub(crate) fn core(&self) -> &byline_core::Parser {
        &self.inner
    }

    fn config(&self) -> &Config {
        self.inner.config()
    }

    /// Parses one text with the GIL released.
    fn parse_one(&self, py: Python<'_>, input: Input, published: Option<Date>) -> PyResult<Article> {
        let parser = Arc::clone(&self.inner);
        without_gil(py, move || {
            let parsed = match &input {
                Input::Text(t) => parser.parse(t, published),
                Input::Bytes(b) => parser.parse_bytes(b, published),
            };
            parsed.map(Article::new).map_err(|e| errors::to_py(e, None))
        })
    }

    /// Parses records on the batch engine's pipeline, in input order, with the GIL released by
    /// the caller. Text is parsed as text (as `parse` does); bytes and HTML pages go through the
    /// engine's `parse_input` (UTF-8 check, binary sniffing, lossy decoding; `parse_page`).
    fn run_batch(&self, raw: Vec<RawRecord>, threads: Option<usize>) -> PyResult<Vec<Article>> {
        let parser: &byline_core::Parser = &self.inner;
        let parse = |r: RawRecord| match (r.input, r.page) {
            (Input::Text(text), None) => match parser.parse(&text, r.published) {
                Ok(mut a) => {
                    a.id = r.id;
                    Ok(a)
                }
                Err(e) => Err(ErrorRecord::from_core(r.id, &e)),
            },
            (input, html) => {
                let bytes = match input {
                    Input::Text(t) => t.into_bytes(),
                    Input::Bytes(b) => b,
                };
                parse_input(parser, Ok(Record { id: r.id, bytes, published: r.published, html, lossy: false }))
            }
        };
        let pipeline = pipeline(threads)?;
        // Chunks only so that Ctrl-C is seen between them: every record is in memory already.
        let chunk = CHECK_SIGNALS_EVERY.max(64 * pipeline.threads());
        let mut raw = raw.into_iter().peekable();
        let chunks = std::iter::from_fn(move || raw.peek().is_some().then(|| raw.by_ref().take(chunk).collect()));
        collect_articles(pipeline.run(chunks, parse).flatten())
    }
}

/// How many articles are parsed between two looks at Python's signal handlers.
const CHECK_SIGNALS_EVERY: usize = 512;

/// Wraps parsed articles in input order, raising the first failure; stops early with
/// `KeyboardInterrupt` (or whatever a signal handler raises) when the user interrupts.
fn collect_articles(parsed: impl Iterator<Item = Result<byline_core::Article, ErrorRecord>>) -> PyResult<Vec<Article>> {
    let mut out = Vec::new();
    for (i, r) in parsed.enumerate() {
        if i % CHECK_SIGNALS_EVERY == CHECK_SIGNALS_EVERY - 1 {
            Python::attach(|py| py.check_signals())?;
        }
        out.push(r.map(Article::new).map_err(|e| batch_error(i, e))?);
    }
    Python::attach(|py| py.check_signals())?;
    Ok(out)
}

/// The Python exception for a failed record, naming it.
fn batch_error(i: usize, e: ErrorRecord) -> PyErr {
    let msg = format!("{}: {}", record_label(i, &e.id), e.error);
    match e.kind {
        ErrorKind::TooLarge => errors::InputTooLargeError::new_err(msg),
        ErrorKind::Read => PyOSError::new_err(msg),
        ErrorKind::Format | ErrorKind::MissingText | ErrorKind::InvalidUtf8 | ErrorKind::Binary => {
            errors::InvalidInputError::new_err(msg)
        }
        _ => errors::BylineError::new_err(msg),
    }
}

/// Reads `parse_many`'s input into raw records, holding the GIL.
fn extract_records(items: &Bound<'_, PyAny>, published: Option<Date>, format: ItemFormat) -> PyResult<Vec<RawRecord>> {
    if items.is_instance_of::<PyString>() || items.is_instance_of::<PyBytes>() {
        return Err(PyTypeError::new_err("parse_many expects an iterable of articles; use parse() for one text"));
    }
    let mut out = Vec::with_capacity(items.len().unwrap_or(0));
    for (i, item) in items.try_iter()?.enumerate() {
        out.push(extract_record(&item?, i, published, format)?);
    }
    Ok(out)
}

/// What `parse_files` reads: a path (a directory is walked by the batch engine's reader), a glob
/// pattern (its matches, sorted; ``**`` recurses), or an iterable of paths.
fn expand_paths(py: Python<'_>, spec: &Bound<'_, PyAny>) -> PyResult<Vec<Location>> {
    let os = py.import("os")?;
    let single = spec.is_instance_of::<PyString>() || spec.hasattr("__fspath__")?;
    if !single {
        return spec
            .try_iter()?
            .map(|p| Ok(Location::Path(os.call_method1("fspath", (p?,))?.extract::<PathBuf>()?)))
            .collect();
    }
    let path: String = os.call_method1("fspath", (spec,))?.extract()?;
    if !path.contains(['*', '?', '[']) {
        return Ok(vec![Location::Path(PathBuf::from(path))]);
    }
    let kwargs = PyDict::new(py);
    kwargs.set_item("recursive", true)?;
    let mut found: Vec<String> = py.import("glob")?.call_method("glob", (&path,), Some(&kwargs))?.extract()?;
    found.sort();
    let files: Vec<Location> =
        found.into_iter().map(PathBuf::from).filter(|p| p.is_file()).map(Location::Path).collect();
    if files.is_empty() {
        return Err(pyo3::exceptions::PyFileNotFoundError::new_err(format!("no files match {path:?}")));
    }
    Ok(files)
}

#[pymethods]
impl Parser {
    #[new]
    #[pyo3(signature = (*, max_bytes=268435456, lossy_utf8=false, entities=true, quotes=true, timexes=true, plain_text=false))]
    fn new(
        max_bytes: usize,
        lossy_utf8: bool,
        entities: bool,
        quotes: bool,
        timexes: bool,
        plain_text: bool,
    ) -> PyResult<Parser> {
        let inner = byline_core::Parser::builder()
            .max_bytes(max_bytes)
            .plain_text(plain_text)
            .lossy_utf8(lossy_utf8)
            .entities(entities)
            .quotes(quotes)
            .timexes(timexes)
            .build()
            .map_err(|e| errors::to_py(e, None))?;
        Ok(Parser { inner: Arc::new(inner) })
    }

    /// Largest input accepted, in bytes.
    #[getter]
    fn max_bytes(&self) -> usize {
        self.config().max_bytes
    }

    /// Whether invalid UTF-8 in ``bytes`` input is replaced rather than raised.
    #[getter]
    fn lossy_utf8(&self) -> bool {
        self.config().lossy_utf8
    }

    /// Whether the entities stage runs.
    #[getter]
    fn entities(&self) -> bool {
        self.config().entities
    }

    /// Whether the quotes stage runs.
    #[getter]
    fn quotes(&self) -> bool {
        self.config().quotes
    }

    /// Whether the time expressions stage runs.
    #[getter]
    fn timexes(&self) -> bool {
        self.config().timexes
    }

    /// Whether input is read as bare body text (no headline, byline or boilerplate detection).
    #[getter]
    fn plain_text(&self) -> bool {
        self.config().plain_text
    }

    fn __repr__(&self) -> String {
        let c = self.config();
        format!(
            "Parser(max_bytes={}, lossy_utf8={}, entities={}, quotes={}, timexes={}, plain_text={})",
            c.max_bytes,
            py_bool(c.lossy_utf8),
            py_bool(c.entities),
            py_bool(c.quotes),
            py_bool(c.timexes),
            py_bool(c.plain_text)
        )
    }

    /// Parses one news article. The GIL is released while it runs.
    ///
    /// Args:
    ///     text: The article as plain text, headline first; ``bytes`` must be UTF-8 (unless ``lossy_utf8``).
    ///     published: Publication date (``"YYYY-MM-DD"`` or ``datetime.date``); anchors relative
    ///         time expressions. Without it, a date found in the text is used.
    ///
    /// Returns:
    ///     The parsed article.
    ///
    /// Raises:
    ///     InvalidInputError: ``bytes`` that are not UTF-8, or binary data.
    ///     InputTooLargeError: The text is over ``max_bytes``.
    ///     InvalidDateError: ``published`` is not a real ``YYYY-MM-DD`` date.
    #[pyo3(signature = (text, *, published=None))]
    fn parse(
        &self,
        py: Python<'_>,
        text: &Bound<'_, PyAny>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Article> {
        let input = Input::extract(text, "text")?;
        let published = date_from_py(published)?;
        self.parse_one(py, input, published)
    }

    /// Parses an HTML page: extracts the article (title, paragraphs with the roles the markup
    /// gives, and ``Article.source``, what the page says about itself), then analyses it. The GIL
    /// is released while it runs.
    ///
    /// Args:
    ///     html: The page, as ``str`` or as ``bytes`` in any encoding it declares.
    ///     url: Where the page came from (``source.url``; a date in it may give the publication date).
    ///     published: Publication date (``"YYYY-MM-DD"`` or ``datetime.date``); without it, the
    ///         page's own date is used.
    ///
    /// Returns:
    ///     The parsed article; its ``text`` is the extracted text, which every offset points into.
    ///     A page with no article gives empty text and a ``no_article`` warning.
    ///
    /// Raises:
    ///     InvalidInputError: Binary data.
    ///     InputTooLargeError: The page is over ``max_bytes``.
    ///     InvalidDateError: ``published`` is not a real ``YYYY-MM-DD`` date.
    #[pyo3(signature = (html, *, url=None, published=None))]
    fn parse_html(
        &self,
        py: Python<'_>,
        html: &Bound<'_, PyAny>,
        url: Option<String>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Article> {
        let page = match Input::extract(html, "html")? {
            Input::Text(t) => t.into_bytes(),
            Input::Bytes(b) => b,
        };
        let published = date_from_py(published)?;
        let parser = Arc::clone(&self.inner);
        without_gil(py, move || {
            parser.parse_html(&page, url.as_deref(), published).map(Article::new).map_err(|e| errors::to_py(e, None))
        })
    }

    /// Parses many articles on all cores through the batch engine, with the GIL released (other
    /// Python threads keep running). The result is in input order and equals ``parse`` (or
    /// ``parse_html``) one by one.
    ///
    /// Args:
    ///     texts_or_records: An iterable of strings, of dicts with ``"text"`` or ``"html"`` (and
    ///         optional ``"id"``, ``"published"`` and, for a page, ``"url"``), or of ``(id, text)``
    ///         pairs. A dict with ``"html"`` is an HTML page, read from it even when it has a text.
    ///     threads: Number of worker threads (default: one per core).
    ///     published: Publication date for the records that do not give their own (for a page,
    ///         when the page gives none either).
    ///     format: ``"html"``: every item is an HTML page (strings, pairs and dicts' ``"html"``);
    ///         ``"text"``: every item is text (dicts' ``"text"``); default: as described above.
    ///
    /// Returns:
    ///     One article per input, in order, each with its record's ``id``.
    ///
    /// Raises:
    ///     InvalidInputError: A record is malformed (no ``"text"`` or ``"html"``) or its bytes
    ///         cannot be decoded; the message names the record.
    ///     InputTooLargeError: A record is over ``max_bytes``.
    ///     InvalidDateError: A ``published`` date is invalid.
    ///     InvalidOptionError: ``threads`` is 0, or ``format`` is not ``"text"`` or ``"html"``.
    #[pyo3(signature = (texts_or_records, *, threads=None, published=None, format=None))]
    fn parse_many(
        &self,
        py: Python<'_>,
        texts_or_records: &Bound<'_, PyAny>,
        threads: Option<usize>,
        published: Option<&Bound<'_, PyAny>>,
        format: Option<&str>,
    ) -> PyResult<Vec<Article>> {
        let format = ItemFormat::from_arg(format)?;
        let published = date_from_py(published)?;
        let raw = extract_records(texts_or_records, published, format)?;
        without_gil(py, || self.run_batch(raw, threads))
    }

    /// Parses files in parallel through the batch engine, with the GIL released, reading them
    /// as ``byline batch`` does: a ``.txt`` file (or any other name) is one article whose ``id``
    /// is its path, an HTML page when its content looks like one (unless ``plain_text``); an
    /// ``.html``/``.htm`` file is one page; ``.jsonl``, ``.csv`` and ``.json`` files hold records
    /// (with ``"text"``, or ``"html"`` and ``"url"``); a ``.warc`` file holds pages (its HTML
    /// responses, each with its target URI as ``id``); ``.gz`` is decompressed; a directory is
    /// walked recursively in name order.
    ///
    /// Args:
    ///     paths_or_glob: A file, a directory, a glob pattern (``"corpus/**/*.txt"``), or an
    ///         iterable of paths.
    ///     threads: Number of worker threads (default: one per core).
    ///     published: Publication date for the records that do not give their own.
    ///
    /// Returns:
    ///     One article per record, in path order.
    ///
    /// Raises:
    ///     FileNotFoundError: A path does not exist, or the glob matches nothing.
    ///     OSError: A file cannot be read.
    ///     InvalidInputError: A file is not UTF-8 text (unless ``lossy_utf8``), is binary, or holds
    ///         a malformed record.
    ///     InputTooLargeError: An article is over ``max_bytes``.
    #[pyo3(signature = (paths_or_glob, *, threads=None, published=None))]
    fn parse_files(
        &self,
        py: Python<'_>,
        paths_or_glob: &Bound<'_, PyAny>,
        threads: Option<usize>,
        published: Option<&Bound<'_, PyAny>>,
    ) -> PyResult<Vec<Article>> {
        let published = date_from_py(published)?;
        let locations = expand_paths(py, paths_or_glob)?;
        let config = self.config();
        let options = ReadOptions {
            max_bytes: config.max_bytes,
            lossy: config.lossy_utf8,
            published,
            detect_html: !config.plain_text,
            ..ReadOptions::default()
        };
        let parser: &byline_core::Parser = &self.inner;
        without_gil(py, || {
            let reader = Reader::open(&locations, options)?;
            let pipeline = pipeline(threads)?;
            collect_articles(pipeline.parse(parser, reader))
        })
    }
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// Parses one news article with the default parser. The GIL is released while it runs.
///
/// Args:
///     text: The article as plain text, headline first (``str``, or UTF-8 ``bytes``).
///     published: Publication date (``"YYYY-MM-DD"`` or ``datetime.date``); anchors relative
///         time expressions.
///
/// Returns:
///     The parsed article.
///
/// Raises:
///     InvalidInputError: ``bytes`` that are not UTF-8, or binary data.
///     InputTooLargeError: The text is over 256 MiB.
///     InvalidDateError: ``published`` is not a real ``YYYY-MM-DD`` date.
#[pyfunction]
#[pyo3(signature = (text, *, published=None))]
pub fn parse(py: Python<'_>, text: &Bound<'_, PyAny>, published: Option<&Bound<'_, PyAny>>) -> PyResult<Article> {
    default().parse(py, text, published)
}

/// Parses an HTML page with the default parser; see ``Parser.parse_html``.
///
/// Args:
///     html: The page, as ``str`` or as ``bytes`` in any encoding it declares.
///     url: Where the page came from.
///     published: Publication date; without it, the page's own date is used.
///
/// Returns:
///     The parsed article, with ``text`` (the extracted text) and ``source``.
#[pyfunction]
#[pyo3(signature = (html, *, url=None, published=None))]
pub fn parse_html(
    py: Python<'_>,
    html: &Bound<'_, PyAny>,
    url: Option<String>,
    published: Option<&Bound<'_, PyAny>>,
) -> PyResult<Article> {
    default().parse_html(py, html, url, published)
}

/// Parses many articles on all cores with the default parser; see ``Parser.parse_many``.
///
/// Args:
///     texts_or_records: An iterable of strings, of dicts with ``"text"`` or ``"html"`` (and
///         optional ``"id"``, ``"published"``, ``"url"``), or of ``(id, text)`` pairs.
///     threads: Number of worker threads (default: one per core).
///     published: Publication date for the records that do not give their own.
///     format: ``"html"`` (every item is a page) or ``"text"``; default: dicts with ``"html"``
///         are pages, everything else text.
///
/// Returns:
///     One article per input, in order.
#[pyfunction]
#[pyo3(signature = (texts_or_records, *, threads=None, published=None, format=None))]
pub fn parse_many(
    py: Python<'_>,
    texts_or_records: &Bound<'_, PyAny>,
    threads: Option<usize>,
    published: Option<&Bound<'_, PyAny>>,
    format: Option<&str>,
) -> PyResult<Vec<Article>> {
    default().parse_many(py, texts_or_records, threads, published, format)
}

/// Parses files on all cores with the default parser; see ``Parser.parse_files``.
///
/// Args:
///     paths_or_glob: A file, a directory (its files), a glob pattern, or an iterable of paths:
///         text, HTML pages, JSON Lines, CSV, JSON and WARC files (optionally ``.gz``).
///     threads: Number of worker threads (default: one per core).
///     published: Publication date for every file.
///
/// Returns:
///     One article per file, in path order, each with its path as ``id``.
#[pyfunction]
#[pyo3(signature = (paths_or_glob, *, threads=None, published=None))]
pub fn parse_files(
    py: Python<'_>,
    paths_or_glob: &Bound<'_, PyAny>,
    threads: Option<usize>,
    published: Option<&Bound<'_, PyAny>>,
) -> PyResult<Vec<Article>> {
    default().parse_files(py, paths_or_glob, threads, published)
}

fn default() -> Parser {
    Parser { inner: Arc::clone(default_parser()) }
}
