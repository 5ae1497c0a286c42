//! Criterion benchmarks of the parse, in MB/s of article text.

use byline_core::internals::Segmenter;
use byline_core::Parser;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../seeds/000_b329b9e3f58bd74f.txt");

fn bench_seed(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    let layout_only = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    group.bench_function("layout+sentences", |b| b.iter(|| layout_only.parse(SEED, None).unwrap()));
    let full = Parser::new();
    group.bench_function("full", |b| b.iter(|| full.parse(SEED, None).unwrap()));
    group.finish();
}

/// The entities stage on news text: BBC articles from the shared data when present (the first
/// 300, as the throughput runs use), else the seed. Layout and sentences alone are measured
/// beside it, so the stage's own cost is the difference; the words/s figures compare with
/// spaCy's (eval/ner.py prints spaCy's words/s on the same machine).
fn bench_entities(c: &mut Criterion) {
    let shared = std::env::var("BYLINE_SHARED_DATA")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|_| std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let texts: Vec<String> = match std::fs::read_to_string(shared.join("corpora/bbc_news.jsonl")) {
        Ok(data) => data
            .lines()
            .take(300)
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
        Err(_) => {
            println!("shared data not found: benchmarking entities on the seed article");
            vec![SEED.to_string()]
        }
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    let layout_only = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let entities = Parser::builder().quotes(false).timexes(false).build().unwrap();
    let run = |p: &Parser| {
        for t in &texts {
            std::hint::black_box(p.parse(t, None).unwrap());
        }
    };
    let mut group = c.benchmark_group("entities");
    group.sample_size(20);
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("layout+sentences MB/s", |b| b.iter(|| run(&layout_only)));
    group.bench_function("layout+sentences+entities MB/s", |b| b.iter(|| run(&entities)));
    group.throughput(Throughput::Elements(words as u64));
    group.bench_function("layout+sentences+entities words/s", |b| b.iter(|| run(&entities)));
    group.finish();
}

/// Building a parser, as every CLI call, Python `Parser()` and Spark partition does. The entity
/// lexicon is built once per process, so this is the cost of every parser after the first.
fn bench_build(c: &mut Criterion) {
    let mut group = c.benchmark_group("build");
    group.sample_size(20);
    group.bench_function("Parser::new", |b| b.iter(Parser::new));
    group.finish();
}

criterion_group!(benches, bench_seed, bench_layout_sentences, bench_entities, bench_build);
criterion_main!(benches);

/// Layout and sentences on longer text (the seed 50 times, one article), and the sentence
/// splitter alone on the seed read as one paragraph. `seed/layout+sentences` is the seed itself.
fn bench_layout_sentences(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout+sentences");
    let layout_only = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    let long = SEED.repeat(50);
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("seed x50", |b| b.iter(|| layout_only.parse(&long, None).unwrap()));
    let segmenter = Segmenter::new();
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("sentences only", |b| b.iter(|| segmenter.sentences(SEED)));
    group.finish();
}
