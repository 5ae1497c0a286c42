//! A generated corpus of good articles mixed with every kind of bad input (invalid UTF-8, empty,
//! binary, 50 MB, deeply nested quotes, truncated gzip, bad JSON Lines and CSV records), run
//! through `byline batch`: every good article comes out as an article, every bad one as an error
//! record in its place, and the counts add up.

mod common;

use std::io::Write;
use std::path::Path;

use common::{byline, gzip, read_jsonl};
use serde_json::Value;

/// A plausible news article, different for each `i`.
fn article(i: usize) -> String {
    format!(
        "Council Approves Budget Number {i}\n\nBy Jane Roe\n\nLONDON, Feb 26 - The city council approved \
         budget {i} on Tuesday. \u{201c}It is a fair plan,\u{201d} said Mr. Smith, the council leader.\n\n\
         Opponents said the plan would cost {i} million pounds over three years.\n"
    )
}

struct Expect {
    good: Vec<String>,
    bad: Vec<String>,
}

/// Writes the corpus into `dir` and returns the ids expected to parse and to fail, in output order.
fn build_corpus(dir: &Path) -> Expect {
    let mut good = Vec::new();
    let mut bad = Vec::new();
    let id = |name: &str| dir.join(name).display().to_string();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.join(name), bytes).unwrap();

    // Files are read in name order, so the names give the expected output order.
    write("a01_good.txt", article(1).as_bytes());
    good.push(id("a01_good.txt"));
    write("a02_invalid_utf8.txt", b"Headline\n\nCaf\xe9 society \xff\xfe returns.");
    bad.push(id("a02_invalid_utf8.txt"));
    write("a03_empty.txt", b"");
    good.push(id("a03_empty.txt")); // empty is an empty article, not a failure
    let mut binary = b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00".to_vec();
    binary.extend((0..4096u32).map(|i| (i * 7 % 256) as u8));
    write("a04_binary.txt", &binary);
    bad.push(id("a04_binary.txt"));
    let big = article(4).repeat(50 * 1024 * 1024 / article(4).len() + 1);
    write("a05_50mb.txt", big.as_bytes()); // over --max-bytes below
    bad.push(id("a05_50mb.txt"));
    let nested = format!(
        "Nested\n\n{}deep{}\n\nMore \u{201c}unbalanced text.",
        "\u{201c}".repeat(20_000),
        "\u{201d}".repeat(20_000)
    );
    write("a06_nested_quotes.txt", nested.as_bytes());
    good.push(id("a06_nested_quotes.txt"));
    write("a07_good.txt.gz", &gzip(article(7).as_bytes()));
    good.push(id("a07_good.txt.gz"));
    let gz = gzip(article(8).repeat(40).as_bytes());
    write("a08_truncated.txt.gz", &gz[..gz.len() / 2]);
    bad.push(id("a08_truncated.txt.gz"));
    write("a09_good.json", serde_json::json!({"text": article(9), "published": "2023-02-25"}).to_string().as_bytes());
    good.push(id("a09_good.json"));
    write("a10_bad.json", b"{\"text\": \"unterminated");
    bad.push(id("a10_bad.json"));

    // JSON Lines: good records and bad ones, mixed.
    let mut jsonl = Vec::new();
    for i in 0..6 {
        writeln!(jsonl, "{}", serde_json::json!({"id": format!("j{i}"), "text": article(100 + i)})).unwrap();
    }
    jsonl.extend_from_slice(b"{\"id\": \"j-badjson\", \"text\": \n");
    jsonl.extend_from_slice(b"{\"id\": \"j-utf8\", \"text\": \"caf\xe9\"}\n");
    jsonl.extend_from_slice(b"{\"id\": \"j-notext\", \"body\": \"x\"}\n");
    writeln!(jsonl, "{}", serde_json::json!({"id": "j-huge", "text": "x".repeat(11_000_000)})).unwrap();
    writeln!(jsonl, "{}", serde_json::json!({"id": "j-nul", "text": "\0\0\0 binary"})).unwrap();
    writeln!(jsonl, "{}", serde_json::json!({"id": "j-last", "text": article(199)})).unwrap();
    write("b01_records.jsonl", &jsonl);
    good.extend((0..6).map(|i| format!("j{i}")));
    let path = dir.join("b01_records.jsonl").display().to_string();
    bad.extend([format!("{path}:7"), "j-utf8".into(), "j-notext".into(), format!("{path}:10"), "j-nul".into()]);
    good.push("j-last".into());

    // CSV with a bad date in one row.
    let mut csv = csv::Writer::from_writer(Vec::new());
    csv.write_record(["id", "published", "text"]).unwrap();
    csv.write_record(["c1", "2024-01-02", &article(301)]).unwrap();
    csv.write_record(["c2", "not a date", &article(302)]).unwrap();
    csv.write_record(["c3", "", &article(303)]).unwrap();
    write("b02_rows.csv", &csv.into_inner().unwrap());
    good.extend(["c1".to_string(), "c3".to_string()]);
    bad.push("c2".into());
    Expect { good, bad }
}

