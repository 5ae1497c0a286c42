//! Sentence boundaries within one paragraph, decided token by token.
//!
//! A sentence can end at a terminal mark (". ! ? … ..."), after any closing quotes or brackets
//! glued to it. Whether it does depends on what comes next: nothing glued on ("...see"), no
//! lowercase word ("“Is it?” he asked."), no attribution dash, no parenthetical citation
//! ("[...]" (Smith 55).)"), and, after an abbreviation, a word that typically opens a sentence
//! ("Co. It closed" ends, "U.S. Government" does not). Every decision looks at a bounded number of
//! neighbouring tokens, so a paragraph is split in linear time.

use crate::segment::lexicon::{AbbrevClass, Lexicon};
use crate::segment::lists;
use crate::segment::token::{Token, TokenKind};

/// How far the citation check looks for the closing bracket.
const MAX_PARENTHETICAL: usize = 16;
/// Most tokens between a bracket and a "!" or "?" inside it that ends no sentence.
const MAX_BRACKET_WORDS: usize = 4;
/// How far back the "does the sentence so far have words" check looks.
const MAX_LOOKBACK: usize = 64;

/// What kind of mark might end a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Term {
    /// A plain period.
    Stop,
    /// "!" or "?".
    Strong,
    /// "..." or "…".
    Ellipsis,
    /// The period of an abbreviation inside a word token ("Mr.", "U.S.").
    Abbrev(AbbrevClass),
}

/// The terminal run starting at a token: where it ends and what it is made of.
struct Run {
    term: Term,
    /// One past the last token of the run, closers included.
    end: usize,
    strong: bool,
    /// True for "..." or "…" written without spaces.
    ellipsis: bool,
    /// Periods in a spaced ellipsis (". . ." is 3), counting the first mark.
    spaced_dots: usize,
    /// The first mark is a period glued to the word before it ("compounds. . . .").
    glued: bool,
}

/// Splits the tokens of one paragraph into sentences.
pub(crate) struct Splitter<'a> {
    text: &'a str,
    toks: &'a [Token],
    lexicon: &'a Lexicon,
}

fn is_closer(s: &str) -> bool {
    matches!(s, "”" | "’" | "\"" | "'" | ")" | "]" | "}" | "»" | "›")
}

fn is_opener(s: &str) -> bool {
    matches!(s, "“" | "‘" | "\"" | "'" | "(" | "[" | "«" | "‹" | "¿" | "¡")
}

fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "--" | "---" | "–" | "—" | "―")
}

/// How a word begins, for deciding what follows a terminal mark.
enum Opening {
    Lower,
    Digit,
    Other,
}

impl<'a> Splitter<'a> {
    pub(crate) fn new(text: &'a str, toks: &'a [Token], lexicon: &'a Lexicon) -> Splitter<'a> {
        Splitter { text, toks, lexicon }
    }

    fn str(&self, i: usize) -> &'a str {
        self.toks[i].span.as_str(self.text)
    }

    /// True when token `i` touches the token before it.
    fn glued(&self, i: usize) -> bool {
        i > 0 && self.toks[i - 1].span.end() == self.toks[i].span.start()
    }

    /// True when exactly one space separates token `i` from the one before it.
    fn one_space_before(&self, i: usize) -> bool {
        i > 0 && self.toks[i].span.start() == self.toks[i - 1].span.end() + 1
    }

    fn term(&self, i: usize) -> Option<Term> {
        // Every terminal ends in '.', '!', '?', '…' (E2 80 A6) or '‽' (E2 80 BD).
        let last = self.toks[i].span.end().checked_sub(1).map(|e| self.text.as_bytes()[e]);
        if !matches!(last, Some(b'.' | b'!' | b'?' | 0xA6 | 0xBD)) {
            return None;
        }
        let s = self.str(i);
        match s {
            "." => Some(Term::Stop),
            "!" | "?" | "‽" => Some(Term::Strong),
            "…" => Some(Term::Ellipsis),
            _ if s.len() > 1 && s.bytes().all(|b| b == b'.') => Some(Term::Ellipsis),
            _ if self.toks[i].kind == TokenKind::Word && s.len() > 1 && s.ends_with('.') => {
                self.lexicon.abbreviation(&s[..s.len() - 1]).map(Term::Abbrev)
            }
            _ => None,
        }
    }

