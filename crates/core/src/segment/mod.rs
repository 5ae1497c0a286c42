//! Tokens and sentences within the analysed paragraphs.
//!
//! `token` splits a paragraph into words, numbers, punctuation and addresses; `Splitter`
//! groups the tokens into sentences, with lists handled by `lists`. Title, byline and dateline
//! paragraphs are one sentence each: they are not running text.

pub(crate) mod lexicon;
mod lists;
mod sentence;
mod token;

pub use lexicon::Lexicon;
pub use token::{Token, TokenKind};

use crate::article::{Role, Sentence};
use crate::doc::Doc;
use crate::span::Span;
use sentence::Splitter;
use token::Tokenizer;

/// Splits paragraphs into tokens and sentences. Built once; holds the word lists.
#[derive(Debug)]
pub struct Segmenter {
    lexicon: Lexicon,
    tokenizer: Tokenizer,
}

impl Default for Segmenter {
    fn default() -> Segmenter {
        Segmenter::new()
    }
}

impl Segmenter {
    /// Loads the word lists.
    pub fn new() -> Segmenter {
        Segmenter { lexicon: Lexicon::new(), tokenizer: Tokenizer::new() }
    }

    /// The abbreviation and sentence-opener lists.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Appends the tokens of `text[within]` to `out`, as [`Segmenter::run`] makes them (for
    /// stages and tools that read bare text, such as the entity tagger's training).
    pub fn tokenize(&self, text: &str, within: Span, out: &mut Vec<Token>) {
        self.tokenizer.tokenize(text, within, &self.lexicon, out);
    }

