//! The one way real work runs: Python inputs already extracted, the GIL released, panics caught,
//! and parallel work on the batch engine's pipeline, which survives `fork()`.

use std::any::Any;
use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};

use byline_batch::Pipeline;
use pyo3::prelude::*;

use crate::errors::{InternalError, InvalidOptionError};

/// Runs `f` with the GIL released, so other Python threads keep running. A panic becomes an
/// `InternalError` instead of pyo3's `PanicException`.
pub fn without_gil<T, F>(py: Python<'_>, f: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce() -> PyResult<T> + Send,
{
    py.detach(|| match catch_unwind(AssertUnwindSafe(f)) {
        Ok(result) => result,
        Err(payload) => Err(InternalError::new_err(format!("byline panicked: {}", panic_message(payload.as_ref())))),
    })
}

/// What a panic said, from its payload.
pub fn panic_message(payload: &(dyn Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into())
}

/// Batch pipelines keyed by thread count, for the process that built them.
///
/// A forked child inherits the parent's pools but not their threads, so work sent to them would
/// never run. Keying the pipelines by process id makes the child build its own; the parent's,
/// whose threads do not exist in the child, are leaked rather than torn down.
struct Pipelines {
    pid: u32,
    by_threads: HashMap<usize, Arc<Pipeline>>,
}

fn pipelines() -> &'static Mutex<Pipelines> {
    static PIPELINES: OnceLock<Mutex<Pipelines>> = OnceLock::new();
    PIPELINES.get_or_init(|| Mutex::new(Pipelines { pid: std::process::id(), by_threads: HashMap::new() }))
}

/// The batch engine's pipeline with `threads` workers (all cores when `None`), built once per
/// process and thread count.
pub fn pipeline(threads: Option<usize>) -> PyResult<Arc<Pipeline>> {
    let n = match threads {
        Some(0) => return Err(InvalidOptionError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut cache = pipelines().lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if cache.pid != pid {
        std::mem::forget(std::mem::take(&mut cache.by_threads));
        cache.pid = pid;
    }
    if let Some(p) = cache.by_threads.get(&n) {
        return Ok(Arc::clone(p));
    }
    let built = Pipeline::builder()
        .threads(n)
        .build()
        .map_err(|e| InternalError::new_err(format!("cannot start {n} threads: {e}")))?;
    let built = Arc::new(built);
    cache.by_threads.insert(n, Arc::clone(&built));
    Ok(built)
}
