//! Quotation marks: find them, tell opening from closing, and pair them into quoted spans.
//!
//! Marks are typed: double marks (“ ” " « » „ and the `''` of some archives) pair with double
//! marks, single marks (‘ ’ ') with single ones. A ’ inside a word is an apostrophe. A quote
//! left open at the end of a paragraph continues when the next paragraph reopens with a mark
//! (the news convention for quotes that run over several paragraphs); otherwise it is cut at
//! the paragraph end and reported as unbalanced.

use crate::article::Paragraph;
use crate::span::Span;

/// Quotes nested deeper than this are not followed.
pub(crate) const MAX_DEPTH: usize = 4;
/// Fewest words before a closing mark whose opening mark was lost ([`lost_opening`]).
const MIN_LOST_WORDS: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Dir {
    Open,
    Close,
    /// Straight marks: direction from the surrounding characters or the pairing state.
    Either,
}

#[derive(Clone, Copy, Debug)]
struct Mark {
    span: Span,
    family: Family,
    dir: Dir,
}

/// One top-level quoted span within one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Quoted {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the paragraph ends first.
    pub close: Option<Span>,
    /// The words inside the marks, trimmed.
    pub inner: Span,
    /// Index into the paragraphs.
    pub paragraph: usize,
    /// The quote runs on into the next paragraph.
    pub continues: bool,
    /// This piece reopens a quote from the previous paragraph.
    pub continued: bool,
}

impl Quoted {
    /// The quote with its marks.
    pub(crate) fn outer(&self) -> Span {
        Span::new(self.open.start(), self.close.map_or(self.inner.end(), |c| c.end()))
    }
}

/// What pairing the marks of an article found, with the counts that warnings report.
#[derive(Debug, Default)]
pub(crate) struct Pairing {
    /// Top-level quoted spans in text order.
    pub quoted: Vec<Quoted>,
    /// Double marks that found no partner.
    pub unbalanced: usize,
    /// Marks nested deeper than [`MAX_DEPTH`].
    pub too_deep: usize,
}

/// Pairs the quotation marks of the analysed paragraphs.
///
/// Lines are paired one by one, because some sources put one paragraph a line; a quote still
/// open at the end of a line that the next line does not reopen runs on into it (hard-wrapped
/// text).
pub(crate) fn pair(text: &str, paragraphs: &[Paragraph]) -> Pairing {
    let mut out = Pairing::default();
    let blocks = blocks(text, paragraphs);
    let reopens =
        |b: &Block| find_first_mark(text, b.span).is_some_and(|m| m.span.start() == b.span.start() && opens(&m));
    let mut carry = false;
    let mut i = 0;
    while i < blocks.len() {
        let Block { mut span, paragraph, .. } = blocks[i];
        let mut j = i;
        while j + 1 < blocks.len() && !blocks[j].last_line && !reopens(&blocks[j + 1]) && stays_open(text, span) {
            j += 1;
            span = span.cover(blocks[j].span);
        }
        let marks = find_marks(text, span);
        let reopened = carry && marks.first().is_some_and(|m| m.span.start() == span.start() && opens(m));
        let next_reopens = blocks.get(j + 1).is_some_and(reopens);
        carry = pair_paragraph(text, span, paragraph, &marks, reopened, next_reopens, &mut out);
        i = j + 1;
    }
    out
}

/// One line of an analysed paragraph.
#[derive(Clone, Copy, Debug)]
struct Block {
    span: Span,
    paragraph: usize,
    /// The line ends its paragraph.
    last_line: bool,
}

/// The non-blank lines of the analysed paragraphs, trimmed.
fn blocks(text: &str, paragraphs: &[Paragraph]) -> Vec<Block> {
    let mut out = Vec::new();
    for (pi, p) in paragraphs.iter().enumerate().filter(|(_, p)| p.role.is_analysed()) {
        let bytes = p.span.as_str(text).as_bytes();
        let mut start = 0;
        let first = out.len();
        for nl in memchr::memchr_iter(b'\n', bytes).chain(std::iter::once(bytes.len())) {
            let line = Span::new(p.span.start() + start, p.span.start() + nl).trim(text);
            if !line.is_empty() {
                out.push(Block { span: line, paragraph: pi, last_line: false });
            }
            start = nl + 1;
        }
        if out.len() > first {
            out.last_mut().expect("pushed").last_line = true;
        }
    }
    out
}

