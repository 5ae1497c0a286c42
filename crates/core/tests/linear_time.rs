//! Linear time on pathological input: each input is parsed at 1× and 2× its size, and the time
//! may grow by at most 2.5× (ratios, not absolute times, so a slow or busy machine does not fail
//! it; each time is the fastest of a few runs). At 2× the inputs are the sizes the issue names: a
//! million opening quotation marks, a 5 MB line without spaces, 100,000 nested elements, 1 MB of
//! entities, 10^5 capitalised names, a million blank lines, deep nesting of quotes and brackets.
//!
//! Timing needs optimised code: `make test-linear` runs these in release (`make test` does too);
//! a debug `cargo test` skips them.

use std::time::{Duration, Instant};

use byline_core::{invariants, Parser};

/// The largest growth allowed when the input doubles.
const MAX_RATIO: f64 = 2.5;
/// Runs per size; the fastest counts.
const RUNS: usize = 5;
/// Measurements before a ratio over [`MAX_RATIO`] fails the test. On a busy machine one
/// measurement of a few milliseconds can be off by more than 2×; a superlinear stage is over the
/// limit every time (quadratic doubles to 4×), so it still fails.
const ATTEMPTS: usize = 3;

/// How an input of size `n` is parsed.
#[derive(Clone, Copy)]
enum Entry {
    Text,
    Html,
}

fn time_once(parser: &Parser, entry: Entry, input: &str) -> Duration {
    let start = Instant::now();
    let article = match entry {
        Entry::Text => parser.parse(input, None),
        Entry::Html => parser.parse_html(input.as_bytes(), None, None),
    }
    .expect("parses");
    let elapsed = start.elapsed();
    // Soundness is checked once per input, outside the timing.
    if article.text.len() < 64 * 1024 {
        invariants::assert_sound(&article);
    }
    elapsed
}

/// The fastest of [`RUNS`] runs at each size, the two sizes interleaved so that a burst of load
/// falls on both.
fn fastest_pair(parser: &Parser, entry: Entry, small: &str, large: &str) -> (Duration, Duration) {
    let (mut t1, mut t2) = (Duration::MAX, Duration::MAX);
    for _ in 0..RUNS {
        t1 = t1.min(time_once(parser, entry, small));
        t2 = t2.min(time_once(parser, entry, large));
    }
    (t1, t2)
}

/// Parses `make(n)` and `make(2n)` and fails when the second takes over [`MAX_RATIO`] times as
/// long in each of [`ATTEMPTS`] measurements.
fn assert_linear(name: &str, entry: Entry, n: usize, make: impl Fn(usize) -> String) {
    let parser = Parser::new();
    let (small, large) = (make(n), make(2 * n));
    // Warm up (page faults, allocator growth) before timing.
    time_once(&parser, entry, &small);
    let mut ratios = Vec::new();
    for _ in 0..ATTEMPTS {
        let (t1, t2) = fastest_pair(&parser, entry, &small, &large);
        let ratio = t2.as_secs_f64() / t1.as_secs_f64().max(1e-6);
        eprintln!(
            "linear time: {name}: {} bytes {:.1} ms, {} bytes {:.1} ms, ratio {ratio:.2}",
            small.len(),
            t1.as_secs_f64() * 1e3,
            large.len(),
            t2.as_secs_f64() * 1e3
        );
        if ratio <= MAX_RATIO {
            return;
        }
        ratios.push(format!("{ratio:.2}"));
    }
    panic!("{name}: doubling the input multiplied the time by {} (over {MAX_RATIO} each time)", ratios.join(", "));
}

/// An invented capitalised name for each `i`, all different.
fn name(i: usize) -> String {
    const FIRST: [&str; 8] = ["Ana", "Tomas", "Ilse", "Paul", "Mara", "Oskar", "Lena", "Ravi"];
    const SYLLABLES: [&str; 8] = ["ber", "dal", "mon", "rik", "sen", "tov", "wen", "zar"];
    let mut last = String::from("K");
    let mut k = i;
    loop {
        last.push_str(SYLLABLES[k % 8]);
        k /= 8;
        if k == 0 {
            break;
        }
    }
    format!("{} {last}", FIRST[i % 8])
}

macro_rules! linear {
    ($test:ident, $entry:expr, $n:expr, $make:expr) => {
        #[test]
        #[cfg_attr(debug_assertions, ignore = "timing needs a release build: make test-linear")]
        fn $test() {
            assert_linear(stringify!($test), $entry, $n, $make);
        }
    };
}

linear!(a_million_opening_quotation_marks, Entry::Text, 500_000, |n| "\u{201c}".repeat(n));
// Under a million marks, the doubling crosses the cache sizes and measures the memory, not the code
// (500,000 to a million: 2.8×; a million to two: 1.8×; two to four: 2.2×).
linear!(millions_of_straight_quotation_marks, Entry::Text, 1_000_000, |n| "\" ".repeat(n));
linear!(a_5_mb_line_without_spaces, Entry::Text, 2_500_000, |n| "abcdefghij".chars().cycle().take(n).collect());
linear!(a_5_mb_line_of_punctuation, Entry::Text, 2_500_000, |n| ".,;-".chars().cycle().take(n).collect());
linear!(capitalised_names, Entry::Text, 50_000, |n| (0..n).map(|i| name(i) + " said. ").collect());
linear!(capitalised_words_in_one_sentence, Entry::Text, 50_000, |n| (0..n).map(|i| name(i) + " ").collect());
linear!(a_million_blank_lines, Entry::Text, 500_000, |n| format!("Title\n{}Body.", "\n".repeat(n)));
linear!(a_million_one_word_paragraphs, Entry::Text, 250_000, |n| "Word\n\n".repeat(n));
linear!(deeply_nested_quotes, Entry::Text, 100_000, |n| format!(
    "{}said{}",
    "\u{201c}\u{2018}".repeat(n),
    "\u{2019}\u{201d}".repeat(n)
));
linear!(deeply_nested_brackets, Entry::Text, 250_000, |n| format!("{}x{}", "([{".repeat(n), "}])".repeat(n)));
linear!(cue_words_back_to_back, Entry::Text, 100_000, |n| "said told according to ".repeat(n));
linear!(time_words_back_to_back, Entry::Text, 100_000, |n| "Monday last year March 3 ".repeat(n));
linear!(nested_elements, Entry::Html, 50_000, |n| format!(
    "<html><body>{}<p>The council met.</p>{}</body></html>",
    "<div>".repeat(n),
    "</div>".repeat(n)
));
linear!(unclosed_elements, Entry::Html, 50_000, |n| format!("<html><body>{}text", "<span><p><b>".repeat(n)));
linear!(a_megabyte_of_entities, Entry::Html, 100_000, |n| format!(
    "<html><body><article><p>{}</p></article></body></html>",
    "&amp;&#8220;&quot;&nbsp;&#x2014;".repeat(n / 5)
));
linear!(many_paragraphs_in_a_page, Entry::Html, 50_000, |n| format!(
    "<html><body><article>{}</article></body></html>",
    (0..n).map(|i| format!("<p>{} said it was fine.</p>", name(i))).collect::<String>()
));
