//! A greedy averaged-perceptron tagger over candidate words only.
//!
//! Words that cannot start or continue a name (lower-case words other than joiners, numbers,
//! punctuation) are `O` without being scored, so the cost is a few hash look-ups per capitalised
//! word. The model is a table of hashed feature ids and their `i16` weights, embedded in the
//! crate (`data/entities/tagger.bin`) and trained by `examples/train_ner.rs`.

use std::collections::HashMap;
use std::ops::Range;

use crate::entities::features::{begin, features, inside, is_inside, kind_of, Candidate, Prepared, O, TAGS};

const MAGIC: &[u8; 8] = b"BYLNER01";

/// The trained weights.
#[derive(Debug, Clone)]
pub struct Model {
    /// Open-addressing table of feature ids (0 is empty) with their weights inline, so a
    /// look-up touches one cache line.
    slots: Vec<Slot>,
    mask: usize,
    len: usize,
}

#[derive(Debug, Clone, Copy, Default)]
struct Slot {
    id: u32,
    w: [i16; TAGS],
}

/// Why a model file could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ModelError(pub String);

impl Model {
    /// An empty model (every candidate scores zero and is tagged `O`).
    pub fn empty() -> Model {
        Model { slots: vec![Slot::default(); 2], mask: 1, len: 0 }
    }

    /// Reads a model written by [`Model::to_bytes`].
    pub fn from_bytes(b: &[u8]) -> Result<Model, ModelError> {
        let err = |m: &str| ModelError(m.to_string());
        if b.len() < 16 || &b[..8] != MAGIC {
            return Err(err("not a byline tagger model"));
        }
        let tags = u32::from_le_bytes(b[8..12].try_into().expect("4 bytes")) as usize;
        let n = u32::from_le_bytes(b[12..16].try_into().expect("4 bytes")) as usize;
        if tags != TAGS {
            return Err(err("model has a different tag set"));
        }
        let body = &b[16..];
        if body.len() != n * 4 + n * TAGS * 2 {
            return Err(err("model file is truncated"));
        }
        let (ids, ws) = body.split_at(n * 4);
        let cap = (n * 2).next_power_of_two().max(2);
        let mut m = Model { slots: vec![Slot::default(); cap], mask: cap - 1, len: n };
        for (chunk, w) in ids.chunks_exact(4).zip(ws.chunks_exact(2 * TAGS)) {
            let id = u32::from_le_bytes(chunk.try_into().expect("4 bytes"));
            let w: [i16; TAGS] = std::array::from_fn(|t| i16::from_le_bytes([w[2 * t], w[2 * t + 1]]));
            m.insert(id, w);
        }
        Ok(m)
    }

    /// Serialises the model.
    pub fn to_bytes(ids: &[u32], weights: &[[i16; TAGS]]) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + ids.len() * (4 + 2 * TAGS));
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(TAGS as u32).to_le_bytes());
        out.extend_from_slice(&(ids.len() as u32).to_le_bytes());
        for id in ids {
            out.extend_from_slice(&id.to_le_bytes());
        }
        for w in weights {
            for x in w {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        out
    }

    fn insert(&mut self, id: u32, w: [i16; TAGS]) {
        let id = id.max(1);
        let mut k = hash_slot(id) & self.mask;
        while self.slots[k].id != 0 && self.slots[k].id != id {
            k = (k + 1) & self.mask;
        }
        self.slots[k] = Slot { id, w };
    }

    #[inline]
    fn get(&self, id: u32) -> Option<&[i16; TAGS]> {
        let id = id.max(1);
        let mut k = hash_slot(id) & self.mask;
        loop {
            let slot = &self.slots[k];
            match slot.id {
                0 => return None,
                x if x == id => return Some(&slot.w),
                _ => k = (k + 1) & self.mask,
            }
        }
    }

    /// Adds up the weights of `feats`.
    #[inline]
    pub fn scores(&self, feats: &[u32]) -> [i32; TAGS] {
        let mut s = [0i32; TAGS];
        for &f in feats {
            if let Some(w) = self.get(f) {
                for (a, &b) in s.iter_mut().zip(w) {
                    *a += i32::from(b);
                }
            }
        }
        s
    }

    /// Number of features in the model.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True for a model without features.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
}

