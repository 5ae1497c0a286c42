//! Web archives (WARC 1.0/1.1, as Common Crawl and CC-NEWS write them): the HTML pages of their
//! response records, one record at a time.
//!
//! A record is a block of `WARC/1.x` header lines, a blank line, `Content-Length` bytes of
//! content and a blank line. Of a `response` record the content is an HTTP response: its status
//! line and headers are read and stripped, a chunked transfer encoding and a gzip or deflate
//! content encoding undone, and the body kept when the response succeeded (2xx) and is HTML
//! (`Content-Type` text/html or application/xhtml+xml, or no telling type and markup that looks
//! like a page). A `resource` record holding text/html is a page without HTTP headers. Other
//! records (`warcinfo`, `request`, `metadata`, `revisit`, images, scripts, redirects) are skipped.
//! The page's id and URL are its `WARC-Target-URI`; the HTTP charset goes with it, for a page
//! that declares none.
//!
//! Streaming: skipped content is read past without being held, and a page over `max_bytes`
//! becomes an error record without being held either. A record cut short (a truncated file or
//! gzip member) is an error record and ends the stream; a stretch of bytes that is not a record
//! is one error record, and reading resumes at the next `WARC/` header line.

use std::borrow::Cow;
use std::io::{self, BufRead, Read};
use std::sync::Arc;

use flate2::bufread::{DeflateDecoder, MultiGzDecoder, ZlibDecoder};

use super::lines::read_line_limited;
use super::{BoxRead, ReadOptions};
use crate::record::{ErrorKind, ErrorRecord, HtmlPage, Input, Record};

/// Longest header line (WARC or HTTP) read; a longer one is not a header.
const MAX_LINE: usize = 64 * 1024;
/// Most header lines in one WARC or HTTP header block.
const MAX_HEADERS: usize = 1000;

/// The header fields of a WARC record that decide what it is.
#[derive(Debug, Default)]
struct WarcHeader {
    kind: String,
    target: Option<String>,
    content_type: String,
    length: Option<u64>,
}

/// The header fields of an HTTP response that decide how its body is read.
#[derive(Debug, Default)]
struct HttpHeader {
    status: u16,
    content_type: String,
    transfer_encoding: String,
    content_encoding: String,
}

/// The records of one WARC stream (already decompressed when the file is gzip, member by member).
pub(crate) struct WarcRecords {
    reader: BoxRead,
    source: String,
    options: Arc<ReadOptions>,
    /// Records started so far (1-based number of the current one).
    number: usize,
    /// A header found after a stretch of bytes that was reported as not a record.
    pending: Option<WarcHeader>,
    line: Vec<u8>,
    done: bool,
}

/// Why reading a header block stopped.
enum HeaderError {
    /// The stream failed (a truncated gzip member).
    Io(io::Error),
    /// The bytes are not a header; they were skipped up to the next `WARC/` line.
    NotAHeader(String),
}

impl From<io::Error> for HeaderError {
    fn from(e: io::Error) -> HeaderError {
        HeaderError::Io(e)
    }
}

impl WarcRecords {
    pub(crate) fn new(reader: BoxRead, source: String, options: Arc<ReadOptions>) -> WarcRecords {
        WarcRecords { reader, source, options, number: 0, pending: None, line: Vec::new(), done: false }
    }

    /// The next line (without `\r\n`), or `None` at the end of the stream. A line over
    /// [`MAX_LINE`] is cut.
    fn next_line(&mut self) -> io::Result<Option<&[u8]>> {
        let Some(_) = read_line_limited(&mut self.reader, &mut self.line, MAX_LINE)? else { return Ok(None) };
        Ok(Some(self.line.strip_suffix(b"\r").unwrap_or(&self.line)))
    }

    /// Reads the next record's WARC header, skipping the blank lines between records. `None` at a
    /// clean end of the stream.
    fn header(&mut self) -> Result<Option<WarcHeader>, HeaderError> {
        if let Some(h) = self.pending.take() {
            return Ok(Some(h));
        }
        let first = loop {
            match self.next_line()? {
                None => return Ok(None),
                Some([]) => continue,
                Some(l) => break l.to_vec(),
            }
        };
        if !first.starts_with(b"WARC/") {
            let skipped = self.skip_to_next_header()?;
            let shown = String::from_utf8_lossy(&first[..first.len().min(40)]).into_owned();
            return Err(HeaderError::NotAHeader(format!(
                "not a WARC record (it starts {shown:?}); {} lines skipped to the next record",
                skipped + 1
            )));
        }
        self.fields()
    }

