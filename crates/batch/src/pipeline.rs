//! The ordered parallel pipeline: inputs are cut into chunks (bounded in records and bytes), each
//! chunk is processed on a rayon pool, and results come out in input order. Memory is bounded by
//! the chunks in flight, never by the corpus.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::mpsc::{sync_channel, Receiver};

use byline_core::{Article, Page, Parser, Warning, WarningKind};
use rayon::prelude::*;

use crate::record::{ErrorKind, ErrorRecord, Input};

/// Runs work on a fixed pool of threads, one chunk at a time, keeping input order.
///
/// ```
/// use byline_batch::{Pipeline, Record};
/// use byline_core::Parser;
///
/// let parser = Parser::new();
/// let pipeline = Pipeline::builder().threads(2).build()?;
/// let records = (0..100).map(|i| Ok(Record::new(format!("r{i}"), format!("Headline {i}\n\nBody {i}."))));
/// let ids: Vec<String> = pipeline.parse(&parser, records).map(|a| a.unwrap().id.unwrap()).collect();
/// assert_eq!(ids[42], "r42");
/// # Ok::<(), rayon::ThreadPoolBuildError>(())
/// ```
#[derive(Debug)]
pub struct Pipeline {
    pool: rayon::ThreadPool,
    chunk_records: usize,
    chunk_bytes: usize,
}

/// Builds a [`Pipeline`].
#[derive(Clone, Debug, Default)]
pub struct PipelineBuilder {
    threads: Option<usize>,
    chunk_records: Option<usize>,
    chunk_bytes: Option<usize>,
}

impl PipelineBuilder {
    /// Worker threads. Default: all cores (`0` also means all cores).
    pub fn threads(mut self, n: usize) -> PipelineBuilder {
        self.threads = (n > 0).then_some(n);
        self
    }

    /// Most records in one chunk. Default: 64 per thread, at least 256.
    pub fn chunk_records(mut self, n: usize) -> PipelineBuilder {
        self.chunk_records = Some(n.max(1));
        self
    }

    /// A chunk is closed once its records hold this many bytes. Default: 8 MiB.
    pub fn chunk_bytes(mut self, n: usize) -> PipelineBuilder {
        self.chunk_bytes = Some(n.max(1));
        self
    }

    /// Starts the thread pool.
    pub fn build(self) -> Result<Pipeline, rayon::ThreadPoolBuildError> {
        let threads = self.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("byline-worker-{i}"))
            .build()?;
        Ok(Pipeline {
            pool,
            chunk_records: self.chunk_records.unwrap_or((64 * threads).max(256)),
            chunk_bytes: self.chunk_bytes.unwrap_or(8 << 20),
        })
    }
}

impl Pipeline {
    /// A pipeline with the default options (all cores).
    pub fn new() -> Result<Pipeline, rayon::ThreadPoolBuildError> {
        PipelineBuilder::default().build()
    }

    /// A builder for a pipeline with options.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder::default()
    }

    /// The number of worker threads.
    pub fn threads(&self) -> usize {
        self.pool.current_num_threads()
    }

    /// Cuts `inputs` into chunks of this pipeline's size, lazily.
    pub fn chunks<I: IntoIterator<Item = Input>>(&self, inputs: I) -> Chunks<I::IntoIter> {
        Chunks { inputs: inputs.into_iter(), max_records: self.chunk_records, max_bytes: self.chunk_bytes }
    }

    /// Applies `f` to every item of every chunk on the pool; yields one `Vec` of results per
    /// chunk, in input order. Only the chunk being processed is held.
    pub fn run<'p, C, U, F, T>(&'p self, chunks: C, f: F) -> impl Iterator<Item = Vec<T>> + 'p
    where
        C: IntoIterator<Item = Vec<U>>,
        C::IntoIter: 'p,
        U: Send,
        F: Fn(U) -> T + Sync + Send + 'p,
        T: Send,
    {
        chunks.into_iter().map(move |chunk| self.pool.install(|| chunk.into_par_iter().map(&f).collect()))
    }

    /// Applies `f` to every input on the pool, yielding results in input order.
    pub fn map<'p, I, F, T>(&'p self, inputs: I, f: F) -> impl Iterator<Item = T> + 'p
    where
        I: IntoIterator<Item = Input>,
        I::IntoIter: 'p,
        F: Fn(Input) -> T + Sync + Send + 'p,
        T: Send,
    {
        self.run(self.chunks(inputs), f).flatten()
    }

    /// Parses every input with `parser`, yielding articles (or error records) in input order.
    pub fn parse<'p, I>(
        &'p self,
        parser: &'p Parser,
        inputs: I,
    ) -> impl Iterator<Item = Result<Article, ErrorRecord>> + 'p
    where
        I: IntoIterator<Item = Input>,
        I::IntoIter: 'p,
    {
        self.map(inputs, move |input| parse_input(parser, input))
    }
}

/// Chunks of inputs: at most `max_records` records, closed once they hold `max_bytes` bytes.
#[derive(Debug)]
pub struct Chunks<I> {
    inputs: I,
    max_records: usize,
    max_bytes: usize,
}

impl<I: Iterator<Item = Input>> Iterator for Chunks<I> {
    type Item = Vec<Input>;

