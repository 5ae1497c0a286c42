//! The exception hierarchy, declared in one place, rooted at `byline.BylineError`.
//!
//! ```text
//! BylineError
//! ├── InvalidInputError        the text cannot be parsed (invalid UTF-8, binary data)
//! │   ├── InputTooLargeError   over the parser's `max_bytes`
//! │   └── InvalidDateError     `published` is not a real YYYY-MM-DD date
//! ├── InvalidOptionError       a `Parser` option or argument has an impossible value
//! ├── InvalidJsonError         serialised article JSON cannot be read back
//! └── InternalError            a bug in byline: please report it
//! ```

use byline_core::Error;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(byline, BylineError, PyException, "Base class of every error byline raises.");
create_exception!(
    byline,
    InvalidInputError,
    BylineError,
    "The input cannot be parsed: invalid UTF-8, binary data, a bad record."
);
create_exception!(
    byline,
    InputTooLargeError,
    InvalidInputError,
    "The input is larger than the parser's ``max_bytes``: raise the limit or split the input."
);
create_exception!(
    byline,
    InvalidDateError,
    InvalidInputError,
    "A date is not ``YYYY-MM-DD`` or not a real calendar day."
);
create_exception!(
    byline,
    InvalidOptionError,
    BylineError,
    "A parser option or argument has an impossible value; the message names it."
);
create_exception!(
    byline,
    InvalidJsonError,
    BylineError,
    "Serialised article JSON cannot be read back: malformed, missing a field, or offsets off the text."
);
create_exception!(byline, InternalError, BylineError, "A bug in byline (a Rust panic was caught). Please report it.");

/// The Python exception for a core error, its message prefixed with `context` when there is one
/// (a record id or file path).
pub fn to_py(err: Error, context: Option<&str>) -> PyErr {
    let msg = match context {
        Some(c) => format!("{c}: {err}"),
        None => err.to_string(),
    };
    match err {
        Error::TooLarge { .. } => InputTooLargeError::new_err(msg),
        Error::InvalidDate(_) => InvalidDateError::new_err(msg),
        Error::InvalidOption(_) => InvalidOptionError::new_err(msg),
        Error::InvalidJson(_) => InvalidJsonError::new_err(msg),
        _ => InvalidInputError::new_err(msg),
    }
}

/// Adds the exception classes to the module.
pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("BylineError", py.get_type::<BylineError>())?;
    m.add("InvalidInputError", py.get_type::<InvalidInputError>())?;
    m.add("InputTooLargeError", py.get_type::<InputTooLargeError>())?;
    m.add("InvalidDateError", py.get_type::<InvalidDateError>())?;
    m.add("InvalidOptionError", py.get_type::<InvalidOptionError>())?;
    m.add("InvalidJsonError", py.get_type::<InvalidJsonError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    Ok(())
}
