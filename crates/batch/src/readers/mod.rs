//! Readers: inputs (files, directory trees, standard input) become a lazy stream of [`Input`]s.
//!
//! - A directory is walked recursively in name order; its `.txt`, `.html`/`.htm`, `.json`,
//!   `.jsonl`/`.ndjson`, `.csv` and `.warc` files are read (each optionally `.gz`), other and
//!   hidden files are skipped.
//! - A `.txt` file is one article (an HTML page when its content looks like one, unless
//!   [`ReadOptions::detect_html`] is off), an `.html` file one page and a `.json` file one
//!   object; a file's path is its id.
//! - A JSON Lines or CSV file holds one article per line or row: its text, or an HTML page (and
//!   its URL). Field names are configurable ([`Fields`]); a record without an id gets
//!   `<source>:<line>`.
//! - A WARC file holds pages: its HTML responses, each with its target URI as id ([`warc`](self)
//!   module docs in the source: request, metadata and non-HTML records are skipped).
//! - Gzip is recognised by its magic bytes, whatever the file is called (multi-member gzip, as
//!   `.warc.gz` files are, included).
//!
//! Nothing here fails the whole stream once it has started: an unreadable file, a bad line or
//! a truncated gzip stream becomes an [`ErrorRecord`] in its place and reading goes on.

mod count;
mod csv;
mod fields;
mod files;
mod jsonl;
mod lines;
mod open;
mod warc;

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use byline_core::Date;

use crate::record::{ErrorKind, ErrorRecord, HtmlPage, Input, Record};

pub use count::ByteCounter;
pub use fields::{parse_published, Fields};
pub use files::total_size;
pub use open::BoxRead;

/// How the records of an input are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// One JSON object per line (`.jsonl`, `.ndjson`).
    Jsonl,
    /// Comma-separated values with a header row (`.csv`).
    Csv,
    /// One JSON object per file (`.json`); the file's path is its id.
    Json,
    /// One plain-text article per file (`.txt`, and any other name); the file's path is its id.
    /// A file whose content looks like an HTML page is read as one (see [`ReadOptions::detect_html`]).
    Text,
    /// One HTML page per file (`.html`, `.htm`, `.xhtml`); the file's path is its id.
    Html,
    /// A web archive (`.warc`): its HTML response records, each with its target URI as id.
    Warc,
}

impl Format {
    /// The format a file name says, looking through a `.gz` suffix; `None` when it says nothing known.
    ///
    /// ```
    /// use byline_batch::readers::Format;
    /// assert_eq!(Format::from_path("a/b.jsonl.gz".as_ref()), Some(Format::Jsonl));
    /// assert_eq!(Format::from_path("CC-NEWS-20240305.warc.gz".as_ref()), Some(Format::Warc));
    /// assert_eq!(Format::from_path("notes.md".as_ref()), None);
    /// ```
    pub fn from_path(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        let name = name.strip_suffix(".gz").unwrap_or(&name);
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "jsonl" | "ndjson" => Some(Format::Jsonl),
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            "txt" | "text" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "warc" => Some(Format::Warc),
            _ => None,
        }
    }
}

/// How to read inputs.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Field (or CSV column) names. Default: `text`, `id`, `published`.
    pub fields: Fields,
    /// The format of standard input and of files named directly, overriding their extension.
    /// Default: `None` (by extension; JSON Lines for standard input, plain text for unknown names).
    pub format: Option<Format>,
    /// Largest article (for JSON Lines and CSV, largest record) read, in bytes; bigger ones become
    /// error records without being held in memory. Default: 256 MiB.
    pub max_bytes: usize,
    /// Replace invalid UTF-8 in JSON Lines with U+FFFD instead of failing the line. (Plain text and
    /// CSV fields are decoded by the parser, which has its own lossy option.) Default: false.
    pub lossy: bool,
    /// The publication date of records that do not give their own (plain-text files, records
    /// without the date field; for an HTML page, when the page gives none either). Default: `None`.
    pub published: Option<Date>,
    /// Read a plain-text file whose content looks like an HTML page
    /// ([`looks_like_html`](byline_core::looks_like_html)) as a page. Default: true.
    pub detect_html: bool,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            fields: Fields::default(),
            format: None,
            max_bytes: 256 * 1024 * 1024,
            lossy: false,
            published: None,
            detect_html: true,
        }
    }
}