    fn next(&mut self) -> Option<Vec<Input>> {
        let mut chunk = Vec::new();
        let mut bytes = 0;
        while chunk.len() < self.max_records && bytes < self.max_bytes {
            let Some(input) = self.inputs.next() else { break };
            bytes += input.as_ref().map_or(0, |r| r.bytes.len());
            chunk.push(input);
        }
        (!chunk.is_empty()).then_some(chunk)
    }
}

impl<I: Iterator<Item = Input> + Send + 'static> Chunks<I> {
    /// Reads the chunks on a thread of their own, one chunk ahead, so reading (and decompressing)
    /// overlaps with processing.
    pub fn prefetch(self) -> Prefetch<Vec<Input>> {
        prefetch(self, 1)
    }
}

/// Items produced on another thread, at most `capacity` ahead of the consumer.
#[derive(Debug)]
pub struct Prefetch<T> {
    rx: Receiver<T>,
}

/// Runs `items` on a thread of its own, keeping at most `capacity` items ready. The thread stops
/// when the items run out or the [`Prefetch`] is dropped.
pub fn prefetch<I>(items: I, capacity: usize) -> Prefetch<I::Item>
where
    I: Iterator + Send + 'static,
    I::Item: Send + 'static,
{
    let (tx, rx) = sync_channel(capacity);
    std::thread::Builder::new()
        .name("byline-reader".into())
        .spawn(move || {
            for item in items {
                if tx.send(item).is_err() {
                    break;
                }
            }
        })
        .expect("spawn the reader thread");
    Prefetch { rx }
}

impl<T> Iterator for Prefetch<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        self.rx.recv().ok()
    }
}

/// Parses one input, giving the article its id: plain text, or an HTML page when the record says
/// so ([`Record::html`](crate::Record::html)). A read failure stays an error record; a parse
/// failure, or a panic inside the parser (a bug), becomes one.
pub fn parse_input(parser: &Parser, input: Input) -> Result<Article, ErrorRecord> {
    let record = input?;
    let id = record.id;
    // The parser is immutable, so a panic cannot leave it broken for the next article.
    let parsed = catch_unwind(AssertUnwindSafe(|| match &record.html {
        Some(page) => {
            let info = Page {
                url: page.url.as_deref(),
                charset: page.charset.as_deref(),
                published: record.published,
                default_published: page.default_published,
            };
            parser.parse_page(&record.bytes, &info)
        }
        None => parser.parse_bytes(&record.bytes, record.published),
    }));
    match parsed {
        Ok(Ok(mut article)) => {
            if record.lossy {
                let message = "invalid UTF-8 was replaced with U+FFFD".to_string();
                article.warnings.push(Warning { kind: WarningKind::LossyDecoding, message });
            }
            article.id = id;
            Ok(article)
        }
        Ok(Err(e)) => Err(ErrorRecord::from_core(id, &e)),
        Err(panic) => {
            let what = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(ErrorRecord::new(id, ErrorKind::Parse, format!("internal error (please report it): {what}")))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Record;

    #[test]
    fn chunks_are_bounded_in_records_and_bytes() {
        let pipeline = Pipeline::builder().threads(1).chunk_records(3).chunk_bytes(10).build().unwrap();
        let inputs = ["aaaa", "bbbbbbbb", "c", "d", "e", "f"].map(|t| Ok(Record::new(t, t)));
        let sizes: Vec<usize> = pipeline.chunks(inputs).map(|c| c.len()).collect();
        assert_eq!(sizes, [2, 3, 1]);
    }

    #[test]
    fn results_keep_input_order() {
        let pipeline = Pipeline::builder().threads(4).chunk_records(7).build().unwrap();
        let inputs = (0..1000).map(|i| Ok(Record::new(i.to_string(), "x".repeat(i % 13))));
        let out: Vec<String> = pipeline.map(inputs, |r| r.unwrap().id.unwrap()).collect();
        assert_eq!(out, (0..1000).map(|i| i.to_string()).collect::<Vec<_>>());
    }

    #[test]
    fn failures_stay_in_place() {
        let parser = Parser::new();
        let pipeline = Pipeline::builder().threads(2).build().unwrap();
        let bad = Record { id: Some("bad".into()), bytes: b"caf\xe9".to_vec(), ..Record::default() };
        let inputs = vec![
            Ok(Record::new("a", "Title\n\nText.")),
            Ok(bad),
            Err(ErrorRecord::new(Some("gone".into()), ErrorKind::Read, "unreadable")),
            Ok(Record::new("b", "Title\n\nText.")),
        ];
        let out: Vec<_> = pipeline.parse(&parser, inputs).collect();
        assert_eq!(out[0].as_ref().unwrap().id.as_deref(), Some("a"));
        assert_eq!(out[1].as_ref().unwrap_err().kind, ErrorKind::InvalidUtf8);
        assert_eq!(out[2].as_ref().unwrap_err().id.as_deref(), Some("gone"));
        assert_eq!(out[3].as_ref().unwrap().id.as_deref(), Some("b"));
    }

    #[test]
    fn prefetch_yields_everything_in_order() {
        let got: Vec<i32> = prefetch(0..100, 2).collect();
        assert_eq!(got, (0..100).collect::<Vec<_>>());
    }
}
