//! The `byline` command line: `parse` one article, `batch` a corpus, `stats` over batch output.

// Doc comments on the arguments are `--help` text for people, not rustdoc markup.
#![allow(rustdoc::invalid_html_tags, rustdoc::broken_intra_doc_links)]

mod args;
mod batch;
mod interrupt;
mod parse;
mod progress;
mod sink;
mod stats;

use std::process::ExitCode;

use clap::Parser as _;

// Many threads allocating many small objects: mimalloc keeps them off each other's locks.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = args::Cli::parse();
    let result = match cli.command {
        args::Command::Parse(a) => parse::run(&a),
        args::Command::Batch(a) => batch::run(&a),
        args::Command::Stats(a) => stats::run(&a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("byline: {e}");
            ExitCode::from(2)
        }
    }
}

/// Errors that end a command early (exit code 2). Per-article failures are not errors here:
/// they become error records.
type Fatal = Box<dyn std::error::Error>;
