//! The `byline` command line: `parse` one article, `batch` a corpus, `stats` over batch output.
//!
//! It lives here, in the library, so that the `byline` binary and the Python package's `byline`
//! console script run the same code: each is a thin `main` that hands over its arguments and
//! tells [`Interrupt`] when the user presses Ctrl-C (the binary from a signal handler, Python
//! from its own signal machinery).
//!
//! ```
//! use byline_batch::cli::{self, Interrupt};
//!
//! let code = cli::main(["byline", "parse", "--published", "not-a-date", "article.txt"], &Interrupt::new());
//! assert_eq!(code, 2); // a usage error, as `byline` itself exits with
//! ```

mod args;
mod batch;
mod hints;
mod interrupt;
mod parse;
mod progress;
mod sink;
mod stats;

use std::ffi::OsString;

use clap::Parser as _;

pub use interrupt::{Interrupt, OnInterrupt};

/// Exit code: success.
pub const EXIT_OK: u8 = 0;
/// Exit code: some articles failed (`batch` without `--allow-errors`), or `stats` read lines
/// that are not `byline batch` output.
pub const EXIT_FAILURES: u8 = 1;
/// Exit code: a usage error, or the run could not start or finish (a missing input, an
/// unwritable output).
pub const EXIT_FATAL: u8 = 2;
/// Exit code: stopped by Ctrl-C (128 + SIGINT, as shells report it).
pub const EXIT_INTERRUPTED: u8 = 130;

/// Runs the command line on `args` (the program name first, as `std::env::args_os` gives them)
/// and returns the exit code. Output goes to standard output and standard error; `--help`,
/// `--version` and usage errors print what `clap` prints and return 0 or [`EXIT_FATAL`].
pub fn main<I, T>(args: I, interrupt: &Interrupt) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match args::Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version go to standard output and are not failures.
            let _ = e.print();
            return if e.use_stderr() { EXIT_FATAL } else { EXIT_OK };
        }
    };
    let result = match &cli.command {
        args::Command::Parse(a) => parse::run(a),
        args::Command::Batch(a) => batch::run(a, interrupt),
        args::Command::Stats(a) => stats::run(a),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("byline: {e}");
            EXIT_FATAL
        }
    }
}

/// Errors that end a command early (exit code 2). Per-article failures are not errors here:
/// they become error records.
type Fatal = Box<dyn std::error::Error>;
