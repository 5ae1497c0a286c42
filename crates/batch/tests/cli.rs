//! The `byline` command line: golden input cases (`tests/data/batch_inputs.toml`), `parse`,
//! tables, stats, exit codes and Ctrl-C.

mod common;
#[path = "../../core/tests/golden/load.rs"]
mod golden;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::{byline, byline_with_stdin, gzip, read_jsonl, write_seed_copies};
use serde::Deserialize;
use serde_json::Value;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

golden::case_file!(
    /// `tests/data/batch_inputs.toml` (its header documents the fields).
    Cases = "tests/data/batch_inputs.toml",
    Case,
    golden::Golden
);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    inputs: Vec<String>,
    #[serde(default)]
    args: Vec<String>,
    #[serde(default)]
    files: Vec<FileSpec>,
    #[serde(default)]
    stdin: String,
    expect: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileSpec {
    path: String,
    content: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    id: String,
    error: Option<String>,
    title: Option<String>,
    published: Option<String>,
}

#[test]
fn golden_input_cases_are_read_strictly() {
    golden::assert_strict::<Cases>();
}

#[test]
fn golden_input_cases() {
    let cases: Cases = golden::load();
    for case in cases.case {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path();
        for f in &case.files {
            let path = dir.join(&f.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            let bytes = f.content.trim_start_matches('\n').as_bytes();
            std::fs::write(&path, if f.path.ends_with(".gz") { gzip(bytes) } else { bytes.to_vec() }).unwrap();
        }
        let inputs: Vec<String> = case
            .inputs
            .iter()
            .map(|i| match i.as_str() {
                "-" => "-".to_string(),
                "." => dir.display().to_string(),
                p => dir.join(p).display().to_string(),
            })
            .collect();
        let mut args = vec!["batch"];
        args.extend(inputs.iter().map(String::as_str));
        args.extend(case.args.iter().map(String::as_str));
        args.push("--quiet");
        let run = byline_with_stdin(&args, case.stdin.trim_start_matches('\n').as_bytes());
        let lines: Vec<Value> =
            String::from_utf8(run.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        let name = &case.name;
        assert_eq!(lines.len(), case.expect.len(), "{name}: {lines:?}");
        let errors = case.expect.iter().filter(|e| e.error.is_some()).count();
        assert_eq!(run.status.code(), Some(if errors > 0 { 1 } else { 0 }), "{name}");
        for (line, want) in lines.iter().zip(&case.expect) {
            let id = want.id.replace("$DIR", &dir.display().to_string());
            assert_eq!(line["id"], id.as_str(), "{name}");
            match &want.error {
                Some(e) => assert!(line["error"].as_str().unwrap().contains(e.as_str()), "{name}: {line}"),
                None => {
                    assert!(line.get("error").is_none(), "{name}: {line}");
                    if let Some(t) = &want.title {
                        assert_eq!(line["title"], t.as_str(), "{name}");
                    }
                    assert_eq!(line["published"].as_str(), want.published.as_deref(), "{name}");
                }
            }
        }
    }
}

#[test]
fn parse_prints_one_article() {
    let seed = repo().join("seeds/000_b329b9e3f58bd74f.txt");
    let run = byline(&["parse", seed.to_str().unwrap(), "--published", "2023-02-25"]);
    assert!(run.status.success());
    let a: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!((a["schema"].as_str(), a["published"].as_str()), (Some("byline/1"), Some("2023-02-25")));
    let pretty = byline(&["parse", seed.to_str().unwrap(), "--pretty"]);
    assert!(String::from_utf8(pretty.stdout).unwrap().starts_with("{\n  \"schema\": \"byline/1\""));

    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.txt");
    std::fs::write(&bad, b"caf\xe9").unwrap();
    let run = byline(&["parse", bad.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("not valid UTF-8"));
    let run = byline(&["parse", bad.to_str().unwrap(), "--lossy"]);
    assert!(run.status.success());
    let run = byline(&["parse", "/nonexistent/file.txt"]);
    assert_eq!(run.status.code(), Some(2));
}

#[test]
fn the_issue_2_form_reads_stdin_and_writes_a_file() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out.jsonl");
    let run = byline_with_stdin(
        &["batch", "-", "-o", out.to_str().unwrap()],
        b"{\"id\": \"x\", \"text\": \"Head\\n\\nBody.\", \"published\": \"2023-02-25\"}\n",
    );
    assert!(run.status.success());
    let lines = read_jsonl(&out);
    assert_eq!((lines.len(), lines[0]["id"].as_str()), (1, Some("x")));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(err.contains("1 article (") && err.contains("MB/s"), "{err}");
}

#[test]
fn a_missing_input_is_a_usage_error() {
    let run = byline(&["batch", "/nonexistent/corpus.jsonl"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("/nonexistent/corpus.jsonl"));
}

fn csv_rows(path: &Path) -> Vec<csv::StringRecord> {
    csv::Reader::from_path(path).unwrap().records().map(|r| r.unwrap()).collect()
}

fn parquet_rows(path: &Path) -> (usize, Vec<String>) {
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
    let builder = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(path).unwrap()).unwrap();
    let names = builder.schema().fields().iter().map(|f| f.name().clone()).collect();
    let rows = builder.build().unwrap().map(|b| b.unwrap().num_rows()).sum();
    (rows, names)
}

#[test]
fn tables_and_stats() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("in.jsonl");
    write_seed_copies(&input, 3, "s", Some("2023-02-25"));
    let mut jsonl = std::fs::read_to_string(&input).unwrap();
    jsonl += "{\"id\": \"broken\"}\n";
    std::fs::write(&input, jsonl).unwrap();
    let out = tmp.path().join("out.jsonl.gz");
    let tables = tmp.path().join("tables");
    let run = byline(&[
        "batch",
        input.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--tables",
        tables.to_str().unwrap(),
        "--stats",
        "--allow-errors",
    ]);
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let err = String::from_utf8(run.stderr).unwrap();
    assert!(err.contains("articles: 3 parsed, 1 failed") && err.contains("most quoted"), "{err}");
    // Words a reader understands: who the quotes are by.
    assert!(err.contains("quotes by a named speaker") && err.contains("with no speaker in the text"), "{err}");
    assert!(!err.contains("name nobody"), "{err}");

    // Every table exists in both formats, with the documented columns and the same rows.
    for table in byline_batch::tables::Table::ALL {
        let names: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        let csv_path = tables.join(format!("{}.csv", table.name()));
        let header = csv::Reader::from_path(&csv_path).unwrap().headers().unwrap().clone();
        assert_eq!(header.iter().collect::<Vec<_>>(), names);
        let (parquet_count, parquet_names) = parquet_rows(&tables.join(format!("{}.parquet", table.name())));
        assert_eq!(parquet_names, names);
        assert_eq!(parquet_count, csv_rows(&csv_path).len(), "{}", table.name());
    }
    let articles = csv_rows(&tables.join("articles.csv"));
    assert_eq!(articles.len(), 4);
    assert_eq!((&articles[3][0], &articles[3][1]), ("broken", "no field \"text\" or \"html\" (the record has \"id\")"));
    assert_eq!(&articles[0][6], "2023-02-25");

    // `byline stats` over the (gzip) output says the same as --stats did.
    let run = byline(&["stats", out.to_str().unwrap(), "--json"]);
    assert!(run.status.success());
    let report: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!((report["articles"].as_u64(), report["errors"].as_u64()), (Some(3), Some(1)));
    let entities = report["top_entities"].as_array().unwrap();
    let quotes = report["quotes"].as_u64().unwrap();
    assert_eq!(quotes % 3, 0, "three copies of one article");
    if let Some(e) = entities.first() {
        assert_eq!(e["articles"].as_u64(), Some(3));
    }
}

#[test]
fn ctrl_c_leaves_complete_output() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("big.jsonl");
    write_seed_copies(&input, 5000, "r", None);
    let out = tmp.path().join("out.jsonl");
    let child = std::process::Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["batch", input.to_str().unwrap(), "-o", out.to_str().unwrap(), "--threads", "1", "--chunk", "16"])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Wait until some output is on disk, then interrupt.
    let started = Instant::now();
    while std::fs::metadata(&out).map_or(0, |m| m.len()) == 0 {
        assert!(started.elapsed() < Duration::from_secs(60), "no output after a minute");
        std::thread::sleep(Duration::from_millis(20));
    }
    let killed = std::process::Command::new("kill").args(["-INT", &child.id().to_string()]).status().unwrap();
    assert!(killed.success());
    let done = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&done.stderr);
    assert_eq!(done.status.code(), Some(130), "{err}");
    let lines = read_jsonl(&out);
    assert!(!lines.is_empty() && lines.len() < 5000, "{}", lines.len());
    for (i, l) in lines.iter().enumerate() {
        assert_eq!(l["id"], format!("r{i}"));
    }
    let last = format!("interrupted after {} articles", lines.len());
    assert!(err.contains(&last) && err.contains(&format!("(id r{})", lines.len() - 1)), "{err}");
}

