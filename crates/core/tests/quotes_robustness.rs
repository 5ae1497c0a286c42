//! Hostile input to the quotes stage (runs of quotation marks, deep nesting, cue words back to
//! back): parsed without a panic, every quote inside the text.

use byline_core::Parser;

#[test]
fn bad_input_never_panics() {
    let parser = Parser::new();
    let inputs = [
        "“".repeat(10_000),
        "”".repeat(10_000),
        "\"".repeat(9_999),
        "'".repeat(5_000),
        "“a ‘b “c ‘d “e ‘f “g ‘h".repeat(500),
        "said said said, according to according to told".repeat(1_000),
        "“Unclosed\n\n“reopened\n\n“again".repeat(300),
    ];
    for input in &inputs {
        let a = parser.parse(input, None).expect("parses");
        for q in &a.quotes {
            assert!(q.span.end() <= a.text.len());
        }
    }
}
