//! What the fuzz targets share: one parser for the process, and the checks every output must pass
//! (the article invariants live in `byline_core::invariants`, which the property tests use too).

use std::io::Cursor;
use std::sync::OnceLock;

use byline_batch::readers::{records, Format, ReadOptions};
use byline_core::{invariants, Article, Parser};

/// Inputs above this many bytes are parsed by the targets with a smaller parser limit, so that the
/// error path is fuzzed too.
pub const MAX_BYTES: usize = 1 << 16;

/// The parser every target uses, built once (building compiles the automata and the tagger).
pub fn parser() -> &'static Parser {
    static PARSER: OnceLock<Parser> = OnceLock::new();
    PARSER.get_or_init(|| Parser::builder().max_bytes(MAX_BYTES).build().expect("valid options"))
}

/// Checks an article: its invariants, and that parsing its input again gives the same article.
pub fn check(article: &Article, again: impl FnOnce() -> Article) {
    invariants::assert_sound(article);
    assert_eq!(&again(), article, "parsing the same input twice gave two articles");
}

/// Reads `data` as a JSON Lines, CSV or WARC stream and checks what the readers promise: every item,
/// record or error, has an id; an error serialises to its one-line record; a record's text
/// parses (or fails with an error record) like any other input.
pub fn read_records(data: &[u8], format: Format) {
    let options =
        ReadOptions { max_bytes: MAX_BYTES, lossy: data.first().is_some_and(|b| b & 1 == 1), ..ReadOptions::default() };
    let stream = records(Box::new(Cursor::new(data.to_vec())), format, "fuzz".into(), options);
    let mut count = 0;
    for input in stream {
        count += 1;
        assert!(count <= data.len() + 1, "more records than bytes");
        match &input {
            Ok(r) => assert!(r.id.is_some(), "a record without an id"),
            Err(e) => {
                assert!(e.id.is_some(), "an error record without an id: {e:?}");
                let line = serde_json::to_string(e).expect("error records serialise");
                assert!(!line.contains('\n'));
            }
        }
        if let Ok(article) = byline_batch::parse_input(parser(), input) {
            invariants::assert_sound(&article);
        }
    }
}
