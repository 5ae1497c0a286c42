//! Where processed records go, in order, on the writer thread: the JSON Lines output, the
//! tables, the aggregates, the summary, the progress bar and the error messages.

use std::io;

use super::progress::Progress;
use crate::writers::{JsonlWriter, TablesWriter};
use crate::{Processed, Stats, Summary};

/// Without --verbose, only the first failures are reported one by one.
const ERRORS_SHOWN: u64 = 10;

pub struct Sink {
    pub out: JsonlWriter,
    pub tables: Option<TablesWriter>,
    pub stats: Option<Stats>,
    pub summary: Summary,
    pub progress: Progress,
    pub quiet: bool,
    pub verbose: bool,
}

impl Sink {
    pub fn write(&mut self, mut p: Processed) -> io::Result<()> {
        self.out.write_line(&p.json)?;
        self.summary.add(&p);
        if let Some(e) = &p.error {
            self.report_error(e.id.as_deref().unwrap_or("?"), &e.error);
        }
        if let Some(rows) = p.rows.take() {
            if let Some(stats) = &mut self.stats {
                stats.add_with_field(&rows, p.group.as_deref());
            }
            if let Some(tables) = &mut self.tables {
                tables.write(rows)?;
            }
        }
        self.progress.update(self.summary.records, self.summary.errors);
        Ok(())
    }

    fn report_error(&self, id: &str, error: &str) {
        let n = self.summary.errors;
        if self.quiet || (!self.verbose && n > ERRORS_SHOWN) {
            return;
        }
        self.progress.println(&format!("byline: {id}: {error}"));
        if !self.verbose && n == ERRORS_SHOWN {
            self.progress.println("byline: further failures are counted but not shown (--verbose shows them)");
        }
    }

    /// Flushes and closes every output; returns the summary and the aggregates.
    pub fn finish(self) -> io::Result<(Summary, Option<Stats>)> {
        self.progress.finish();
        self.out.finish()?;
        if let Some(tables) = self.tables {
            tables.finish()?;
        }
        Ok((self.summary, self.stats))
    }
}
