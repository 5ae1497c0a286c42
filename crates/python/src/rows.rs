//! `parse_rows`, the engine under `byline.spark`: a batch of a DataFrame's rows (columns of ids,
//! texts or pages, dates and URLs) is parsed on the batch pipeline with the GIL released and
//! comes back as the columns of the requested tables. A row that cannot be parsed becomes an
//! `articles` row with `error` set, with `byline batch`'s reason, instead of an exception: one
//! bad row must not fail a Spark task.

use std::panic::{catch_unwind, AssertUnwindSafe};

use byline_batch::tables::{Rows, Table};
use byline_batch::{parse_input, ErrorKind, ErrorRecord, Record};
use byline_core::{Article, Date};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyList, PyString};

use crate::convert::date_from_py;
use crate::detach::{panic_message, pipeline, without_gil};
use crate::parser::Parser;
use crate::tables::{table_named, table_values, values_to_dict};

/// What a row holds to parse, read from Python before the GIL is released.
enum Body {
    Text(Vec<u8>),
    Html { page: Vec<u8>, url: Option<String> },
}

/// One row: its id, and what to parse (with its date) or why it cannot be parsed.
struct Row {
    id: Option<String>,
    input: Result<(Body, Option<Date>), (ErrorKind, String)>,
}

/// The bytes of a text cell: `str` as UTF-8, `bytes` as given (checked when parsed).
fn cell_bytes(value: &Bound<'_, PyAny>) -> PyResult<Option<Vec<u8>>> {
    if let Ok(s) = value.cast::<PyString>() {
        return Ok(Some(s.to_str()?.as_bytes().to_vec()));
    }
    if let Ok(b) = value.cast::<PyBytes>() {
        return Ok(Some(b.as_bytes().to_vec()));
    }
    Ok(None)
}

/// Item `i` of an optional column, `None` when the column is absent.
fn item<'py>(column: Option<&Bound<'py, PyList>>, i: usize) -> PyResult<Option<Bound<'py, PyAny>>> {
    column.map(|c| c.get_item(i)).transpose().map(|v| v.filter(|v| !v.is_none()))
}

/// Reads row `i` of the columns; a cell that cannot be used makes the row an error, not the call.
fn read_row(columns: &Columns<'_, '_>, i: usize) -> PyResult<Row> {
    let id = item(columns.ids, i)?.map(|v| v.str().and_then(|s| Ok(s.to_str()?.to_owned()))).transpose()?;
    let content = columns.content.get_item(i)?;
    let bytes = if content.is_none() {
        None
    } else {
        match cell_bytes(&content)? {
            Some(bytes) => Some(bytes),
            None => {
                let message = format!("column {:?} holds {}, not text", columns.name, content.get_type().name()?);
                return Ok(Row { id, input: Err((ErrorKind::Format, message)) });
            }
        }
    };
    let Some(bytes) = bytes else {
        return Ok(Row { id, input: Err((ErrorKind::Format, format!("column {:?} is null", columns.name))) });
    };
    let published = match date_from_py(item(columns.published, i)?.as_ref()) {
        Ok(date) => date,
        Err(e) => return Ok(Row { id, input: Err((ErrorKind::Format, e.value(columns.content.py()).to_string())) }),
    };
    let url = item(columns.urls, i)?.map(|v| v.str().and_then(|s| Ok(s.to_str()?.to_owned()))).transpose()?;
    let body = if columns.html { Body::Html { page: bytes, url } } else { Body::Text(bytes) };
    Ok(Row { id, input: Ok((body, published)) })
}

/// The input columns of one call.
struct Columns<'a, 'py> {
    name: &'a str,
    content: &'a Bound<'py, PyList>,
    html: bool,
    ids: Option<&'a Bound<'py, PyList>>,
    published: Option<&'a Bound<'py, PyList>>,
    urls: Option<&'a Bound<'py, PyList>>,
}

/// Parses one HTML page as `parse_input` parses a text: the record's id set, a panic caught.
fn parse_page(
    parser: &byline_core::Parser,
    id: Option<String>,
    page: &[u8],
    url: Option<&str>,
    published: Option<Date>,
) -> Result<Article, ErrorRecord> {
    match catch_unwind(AssertUnwindSafe(|| parser.parse_html(page, url, published))) {
        Ok(Ok(mut article)) => {
            article.id = id;
            Ok(article)
        }
        Ok(Err(e)) => Err(ErrorRecord::from_core(id, &e)),
        Err(panic) => Err(ErrorRecord::new(
            id,
            ErrorKind::Parse,
            format!("internal error (please report it): {}", panic_message(panic.as_ref())),
        )),
    }
}