    fn run(&self, i: usize, term: Term) -> Run {
        let n = self.toks.len();
        let mut run = Run {
            term,
            end: i + 1,
            strong: term == Term::Strong,
            ellipsis: term == Term::Ellipsis,
            spaced_dots: 0,
            glued: term == Term::Stop && self.glued(i),
        };
        let mut j = i + 1;
        while j < n && self.glued(j) {
            match self.term(j) {
                Some(Term::Strong) => run.strong = true,
                Some(Term::Ellipsis) => run.ellipsis = true,
                Some(Term::Stop) => {}
                _ => break,
            }
            j += 1;
        }
        if j == i + 1 && term == Term::Stop {
            let mut dots = 1;
            while j < n && self.str(j) == "." && self.one_space_before(j) {
                dots += 1;
                j += 1;
            }
            if dots >= 3 {
                run.spaced_dots = dots;
            } else {
                j = i + 1;
            }
        }
        while j < n && self.glued(j) && is_closer(self.str(j)) {
            j += 1;
        }
        // Footnote marks belong to the sentence they follow: "in 1971. [1] [2] He".
        while let Some(end) = self.footnote_at(j) {
            j = end;
        }
        run.end = j;
        run
    }

    /// A footnote mark at token `j` ("[1]", "[a]"): the index after it.
    fn footnote_at(&self, j: usize) -> Option<usize> {
        if j + 2 >= self.toks.len() || self.str(j) != "[" || self.str(j + 2) != "]" {
            return None;
        }
        let mark = self.str(j + 1);
        let short = mark.len() <= 3 && mark.bytes().all(|b| b.is_ascii_alphanumeric());
        (short && self.glued(j + 1) && self.glued(j + 2)).then_some(j + 3)
    }

    fn opening(&self, i: usize) -> Opening {
        let c = self.str(i).chars().next().unwrap_or(' ');
        if c.is_lowercase() {
            Opening::Lower
        } else if c.is_ascii_digit() {
            Opening::Digit
        } else {
            Opening::Other
        }
    }

    /// True for "(Smith 55)." after a quotation: a bracket closed within a few tokens and
    /// followed by a terminal mark belongs to the sentence before it.
    fn citation_at(&self, i: usize) -> bool {
        let (open, close) = match self.str(i) {
            "(" => ("(", ")"),
            "[" => ("[", "]"),
            _ => return false,
        };
        let mut depth = 0;
        for k in i..self.toks.len().min(i + MAX_PARENTHETICAL) {
            let s = self.str(k);
            if s == open {
                depth += 1;
            } else if s == close {
                depth -= 1;
                if depth == 0 {
                    return k + 1 < self.toks.len()
                        && self.glued(k + 1)
                        && matches!(self.term(k + 1), Some(Term::Stop | Term::Strong));
                }
            }
        }
        false
    }

    /// True for the "!" or "?" of a name inside a short bracket ("(via Hello! Magazine)"): a
    /// bracket opened a few tokens before the mark closes a few tokens after it.
    fn inside_short_brackets(&self, i: usize, run: &Run) -> bool {
        if !run.strong || run.end > i + 1 {
            return false;
        }
        let opened = (i.saturating_sub(MAX_BRACKET_WORDS)..i).rev().find(|&k| matches!(self.str(k), "(" | ")"));
        let closes =
            (i + 1..self.toks.len().min(i + 1 + MAX_BRACKET_WORDS)).find(|&k| matches!(self.str(k), "(" | ")"));
        opened.is_some_and(|k| self.str(k) == "(") && closes.is_some_and(|k| self.str(k) == ")")
    }

    /// Lowercase words (not abbreviations) in the sentence so far: a proxy for "it has a verb".
    fn lowercase_words(&self, from: usize, to: usize) -> usize {
        let from = from.max(to.saturating_sub(MAX_LOOKBACK));
        (from..to)
            .filter(|&k| {
                let s = self.str(k);
                self.toks[k].kind == TokenKind::Word
                    && s.chars().next().is_some_and(char::is_lowercase)
                    && !s.contains('.')
            })
            .count()
    }

