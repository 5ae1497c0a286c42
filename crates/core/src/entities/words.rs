//! Words as names are made of.
//!
//! Entity words differ from the segmenter's tokens where names need it: abbreviations keep their
//! periods ("U.S.", "Corp.", "V."), hyphenated and apostrophe names stay whole ("Gibbons-Neff",
//! "O'Brien", "AT&T"), and a possessive "’s" is a word of its own, so a mention never includes it.
//! Splitting works on any text span, so it does not depend on how the segmenter tokenises.

use crate::entities::lexicon::{key, Lexicon, ABBREV};
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
    /// One punctuation or symbol character.
    Punct,
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
    /// Whitespace (or the start of the text) comes before it.
    pub space_before: bool,
}

impl Word {
    /// The word's text.
    #[inline]
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        self.span.as_str(text)
    }
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Splits `text` into words.
pub fn split(text: &str, lex: &Lexicon) -> Vec<Word> {
    let mut out = Vec::new();
    split_span(text, Span::new(0, text.len()), lex, &mut out);
    out
}

/// Splits the part of `text` under `within` into words, appending them to `out` with spans into `text`.
pub fn split_span(text: &str, within: Span, lex: &Lexicon, out: &mut Vec<Word>) {
    let s = within.as_str(text);
    let base = within.start();
    let b = s.as_bytes();
    let mut i = 0;
    let mut line_start = true;
    let mut space_before = true;
    let char_at = |i: usize| s[i..].chars().next();
    while i < s.len() {
        let c = char_at(i).expect("in bounds");
        if c.is_whitespace() {
            if c == '\n' {
                line_start = true;
            }
            space_before = true;
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let kind;
        if c.is_alphanumeric() {
            let mut end = alnum_run(s, i);
            let mut letters = s[start..end].chars().any(char::is_alphabetic);
            let mut dotted = false;
            while let Some(d) = char_at(end) {
                let after = end + d.len_utf8();
                let next = char_at(after);
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                if is_hyphen(d) && next_alnum {
                    end = alnum_run(s, after);
                    letters = true;
                } else if is_apostrophe(d) && next_alnum {
                    if is_possessive(s, end) {
                        break;
                    }
                    end = alnum_run(s, after);
                } else if d == '&' && next_alnum && letters && b[start].is_ascii_uppercase() {
                    end = alnum_run(s, after);
                } else if d == '.' {
                    let word = &s[start..end];
                    let initial = word.chars().count() == 1 && word.chars().all(char::is_alphabetic);
                    if (initial || dotted) && next.is_some_and(char::is_alphabetic) {
                        // "U.S": the letters go on after the period.
                        end = alnum_run(s, after);
                        dotted = true;
                    } else if initial || dotted || (letters && lex.word(key(word)) & ABBREV != 0) {
                        end = after;
                        break;
                    } else if !letters && next.is_some_and(|n| n.is_ascii_digit()) {
                        end = alnum_run(s, after);
                    } else {
                        break;
                    }
                } else if d == ',' && !letters && next.is_some_and(|n| n.is_ascii_digit()) {
                    end = alnum_run(s, after);
                } else {
                    break;
                }
            }
            i = end;
            kind = if letters { WordKind::Alpha } else { WordKind::Number };
        } else if is_apostrophe(c) && is_possessive(s, i) {
            i += c.len_utf8() + 1;
            kind = WordKind::Possessive;
        } else {
            i += c.len_utf8();
            kind = WordKind::Punct;
        }
        let span = Span::new(base + start, base + i);
        out.push(Word { span, kind, key: key(&s[start..i]), line_start, space_before });
        line_start = false;
        space_before = false;
    }
}

/// The end of the run of alphanumeric characters starting at `i`.
fn alnum_run(s: &str, i: usize) -> usize {
    s[i..].char_indices().find(|&(_, c)| !c.is_alphanumeric()).map_or(s.len(), |(j, _)| i + j)
}

/// True when the apostrophe at `i` starts a possessive "’s" (followed by "s" and no more letters).
fn is_possessive(s: &str, i: usize) -> bool {
    let rest = &s[i..];
    let mut chars = rest.chars();
    chars.next();
    matches!(chars.next(), Some('s' | 'S')) && !chars.next().is_some_and(char::is_alphanumeric)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        let lex = crate::entities::lexicon::shared();
        split(s, lex).into_iter().map(|w| w.text(s).to_string()).collect()
    }

    #[test]
    fn names_stay_whole() {
        assert_eq!(texts("Thomas Gibbons-Neff."), ["Thomas", "Gibbons-Neff", "."]);
        assert_eq!(texts("O'Brien and AT&T"), ["O'Brien", "and", "AT&T"]);
        assert_eq!(texts("the U.S. Treasury"), ["the", "U.S.", "Treasury"]);
        assert_eq!(texts("Vladimir V. Putin"), ["Vladimir", "V.", "Putin"]);
        assert_eq!(texts("Mr. Qin said."), ["Mr.", "Qin", "said", "."]);
        assert_eq!(texts("Acme Corp. rose 3.5% to 1,200."), ["Acme", "Corp.", "rose", "3.5", "%", "to", "1,200", "."]);
    }

    #[test]
    fn possessives_split() {
        assert_eq!(texts("Lukashenko’s office"), ["Lukashenko", "’s", "office"]);
        assert_eq!(texts("Japan 's team"), ["Japan", "'s", "team"]);
        assert_eq!(texts("don't say it's"), ["don't", "say", "it", "'s"]);
        assert_eq!(texts("the ’60s"), ["the", "’", "60s"]);
    }

    #[test]
    fn line_starts() {
        let lex = crate::entities::lexicon::shared();
        let s = "One two\nThree";
        let w = split(s, lex);
        assert!(w[0].line_start && !w[1].line_start && w[2].line_start);
        assert!(w[1].space_before);
    }
}
