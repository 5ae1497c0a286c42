//! `Parser::parse_html` on any bytes: a page in any encoding, broken or not HTML at all.
#![no_main]

use byline_fuzz::{check, parser};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = parser().parse_html(data, Some("https://news.example/2024/05/06/story"), None) {
        check(&article, || {
            parser().parse_html(data, Some("https://news.example/2024/05/06/story"), None).expect("parsed once")
        });
    }
});