/// True when a top-level double quote is still open at the end of `span`.
fn stays_open(text: &str, span: Span) -> bool {
    let marks = find_marks(text, span);
    pair_paragraph(text, span, 0, &marks, false, true, &mut Pairing::default())
}

fn opens(m: &Mark) -> bool {
    m.family == Family::Double && m.dir != Dir::Close
}

/// Pairs one paragraph's marks. Returns true when its top-level quote stays open at the end.
fn pair_paragraph(
    text: &str,
    para: Span,
    pi: usize,
    marks: &[Mark],
    reopened: bool,
    next_reopens: bool,
    out: &mut Pairing,
) -> bool {
    // The stack holds opening marks; singles whose partner never comes are apostrophes.
    let mut stack: Vec<Mark> = Vec::new();
    // Opening marks past MAX_DEPTH are counted, and the closes that match them skipped.
    let mut overflow = 0usize;
    let mut first = true;
    for m in marks {
        let has_double = stack.iter().any(|o| o.family == Family::Double);
        let opening = m.dir == Dir::Open
            || (m.dir == Dir::Either && m.family == Family::Double && !has_double)
            || (m.dir == Dir::Either
                && m.family == Family::Single
                && stack.last().is_none_or(|o| o.family != Family::Single)
                && closes_nothing_opens(text, m.span));
        if stack.len() >= MAX_DEPTH && opening {
            out.too_deep += 1;
            overflow += 1;
            continue;
        }
        if overflow > 0 && !opening {
            overflow -= 1;
            continue;
        }
        match (m.family, m.dir) {
            (Family::Double, Dir::Open) => stack.push(*m),
            (Family::Double, Dir::Either) if !has_double => stack.push(*m),
            (Family::Double, _) => {
                if !has_double {
                    if first && !reopened && stack.is_empty() && lost_opening(text, para, m.span) {
                        // "Words,” she said.": the opening mark was lost; the quote opens the paragraph.
                        let open = Mark {
                            span: Span::new(para.start(), para.start()),
                            family: Family::Double,
                            dir: Dir::Open,
                        };
                        emit(text, pi, open, Some(m.span), false, false, out);
                        first = false;
                        continue;
                    }
                    out.unbalanced += 1;
                    continue;
                }
                while let Some(o) = stack.pop() {
                    if o.family == Family::Double {
                        if !stack.iter().any(|o| o.family == Family::Double) {
                            emit(text, pi, o, Some(m.span), reopened && first, false, out);
                            first = false;
                        }
                        break;
                    }
                }
            }
            (Family::Single, Dir::Open) => stack.push(*m),
            (Family::Single, _) => {
                if stack.last().is_some_and(|o| o.family == Family::Single) {
                    let o = stack.pop().expect("checked");
                    if stack.is_empty() {
                        emit(text, pi, o, Some(m.span), false, false, out);
                    }
                } else if opening {
                    stack.push(Mark { dir: Dir::Open, ..*m });
                }
            }
        }
    }
    // Whatever is still open at the paragraph end: only a double at the bottom matters.
    let Some(bottom) = stack.iter().copied().find(|o| o.family == Family::Double) else { return false };
    let continues = next_reopens;
    if !continues {
        out.unbalanced += 1;
    }
    let end = Span::new(bottom.span.end(), para.end());
    if !end.trim(text).is_empty() {
        out.quoted.push(Quoted {
            open: bottom.span,
            close: None,
            inner: end.trim(text),
            paragraph: pi,
            continues,
            continued: reopened && first,
        });
    }
    continues
}

fn emit(text: &str, pi: usize, open: Mark, close: Option<Span>, continued: bool, continues: bool, out: &mut Pairing) {
    let end = close.map_or(open.span.end(), |c| c.start());
    let inner = Span::new(open.span.end(), end).trim(text);
    if inner.is_empty() {
        return;
    }
    out.quoted.push(Quoted { open: open.span, close, inner, paragraph: pi, continues, continued });
}

/// A closing double mark with no opening one before it in its paragraph that still ends a quote:
/// the words from the paragraph start, several of them, close with a comma, a question or an
/// exclamation mark inside the mark, as before an attribution ("We will be there,” she said.),
/// and the mark is the paragraph's first.
fn lost_opening(text: &str, para: Span, close: Span) -> bool {
    let before = Span::new(para.start(), close.start()).as_str(text);
    let punct = before.trim_end().ends_with([',', '?', '!']);
    let first_char = before.chars().next().is_some_and(|c| c.is_alphanumeric());
    punct && first_char && before.split_whitespace().count() >= MIN_LOST_WORDS
}

