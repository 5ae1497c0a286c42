//! Atoms: the small pieces the time grammar reads. A run of letters, a run of digits, or one
//! other character, with its lexicon meanings looked up once.
//!
//! The grammar needs finer pieces than the segmenter's tokens ("third-quarter" is three atoms,
//! "1990s" two, "10:35" three, "Sept." two), so it splits the text itself; that is one linear pass.
//!
//! Why not `doc.tokens`, measured on TempEval-3 TBAQ (256 documents, 0.53 MB, 1,822 gold
//! expressions) with `cargo run --release -p byline-core --example timex_tokens`:
//! - the boundaries agree: only 2 gold expressions start or end inside a segmenter token, so
//!   tokens would not cost extent;
//! - but 281 gold expressions (15.4%) hold a token the grammar reads in parts: ordinal, hyphen
//!   and unit ("third-quarter", "year-earlier", "mid-1990s"), digits and letters ("1990s",
//!   "5th"), hour, colon and minutes ("10:35"), an abbreviation and its period ("Sept.", which
//!   the lexicon's abbreviation forms check). On tokens, the grammar would have to split those
//!   tokens again inside, which is this pass with a mapping on top;
//! - the atoms are cheap: 212 MB/s with the lexicon lookups against 53 MB/s for the segmenter's
//!   tokenizer in the same run (which also decides URLs, abbreviations and possessives), so
//!   sharing the tokens would save nothing measurable.
//!
//! So the finer split stays, in this module only; the month and weekday names it looks up are
//! the ones the layout's date lines use (`calendar_names`).

use crate::span::Span;

use super::lexicon::{Entry, Lexicon, MAX_WORD};

/// What an atom is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AtomKind {
    /// Letters.
    Word,
    /// ASCII digits.
    Num,
    /// Any other single character.
    Mark,
}

/// One atom of the text.
#[derive(Clone, Copy, Debug)]
pub struct Atom<'t> {
    /// Where it is, in the text the atoms were made from.
    pub span: Span,
    /// The text as written.
    pub text: &'t str,
    /// What it is.
    pub kind: AtomKind,
    /// Whether blank space separates it from the atom before.
    pub space_before: bool,
    /// Whether it starts with an upper-case letter.
    pub upper: bool,
    /// Its lexicon meanings (empty for most words).
    pub lex: &'t [Entry],
}

impl<'t> Atom<'t> {
    /// True when the atom is this word, ignoring ASCII case.
    #[inline]
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// True when the atom is this one mark.
    #[inline]
    pub fn is_mark(&self, c: char) -> bool {
        self.kind == AtomKind::Mark && self.text.starts_with(c)
    }

    /// The number, for digit atoms of up to nine digits.
    #[inline]
    pub fn number(&self) -> Option<u32> {
        if self.kind == AtomKind::Num && self.text.len() <= 9 {
            self.text.parse().ok()
        } else {
            None
        }
    }

    /// True for a lower-case word.
    #[inline]
    pub fn is_lower_word(&self) -> bool {
        self.kind == AtomKind::Word && !self.upper
    }

    /// A word or dash that joins the two ends of a range ("Monday through Wednesday", "Mon-Wed";
    /// not "and": "Friday and Thursday" may go back).
    pub fn is_range_word(&self) -> bool {
        ["through", "thru", "to", "till", "until", "-", "–"].iter().any(|w| self.is(w))
    }
}

/// True when atoms `k` and `k + 1` are a possessive "'s" attached to the word before.
pub fn possessive_at(atoms: &[Atom<'_>], k: usize) -> bool {
    atoms.get(k).is_some_and(|a| (a.is_mark('\'') || a.is_mark('’')) && !a.space_before)
        && atoms.get(k + 1).is_some_and(|a| a.is("s") && !a.space_before)
}

/// Splits `text[within]` into atoms, looking each word up in `lexicon`.
pub fn atomize<'t>(text: &'t str, within: Span, lexicon: &'t Lexicon, out: &mut Vec<Atom<'t>>) {
    let s = within.as_str(text);
    let base = within.start();
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut space = true;
    let mut lower = [0u8; MAX_WORD];
    while i < s.len() {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let (end, kind, upper) = if b.is_ascii_digit() {
            let len = bytes[i..].iter().position(|c| !c.is_ascii_digit()).unwrap_or(s.len() - i);
            (i + len, AtomKind::Num, false)
        } else if b.is_ascii_alphabetic() {
            // ASCII letters, then any further letters (the word may go on in non-ASCII).
            let ascii = bytes[i..].iter().position(|c| !c.is_ascii_alphabetic()).unwrap_or(s.len() - i);
            let rest = match bytes.get(i + ascii) {
                Some(&n) if n >= 0x80 => {
                    s[i + ascii..].find(|c: char| !c.is_alphabetic()).unwrap_or(s.len() - i - ascii)
                }
                _ => 0,
            };
            (i + ascii + rest, AtomKind::Word, b.is_ascii_uppercase())
        } else if b < 0x80 {
            (i + 1, AtomKind::Mark, false)
        } else {
            let c = s[i..].chars().next().expect("in bounds");
            if c.is_whitespace() {
                space = true;
                i += c.len_utf8();
                continue;
            }
            // Quotation marks and dashes, the commonest non-ASCII characters in news, are marks.
            if !('\u{2010}'..='\u{205E}').contains(&c) && c.is_alphabetic() {
                let len = s[i..].find(|c: char| !c.is_alphabetic()).unwrap_or(s.len() - i);
                (i + len, AtomKind::Word, c.is_uppercase())
            } else {
                (i + c.len_utf8(), AtomKind::Mark, false)
            }
        };
        let piece = &s[i..end];
        let lex: &[Entry] = if kind == AtomKind::Word && piece.len() <= MAX_WORD && b < 0x80 {
            for (d, c) in lower.iter_mut().zip(piece.bytes()) {
                *d = c | 0x20;
            }
            lexicon.get(&lower[..piece.len()])
        } else {
            &[]
        };
        let span = Span::new(base + i, base + end);
        out.push(Atom { span, text: piece, kind, space_before: space, upper, lex });
        space = false;
        i = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_finely() {
        let lex = Lexicon::new();
        let text = "On Feb. 26, third-quarter 1990s at 10:35 a.m.";
        let mut atoms = Vec::new();
        atomize(text, Span::new(0, text.len()), &lex, &mut atoms);
        let pieces: Vec<&str> = atoms.iter().map(|a| a.text).collect();
        assert_eq!(
            pieces,
            [
                "On", "Feb", ".", "26", ",", "third", "-", "quarter", "1990", "s", "at", "10", ":", "35", "a", ".",
                "m", "."
            ]
        );
        assert!(!atoms[2].space_before && atoms[3].space_before);
        assert!(!atoms[1].lex.is_empty() && !atoms[0].lex.iter().any(|e| e.lex.is_trigger()));
        assert_eq!(atoms[8].number(), Some(1990));
    }
}