    /// After a bad line: skips lines up to the next `WARC/` version line and reads the header
    /// that follows it into `pending`. Returns how many lines were skipped.
    fn skip_to_next_header(&mut self) -> Result<usize, HeaderError> {
        let mut skipped = 0;
        loop {
            match self.next_line()? {
                None => return Ok(skipped),
                Some(l) if l.starts_with(b"WARC/") => break,
                Some(_) => skipped += 1,
            }
        }
        // A second bad header is reported in its turn.
        if let Ok(Some(h)) = self.fields() {
            self.pending = Some(h);
        }
        Ok(skipped)
    }

    /// The `Name: value` lines after a version line, up to the blank line.
    fn fields(&mut self) -> Result<Option<WarcHeader>, HeaderError> {
        let mut h = WarcHeader::default();
        for _ in 0..MAX_HEADERS {
            let Some(line) = self.next_line()? else {
                return Err(HeaderError::Io(io::Error::new(io::ErrorKind::UnexpectedEof, "the header is cut short")));
            };
            if line.is_empty() {
                return Ok(Some(h));
            }
            let Some((name, value)) = split_field(line) else { continue };
            match name.to_ascii_lowercase().as_str() {
                "warc-type" => h.kind = value.to_ascii_lowercase(),
                "warc-target-uri" => h.target = Some(value.trim_start_matches('<').trim_end_matches('>').to_string()),
                "content-type" => h.content_type = value.to_ascii_lowercase(),
                "content-length" => h.length = value.parse().ok(),
                _ => {}
            }
        }
        Err(HeaderError::NotAHeader(format!("a WARC header of more than {MAX_HEADERS} lines")))
    }

    fn id(&self, header: &WarcHeader) -> String {
        header.target.clone().unwrap_or_else(|| format!("{}#{}", self.source, self.number))
    }

    /// Reads one record's content block: a page, an error, or nothing (a record that is skipped).
    fn content(&mut self, header: &WarcHeader, length: u64) -> Option<Input> {
        let id = self.id(header);
        let fail = |kind, msg: String| Some(Err(ErrorRecord::new(Some(id.clone()), kind, msg)));
        let max = self.options.max_bytes;
        let mut block = (&mut self.reader).take(length);
        let page = match header.kind.as_str() {
            "response" if header.content_type.is_empty() || header.content_type.starts_with("application/http") => {
                read_response(&mut block, max)
            }
            "resource" if is_html_type(media_type(&header.content_type)) => {
                read_body(&mut block, max).map(|body| Some(body.map(|b| (b, charset(&header.content_type)))))
            }
            _ => Ok(None),
        };
        // Whatever is left of the block (a skipped record, a page's trailing bytes) is read past.
        let page = page.and_then(|page| io::copy(&mut block, &mut io::sink()).map(|_| page));
        let short = block.limit();
        let page = match page {
            Err(e) => {
                self.done = true;
                return fail(
                    ErrorKind::Read,
                    format!("{}: read error in WARC record {}: {e}", self.source, self.number),
                );
            }
            Ok(_) if short > 0 => {
                self.done = true;
                let got = length - short;
                let msg =
                    format!("{}: WARC record {} is truncated ({got} of {length} bytes)", self.source, self.number);
                return fail(ErrorKind::Read, msg);
            }
            Ok(page) => page,
        };
        match page? {
            Err(Failure::TooLarge(len)) => {
                fail(ErrorKind::TooLarge, format!("input is over the limit of {max} bytes ({len} bytes or more)"))
            }
            Err(Failure::Encoding(msg)) => fail(ErrorKind::Format, msg),
            Ok((body, charset)) => {
                let html = HtmlPage { url: header.target.clone(), charset, ..HtmlPage::default() };
                Some(Ok(Record { id: Some(id), bytes: body, html: Some(html), ..Record::default() }))
            }
        }
    }
}