/// A straight single mark with nothing open: it opens only before a word and after a space.
fn closes_nothing_opens(text: &str, at: Span) -> bool {
    let before = text[..at.start()].chars().next_back();
    let after = text[at.end()..].chars().next();
    before.is_none_or(|c| c.is_whitespace() || "(“\"[—".contains(c)) && after.is_some_and(|c| c.is_alphabetic())
}

fn find_first_mark(text: &str, within: Span) -> Option<Mark> {
    let s = within.as_str(text);
    let lead = s.len() - s.trim_start().len();
    let probe = Span::new(within.start() + lead, (within.start() + lead + 4).min(within.end()));
    let probe = Span::new(probe.start(), floor_char(text, probe.end()));
    find_marks(text, probe).into_iter().next()
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Every quotation mark in `within`, classified, in text order.
fn find_marks(text: &str, within: Span) -> Vec<Mark> {
    let bytes = within.as_str(text).as_bytes();
    let base = within.start();
    let mut marks = Vec::new();
    let mut hits: Vec<usize> = memchr::memchr3_iter(b'"', b'\'', 0xE2, bytes).collect();
    hits.extend(memchr::memchr_iter(0xC2, bytes));
    hits.sort_unstable();
    let mut skip_to = 0;
    for i in hits {
        if i < skip_to {
            continue;
        }
        let at = base + i;
        let rest = &text[at..];
        let c = rest.chars().next().expect("on a char boundary");
        let (len, family, dir) = match c {
            '“' => (3, Family::Double, curly(text, at, 3, Dir::Open)),
            '”' => (3, Family::Double, curly(text, at, 3, Dir::Close)),
            '„' | '‟' => (3, Family::Double, Dir::Open),
            // A double prime stands in for a straight double mark on some pages.
            '″' => (3, Family::Double, straight(text, at, 3)),
            '«' => (2, Family::Double, curly(text, at, 2, Dir::Open)),
            '»' => (2, Family::Double, curly(text, at, 2, Dir::Close)),
            '‘' => (3, Family::Single, curly(text, at, 3, Dir::Open)),
            '’' => {
                if is_apostrophe(text, at, 3) {
                    continue;
                }
                (3, Family::Single, Dir::Close)
            }
            '"' => {
                if text[..at].ends_with('=') {
                    // A markup attribute, author="...": skip its value.
                    skip_to = memchr::memchr(b'"', &bytes[i + 1..]).map_or(bytes.len(), |j| i + j + 2);
                    continue;
                }
                (1, Family::Double, straight(text, at, 1))
            }
            // "…'old-school,'''": a nested single mark closes before the archive's double one.
            '\'' if rest.starts_with("'''") && straight(text, at, 3) == Dir::Close => (1, Family::Single, Dir::Close),
            '\'' if rest.starts_with("''") => (2, Family::Double, straight(text, at, 2)),
            '\'' => {
                if is_apostrophe(text, at, 1) {
                    continue;
                }
                (1, Family::Single, Dir::Either)
            }
            _ => continue,
        };
        skip_to = i + len;
        marks.push(Mark { span: Span::new(at, at + len), family, dir });
    }
    marks
}

/// A curly mark's direction: its shape, unless the spacing around it says plainly otherwise.
fn curly(text: &str, at: usize, len: usize, shape: Dir) -> Dir {
    match flanking(text, at, len) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => shape,
    }
}

/// A straight mark's direction from its neighbours.
fn straight(text: &str, at: usize, len: usize) -> Dir {
    match flanking(text, at, len) {
        (true, false) => Dir::Open,
        (false, true) => Dir::Close,
        _ => Dir::Either,
    }
}

/// (opens, closes): whether the mark sits before a word after a space, or after a word before
/// a space or punctuation.
fn flanking(text: &str, at: usize, len: usize) -> (bool, bool) {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    let space_or_open = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || "([{—–―-/".contains(c));
    let space_or_punct = |c: Option<char>| c.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}—–―-/…".contains(c));
    let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
    let opens = space_or_open(before) && word(after) && !space_or_punct(after);
    let closes = word(before) && !space_or_open(before) && space_or_punct(after);
    (opens, closes)
}

