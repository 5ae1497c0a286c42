//! What the tagger sees of each word: lexicon flags, gazetteer phrases, shape, capitalisation in
//! context (sentence starts, all-caps and headline-case lines) and how the word is written
//! elsewhere in the article. Features are hashed to `u32` ids; nothing is allocated per word.

use std::ops::Range;

use crate::entities::lexicon::{self, Flags, KeyMap, Lexicon, MAX_PHRASE, PHRASE_SEED};
use crate::entities::words::{self, Word, WordKind};
use crate::segment::Token;
use crate::span::Span;

/// Kinds of name the tagger tells apart.
pub const KINDS: usize = 4;
/// Tags: `O`, then `B-` and `I-` of each kind.
pub const TAGS: usize = 1 + 2 * KINDS;

/// The tag `O`.
pub const O: u8 = 0;

/// The `B-` tag of a kind.
#[inline]
pub fn begin(kind: usize) -> u8 {
    (1 + 2 * kind) as u8
}

/// The `I-` tag of a kind.
#[inline]
pub fn inside(kind: usize) -> u8 {
    (2 + 2 * kind) as u8
}

/// The kind of a tag other than `O`.
#[inline]
pub fn kind_of(tag: u8) -> usize {
    (tag as usize - 1) / 2
}

/// True for an `I-` tag.
#[inline]
pub fn is_inside(tag: u8) -> bool {
    tag != O && tag % 2 == 0
}

/// Where the tagger looks at a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Candidate {
    /// Not part of any name: tagged `O` without scoring.
    No,
    /// A capitalised word (or one with capitals inside): any tag.
    Name,
    /// A lower-case joiner ("of", "van"): inside the name before it, or `O`.
    Connector,
}

/// Per-word facts the features read.
#[derive(Clone, Copy, Debug)]
pub struct Info {
    /// Lexicon flags of the word.
    pub(crate) flags: Flags,
    /// Lexicon flags of the longest gazetteer phrase covering the word.
    pub(crate) gaz: Flags,
    /// 1 at the first word of that phrase, 2 inside it.
    pub gaz_pos: u8,
    /// Hash of the word's shape ("Xx", "X.X.", "dd").
    pub shape: u64,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// A closed-class word ("But", "Five"), which never starts a name.
    pub closed: bool,
    /// Has letters, all upper case.
    pub upper: bool,
    /// A word ([`WordKind::Alpha`]) with an upper-case letter anywhere ("Smith", "eBay"; "3M" is a
    /// number token, never looked at):
    /// a word a name can be made of, which the tagger looks at ([`Candidate::Name`]).
    pub any_upper: bool,
    /// Its length in characters, at most 255 (read once here, not again by each pass).
    pub chars: u8,
    /// First word of a sentence or line (after any opening punctuation).
    pub sent_start: bool,
    /// On a line written in capitals (wire headlines).
    pub caps_line: bool,
    /// On a line in headline case.
    pub title_line: bool,
    /// How the word is written across the article: bit 0, in lower case somewhere; bit 1,
    /// capitalised mid-sentence; bit 2, after an honorific ("Mr. Hu"); bit 3, capitalised
    /// mid-sentence between lower-case words (a one-word name).
    pub doc: u8,
    /// Whether and how the tagger looks at it.
    pub candidate: Candidate,
    /// Length of the run of candidate words the word is in (capped at 6).
    pub run_len: u8,
    /// Position in that run: 0 alone, 1 first, 2 inside, 3 last.
    pub run_pos: u8,
    /// Lexicon flags of the run's first word.
    pub(crate) run_first: Flags,
    /// Lexicon flags of the run's last word.
    pub(crate) run_last: Flags,
}

/// The words of an article's analysed paragraphs, ready for tagging.
#[derive(Debug, Default)]
pub struct Prepared {
    /// Every word, in text order.
    pub words: Vec<Word>,
    /// Facts about each word.
    pub info: Vec<Info>,
    /// Each paragraph's range in `words`. Names never cross paragraphs.
    pub paragraphs: Vec<Range<usize>>,
}