/// Where records come from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Location {
    /// Standard input.
    Stdin,
    /// A file or a directory tree.
    Path(PathBuf),
}

impl Location {
    /// `-` is standard input; anything else a path.
    pub fn parse(arg: &Path) -> Location {
        if arg.as_os_str() == "-" {
            Location::Stdin
        } else {
            Location::Path(arg.to_path_buf())
        }
    }
}

/// A lazy stream of [`Input`]s from several locations, in order. It is `Send`, so it can be read
/// on its own thread (see [`crate::pipeline::prefetch`]).
///
/// ```
/// use byline_batch::readers::{Location, ReadOptions, Reader};
///
/// let dir = std::env::temp_dir().join(format!("byline-doc-reader-{}", std::process::id()));
/// std::fs::create_dir_all(&dir)?;
/// std::fs::write(dir.join("a.txt"), "Headline\n\nBody.")?;
/// std::fs::write(dir.join("b.jsonl"), "{\"id\": \"x\", \"text\": \"One\"}\n{\"text\": \"Two\"}\n")?;
/// let ids: Vec<_> = Reader::open(&[Location::Path(dir.clone())], ReadOptions::default())?
///     .map(|r| r.unwrap().id.unwrap())
///     .collect();
/// assert_eq!(ids, [dir.join("a.txt").display().to_string(), "x".into(), format!("{}:2", dir.join("b.jsonl").display())]);
/// # std::fs::remove_dir_all(&dir)?;
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Reader {
    inner: Box<dyn Iterator<Item = Input> + Send>,
    counter: ByteCounter,
}

impl Reader {
    /// Opens `locations` for reading. Fails only when a named path does not exist; everything
    /// later becomes error records in the stream.
    pub fn open(locations: &[Location], options: ReadOptions) -> io::Result<Reader> {
        for loc in locations {
            if let Location::Path(p) = loc {
                std::fs::metadata(p).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display())))?;
            }
        }
        let counter = ByteCounter::default();
        let default_date = options.published;
        let options = Arc::new(options);
        let locations = locations.to_vec();
        let c = counter.clone();
        let inner = locations
            .into_iter()
            .flat_map(move |loc| open_location(loc, &options, &c))
            .map(move |input| input.map(|r| with_default_date(r, default_date)));
        Ok(Reader { inner: Box::new(inner), counter })
    }

    /// Counts the bytes read so far from files and standard input (compressed bytes for gzip),
    /// for progress reports.
    pub fn counter(&self) -> ByteCounter {
        self.counter.clone()
    }
}

impl Iterator for Reader {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        self.inner.next()
    }
}

/// Gives a record without a date of its own the default one; an HTML page gets it only when the
/// page gives none either.
fn with_default_date(mut r: Record, default: Option<Date>) -> Record {
    match &mut r.html {
        Some(page) => page.default_published = page.default_published.or(default),
        None => r.published = r.published.or(default),
    }
    r
}

/// Opens one location as a byte stream, decompressing gzip (for reading `byline batch` output back).
pub fn open(location: &Location) -> io::Result<BoxRead> {
    let counter = ByteCounter::default();
    match location {
        Location::Stdin => open::stdin(&counter),
        Location::Path(p) => open::file(p, &counter)
            .map(|(r, _)| r)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", p.display()))),
    }
}

type Records = Box<dyn Iterator<Item = Input> + Send>;

