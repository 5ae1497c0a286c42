//! The flat tables behind `byline.to_pandas` and `byline.to_arrow`: rows come from the batch
//! engine's `byline_batch::tables`, so the columns are those of `byline batch --tables`.

use std::sync::Arc;

use byline_batch::tables::{Column, Rows, Table};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};
use serde::Serialize;

use crate::article::Article;
use crate::convert::json_to_py;
use crate::detach::{pipeline, without_gil};
use crate::errors::InvalidOptionError;

/// `(name, kind)` per column, kind one of `text`, `text?`, `int`, `int?`.
type Schema = Vec<(&'static str, &'static str)>;

pub(crate) fn table_named(name: &str) -> PyResult<Table> {
    Table::ALL.into_iter().find(|t| t.name() == name).ok_or_else(|| {
        let names: Vec<&str> = Table::ALL.iter().map(|t| t.name()).collect();
        InvalidOptionError::new_err(format!("no table {name:?}: choose one of {}", names.join(", ")))
    })
}

/// The rows of one table as columns of JSON values, in the table's column order.
fn columns_of<R: Serialize>(rows: &[R], columns: &[Column]) -> Vec<Vec<serde_json::Value>> {
    let mut out: Vec<Vec<serde_json::Value>> = columns.iter().map(|_| Vec::with_capacity(rows.len())).collect();
    for row in rows {
        let serde_json::Value::Object(mut fields) = serde_json::to_value(row).expect("rows serialise") else {
            unreachable!("a row serialises to an object")
        };
        for (col, values) in columns.iter().zip(&mut out) {
            values.push(fields.remove(col.name).unwrap_or(serde_json::Value::Null));
        }
    }
    out
}

/// The columns of a table over `articles`: `(schema, data)` where `schema` lists
/// `(name, kind)` with kind one of `text`, `text?`, `int`, `int?`, and `data` maps each
/// name to its list of values.
///
/// Args:
///     articles: Parsed articles.
///     table: ``articles``, ``quotes``, ``entities``, ``mentions`` or ``timexes``.
///
/// Raises:
///     InvalidOptionError: ``table`` is not one of those.
///     TypeError: An item is not an ``Article``.
#[pyfunction]
pub fn table_columns<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    table: &str,
) -> PyResult<(Schema, Bound<'py, PyDict>)> {
    let table = table_named(table)?;
    let mut inner: Vec<Arc<byline_core::Article>> = Vec::new();
    for item in articles.try_iter()? {
        let item = item?;
        let article = item.cast::<Article>().map_err(|_| {
            pyo3::exceptions::PyTypeError::new_err(format!(
                "expected byline.Article items, not {}",
                item.get_type().name().map(|n| n.to_string()).unwrap_or_default()
            ))
        })?;
        inner.push(article.get().shared());
    }
    let columns = table.columns();
    let data = without_gil(py, || {
        let mut rows = Rows::default();
        for mut part in pipeline(None)?.run(std::iter::once(inner), |a| Rows::from_article(&a)).flatten() {
            rows.append(&mut part);
        }
        Ok(match table {
            Table::Articles => columns_of(&rows.articles, columns),
            Table::Quotes => columns_of(&rows.quotes, columns),
            Table::Entities => columns_of(&rows.entities, columns),
            Table::Mentions => columns_of(&rows.mentions, columns),
            Table::Timexes => columns_of(&rows.timexes, columns),
        })
    })?;
    let dict = PyDict::new(py);
    for (col, values) in columns.iter().zip(&data) {
        let list = PyList::empty(py);
        for v in values {
            list.append(json_to_py(py, v)?)?;
        }
        dict.set_item(col.name, list)?;
    }
    let schema = columns.iter().map(|c| (c.name, c.kind.as_str())).collect();
    Ok((schema, dict))
}