impl Prepared {
    /// The end of the place phrase the gazetteers know that starts at word `i` ("The | Hague",
    /// "Hong | Kong"), not past `limit`; none when no such phrase starts there.
    pub(crate) fn place_phrase_end(&self, i: usize, limit: usize) -> Option<usize> {
        let info = &self.info[i];
        if info.gaz_pos != 1 || !info.gaz.any(Flags::PLACE) {
            return None;
        }
        let mut e = i + 1;
        while e < limit && self.info[e].gaz_pos == 2 {
            e += 1;
        }
        Some(e)
    }

    /// Reads the words of `paragraphs` of `text` from `tokens` (the segmenter's tokens of
    /// those paragraphs, in text order) and gathers their facts. `sentence_starts` are the byte
    /// offsets where sentences begin, in order.
    pub fn new(
        text: &str,
        tokens: &[Token],
        paragraphs: &[Span],
        sentence_starts: &[usize],
        lex: &Lexicon,
    ) -> Prepared {
        let mut p = Prepared { words: Vec::with_capacity(tokens.len()), ..Prepared::default() };
        let mut t = 0;
        for &para in paragraphs {
            t += tokens[t..].partition_point(|k| k.span.start() < para.start());
            let n = tokens[t..].partition_point(|k| k.span.start() < para.end());
            let from = p.words.len();
            words::from_tokens(text, &tokens[t..t + n], &mut p.words);
            p.paragraphs.push(from..p.words.len());
            t += n;
        }
        p.info = p.words.iter().map(|w| word_info(text, w, lex)).collect();
        p.mark_sentence_starts(text, sentence_starts);
        for r in p.paragraphs.clone() {
            p.mark_lines(r.clone());
            p.mark_phrases(lex, r);
        }
        p.mark_doc(text);
        p.mark_candidates(text);
        p
    }

    fn mark_sentence_starts(&mut self, text: &str, starts: &[usize]) {
        let mut s = 0;
        let mut pending = false;
        for (w, info) in self.words.iter().zip(self.info.iter_mut()) {
            while s < starts.len() && starts[s] <= w.span.start() {
                pending = true;
                s += 1;
            }
            if w.line_start && line_break_ends_sentence(text, w.span.start()) {
                pending = true;
            }
            match w.kind {
                WordKind::Alpha | WordKind::Number => {
                    info.sent_start = pending;
                    pending = false;
                }
                // Opening quotes and brackets keep the start pending; so does a colon or dash
                // that introduces a quotation.
                WordKind::Punct => {
                    let t = w.text(text);
                    if matches!(t, ":" | "“" | "\"" | "‘" | "(" | "[" | "—" | "–" | "-" | "•" | "*") {
                        pending |= matches!(t, "“" | "\"" | ":");
                    } else {
                        pending = false;
                    }
                }
                WordKind::Possessive | WordKind::Address => pending = false,
            }
        }
    }

    fn mark_lines(&mut self, r: Range<usize>) {
        // Headline case capitalises the long words; function words may stay lower case.
        let case = |this: &Self, line: Range<usize>| {
            let (mut alpha, mut upper, mut long, mut cap) = (0usize, 0usize, 0usize, 0usize);
            for j in line {
                let w = &this.words[j];
                if w.kind != WordKind::Alpha || w.span.len() < 2 {
                    continue;
                }
                alpha += 1;
                upper += usize::from(this.info[j].upper);
                if this.info[j].chars >= 4 {
                    long += 1;
                    cap += usize::from(this.info[j].cap);
                }
            }
            let caps = alpha >= 2 && upper * 5 >= alpha * 4;
            let title = !caps && long >= 2 && cap * 5 >= long * 4;
            (caps, title)
        };
        let line_end =
            |this: &Self, start: usize| (start..r.end).find(|&i| i + 1 == r.end || this.words[i + 1].line_start);
        // A hard-wrapped paragraph ("... the U.S.\nNavy, Australia and Spain, the Defense
        // Department said.") has lines of names that are prose, not headlines: a headline
        // paragraph is headline case on every line.
        let (mut lines, mut headline) = (0usize, 0usize);
        let mut line = r.start;
        while let Some(end) = line_end(self, line) {
            let (caps, title) = case(self, line..end + 1);
            lines += 1;
            headline += usize::from(caps || title);
            for info in &mut self.info[line..=end] {
                info.caps_line = caps;
                info.title_line = title;
            }
            line = end + 1;
        }
        if lines >= 2 && headline < lines {
            for info in &mut self.info[r] {
                info.title_line = false;
            }
        }
    }

