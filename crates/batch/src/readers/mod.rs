//! Readers: inputs (files, directory trees, standard input) become a lazy stream of [`Input`]s.
//!
//! - A directory is walked recursively in name order; its `.txt`, `.json`, `.jsonl`/`.ndjson` and
//!   `.csv` files are read (each optionally `.gz`), other and hidden files are skipped.
//! - A `.txt` file is one article and a `.json` file one object; a file's path is its id.
//! - A JSON Lines or CSV file holds one article per line or row. Field names are configurable
//!   ([`Fields`]); a record without an id gets `<source>:<line>`.
//! - Gzip is recognised by its magic bytes, whatever the file is called.
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

use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use byline_core::Date;

use crate::record::{ErrorKind, ErrorRecord, Input, Record};

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
    Text,
}

impl Format {
    /// The format a file name says, looking through a `.gz` suffix; `None` when it says nothing known.
    ///
    /// ```
    /// use byline_batch::readers::Format;
    /// assert_eq!(Format::from_path("a/b.jsonl.gz".as_ref()), Some(Format::Jsonl));
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
    /// without the date field). Default: `None`.
    pub published: Option<Date>,
}

impl Default for ReadOptions {
    fn default() -> ReadOptions {
        ReadOptions {
            fields: Fields::default(),
            format: None,
            max_bytes: 256 * 1024 * 1024,
            lossy: false,
            published: None,
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
            .map(move |input| input.map(|r| Record { published: r.published.or(default_date), ..r }));
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
    if matches!(format, Format::Text | Format::Json) && !gzip {
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
        Format::Json | Format::Text => {
            let item = read_whole(reader, &source, options.max_bytes).and_then(|bytes| {
                let record = match format {
                    Format::Json => fields::from_json(&bytes, &options.fields, options.lossy)
                        .map_err(|e| ErrorRecord { id: Some(source.clone()), ..e })?,
                    _ => Record { bytes, ..Record::default() },
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