#[test]
fn parse_reads_stdin_and_table_formats_can_be_chosen() {
    let run = byline_with_stdin(&["parse", "-"], b"Storm Hits Coast\n\nThe storm arrived.");
    assert!(run.status.success());
    let a: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!(a["title"], "Storm Hits Coast");

    let tmp = tempfile::tempdir().unwrap();
    let tables = tmp.path().join("t");
    let run = byline_with_stdin(
        &["batch", "-o", "/dev/null", "--tables", tables.to_str().unwrap(), "--table-format", "csv", "--quiet"],
        b"{\"text\": \"Head\\n\\nBody.\"}\n",
    );
    assert!(run.status.success());
    assert!(tables.join("quotes.csv").exists() && !tables.join("quotes.parquet").exists());
}

#[test]
fn stats_flags_lines_that_are_not_output() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("mixed.jsonl");
    std::fs::write(&file, "{\"id\": \"a\", \"error\": \"binary\"}\nnot json\n").unwrap();
    let run = byline(&["stats", file.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stderr).contains("mixed.jsonl:2"));
    assert!(String::from_utf8_lossy(&run.stdout).contains("articles: 0 parsed, 1 failed"));
}

fn stderr(run: &std::process::Output) -> String {
    String::from_utf8_lossy(&run.stderr).into_owned()
}

