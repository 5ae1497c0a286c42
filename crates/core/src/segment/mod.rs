//! Tokens and sentences within the analysed paragraphs.

use crate::article::Sentence;
use crate::doc::Doc;
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods.
    Word,
    /// Digits, possibly with separators.
    Number,
    /// Punctuation and symbols.
    Punct,
}

/// One token of the normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Splits paragraphs into tokens and sentences.
#[derive(Debug, Default)]
pub struct Segmenter {}

impl Segmenter {
    /// Builds the segmenter.
    pub fn new() -> Segmenter {
        Segmenter {}
    }

    /// Fills `doc.tokens`, `doc.sentences` and `doc.sentence_tokens`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let text = doc.source.norm();
        let mut tokens = Vec::new();
        let mut sentences = Vec::new();
        let mut ranges = Vec::new();
        for (pi, p) in doc.layout.paragraphs.iter().enumerate() {
            if !p.role.is_analysed() {
                continue;
            }
            let first = tokens.len();
            tokenize(text, p.span, &mut tokens);
            let mut sent_start = first;
            for i in first..tokens.len() {
                let last = i + 1 == tokens.len();
                if last || ends_sentence(text, &tokens, i) {
                    let span = Span::new(tokens[sent_start].span.start(), tokens[i].span.end());
                    sentences.push(Sentence { span, paragraph: pi });
                    ranges.push(sent_start..i + 1);
                    sent_start = i + 1;
                }
            }
        }
        doc.tokens = tokens;
        doc.sentences = sentences;
        doc.sentence_tokens = ranges;
    }
}

fn tokenize(text: &str, within: Span, out: &mut Vec<Token>) {
    let s = within.as_str(text);
    let mut iter = s.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind = if c.is_alphabetic() {
            TokenKind::Word
        } else if c.is_ascii_digit() {
            TokenKind::Number
        } else {
            out.push(Token { span: Span::new(i, i + c.len_utf8()).offset(within.start()), kind: TokenKind::Punct });
            continue;
        };
        let mut end = i + c.len_utf8();
        while let Some(&(j, d)) = iter.peek() {
            if d.is_alphanumeric() {
                end = j + d.len_utf8();
                iter.next();
            } else {
                break;
            }
        }
        out.push(Token { span: Span::new(i, end).offset(within.start()), kind });
    }
}

fn ends_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let t = tokens[i].span.as_str(text);
    if !matches!(t, "." | "!" | "?") {
        return false;
    }
    if t == "." && i > 0 && matches!(tokens[i - 1].span.as_str(text), "Mr" | "Mrs" | "Ms" | "Dr") {
        return false;
    }
    match tokens.get(i + 1) {
        Some(next) => {
            let gap = next.span.start() > tokens[i].span.end();
            gap && next.span.as_str(text).starts_with(|c: char| c.is_uppercase())
        }
        None => true,
    }
}