#[inline]
fn hash_slot(id: u32) -> usize {
    (id.wrapping_mul(0x9e37_79b9) >> 7) as usize ^ id as usize
}

/// Which tags may follow `prev` at a word of this candidate kind.
#[inline]
pub fn allowed(cand: Candidate, prev: u8, tag: u8) -> bool {
    match cand {
        Candidate::No => tag == O,
        Candidate::Connector => tag == O || (prev != O && is_inside(tag) && kind_of(tag) == kind_of(prev)),
        Candidate::Name => !is_inside(tag) || (prev != O && kind_of(tag) == kind_of(prev)),
    }
}

/// The best allowed tag for the scores.
#[inline]
pub fn best<S: PartialOrd + Copy>(scores: &[S; TAGS], cand: Candidate, prev: u8) -> u8 {
    let mut best = O;
    let mut best_score = scores[0];
    for t in 1..TAGS as u8 {
        if allowed(cand, prev, t) && scores[t as usize] > best_score {
            best = t;
            best_score = scores[t as usize];
        }
    }
    best
}

/// Tags one paragraph's words, left to right. Only where a name can be: a word with no
/// upper-case letter that joins no two candidates ([`Candidate::No`]) is `O` without features
/// or scores, which is most of the words of an article.
pub fn tag(model: &Model, text: &str, p: &Prepared, r: &Range<usize>, feats: &mut Vec<u32>, tags: &mut Vec<u8>) {
    let (mut prev, mut prev2) = (O, O);
    for i in r.clone() {
        let cand = p.info[i].candidate;
        if p.info[i].sent_start {
            // Names do not cross sentences.
            (prev, prev2) = (O, O);
        }
        let t = if cand == Candidate::No {
            O
        } else {
            feats.clear();
            features(text, p, r, i, prev, prev2, feats);
            best(&model.scores(feats), cand, prev)
        };
        tags.push(t);
        prev2 = prev;
        prev = t;
    }
}

