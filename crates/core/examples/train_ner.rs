//! Trains the entity tagger on openly licensed data and writes `data/entities/tagger.bin`.
//!
//! ```text
//! BYLINE_SHARED_DATA=/path/to/shared/data cargo run --release -p byline-core --example train_ner
//! ```
//!
//! Training data (see NOTICE): GUM train (`ner/gum_train.jsonl`, CC BY 4.0 annotations over CC BY /
//! CC BY-SA texts) and the Broad Twitter Corpus train split (`ner/btc/train.jsonl`, CC BY 4.0).
//! The dev sets (GUM, UNER EWT, BTC) are scored after training, through the whole entity stage
//! (sentence starts from the data), as a quick check; `eval/ner.py` is the full evaluation.
//! Deterministic: documents are shuffled with fixed seeds. The model is the average of
//! `--runs` perceptrons (default 5), each trained for `--epochs` passes (default 10).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use byline_core::internals::EntityLexicon as Lexicon;
use byline_core::internals::EntityRecognizer;
use byline_core::internals::EntityWords as Prepared;
use byline_core::internals::ENTITY_TAGS as TAGS;
use byline_core::internals::{gold_tags, quantise, TaggerModel as Model, Trainer};
use byline_core::internals::{Segmenter, Token};
use byline_core::{Label, Span};
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

/// The segmenter's tokens of a whole document, read as one paragraph.
fn tokens(seg: &Segmenter, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    seg.tokenize(text, Span::new(0, text.len()), &mut out);
    out
}

fn prepare(d: &Doc, seg: &Segmenter, lex: &Lexicon) -> Prepared {
    Prepared::new(&d.text, &tokens(seg, &d.text), &[Span::new(0, d.text.len())], &d.sentence_starts, lex)
}

/// Exact-span scores of the whole entity stage on a dev set, labels mapped to PER/ORG/LOC.
fn score(name: &str, rec: &EntityRecognizer, seg: &Segmenter, docs: &[Doc]) -> f64 {
    let labels = ["PER", "ORG", "LOC"];
    let mut counts = [[0usize; 3]; 3];
    for d in docs {
        let ents = rec.entities(&d.text, &tokens(seg, &d.text), &[Span::new(0, d.text.len())], &d.sentence_starts);
        let mut pred = Vec::new();
        for e in &ents {
            let k = match e.label {
                Label::Person => 0,
                Label::Org => 1,
                Label::Gpe | Label::Loc => 2,
                _ => continue,
            };
            pred.extend(e.mentions.iter().map(|m| (m.span.start(), m.span.end(), k)));
        }
        for &(s, e, k) in &pred {
            counts[k][1] += 1;
            counts[k][0] += usize::from(d.names.contains(&(s, e, k)));
        }
        for &(_, _, k) in d.names.iter().filter(|n| n.2 < 3) {
            counts[k][2] += 1;
        }
    }
    let f1 = |c: [usize; 3]| {
        let (p, r) = (c[0] as f64 / c[1].max(1) as f64, c[0] as f64 / c[2].max(1) as f64);
        (p, r, 2.0 * p * r / (p + r).max(1e-9))
    };
    let mut line = format!("{name:8}");
    for (k, c) in counts.iter().enumerate() {
        line += &format!(" {} {:.3}", labels[k], f1(*c).2);
    }
    let micro = [0, 1, 2].map(|i| counts.iter().map(|c| c[i]).sum());
    let (p, r, f) = f1(micro);
    println!("{line}  micro P {p:.3} R {r:.3} F {f:.3}");
    f
}

fn main() {
    let mut epochs = 10;
    let mut runs = 5;
    let mut min_weight = 0.05f32;
    let mut btc = true;
    let mut out = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("data/entities/tagger.bin");
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--epochs" => epochs = args.next().and_then(|v| v.parse().ok()).expect("--epochs N"),
            "--runs" => runs = args.next().and_then(|v| v.parse().ok()).expect("--runs N"),
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
    let seg = Segmenter::new();
    let mut train = load(&ner.join("gum_train.jsonl"));
    if btc {
        train.extend(load(&ner.join("btc/train.jsonl")));
    }
    let devs = [
        ("GUM", load(&ner.join("gum_dev.jsonl"))),
        ("UNER", load(&ner.join("uner_ewt_dev.jsonl"))),
        ("BTC", load(&ner.join("btc/dev.jsonl"))),
    ];
    let prepared: Vec<(Prepared, Vec<Vec<u8>>)> = train
        .iter()
        .map(|d| {
            let p = prepare(d, &seg, &lex);
            let gold = p.paragraphs.iter().map(|r| gold_tags(&p, r, &d.names)).collect();
            (p, gold)
        })
        .collect();
    // Several perceptrons, each over its own shuffles, averaged: steadier than any one of them.
    let mut sum: HashMap<u32, [f32; TAGS]> = HashMap::new();
    for run in 0..runs {
        let mut order: Vec<usize> = (0..train.len()).collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64 ^ (run as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
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
            if epoch + 1 == epochs {
                println!(
                    "run {run}: {:.4} of {n} candidate words right in the last epoch",
                    right as f64 / n.max(1) as f64
                );
            }
        }
        for (id, w) in trainer.averaged() {
            let acc = sum.entry(id).or_insert([0.0; TAGS]);
            for (a, x) in acc.iter_mut().zip(w) {
                *a += x / runs as f32;
            }
        }
    }
    let bytes = quantise(sum, min_weight);
    let model = Model::from_bytes(&bytes).expect("fresh model reads back");
    println!("model: {} features, {} bytes", model.len(), bytes.len());
    let rec = EntityRecognizer::with_model(&bytes).expect("fresh model reads back");
    println!("dev sets, whole entity stage, exact spans:");
    for (name, docs) in &devs {
        score(name, &rec, &seg, docs);
    }
    std::fs::write(&out, &bytes).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
    println!("wrote {}", out.display());
}
