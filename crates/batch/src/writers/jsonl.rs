//! The JSON Lines output: one article (or error record) per line.

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use flate2::write::GzEncoder;

const BUFFER: usize = 256 * 1024;

/// Writes one JSON value per line to a file (gzip-compressed, at the fast level so that the
/// writer keeps up with the workers, when its name ends in `.gz`),
/// standard output, or any writer. Call [`JsonlWriter::finish`] at the end.
pub struct JsonlWriter {
    out: Output,
}

enum Output {
    Plain(BufWriter<Box<dyn Write + Send>>),
    Gzip(GzEncoder<BufWriter<File>>),
}

impl JsonlWriter {
    /// Creates (or truncates) `path`.
    pub fn create(path: &Path) -> io::Result<JsonlWriter> {
        let file = File::create(path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))?;
        let gzip = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"));
        let out = if gzip {
            Output::Gzip(GzEncoder::new(BufWriter::with_capacity(BUFFER, file), flate2::Compression::fast()))
        } else {
            Output::Plain(BufWriter::with_capacity(BUFFER, Box::new(file)))
        };
        Ok(JsonlWriter { out })
    }

    /// Writes to standard output.
    pub fn stdout() -> JsonlWriter {
        JsonlWriter::from_writer(io::stdout())
    }

    /// Writes to `w`.
    pub fn from_writer(w: impl Write + Send + 'static) -> JsonlWriter {
        JsonlWriter { out: Output::Plain(BufWriter::with_capacity(BUFFER, Box::new(w))) }
    }

    /// Writes `json` (one serialised value, without a newline) and a newline.
    pub fn write_line(&mut self, json: &[u8]) -> io::Result<()> {
        let w: &mut dyn Write = match &mut self.out {
            Output::Plain(w) => w,
            Output::Gzip(w) => w,
        };
        w.write_all(json)?;
        w.write_all(b"\n")
    }

    /// Flushes everything written so far (for gzip, what has been compressed).
    pub fn flush(&mut self) -> io::Result<()> {
        match &mut self.out {
            Output::Plain(w) => w.flush(),
            Output::Gzip(w) => w.flush(),
        }
    }

    /// Flushes and, for gzip, writes the end of the stream.
    pub fn finish(self) -> io::Result<()> {
        match self.out {
            Output::Plain(mut w) => w.flush(),
            Output::Gzip(w) => w.finish()?.flush(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn gzip_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.jsonl.gz");
        let mut w = JsonlWriter::create(&path).unwrap();
        w.write_line(b"{\"a\":1}").unwrap();
        w.write_line(b"{\"a\":2}").unwrap();
        w.finish().unwrap();
        let mut text = String::new();
        flate2::read::GzDecoder::new(File::open(&path).unwrap()).read_to_string(&mut text).unwrap();
        assert_eq!(text, "{\"a\":1}\n{\"a\":2}\n");
    }
}
