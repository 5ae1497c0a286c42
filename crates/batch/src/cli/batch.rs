//! `byline batch`: a corpus in, one Article JSON line per article out, in input order.
//!
//! Three kinds of threads: the reader (files, decompression, JSON Lines decoding) runs one chunk
//! ahead; the worker pool parses a chunk at a time (and serialises and flattens each article);
//! the writer writes the previous chunk meanwhile. Memory is a few chunks, whatever the corpus.

use std::io;
use std::path::PathBuf;
use std::sync::mpsc::sync_channel;

use serde::Serialize;

use super::args::{BatchArgs, FormatArg, TableFormatArg};
use super::progress::Progress;
use super::sink::Sink;
use super::{hints, Fatal, Interrupt, EXIT_FAILURES, EXIT_INTERRUPTED, EXIT_OK};
use crate::readers::{self, Fields, Location, ReadOptions, Reader};
use crate::writers::{JsonlWriter, TableFormats, TablesWriter};
use crate::{Pipeline, Processed, Processor, Stats, Summary};

pub fn run(args: &BatchArgs, interrupt: &Interrupt) -> Result<u8, Fatal> {
    let parser = args.parsing.parser()?;
    let mut pipeline = Pipeline::builder().threads(args.threads.unwrap_or(0));
    if let Some(n) = args.chunk {
        pipeline = pipeline.chunk_records(n);
    }
    let pipeline = pipeline.build()?;
    let locations: Vec<Location> = match args.inputs.as_slice() {
        [] => vec![Location::Stdin],
        paths => paths.iter().map(|p| Location::parse(p)).collect(),
    };
    let options = ReadOptions {
        fields: Fields {
            text: args.text_field.clone(),
            html: args.html_field.clone(),
            id: args.id_field.clone(),
            published: args.published_field.clone(),
            url: args.url_field.clone(),
        },
        format: args.format.map(Into::into),
        max_bytes: args.parsing.max_bytes,
        lossy: args.parsing.lossy,
        published: args.parsing.published,
        // Bare text is what these ask for, whatever the files look like.
        detect_html: !(args.parsing.plain_text || args.format == Some(FormatArg::Txt)),
    };
    let reader = Reader::open(&locations, options)?;
    let counter = reader.counter();

    let out = match &args.output {
        Some(path) => JsonlWriter::create(path)?,
        None => JsonlWriter::stdout(),
    };
    let tables = match &args.tables {
        Some(dir) => Some(TablesWriter::create(dir, table_formats(args.table_format))?),
        None => None,
    };
    let want_rows = tables.is_some() || args.stats;
    if args.verbose {
        eprintln!(
            "byline: {} input(s), {} worker thread(s){}",
            locations.len(),
            pipeline.threads(),
            if want_rows { ", with table rows" } else { "" }
        );
    }
    let files: Vec<PathBuf> = args.inputs.iter().filter(|p| p.as_os_str() != "-").cloned().collect();
    let mut sink = Sink {
        out,
        tables,
        stats: args.stats.then(Stats::new),
        summary: Summary::start(pipeline.threads()),
        progress: Progress::new(!args.quiet, || readers::total_size(&files), counter),
        quiet: args.quiet,
        verbose: args.verbose,
    };

    interrupt.arm();
    let reading = {
        let interrupt = interrupt.clone();
        reader.take_while(move |_| !interrupt.stopped())
    };
    let chunks = pipeline.chunks(reading).prefetch();
    let processor = Processor::new(&parser, want_rows);

    let written: io::Result<Sink> = std::thread::scope(|scope| {
        let (tx, rx) = sync_channel::<Vec<Processed>>(1);
        let writer = std::thread::Builder::new()
            .name("byline-writer".into())
            .spawn_scoped(scope, move || {
                for chunk in rx {
                    for p in chunk {
                        sink.write(p)?;
                    }
                }
                Ok(sink)
            })
            .expect("spawn the writer thread");
        for chunk in pipeline.run(chunks, |input| processor.process(input)) {
            if tx.send(chunk).is_err() {
                break; // the writer failed; it says why below
            }
        }
        drop(tx);
        writer.join().expect("the writer thread does not panic")
    });
    let sink = match written {
        Ok(sink) => sink,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => return Ok(EXIT_OK), // `| head`
        Err(e) => return Err(e.into()),
    };
    let (mut summary, stats) = sink.finish()?;
    summary.interrupted = interrupt.stopped();
    finish(args, &summary, stats.as_ref())
}

fn table_formats(f: TableFormatArg) -> TableFormats {
    match f {
        TableFormatArg::Csv => TableFormats { csv: true, parquet: false },
        TableFormatArg::Parquet => TableFormats { csv: false, parquet: true },
        TableFormatArg::Both => TableFormats { csv: true, parquet: true },
    }
}

/// Prints the summary and aggregates, and picks the exit code.
fn finish(args: &BatchArgs, summary: &Summary, stats: Option<&Stats>) -> Result<u8, Fatal> {
    let report = stats.map(|s| s.report(args.top));
    if !args.quiet {
        eprintln!("byline: {summary}");
        for hint in hints::after_batch(summary, &args.text_field, &args.html_field) {
            eprintln!("byline: {hint}");
        }
    }
    if let Some(r) = &report {
        eprint!("\n{r}");
    }
    if let Some(path) = &args.summary_json {
        #[derive(Serialize)]
        struct SummaryJson<'a> {
            summary: &'a Summary,
            #[serde(skip_serializing_if = "Option::is_none")]
            stats: Option<&'a crate::Report>,
        }
        let file = std::fs::File::create(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::to_writer_pretty(file, &SummaryJson { summary, stats: report.as_ref() })?;
    }
    if summary.interrupted {
        let out = args.output.as_ref().map_or("the output".into(), |p| p.display().to_string());
        let last = summary.last_id.as_deref().unwrap_or("none");
        eprintln!(
            "byline: interrupted after {} articles; {out} is complete up to the last one written (id {last})",
            summary.records
        );
        return Ok(EXIT_INTERRUPTED);
    }
    if summary.errors > 0 && !args.allow_errors {
        return Ok(EXIT_FAILURES);
    }
    Ok(EXIT_OK)
}
