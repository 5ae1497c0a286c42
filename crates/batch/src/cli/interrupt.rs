//! Ctrl-C. During a batch, the first one stops reading and lets the articles in flight finish and
//! be written; a second one quits at once. Outside a batch, Ctrl-C quits at once.
//!
//! The command line does not install a signal handler itself: whoever runs it (the binary, or
//! the Python console script, where Python owns the signal handlers) calls
//! [`Interrupt::signal`] when the user presses Ctrl-C and does what it answers.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

/// What the caller of [`Interrupt::signal`] must do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnInterrupt {
    /// Nothing more: the batch stops reading and finishes the articles in flight, then returns
    /// exit code 130.
    Finish,
    /// End the run now with exit code 130 ([`super::EXIT_INTERRUPTED`]).
    Quit,
}

/// The Ctrl-C state of one run, shared between the run and whoever watches for Ctrl-C.
#[derive(Clone, Debug, Default)]
pub struct Interrupt {
    inner: Arc<State>,
}

#[derive(Debug, Default)]
struct State {
    /// A batch is running and can stop cleanly.
    armed: AtomicBool,
    /// Ctrl-C was pressed during the batch.
    stopped: AtomicBool,
}

impl Interrupt {
    /// A fresh state: nothing interrupted yet.
    pub fn new() -> Interrupt {
        Interrupt::default()
    }

    /// Records one Ctrl-C and says what to do about it (printing a line for the user).
    pub fn signal(&self) -> OnInterrupt {
        if !self.inner.armed.load(Ordering::SeqCst) {
            return OnInterrupt::Quit;
        }
        if self.inner.stopped.swap(true, Ordering::SeqCst) {
            eprintln!("\nbyline: interrupted again, exiting now (the last output line may be incomplete)");
            return OnInterrupt::Quit;
        }
        eprintln!("\nbyline: interrupted; finishing the articles in flight (Ctrl-C again to quit at once)");
        OnInterrupt::Finish
    }

    /// From now on, Ctrl-C stops the run cleanly instead of quitting.
    pub(crate) fn arm(&self) {
        self.inner.armed.store(true, Ordering::SeqCst);
    }

    /// True once Ctrl-C was pressed during the armed run.
    pub(crate) fn stopped(&self) -> bool {
        self.inner.stopped.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quits_unless_a_batch_can_stop_cleanly() {
        let i = Interrupt::new();
        assert_eq!(i.signal(), OnInterrupt::Quit);
        assert!(!i.stopped());
        i.arm();
        assert_eq!(i.clone().signal(), OnInterrupt::Finish);
        assert!(i.stopped());
        assert_eq!(i.signal(), OnInterrupt::Quit);
    }
}
