//! Corpus throughput: parses the records of a JSON Lines file and prints MB/s and articles/s.
//!
//! ```sh
//! cargo run --release -p byline-core --example throughput -- CORPUS.jsonl [--limit N] [--repeat N]
//!     [--layout-only | --no-entities | --no-quotes | --no-timexes] [--plain-text]
//! ```
//! One thread, one parser built before the clock starts. `--layout-only` runs layout and
//! sentences alone; without flags the whole pipeline runs.

#[path = "common/corpus.rs"]
mod corpus;

use std::time::Instant;

fn main() {
    if let Err(e) = run() {
        eprintln!("throughput: {e}");
        std::process::exit(2);
    }
}

fn value(rest: &[String], flag: &str, default: usize) -> Result<usize, String> {
    match rest.iter().position(|a| a == flag) {
        Some(i) => rest.get(i + 1).and_then(|v| v.parse().ok()).ok_or(format!("{flag} needs a number")),
        None => Ok(default),
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (parser, rest) = corpus::parser_from_args(&args)?;
    let path = rest.first().filter(|p| !p.starts_with("--")).ok_or("usage: throughput CORPUS.jsonl [flags]")?;
    let limit = value(&rest, "--limit", usize::MAX)?;
    let repeat = value(&rest, "--repeat", 3)?.max(1);
    let records = corpus::read_records(path, limit)?;
    let bytes: usize = records.iter().map(|r| r.text.len()).sum();
    let (mut sentences, mut tokens_proxy) = (0usize, 0usize);
    // Warm up once, then time the best of `repeat` passes (the machine is shared).
    for r in &records {
        let a = parser.parse(&r.text, r.published).map_err(|e| e.to_string())?;
        sentences += a.sentences.len();
        tokens_proxy += a.paragraphs.len();
    }
    let mut best = f64::INFINITY;
    for _ in 0..repeat {
        let start = Instant::now();
        for r in &records {
            std::hint::black_box(parser.parse(&r.text, r.published).map_err(|e| e.to_string())?);
        }
        best = best.min(start.elapsed().as_secs_f64());
    }
    let c = parser.config();
    let stages = match (c.entities, c.quotes, c.timexes) {
        (false, false, false) => "layout+sentences".to_string(),
        (true, true, true) => "all stages".to_string(),
        (e, q, t) => {
            let on = [(e, "entities"), (q, "quotes"), (t, "timexes")];
            let names: Vec<&str> = on.iter().filter(|(yes, _)| *yes).map(|(_, n)| *n).collect();
            format!("layout+sentences+{}", names.join("+"))
        }
    };
    println!(
        "{path}: {} articles, {:.2} MB, {sentences} sentences, {tokens_proxy} paragraphs",
        records.len(),
        bytes as f64 / 1e6
    );
    println!(
        "{stages}: {:.1} MB/s, {:.0} articles/s (best of {repeat}, one thread, {:.3} s)",
        bytes as f64 / 1e6 / best,
        records.len() as f64 / best,
        best
    );
    Ok(())
}
