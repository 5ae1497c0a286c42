//! The input text and its normalised view for matching.
//!
//! Stages match against [`Source::norm`]: line breaks are `\n`, exotic spaces are `' '`,
//! invisible characters are gone and HTML entities left in scraped text are decoded. Quotation
//! marks and dashes are kept as they are, because their direction and kind carry meaning.
//! Every span a stage finds in the normalised view is mapped back to the original text with
//! [`Source::span_to_orig`], so offsets in an [`Article`](crate::Article) always point into the
//! text exactly as it was given.

use std::borrow::Cow;

use crate::span::Span;

/// One place where the normalised view differs in length from the original.
#[derive(Clone, Copy, Debug)]
struct Edit {
    norm: usize,
    norm_len: usize,
    orig: usize,
    orig_len: usize,
}

impl Edit {
    fn norm_end(&self) -> usize {
        self.norm + self.norm_len
    }
    fn orig_end(&self) -> usize {
        self.orig + self.orig_len
    }
}

/// The original text and a normalised copy for matching, with the offset map between them.
///
/// Building a `Source` is one linear pass; when nothing needs normalising the view borrows the
/// original and the map is empty.
#[derive(Clone, Debug)]
pub struct Source<'a> {
    original: &'a str,
    norm: Cow<'a, str>,
    edits: Vec<Edit>,
}

impl<'a> Source<'a> {
    /// Normalises `original`.
    pub fn new(original: &'a str) -> Source<'a> {
        match first_candidate(original.as_bytes()) {
            None => Source { original, norm: Cow::Borrowed(original), edits: Vec::new() },
            Some(from) => normalise(original, from),
        }
    }

    /// The text as given.
    #[inline]
    pub fn original(&self) -> &'a str {
        self.original
    }

    /// The normalised view that stages match against.
    #[inline]
    pub fn norm(&self) -> &str {
        &self.norm
    }

    /// True when the normalised view is the original text, byte for byte.
    #[inline]
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty() && matches!(self.norm, Cow::Borrowed(_))
    }

    /// Maps a start offset in the normalised view to the original text.
    ///
    /// A start just before removed invisible characters maps to after them.
    pub fn to_orig_start(&self, pos: usize) -> usize {
        if self.edits.is_empty() {
            return pos;
        }
        let i = self.edits.partition_point(|e| e.norm_end() <= pos);
        let (bn, bo) = if i == 0 { (0, 0) } else { (self.edits[i - 1].norm_end(), self.edits[i - 1].orig_end()) };
        match self.edits.get(i) {
            Some(e) if e.norm <= pos && pos < e.norm_end() => {
                if pos == e.norm {
                    e.orig
                } else {
                    e.orig_end()
                }
            }
            _ => bo + (pos - bn),
        }
    }

    /// Maps an end offset in the normalised view to the original text.
    ///
    /// An end just after removed invisible characters maps to before them.
    pub fn to_orig_end(&self, pos: usize) -> usize {
        if self.edits.is_empty() {
            return pos;
        }
        let i = self.edits.partition_point(|e| e.norm_end() < pos || (e.norm_end() == pos && e.norm_len > 0));
        let (bn, bo) = if i == 0 { (0, 0) } else { (self.edits[i - 1].norm_end(), self.edits[i - 1].orig_end()) };
        match self.edits.get(i) {
            Some(e) if e.norm < pos && pos < e.norm_end() => e.orig_end(),
            _ => bo + (pos - bn),
        }
    }

    /// Maps a span of the normalised view to the original text.
    pub fn span_to_orig(&self, span: Span) -> Span {
        if self.edits.is_empty() {
            return span;
        }
        let start = self.to_orig_start(span.start());
        let end = self.to_orig_end(span.end()).max(start);
        Span::new(start, end)
    }
}

/// True for bytes where normalisation may change something: ASCII controls, `\r`, `&`, and the lead
/// bytes of the non-ASCII characters [`fix_char`] handles. All are char boundaries, so runs of other
/// bytes can be copied whole.
#[inline]
fn is_candidate(b: u8) -> bool {
    matches!(b, b'\r' | b'&' | 0x00..=0x08 | 0x0B | 0x0C | 0x0E..=0x1F | 0x7F | 0xC2 | 0xE2 | 0xE3 | 0xEF)
}

/// The first byte that might need normalising, if any.
fn first_candidate(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| is_candidate(b))
}

/// What a character becomes in the normalised view.
enum Fix {
    Keep,
    Drop,
    Replace(char),
}

fn fix_char(c: char) -> Fix {
    match c {
        '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => Fix::Replace(' '),
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => Fix::Drop,
        '\u{2028}' | '\u{2029}' | '\u{000B}' | '\u{000C}' => Fix::Replace('\n'),
        '\u{0000}'..='\u{0008}' | '\u{000E}'..='\u{001F}' | '\u{007F}' => Fix::Replace(' '),
        _ => Fix::Keep,
    }
}

