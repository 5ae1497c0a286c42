//! Turning raw bytes into text: UTF-8 validation, lossy decoding, binary detection.

use std::borrow::Cow;

use crate::error::{Error, Result};

/// How many leading bytes are checked for NUL when telling binary from text (as git and ripgrep do).
const SNIFF: usize = 8 * 1024;

/// True when `bytes` look like binary data: a NUL byte near the start.
pub fn looks_binary(bytes: &[u8]) -> bool {
    memchr::memchr(0, &bytes[..bytes.len().min(SNIFF)]).is_some()
}

/// Decodes `bytes` as UTF-8 text (a leading BOM is kept; normalisation handles it).
///
/// With `lossy`, invalid sequences become U+FFFD and the second value is true;
/// otherwise they are an [`Error::InvalidUtf8`]. Binary data is an [`Error::Binary`] either way.
pub fn decode(bytes: &[u8], lossy: bool) -> Result<(Cow<'_, str>, bool)> {
    if looks_binary(bytes) {
        return Err(Error::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((Cow::Borrowed(s), false)),
        Err(_) if lossy => Ok((String::from_utf8_lossy(bytes), true)),
        Err(e) => Err(Error::InvalidUtf8 { valid_up_to: e.valid_up_to() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decoding() {
        assert_eq!(decode(b"plain", false).unwrap().0, "plain");
        assert_eq!(decode(b"ab\xffcd", false).unwrap_err(), Error::InvalidUtf8 { valid_up_to: 2 });
        let (s, lossy) = decode(b"ab\xffcd", true).unwrap();
        assert_eq!((s.as_ref(), lossy), ("ab\u{FFFD}cd", true));
        assert_eq!(decode(b"\x7fELF\x02\x01\x00\x00", true).unwrap_err(), Error::Binary);
    }
}
