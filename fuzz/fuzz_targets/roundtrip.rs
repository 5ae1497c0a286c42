//! Differential: the article from `parse` against its JSON contract and against the batch engine.
//! The wire view round-trips (`to_wire`/`from_wire`, and through JSON text), every span's text is
//! the text at its code point offsets (`invariants`), and the batch engine gives what
//! `parse_bytes` gives for the same bytes.
#![no_main]

use byline_batch::{parse_input, Record};
use byline_core::json::WireArticle;
use byline_core::Article;
use byline_fuzz::parser;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let Ok(article) = parser().parse(&text, None) else { return };
    byline_core::invariants::assert_sound(&article);

    let wire = article.to_wire(true);
    let json = serde_json::to_string(&wire).expect("serialises");
    let back: WireArticle = serde_json::from_str(&json).expect("reads back");
    assert_eq!(back, wire, "the wire view changed through JSON text");
    assert_eq!(Article::from_wire(back, text.clone()).as_ref(), Ok(&article));

    // The batch reads bytes, as `parse_bytes` does (which, unlike `parse`, refuses NUL bytes as
    // binary data): the two must agree, article or error.
    let bytes = parser().parse_bytes(text.as_bytes(), None).map_err(|e| e.to_string());
    let record = Record { id: None, bytes: text.into_bytes(), ..Record::default() };
    let batch = parse_input(parser(), Ok(record)).map_err(|e| e.error);
    assert_eq!(batch, bytes, "parse_bytes and the batch engine disagree");
});