fn normalise(original: &str, from: usize) -> Source<'_> {
    let mut norm = String::with_capacity(original.len());
    let mut edits = Vec::new();
    norm.push_str(&original[..from]);
    let bytes = original.as_bytes();
    let mut i = from;
    while i < original.len() {
        let b = bytes[i];
        if !is_candidate(b) {
            // Copy a run of bytes that need nothing at once.
            let run = bytes[i..].iter().position(|&b| is_candidate(b)).unwrap_or(bytes.len() - i);
            norm.push_str(&original[i..i + run]);
            i += run;
            continue;
        }
        if b == b'\r' {
            if bytes.get(i + 1) == Some(&b'\n') {
                edits.push(Edit { norm: norm.len(), norm_len: 1, orig: i, orig_len: 2 });
                norm.push('\n');
                i += 2;
            } else {
                norm.push('\n');
                i += 1;
            }
            continue;
        }
        if b == b'&' {
            if let Some((decoded, len)) = decode_entity(&original[i..]) {
                let start = norm.len();
                match fix_char(decoded) {
                    Fix::Keep => norm.push(decoded),
                    Fix::Replace(r) => norm.push(r),
                    Fix::Drop => {}
                }
                edits.push(Edit { norm: start, norm_len: norm.len() - start, orig: i, orig_len: len });
                i += len;
            } else {
                norm.push('&');
                i += 1;
            }
            continue;
        }
        let c = original[i..].chars().next().expect("in bounds");
        let clen = c.len_utf8();
        match fix_char(c) {
            Fix::Keep => norm.push(c),
            Fix::Replace(r) => {
                let start = norm.len();
                norm.push(r);
                if r.len_utf8() != clen {
                    edits.push(Edit { norm: start, norm_len: r.len_utf8(), orig: i, orig_len: clen });
                }
            }
            Fix::Drop => edits.push(Edit { norm: norm.len(), norm_len: 0, orig: i, orig_len: clen }),
        }
        i += clen;
    }
    if edits.is_empty() && norm == original {
        return Source { original, norm: Cow::Borrowed(original), edits };
    }
    Source { original, norm: Cow::Owned(norm), edits }
}

/// Decodes an HTML character reference at the start of `s` (which starts with `&`).
/// Returns the character and the length of the reference in bytes.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    let b = s.as_bytes();
    let semi = b.iter().take(12).position(|&c| c == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = if let Some(hex) = num.strip_prefix(['x', 'X']) {
            u32::from_str_radix(hex, 16).ok()?
        } else {
            num.parse::<u32>().ok()?
        };
        char::from_u32(code).filter(|&c| c != '\0')?
    } else {
        named_entity(body)?
    };
    Some((c, semi + 1))
}

fn named_entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "ensp" | "emsp" | "thinsp" => ' ',
        "shy" => '\u{00AD}',
        "zwj" => '\u{200D}',
        "zwnj" => '\u{200C}',
        "ndash" => '–',
        "mdash" => '—',
        "lsquo" => '‘',
        "rsquo" => '’',
        "sbquo" => '‚',
        "ldquo" => '“',
        "rdquo" => '”',
        "bdquo" => '„',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "trade" => '™',
        "euro" => '€',
        "pound" => '£',
        "yen" => '¥',
        "cent" => '¢',
        "deg" => '°',
        "times" => '×',
        "eacute" => 'é',
        "Eacute" => 'É',
        "egrave" => 'è',
        "aacute" => 'á',
        "agrave" => 'à',
        "iacute" => 'í',
        "oacute" => 'ó',
        "uacute" => 'ú',
        "ntilde" => 'ñ',
        "ccedil" => 'ç',
        "auml" => 'ä',
        "ouml" => 'ö',
        "uuml" => 'ü',
        "Auml" => 'Ä',
        "Ouml" => 'Ö',
        "Uuml" => 'Ü',
        "szlig" => 'ß',
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn roundtrip(original: &str, needle: &str, expect_orig: &str) {
        let src = Source::new(original);
        let at = src.norm().find(needle).unwrap_or_else(|| panic!("{needle:?} not in {:?}", src.norm()));
        let span = src.span_to_orig(Span::new(at, at + needle.len()));
        assert_eq!(span.as_str(original), expect_orig, "norm {:?}", src.norm());
    }

    #[test]
    fn identity_borrows() {
        let src = Source::new("Plain “quoted” text — fine.\n");
        assert!(src.is_identity());
        assert_eq!(src.to_orig_start(5), 5);
    }

    #[test]
    fn crlf_and_cr() {
        let t = "Title\r\n\r\nBody one.\rBody two.";
        let src = Source::new(t);
        assert_eq!(src.norm(), "Title\n\nBody one.\nBody two.");
        roundtrip(t, "Body two.", "Body two.");
        roundtrip(t, "Body one.", "Body one.");
    }

    #[test]
    fn spaces_invisibles_and_bom() {
        let t = "\u{FEFF}Mr.\u{00A0}Wen\u{200B} said";
        let src = Source::new(t);
        assert_eq!(src.norm(), "Mr. Wen said");
        roundtrip(t, "Mr. Wen", "Mr.\u{00A0}Wen");
        roundtrip(t, "Wen", "Wen");
        roundtrip(t, "said", "said");
        roundtrip(t, "Mr.", "Mr.");
    }

    #[test]
    fn entities() {
        let t = "AT&amp;T said &ldquo;yes&rdquo; &#8212; &#x2019;tis &bogus; & more";
        let src = Source::new(t);
        assert_eq!(src.norm(), "AT&T said “yes” — ’tis &bogus; & more");
        roundtrip(t, "AT&T", "AT&amp;T");
        roundtrip(t, "“yes”", "&ldquo;yes&rdquo;");
        roundtrip(t, "yes", "yes");
        roundtrip(t, "more", "more");
    }

    #[test]
    fn runs_of_other_non_ascii_are_kept() {
        let t = "Zoë “Ünal” — café\u{00A0}crème ’s";
        let src = Source::new(t);
        assert_eq!(src.norm(), "Zoë “Ünal” — café crème ’s");
        roundtrip(t, "crème ’s", "crème ’s");
        roundtrip(t, "Zoë “Ünal”", "Zoë “Ünal”");
    }

    #[test]
    fn control_characters_become_spaces() {
        let src = Source::new("a\u{0}b\u{7}c");
        assert_eq!(src.norm(), "a b c");
    }
}