    /// Fills `doc.tokens`, `doc.sentences` and `doc.sentence_tokens`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let text = doc.source.norm();
        let mut tokens = Vec::with_capacity(text.len() / 5);
        let mut sentences = Vec::with_capacity(text.len() / 120);
        let mut ranges = Vec::with_capacity(text.len() / 120);
        let mut ends = Vec::new();
        let mut forced = Vec::new();
        let breaks = &doc.layout.sentence_breaks;
        let mut next_break = 0;
        for (pi, p) in doc.layout.paragraphs.iter().enumerate() {
            if !p.role.is_analysed() {
                continue;
            }
            if doc.deadline.expired() {
                break;
            }
            let first = tokens.len();
            self.tokenizer.tokenize(text, p.span, &self.lexicon, &mut tokens);
            let toks = &tokens[first..];
            ends.clear();
            if matches!(p.role, Role::Title | Role::Byline | Role::Dateline) {
                if !toks.is_empty() {
                    ends.push(toks.len());
                }
            } else {
                forced.clear();
                while next_break < breaks.len() && breaks[next_break] < p.span.end() {
                    let at = breaks[next_break];
                    if at > p.span.start() {
                        forced.push(toks.partition_point(|t| t.span.start() < at));
                    }
                    next_break += 1;
                }
                Splitter::new(text, toks, &self.lexicon).split(&forced, &mut ends);
            }
            let mut start = 0;
            for &end in &ends {
                let span = Span::new(toks[start].span.start(), toks[end - 1].span.end());
                sentences.push(Sentence { span, paragraph: pi });
                ranges.push(first + start..first + end);
                start = end;
            }
        }
        doc.tokens = tokens;
        doc.sentences = sentences;
        doc.sentence_tokens = ranges;
    }

    /// Splits bare text, read as one paragraph, into sentence spans.
    ///
    /// ```
    /// let seg = byline_core::internals::Segmenter::new();
    /// let text = "Mr. Smith left at 5 p.m. on Jan. 6. He came back.";
    /// let spans = seg.sentences(text);
    /// assert_eq!(spans.iter().map(|s| s.as_str(text)).collect::<Vec<_>>(), ["Mr. Smith left at 5 p.m. on Jan. 6.", "He came back."]);
    /// ```
    pub fn sentences(&self, text: &str) -> Vec<Span> {
        let mut toks = Vec::new();
        self.tokenizer.tokenize(text, Span::new(0, text.len()), &self.lexicon, &mut toks);
        let mut ends = Vec::new();
        Splitter::new(text, &toks, &self.lexicon).split(&[], &mut ends);
        let mut start = 0;
        ends.iter()
            .map(|&end| {
                let span = Span::new(toks[start].span.start(), toks[end - 1].span.end());
                start = end;
                span
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(text: &str) -> Vec<&str> {
        Segmenter::new().sentences(text).into_iter().map(|s| s.as_str(text)).collect()
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(sents("Mr. Orlov met Gen. Smith. They talked."), ["Mr. Orlov met Gen. Smith.", "They talked."]);
        assert_eq!(sents("President Viktor V. Orlov of Russia spoke."), ["President Viktor V. Orlov of Russia spoke."]);
        assert_eq!(sents("It opened Jan. 6 in the U.S. It closed."), ["It opened Jan. 6 in the U.S.", "It closed."]);
        assert_eq!(sents("He works for the U.S. Government."), ["He works for the U.S. Government."]);
        assert_eq!(sents("Acme Inc. said so. Acme Inc. It is."), ["Acme Inc. said so.", "Acme Inc.", "It is."]);
    }

    #[test]
    fn numbers_and_money() {
        assert_eq!(
            sents("It costs $1.2 billion. That is 3.5 times more."),
            ["It costs $1.2 billion.", "That is 3.5 times more."]
        );
        assert_eq!(sents("Turn to p. 55 now. No. 5 won."), ["Turn to p. 55 now.", "No. 5 won."]);
    }

    #[test]
    fn quotes() {
        assert_eq!(sents("“Is it?” he asked. “Yes.” She left."), ["“Is it?” he asked.", "“Yes.”", "She left."]);
        assert_eq!(sents("He said “no.” Then he left."), ["He said “no.”", "Then he left."]);
        assert_eq!(sents("“It is a long game.” - Jane Doe"), ["“It is a long game.” - Jane Doe"]);
    }

    #[test]
    fn ellipses() {
        assert_eq!(sents("I never meant that.... She left."), ["I never meant that....", "She left."]);
        assert_eq!(sents("Wait… What happened?"), ["Wait…", "What happened?"]);
        assert_eq!(sents("It is . . . I mean, fine."), ["It is . . . I mean, fine."]);
    }

    #[test]
    fn robust_on_odd_input() {
        assert!(sents("").is_empty());
        assert_eq!(sents("..."), ["..."]);
        assert_eq!(sents("“ ( [ ."), ["“ ( [ ."]);
        assert_eq!(sents(". . . . ."), [". . . . ."]);
        assert_eq!(sents("1. 2. 3.").concat(), "1.2. 3.");
    }

    #[test]
    fn sentence_tokens_cover_sentences() {
        let text =
            "Storm Hits Coast\n\nMr. Smith’s U.S. office said “it’s high-profile” at 3.5%. Visit https://x.org now!";
        let mut doc = Doc::new(text, None);
        crate::layout::LayoutAnalyzer::new().run(&mut doc);
        Segmenter::new().run(&mut doc);
        assert_eq!(doc.sentences.len(), doc.sentence_tokens.len());
        for (s, r) in doc.sentences.iter().zip(&doc.sentence_tokens) {
            assert_eq!(doc.tokens[r.start].span.start(), s.span.start());
            assert_eq!(doc.tokens[r.end - 1].span.end(), s.span.end());
        }
        let norm = doc.norm();
        let words: Vec<&str> = doc.tokens.iter().map(|t| t.span.as_str(norm)).collect();
        assert_eq!(words[3..8], ["Mr.", "Smith", "’s", "U.S.", "office"]);
        assert!(words.contains(&"high-profile") && words.contains(&"3.5") && !words.contains(&"it’s"));
        let url = doc.tokens.iter().find(|t| t.kind == TokenKind::Url).unwrap();
        assert_eq!(url.span.as_str(norm), "https://x.org");
    }
}
