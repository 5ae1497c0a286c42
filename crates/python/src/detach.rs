//! The one way real work runs: Python inputs already extracted, the GIL released, panics caught,
//! and parallel work on a rayon pool that survives `fork()`.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::prelude::*;
use rayon::{ThreadPool, ThreadPoolBuilder};

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
        Err(payload) => {
            let what = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".into());
            Err(InternalError::new_err(format!("byline panicked: {what}")))
        }
    })
}

/// Thread pools keyed by size, for the process that built them.
///
/// A forked child inherits the parent's pool structures but not its threads, so work sent to
/// them would never run. Keying the pools by process id makes the child build its own; the
/// parent's, whose threads do not exist in the child, are leaked rather than torn down.
struct Pools {
    pid: u32,
    by_size: HashMap<usize, Arc<ThreadPool>>,
}

fn pools() -> &'static Mutex<Pools> {
    static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
    POOLS.get_or_init(|| Mutex::new(Pools { pid: std::process::id(), by_size: HashMap::new() }))
}

/// The pool for `threads` workers (all cores when `None`), built once per process and size.
pub fn pool(threads: Option<usize>) -> PyResult<Arc<ThreadPool>> {
    let size = match threads {
        Some(0) => return Err(InvalidOptionError::new_err("threads must be at least 1")),
        Some(n) => n,
        None => std::thread::available_parallelism().map_or(1, |n| n.get()),
    };
    let mut pools = pools().lock().unwrap_or_else(|e| e.into_inner());
    let pid = std::process::id();
    if pools.pid != pid {
        std::mem::forget(std::mem::take(&mut pools.by_size));
        pools.pid = pid;
    }
    if let Some(p) = pools.by_size.get(&size) {
        return Ok(Arc::clone(p));
    }
    let built = ThreadPoolBuilder::new()
        .num_threads(size)
        .thread_name(|i| format!("byline-{i}"))
        .build()
        .map_err(|e| InternalError::new_err(format!("cannot start {size} threads: {e}")))?;
    let built = Arc::new(built);
    pools.by_size.insert(size, Arc::clone(&built));
    Ok(built)
}
