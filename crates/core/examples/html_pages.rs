//! HTML pages through byline: writes one article JSON per input line, and the pages/s of the
//! HTML stage alone and of the whole pipeline.
//!
//! ```sh
//! cargo run --release -p byline-core --example html_pages -- PAGES.jsonl [--out ARTICLES.jsonl]
//!     [--repeat N] [--extract-only]
//! ```
//! Input: JSON Lines `{"id": ..., "html": ..., "url": ...}` (`url` optional). Output (with
//! `--out`): the article JSON of each page, its `id` set. On standard error: pages/s of the
//! extraction alone (charset, tree, content, metadata) and of the full pipeline, one thread,
//! the best of `--repeat` timed passes after a warm-up.

use std::io::Write;
use std::time::Instant;

use byline_core::html::HtmlExtractor;
use byline_core::{JsonOptions, Parser};

struct Page {
    id: String,
    html: String,
    url: Option<String>,
}

fn main() {
    if let Err(e) = run() {
        eprintln!("html_pages: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let path = args.first().filter(|p| !p.starts_with("--")).ok_or("usage: html_pages PAGES.jsonl [flags]")?;
    let flag = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let repeat: usize = flag("--repeat").map_or(Ok(3), |v| v.parse().map_err(|_| "--repeat needs a number"))?;
    let extract_only = args.iter().any(|a| a == "--extract-only");
    let pages = read_pages(path)?;
    let bytes: usize = pages.iter().map(|p| p.html.len()).sum();

    let extractor = HtmlExtractor::new();
    let mut best = f64::INFINITY;
    for pass in 0..=repeat {
        let t = Instant::now();
        for p in &pages {
            let x = extractor.extract(p.html.as_bytes(), p.url.as_deref()).map_err(|e| e.to_string())?;
            std::hint::black_box(x);
        }
        if pass > 0 {
            best = best.min(t.elapsed().as_secs_f64());
        }
    }
    report("extraction", pages.len(), bytes, best);
    if extract_only {
        return Ok(());
    }

    let parser = Parser::new();
    let mut out = match flag("--out") {
        Some(o) => Some(std::io::BufWriter::new(std::fs::File::create(&o).map_err(|e| format!("{o}: {e}"))?)),
        None => None,
    };
    let mut best = f64::INFINITY;
    for pass in 0..=repeat.max(1) {
        let t = Instant::now();
        for p in &pages {
            let mut a = parser.parse_html(p.html.as_bytes(), p.url.as_deref(), None).map_err(|e| e.to_string())?;
            if pass == 0 {
                if let Some(w) = out.as_mut() {
                    a.id = Some(p.id.clone());
                    writeln!(w, "{}", a.to_json(&JsonOptions::default())).map_err(|e| e.to_string())?;
                }
            }
            std::hint::black_box(a);
        }
        if pass > 0 {
            best = best.min(t.elapsed().as_secs_f64());
        }
    }
    report("full pipeline", pages.len(), bytes, best);
    Ok(())
}

fn report(what: &str, pages: usize, bytes: usize, secs: f64) {
    eprintln!(
        "{what}: {pages} pages, {:.1} MB of HTML in {secs:.3} s: {:.0} pages/s, {:.1} MB/s (one thread)",
        bytes as f64 / 1e6,
        pages as f64 / secs,
        bytes as f64 / 1e6 / secs
    );
}

fn read_pages(path: &str) -> Result<Vec<Page>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut pages = Vec::new();
    for (n, line) in data.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let s = |k: &str| v.get(k).and_then(|x| x.as_str()).map(str::to_string);
        pages.push(Page {
            id: s("id").unwrap_or_else(|| (n + 1).to_string()),
            html: s("html").ok_or(format!("{path}:{}: no \"html\" field", n + 1))?,
            url: s("url"),
        });
    }
    Ok(pages)
}
