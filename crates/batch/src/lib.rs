//! # byline-batch
//!
//! Parses a corpus of news articles on all cores: readers turn files, directory trees and
//! standard input into records; an ordered pipeline parses them in bounded chunks with one
//! shared [`Parser`](byline_core::Parser); writers produce Article JSON Lines and flat tables
//! (CSV, Parquet); [`Stats`] aggregates who is quoted and mentioned most. Every failure is kept
//! as an [`ErrorRecord`] in the failed article's place. The `byline` command line is built on it.
//!
//! ```
//! use byline_batch::readers::{Location, ReadOptions, Reader};
//! use byline_batch::{Pipeline, Processor, Stats, Summary};
//! use byline_core::Parser;
//!
//! // A small corpus: one JSON Lines file with a good record and a bad one.
//! let dir = std::env::temp_dir().join(format!("byline-doc-lib-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! let corpus = dir.join("corpus.jsonl");
//! std::fs::write(&corpus, concat!(
//!     r#"{"id": "a1", "text": "Storm Hits Coast\n\nThe storm arrived on Monday.", "published": "2024-03-06"}"#, "\n",
//!     r#"{"id": "a2", "body": "no text field"}"#, "\n",
//! ))?;
//!
//! let parser = Parser::new(); // built once, shared by every thread
//! let pipeline = Pipeline::builder().threads(2).build().expect("thread pool");
//! let processor = Processor::new(&parser, true); // with table rows, for the stats
//! let reader = Reader::open(&[Location::Path(corpus)], ReadOptions::default())?;
//!
//! let mut summary = Summary::start(pipeline.threads());
//! let mut stats = Stats::new();
//! let mut lines = Vec::new();
//! for done in pipeline.map(reader, |input| processor.process(input)) {
//!     summary.add(&done);
//!     stats.add(done.rows.as_ref().unwrap());
//!     lines.push(String::from_utf8(done.json).unwrap());
//! }
//! assert!(lines[0].starts_with(r#"{"schema":"byline/1","id":"a1","#));
//! assert_eq!(lines[1], r#"{"id":"a2","error":"no field \"text\" or \"html\" (the record has \"id\", \"body\")"}"#);
//! assert_eq!((summary.parsed, summary.errors), (1, 1));
//! assert_eq!(stats.report(10).articles, 1);
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The pieces compose: [`Pipeline::parse`] yields `Result<Article, ErrorRecord>` for any
//! iterator of [`Input`]s; [`Pipeline::chunks`] with [`Chunks::prefetch`] reads on a thread of
//! its own; [`tables::Rows`] flattens articles for DataFrames; [`writers`] write JSON Lines,
//! CSV and Parquet; [`render`] draws an article as HTML for people.
//!
//! Features (all on by default):
//! - `parquet`: Parquet files and arrow record batches. Without it the crate does not depend on
//!   arrow-rs and writes CSV tables only.
//! - `cli`: the command line as a library, [`cli::main`] (argument parsing, progress bar); it
//!   implies `parquet`. The Python package turns it on for its `byline` console script.
//! - `bin`: the `byline` binary itself (Ctrl-C handling and the mimalloc allocator); implies `cli`.

#[cfg(feature = "cli")]
pub mod cli;
pub mod pipeline;
mod process;
pub mod readers;
mod record;
pub mod render;
pub mod stats;
mod summary;
pub mod tables;
pub mod writers;

pub use pipeline::{parse_input, prefetch, Chunks, Pipeline, PipelineBuilder, Prefetch};
pub use process::{Processed, Processor};
pub use record::{ErrorKind, ErrorRecord, HtmlPage, Input, Record};
pub use stats::{Report, Stats};
pub use summary::Summary;
