//! `parse_rows`, the engine under `byline.spark`: a batch of a DataFrame's rows (columns of ids,
//! texts or pages, dates and URLs) is parsed on the batch pipeline with the GIL released and
//! comes back as Arrow record batches of the requested tables, handed to pyarrow through the
//! Arrow C data interface (no Python object per value). A row that cannot be parsed becomes an
//! `articles` row with `error` set, with `byline batch`'s reason, instead of an exception: one
//! bad row must not fail a Spark task.

use arrow_array::ffi::{FFI_ArrowArray, FFI_ArrowSchema};
use arrow_array::{Array, RecordBatch, StructArray};
use byline_batch::tables::{Rows, Table};
use byline_batch::{parse_input, ErrorKind, ErrorRecord, HtmlPage, Record};
use byline_core::Date;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyCapsule, PyDict, PyList, PyString};

use crate::convert::date_from_py;
use crate::detach::{pipeline, without_gil};
use crate::errors::InternalError;
use crate::parser::Parser;
use crate::tables::table_named;

/// An Arrow record batch that pyarrow (or any Arrow library) imports without a copy:
/// ``pyarrow.record_batch(batch)`` reads it through ``__arrow_c_array__``.
#[pyclass(frozen, module = "byline")]
pub struct ArrowBatch {
    batch: RecordBatch,
}

#[pymethods]
impl ArrowBatch {
    /// The batch as a struct array, through the Arrow PyCapsule interface: the
    /// ``(arrow_schema, arrow_array)`` capsules. A requested schema is not supported and ignored.
    #[pyo3(signature = (requested_schema=None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<&Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        let data = StructArray::from(self.batch.clone()).into_data();
        let schema = FFI_ArrowSchema::try_from(data.data_type())
            .map_err(|e| InternalError::new_err(format!("cannot export the Arrow schema: {e}")))?;
        // The capsules own the structs; pyarrow moves them out (their release callbacks then
        // become null), and a capsule dropped unread releases them when it is freed.
        let schema = PyCapsule::new_with_value(py, schema, c"arrow_schema")?;
        let array = PyCapsule::new_with_value(py, FFI_ArrowArray::new(&data), c"arrow_array")?;
        Ok((schema, array))
    }

    /// Number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batch.num_rows()
    }

    fn __repr__(&self) -> String {
        format!("ArrowBatch(rows={}, columns={})", self.batch.num_rows(), self.batch.num_columns())
    }
}

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

/// The rows of every table for one input row.
fn parse_row(parser: &byline_core::Parser, row: Row) -> Rows {
    let parsed = match row.input {
        Err((kind, message)) => Err(ErrorRecord::new(row.id, kind, message)),
        Ok((Body::Text(bytes), published)) => {
            parse_input(parser, Ok(Record { id: row.id, bytes, published, lossy: false, html: None }))
        }
        Ok((Body::Html { page, url }, published)) => {
            let html = Some(HtmlPage { url, ..HtmlPage::default() });
            parse_input(parser, Ok(Record { id: row.id, bytes: page, published, lossy: false, html }))
        }
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

/// One table of `rows` as an Arrow record batch, with the schema of the table's Parquet file.
fn table_batch(rows: &Rows, table: Table) -> RecordBatch {
    match table {
        Table::Articles => Rows::record_batch(&rows.articles),
        Table::Quotes => Rows::record_batch(&rows.quotes),
        Table::Entities => Rows::record_batch(&rows.entities),
        Table::Mentions => Rows::record_batch(&rows.mentions),
        Table::Timexes => Rows::record_batch(&rows.timexes),
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
///     For each table, ``(counts, batch)``: how many rows of that table each input row gave,
///     and the rows as an ``ArrowBatch`` with the table's schema (``pyarrow.record_batch(batch)``).
///     A row that failed gives one ``articles`` row with ``error`` set and no other rows.
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
        let data: Vec<RecordBatch> = tables.iter().map(|t| table_batch(&all, *t)).collect();
        Ok((counts, data))
    })?;
    let out = PyDict::new(py);
    for ((table, count), values) in tables.iter().zip(counts).zip(data) {
        out.set_item(table.name(), (count, ArrowBatch { batch: values }))?;
    }
    Ok(out)
}
