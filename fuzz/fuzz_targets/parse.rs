//! `Parser::parse` on any text (the bytes decoded lossily) and `Parser::parse_bytes` on the bytes.
#![no_main]

use byline_fuzz::{check, parser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Ok(article) = parser().parse(&text, None) {
        check(&article, || parser().parse(&text, None).expect("parsed once"));
    }
    if let Ok(article) = parser().parse_bytes(data, None) {
        byline_core::invariants::assert_sound(&article);
    }
});
