//! Layout and sentences on hostile input: no panic, spans on char boundaries and in order.

use byline_core::{Article, Parser};

fn parse(text: &str) -> Article {
    let parser = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let a = parser.parse(text, None).unwrap();
    let mut last = 0;
    for s in &a.sentences {
        assert!(s.span.start() >= last, "sentences out of order");
        assert!(s.span.get(&a.text).is_some(), "sentence span off a char boundary");
        last = s.span.end();
    }
    for p in &a.paragraphs {
        assert!(p.span.get(&a.text).is_some());
    }
    a
}

#[test]
fn hostile_shapes() {
    let shapes = [
        "“".repeat(50_000),
        "((((([[[[[“‘«".repeat(20_000),
        "\"".repeat(30_001),
        "a.".repeat(200_000),
        ". ".repeat(200_000),
        "!?".repeat(200_000),
        "x@y.".repeat(100_000),
        "http://".repeat(50_000),
        "Mr. ".repeat(100_000),
        "1. ".repeat(100_000),
        "• ".repeat(100_000),
        "\n".repeat(100_000),
        "  \n\t\r\n".repeat(50_000),
        "A\n".repeat(100_000),
        "   indented line of wire copy\n".repeat(20_000),
        "By Jane Doe\n".repeat(10_000),
        "\u{FEFF}\u{200B}\u{00A0}&amp;&#x2019;".repeat(20_000),
        "é́́́́́".repeat(50_000),
        (0u8..=255).filter_map(|b| char::from_u32(u32::from(b) * 257)).collect::<String>().repeat(2_000),
    ];
    for text in &shapes {
        parse(text);
    }
}

#[test]
fn unbalanced_and_nested_quotes() {
    let a = parse("Title Here\n\n“He said “she said ‘they said “no.” It ended.\n\n”””” Yes.");
    assert!(!a.sentences.is_empty());
}

#[test]
fn one_huge_paragraph() {
    let text = "The council met on Tuesday. Mr. Smith said the U.S. plan would cost $1.2 billion. ".repeat(40_000);
    let a = parse(&text);
    assert_eq!(a.paragraphs.len(), 1);
    assert_eq!(a.sentences.len(), 80_000);
}
