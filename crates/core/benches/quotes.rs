//! What quote extraction adds to the parse, in MB/s of article text.

use byline_core::Parser;
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../seeds/000_b329b9e3f58bd74f.txt");

fn bench_quotes(c: &mut Criterion) {
    let mut group = c.benchmark_group("quotes");
    group.throughput(Throughput::Bytes(SEED.len() as u64));
    let without = Parser::builder().quotes(false).timexes(false).build().unwrap();
    group.bench_function("entities, no quotes", |b| b.iter(|| without.parse(SEED, None).unwrap()));
    let with = Parser::builder().timexes(false).build().unwrap();
    group.bench_function("entities+quotes", |b| b.iter(|| with.parse(SEED, None).unwrap()));
    group.finish();
}

criterion_group!(benches, bench_quotes);
criterion_main!(benches);
