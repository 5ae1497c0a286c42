//! The one hasher of the word tables: every lexicon maps short keys (words, packed words, word
//! keys that already are hashes) and is fixed at build time, so SipHash's defence against chosen
//! keys buys nothing and its setup dominates a lookup.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A folded-multiply hasher (the mixing step of foldhash and aHash): each 8 bytes of input are
/// multiplied into the state as a 128-bit product whose halves are folded together, so every
/// input bit reaches every state bit, the low ones that pick a hash table's bucket included.
#[derive(Clone, Copy)]
pub struct WordHasher(u64);

impl Default for WordHasher {
    fn default() -> WordHasher {
        WordHasher(0x243f_6a88_85a3_08d3)
    }
}

const K: u64 = 0x9e37_79b9_7f4a_7c15;

impl WordHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        let product = u128::from(self.0 ^ word) * u128::from(K);
        self.0 = (product as u64) ^ ((product >> 64) as u64);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            // The length keeps "ab" apart from "ab\0".
            self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }
}

/// A map with [`WordHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;
/// A set with [`WordHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<WordHasher>>;
/// A map keyed by words.
pub(crate) type WordMap<V> = FastMap<String, V>;
/// A set of words.
pub(crate) type WordSet = FastSet<String>;

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash + ?Sized>(value: &T) -> u64 {
        BuildHasherDefault::<WordHasher>::default().hash_one(value)
    }

    #[test]
    fn close_keys_spread_over_buckets() {
        // Keys that differ in one byte anywhere, or in the high half of a packed word, land in
        // different buckets of a small table; so do consecutive integers.
        let buckets = |hashes: Vec<u64>| hashes.iter().map(|h| h & 0x3ff).collect::<FastSet<u64>>().len();
        let words: Vec<String> = (b'a'..=b'z').map(|c| format!("abcdefg{}", c as char)).collect();
        assert!(buckets(words.iter().map(|w| hash(w.as_str())).collect()) >= 24);
        assert!(buckets((0u64..26).map(|n| hash(&(1u128 << 120 | u128::from(n)))).collect()) >= 24);
        assert!(buckets((0u64..512).map(|n| hash(&n)).collect()) > 350);
        assert_ne!(hash("ab"), hash("ab\0"));
    }
}
