//! The errors a caller of byline can act on.

use std::fmt;

/// What went wrong, and so what to do about it.
///
/// New variants may be added; match with a wildcard arm.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// The input bytes are not valid UTF-8. `valid_up_to` is the length of the valid prefix.
    /// Decode the input yourself, or parse with lossy decoding (`ParserBuilder::lossy_utf8`).
    InvalidUtf8 {
        /// Bytes before the first invalid sequence.
        valid_up_to: usize,
    },
    /// The input looks like binary data (NUL bytes or mostly control characters), not an article.
    /// Check what was passed; nothing useful can be parsed from it.
    Binary,
    /// The input is larger than the parser's `max_bytes`. Raise the limit or split the input.
    TooLarge {
        /// The size of the input in bytes.
        len: usize,
        /// The configured limit.
        max: usize,
    },
    /// A date was not `YYYY-MM-DD` or not a real calendar day. Pass an ISO date.
    InvalidDate(String),
    /// A configuration option was given an impossible value. The message names the option.
    InvalidOption(String),
    /// Serialised article JSON could not be read back: malformed JSON, a missing field,
    /// or offsets that do not fit the text.
    InvalidJson(String),
    /// Parsing took longer than the parser's `timeout` (`ParserBuilder::timeout`): the article
    /// is pathological or the machine overloaded. Raise the limit, or leave the article out.
    Timeout {
        /// The configured limit in milliseconds.
        limit_ms: u64,
        /// The stage that was running when the time ran out.
        stage: &'static str,
    },
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::InvalidUtf8 { valid_up_to } => {
                write!(f, "input is not valid UTF-8 (invalid byte sequence at byte {valid_up_to})")
            }
            Error::Binary => f.write_str("input looks like binary data, not text"),
            Error::TooLarge { len, max } => {
                write!(f, "input is {len} bytes, over the limit of {max} bytes")
            }
            Error::InvalidDate(s) => write!(f, "invalid date {s:?}: expected YYYY-MM-DD"),
            Error::InvalidOption(s) => write!(f, "invalid option: {s}"),
            Error::InvalidJson(s) => write!(f, "invalid article JSON: {s}"),
            Error::Timeout { limit_ms, stage } => {
                write!(f, "parsing took longer than the time limit of {limit_ms} ms (stopped in the {stage} stage)")
            }
        }
    }
}

impl std::error::Error for Error {}

/// `Result` with byline's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
