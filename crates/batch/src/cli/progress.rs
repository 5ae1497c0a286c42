//! The progress bar on standard error: shown only on a terminal, and never with --quiet.

use std::io::IsTerminal;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::readers::ByteCounter;

/// Refresh the message every this many articles (the bar redraws at most 10 times a second anyway).
const EVERY: u64 = 64;

pub struct Progress {
    bar: Option<ProgressBar>,
    counter: ByteCounter,
}

impl Progress {
    /// A bar over `total` input bytes (a spinner when unknown), if standard error is a terminal.
    pub fn new(show: bool, total: impl FnOnce() -> u64, counter: ByteCounter) -> Progress {
        let bar = (show && std::io::stderr().is_terminal()).then(|| {
            let total = total();
            let (bar, template) = if total > 0 {
                (ProgressBar::new(total), "{elapsed_precise} [{wide_bar}] {bytes}/{total_bytes} ({eta}) {msg}")
            } else {
                (ProgressBar::new_spinner(), "{spinner} {elapsed_precise} {bytes} read {msg}")
            };
            bar.set_style(ProgressStyle::with_template(template).expect("valid template").progress_chars("=> "));
            bar.set_draw_target(ProgressDrawTarget::stderr_with_hz(10));
            bar.enable_steady_tick(Duration::from_millis(200));
            bar
        });
        Progress { bar, counter }
    }

    /// Records that `articles` records are done, `errors` of them failed.
    pub fn update(&self, articles: u64, errors: u64) {
        if let Some(bar) = &self.bar {
            bar.set_position(self.counter.get());
            if articles % EVERY == 1 {
                bar.set_message(format!("{articles} articles, {errors} errors"));
            }
        }
    }

    /// Prints a line above the bar.
    pub fn println(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    /// Removes the bar.
    pub fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
