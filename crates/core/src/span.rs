//! Byte spans into a text.

use std::fmt;

/// The largest offset a span can hold.
pub const MAX_OFFSET: usize = u32::MAX as usize;

/// A half-open byte range `[start, end)` into a text.
///
/// The invariant `start <= end` is checked when a span is built. Spans are `Copy` and cheap
/// (8 bytes: offsets are stored as `u32`, so texts are limited to 4 GiB, far above
/// [`Config::max_bytes`](crate::Config)); they never own text. Get the text with [`Span::as_str`].
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    start: u32,
    end: u32,
}

impl Span {
    /// Builds the span `[start, end)`.
    ///
    /// # Panics
    /// When `start > end` or `end` is 4 GiB or more.
    #[inline]
    #[track_caller]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "invalid span: start {start} > end {end}");
        assert!(end <= MAX_OFFSET, "span end {end} is past the 4 GiB limit");
        Span { start: start as u32, end: end as u32 }
    }

    /// The first byte of the span.
    #[inline]
    pub fn start(self) -> usize {
        self.start as usize
    }

    /// One past the last byte of the span.
    #[inline]
    pub fn end(self) -> usize {
        self.end as usize
    }

    /// Length in bytes.
    #[inline]
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    #[inline]
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text the span covers.
    ///
    /// # Panics
    /// When the span is out of bounds or not on `char` boundaries of `text`.
    #[inline]
    #[track_caller]
    pub fn as_str(self, text: &str) -> &str {
        &text[self.start()..self.end()]
    }

    /// The text the span covers, or `None` when it does not fit `text`.
    #[inline]
    pub fn get(self, text: &str) -> Option<&str> {
        text.get(self.start()..self.end())
    }

    /// True when `other` lies within this span.
    #[inline]
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the byte offset `pos` lies within this span.
    #[inline]
    pub fn contains_pos(self, pos: usize) -> bool {
        self.start() <= pos && pos < self.end()
    }

    /// True when the two spans share at least one byte.
    #[inline]
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(self, other: Span) -> Span {
        Span { start: self.start.min(other.start), end: self.end.max(other.end) }
    }

    /// The span moved right by `delta` bytes (for spans found in a slice of a text).
    #[inline]
    pub fn offset(self, delta: usize) -> Span {
        Span::new(self.start() + delta, self.end() + delta)
    }

    /// The span with ASCII and Unicode whitespace removed from both ends.
    pub fn trim(self, text: &str) -> Span {
        let s = self.as_str(text);
        let lead = s.len() - s.trim_start().len();
        let trimmed = s.trim();
        Span::new(self.start() + lead, self.start() + lead + trimmed.len())
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    #[inline]
    fn from(r: std::ops::Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basics() {
        let text = "Mr. Wen said";
        let s = Span::new(4, 7);
        assert_eq!(s.as_str(text), "Wen");
        assert_eq!(s.len(), 3);
        assert!(Span::new(0, 12).contains(s));
        assert!(s.overlaps(Span::new(6, 9)));
        assert!(!s.overlaps(Span::new(7, 9)));
        assert_eq!(Span::new(3, 8).trim(text), Span::new(4, 7));
        assert_eq!(s.cover(Span::new(8, 12)), Span::new(4, 12));
    }

    #[test]
    #[should_panic(expected = "invalid span")]
    fn rejects_reversed() {
        let _ = Span::new(5, 4);
    }
}
