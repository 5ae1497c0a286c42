//! CSV with a header row: one record per row, columns found by name.

use std::sync::Arc;

use csv::{ByteRecord, ReaderBuilder};

use super::{fields::parse_published, BoxRead, ReadOptions};
use crate::record::{ErrorKind, ErrorRecord, HtmlPage, Input, Record};

/// Column positions of the configured fields; the header has a text or an HTML column, or both.
struct Columns {
    text: Option<usize>,
    html: Option<usize>,
    id: Option<usize>,
    published: Option<usize>,
    url: Option<usize>,
}

/// The records of one CSV stream. A bad row is an error record and reading goes on; a read
/// error, or a header without the text column, is an error record and ends it.
pub(crate) struct CsvRecords {
    reader: csv::Reader<BoxRead>,
    source: String,
    options: Arc<ReadOptions>,
    columns: Option<Columns>,
    row: ByteRecord,
    done: bool,
}

impl CsvRecords {
    pub(crate) fn new(reader: BoxRead, source: String, options: Arc<ReadOptions>) -> CsvRecords {
        let reader = ReaderBuilder::new().flexible(true).from_reader(reader);
        CsvRecords { reader, source, options, columns: None, row: ByteRecord::new(), done: false }
    }

    fn fail(&mut self, id: String, kind: ErrorKind, msg: String) -> Option<Input> {
        if kind == ErrorKind::Read {
            self.done = true;
        }
        Some(Err(ErrorRecord::new(Some(id), kind, msg)))
    }

    fn find_columns(&mut self) -> Result<Columns, (ErrorKind, String)> {
        let headers = self.reader.byte_headers().map_err(|e| (ErrorKind::Read, e.to_string()))?;
        let find = |name: &str| headers.iter().position(|h| h == name.as_bytes());
        let fields = &self.options.fields;
        let (text, html) = (find(&fields.text), find(&fields.html));
        if text.is_none() && html.is_none() {
            let names: Vec<String> = headers.iter().map(|h| String::from_utf8_lossy(h).into_owned()).collect();
            let msg = super::fields::missing(&[&fields.text, &fields.html], "column", "the header", &names);
            return Err((ErrorKind::MissingText, msg));
        }
        Ok(Columns { text, html, id: find(&fields.id), published: find(&fields.published), url: find(&fields.url) })
    }

    fn record(&self, columns: &Columns, line_id: String) -> Input {
        let field = |i: Option<usize>| i.and_then(|i| self.row.get(i)).filter(|f| !f.is_empty());
        let lossy = |f: &[u8]| String::from_utf8_lossy(f).into_owned();
        let id = field(columns.id).map(lossy).unwrap_or(line_id);
        let fail = |kind, msg: String| ErrorRecord::new(Some(id.clone()), kind, msg);
        // A row's page, when it has one, else its text.
        let (text, html) = match field(columns.html) {
            Some(page) => (page, Some(HtmlPage { url: field(columns.url).map(lossy), ..HtmlPage::default() })),
            None => match columns.text.and_then(|i| self.row.get(i)) {
                Some(text) => (text, None),
                None => {
                    let fields = &self.options.fields;
                    let name = if columns.text.is_some() { &fields.text } else { &fields.html };
                    return Err(fail(ErrorKind::Format, format!("the row has no {name:?} column")));
                }
            },
        };
        if text.len() > self.options.max_bytes {
            let e = byline_core::Error::TooLarge { len: text.len(), max: self.options.max_bytes };
            return Err(ErrorRecord::from_core(Some(id), &e));
        }
        let published = match field(columns.published) {
            Some(f) => {
                parse_published(&String::from_utf8_lossy(f)).map_err(|e| fail(ErrorKind::Format, e.to_string()))?
            }
            None => None,
        };
        Ok(Record { id: Some(id), bytes: text.to_vec(), published, lossy: false, html })
    }
}

impl Iterator for CsvRecords {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if self.done {
            return None;
        }
        let columns = match self.columns.take() {
            Some(c) => c,
            None => match self.find_columns() {
                Ok(c) => c,
                Err((kind, msg)) => {
                    self.done = true;
                    let msg = format!("{}: {msg}", self.source);
                    return self.fail(self.source.clone(), kind, msg);
                }
            },
        };
        let result = self.reader.read_byte_record(&mut self.row);
        let line = match &result {
            Ok(true) => self.row.position().map_or(0, |p| p.line()),
            _ => self.reader.position().line(),
        };
        let line_id = format!("{}:{line}", self.source);
        let item = match result {
            Ok(false) => {
                self.done = true;
                return None;
            }
            Ok(true) => Some(self.record(&columns, line_id)),
            Err(e) if e.is_io_error() => {
                let msg = format!("{}: read error at line {line}: {e}", self.source);
                self.fail(line_id, ErrorKind::Read, msg)
            }
            Err(e) => self.fail(line_id, ErrorKind::Format, format!("{}: {e}", self.source)),
        };
        self.columns = Some(columns);
        item
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &'static [u8], options: ReadOptions) -> Vec<Input> {
        CsvRecords::new(Box::new(text), "in.csv".into(), Arc::new(options)).collect()
    }

    #[test]
    fn rows_by_column_name() {
        let input = b"id,published,text\na,2023-02-25,\"Head\n\nBody, with a comma.\"\n,,Second\nc,nope,Third\nd,\n";
        let out = read_all(input, ReadOptions::default());
        assert_eq!(out.len(), 4);
        let first = out[0].as_ref().unwrap();
        assert_eq!((first.id.as_deref(), first.bytes.as_slice()), (Some("a"), &b"Head\n\nBody, with a comma."[..]));
        assert_eq!(first.published.unwrap().to_string(), "2023-02-25");
        assert_eq!(out[1].as_ref().unwrap().id.as_deref(), Some("in.csv:5"));
        assert_eq!(out[2].as_ref().unwrap_err().kind, ErrorKind::Format);
        let short = out[3].as_ref().unwrap_err();
        assert_eq!((short.id.as_deref(), short.error.as_str()), (Some("d"), "the row has no \"text\" column"));
    }

    #[test]
    fn a_missing_text_column_is_one_error() {
        let out = read_all(b"id,body\na,b\n", ReadOptions::default());
        assert_eq!(out.len(), 1);
        let e = out[0].as_ref().unwrap_err();
        assert_eq!(
            (e.kind, e.error.as_str()),
            (ErrorKind::MissingText, r#"in.csv: no column "text" or "html" (the header has "id", "body")"#)
        );
    }

    #[test]
    fn rows_with_a_page_are_html() {
        let input = b"id,url,html,text\na,https://example.org/a,<p>Page</p>,\nb,,,Just text\n";
        let out = read_all(input, ReadOptions::default());
        let a = out[0].as_ref().unwrap();
        assert_eq!(
            (a.bytes.as_slice(), a.html.as_ref().unwrap().url.as_deref()),
            (&b"<p>Page</p>"[..], Some("https://example.org/a"))
        );
        let b = out[1].as_ref().unwrap();
        assert_eq!((b.bytes.as_slice(), b.html.as_ref()), (&b"Just text"[..], None));
        let out = read_all(b"id,html\nc,<p>x</p>\nd\n", ReadOptions::default());
        assert!(out[0].as_ref().unwrap().html.is_some());
        assert_eq!(out[1].as_ref().unwrap_err().error, "the row has no \"html\" column");
    }
}