impl Iterator for WarcRecords {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        while !self.done {
            let header = match self.header() {
                Ok(Some(h)) => h,
                Ok(None) => break,
                Err(HeaderError::Io(e)) => {
                    self.done = true;
                    let id = format!("{}#{}", self.source, self.number + 1);
                    let msg = format!("{}: read error after record {}: {e}", self.source, self.number);
                    return Some(Err(ErrorRecord::new(Some(id), ErrorKind::Read, msg)));
                }
                Err(HeaderError::NotAHeader(msg)) => {
                    let id = format!("{}#{}", self.source, self.number + 1);
                    return Some(Err(ErrorRecord::new(Some(id), ErrorKind::Format, format!("{}: {msg}", self.source))));
                }
            };
            self.number += 1;
            let Some(length) = header.length else {
                // Without a length the record's end is unknown: skip to the next header line.
                let id = self.id(&header);
                let skipped = match self.skip_to_next_header() {
                    Ok(n) => n,
                    Err(_) => {
                        self.done = true;
                        0
                    }
                };
                let msg = format!(
                    "{}: WARC record {} has no valid Content-Length; {skipped} lines skipped to the next record",
                    self.source, self.number
                );
                return Some(Err(ErrorRecord::new(Some(id), ErrorKind::Format, msg)));
            };
            if let Some(item) = self.content(&header, length) {
                return Some(item);
            }
        }
        self.done = true;
        None
    }
}

/// Why a page that was read is not a record.
enum Failure {
    /// Over the size limit (at least this many bytes).
    TooLarge(usize),
    /// Its transfer or content encoding cannot be undone.
    Encoding(String),
}

/// A page's body and the charset its HTTP header declared; `None` for a record that is skipped.
type Page = Option<Result<(Vec<u8>, Option<String>), Failure>>;

/// The HTML page in an HTTP response, or `None` when the response is no page (not 2xx, not HTML).
fn read_response<R: BufRead>(block: &mut R, max: usize) -> io::Result<Page> {
    let Some(http) = http_header(block)? else { return Ok(None) };
    let media = media_type(&http.content_type);
    let sniff = matches!(media, "" | "application/octet-stream" | "text/plain" | "unknown/unknown");
    if !(200..300).contains(&http.status) || !(sniff || is_html_type(media)) {
        return Ok(None);
    }
    let body = read_body(block, max)?.and_then(|raw| decode_body(raw, &http, max));
    Ok(match body {
        Ok(body) if sniff && !byline_core::looks_like_html(&body) => None,
        Ok(body) => Some(Ok((body, charset(&http.content_type)))),
        Err(failure) => Some(Err(failure)),
    })
}

/// The status line and headers of an HTTP response; `None` when the block is not one (a DNS
/// record, say).
fn http_header<R: BufRead>(block: &mut R) -> io::Result<Option<HttpHeader>> {
    let mut line = Vec::new();
    let mut next = |line: &mut Vec<u8>| -> io::Result<Option<String>> {
        Ok(read_line_limited(block, line, MAX_LINE)?.map(|_| {
            let l = line.strip_suffix(b"\r").unwrap_or(line);
            String::from_utf8_lossy(l).into_owned()
        }))
    };
    let Some(status) = next(&mut line)? else { return Ok(None) };
    let mut parts = status.split_ascii_whitespace();
    let (Some(version), Some(code)) = (parts.next(), parts.next()) else { return Ok(None) };
    let Ok(status) = code.parse::<u16>() else { return Ok(None) };
    if !version.starts_with("HTTP/") {
        return Ok(None);
    }
    let mut h = HttpHeader { status, ..HttpHeader::default() };
    for _ in 0..MAX_HEADERS {
        let Some(line) = next(&mut line)? else { break };
        if line.is_empty() {
            break;
        }
        let Some((name, value)) = split_field(line.as_bytes()) else { continue };
        let value = value.to_ascii_lowercase();
        match name.to_ascii_lowercase().as_str() {
            "content-type" => h.content_type = value,
            "transfer-encoding" => h.transfer_encoding = value,
            "content-encoding" => h.content_encoding = value,
            _ => {}
        }
    }
    Ok(Some(h))
}

/// Reads what is left of `block`, refusing more than `max` bytes (the rest is left for the
/// caller to read past).
fn read_body<R: Read>(block: &mut R, max: usize) -> io::Result<Result<Vec<u8>, Failure>> {
    let mut body = Vec::new();
    let n = block.take(max as u64 + 1).read_to_end(&mut body)?;
    Ok(if n > max { Err(Failure::TooLarge(n)) } else { Ok(body) })
}