    /// Marks the longest gazetteer phrase at each position.
    fn mark_phrases(&mut self, lex: &Lexicon, r: Range<usize>) {
        let mut i = r.start;
        while i < r.end {
            let mut best = (1, self.info[i].flags & (Flags::PLACE | Flags::ORG_NAME));
            if self.info[i].flags.has(Flags::PHRASE_START) {
                let mut h = lexicon::phrase_key(PHRASE_SEED, self.words[i].key);
                for n in 2..=MAX_PHRASE.min(r.end - i) {
                    h = lexicon::phrase_key(h, self.words[i + n - 1].key);
                    let f = lex.phrase(h);
                    if !f.is_empty() {
                        best = (n, f);
                    }
                    if !lex.is_prefix(h) {
                        break;
                    }
                }
            }
            let (n, flags) = best;
            if !flags.is_empty() {
                for (k, info) in self.info[i..i + n].iter_mut().enumerate() {
                    info.gaz = flags;
                    info.gaz_pos = if k == 0 { 1 } else { 2 };
                }
            }
            i += n;
        }
    }

    /// Only capitalised words go into the map; lower-case words mark the capitalised words they
    /// spell (a lower-case word's own bits only matter for joiners such as "of").
    fn mark_doc(&mut self, text: &str) {
        let mut seen: KeyMap<u8> = KeyMap::default();
        for (i, (w, info)) in self.words.iter().zip(&self.info).enumerate() {
            if w.kind != WordKind::Alpha || !info.cap {
                continue;
            }
            let mut bits = if !info.sent_start && !info.caps_line && !info.title_line { 2 } else { 0 };
            if i > 0 && self.info[i - 1].flags.has(Flags::HONORIFIC) && self.info[i - 1].cap {
                bits |= 4;
            }
            let cap_at = |j: usize| self.words[j].kind == WordKind::Alpha && self.info[j].cap;
            let alone = (i == 0 || !cap_at(i - 1)) && (i + 1 >= self.words.len() || !cap_at(i + 1));
            if bits & 2 != 0 && alone {
                bits |= 8;
            }
            *seen.entry(w.key).or_default() |= bits;
        }
        for (w, info) in self.words.iter().zip(self.info.iter_mut()) {
            if w.kind == WordKind::Alpha && w.text(text).starts_with(char::is_lowercase) {
                info.doc = 1;
                if let Some(bits) = seen.get_mut(&w.key) {
                    *bits |= 1;
                    info.doc |= *bits;
                }
            }
        }
        for (w, info) in self.words.iter().zip(self.info.iter_mut()) {
            if info.cap && w.kind == WordKind::Alpha {
                info.doc = seen.get(&w.key).copied().unwrap_or(0);
            }
        }
    }

    fn mark_candidates(&mut self, text: &str) {
        for r in self.paragraphs.clone() {
            for i in r.clone() {
                let w = &self.words[i];
                let info = &self.info[i];
                let cand = if info.any_upper {
                    Candidate::Name
                } else if i > r.start
                    && i + 1 < r.end
                    && (info.flags.has(Flags::CONNECTOR) || w.text(text) == "&")
                    && self.info[i - 1].candidate != Candidate::No
                    && self.info[i + 1].cap
                {
                    Candidate::Connector
                } else {
                    Candidate::No
                };
                self.info[i].candidate = cand;
            }
            self.mark_runs(r.clone());
        }
    }

