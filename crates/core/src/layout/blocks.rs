//! Paragraphs from lines.
//!
//! Blank lines separate blocks. Within a block, a line break separates paragraphs unless the
//! line was hard-wrapped: then the lines are one paragraph. Wire copy (Reuters-21578) wraps at
//! about 70 columns and marks each paragraph with an indent; other text puts one paragraph per
//! line. A break is a wrap when the line was full: the next line's first word would not have fit
//! after it.

use crate::span::Span;

/// Widest line (in characters) that hard-wrapped text is assumed to have.
const MAX_WRAP_WIDTH: usize = 100;
/// Narrowest; below it lines are too short to tell wrapping from short paragraphs.
const MIN_WRAP_WIDTH: usize = 50;
/// Slack for wrappers that stop a little before their width.
const WRAP_SLACK: usize = 3;
/// Leading spaces that mark a paragraph's first line in indented text.
const INDENT: usize = 2;
/// In indented text, a line break also separates paragraphs after a line this much shorter than
/// the width (a byline above the first paragraph): the first line of wire copy often wraps short.
const SHORT_LINE_PERCENT: usize = 70;

#[derive(Clone, Copy, Debug)]
struct Line {
    /// The line's bytes, without its `\n`.
    start: usize,
    end: usize,
    /// Leading spaces (a tab counts 4).
    indent: usize,
    /// Characters, indent included, trailing spaces excluded.
    width: usize,
    /// Characters of the first word.
    first_word: usize,
    /// How the line starts: with a bullet, a dash or number that may mark a list item, or text.
    item: Item,
    /// Ends with a mark that can end a list item or a sentence (". : ; ! ?").
    ends_clause: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Item {
    /// Plain text.
    No,
    /// "• ": always a list item.
    Bullet,
    /// "- ", "* ", "1. ", "a) ": a list item, or a dash or number that a wrap put first.
    Marker,
}

fn measure(text: &str, start: usize, end: usize) -> Line {
    let s = &text[start..end];
    let trimmed = s.trim_end();
    let mut indent = 0;
    for b in trimmed.bytes() {
        match b {
            b' ' => indent += 1,
            b'\t' => indent += 4,
            _ => break,
        }
    }
    let body = trimmed.trim_start();
    let width = indent + if body.is_ascii() { body.len() } else { body.chars().count() };
    let first_word = body.split(char::is_whitespace).next().map_or(0, |w| w.chars().count());
    let ends_clause = body.ends_with(['.', ':', ';', '!', '?']);
    Line { start, end, indent, width, first_word, item: item(body), ends_clause }
}

/// How a line starts: a bullet ("• "), a marker ("- ", "1. ", "a) ") or text.
fn item(body: &str) -> Item {
    let mut chars = body.chars();
    let Some(c) = chars.next() else { return Item::No };
    let spaced = chars.next().is_some_and(char::is_whitespace);
    if matches!(c, '•' | '●' | '▪' | '■' | '◦' | '‣' | '⁃' | '►') && spaced {
        return Item::Bullet;
    }
    if matches!(c, '-' | '*' | '–' | '—') && spaced {
        return Item::Marker;
    }
    let digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let numbered = digits > 0 && digits <= 3 && matches!(&body.as_bytes()[digits..], [b'.' | b')', b' ', ..]);
    if numbered {
        Item::Marker
    } else {
        Item::No
    }
}

/// True when the paragraph is a list item ("• Repairs cost more", "- First", "1. First").
pub(crate) fn is_list_item(para: &str) -> bool {
    item(para.trim_start()) != Item::No
}

/// Appends the paragraphs of `text` to `out`, each trimmed of surrounding blank space.
pub(crate) fn paragraphs(text: &str, out: &mut Vec<Span>) {
    let mut block: Vec<Line> = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        if text[pos..end].trim().is_empty() {
            split_block(text, &block, out);
            block.clear();
        } else {
            block.push(measure(text, pos, end));
        }
        pos = end + 1;
    }
    split_block(text, &block, out);
}