/// The body as the server meant it: chunks joined, compression undone, at most `max` bytes.
fn decode_body(raw: Vec<u8>, http: &HttpHeader, max: usize) -> Result<Vec<u8>, Failure> {
    let body = if http.transfer_encoding.contains("chunked") {
        // Archivers that store the body already joined keep the header: then it is read as is.
        dechunk(&raw).map_or(Cow::Borrowed(raw.as_slice()), Cow::Owned)
    } else {
        Cow::Borrowed(raw.as_slice())
    };
    let encoding = http.content_encoding.trim();
    let decoded = match encoding {
        "" | "identity" => return Ok(body.into_owned()),
        // Stored already decompressed (as Common Crawl does) when the magic bytes are missing.
        "gzip" | "x-gzip" if !body.starts_with(&[0x1f, 0x8b]) => return Ok(body.into_owned()),
        "gzip" | "x-gzip" => inflate(MultiGzDecoder::new(&body[..]), max),
        "deflate" => {
            // "deflate" is zlib-wrapped by the standard and raw by many servers.
            inflate(ZlibDecoder::new(&body[..]), max).or_else(|_| inflate(DeflateDecoder::new(&body[..]), max))
        }
        other => return Err(Failure::Encoding(format!("Content-Encoding {other:?} is not supported"))),
    };
    decoded.map_err(|e| match e {
        Failure::Encoding(msg) => Failure::Encoding(format!("Content-Encoding {encoding}: {msg}")),
        too_large => too_large,
    })
}

/// Decompresses at most `max` bytes.
fn inflate<R: Read>(decoder: R, max: usize) -> Result<Vec<u8>, Failure> {
    let mut out = Vec::new();
    match decoder.take(max as u64 + 1).read_to_end(&mut out) {
        Ok(n) if n > max => Err(Failure::TooLarge(n)),
        Ok(_) => Ok(out),
        Err(e) => Err(Failure::Encoding(e.to_string())),
    }
}

/// Joins the chunks of a chunked transfer encoding; `None` when the bytes are not chunked.
fn dechunk(mut raw: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(raw.len());
    loop {
        let eol = memchr::memchr(b'\n', raw)?;
        let size_line = std::str::from_utf8(&raw[..eol]).ok()?.trim();
        let size = usize::from_str_radix(size_line.split(';').next()?.trim(), 16).ok()?;
        raw = &raw[eol + 1..];
        if size == 0 {
            return Some(out); // trailers, if any, are not the body
        }
        out.extend_from_slice(raw.get(..size)?);
        raw = &raw[size..];
        raw = raw.strip_prefix(b"\r\n").or_else(|| raw.strip_prefix(b"\n")).unwrap_or(raw);
        if raw.is_empty() {
            return Some(out); // the last chunk marker is missing: keep what arrived
        }
    }
}

/// `Name: value` (value trimmed), or `None` for a line without a colon.
fn split_field(line: &[u8]) -> Option<(String, String)> {
    let colon = memchr::memchr(b':', line)?;
    let name = String::from_utf8_lossy(&line[..colon]).trim().to_string();
    let value = String::from_utf8_lossy(&line[colon + 1..]).trim().to_string();
    Some((name, value))
}

/// The media type of a `Content-Type` value, without parameters ("text/html").
fn media_type(content_type: &str) -> &str {
    content_type.split(';').next().unwrap_or("").trim()
}

fn is_html_type(media: &str) -> bool {
    matches!(media, "text/html" | "application/xhtml+xml")
}

