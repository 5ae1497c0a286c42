//! `byline.stats`: the source-diversity study of `byline stats` over parsed articles, computed
//! by the batch engine's `byline_batch::stats` (the same code as the command line's) and
//! returned as columns for DataFrames.

use std::collections::HashMap;

use byline_batch::stats::{GroupBy, Stats};
use byline_batch::tables::{Rows, TableRow};
use pyo3::prelude::*;
use pyo3::types::PyDict;

use crate::detach::{pipeline, without_gil};
use crate::errors::InvalidOptionError;
use crate::tables::{columns_of, shared_articles, to_python, Schema};

/// The study's tables over `articles`: ``{name: (schema, data)}`` for ``groups``, ``kinds``,
/// ``genders`` and ``people``, as `table_columns` gives one table.
///
/// Args:
///     articles: Parsed articles.
///     by: Dimensions: ``outlet``, ``month``, or the name of a field given in ``fields``.
///     fields: Values of other fields, one per article, by name (``{"category": [...]}``).
///     top: Most quoted people listed.
///
/// Raises:
///     InvalidOptionError: A dimension is neither ``outlet``, ``month`` nor a field given, or
///         a field's values are not one per article.
///     TypeError: An item is not an ``Article``.
#[pyfunction]
#[pyo3(signature = (articles, by, fields, top))]
pub fn study_columns<'py>(
    py: Python<'py>,
    articles: &Bound<'py, PyAny>,
    by: Vec<String>,
    fields: HashMap<String, Vec<Option<String>>>,
    top: usize,
) -> PyResult<Bound<'py, PyDict>> {
    let inner = shared_articles(articles)?;
    let dims: Vec<GroupBy> = by.iter().map(|n| GroupBy::parse(n)).collect();
    for d in &dims {
        if let GroupBy::Field(name) = d {
            if !fields.contains_key(name) {
                let msg = format!("by {name:?}: not `outlet` or `month`, and no such field in `fields`");
                return Err(InvalidOptionError::new_err(msg));
            }
        }
    }
    for (name, values) in &fields {
        if values.len() != inner.len() {
            let msg = format!("field {name:?} has {} values for {} articles", values.len(), inner.len());
            return Err(InvalidOptionError::new_err(msg));
        }
    }
    let tables = without_gil(py, || {
        let mut stats = Stats::grouped_by(dims);
        let pipeline = pipeline(None)?;
        let rows = pipeline.run(std::iter::once(inner), |a| Rows::from_article(&a)).flatten();
        for (i, rows) in rows.enumerate() {
            let values: Vec<(&str, &str)> =
                fields.iter().filter_map(|(n, v)| Some((n.as_str(), v[i].as_deref()?))).collect();
            stats.add_with_fields(&rows, &values);
        }
        Ok(stats.report(top).study)
    })?;
    let out = PyDict::new(py);
    out.set_item("groups", table(py, &tables.groups)?)?;
    out.set_item("kinds", table(py, &tables.kinds)?)?;
    out.set_item("genders", table(py, &tables.genders)?)?;
    out.set_item("people", table(py, &tables.people)?)?;
    Ok(out)
}

/// One study table as `(schema, {column: values})`.
fn table<'py, R: TableRow>(py: Python<'py>, rows: &[R]) -> PyResult<(Schema, Bound<'py, PyDict>)> {
    to_python(py, R::COLUMNS, &columns_of(rows, R::COLUMNS))
}