fn split_block(text: &str, lines: &[Line], out: &mut Vec<Span>) {
    let Some(first) = lines.first() else { return };
    // Indents mark paragraphs only when some lines have none.
    let indented = lines.iter().any(|l| l.indent >= INDENT) && lines.iter().any(|l| l.indent == 0);
    let width = lines.iter().map(|l| l.width).max().unwrap_or(0);
    let wrapped = (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&width);
    let mut start = first.start;
    for pair in lines.windows(2) {
        let (prev, line) = (pair[0], pair[1]);
        let fits = prev.width + 1 + line.first_word;
        let breaks = if indented {
            line.indent >= INDENT || fits * 100 <= width * SHORT_LINE_PERCENT
        } else {
            !wrapped || fits + WRAP_SLACK <= width
        };
        // A dash or number at the start of a wrapped line may just be where the wrap fell
        // ("... 28.52 million\n- the highest figure"): it starts an item only after an item or
        // a finished clause.
        let item = match line.item {
            Item::Bullet => true,
            Item::Marker => prev.item != Item::No || prev.ends_clause,
            Item::No => false,
        };
        let new_paragraph = breaks || item;
        if new_paragraph {
            push_trimmed(text, Span::new(start, prev.end), out);
            start = line.start;
        }
    }
    push_trimmed(text, Span::new(start, lines[lines.len() - 1].end), out);
}

fn push_trimmed(text: &str, span: Span, out: &mut Vec<Span>) {
    let t = span.trim(text);
    if !t.is_empty() {
        out.push(t);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        paragraphs(text, &mut out);
        out.iter().map(|s| s.as_str(text)).collect()
    }

    #[test]
    fn blank_lines() {
        assert_eq!(paras("Title\n\nOne.\n \nTwo.\n\n\n"), ["Title", "One.", "Two."]);
        assert!(paras("").is_empty());
        assert!(paras("\n \n\t\n").is_empty());
    }

    #[test]
    fn one_paragraph_per_line() {
        let text = "A headline here\nThe first paragraph is long enough to be a paragraph of its own, and it goes on for more than a hundred characters.\nA second one.";
        assert_eq!(paras(text).len(), 3);
        assert_eq!(
            paras("Leave a Reply\nYour email address will not be published. Required fields are marked *").len(),
            2
        );
    }

    #[test]
    fn hard_wrapped_with_indents() {
        let text = "BAHIA COCOA REVIEW\n\nSALVADOR, Feb 26 - Showers continued throughout the week in\nthe Bahia cocoa zone, alleviating the drought since early\nJanuary and improving prospects for the coming temporao,\nalthough normal humidity levels have not been restored,\nComissaria Smith said in its weekly review.\n    The dry period means the temporao will be late this year.\n    Arrivals for the week ended February 22 were 155,221 bags\nof 60 kilos making a cumulative total for the season of 5.93\nmln against 5.81 at the same stage last year.";
        let p = paras(text);
        assert_eq!(p.len(), 4, "{p:#?}");
        assert!(p[1].starts_with("SALVADOR") && p[1].ends_with("weekly review."));
        assert!(p[3].ends_with("last year."));
    }

    #[test]
    fn wrapped_byline_line_stays_apart() {
        let text = "by Janie Gabbett, Reuters\nLOS ANGELES, Feb 26 - BankAmerica Corp is not under\npressure to act quickly on its proposed equity offering and\nwould do well to delay it.";
        let p = paras(text);
        assert_eq!(p, ["by Janie Gabbett, Reuters", &text[26..]]);
    }

    #[test]
    fn hard_wrapped_without_indents() {
        let text = "This paragraph was wrapped by a mail client at seventy-two columns\nso that every line is nearly full, and the break falls where the\nnext word would not fit.\nA new paragraph starts here.";
        assert_eq!(paras(text).len(), 2);
    }

    #[test]
    fn list_lines() {
        assert_eq!(
            paras("Steps to take, in order, wrapped at a narrow width of fifty:\n1. First\n2. Second\n- third").len(),
            4
        );
    }
}