    /// Runs of candidate words: what a name's first and last words say reaches all its words.
    fn mark_runs(&mut self, r: Range<usize>) {
        let mut i = r.start;
        while i < r.end {
            if self.info[i].candidate == Candidate::No {
                i += 1;
                continue;
            }
            let mut j = i;
            while j < r.end && self.info[j].candidate != Candidate::No {
                j += 1;
            }
            let (first, last) = (self.info[i].flags, self.info[j - 1].flags);
            let n = j - i;
            for (k, info) in self.info[i..j].iter_mut().enumerate() {
                info.run_len = n.min(6) as u8;
                info.run_pos = if n == 1 {
                    0
                } else if k == 0 {
                    1
                } else if k + 1 == n {
                    3
                } else {
                    2
                };
                info.run_first = first;
                info.run_last = last;
            }
            i = j;
        }
    }
}

/// Lines that wrap inside a sentence are joined: a line break before `at` starts a sentence only
/// after sentence-final punctuation, before an indented line, or after a short line (a heading,
/// a byline, a dateline).
fn line_break_ends_sentence(text: &str, at: usize) -> bool {
    let before = &text[..at];
    let gap_start = before.trim_end().len();
    let gap = &before[gap_start..];
    if gap.rsplit('\n').next().is_some_and(|indent| indent.len() >= 2 || indent.contains('\t')) {
        return true;
    }
    let prev_line = &before[..gap_start];
    let prev_line = prev_line.rsplit('\n').next().unwrap_or(prev_line);
    prev_line.ends_with(['.', '!', '?', ':', '"', '”', '’', ')']) || prev_line.trim().chars().count() < 40
}

/// What [`word_info`] counts over a word's characters.
struct Letters {
    /// Hash of the word's shape: its runs of `X` (upper case), `x` (other letters), `d` (ASCII
    /// digits) and each other character.
    shape: u64,
    letters: usize,
    uppers: usize,
    chars: usize,
    dot: bool,
}

impl Letters {
    /// Adds one character of class `class` (see `shape`).
    #[inline]
    fn push(&mut self, class: char, last: &mut char) {
        if class != *last {
            self.shape = lexicon::phrase_key(self.shape, class as u64);
            *last = class;
        }
    }
}

/// Counts the characters of `t`. Most words are ASCII, whose bytes are their characters and
/// whose classes need no Unicode tables; the others go through `char`'s own tests, which
/// agree with the byte tests on ASCII.
fn letters(t: &str) -> Letters {
    if t.is_ascii() {
        let mut l = Letters { shape: lexicon::PHRASE_SEED, letters: 0, uppers: 0, chars: 0, dot: false };
        let mut last = '\0';
        for &b in t.as_bytes() {
            let class = match b {
                b'A'..=b'Z' => {
                    l.uppers += 1;
                    l.letters += 1;
                    'X'
                }
                b'a'..=b'z' => {
                    l.letters += 1;
                    'x'
                }
                b'0'..=b'9' => 'd',
                _ => {
                    l.dot |= b == b'.';
                    char::from(b)
                }
            };
            l.push(class, &mut last);
        }
        l.chars = t.len();
        return l;
    }
    letters_of_chars(t)
}