/// A ’ or ' that belongs to a word: between letters (don’t), before digits ('90s), or a
/// possessive after a plural (voters’ choice) when nothing suggests a closing mark.
fn is_apostrophe(text: &str, at: usize, len: usize) -> bool {
    let before = text[..at].chars().next_back();
    let after = text[at + len..].chars().next();
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    if letter(before) && letter(after) {
        return true;
    }
    if before.is_none_or(|c| c.is_whitespace()) && after.is_some_and(|c| c.is_ascii_digit()) {
        return true;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Role;

    fn paras(text: &str) -> Vec<Paragraph> {
        let mut out = Vec::new();
        let mut pos = 0;
        for p in text.split("\n\n") {
            out.push(Paragraph { span: Span::new(pos, pos + p.len()), role: Role::Body });
            pos += p.len() + 2;
        }
        out
    }

    fn inner(text: &str) -> (Vec<&str>, usize) {
        let p = pair(text, &paras(text));
        (p.quoted.iter().map(|q| q.inner.as_str(text)).collect(), p.unbalanced)
    }

    #[test]
    fn curly_straight_and_archive_marks() {
        assert_eq!(inner("“A,” he said, “B.”"), (vec!["A,", "B."], 0));
        assert_eq!(inner("\"A,\" he said, \"B.\""), (vec!["A,", "B."], 0));
        assert_eq!(inner("''A,'' he said."), (vec!["A,"], 0));
        assert_eq!(inner("''Use the word 'plain,''' he said."), (vec!["Use the word 'plain,'"], 0));
        assert_eq!(inner("«Oui», dit-il."), (vec!["Oui"], 0));
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(inner("“Don’t bet on it,” he said of the ’90s."), (vec!["Don’t bet on it,"], 0));
        assert_eq!(inner("It isn't 'over' yet."), (vec!["over"], 0));
        assert_eq!(inner("The voters’ choice."), (vec![], 0));
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(inner("“He said ‘no’ twice,” she said."), (vec!["He said ‘no’ twice,"], 0));
        assert_eq!(inner("\"He said 'no' twice,\" she said."), (vec!["He said 'no' twice,"], 0));
    }

    #[test]
    fn multi_paragraph_quotes() {
        let t = "“First part.\n\n“Second part.”\n\nAfter.";
        let p = pair(t, &paras(t));
        assert_eq!(p.unbalanced, 0);
        assert_eq!(p.quoted.len(), 2);
        assert!(p.quoted[0].continues && p.quoted[0].close.is_none());
        assert!(p.quoted[1].continued);
        assert_eq!(p.quoted[1].inner.as_str(t), "Second part.");
    }

    #[test]
    fn unbalanced_marks_do_not_derail() {
        let t = "“Never closed.\n\nPlain text with “a quote” later.";
        let (found, unbalanced) = inner(t);
        assert_eq!(found, vec!["Never closed.", "a quote"]);
        assert_eq!(unbalanced, 1);
        let (found, unbalanced) = inner("Stray” mark, then “fine.”");
        assert_eq!((found, unbalanced), (vec!["fine."], 1));
    }

    #[test]
    fn lost_opening_mark_opens_the_paragraph() {
        let t = "Intro.\n\nWe will be there on time,” she said. “Promise.”";
        assert_eq!(inner(t), (vec!["We will be there on time,", "Promise."], 0));
        // Too short, or no punctuation inside the mark: a stray mark.
        assert_eq!(inner("Just a stray” mark here."), (vec![], 1));
        assert_eq!(inner("Fine.” He left."), (vec![], 1));
        assert_eq!(inner("A line that ends a quote.” He left."), (vec![], 1));
    }

    #[test]
    fn double_primes_pair_like_straight_marks() {
        assert_eq!(inner("″Open all night,” he said."), (vec!["Open all night,"], 0));
        assert_eq!(inner("″Open all night,″ he said."), (vec!["Open all night,"], 0));
    }

    #[test]
    fn deep_nesting_is_counted() {
        let t = "“a ‘b “c ‘d “e” d’ c” b’ a”";
        let p = pair(t, &paras(t));
        assert!(p.too_deep > 0);
        assert_eq!(p.quoted.len(), 1);
    }

    #[test]
    fn markup_attributes_are_not_quotes() {
        assert_eq!(inner("<tweet author=\"@x\" id=\"1\">"), (vec![], 0));
    }
}
