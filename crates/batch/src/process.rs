//! What the batch does to each record on the worker threads: parse, serialise, flatten.

use byline_core::Parser;

use crate::pipeline::parse_input;
use crate::record::{ErrorRecord, Input};
use crate::tables::Rows;

/// One record's results, ready to be written in order.
#[derive(Clone, Debug)]
pub struct Processed {
    /// The record's id.
    pub id: Option<String>,
    /// Size of the record's text in bytes (0 when it could not be read).
    pub bytes: usize,
    /// The output line: the article's JSON, or the `{"id", "error"}` record (no newline).
    pub json: Vec<u8>,
    /// The failure, when the record failed.
    pub error: Option<ErrorRecord>,
    /// The table rows, when asked for.
    pub rows: Option<Rows>,
    /// The record's group field ([`Record::group`](crate::Record::group)), for the study.
    pub group: Option<String>,
}

/// Turns inputs into [`Processed`] records. Shared by the worker threads.
#[derive(Clone, Copy, Debug)]
pub struct Processor<'p> {
    parser: &'p Parser,
    rows: bool,
}

impl<'p> Processor<'p> {
    /// Parses with `parser`; with `rows`, also flattens each article into table rows.
    pub fn new(parser: &'p Parser, rows: bool) -> Processor<'p> {
        Processor { parser, rows }
    }

    /// Processes one input. Never fails: a failure is an error record.
    pub fn process(&self, input: Input) -> Processed {
        let bytes = input.as_ref().map_or(0, |r| r.bytes.len());
        let group = input.as_ref().ok().and_then(|r| r.group.clone());
        match parse_input(self.parser, input) {
            Ok(article) => {
                let mut json = Vec::with_capacity(article.text.len() * 2);
                let rows = if self.rows {
                    // One contract view serves the line and the rows.
                    let wire = article.to_wire(false);
                    serde_json::to_writer(&mut json, &wire).expect("writing to memory");
                    Some(Rows::from_wire(wire))
                } else {
                    article.write_json(&mut json, false).expect("writing to memory");
                    None
                };
                Processed { id: article.id, bytes, json, error: None, rows, group }
            }
            Err(e) => Processed {
                id: e.id.clone(),
                bytes,
                json: serde_json::to_vec(&e).expect("error records serialise"),
                rows: self.rows.then(|| Rows::from_error(&e)),
                error: Some(e),
                group,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;

    #[test]
    fn articles_and_errors_become_lines() {
        let parser = Parser::new();
        let p = Processor::new(&parser, true);
        let ok = p.process(Ok(Record::new("a", "Title\n\nBody.")));
        let line: serde_json::Value = serde_json::from_slice(&ok.json).unwrap();
        assert_eq!((line["id"].as_str(), line["title"].as_str()), (Some("a"), Some("Title")));
        assert_eq!((ok.bytes, ok.rows.unwrap().articles.len()), (12, 1));
        let bad = p.process(Ok(Record { id: Some("b".into()), bytes: b"\0\0bin".to_vec(), ..Record::default() }));
        assert_eq!(
            String::from_utf8(bad.json).unwrap(),
            r#"{"id":"b","error":"input looks like binary data, not text"}"#
        );
        assert!(bad.error.is_some());
    }
}
