//! The JSON Lines reader on any bytes, and the parser on every record it yields.
#![no_main]

use byline_batch::readers::Format;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| byline_fuzz::read_records(data, Format::Jsonl));
