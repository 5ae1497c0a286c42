//! The page's character encoding, and the page decoded from it.
//!
//! In the order a browser uses: a byte order mark; then a declaration in the first bytes
//! (`<meta charset>` or `<meta http-equiv=Content-Type content="...; charset=...">`), with
//! labels mapped by the WHATWG Encoding Standard (so "latin-1" and "iso-8859-1" read as
//! windows-1252); then the charset the HTTP response declared, when the caller knows it (a WARC
//! record's `Content-Type`); then a guess from the bytes (chardetng). Two departures, both for pages that
//! were saved or re-encoded after they were served: bytes that are valid UTF-8 and not plain
//! ASCII are read as UTF-8 whatever the declaration says, and a UTF-16 declaration in a page
//! that has no UTF-16 byte order mark is ignored. Decoding never fails: malformed bytes
//! become U+FFFD.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How many bytes at the start are searched for a declaration (browsers use 1024; pages
/// with long inline scripts in `<head>` declare later, so a little more is read).
const PRESCAN: usize = 4096;

/// The decoded page, the encoding's name ("utf-8", "windows-1252"), and whether malformed
/// bytes were replaced. `http` is the charset label the HTTP response declared, if any.
pub(crate) fn decode<'a>(bytes: &'a [u8], http: Option<&str>) -> (Cow<'a, str>, &'static str, bool) {
    let encoding = detect(bytes, http.and_then(|label| Encoding::for_label(label.trim().as_bytes())));
    let (text, malformed) = encoding.decode_with_bom_removal(bytes);
    (text, encoding_name(encoding), malformed)
}

/// The encoding to decode `bytes` with; `http` is the one the HTTP response declared.
pub(crate) fn detect(bytes: &[u8], http: Option<&'static Encoding>) -> &'static Encoding {
    if let Some((enc, _)) = Encoding::for_bom(bytes) {
        return enc;
    }
    let utf8 = std::str::from_utf8(bytes).is_ok();
    if utf8 && !bytes.is_ascii() {
        return UTF_8;
    }
    if let Some(enc) = declared(&bytes[..bytes.len().min(PRESCAN)]) {
        // A page can only declare an ASCII-compatible encoding (HTML standard).
        if enc != encoding_rs::UTF_16LE && enc != encoding_rs::UTF_16BE {
            return enc.output_encoding();
        }
    }
    if let Some(enc) = http.filter(|e| *e != encoding_rs::UTF_16LE && *e != encoding_rs::UTF_16BE) {
        return enc.output_encoding();
    }
    if utf8 {
        return UTF_8;
    }
    let mut detector = chardetng::EncodingDetector::new();
    detector.feed(bytes, true);
    detector.guess(None, true)
}

/// The lowercase name byline reports for an encoding.
fn encoding_name(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "UTF-8" => "utf-8",
        "windows-1252" => "windows-1252",
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        "ISO-8859-2" => "iso-8859-2",
        "windows-1251" => "windows-1251",
        "Shift_JIS" => "shift_jis",
        "EUC-JP" => "euc-jp",
        "GBK" => "gbk",
        "gb18030" => "gb18030",
        "Big5" => "big5",
        "EUC-KR" => "euc-kr",
        "KOI8-R" => "koi8-r",
        other => other,
    }
}

/// The encoding a `<meta>` element in `head` declares.
fn declared(head: &[u8]) -> Option<&'static Encoding> {
    let mut pos = 0;
    while let Some(i) = memchr::memmem::find(&head[pos..], b"<meta") {
        let start = pos + i + 5;
        let end = memchr::memchr(b'>', &head[start..]).map_or(head.len(), |j| start + j);
        if let Some(enc) = meta_charset(&head[start..end]) {
            return Some(enc);
        }
        pos = end;
    }
    // `<META` in capitals, as old pages write it.
    let upper = memchr::memmem::find(head, b"<META")?;
    let end = memchr::memchr(b'>', &head[upper..]).map_or(head.len(), |j| upper + j);
    meta_charset(&head[upper + 5..end])
}

/// The charset named in one `<meta ...>` tag's attributes: `charset=x`, or
/// `content="text/html; charset=x"`.
fn meta_charset(attrs: &[u8]) -> Option<&'static Encoding> {
    let lower = attrs.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset")?;
    let rest = &attrs[at + 7..];
    let rest = rest.strip_prefix(b" ").unwrap_or(rest);
    let rest = rest.strip_prefix(b"=")?;
    let rest = rest.trim_ascii_start();
    let rest = rest.strip_prefix(b"\"").or_else(|| rest.strip_prefix(b"'")).unwrap_or(rest);
    let len = rest
        .iter()
        .take_while(|&&c| !matches!(c, b'"' | b'\'' | b';' | b'/' | b'>') && !c.is_ascii_whitespace())
        .count();
    Encoding::for_label(&rest[..len])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declarations_boms_and_guesses() {
        let page = b"<html><head><meta charset=\"ISO-8859-1\"></head><p>caf\xe9 \x93quoted\x94</p>";
        let (text, name, bad) = decode(page, None);
        assert_eq!((name, bad), ("windows-1252", false));
        assert!(text.contains("café “quoted”"));
        let page = b"<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><p>\x96</p>";
        assert_eq!(
            decode(page, None).0,
            "<meta http-equiv='Content-Type' content='text/html; charset=windows-1252'><p>–</p>"
        );
        let (text, name, _) = decode(b"\xEF\xBB\xBF<p>hi</p>", None);
        assert_eq!((text.as_ref(), name), ("<p>hi</p>", "utf-8"));
        let (text, name, _) = decode(b"\xFF\xFE<\0p\0>\0", None);
        assert_eq!((text.as_ref(), name), ("<p>", "utf-16le"));
        // Re-encoded to UTF-8 but still labelled latin-1.
        assert_eq!(decode("<meta charset=latin1><p>café</p>".as_bytes(), None).1, "utf-8");
        // No declaration: a guess.
        let (text, _, _) = decode(b"<p>Der B\xe4cker bringt gro\xdfe Br\xf6tchen f\xfcr alle</p>", None);
        assert!(text.contains("Bäcker"), "{text}");
        // Junk never panics.
        let (text, _, _) = decode(b"<meta charset=\"\"><meta charset=utf-16>\xff\xfe\x00", None);
        assert!(!text.is_empty());
    }

    #[test]
    fn the_http_charset_counts_when_the_page_declares_none() {
        let page = b"<p>caf\xe9 cr\xe8me</p>";
        let (text, name, _) = decode(page, Some("ISO-8859-1"));
        assert_eq!((text.as_ref(), name), ("<p>café crème</p>", "windows-1252"));
        // The page's own declaration, a byte order mark and valid UTF-8 win over it.
        let (_, name, _) = decode(b"<meta charset=koi8-r><p>\xe9</p>", Some("iso-8859-1"));
        assert_eq!(name, "koi8-r");
        assert_eq!(decode("<p>café</p>".as_bytes(), Some("latin1")).1, "utf-8");
        // An unknown label is no declaration.
        assert_eq!(decode(b"<p>plain</p>", Some("no-such-charset")).1, "utf-8");
        assert!(!text.is_empty());
    }
}
