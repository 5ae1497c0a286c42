//! The `byline._byline` extension module: thin wrappers over `byline-core` and `byline-batch`.
//!
//! Python sees immutable classes with code point offsets; every parse runs with the GIL released
//! (`detach`), and many articles run on a rayon pool through the batch engine.

mod article;
mod cli;
mod convert;
mod detach;
mod errors;
#[cfg(test)]
#[path = "../../core/tests/golden/load.rs"]
mod golden;
mod objects;
mod parser;
mod render;
mod rows;
mod tables;

use pyo3::prelude::*;

pub use article::Article;

/// The native part of byline; import ``byline`` instead.
#[pymodule]
fn _byline(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<article::Article>()?;
    m.add_class::<parser::Parser>()?;
    m.add_class::<rows::ArrowBatch>()?;
    objects::register(m)?;
    errors::register(m)?;
    m.add_function(wrap_pyfunction!(parser::parse, m)?)?;
    m.add_function(wrap_pyfunction!(parser::parse_html, m)?)?;
    m.add_function(wrap_pyfunction!(parser::parse_many, m)?)?;
    m.add_function(wrap_pyfunction!(parser::parse_files, m)?)?;
    m.add_function(wrap_pyfunction!(tables::table_columns, m)?)?;
    m.add_function(wrap_pyfunction!(rows::parse_rows, m)?)?;
    m.add_function(wrap_pyfunction!(render::render_html, m)?)?;
    m.add_function(wrap_pyfunction!(cli::cli_main, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
