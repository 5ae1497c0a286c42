//! JSON Lines: one record per line.

use std::sync::Arc;

use super::{fields, lines::read_line_limited, BoxRead, ReadOptions};
use crate::record::{ErrorKind, ErrorRecord, Input};

/// The records of one JSON Lines stream. Blank lines are skipped; a bad line is an error record
/// and reading goes on; a read error (a truncated gzip stream) is an error record and ends it.
pub(crate) struct JsonlRecords {
    reader: BoxRead,
    source: String,
    options: Arc<ReadOptions>,
    line_no: usize,
    buf: Vec<u8>,
    done: bool,
}

impl JsonlRecords {
    pub(crate) fn new(reader: BoxRead, source: String, options: Arc<ReadOptions>) -> JsonlRecords {
        JsonlRecords { reader, source, options, line_no: 0, buf: Vec::new(), done: false }
    }

    fn line_id(&self) -> String {
        format!("{}:{}", self.source, self.line_no)
    }
}

impl Iterator for JsonlRecords {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        while !self.done {
            self.line_no += 1;
            let max = self.options.max_bytes;
            let len = match read_line_limited(&mut self.reader, &mut self.buf, max) {
                Ok(Some(len)) => len,
                Ok(None) => break,
                Err(e) => {
                    self.done = true;
                    let msg = format!("{}: read error at line {}: {e}", self.source, self.line_no);
                    return Some(Err(ErrorRecord::new(Some(self.line_id()), ErrorKind::Read, msg)));
                }
            };
            if len > max {
                let e = byline_core::Error::TooLarge { len, max };
                return Some(Err(ErrorRecord::from_core(Some(self.line_id()), &e)));
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let item = fields::from_json(&self.buf, &self.options.fields, self.options.lossy);
            let fill_id = |id: &mut Option<String>| {
                id.get_or_insert_with(|| self.line_id());
            };
            return Some(match item {
                Ok(mut r) => {
                    fill_id(&mut r.id);
                    Ok(r)
                }
                Err(mut e) => {
                    fill_id(&mut e.id);
                    Err(e)
                }
            });
        }
        self.done = true;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &'static [u8], options: ReadOptions) -> Vec<Input> {
        JsonlRecords::new(Box::new(text), "in.jsonl".into(), Arc::new(options)).collect()
    }

    #[test]
    fn records_errors_and_ids() {
        let input = b"{\"id\": \"a\", \"text\": \"A\"}\n\n{\"text\": \"B\"}\nnot json\n{\"id\": 9, \"text\": \"C\"}";
        let out = read_all(input, ReadOptions::default());
        let ids: Vec<_> = out.iter().map(|r| r.as_ref().map_or_else(|e| e.id.clone(), |r| r.id.clone())).collect();
        assert_eq!(ids, [Some("a".into()), Some("in.jsonl:3".into()), Some("in.jsonl:4".into()), Some("9".into())]);
        assert_eq!(out[2].as_ref().unwrap_err().kind, ErrorKind::Format);
    }

    #[test]
    fn an_overlong_line_is_an_error_and_reading_goes_on() {
        let input = b"{\"text\": \"0123456789\"}\n{\"text\": \"x\"}\n";
        let out = read_all(input, ReadOptions { max_bytes: 16, ..ReadOptions::default() });
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap_err().kind, ErrorKind::TooLarge);
        assert_eq!(out[1].as_ref().unwrap().bytes, b"x");
    }
}