    /// The word glued before token `i` ("N°" before "."), for abbreviations the tokenizer left apart.
    fn glued_word_before(&self, i: usize) -> &'a str {
        let mut k = i;
        while k > 0 && self.glued(k) && i - k < 3 {
            k -= 1;
        }
        if k == i {
            return "";
        }
        &self.text[self.toks[k].span.start()..self.toks[i].span.start()]
    }

    /// True when the word at `k` opens sentences ("The", "He"), and is not itself an initial.
    fn starter(&self, k: usize) -> bool {
        let s = self.str(k);
        !s.ends_with('.') && self.lexicon.is_starter(s)
    }

    /// Where the sentence ends, if it ends in the run at `i`; `sent_start` is where it began.
    fn decide(&self, i: usize, run: &Run, sent_start: usize) -> Option<usize> {
        let n = self.toks.len();
        let j = run.end;
        if j >= n {
            return Some(n);
        }
        if run.glued && run.spaced_dots >= 4 {
            // "compounds. . . . The": the period ends the sentence, the ellipsis opens the next.
            let k = self.first_word(j)?;
            return match self.opening(k) {
                Opening::Lower => None,
                _ => Some(i + 1),
            };
        }
        if self.glued(j) || is_dash(self.str(j)) || self.citation_at(j) || self.inside_short_brackets(i, run) {
            return None;
        }
        let k = self.first_word(j)?;
        let ends = match self.opening(k) {
            Opening::Lower => false,
            _ if run.strong => true,
            _ if run.ellipsis => true,
            _ if run.spaced_dots > 0 => run.spaced_dots >= 4,
            Opening::Digit => match run.term {
                Term::Stop => self.lexicon.abbreviation(self.glued_word_before(i)) != Some(AbbrevClass::Number),
                _ => false,
            },
            Opening::Other => match run.term {
                Term::Stop => self.lexicon.abbreviation(self.glued_word_before(i)) != Some(AbbrevClass::Title),
                Term::Abbrev(AbbrevClass::Title) => false,
                Term::Abbrev(AbbrevClass::Other) => {
                    self.starter(k) || (self.next_is_title(k) && self.lowercase_words(sent_start, i) >= 2)
                }
                Term::Abbrev(_) => self.starter(k),
                Term::Strong | Term::Ellipsis => true,
            },
        };
        ends.then_some(j)
    }

    /// The first token after `j` that is not an opening quote or bracket, if any.
    fn first_word(&self, j: usize) -> Option<usize> {
        let mut k = j;
        while k + 1 < self.toks.len() && k < j + 3 && is_opener(self.str(k)) {
            k += 1;
        }
        (k < self.toks.len()).then_some(k)
    }

    fn next_is_title(&self, k: usize) -> bool {
        let s = self.str(k);
        s.ends_with('.') && self.lexicon.abbreviation(&s[..s.len() - 1]) == Some(AbbrevClass::Title)
    }

    /// Appends to `ends` one past the last token of each sentence. `forced` are sorted token
    /// indices where a sentence must start (after an inline dateline, before a caption credit).
    pub(crate) fn split(&self, forced: &[usize], ends: &mut Vec<usize>) {
        let n = self.toks.len();
        if n == 0 {
            return;
        }
        let list = lists::find(self.text, self.toks);
        let (item_starts, markers) = match &list {
            Some(l) => (l.starts.as_slice(), l.markers.as_slice()),
            None => (&[][..], &[][..]),
        };
        let mut starts = Merge::new(forced, item_starts);
        let mut next_start = starts.next();
        let mut marker = markers.iter().peekable();
        let mut sent_start = 0;
        let mut i = 0;
        while i < n {
            while let Some(f) = next_start.filter(|&f| f <= i) {
                if f > sent_start {
                    ends.push(f);
                    sent_start = f;
                }
                next_start = starts.next();
            }
            while marker.next_if(|&&m| m < i).is_some() {}
            let is_marker = marker.peek().is_some_and(|&&m| m == i);
            // An ellipsis that opens a sentence ("... The next thing") ends nothing.
            let opening_ellipsis = i == sent_start && self.term(i) == Some(Term::Ellipsis);
            let Some(term) = self.term(i).filter(|_| !is_marker && !opening_ellipsis) else {
                i += 1;
                continue;
            };
            let run = self.run(i, term);
            match self.decide(i, &run, sent_start) {
                Some(end) if end < n => {
                    ends.push(end);
                    sent_start = end;
                    i = end;
                }
                _ => i = run.end,
            }
        }
        if sent_start < n {
            ends.push(n);
        }
    }
}

/// Two sorted index lists read as one.
struct Merge<'s> {
    a: &'s [usize],
    b: &'s [usize],
}

impl<'s> Merge<'s> {
    fn new(a: &'s [usize], b: &'s [usize]) -> Merge<'s> {
        Merge { a, b }
    }
}

impl Iterator for Merge<'_> {
    type Item = usize;
    fn next(&mut self) -> Option<usize> {
        let take_a = match (self.a.first(), self.b.first()) {
            (Some(x), Some(y)) => x <= y,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => return None,
        };
        let v;
        if take_a {
            (v, self.a) = (self.a[0], &self.a[1..]);
        } else {
            (v, self.b) = (self.b[0], &self.b[1..]);
        }
        Some(v)
    }
}
