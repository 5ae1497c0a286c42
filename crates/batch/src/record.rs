//! What goes into the pipeline (a [`Record`]) and what a failure becomes (an [`ErrorRecord`]).

use byline_core::Date;
use serde::Serialize;

/// One article to parse.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// The record's id: the JSONL/CSV id field, `<source>:<line>` when there is none, or a file path.
    pub id: Option<String>,
    /// The article as read, expected to be UTF-8 (checked when parsed, so a bad file becomes an
    /// error record rather than stopping a reader).
    pub bytes: Vec<u8>,
    /// The publication date, when the input gives one.
    pub published: Option<Date>,
    /// The reader already replaced invalid UTF-8 with U+FFFD (`--lossy` on JSON Lines), so the
    /// article gets a lossy-decoding warning.
    pub lossy: bool,
    /// The bytes are an HTML page (in any encoding), parsed with
    /// [`Parser::parse_page`](byline_core::Parser::parse_page); what is known about it. `None`:
    /// the bytes are plain text.
    pub html: Option<HtmlPage>,
    /// The value of the record's group field ([`Fields::group`](crate::readers::Fields::group),
    /// `--group-by FIELD`), for the study's breakdown; numbers as written.
    pub group: Option<String>,
}

/// What a reader knows of an HTML page besides its bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct HtmlPage {
    /// Where the page came from: a record's `url` field, a WARC record's target URI.
    pub url: Option<String>,
    /// The charset the HTTP response declared (a WARC record's `Content-Type`), used when the
    /// page declares none.
    pub charset: Option<String>,
    /// The publication date when the page gives none (`--published`); a date the record itself
    /// gives is [`Record::published`], which overrides the page's.
    pub default_published: Option<Date>,
}

impl Record {
    /// A record with an id and a text, and no publication date.
    ///
    /// ```
    /// let r = byline_batch::Record::new("a1", "Headline\n\nBody.");
    /// assert_eq!(r.id.as_deref(), Some("a1"));
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Record {
        Record { id: Some(id.into()), bytes: text.into().into_bytes(), ..Record::default() }
    }

    /// A record holding an HTML page (bytes in any encoding it declares), from `url` when known.
    ///
    /// ```
    /// let r = byline_batch::Record::html("p1", "<html><body><p>Hi</p></body></html>", Some("https://example.org/a"));
    /// assert_eq!(r.html.unwrap().url.as_deref(), Some("https://example.org/a"));
    /// ```
    pub fn html(id: impl Into<String>, page: impl Into<Vec<u8>>, url: Option<&str>) -> Record {
        let html = HtmlPage { url: url.map(str::to_string), ..HtmlPage::default() };
        Record { id: Some(id.into()), bytes: page.into(), html: Some(html), ..Record::default() }
    }

    /// Sets the publication date.
    pub fn with_published(mut self, published: Option<Date>) -> Record {
        self.published = published;
        self
    }
}

/// Why a record failed, for counting; the message is in [`ErrorRecord::error`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or stream could not be read (I/O error, truncated gzip).
    Read,
    /// The record is malformed: bad JSON or CSV, a text field that is not a string, a bad date.
    Format,
    /// The record (or the CSV header) has no text field of the configured name; the message
    /// lists the fields it has.
    MissingText,
    /// The text is not valid UTF-8 (and `--lossy` was not given).
    InvalidUtf8,
    /// The input is binary data, not text.
    Binary,
    /// The input is over the size limit (`--max-bytes`).
    TooLarge,
    /// Parsing took longer than the time limit (`--timeout-ms`).
    Timeout,
    /// The parser rejected the input for another reason.
    Parse,
}

impl ErrorKind {
    /// Every kind, in a fixed order (for summaries).
    pub const ALL: [ErrorKind; 8] = [
        ErrorKind::Read,
        ErrorKind::Format,
        ErrorKind::MissingText,
        ErrorKind::InvalidUtf8,
        ErrorKind::Binary,
        ErrorKind::TooLarge,
        ErrorKind::Timeout,
        ErrorKind::Parse,
    ];

    /// A short name: `read`, `format`, `missing_text`, `invalid_utf8`, `binary`, `too_large`, `timeout`, `parse`.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::Read => "read",
            ErrorKind::Format => "format",
            ErrorKind::MissingText => "missing_text",
            ErrorKind::InvalidUtf8 => "invalid_utf8",
            ErrorKind::Binary => "binary",
            ErrorKind::TooLarge => "too_large",
            ErrorKind::Timeout => "timeout",
            ErrorKind::Parse => "parse",
        }
    }

    /// The kind of a parser error.
    pub fn of(error: &byline_core::Error) -> ErrorKind {
        match error {
            byline_core::Error::InvalidUtf8 { .. } => ErrorKind::InvalidUtf8,
            byline_core::Error::Binary => ErrorKind::Binary,
            byline_core::Error::TooLarge { .. } => ErrorKind::TooLarge,
            byline_core::Error::Timeout { .. } => ErrorKind::Timeout,
            byline_core::Error::InvalidDate(_) => ErrorKind::Format,
            _ => ErrorKind::Parse,
        }
    }
}

/// What a failed record becomes in the output: `{"id": ..., "error": ...}`, in the failed
/// article's place.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// The record's id, as far as it could be read.
    pub id: Option<String>,
    /// Why it failed, for people.
    pub error: String,
    /// Why it failed, for counting. Not serialised.
    #[serde(skip)]
    pub kind: ErrorKind,
}

impl ErrorRecord {
    /// An error record.
    pub fn new(id: Option<String>, kind: ErrorKind, error: impl Into<String>) -> ErrorRecord {
        ErrorRecord { id, error: error.into(), kind }
    }

    /// The error record for a parser error.
    pub fn from_core(id: Option<String>, error: &byline_core::Error) -> ErrorRecord {
        ErrorRecord::new(id, ErrorKind::of(error), error.to_string())
    }
}

/// One item of a reader: a record to parse, or a failure already known while reading.
pub type Input = Result<Record, ErrorRecord>;
