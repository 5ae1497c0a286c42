//! Ctrl-C: the first one stops reading and lets the articles in flight finish and be written;
//! a second one exits at once.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// Installs the handler and returns the flag it sets.
pub fn install() -> Arc<AtomicBool> {
    let stop = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&stop);
    let installed = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            eprintln!("\nbyline: interrupted again, exiting now (the last output line may be incomplete)");
            std::process::exit(130);
        }
        eprintln!("\nbyline: interrupted; finishing the articles in flight (Ctrl-C again to quit at once)");
    });
    if let Err(e) = installed {
        eprintln!("byline: warning: cannot catch Ctrl-C ({e}); an interrupted run may end mid-line");
    }
    stop
}
