//! The `byline._byline` extension module: thin wrappers over `byline-core`.

use std::sync::OnceLock;

use byline_core::{parse_date, JsonOptions, Parser};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;

fn parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(Parser::new)
}

/// Parse one article and return its JSON contract as a string.
///
/// Args:
///     text: The article text.
///     published: Publication date as ``YYYY-MM-DD``, or None.
///
/// Returns:
///     The article JSON (``SCHEMA.md``), with a ``text`` field.
#[pyfunction]
#[pyo3(signature = (text, published=None))]
fn parse_json(py: Python<'_>, text: String, published: Option<String>) -> PyResult<String> {
    let published =
        published.as_deref().map(parse_date).transpose().map_err(|e| PyValueError::new_err(e.to_string()))?;
    py.detach(move || {
        parser()
            .parse(&text, published)
            .map(|a| a.to_json(&JsonOptions { pretty: false, include_text: true }))
            .map_err(|e| e.to_string())
    })
    .map_err(PyValueError::new_err)
}

/// The native part of byline.
#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(parse_json, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
