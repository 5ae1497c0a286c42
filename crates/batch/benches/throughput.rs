//! Throughput of the batch pipeline (parse with every stage + serialise each article to its JSON
//! line) in MB/s of article text, on one and two worker threads, over the development corpora:
//! the first 300 BBC articles and all of Reuters-21578. Records are read into memory first, so
//! this measures the parsing work, not the disk.
//!
//! The corpora come from `$BYLINE_SHARED_DATA` or `<repo>/../shared/data`; without them only
//! the seed article is measured.

use std::path::PathBuf;
use std::time::Duration;

use byline_batch::readers::{Location, ReadOptions, Reader};
use byline_batch::{Pipeline, Processor, Record};
use byline_core::Parser;
use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};

const SEED: &str = include_str!("../../../seeds/000_b329b9e3f58bd74f.txt");

fn shared_data() -> Option<PathBuf> {
    let dir = std::env::var_os("BYLINE_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    dir.is_dir().then_some(dir)
}

fn corpus(path: PathBuf, limit: usize) -> Vec<Record> {
    let reader = Reader::open(&[Location::Path(path)], ReadOptions::default()).expect("corpus opens");
    reader.take(limit).map(|r| r.expect("corpus records are well-formed")).collect()
}

fn corpora() -> Vec<(&'static str, Vec<Record>)> {
    match shared_data() {
        Some(dir) => vec![
            ("bbc300", corpus(dir.join("corpora/bbc_news.jsonl"), 300)),
            ("reuters", corpus(dir.join("corpora/reuters21578.jsonl"), usize::MAX)),
        ],
        None => {
            eprintln!("shared data not found (set BYLINE_SHARED_DATA): benchmarking the seed article only");
            vec![("seed", vec![Record::new("seed", SEED)])]
        }
    }
}

fn bench_pipeline(c: &mut Criterion) {
    let parser = Parser::new();
    let processor = Processor::new(&parser, false);
    for (name, records) in corpora() {
        let bytes: usize = records.iter().map(|r| r.bytes.len()).sum();
        eprintln!("{name}: {} articles, {:.2} MB", records.len(), bytes as f64 / 1e6);
        let mut group = c.benchmark_group(name);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(10);
        // Ten passes over the corpus at about 5 MB/s, so that big corpora do not warn.
        group.measurement_time(Duration::from_secs_f64((bytes as f64 / 5e6 * 10.0 * 1.5).max(5.0)));
        for threads in [1, 2] {
            let pipeline = Pipeline::builder().threads(threads).build().expect("thread pool");
            group.bench_function(format!("threads={threads}"), |b| {
                b.iter_batched(
                    || records.iter().cloned().map(Ok).collect::<Vec<_>>(),
                    |inputs| pipeline.map(inputs, |i| processor.process(i)).map(|p| p.json.len()).sum::<usize>(),
                    BatchSize::PerIteration,
                )
            });
        }
        group.finish();
    }
}

criterion_group!(benches, bench_pipeline);
criterion_main!(benches);
