//! Byte ↔ code point offsets, converted once at the JSON and Python boundary.

/// Converts byte offsets of one text to Unicode code point offsets and back.
///
/// ASCII text converts for free. Otherwise the index keeps one checkpoint per 64 bytes
/// (the code point count before it), so memory is 1/16 of the text and each conversion
/// scans at most 63 bytes.
#[derive(Clone, Debug)]
pub struct CharIndex {
    /// `checkpoints[k]` = code points in `text[..64 * k]`; empty for ASCII text.
    checkpoints: Vec<u32>,
    ascii: bool,
}

const BLOCK: usize = 64;

#[inline]
fn is_char_start(b: u8) -> bool {
    (b as i8) >= -0x40
}

fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| is_char_start(b)).count()
}

impl CharIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> CharIndex {
        if text.is_ascii() {
            return CharIndex { checkpoints: Vec::new(), ascii: true };
        }
        let bytes = text.as_bytes();
        let mut checkpoints = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut total = 0u32;
        checkpoints.push(0);
        for block in bytes.chunks(BLOCK) {
            total += count_chars(block) as u32;
            checkpoints.push(total);
        }
        CharIndex { checkpoints, ascii: false }
    }

    /// The code point offset of byte offset `byte` (which should be a char boundary of `text`).
    #[inline]
    pub fn char_of(&self, text: &str, byte: usize) -> usize {
        if self.ascii {
            return byte;
        }
        let k = byte / BLOCK;
        self.checkpoints[k] as usize + count_chars(&text.as_bytes()[k * BLOCK..byte])
    }

    /// The byte offset of code point offset `ch`, or `None` when past the end of `text`.
    pub fn byte_of(&self, text: &str, ch: usize) -> Option<usize> {
        if self.ascii {
            return (ch <= text.len()).then_some(ch);
        }
        // The last block whose checkpoint is <= ch.
        let k = self.checkpoints.partition_point(|&c| (c as usize) <= ch).saturating_sub(1);
        let mut count = self.checkpoints[k] as usize;
        let bytes = text.as_bytes();
        let mut i = k * BLOCK;
        // Start at a char boundary at or after the block start.
        while i < bytes.len() && !is_char_start(bytes[i]) {
            i += 1;
        }
        while i < bytes.len() {
            if count == ch {
                return Some(i);
            }
            i += 1;
            while i < bytes.len() && !is_char_start(bytes[i]) {
                i += 1;
            }
            count += 1;
        }
        (count == ch).then_some(bytes.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let t = "hello";
        let ix = CharIndex::new(t);
        assert_eq!(ix.char_of(t, 3), 3);
        assert_eq!(ix.byte_of(t, 5), Some(5));
        assert_eq!(ix.byte_of(t, 6), None);
    }

    #[test]
    fn roundtrip_every_boundary() {
        let t = "Zürich “quote” 😀 ".repeat(20) + "end";
        let ix = CharIndex::new(&t);
        for (ci, (bi, _)) in t.char_indices().enumerate() {
            assert_eq!(ix.char_of(&t, bi), ci);
            assert_eq!(ix.byte_of(&t, ci), Some(bi));
        }
        let n = t.chars().count();
        assert_eq!(ix.char_of(&t, t.len()), n);
        assert_eq!(ix.byte_of(&t, n), Some(t.len()));
        assert_eq!(ix.byte_of(&t, n + 1), None);
    }
}
