//! `byline._byline.cli_main`: the `byline` command line of the batch crate, run in this process
//! for the Python package's `byline` console script.
//!
//! The command line runs on a thread of its own without the GIL; the calling thread waits with
//! the GIL released and looks at Python's signal handlers every 100 ms, so Ctrl-C reaches the
//! run as it does the binary's: the first stops a batch cleanly, a second quits.

use std::ffi::OsString;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::Mutex;
use std::time::Duration;

use byline_batch::cli::{self, Interrupt, OnInterrupt};
use pyo3::exceptions::PyKeyboardInterrupt;
use pyo3::prelude::*;

use crate::detach::{panic_message, without_gil};
use crate::errors::InternalError;

/// How long the waiting thread sleeps between two looks at Python's signal handlers.
const POLL: Duration = Duration::from_millis(100);

/// Runs the ``byline`` command line (``parse``, ``batch``, ``stats``) in this process, as the
/// ``byline`` console script does. It writes to the process's standard output and error.
///
/// Args:
///     argv: The arguments, program name first, as in ``sys.argv``.
///
/// Returns:
///     The exit code: 0 on success, 1 when some articles failed, 2 for a usage error or a run
///     that could not start, 130 when interrupted by Ctrl-C.
///
/// Raises:
///     InternalError: The command line panicked (a bug in byline).
#[pyfunction]
pub fn cli_main(py: Python<'_>, argv: Vec<OsString>) -> PyResult<u8> {
    let interrupt = Interrupt::new();
    let (send, done) = mpsc::channel();
    let run = interrupt.clone();
    let worker = std::thread::Builder::new()
        .name("byline-cli".into())
        .spawn(move || {
            let _ = send.send(cli::main(argv, &run));
        })
        .map_err(|e| InternalError::new_err(format!("cannot start the command line's thread: {e}")))?;
    // A receiver is not `Sync`; the lock lets the GIL-free closure borrow it.
    let done = Mutex::new(done);
    loop {
        match without_gil(py, || Ok(done.lock().unwrap_or_else(|e| e.into_inner()).recv_timeout(POLL)))? {
            Ok(code) => return Ok(code),
            Err(RecvTimeoutError::Disconnected) => {
                let why = worker.join().err().map_or_else(|| "no exit code".into(), |p| panic_message(p.as_ref()));
                return Err(InternalError::new_err(format!("byline panicked: {why}")));
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
        if let Err(e) = py.check_signals() {
            if !e.is_instance_of::<PyKeyboardInterrupt>(py) {
                return Err(e);
            }
            if interrupt.signal() == OnInterrupt::Quit {
                // The run's thread is left to end with the process.
                return Ok(cli::EXIT_INTERRUPTED);
            }
        }
    }
}