/// The records of one byte stream in `format`, named `source` in ids and messages (what a file
/// or standard input becomes once opened; gzip is not looked for here). Like [`Reader`], it never
/// fails: a bad record is an error record in its place.
///
/// ```
/// use byline_batch::readers::{records, Format, ReadOptions};
///
/// let csv = &b"id,text\na,Headline\n"[..];
/// let ids: Vec<_> = records(Box::new(csv), Format::Csv, "in.csv".into(), ReadOptions::default())
///     .map(|r| r.unwrap().id.unwrap())
///     .collect();
/// assert_eq!(ids, ["a"]);
/// ```
pub fn records(
    reader: BoxRead,
    format: Format,
    source: String,
    options: ReadOptions,
) -> impl Iterator<Item = Input> + Send {
    records_of(reader, format, source, &Arc::new(options))
}

fn open_location(loc: Location, options: &Arc<ReadOptions>, counter: &ByteCounter) -> Records {
    match loc {
        Location::Stdin => {
            let format = options.format.unwrap_or(Format::Jsonl);
            let source = "<stdin>".to_string();
            match open::stdin(counter) {
                Ok(r) => records_of(r, format, source, options),
                Err(e) => read_error(source, &e),
            }
        }
        Location::Path(path) if path.is_dir() => {
            let options = Arc::clone(options);
            let counter = counter.clone();
            Box::new(files::walk(&path).flat_map(move |entry| match entry {
                Ok((file, format)) => open_file(&file, format, &options, &counter),
                Err(e) => Box::new(std::iter::once(Err(e))),
            }))
        }
        Location::Path(path) => {
            let format = options.format.or_else(|| Format::from_path(&path)).unwrap_or(Format::Text);
            open_file(&path, format, options, counter)
        }
    }
}

fn open_file(path: &Path, format: Format, options: &Arc<ReadOptions>, counter: &ByteCounter) -> Records {
    let source = path.display().to_string();
    let (reader, gzip) = match open::file(path, counter) {
        Ok(opened) => opened,
        Err(e) => return read_error(source, &e),
    };
    if matches!(format, Format::Text | Format::Json | Format::Html) && !gzip {
        // Refuse a file over the limit without reading it.
        let len = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        if len > options.max_bytes as u64 {
            let e = byline_core::Error::TooLarge { len: len as usize, max: options.max_bytes };
            return Box::new(std::iter::once(Err(ErrorRecord::from_core(Some(source), &e))));
        }
    }
    records_of(reader, format, source, options)
}

fn records_of(reader: open::BoxRead, format: Format, source: String, options: &Arc<ReadOptions>) -> Records {
    match format {
        Format::Jsonl => Box::new(jsonl::JsonlRecords::new(reader, source, Arc::clone(options))),
        Format::Csv => Box::new(csv::CsvRecords::new(reader, source, Arc::clone(options))),
        Format::Warc => Box::new(warc::WarcRecords::new(reader, source, Arc::clone(options))),
        Format::Json | Format::Text | Format::Html => {
            let item = read_whole(reader, &source, options.max_bytes).and_then(|bytes| {
                let record = match format {
                    Format::Json => fields::from_json(&bytes, &options.fields, options.lossy)
                        .map_err(|e| ErrorRecord { id: Some(source.clone()), ..e })?,
                    Format::Text if !(options.detect_html && byline_core::looks_like_html(&bytes)) => {
                        Record { bytes, ..Record::default() }
                    }
                    _ => Record { bytes, html: Some(HtmlPage::default()), ..Record::default() },
                };
                // A file's path is its id, whatever the JSON says.
                Ok(Record { id: Some(source), ..record })
            });
            Box::new(std::iter::once(item))
        }
    }
}

