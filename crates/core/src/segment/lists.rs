//! Lists run into one paragraph: "1. First 2. Second", "a) one b) two", "• 9. one • 10. two".
//!
//! Each item is a sentence of its own, and the periods of its marker ("1.", "a.") end nothing.

use crate::segment::token::{Token, TokenKind};

/// Bullets that start an item wherever they stand. Dashes and asterisks count only at the start
/// of a paragraph, because inside one they are dashes.
const BULLETS: &[&str] = &["•", "⁃", "‣", "◦", "▪", "▫", "●", "○", "■", "□", "►", "▶", "✓", "✔"];
const LEADING_ONLY: &[&str] = &["-", "*", "–", "—"];
/// Most tokens from one item marker to the next; past it, a number is no list marker.
const MAX_ITEM_TOKENS: usize = 40;

/// A list item marker's value, so that the next one can be recognised.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Value {
    Number(u32),
    Letter(u8),
}

impl Value {
    fn next(self) -> Value {
        match self {
            Value::Number(n) => Value::Number(n + 1),
            Value::Letter(c) => Value::Letter(c + 1),
        }
    }
}

/// Where the items of a list paragraph start, and which tokens belong to item markers.
#[derive(Debug, Default)]
pub(crate) struct ListItems {
    /// Token indices (within the paragraph) where items after the first start.
    pub starts: Vec<usize>,
    /// Token indices of marker punctuation ("." in "1.", "a." itself) that ends no sentence, sorted.
    pub markers: Vec<usize>,
}

struct Toks<'a> {
    text: &'a str,
    toks: &'a [Token],
}

impl Toks<'_> {
    fn str(&self, i: usize) -> &str {
        self.toks[i].span.as_str(self.text)
    }

    fn adjacent(&self, i: usize) -> bool {
        i > 0 && self.toks[i - 1].span.end() == self.toks[i].span.start()
    }

    fn gap_before(&self, i: usize) -> bool {
        i == 0 || !self.adjacent(i)
    }

    /// A marker at token `i`: its value and the index one past it. "1." "1.)" "1)" "a." "a)".
    fn marker(&self, i: usize) -> Option<(Value, usize)> {
        let t = self.toks.get(i)?;
        let s = self.str(i);
        let (value, mut end) = match t.kind {
            TokenKind::Number if s.len() <= 3 && s.bytes().all(|b| b.is_ascii_digit()) => {
                (Value::Number(s.parse().ok()?), i + 1)
            }
            TokenKind::Word if s.len() == 2 && s.as_bytes()[0].is_ascii_alphabetic() && s.ends_with('.') => {
                (Value::Letter(s.as_bytes()[0].to_ascii_lowercase()), i + 1)
            }
            TokenKind::Word if s.len() == 1 && s.as_bytes()[0].is_ascii_alphabetic() => {
                (Value::Letter(s.as_bytes()[0].to_ascii_lowercase()), i + 1)
            }
            _ => return None,
        };
        let mut closed = matches!(value, Value::Letter(_)) && s.len() == 2;
        while end < self.toks.len() && self.adjacent(end) && matches!(self.str(end), "." | ")") {
            closed = true;
            end += 1;
            if self.str(end - 1) == ")" {
                break;
            }
        }
        // The marker stands apart from what follows.
        let apart = end < self.toks.len() && self.gap_before(end);
        (closed && apart).then_some((value, end))
    }
}

fn is_bullet(s: &str, leading: bool) -> bool {
    BULLETS.contains(&s) || (leading && LEADING_ONLY.contains(&s))
}

/// Finds the items of a list paragraph, or `None` when the paragraph is not a list.
pub(crate) fn find(text: &str, toks: &[Token]) -> Option<ListItems> {
    let t = Toks { text, toks };
    let first = toks.first()?;
    let bullet = is_bullet(first.span.as_str(text), true).then(|| first.span.as_str(text));
    let pos = usize::from(bullet.is_some());
    let marker = t.marker(pos).filter(|(v, _)| match v {
        Value::Number(_) => true,
        Value::Letter(c) => *c == b'a',
    });
    if bullet.is_none() && marker.is_none() {
        return None;
    }
    let mut items = ListItems::default();
    let mut expect = None;
    if let Some((value, end)) = marker {
        items.markers.extend(pos..end);
        expect = Some(value.next());
    }
    let mut i = pos + 1;
    let mut last_item = pos;
    while i < toks.len() && (bullet.is_some() || i - last_item <= MAX_ITEM_TOKENS) {
        if !t.gap_before(i) {
            i += 1;
            continue;
        }
        let s = t.str(i);
        if bullet == Some(s) && BULLETS.contains(&s) {
            items.starts.push(i);
            last_item = i;
            if let Some((value, end)) = t.marker(i + 1).filter(|(v, _)| Some(*v) == expect) {
                items.markers.extend(i + 1..end);
                expect = Some(value.next());
                i = end;
            } else {
                i += 1;
            }
            continue;
        }
        if bullet.is_none() {
            if let Some((value, end)) = t.marker(i).filter(|(v, _)| Some(*v) == expect) {
                items.starts.push(i);
                last_item = i;
                items.markers.extend(i..end);
                expect = Some(value.next());
                i = end;
                continue;
            }
        }
        i += 1;
    }
    Some(items)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::lexicon::Lexicon;
    use crate::segment::token::Tokenizer;
    use crate::span::Span;

    fn items(text: &str) -> Option<(Vec<String>, usize)> {
        let mut toks = Vec::new();
        Tokenizer::new().tokenize(text, Span::new(0, text.len()), &Lexicon::new(), &mut toks);
        let found = find(text, &toks)?;
        let starts = found.starts.iter().map(|&i| text[toks[i].span.start()..].to_string()).collect();
        Some((starts, found.markers.len()))
    }

    #[test]
    fn numbered_and_lettered() {
        assert_eq!(items("1.) The first item 2.) The second item"), Some((vec!["2.) The second item".into()], 6)));
        assert_eq!(items("1) One 2) Two 3) Three").unwrap().0.len(), 2);
        assert_eq!(items("1. The first item. 2. The second item.").unwrap().0, ["2. The second item."]);
        assert_eq!(items("a. The first item b. The second item c. The third").unwrap().0.len(), 2);
        assert_eq!(items("• 9. The first item • 10. The second item").unwrap().0, ["• 10. The second item"]);
        assert_eq!(items("⁃9. The first item ⁃10. The second item").unwrap().0, ["⁃10. The second item"]);
    }

    #[test]
    fn not_lists() {
        assert!(items("The first 2. The second").is_none());
        assert!(items("1980 was a good year. 1981 was not.").is_none());
        assert_eq!(items("- Tasmania was excluded - where it is").unwrap().0.len(), 0);
        assert!(items("B. Smith said 2. Then").is_none());
        let far = format!("1. Introduction {} by a factor of 2. However", "word ".repeat(50));
        assert_eq!(items(&far).unwrap().0.len(), 0);
    }
}
