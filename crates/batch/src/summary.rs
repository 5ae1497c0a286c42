//! The end-of-run summary: records, megabytes, speed, failures.

use std::collections::BTreeMap;
use std::fmt;
use std::time::Instant;

use serde::Serialize;

use crate::process::Processed;
use crate::record::ErrorKind;

/// Counts and timings of one batch run.
#[derive(Clone, Debug, Serialize)]
pub struct Summary {
    /// Records seen: parsed plus failed.
    pub records: u64,
    /// Records parsed into articles.
    pub parsed: u64,
    /// Records that became error records.
    pub errors: u64,
    /// Failures by kind (`invalid_utf8`, `binary`, `too_large`, `read`, `format`, `missing_text`, `timeout`,
    /// `parse`).
    pub errors_by_kind: BTreeMap<&'static str, u64>,
    /// Bytes of article text read.
    pub bytes: u64,
    /// Seconds from the start of the run to the last record.
    pub seconds: f64,
    /// Worker threads.
    pub threads: usize,
    /// The run was stopped (Ctrl-C) before the input ended.
    pub interrupted: bool,
    /// The id of the last record written.
    pub last_id: Option<String>,
    #[serde(skip)]
    started: Instant,
}

impl Summary {
    /// Starts the clock.
    pub fn start(threads: usize) -> Summary {
        Summary {
            records: 0,
            parsed: 0,
            errors: 0,
            errors_by_kind: BTreeMap::new(),
            bytes: 0,
            seconds: 0.0,
            threads,
            interrupted: false,
            last_id: None,
            started: Instant::now(),
        }
    }

    /// Counts one written record.
    pub fn add(&mut self, p: &Processed) {
        self.records += 1;
        self.bytes += p.bytes as u64;
        match &p.error {
            Some(e) => {
                self.errors += 1;
                *self.errors_by_kind.entry(e.kind.as_str()).or_default() += 1;
            }
            None => self.parsed += 1,
        }
        self.last_id.clone_from(&p.id);
        self.seconds = self.started.elapsed().as_secs_f64();
    }

    /// Records per second.
    pub fn records_per_second(&self) -> f64 {
        rate(self.records as f64, self.seconds)
    }

    /// Megabytes (10⁶ bytes) of text per second.
    pub fn mb_per_second(&self) -> f64 {
        rate(self.bytes as f64 / 1e6, self.seconds)
    }
}

fn rate(amount: f64, seconds: f64) -> f64 {
    if seconds > 0.0 {
        amount / seconds
    } else {
        0.0
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} article{} ({:.2} MB) in {:.2} s: {:.0} articles/s, {:.2} MB/s on {} thread{}; {} error{}",
            self.records,
            if self.records == 1 { "" } else { "s" },
            self.bytes as f64 / 1e6,
            self.seconds,
            self.records_per_second(),
            self.mb_per_second(),
            self.threads,
            if self.threads == 1 { "" } else { "s" },
            self.errors,
            if self.errors == 1 { "" } else { "s" },
        )?;
        if self.errors > 0 {
            let kinds: Vec<_> = ErrorKind::ALL
                .iter()
                .filter_map(|k| self.errors_by_kind.get(k.as_str()).map(|n| format!("{n} {}", k.as_str())))
                .collect();
            write!(f, " ({})", kinds.join(", "))?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ErrorRecord;

    fn processed(id: &str, bytes: usize, error: Option<ErrorKind>) -> Processed {
        Processed {
            id: Some(id.into()),
            bytes,
            json: Vec::new(),
            error: error.map(|k| ErrorRecord::new(Some(id.into()), k, "x")),
            rows: None,
            group: None,
        }
    }

    #[test]
    fn counts_add_up() {
        let mut s = Summary::start(2);
        s.add(&processed("a", 1000, None));
        s.add(&processed("b", 0, Some(ErrorKind::Binary)));
        s.add(&processed("c", 500, Some(ErrorKind::InvalidUtf8)));
        assert_eq!((s.records, s.parsed, s.errors, s.bytes), (3, 1, 2, 1500));
        assert_eq!(s.last_id.as_deref(), Some("c"));
        let text = s.to_string();
        assert!(text.starts_with("3 articles (0.00 MB) in "), "{text}");
        assert!(text.ends_with("on 2 threads; 2 errors (1 invalid_utf8, 1 binary)"), "{text}");
    }
}