/// The rows of every table for one input row.
fn parse_row(parser: &byline_core::Parser, row: Row) -> Rows {
    let parsed = match row.input {
        Err((kind, message)) => Err(ErrorRecord::new(row.id, kind, message)),
        Ok((Body::Text(bytes), published)) => {
            parse_input(parser, Ok(Record { id: row.id, bytes, published, lossy: false }))
        }
        Ok((Body::Html { page, url }, published)) => parse_page(parser, row.id, &page, url.as_deref(), published),
    };
    match parsed {
        Ok(article) => Rows::from_article(&article),
        Err(error) => Rows::from_error(&error),
    }
}

/// How many rows each input row gave in `table`.
fn table_len(rows: &Rows, table: Table) -> usize {
    match table {
        Table::Articles => rows.articles.len(),
        Table::Quotes => rows.quotes.len(),
        Table::Entities => rows.entities.len(),
        Table::Mentions => rows.mentions.len(),
        Table::Timexes => rows.timexes.len(),
    }
}

/// Parses a batch of rows and returns the requested tables, never raising for a bad row.
///
/// Args:
///     parser: The parser (its options, ``max_bytes`` included, apply to every row).
///     content: The texts (or, with ``html``, the pages) as ``str`` or ``bytes``; ``None`` is an
///         error row.
///     tables: Table names (``articles``, ``quotes``, ``entities``, ``mentions``, ``timexes``).
///     name: The content column's name, for error messages.
///     html: Parse the content as HTML pages instead of text.
///     ids: The rows' ids (the tables' ``article_id``), or None.
///     published: Publication dates (``YYYY-MM-DD`` strings or dates, ``None`` for unknown), or None.
///     urls: The pages' URLs (with ``html``), or None.
///     threads: Worker threads (default: one per core).
///
/// Returns:
///     For each table, ``(counts, columns)``: how many rows of that table each input row gave,
///     and the table's columns by name. A row that failed gives one ``articles`` row with
///     ``error`` set and no other rows.
///
/// Raises:
///     InvalidOptionError: A table name is unknown, or ``threads`` is 0.
///     ValueError: The columns have different lengths.
#[pyfunction]
#[pyo3(signature = (parser, content, tables, *, name="text", html=false, ids=None, published=None, urls=None, threads=None))]
#[allow(clippy::too_many_arguments)]
pub fn parse_rows<'py>(
    py: Python<'py>,
    parser: &Parser,
    content: &Bound<'py, PyList>,
    tables: Vec<String>,
    name: &str,
    html: bool,
    ids: Option<&Bound<'py, PyList>>,
    published: Option<&Bound<'py, PyList>>,
    urls: Option<&Bound<'py, PyList>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyDict>> {
    let tables = tables.iter().map(|t| table_named(t)).collect::<PyResult<Vec<Table>>>()?;
    let n = content.len();
    for (what, column) in [("ids", ids), ("published", published), ("urls", urls)] {
        if let Some(c) = column.filter(|c| c.len() != n) {
            return Err(pyo3::exceptions::PyValueError::new_err(format!("{what} has {} items for {n} rows", c.len())));
        }
    }
    let columns = Columns { name, content, html, ids, published, urls };
    let rows = (0..n).map(|i| read_row(&columns, i)).collect::<PyResult<Vec<Row>>>()?;
    let parser = parser.core();
    let (counts, data) = without_gil(py, || {
        let pipeline = pipeline(threads)?;
        let mut all = Rows::default();
        let mut counts: Vec<Vec<usize>> = tables.iter().map(|_| Vec::with_capacity(n)).collect();
        for mut part in pipeline.run(std::iter::once(rows), |row| parse_row(parser, row)).flatten() {
            for (table, count) in tables.iter().zip(&mut counts) {
                count.push(table_len(&part, *table));
            }
            all.append(&mut part);
        }
        let data: Vec<_> = tables.iter().map(|t| table_values(&all, *t)).collect();
        Ok((counts, data))
    })?;
    let out = PyDict::new(py);
    for ((table, count), values) in tables.iter().zip(counts).zip(data) {
        out.set_item(table.name(), (count, values_to_dict(py, *table, &values)?))?;
    }
    Ok(out)
}