#[test]
fn every_article_is_accounted_for() {
    let tmp = tempfile::tempdir().unwrap();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let expect = build_corpus(&corpus);
    let out = tmp.path().join("out.jsonl");
    let summary = tmp.path().join("summary.json");
    let run = byline(&[
        "batch",
        corpus.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--max-bytes",
        "10MB",
        "--threads",
        "2",
        "--chunk",
        "3",
        "--summary-json",
        summary.to_str().unwrap(),
        "--quiet",
    ]);
    assert_eq!(run.status.code(), Some(1), "failures give exit code 1: {}", String::from_utf8_lossy(&run.stderr));

    let lines = read_jsonl(&out);
    let ok: Vec<&str> = lines.iter().filter(|l| l.get("error").is_none()).map(|l| l["id"].as_str().unwrap()).collect();
    let failed: Vec<&str> =
        lines.iter().filter(|l| l.get("error").is_some()).map(|l| l["id"].as_str().unwrap()).collect();
    assert_eq!(ok, expect.good);
    assert_eq!(failed, expect.bad);
    for l in &lines {
        match l.get("error") {
            Some(e) => assert!(e.as_str().is_some_and(|s| !s.is_empty()) && l.as_object().unwrap().len() == 2, "{l}"),
            None => assert_eq!(l["schema"], "byline/1"),
        }
    }

    let s: Value = serde_json::from_str(&std::fs::read_to_string(&summary).unwrap()).unwrap();
    let s = &s["summary"];
    assert_eq!(s["records"], lines.len());
    assert_eq!(s["parsed"], expect.good.len());
    assert_eq!(s["errors"], expect.bad.len());
    let by_kind: u64 = s["errors_by_kind"].as_object().unwrap().values().map(|v| v.as_u64().unwrap()).sum();
    assert_eq!(by_kind, expect.bad.len() as u64);
    for kind in ["invalid_utf8", "binary", "too_large", "read", "format"] {
        assert!(s["errors_by_kind"][kind].as_u64().unwrap() >= 1, "{kind}: {s}");
    }
}

#[test]
fn allow_errors_and_lossy() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in.jsonl");
    std::fs::write(&input, b"{\"id\": \"u\", \"text\": \"Caf\xe9\\n\\nBody.\"}\n").unwrap();
    let run = byline(&["batch", input.to_str().unwrap(), "--allow-errors", "--quiet"]);
    assert_eq!(run.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&run.stdout).contains("\"error\""));
    let run = byline(&["batch", input.to_str().unwrap(), "--lossy"]);
    assert_eq!(run.status.code(), Some(0));
    let line: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(line["title"], "Caf\u{FFFD}");
    assert_eq!(line["warnings"][0]["kind"], "lossy_decoding");
}

#[test]
fn a_truncated_jsonl_gz_keeps_what_was_readable() {
    let tmp = tempfile::tempdir().unwrap();
    let mut jsonl = Vec::new();
    for i in 0..200 {
        writeln!(jsonl, "{}", serde_json::json!({"id": format!("r{i}"), "text": article(i)})).unwrap();
    }
    let gz = gzip(&jsonl);
    let input = tmp.path().join("cut.jsonl.gz");
    std::fs::write(&input, &gz[..gz.len() * 2 / 3]).unwrap();
    let run = byline(&["batch", input.to_str().unwrap(), "--quiet"]);
    assert_eq!(run.status.code(), Some(1));
    let lines: Vec<Value> = run
        .stdout
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).unwrap())
        .collect();
    let (last, read) = lines.split_last().unwrap();
    assert!(!read.is_empty() && read.len() < 200);
    for (i, l) in read.iter().enumerate() {
        assert_eq!(l["id"], format!("r{i}"));
        assert!(l.get("error").is_none());
    }
    assert!(last["error"].as_str().unwrap().contains("read error"), "{last}");
}
