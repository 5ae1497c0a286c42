//! `byline.render_html` and `Article._repr_html_`: the batch crate's renderer, the one that
//! `byline parse --render` uses.

use byline_batch::render;
use pyo3::prelude::*;

use crate::article::Article;
use crate::detach::without_gil;

/// The article as HTML, with the GIL released.
pub fn html(py: Python<'_>, article: &Article, standalone: bool) -> PyResult<String> {
    let article = article.shared();
    without_gil(py, || Ok(if standalone { render::page(&article) } else { render::fragment(&article) }))
}

/// Renders an article as HTML: a legend, then every paragraph with quotes highlighted and
/// linked to their speakers, cues marked, and entity mentions coloured by label. No scripts;
/// the input text is escaped. The same renderer draws ``byline parse FILE --render page.html``.
///
/// Args:
///     article: A parsed article.
///     standalone: Return a whole HTML document that follows the reader's light or dark theme
///         (what ``--render`` writes) instead of a fragment for a notebook (default False).
///
/// Returns:
///     The HTML.
#[pyfunction]
#[pyo3(signature = (article, *, standalone=false))]
pub fn render_html(py: Python<'_>, article: &Bound<'_, Article>, standalone: bool) -> PyResult<String> {
    html(py, article.get(), standalone)
}
