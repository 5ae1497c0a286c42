//! Opening files and standard input, decompressing gzip when the bytes say so.

use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::Path;

use flate2::bufread::MultiGzDecoder;

use super::count::{ByteCounter, Counting};

/// A buffered byte stream that can move to the reader thread.
pub type BoxRead = Box<dyn BufRead + Send>;

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];
const BUFFER: usize = 256 * 1024;

/// Opens `path`; the flag is true when it is gzip-compressed (and so decompressed here).
pub(crate) fn file(path: &Path, counter: &ByteCounter) -> io::Result<(BoxRead, bool)> {
    let f = File::open(path)?;
    decompressed(BufReader::with_capacity(BUFFER, Counting::new(f, counter)))
}

/// Standard input, decompressed when it is gzip.
pub(crate) fn stdin(counter: &ByteCounter) -> io::Result<BoxRead> {
    decompressed(BufReader::with_capacity(BUFFER, Counting::new(io::stdin(), counter))).map(|(r, _)| r)
}

fn decompressed<R: BufRead + Send + 'static>(mut r: R) -> io::Result<(BoxRead, bool)> {
    // fill_buf returns at least two bytes unless the stream is shorter (or a pipe delivers one
    // byte first, which gzip writers do not do).
    if r.fill_buf()?.starts_with(&GZIP_MAGIC) {
        Ok((Box::new(BufReader::with_capacity(BUFFER, MultiGzDecoder::new(r))), true))
    } else {
        Ok((Box::new(r), false))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use flate2::write::GzEncoder;
    use std::io::{Read, Write};

    #[test]
    fn gzip_is_recognised_by_its_bytes() {
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(b"hello").unwrap();
        let gz = enc.finish().unwrap();
        let (mut r, is_gz) = decompressed(io::Cursor::new(gz)).unwrap();
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert!(is_gz);
        assert_eq!(s, "hello");
        let (mut r, is_gz) = decompressed(&b"plain"[..]).unwrap();
        s.clear();
        r.read_to_string(&mut s).unwrap();
        assert_eq!((s.as_str(), is_gz), ("plain", false));
    }

    #[test]
    fn truncated_gzip_is_a_read_error() {
        let mut enc = GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(&b"some text that compresses ".repeat(100)).unwrap();
        let gz = enc.finish().unwrap();
        let (mut r, _) = decompressed(io::Cursor::new(gz[..gz.len() / 2].to_vec())).unwrap();
        let mut out = Vec::new();
        assert!(r.read_to_end(&mut out).is_err());
    }
}
