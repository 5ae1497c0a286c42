//! Character references (`&amp;`, `&#8217;`, `&#x2019;`) decoded as a browser does.

use super::entity_table::ENTITIES;

/// Longest entity name in the table ("CounterClockwiseContourIntegral").
const MAX_NAME: usize = 32;

/// Appends `raw` to `out` with its character references decoded. Linear in `raw`.
pub(crate) fn decode_into(raw: &str, out: &mut String) {
    let bytes = raw.as_bytes();
    let mut copied = 0;
    let mut from = 0;
    while let Some(rel) = memchr::memchr(b'&', &bytes[from..]) {
        let amp = from + rel;
        from = amp + 1;
        if let Some((len, decoded)) = reference(&raw[amp + 1..]) {
            out.push_str(&raw[copied..amp]);
            match decoded {
                Decoded::Char(c) => out.push(c),
                Decoded::Str(s) => out.push_str(s),
            }
            copied = amp + 1 + len;
            from = copied;
        }
    }
    out.push_str(&raw[copied..]);
}

enum Decoded {
    Char(char),
    Str(&'static str),
}

/// The reference at the start of `s` (just after its `&`): its length and what it stands for.
fn reference(s: &str) -> Option<(usize, Decoded)> {
    let b = s.as_bytes();
    if b.first() == Some(&b'#') {
        return numeric(s);
    }
    let name_len = b.iter().take(MAX_NAME).take_while(|c| c.is_ascii_alphanumeric()).count();
    if name_len == 0 {
        return None;
    }
    let name = &s[..name_len];
    if b.get(name_len) == Some(&b';') {
        if let Ok(i) = ENTITIES.binary_search_by(|(n, _, _)| (*n).cmp(name)) {
            return Some((name_len + 1, Decoded::Str(ENTITIES[i].1)));
        }
    }
    // Legacy references without ";" ("&amp", "&nbsp"): the longest known prefix, unless a
    // letter, digit or "=" follows (then it is part of a URL's query, as browsers read it).
    for len in (2..=name_len.min(6)).rev() {
        let prefix = &s[..len];
        if let Ok(i) = ENTITIES.binary_search_by(|(n, _, _)| (*n).cmp(prefix)) {
            let (_, value, legacy) = ENTITIES[i];
            let next = b.get(len).copied();
            if legacy && !next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'=') {
                return Some((len, Decoded::Str(value)));
            }
        }
    }
    None
}

/// `#8217;` or `#x2019;`: invalid code points become U+FFFD, and C1 controls are read as
/// windows-1252, as the HTML standard says.
fn numeric(s: &str) -> Option<(usize, Decoded)> {
    let b = s.as_bytes();
    let (hex, start) = if matches!(b.get(1), Some(b'x' | b'X')) { (true, 2) } else { (false, 1) };
    let digits = b[start..].iter().take_while(|c| if hex { c.is_ascii_hexdigit() } else { c.is_ascii_digit() }).count();
    if digits == 0 {
        return None;
    }
    let mut value: u32 = 0;
    for &c in &b[start..start + digits] {
        let d = (c as char).to_digit(16).unwrap_or(0);
        value = value.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
    }
    let mut len = start + digits;
    if b.get(len) == Some(&b';') {
        len += 1;
    }
    let c = match value {
        0x80..=0x9F => windows_1252_c1(value),
        0 => '\u{FFFD}',
        v => char::from_u32(v).unwrap_or('\u{FFFD}'),
    };
    Some((len, Decoded::Char(c)))
}

/// The character windows-1252 puts at a C1 control's place (`&#150;` is an en dash).
fn windows_1252_c1(v: u32) -> char {
    const TABLE: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}', '\u{90}', '‘',
        '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
    ];
    TABLE[(v - 0x80) as usize]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(s: &str) -> String {
        let mut out = String::new();
        decode_into(s, &mut out);
        out
    }

    #[test]
    fn named_numeric_and_legacy() {
        assert_eq!(decode("Fish &amp; Chips"), "Fish & Chips");
        assert_eq!(decode("it&#8217;s &#x201C;new&#x201d;"), "it’s “new”");
        assert_eq!(decode("caf&eacute; &nbsp;x"), "café \u{a0}x");
        assert_eq!(decode("&amp &copy 2024"), "& © 2024");
        assert_eq!(decode("a&#150;b"), "a–b");
        assert_eq!(decode("?a=1&copy=2&notit;"), "?a=1&copy=2&notit;");
        assert_eq!(decode("&unknown; & &#; &#xZZ;"), "&unknown; & &#; &#xZZ;");
        assert_eq!(decode("&#99999999999;"), "\u{FFFD}");
    }
}
