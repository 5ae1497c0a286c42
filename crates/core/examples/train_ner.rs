//! Trains the entity tagger on openly licensed data and writes `data/entities/tagger.bin`.
//!
//! ```text
//! BYLINE_SHARED_DATA=/path/to/shared/data cargo run --release -p byline-core --example train_ner
//! ```
//!
//! Training data (see NOTICE): GUM train (`ner/gum_train.jsonl`, CC BY 4.0 annotations over CC BY /
//! CC BY-SA texts) and the Broad Twitter Corpus train split (`ner/btc/train.jsonl`, CC BY 4.0).
//! GUM dev is scored after training (raw tagger spans, before the entity stage's clean-up).
//! Deterministic: documents are shuffled with a fixed seed.

use std::path::{Path, PathBuf};

use byline_core::entities::features::Prepared;
use byline_core::entities::lexicon::Lexicon;
use byline_core::entities::tagger::{gold_tags, tag, Model, Trainer};
use byline_core::Span;
use serde_json::Value;

struct Doc {
    text: String,
    sentence_starts: Vec<usize>,
    names: Vec<(usize, usize, usize)>,
}

/// Tagger kinds: PER, ORG, LOC, MISC.
fn kind(label: &str) -> Option<usize> {
    Some(match label {
        "PERSON" | "PER" => 0,
        "ORGANIZATION" | "ORG" => 1,
        "PLACE" | "LOC" => 2,
        "EVENT" | "OBJECT" | "ABSTRACT" | "SUBSTANCE" | "ANIMAL" | "PLANT" => 3,
        _ => return None,
    })
}

fn byte_offsets(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}

fn load(path: &Path) -> Vec<Doc> {
    let data = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut docs = Vec::new();
    for line in data.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).expect("JSON line");
        let text = v["text"].as_str().expect("text").to_string();
        let b = byte_offsets(&text);
        let at = |x: &Value| b[x.as_u64().expect("offset") as usize];
        let mut sentence_starts: Vec<usize> =
            v["sentences"].as_array().map(|s| s.iter().map(|p| at(&p[0])).collect()).unwrap_or_default();
        if sentence_starts.is_empty() {
            sentence_starts.push(0);
        }
        let mut names = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            if e["nested"].as_bool() == Some(true) {
                continue;
            }
            if let Some(k) = kind(e["label"].as_str().unwrap_or("")) {
                names.push((at(&e["start"]), at(&e["end"]), k));
            }
        }
        names.sort();
        docs.push(Doc { text, sentence_starts, names });
    }
    docs
}

fn prepare(d: &Doc, lex: &Lexicon) -> Prepared {
    Prepared::new(&d.text, &[Span::new(0, d.text.len())], &d.sentence_starts, lex)
}

/// Spans `(start, end, kind)` of a tag sequence.
fn spans(p: &Prepared, tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for (i, &t) in tags.iter().enumerate() {
        let w = p.words[i].span;
        if t == 0 {
            continue;
        }
        let k = (t as usize - 1) / 2;
        if t % 2 == 0 {
            if let Some(last) = out.last_mut() {
                last.1 = w.end();
                continue;
            }
        }
        out.push((w.start(), w.end(), k));
    }
    out
}

fn score(model: &Model, docs: &[Doc], lex: &Lexicon) {
    let names = ["PER", "ORG", "LOC", "MISC"];
    let mut counts = [[0usize; 3]; 4];
    for d in docs {
        let p = prepare(d, lex);
        let mut tags = Vec::new();
        let mut feats = Vec::new();
        for r in &p.paragraphs {
            tag(model, &d.text, &p, r, &mut feats, &mut tags);
        }
        let pred = spans(&p, &tags);
        for &(s, e, k) in &pred {
            counts[k][1] += 1;
            if d.names.contains(&(s, e, k)) {
                counts[k][0] += 1;
            }
        }
        for &(_, _, k) in &d.names {
            counts[k][2] += 1;
        }
    }
    let (mut tp, mut np, mut ng) = (0, 0, 0);
    for (k, c) in counts.iter().enumerate() {
        let (p, r) = (c[0] as f64 / c[1].max(1) as f64, c[0] as f64 / c[2].max(1) as f64);
        println!("  {:5} P {:.3} R {:.3} F {:.3} (gold {})", names[k], p, r, 2.0 * p * r / (p + r).max(1e-9), c[2]);
        if k < 3 {
            tp += c[0];
            np += c[1];
            ng += c[2];
        }
    }
    let (p, r) = (tp as f64 / np.max(1) as f64, tp as f64 / ng.max(1) as f64);
    println!("  PER+ORG+LOC micro F {:.3}", 2.0 * p * r / (p + r).max(1e-9));
}

fn main() {
    let mut epochs = 10;
    let mut min_weight = 0.05f32;
    let mut btc = true;
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/entities/tagger.bin");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--epochs" => epochs = args.next().and_then(|v| v.parse().ok()).expect("--epochs N"),
            "--min-weight" => min_weight = args.next().and_then(|v| v.parse().ok()).expect("--min-weight X"),
            "--no-btc" => btc = false,
            "--out" => out = PathBuf::from(args.next().expect("--out PATH")),
            _ => panic!("unknown argument {a}"),
        }
    }
    let shared = std::env::var("BYLINE_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"));
    let ner = shared.join("ner");
    let lex = Lexicon::new();
    let mut train = load(&ner.join("gum_train.jsonl"));
    if btc {
        train.extend(load(&ner.join("btc/train.jsonl")));
    }
    let dev = load(&ner.join("gum_dev.jsonl"));
    let prepared: Vec<(Prepared, Vec<Vec<u8>>)> = train
        .iter()
        .map(|d| {
            let p = prepare(d, &lex);
            let gold = p.paragraphs.iter().map(|r| gold_tags(&p, r, &d.names)).collect();
            (p, gold)
        })
        .collect();
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut trainer = Trainer::new();
    for epoch in 0..epochs {
        for i in (1..order.len()).rev() {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            order.swap(i, (seed % (i as u64 + 1)) as usize);
        }
        let (mut n, mut right) = (0, 0);
        for &k in &order {
            let (p, gold) = &prepared[k];
            for (r, g) in p.paragraphs.iter().zip(gold) {
                let (a, b) = trainer.train(&train[k].text, p, r, g);
                n += a;
                right += b;
            }
        }
        println!("epoch {epoch}: {:.4} of {n} candidate words right", right as f64 / n.max(1) as f64);
    }
    let bytes = trainer.finish(min_weight);
    let model = Model::from_bytes(&bytes).expect("fresh model reads back");
    println!("model: {} features, {} bytes", model.len(), bytes.len());
    println!("GUM dev (raw tagger spans):");
    score(&model, &dev, &lex);
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    println!("wrote {}", out.display());
}