/// [`letters`] through `char`'s tests, for any text.
fn letters_of_chars(t: &str) -> Letters {
    let mut l = Letters { shape: lexicon::PHRASE_SEED, letters: 0, uppers: 0, chars: 0, dot: false };
    let mut last = '\0';
    for c in t.chars() {
        l.chars += 1;
        l.dot |= c == '.';
        let class = if c.is_uppercase() {
            l.uppers += 1;
            l.letters += 1;
            'X'
        } else if c.is_alphabetic() {
            l.letters += 1;
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        l.push(class, &mut last);
    }
    l
}

fn word_info(text: &str, w: &Word, lex: &Lexicon) -> Info {
    let t = w.text(text);
    let Letters { shape, letters, uppers, chars, dot } = letters(t);
    let mut flags = if w.kind == WordKind::Alpha { lex.word(w.key) } else { Flags::empty() };
    if flags.has(Flags::DOTTED) && !t.ends_with('.') {
        flags = flags.without(Flags::TITLE | Flags::TITLE_M | Flags::TITLE_F | Flags::DOTTED);
    }
    Info {
        flags,
        gaz: Flags::empty(),
        gaz_pos: 0,
        shape,
        cap: t.starts_with(char::is_uppercase),
        closed: w.kind == WordKind::Alpha && !dot && lex.is_function_word(w.key),
        upper: letters > 0 && uppers == letters,
        any_upper: w.kind == WordKind::Alpha && uppers > 0,
        chars: chars.min(usize::from(u8::MAX)) as u8,
        sent_start: false,
        caps_line: false,
        title_line: false,
        doc: 0,
        candidate: Candidate::No,
        run_len: 0,
        run_pos: 0,
        run_first: Flags::empty(),
        run_last: Flags::empty(),
    }
}

/// Feature templates.
#[repr(u32)]
#[derive(Clone, Copy)]
enum T {
    Bias,
    Word,
    Shape,
    Prefix,
    Suffix,
    Prev,
    Next,
    Prev2,
    Next2,
    PrevShape,
    NextShape,
    PrevTag,
    PrevTags,
    PrevTagWord,
    PrevTagShape,
    PrevWordWord,
    WordNextWord,
    Flag,
    PrevFlag,
    NextFlag,
    Gaz,
    Start,
    StartFlag,
    Line,
    LineShape,
    Doc,
    DocStart,
    Length,
    Candidate,
    NextPossessive,
    Run,
    RunFirst,
    RunLast,
}

#[inline]
fn feat(t: T, v: u64) -> u32 {
    (lexicon::phrase_key(t as u64 + 1, v) >> 32) as u32
}

const NONE: u64 = 0x1234_5678;

/// Pushes the feature ids of word `i`, given the two tags before it, onto `out`.
pub fn features(text: &str, p: &Prepared, r: &Range<usize>, i: usize, prev: u8, prev2: u8, out: &mut Vec<u32>) {
    let w = &p.words[i];
    let info = &p.info[i];
    let at = |j: isize| -> Option<usize> {
        let j = i as isize + j;
        (j >= r.start as isize && j < r.end as isize).then_some(j as usize)
    };
    let key_at = |j: isize| at(j).map_or(NONE, |j| p.words[j].key);
    let shape_at = |j: isize| at(j).map_or(NONE, |j| p.info[j].shape);
    let line = u64::from(info.caps_line) | u64::from(info.title_line) << 1;
    // In capitals or headline case, a word's own shape says little.
    let shape = if info.caps_line { NONE } else { info.shape };
    out.push(feat(T::Bias, 0));
    out.push(feat(T::Word, w.key));
    out.push(feat(T::Shape, shape));
    let t = w.text(text);
    out.push(feat(T::Prefix, lexicon::key(prefix(t, 3))));
    out.push(feat(T::Suffix, lexicon::key(suffix(t, 3))));
    out.push(feat(T::Prev, key_at(-1)));
    out.push(feat(T::Next, key_at(1)));
    out.push(feat(T::Prev2, key_at(-2)));
    out.push(feat(T::Next2, key_at(2)));
    out.push(feat(T::PrevShape, shape_at(-1) ^ line));
    out.push(feat(T::NextShape, shape_at(1) ^ line));
    out.push(feat(T::PrevTag, u64::from(prev)));
    out.push(feat(T::PrevTags, u64::from(prev) << 8 | u64::from(prev2)));
    out.push(feat(T::PrevTagWord, lexicon::phrase_key(u64::from(prev), w.key)));
    out.push(feat(T::PrevTagShape, lexicon::phrase_key(u64::from(prev), shape)));
    out.push(feat(T::PrevWordWord, lexicon::phrase_key(key_at(-1), w.key)));
    out.push(feat(T::WordNextWord, lexicon::phrase_key(w.key, key_at(1))));
    push_flags(T::Flag, info.flags, line, out);
    if let Some(j) = at(-1) {
        push_flags(T::PrevFlag, p.info[j].flags, 0, out);
    }
    if let Some(j) = at(1) {
        push_flags(T::NextFlag, p.info[j].flags, 0, out);
        if p.words[j].kind == WordKind::Possessive {
            out.push(feat(T::NextPossessive, 0));
        }
    }
    if !info.gaz.is_empty() {
        push_flags(T::Gaz, info.gaz, u64::from(info.gaz_pos), out);
    }
    let start = u64::from(info.sent_start);
    out.push(feat(T::Start, start | line << 1));
    out.push(feat(T::StartFlag, start | u64::from(info.flags.has(Flags::LOWER)) << 1 | u64::from(info.doc) << 2));
    out.push(feat(T::Line, line));
    out.push(feat(T::LineShape, lexicon::phrase_key(line, info.shape)));
    out.push(feat(T::Doc, u64::from(info.doc)));
    out.push(feat(T::DocStart, u64::from(info.doc) | start << 2 | u64::from(info.upper) << 3));
    out.push(feat(T::Length, u64::from(info.chars.min(12))));
    out.push(feat(T::Candidate, info.candidate as u64));
    let run = u64::from(info.run_len) | u64::from(info.run_pos) << 4;
    out.push(feat(T::Run, run));
    if info.run_len > 1 {
        push_flags(T::RunFirst, info.run_first & RUN_FLAGS, run, out);
        push_flags(T::RunLast, info.run_last & RUN_FLAGS, run, out);
    }
}

/// The flags of a run's first and last words that say what the run names.
const RUN_FLAGS: Flags = Flags::FIRST_M
    .union(Flags::FIRST_F)
    .union(Flags::FIRST_U)
    .union(Flags::SURNAME)
    .union(Flags::ORG_HEAD)
    .union(Flags::LOC_HEAD)
    .union(Flags::GPE_HEAD)
    .union(Flags::HONORIFIC)
    .union(Flags::TITLE)
    .union(Flags::DEMONYM)
    .union(Flags::COUNTRY)
    .union(Flags::CITY)
    .union(Flags::ORG_NAME)
    .union(Flags::LOWER);

fn push_flags(t: T, flags: Flags, extra: u64, out: &mut Vec<u32>) {
    for bit in flags.bit_indices() {
        out.push(feat(t, u64::from(bit) | extra << 8));
    }
}

fn prefix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return s.get(..n).unwrap_or(s);
    }
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

