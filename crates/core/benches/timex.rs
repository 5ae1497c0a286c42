//! The time-expression stage's cost next to the rest of the parse, in MB/s of article text.
//!
//! `cargo bench -p byline-core --bench timex`: compare "full" with "no timex" in one run (the
//! machine is shared, so only ratios within a run mean anything).

use byline_core::{parse_date, Parser};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const SEED: &str = include_str!("../../../seeds/000_b329b9e3f58bd74f.txt");

/// A made-up article dense with time expressions, the stage's worst case.
fn dense() -> String {
    let para = "Shares fell 3% on Tuesday after the company said third-quarter profit dropped from a year \
                earlier. The board will meet next week, and a vote is set for March 3, 2023, at 10 a.m. EST. \
                Sales rose in each of the past three years, but in recent months demand has weakened, \
                officials said on Friday.";
    let mut text = String::from("Dense Time\n\n");
    for _ in 0..40 {
        text.push_str(para);
        text.push_str("\n\n");
    }
    text
}

fn bench_timex(c: &mut Criterion) {
    let published = parse_date("2023-02-25").ok();
    let with = Parser::new();
    let without = Parser::builder().timexes(false).build().expect("valid options");
    let dense = dense();
    for (name, text) in [("seed", SEED), ("dense", dense.as_str())] {
        let mut group = c.benchmark_group(format!("timex/{name}"));
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function("full", |b| b.iter(|| with.parse(text, published).unwrap()));
        group.bench_function("no timex", |b| b.iter(|| without.parse(text, published).unwrap()));
        group.finish();
    }
}

criterion_group!(benches, bench_timex);
criterion_main!(benches);
