//! Property tests: articles made of news-like pieces and of hostile ones (every kind of quotation
//! mark, brackets, dashes, blank lines, control characters, multi-byte letters, tags and
//! entities) parse without a panic into sound articles (`byline_core::invariants`), the same
//! every time, in every mode (full, plain text, stages off, HTML).

use byline_core::{invariants, parse_date, Error, Parser};
use proptest::prelude::*;
use std::sync::OnceLock;

fn parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(Parser::new)
}

fn plain_parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(|| Parser::builder().plain_text(true).timexes(false).build().unwrap())
}

/// Pieces an article is made of: words, invented names, cues, dates, marks and oddities.
const PIECES: &[&str] = &[
    "the",
    "council",
    "said",
    "told",
    "according to",
    "on Monday",
    "last year",
    "March 3",
    "2024",
    "in",
    "Mr.",
    "Dr.",
    "Gen.",
    "Ana",
    "Ruiz",
    "Tomas",
    "Halden",
    "Valley Post",
    "Portvale",
    "Ministry of Water",
    "he",
    "she",
    "they",
    "officials",
    "warned",
    "added",
    "U.S.",
    "a.m.",
    "3 p.m.",
    "$4.5 million",
    "e.g.",
    "\u{201c}",
    "\u{201d}",
    "\u{2018}",
    "\u{2019}",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "‹",
    "›",
    "(",
    ")",
    "[",
    "]",
    "—",
    "–",
    "-",
    ",",
    ".",
    "!",
    "?",
    ":",
    ";",
    "…",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    " ",
    "\u{a0}",
    "\u{200b}",
    "\0",
    "\u{feff}",
    "Café",
    "Zürich",
    "日本",
    "Ελλάδα",
    "🙂",
    "\u{301}",
    "By",
    "By Ana Ruiz",
    "PORTVALE (Wire) -",
    "Additional reporting by",
    "Editing by",
    "Advertisement",
    "<p>",
    "</p>",
    "<div>",
    "&amp;",
    "&#8220;",
    "&",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            8 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<char>().prop_map(String::from),
            1 => (prop::char::range('A', 'Z'), prop::collection::vec(prop::char::range('a', 'z'), 1..9))
                .prop_map(|(first, rest)| std::iter::once(first).chain(rest).collect()),
        ],
        0..120,
    )
    .prop_map(|pieces| {
        let mut text = String::new();
        for (i, p) in pieces.iter().enumerate() {
            // Mostly spaced like prose, sometimes glued to the piece before.
            if i > 0 && i % 3 != 0 {
                text.push(' ');
            }
            text.push_str(p);
        }
        text
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn articles_are_sound_and_deterministic(text in article()) {
        let published = parse_date("2024-03-07").ok();
        let a = parser().parse(&text, published).unwrap();
        invariants::assert_sound(&a);
        prop_assert_eq!(&a.text, &text);
        prop_assert_eq!(parser().parse(&text, published).unwrap(), a);
        let b = parser().parse_bytes(text.as_bytes(), published);
        if let Ok(b) = b {
            invariants::assert_sound(&b);
        }
    }

    #[test]
    fn plain_text_is_sound(text in article()) {
        invariants::assert_sound(&plain_parser().parse(&text, None).unwrap());
    }

    #[test]
    fn pages_are_sound_and_deterministic(body in article(), title in article()) {
        let page = format!("<html><head><title>{title}</title></head><body><article><h1>{title}</h1><p>{body}</p></article></body></html>");
        let a = match parser().parse_html(page.as_bytes(), None, None) {
            Ok(a) => a,
            // NUL bytes near the start mark binary data, not a page.
            Err(e) => return { prop_assert!(page.contains('\0') && e == Error::Binary, "{e}"); Ok(()) },
        };
        invariants::assert_sound(&a);
        prop_assert_eq!(parser().parse_html(page.as_bytes(), None, None).unwrap(), a);
    }

    #[test]
    fn any_bytes_parse_or_fail_cleanly(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        if let Ok(a) = parser().parse_bytes(&bytes, None) {
            invariants::assert_sound(&a);
        }
        if let Ok(a) = parser().parse_html(&bytes, None, None) {
            invariants::assert_sound(&a);
        }
    }
}
