//! Criterion benchmarks of the parse, in MB/s of article text.

use byline_core::segment::Segmenter;
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

criterion_group!(benches, bench_seed, bench_layout_sentences);
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
