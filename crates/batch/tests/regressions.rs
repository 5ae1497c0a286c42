//! Every input that once crashed byline or took too long, kept in `tests/data/regressions/` and
//! named after the issue that found it (`issue13_<what>.<ext>`). Each goes in by the entry point its
//! extension names: `.txt` through `Parser::parse_bytes` (lossy), `.html` through
//! `Parser::parse_html`, `.jsonl`, `.csv` and `.warc` through the batch readers and the parser. Nothing may
//! panic, every article must be sound (`byline_core::invariants`), and each input must parse
//! within a generous time limit (a slow input that came back would exceed it).

use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::time::Duration;

use byline_batch::readers::{records, Format, ReadOptions};
use byline_batch::{parse_input, ErrorKind};
use byline_core::{invariants, Error, Parser};

/// Far above what any of these inputs takes, even in a debug build on a busy machine.
const LIMIT: Duration = Duration::from_secs(60);

fn regressions() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/data/regressions");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_regression_input_parses_soundly_in_time() {
    let parser = Parser::builder().lossy_utf8(true).timeout(Some(LIMIT)).build().unwrap();
    let files = regressions();
    assert!(!files.is_empty(), "tests/data/regressions/ holds no inputs");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        assert!(name.starts_with("issue"), "{name}: name regression inputs after their issue (issue13_<what>.<ext>)");
        let bytes = std::fs::read(&path).unwrap();
        let format = match path.extension().and_then(|e| e.to_str()) {
            Some("txt") => {
                check(&name, parser.parse_bytes(&bytes, None));
                continue;
            }
            Some("html") => {
                check(&name, parser.parse_html(&bytes, None, None));
                continue;
            }
            Some("jsonl") => Format::Jsonl,
            Some("csv") => Format::Csv,
            Some("warc") => Format::Warc,
            other => panic!("{name}: unknown extension {other:?} (txt, html, jsonl, csv, warc)"),
        };
        let options = ReadOptions { lossy: true, ..ReadOptions::default() };
        for input in records(Box::new(Cursor::new(bytes)), format, name.clone(), options) {
            match parse_input(&parser, input) {
                Ok(article) => invariants::assert_sound(&article),
                Err(e) => assert!(
                    !matches!(e.kind, ErrorKind::Timeout | ErrorKind::Parse),
                    "{name}: {} ({:?})",
                    e.error,
                    e.kind
                ),
            }
        }
    }
}

fn check(name: &str, parsed: byline_core::Result<byline_core::Article>) {
    match parsed {
        Ok(article) => invariants::assert_sound(&article),
        Err(e @ Error::Timeout { .. }) => panic!("{name}: {e}"),
        // Binary data and the like are refused, which is right for them.
        Err(_) => {}
    }
}