/// The `charset` parameter of a `Content-Type` value.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("charset")).then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A WARC record: header fields, then the block.
    pub(crate) fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut out = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-03-06T10:00:00Z\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len()
        )
        .into_bytes();
        out.extend_from_slice(block);
        out.extend_from_slice(b"\r\n\r\n");
        out
    }

    /// An HTTP response: status, header lines, body.
    pub(crate) fn http(status: &str, headers: &[&str], body: &[u8]) -> Vec<u8> {
        let mut out = format!("HTTP/1.1 {status}\r\n").into_bytes();
        for h in headers {
            out.extend_from_slice(format!("{h}\r\n").as_bytes());
        }
        out.extend_from_slice(b"\r\n");
        out.extend_from_slice(body);
        out
    }

    /// A response record holding an HTML page.
    pub(crate) fn page(uri: &str, html: &str) -> Vec<u8> {
        let block = http("200 OK", &["Content-Type: text/html; charset=utf-8"], html.as_bytes());
        record("response", uri, "application/http; msgtype=response", &block)
    }

    pub(crate) fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    fn read_with(warc: Vec<u8>, options: ReadOptions) -> Vec<Input> {
        let reader: BoxRead = Box::new(io::Cursor::new(warc));
        WarcRecords::new(reader, "in.warc".into(), Arc::new(options)).collect()
    }

    fn read(warc: Vec<u8>) -> Vec<Input> {
        read_with(warc, ReadOptions::default())
    }

    fn ids(out: &[Input]) -> Vec<String> {
        out.iter().map(|r| r.as_ref().map_or_else(|e| e.id.clone(), |r| r.id.clone()).unwrap()).collect()
    }

    #[test]
    fn html_responses_only() {
        let mut warc = record("warcinfo", "", "application/warc-fields", b"software: test\r\n");
        warc.extend(record(
            "request",
            "https://example.org/a",
            "application/http; msgtype=request",
            b"GET /a HTTP/1.1\r\n\r\n",
        ));
        warc.extend(page("https://example.org/a", "<html><body><p>Page A</p></body></html>"));
        warc.extend(record("metadata", "https://example.org/a", "application/warc-fields", b"fetchTimeMs: 12\r\n"));
        let out = read(warc);
        assert_eq!(ids(&out), ["https://example.org/a"]);
        let r = out[0].as_ref().unwrap();
        assert_eq!(r.bytes, b"<html><body><p>Page A</p></body></html>");
        let html = r.html.as_ref().unwrap();
        assert_eq!((html.url.as_deref(), html.charset.as_deref()), (Some("https://example.org/a"), Some("utf-8")));
    }

    #[test]
    fn responses_that_are_no_page_are_skipped() {
        let image = http("200 OK", &["Content-Type: image/jpeg"], b"\xff\xd8\xff\xe0 jpeg");
        let missing = http("404 Not Found", &["Content-Type: text/html"], b"<html><p>Not found</p></html>");
        let moved = http("301 Moved Permanently", &["Location: /b"], b"<html><p>Moved</p></html>");
        let untyped = http("200 OK", &[], b"<!doctype html><html><p>Sniffed</p></html>");
        let text = http("200 OK", &["Content-Type: text/plain"], b"just words");
        let mut warc = Vec::new();
        for (uri, block) in
            [("u:img", image), ("u:404", missing), ("u:301", moved), ("u:sniff", untyped), ("u:txt", text)]
        {
            warc.extend(record("response", uri, "application/http; msgtype=response", &block));
        }
        warc.extend(record("response", "dns:example.org", "text/dns", b"example.org. 300 IN A 192.0.2.1"));
        warc.extend(record("resource", "file:///saved.html", "text/html", b"<html><p>Resource</p></html>"));
        warc.extend(record("revisit", "https://example.org/a", "application/http; msgtype=response", b""));
        let out = read(warc);
        assert_eq!(ids(&out), ["u:sniff", "file:///saved.html"]);
        assert_eq!(out[1].as_ref().unwrap().bytes, b"<html><p>Resource</p></html>");
    }

    #[test]
    fn chunked_and_compressed_bodies() {
        let html = "<html><body><p>Caf\u{e9} is open.</p></body></html>";
        let chunked = |body: &[u8]| {
            let (a, b) = body.split_at(body.len() / 2);
            let mut out = format!("{:x}\r\n", a.len()).into_bytes();
            out.extend_from_slice(a);
            out.extend_from_slice(format!("\r\n{:X};ext=1\r\n", b.len()).as_bytes());
            out.extend_from_slice(b);
            out.extend_from_slice(b"\r\n0\r\nX-Trailer: y\r\n\r\n");
            out
        };
        let gz = gzip(html.as_bytes());
        let mut deflate = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        deflate.write_all(html.as_bytes()).unwrap();
        let blocks = [
            http("200 OK", &["Content-Type: text/html", "Transfer-Encoding: chunked"], &chunked(html.as_bytes())),
            http("200 OK", &["Content-Type: text/html", "Content-Encoding: gzip"], &gz),
            http(
                "200 OK",
                &["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                &chunked(&gz),
            ),
            http("200 OK", &["Content-Type: text/html", "Content-Encoding: deflate"], &deflate.finish().unwrap()),
            // Stored decoded with the headers kept, as some archivers do.
            http(
                "200 OK",
                &["Content-Type: text/html", "Transfer-Encoding: chunked", "Content-Encoding: gzip"],
                html.as_bytes(),
            ),
            http("200 OK", &["Content-Type: text/html", "Content-Encoding: br"], b"\x1b\x00"),
            http("200 OK", &["Content-Type: text/html", "Content-Encoding: gzip"], &gz[..gz.len() / 2]),
        ];
        let mut warc = Vec::new();
        for (i, block) in blocks.iter().enumerate() {
            warc.extend(record("response", &format!("u:{i}"), "application/http; msgtype=response", block));
        }
        let out = read(warc);
        for r in &out[..5] {
            assert_eq!(String::from_utf8_lossy(&r.as_ref().unwrap().bytes), html);
        }
        let br = out[5].as_ref().unwrap_err();
        assert_eq!((br.kind, br.error.as_str()), (ErrorKind::Format, "Content-Encoding \"br\" is not supported"));
        let cut = out[6].as_ref().unwrap_err();
        assert!(cut.kind == ErrorKind::Format && cut.error.starts_with("Content-Encoding gzip: "), "{cut:?}");
        assert_eq!(out.len(), 7);
    }

    #[test]
    fn a_truncated_record_is_one_error_after_the_rest() {
        let mut warc = page("u:1", "<html><p>One</p></html>");
        warc.extend(page("u:2", "<html><p>Two</p></html>"));
        let third = page("u:3", "<html><p>Three, cut short</p></html>");
        // Cut in the page, then in the header.
        let mut cut = warc.clone();
        cut.extend(&third[..third.len() - 20]);
        let out = read(cut);
        assert_eq!(ids(&out), ["u:1", "u:2", "u:3"]);
        let e = out[2].as_ref().unwrap_err();
        assert_eq!(e.kind, ErrorKind::Read);
        assert!(e.error.starts_with("in.warc: WARC record 3 is truncated ("), "{}", e.error);
        warc.extend(&third[..40]);
        let out = read(warc);
        assert_eq!(ids(&out), ["u:1", "u:2", "in.warc#3"]);
        assert_eq!(out[2].as_ref().unwrap_err().kind, ErrorKind::Read);
    }

    #[test]
    fn a_page_over_the_limit_is_an_error_and_reading_goes_on() {
        let mut warc = page("u:big", &format!("<html><p>{}</p></html>", "x".repeat(500)));
        warc.extend(page("u:small", "<html><p>small</p></html>"));
        let out = read_with(warc, ReadOptions { max_bytes: 100, ..ReadOptions::default() });
        assert_eq!(ids(&out), ["u:big", "u:small"]);
        assert_eq!(out[0].as_ref().unwrap_err().kind, ErrorKind::TooLarge);
        assert!(out[1].is_ok());
    }

    #[test]
    fn bytes_that_are_no_record_are_one_error() {
        let mut warc = page("u:1", "<html><p>One</p></html>");
        warc.extend(b"garbage line\r\nmore garbage\r\n");
        warc.extend(page("u:2", "<html><p>Two</p></html>"));
        let mut no_length = page("u:3", "<html><p>Three</p></html>");
        let at = memchr::memmem::find(&no_length, b"Content-Length").unwrap();
        no_length[at..at + 7].copy_from_slice(b"Xontent");
        warc.extend(no_length);
        warc.extend(page("u:4", "<html><p>Four</p></html>"));
        let out = read(warc);
        assert_eq!(ids(&out), ["u:1", "in.warc#2", "u:2", "u:3", "u:4"]);
        let e = out[1].as_ref().unwrap_err();
        assert!(e.kind == ErrorKind::Format && e.error.contains("not a WARC record"), "{e:?}");
        let e = out[3].as_ref().unwrap_err();
        assert!(e.kind == ErrorKind::Format && e.error.contains("no valid Content-Length"), "{e:?}");
    }

    #[test]
    fn charsets_and_helpers() {
        assert_eq!(charset("text/html; Charset=\"ISO-8859-1\""), Some("ISO-8859-1".into()));
        assert_eq!(charset("text/html"), None);
        assert_eq!(media_type(" text/html ; charset=x"), "text/html");
        assert_eq!(dechunk(b"not chunked"), None);
        assert_eq!(dechunk(b"3\r\nabc\r\n0\r\n\r\n").as_deref(), Some(&b"abc"[..]));
    }
}
