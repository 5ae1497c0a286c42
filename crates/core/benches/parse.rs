//! Criterion benchmarks of the parse, in MB/s of article text.

use byline_core::segment::Segmenter;
use byline_core::Parser;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../seeds/000_b329b9e3f58bd74f.txt");

fn bench_seed(c: &mut Criterion) {
    let mut group = c.benchmark_group("seed");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    let full = Parser::new();
    group.bench_function("full", |b| b.iter(|| full.parse(SEED, None).unwrap()));
    group.finish();
}

/// Layout and sentences alone: the whole parse with the later stages off, and the sentence
/// splitter on its own over the seed's text read as one paragraph.
fn bench_layout_sentences(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout+sentences");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    let layout_only = Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap();
    group.bench_function("seed", |b| b.iter(|| layout_only.parse(SEED, None).unwrap()));
    let long = SEED.repeat(50);
    group.throughput(Throughput::Bytes(long.len() as u64));
    group.bench_function("seed x50", |b| b.iter(|| layout_only.parse(&long, None).unwrap()));
    let segmenter = Segmenter::new();
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    group.bench_function("sentences only", |b| b.iter(|| segmenter.sentences(SEED)));
    group.finish();
}

criterion_group!(benches, bench_seed, bench_layout_sentences);
criterion_main!(benches);