/// Reads a whole one-article input, refusing more than `max` bytes.
fn read_whole(reader: open::BoxRead, source: &str, max: usize) -> Result<Vec<u8>, ErrorRecord> {
    let mut bytes = Vec::new();
    match reader.take(max as u64 + 1).read_to_end(&mut bytes) {
        Err(e) => Err(ErrorRecord::new(Some(source.into()), ErrorKind::Read, format!("{source}: {e}"))),
        Ok(n) if n > max => Err(ErrorRecord::new(
            Some(source.into()),
            ErrorKind::TooLarge,
            format!("input is over the limit of {max} bytes"),
        )),
        Ok(_) => Ok(bytes),
    }
}

fn read_error(source: String, e: &io::Error) -> Records {
    let msg = format!("{source}: {e}");
    Box::new(std::iter::once(Err(ErrorRecord::new(Some(source), ErrorKind::Read, msg))))
}

#[cfg(test)]
mod tests {
    use super::warc::tests::{gzip, page, record};
    use super::*;

    fn read(dir: &Path, options: ReadOptions) -> Vec<Input> {
        Reader::open(&[Location::Path(dir.to_path_buf())], options).unwrap().collect()
    }

    #[test]
    fn pages_in_a_directory_and_a_multi_member_warc() {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        let html = "<!doctype html><html><body><p>A page</p></body></html>";
        std::fs::write(dir.join("a.html"), html).unwrap();
        std::fs::write(dir.join("b.htm.gz"), gzip(html.as_bytes())).unwrap();
        std::fs::write(dir.join("c.txt"), html).unwrap();
        std::fs::write(dir.join("d.txt"), "Headline\n\nUse <p> for paragraphs.").unwrap();
        // One gzip member per record, as CC-NEWS files are written.
        let mut warc = gzip(&record("warcinfo", "", "application/warc-fields", b"x: y\r\n"));
        warc.extend(gzip(&page("https://example.org/1", html)));
        warc.extend(gzip(&page("https://example.org/2", html)));
        std::fs::write(dir.join("e.warc.gz"), warc).unwrap();
        let date = parse_published("2024-03-06").unwrap();
        let out: Vec<Record> = read(dir, ReadOptions { published: date, ..ReadOptions::default() })
            .into_iter()
            .map(Result::unwrap)
            .collect();
        let kinds: Vec<(String, bool)> = out
            .iter()
            .map(|r| (r.id.clone().unwrap().replace(&dir.display().to_string(), "$DIR"), r.html.is_some()))
            .collect();
        let expect = [
            ("$DIR/a.html", true),
            ("$DIR/b.htm.gz", true),
            ("$DIR/c.txt", true),
            ("$DIR/d.txt", false),
            ("https://example.org/1", true),
            ("https://example.org/2", true),
        ];
        assert_eq!(kinds, expect.map(|(id, html)| (id.to_string(), html)));
        // The default date is the page's fallback, and the text's date.
        assert_eq!((out[0].published, out[0].html.as_ref().unwrap().default_published), (None, date));
        assert_eq!(out[3].published, date);
        // Without detection, a .txt page is text.
        let out = read(dir, ReadOptions { detect_html: false, ..ReadOptions::default() });
        assert!(out[2].as_ref().unwrap().html.is_none() && out[0].as_ref().unwrap().html.is_some());
    }

    #[test]
    fn a_truncated_warc_gz_is_an_error_after_the_rest() {
        let tmp = tempfile::tempdir().unwrap();
        let html = "<html><body><p>A page</p></body></html>";
        let mut warc = gzip(&page("u:1", html));
        let last = gzip(&page("u:2", html));
        warc.extend(&last[..last.len() / 2]);
        let path = tmp.path().join("cut.warc.gz");
        std::fs::write(&path, warc).unwrap();
        let out: Vec<Input> = Reader::open(&[Location::Path(path)], ReadOptions::default()).unwrap().collect();
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap().id.as_deref(), Some("u:1"));
        assert_eq!(out[1].as_ref().unwrap_err().kind, ErrorKind::Read);
    }
}