fn suffix(s: &str, n: usize) -> &str {
    if s.is_ascii() {
        return s.get(s.len().saturating_sub(n)..).unwrap_or(s);
    }
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    s.char_indices().nth(count - n).map_or(s, |(i, _)| &s[i..])
}

/// `text` read as one paragraph, tokenised by the segmenter, for unit tests.
#[cfg(test)]
pub(crate) fn prepare(text: &str, sentence_starts: &[usize]) -> Prepared {
    static SEG: std::sync::OnceLock<crate::segment::Segmenter> = std::sync::OnceLock::new();
    let all = Span::new(0, text.len());
    let mut tokens = Vec::new();
    SEG.get_or_init(crate::segment::Segmenter::new).tokenize(text, all, &mut tokens);
    Prepared::new(text, &tokens, &[all], sentence_starts, crate::entities::lexicon::shared())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepares_candidates_and_starts() {
        let text = "Cooperation in the Council on International Relations grew. Mr. Wen said.";
        let p = prepare(text, &[0, 60]);
        let find = |s: &str| p.words.iter().position(|w| w.text(text) == s).unwrap();
        assert!(p.info[find("Cooperation")].sent_start);
        assert!(p.info[find("Mr.")].sent_start);
        assert!(!p.info[find("Wen")].sent_start);
        assert_eq!(p.info[find("on")].candidate, Candidate::Connector);
        assert_eq!(p.info[find("in")].candidate, Candidate::No);
        assert_eq!(p.info[find("grew")].candidate, Candidate::No);
        assert_eq!(p.info[find("Council")].candidate, Candidate::Name);
        // "cooperation" is not written in lower case elsewhere here, but it is a common word.
        assert!(p.info[find("Cooperation")].flags.has(Flags::LOWER));
    }

    /// Every word a name can be made of is one the tagger looks at, however far it stands from
    /// other capitals: an inner capital, an acronym mid-sentence, a name after a long lower-case
    /// run, and a lower-case particle between two names.
    #[test]
    fn name_capable_words_are_candidates() {
        let text = "the figures were released on a quiet afternoon by the small team at eBay, \
                    then the alliance known as NATO agreed, and later still, after a long and winding \
                    series of meetings that went on for hours, the archive of Charles de Gaulle opened.";
        let p = prepare(text, &[0]);
        let cand = |s: &str| p.info[p.words.iter().position(|w| w.text(text) == s).unwrap()].candidate;
        for name in ["eBay", "NATO", "Charles", "Gaulle"] {
            assert_eq!(cand(name), Candidate::Name, "{name}");
        }
        assert_eq!(cand("de"), Candidate::Connector);
        for word in ["the", "series", "hours", "archive"] {
            assert_eq!(cand(word), Candidate::No, "{word}");
        }
        // What `word_info` counted once is what the text says.
        for (w, info) in p.words.iter().zip(&p.info) {
            let t = w.text(text);
            assert_eq!(info.any_upper, w.kind == WordKind::Alpha && t.chars().any(char::is_uppercase), "{t}");
            assert_eq!(usize::from(info.chars), t.chars().count(), "{t}");
        }
    }

    /// The ASCII shortcuts count, shape and cut words as the `char` loops do.
    #[test]
    fn ascii_shortcuts_agree_with_chars() {
        let fields = |l: Letters| (l.shape, l.letters, l.uppers, l.chars, l.dot);
        let words =
            ["", "a", "Ab", "U.S.", "McDonald's", "3M", "7-Eleven", "COVID-19", "x_y", "\t", "~", "ab.c", "Zz9"];
        let bytes: Vec<String> = (0u8..128).map(|b| char::from(b).to_string()).collect();
        for t in words.into_iter().chain(bytes.iter().map(String::as_str)) {
            assert_eq!(fields(letters(t)), fields(letters_of_chars(t)), "{t:?}");
            for n in 0..5 {
                let p: String = t.chars().take(n).collect();
                let count = t.chars().count();
                let s: String = t.chars().skip(count.saturating_sub(n)).collect();
                assert_eq!((prefix(t, n), suffix(t, n)), (p.as_str(), s.as_str()), "{t:?} {n}");
            }
        }
        assert_eq!((prefix("Ōsaka", 3), suffix("Zürich", 3)), ("Ōsa", "ich"));
    }

    #[test]
    fn caps_lines_and_phrases() {
        let text = "JAPAN GET LUCKY WIN IN NEW YORK\nIn New York City today";
        let p = prepare(text, &[0]);
        assert!(p.info[0].caps_line && !p.info[8].caps_line);
        let ny = p.words.iter().position(|w| w.text(text) == "New").unwrap();
        assert!(p.info[ny].gaz.has(Flags::STATE) || p.info[ny].gaz.has(Flags::CITY));
        let city = p.words.iter().rposition(|w| w.text(text) == "New").unwrap();
        assert_eq!(p.info[city].gaz_pos, 1);
        assert_eq!(p.info[city + 2].gaz_pos, 2);
        let mut out = Vec::new();
        features(text, &p, &(0..p.words.len()), city, O, O, &mut out);
        assert!(out.len() > 25);
    }
}
