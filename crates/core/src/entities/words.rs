//! Words as the entity stage reads them: the segmenter's tokens (`doc.tokens`, see
//! [`crate::segment::Token`] for its conventions), each with its lexicon key and line position.
//!
//! The segmenter already splits the way names need: abbreviations keep their period ("U.S.",
//! "Corp.", the initial "V."), hyphenated and apostrophe names stay whole ("Hale-Smith",
//! "O'Brien"), and a possessive "’s" is a token of its own, so a mention never includes it.
//! Nothing is split again here.

use crate::entities::lexicon::key;
use crate::segment::{Token, TokenKind};
use crate::span::Span;

/// What a word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WordKind {
    /// Letters, possibly with digits and inner joiners.
    Alpha,
    /// Digits with separators.
    Number,
    /// A possessive "’s" or "'s".
    Possessive,
    /// One punctuation or symbol character (or a run of periods or hyphens).
    Punct,
    /// A web or e-mail address: never part of a name.
    Address,
}

/// One word of a paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Where it is, in the text that was split.
    pub span: Span,
    /// What it is.
    pub kind: WordKind,
    /// Its lexicon key ([`key`]).
    pub key: u64,
    /// The first word of a line.
    pub line_start: bool,
}

impl Word {
    /// The word's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.as_str(text)
    }
}

/// True for the possessive token "’s" / "'s".
fn is_possessive(t: &str) -> bool {
    matches!(t, "’s" | "'s" | "’S" | "'S" | "ʼs")
}

/// Appends the words of `tokens` (one paragraph's, in order, spans into `text`) to `out`. The
/// paragraph's first word starts a line.
pub fn from_tokens(text: &str, tokens: &[Token], out: &mut Vec<Word>) {
    let mut prev_end = None;
    for t in tokens {
        let s = t.span.as_str(text);
        let kind = match t.kind {
            TokenKind::Word if is_possessive(s) => WordKind::Possessive,
            TokenKind::Word => WordKind::Alpha,
            TokenKind::Number => WordKind::Number,
            TokenKind::Punct => WordKind::Punct,
            TokenKind::Url => WordKind::Address,
        };
        // The gap between two tokens is a space or two: a byte search, not a string search.
        let line_start = prev_end.is_none_or(|e: usize| text.as_bytes()[e..t.span.start()].contains(&b'\n'));
        out.push(Word { span: t.span, kind, key: key(s), line_start });
        prev_end = Some(t.span.end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<Word> {
        let mut toks = Vec::new();
        crate::segment::Segmenter::new().tokenize(s, Span::new(0, s.len()), &mut toks);
        let mut out = Vec::new();
        from_tokens(s, &toks, &mut out);
        out
    }

    fn texts(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.text(s).to_string()).collect()
    }

    #[test]
    fn names_stay_whole() {
        assert_eq!(texts("Laura Hale-Smith."), ["Laura", "Hale-Smith", "."]);
        assert_eq!(texts("the U.S. Treasury"), ["the", "U.S.", "Treasury"]);
        assert_eq!(texts("Viktor V. Orlov"), ["Viktor", "V.", "Orlov"]);
        assert_eq!(texts("Mr. Wen said."), ["Mr.", "Wen", "said", "."]);
        assert_eq!(texts("Acme Corp. rose 3.5% to 1,200."), ["Acme", "Corp.", "rose", "3.5", "%", "to", "1,200", "."]);
    }

    #[test]
    fn possessives_and_addresses() {
        let s = "Varga’s office at www.example.com";
        let w = words(s);
        assert_eq!(w[1].kind, WordKind::Possessive);
        assert_eq!(w[4].kind, WordKind::Address);
        assert_eq!(texts("Japan 's team"), ["Japan", "'s", "team"]);
        assert_eq!(words("Japan 's team")[1].kind, WordKind::Possessive);
    }

    #[test]
    fn line_starts() {
        let w = words("One two\nThree");
        assert!(w[0].line_start && !w[1].line_start && w[2].line_start);
    }
}