#[test]
fn parse_errors_say_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    // Latin-1: the byte offset of the first bad byte, and the option that gets past it.
    let latin1 = tmp.path().join("latin1.txt");
    std::fs::write(&latin1, b"Caf\xe9 Opens\n\nA caf\xe9 opened.").unwrap();
    let run = byline(&["parse", latin1.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    assert!(err.contains("not valid UTF-8 (invalid byte sequence at byte 3)") && err.contains("--lossy"), "{err}");
    // A directory: `batch` is the command for it.
    let run = byline(&["parse", tmp.path().to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(2));
    let err = stderr(&run);
    assert!(err.contains("is a directory") && err.contains(&format!("byline batch {}", tmp.path().display())), "{err}");
    assert!(!err.contains("os error"), "{err}");
    // Too large: the option that raises the limit.
    let run = byline(&["parse", latin1.to_str().unwrap(), "--max-bytes", "10"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("--max-bytes"), "{}", stderr(&run));
    // Usage errors exit with 2, --help and --version with 0.
    assert_eq!(byline(&["parse"]).status.code(), Some(2));
    assert_eq!(byline(&["--version"]).status.code(), Some(0));
    let help = byline(&["parse", "--help"]);
    assert_eq!(help.status.code(), Some(0));
    let help = String::from_utf8(help.stdout).unwrap();
    assert!(help.contains("--render") && help.contains("--plain-text") && help.contains("Usage: byline parse"));
}

#[test]
fn batch_errors_say_what_to_do() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::write(dir.join("a_latin1.txt"), b"Caf\xe9 Opens\n\nA caf\xe9 opened.").unwrap();
    std::fs::write(dir.join("b_feed.jsonl"), "{\"id\": \"w1\", \"body\": \"Head\\n\\nBody.\", \"url\": \"u\"}\n")
        .unwrap();
    let run = byline(&["batch", dir.to_str().unwrap()]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    // Each failure, then one line per kind of failure an option gets past.
    assert!(err.contains("a_latin1.txt: input is not valid UTF-8 (invalid byte sequence at byte 3)"), "{err}");
    assert!(err.contains(r#"w1: no field "text" or "html" (the record has "id", "body", "url")"#), "{err}");
    assert!(err.contains("1 record is not valid UTF-8: pass --lossy"), "{err}");
    assert!(err.contains(r#"1 record has no "text" or "html" field"#) && err.contains("--html-field NAME"), "{err}");
    assert!(err.contains("2 errors (1 missing_text, 1 invalid_utf8)"), "{err}");
    // Following the advice works.
    let run = byline(&["batch", dir.to_str().unwrap(), "--lossy", "--text-field", "body"]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let lines: Vec<Value> =
        String::from_utf8(run.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!((lines[0]["title"].as_str(), lines[1]["title"].as_str()), (Some("Caf\u{FFFD} Opens"), Some("Head")));
    // --quiet keeps them all quiet.
    let run = byline(&["batch", dir.to_str().unwrap(), "--quiet"]);
    assert_eq!((run.status.code(), stderr(&run).as_str()), (Some(1), ""));
}

#[test]
fn batch_published_is_the_default_date() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let story = "Bridge Reopens\n\nThe bridge will reopen on Tuesday, officials said.";
    std::fs::write(dir.join("a.txt"), story).unwrap();
    let own = serde_json::json!({"id": "dated", "text": story, "published": "2024-01-10"});
    std::fs::write(dir.join("b.jsonl"), format!("{own}\n")).unwrap();
    let timex = |line: &Value| line["timexes"][0]["value"].as_str().map(String::from);

    let run = byline(&["batch", dir.to_str().unwrap(), "--quiet"]);
    let undated: Value = serde_json::from_str(String::from_utf8(run.stdout).unwrap().lines().next().unwrap()).unwrap();
    assert_eq!((undated["published"].as_str(), timex(&undated).as_deref()), (None, Some("XXXX-WXX-2")));

    let run = byline(&["batch", dir.to_str().unwrap(), "--published", "2023-02-25", "--quiet"]);
    assert!(run.status.success());
    let lines: Vec<Value> =
        String::from_utf8(run.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    // The plain-text file takes the default; the record keeps its own date.
    assert_eq!((lines[0]["published"].as_str(), timex(&lines[0]).as_deref()), (Some("2023-02-25"), Some("2023-02-28")));
    assert_eq!((lines[1]["published"].as_str(), timex(&lines[1]).as_deref()), (Some("2024-01-10"), Some("2024-01-16")));
    let run = byline(&["batch", dir.to_str().unwrap(), "--published", "2023-02-30"]);
    assert_eq!(run.status.code(), Some(2));
    assert!(stderr(&run).contains("2023-02-30"), "{}", stderr(&run));
}

#[test]
fn plain_text_reads_bare_body_text() {
    let text = b"Short Line Up Top\n\nBy Kim Osei\n\nThe first sentence. The second one.";
    let roles = |run: std::process::Output| -> Vec<String> {
        let a: Value = serde_json::from_slice(&run.stdout).unwrap();
        a["paragraphs"].as_array().unwrap().iter().map(|p| p["role"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(roles(byline_with_stdin(&["parse", "-"], text)), ["title", "byline", "body"]);
    assert_eq!(roles(byline_with_stdin(&["parse", "-", "--plain-text"], text)), ["body", "body", "body"]);
    let run = byline_with_stdin(&["batch", "--format", "txt", "--plain-text", "--quiet"], text);
    let a: Value = serde_json::from_slice(&run.stdout).unwrap();
    assert_eq!((a["title"].as_str(), a["authors"].as_array().map(Vec::len)), (None, Some(0)));
}

#[test]
fn parse_renders_a_standalone_page() {
    let tmp = tempfile::tempdir().unwrap();
    let seed = repo().join("seeds/000_b329b9e3f58bd74f.txt");
    let page = tmp.path().join("article.html");
    let run = byline(&["parse", seed.to_str().unwrap(), "--render", page.to_str().unwrap()]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert!(run.stdout.is_empty(), "no JSON without -o");
    assert!(stderr(&run).contains("wrote") && stderr(&run).contains("quotes"), "{}", stderr(&run));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!doctype html>") && html.contains("class=\"bl-legend\""));
    assert!(!html.contains("<script") && !html.contains("src=") && !html.contains("<link"), "self-contained");
    assert!(html.contains("prefers-color-scheme: dark"));

    // Both at once: the page to a file and the JSON to standard output; or the page to standard output.
    let run = byline(&["parse", seed.to_str().unwrap(), "--render", page.to_str().unwrap(), "-o", "-"]);
    let a: Value = serde_json::from_slice(&run.stdout).unwrap();
    let quotes = a["quotes"].as_array().unwrap().len();
    // One badge per quote, and one in the legend.
    assert_eq!(std::fs::read_to_string(&page).unwrap().matches("class=\"bl-qid\"").count(), quotes + 1);
    let run = byline(&["parse", seed.to_str().unwrap(), "--render", "-"]);
    assert_eq!(String::from_utf8(run.stdout).unwrap(), html);
}

#[test]
fn a_runaway_article_is_an_error_record_under_timeout_ms() {
    // Twenty thousand quotation marks and back-to-back cue words take far more than a millisecond.
    let slow = format!("Title\n\n{}\n\n{}", "\u{201c}said ".repeat(20_000), "told according to ".repeat(10_000));
    let jsonl = format!(
        "{}\n{}\n",
        serde_json::json!({"id": "slow", "text": slow}),
        serde_json::json!({"id": "bad", "text": "\0\0binary"})
    );
    let out = byline_with_stdin(&["batch", "--timeout-ms", "1", "--threads", "1"], jsonl.as_bytes());
    assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!((lines.len(), lines[0]["id"].as_str(), lines[1]["id"].as_str()), (2, Some("slow"), Some("bad")));
    let error = lines[0]["error"].as_str().unwrap();
    assert!(error.starts_with("parsing took longer than the time limit of 1 ms"), "{error}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("1 timeout") && stderr.contains("--timeout-ms N raises"), "{stderr}");

    // `parse` honours it too; a limit that is not reached changes nothing.
    let out = byline_with_stdin(&["parse", "-", "--timeout-ms", "1"], slow.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("time limit of 1 ms") && stderr.contains("--timeout-ms N raises"), "{stderr}");
    let fine = b"Dam Opens\n\nThe dam opened on Tuesday, officials said.";
    let limited = byline_with_stdin(&["parse", "-", "--timeout-ms", "600000"], fine);
    assert_eq!(limited.status.code(), Some(0));
    assert_eq!(limited.stdout, byline_with_stdin(&["parse", "-"], fine).stdout);
}

#[test]
fn max_bytes_holds_for_html_pages() {
    let page =
        format!("<html><body><article><h1>Dam Opens</h1><p>{}</p></article></body></html>", "It opened. ".repeat(20));
    let out = byline_with_stdin(&["parse", "-", "--max-bytes", "100"], page.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over the limit of 100 bytes; --max-bytes SIZE raises"));
    let out = byline_with_stdin(&["parse", "-", "--max-bytes", "1000"], page.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("\"title\":\"Dam Opens\""));
}

#[test]
fn batch_reads_a_web_archive() {
    use common::warc_record;
    let tmp = tempfile::tempdir().unwrap();
    // A Latin-1 page that declares no charset: its HTTP header does.
    let page = b"<html lang=fr><head><meta property='og:site_name' content='Le Quotidien'></head><body><article>\
        <h1>Le caf\xe9 rouvre</h1><p>Le caf\xe9 du port a rouvert ses portes lundi, apr\xe8s deux mois de travaux.</p>\
        </article></body></html>";
    let uri = "https://news.example/2024/03/04/cafe";
    let members = [
        warc_record("warcinfo", "", None, b"software: test\r\n"),
        warc_record("request", uri, None, b"GET /2024/03/04/cafe HTTP/1.1\r\nHost: news.example\r\n\r\n"),
        warc_record("response", uri, Some("text/html; charset=ISO-8859-1"), page),
        warc_record("response", "https://news.example/logo.png", Some("image/png"), b"\x89PNG\r\n"),
        warc_record("response", "https://news.example/last", Some("text/html"), b"<html><p>cut</p></html>"),
    ];
    let mut warc: Vec<u8> = members[..4].iter().flat_map(|m| gzip(m)).collect();
    let last = gzip(&members[4]);
    warc.extend(&last[..last.len() / 2]);
    let path = tmp.path().join("crawl.warc.gz");
    std::fs::write(&path, warc).unwrap();
    let out = tmp.path().join("out.jsonl");
    let tables = tmp.path().join("t");
    let (p, o, t) = (path.to_str().unwrap(), out.to_str().unwrap(), tables.to_str().unwrap());
    let run = byline(&["batch", p, "-o", o, "--tables", t, "--table-format", "csv", "--quiet"]);
    assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
    let lines = read_jsonl(&out);
    assert_eq!(lines.len(), 2, "{lines:?}");
    let a = &lines[0];
    assert_eq!((a["id"].as_str(), a["title"].as_str()), (Some(uri), Some("Le café rouvre")));
    assert_eq!((a["source"]["url"].as_str(), a["source"]["encoding"].as_str()), (Some(uri), Some("windows-1252")));
    assert_eq!(a["published"].as_str(), Some("2024-03-04"));
    // The cut member fails before its header is out: the record is named by its number.
    assert_eq!(lines[1]["id"].as_str(), Some(format!("{}#5", path.display()).as_str()));
    assert!(lines[1]["error"].is_string(), "{}", lines[1]);
    let rows = csv_rows(&tables.join("articles.csv"));
    let header = csv::Reader::from_path(tables.join("articles.csv")).unwrap().headers().unwrap().clone();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(&rows[0][col("url")], uri);
    assert_eq!((&rows[0][col("site_name")], &rows[0][col("language")]), ("Le Quotidien", "fr"));
}
