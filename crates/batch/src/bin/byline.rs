//! The `byline` binary: a thin `main` around [`byline_batch::cli`], which the Python package's
//! `byline` console script runs too. This file adds only what belongs to a program of its own:
//! the allocator and the Ctrl-C handler.

use std::process::ExitCode;

use byline_batch::cli::{self, Interrupt, OnInterrupt};

// Many threads allocating many small objects: mimalloc keeps them off each other's locks.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let interrupt = Interrupt::new();
    let on_ctrl_c = interrupt.clone();
    let installed = ctrlc::set_handler(move || {
        if on_ctrl_c.signal() == OnInterrupt::Quit {
            std::process::exit(cli::EXIT_INTERRUPTED.into());
        }
    });
    if let Err(e) = installed {
        eprintln!("byline: warning: cannot catch Ctrl-C ({e}); an interrupted batch may end mid-line");
    }
    ExitCode::from(cli::main(std::env::args_os(), &interrupt))
}
