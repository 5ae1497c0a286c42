//! A time budget for one parse ([`Config::timeout`](crate::Config)): checked between stages and in
//! the stages' per-paragraph loops, so a runaway article stops with an error instead of holding a
//! worker. Nothing is interrupted from outside; the check is one clock read.

use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// When the current parse must stop, if ever.
#[derive(Clone, Copy, Debug, Default)]
pub struct Deadline {
    at: Option<(Instant, Duration)>,
}

impl Deadline {
    /// A deadline `budget` from now; `None` never expires.
    pub fn after(budget: Option<Duration>) -> Deadline {
        Deadline { at: budget.map(|b| (Instant::now() + b, b)) }
    }

    /// True once the time is up (a stage's loop stops early; [`Deadline::check`] then fails).
    #[inline]
    pub fn expired(&self) -> bool {
        self.at.is_some_and(|(at, _)| Instant::now() >= at)
    }

    /// Fails with [`Error::Timeout`] naming `stage` once the time is up.
    pub fn check(&self, stage: &'static str) -> Result<()> {
        match self.at {
            Some((_, budget)) if self.expired() => {
                Err(Error::Timeout { limit_ms: budget.as_millis().try_into().unwrap_or(u64::MAX), stage })
            }
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_budget_never_expires_and_a_spent_one_fails() {
        assert!(Deadline::after(None).check("layout").is_ok());
        assert!(Deadline::after(Some(Duration::from_secs(3600))).check("layout").is_ok());
        let spent = Deadline::after(Some(Duration::ZERO));
        assert!(spent.expired());
        assert_eq!(spent.check("quotes"), Err(Error::Timeout { limit_ms: 0, stage: "quotes" }));
    }
}
