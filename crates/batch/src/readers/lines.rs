//! Reading lines with a length limit, so one enormous line cannot fill memory.

use std::io::{self, BufRead};

/// Reads the next line (without its `\n`) into `buf`, keeping at most `limit` bytes of it.
/// Returns the line's full length, or `None` at the end of the stream. When the length is over
/// `limit`, `buf` holds only a prefix and the rest of the line has been skipped.
pub(crate) fn read_line_limited<R: BufRead + ?Sized>(
    r: &mut R,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<Option<usize>> {
    buf.clear();
    let mut total = 0usize;
    let mut any = false;
    loop {
        let available = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if available.is_empty() {
            return Ok(any.then_some(total));
        }
        any = true;
        let (take, found) = match memchr::memchr(b'\n', available) {
            Some(i) => (i, true),
            None => (available.len(), false),
        };
        let room = limit.saturating_sub(buf.len()).min(take);
        buf.extend_from_slice(&available[..room]);
        total += take;
        r.consume(take + usize::from(found));
        if found {
            return Ok(Some(total));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_limits() {
        let mut r = io::BufReader::with_capacity(4, &b"ab\nlong line here\n\nlast"[..]);
        let mut buf = Vec::new();
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Some(2));
        assert_eq!(buf, b"ab");
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Some(14));
        assert_eq!(buf, b"long ");
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Some(0));
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), Some(4));
        assert_eq!(buf, b"last");
        assert_eq!(read_line_limited(&mut r, &mut buf, 5).unwrap(), None);
    }
}