/// Gold tags of a paragraph's words from gold name spans (`(start, end, kind)` in bytes, sorted).
/// A name that starts on a word the tagger does not look at begins at its first candidate word.
pub fn gold_tags(p: &Prepared, r: &Range<usize>, names: &[(usize, usize, usize)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(r.len());
    let mut prev = O;
    for i in r.clone() {
        let w = p.words[i].span;
        let hit = names.iter().find(|&&(s, e, _)| s <= w.start() && w.start() < e);
        let t = match hit {
            Some(&(s, _, kind)) if p.info[i].candidate != Candidate::No => {
                let continues = s < w.start() && prev != O && kind_of(prev) == kind;
                if continues {
                    inside(kind)
                } else {
                    begin(kind)
                }
            }
            _ => O,
        };
        out.push(t);
        prev = t;
    }
    out
}

/// Trains a `Model`: the averaged perceptron, tags predicted left to right as in `tag`.
#[derive(Default)]
pub struct Trainer {
    weights: HashMap<u32, Entry>,
    step: u64,
}

#[derive(Clone, Default)]
struct Entry {
    w: [f32; TAGS],
    total: [f64; TAGS],
    stamp: [u64; TAGS],
}

impl Trainer {
    /// A trainer with no weights.
    pub fn new() -> Trainer {
        Trainer::default()
    }

    fn scores(&self, feats: &[u32]) -> [f32; TAGS] {
        let mut s = [0f32; TAGS];
        for f in feats {
            if let Some(e) = self.weights.get(f) {
                for (a, b) in s.iter_mut().zip(e.w) {
                    *a += b;
                }
            }
        }
        s
    }

    fn update(&mut self, feats: &[u32], gold: u8, guess: u8) {
        let step = self.step;
        for &f in feats {
            let e = self.weights.entry(f).or_default();
            for (t, delta) in [(gold, 1.0f32), (guess, -1.0)] {
                let t = t as usize;
                e.total[t] += (step - e.stamp[t]) as f64 * f64::from(e.w[t]);
                e.stamp[t] = step;
                e.w[t] += delta;
            }
        }
    }

    /// One pass over a paragraph with its gold tags. Returns the number of candidate words
    /// and how many were tagged right.
    pub fn train(&mut self, text: &str, p: &Prepared, r: &Range<usize>, gold: &[u8]) -> (usize, usize) {
        let mut feats = Vec::new();
        let (mut prev, mut prev2) = (O, O);
        let (mut n, mut right) = (0, 0);
        for (k, i) in r.clone().enumerate() {
            let cand = p.info[i].candidate;
            if p.info[i].sent_start {
                (prev, prev2) = (O, O);
            }
            let t = if cand == Candidate::No {
                O
            } else {
                self.step += 1;
                feats.clear();
                features(text, p, r, i, prev, prev2, &mut feats);
                let guess = best(&self.scores(&feats), cand, prev);
                let g = gold[k];
                n += 1;
                if guess == g {
                    right += 1;
                } else if allowed(cand, prev, g) {
                    self.update(&feats, g, guess);
                }
                guess
            };
            prev2 = prev;
            prev = t;
        }
        (n, right)
    }

    /// The averaged weights.
    pub fn averaged(self) -> HashMap<u32, [f32; TAGS]> {
        let step = self.step.max(1);
        self.weights
            .into_iter()
            .map(|(id, e)| {
                let a: [f32; TAGS] = std::array::from_fn(|t| {
                    let total = e.total[t] + (step - e.stamp[t]) as f64 * f64::from(e.w[t]);
                    (total / step as f64) as f32
                });
                (id, a)
            })
            .collect()
    }
}

/// Drops features whose weights all stay below `min_weight`, quantises the rest to `i16` and
/// serialises the model.
pub fn quantise(weights: HashMap<u32, [f32; TAGS]>, min_weight: f32) -> Vec<u8> {
    let mut avg: Vec<(u32, [f32; TAGS])> =
        weights.into_iter().filter(|(_, a)| a.iter().any(|x| x.abs() >= min_weight)).collect();
    avg.sort_by_key(|&(id, _)| id);
    let max = avg.iter().flat_map(|(_, a)| a.iter()).fold(0f32, |m, x| m.max(x.abs())).max(1e-6);
    let scale = 32000.0 / max;
    let ids: Vec<u32> = avg.iter().map(|&(id, _)| id).collect();
    let ws: Vec<[i16; TAGS]> = avg.iter().map(|(_, a)| a.map(|x| (x * scale).round() as i16)).collect();
    Model::to_bytes(&ids, &ws)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints() {
        assert!(allowed(Candidate::Name, O, begin(0)));
        assert!(!allowed(Candidate::Name, O, inside(0)));
        assert!(allowed(Candidate::Name, begin(1), inside(1)));
        assert!(!allowed(Candidate::Name, begin(1), inside(2)));
        assert!(!allowed(Candidate::Connector, O, begin(0)));
        assert!(allowed(Candidate::Connector, inside(1), inside(1)));
        assert!(allowed(Candidate::No, begin(1), O) && !allowed(Candidate::No, begin(1), inside(1)));
    }

    #[test]
    fn model_roundtrip() {
        let ids = [5u32, 9, 0];
        let ws = [[1i16; TAGS], [2; TAGS], [3; TAGS]];
        let m = Model::from_bytes(&Model::to_bytes(&ids, &ws)).unwrap();
        assert_eq!(m.len(), 3);
        assert_eq!(m.scores(&[5, 9, 7])[0], 3);
        assert_eq!(m.scores(&[0])[4], 3);
        assert!(Model::from_bytes(b"junk").is_err());
        let mut bytes = Model::to_bytes(&ids, &ws);
        bytes.pop();
        assert!(Model::from_bytes(&bytes).is_err());
    }
}
