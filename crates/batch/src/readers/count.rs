//! Counting the bytes read, for progress reports.

use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// A shared count of bytes read, cheap to clone and to read from another thread.
#[derive(Clone, Debug, Default)]
pub struct ByteCounter(Arc<AtomicU64>);

impl ByteCounter {
    /// Bytes read so far.
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    fn add(&self, n: usize) {
        self.0.fetch_add(n as u64, Ordering::Relaxed);
    }
}

/// A reader that adds what it reads to a [`ByteCounter`].
pub(crate) struct Counting<R> {
    inner: R,
    counter: ByteCounter,
}

impl<R> Counting<R> {
    pub(crate) fn new(inner: R, counter: &ByteCounter) -> Counting<R> {
        Counting { inner, counter: counter.clone() }
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.counter.add(n);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_is_read() {
        let counter = ByteCounter::default();
        let mut r = Counting::new(&b"hello world"[..], &counter);
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        assert_eq!(counter.get(), 11);
    }
}
