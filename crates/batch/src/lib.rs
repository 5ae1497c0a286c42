//! # byline-batch
//!
//! Parses many articles with one shared [`Parser`]: records in, articles out, in input order,
//! with every failure kept as an error record.
//!
//! ```
//! use byline_batch::{parse_records, Record};
//! use byline_core::Parser;
//!
//! let parser = Parser::new();
//! let records = vec![
//!     Record { id: Some("a".into()), text: "Headline\n\nBody.".into(), published: None },
//!     Record { id: Some("b".into()), text: "Another\n\nMore body.".into(), published: None },
//! ];
//! let out = parse_records(&parser, records);
//! assert_eq!(out.len(), 2);
//! assert_eq!(out[1].as_ref().unwrap().id.as_deref(), Some("b"));
//! ```

use byline_core::{Article, Date, Parser};
use rayon::prelude::*;

mod record;

pub use record::{read_jsonl_record, ErrorRecord, Record};

/// Parses `records` on the rayon pool, keeping their order. A record that fails gives an
/// [`ErrorRecord`] in its place.
pub fn parse_records(parser: &Parser, records: Vec<Record>) -> Vec<Result<Article, ErrorRecord>> {
    records.into_par_iter().map(|r| parse_record(parser, r)).collect()
}

/// Parses one record, giving the article its id.
pub fn parse_record(parser: &Parser, record: Record) -> Result<Article, ErrorRecord> {
    let published: Option<Date> = record.published;
    match parser.parse(&record.text, published) {
        Ok(mut a) => {
            a.id = record.id;
            Ok(a)
        }
        Err(e) => Err(ErrorRecord { id: record.id, error: e.to_string() }),
    }
}
