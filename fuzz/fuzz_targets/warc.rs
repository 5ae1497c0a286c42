//! The WARC reader on any bytes (records, HTTP headers, chunked and compressed bodies), and the
//! parser on every page it yields.
#![no_main]

use byline_batch::readers::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| byline_fuzz::read_records(data, Format::Warc));
