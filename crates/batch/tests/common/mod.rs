//! Helpers shared by the CLI tests.
#![allow(dead_code)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

/// Runs the `byline` binary with `args`.
pub fn byline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline")).args(args).stdin(Stdio::null()).output().expect("byline runs")
}

/// Runs the `byline` binary with `args`, feeding `stdin`.
pub fn byline_with_stdin(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("byline runs");
    let mut input = child.stdin.take().unwrap();
    let data = stdin.to_vec();
    let feeder = std::thread::spawn(move || input.write_all(&data));
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap().unwrap();
    out
}

/// Writes `n` copies of the seed article as JSON Lines, with ids `<prefix><i>`.
pub fn write_seed_copies(path: &Path, n: usize, prefix: &str, published: Option<&str>) {
    let seed = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../seeds/000_b329b9e3f58bd74f.txt"));
    let seed = seed.unwrap();
    let mut jsonl = String::new();
    for i in 0..n {
        jsonl += &serde_json::json!({"id": format!("{prefix}{i}"), "text": seed, "published": published}).to_string();
        jsonl.push('\n');
    }
    std::fs::write(path, jsonl).unwrap();
}

/// Gzip-compresses `bytes`.
pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

/// Reads a JSON Lines file; every line must be valid JSON.
pub fn read_jsonl(path: &Path) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("invalid output line {l:?}: {e}")))
        .collect()
}

/// A WARC record of `kind` for `uri`, its block an HTTP response (`status`, a Content-Type, `body`)
/// when `content_type` is given, else `body` as is.
pub fn warc_record(kind: &str, uri: &str, content_type: Option<&str>, body: &[u8]) -> Vec<u8> {
    let block = match content_type {
        Some(ct) => [format!("HTTP/1.1 200 OK\r\nContent-Type: {ct}\r\n\r\n").as_bytes(), body].concat(),
        None => body.to_vec(),
    };
    let header = format!(
        "WARC/1.1\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype={kind}\r\n\
         Content-Length: {}\r\n\r\n",
        block.len()
    );
    [header.as_bytes(), &block, b"\r\n\r\n"].concat()
}
