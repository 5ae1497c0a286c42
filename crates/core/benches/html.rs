//! Criterion benchmarks of HTML pages in, in MB/s of HTML: the extraction stage alone (charset,
//! tree, content, metadata) and the full pipeline from the page. The pages are the NAEB dev
//! pages from the shared data when present (`html/naeb_dev/html/*.html.gz`), else the seed
//! article rendered as a small page. Pages/s = MB/s ÷ the mean page size printed first;
//! `eval/html.py` prints pages/s beside trafilatura's.

use std::io::Read;

use byline_core::internals::HtmlExtractor;
use byline_core::Parser;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../seeds/000_b329b9e3f58bd74f.txt");

fn pages() -> Vec<Vec<u8>> {
    let shared = std::env::var("BYLINE_SHARED_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let mut pages = Vec::new();
    if let Ok(dir) = std::fs::read_dir(shared.join("html/naeb_dev/html")) {
        let mut paths: Vec<_> = dir.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for p in paths {
            let mut page = Vec::new();
            if let Ok(f) = std::fs::File::open(&p) {
                if flate2::read::GzDecoder::new(f).read_to_end(&mut page).is_ok() {
                    pages.push(page);
                }
            }
        }
    }
    if pages.is_empty() {
        println!("shared data not found: benchmarking HTML on the seed article as a page");
        let body: String = SEED.split("\n\n").map(|p| format!("<p>{p}</p>")).collect();
        pages.push(
            format!("<html><body><nav><a href=/>Home</a></nav><article>{body}</article></body></html>").into_bytes(),
        );
    }
    pages
}

fn bench_html(c: &mut Criterion) {
    let pages = pages();
    let bytes: usize = pages.iter().map(Vec::len).sum();
    println!("{} pages, mean {:.0} KB", pages.len(), bytes as f64 / pages.len() as f64 / 1e3);
    let mut group = c.benchmark_group("html");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes as u64));
    let extractor = HtmlExtractor::new();
    group.bench_function("extraction", |b| {
        b.iter(|| pages.iter().map(|p| extractor.extract(p, None).unwrap().text.len()).sum::<usize>())
    });
    let parser = Parser::new();
    group.bench_function("full pipeline", |b| {
        b.iter(|| pages.iter().map(|p| parser.parse_html(p, None, None).unwrap().sentences.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, bench_html);
criterion_main!(benches);
