//! Measures how the time grammar's atoms differ from the segmenter's tokens on TempEval-3: how
//! many gold time expressions start or end inside a token, and which tokens the grammar must
//! split. The figures behind the "why atoms" note in `timex/atoms.rs`.
//!
//! BYLINE_SHARED_DATA=/path/to/shared/data cargo run --release -p byline-core --example timex_tokens

use std::collections::BTreeMap;
use std::time::Instant;

use byline_core::internals::Segmenter;
use byline_core::internals::TimexLexicon as Lexicon;
use byline_core::internals::{atomize, Atom, AtomKind};
use byline_core::Span;

fn main() {
    let shared = std::env::var("BYLINE_SHARED_DATA").unwrap_or_else(|_| "../shared/data".into());
    let path = std::path::Path::new(&shared).join("timex/tempeval3_train.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("no {}: set BYLINE_SHARED_DATA", path.display());
        return;
    };
    let seg = Segmenter::new();
    let lex = Lexicon::new();
    let (mut n_gold, mut inside, mut needs_split) = (0, 0, 0);
    let (mut n_tokens, mut n_atoms, mut bytes) = (0usize, 0usize, 0usize);
    let mut split_shapes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut examples: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let (mut t_tok, mut t_atom) = (0f64, 0f64);
    let mut tokens = Vec::new();
    let mut atoms: Vec<Atom<'_>> = Vec::new();
    let docs: Vec<serde_json::Value> = data.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    for doc in &docs {
        let text = doc["text"].as_str().unwrap_or("");
        let all = Span::new(0, text.len());
        bytes += text.len();
        tokens.clear();
        atoms.clear();
        let t = Instant::now();
        seg.tokenize(text, all, &mut tokens);
        t_tok += t.elapsed().as_secs_f64();
        let t = Instant::now();
        atomize(text, all, &lex, &mut atoms);
        t_atom += t.elapsed().as_secs_f64();
        n_tokens += tokens.len();
        n_atoms += atoms.len();
        // Gold spans are code points; map them to bytes.
        let offs: Vec<usize> = text.char_indices().map(|(b, _)| b).chain([text.len()]).collect();
        let starts: std::collections::HashSet<usize> = tokens.iter().map(|t| t.span.start()).collect();
        let ends: std::collections::HashSet<usize> = tokens.iter().map(|t| t.span.end()).collect();
        for g in doc["timexes"].as_array().into_iter().flatten() {
            let (Some(s), Some(e)) = (g["start"].as_u64(), g["end"].as_u64()) else { continue };
            let (s, e) = (offs[s as usize], offs[e as usize]);
            n_gold += 1;
            if !starts.contains(&s) || !ends.contains(&e) {
                inside += 1;
            }
            let split = tokens.iter().filter(|t| t.span.start() >= s && t.span.end() <= e).any(|t| {
                atoms.iter().filter(|a| a.span.start() >= t.span.start() && a.span.end() <= t.span.end()).count() > 1
            });
            needs_split += usize::from(split);
        }
        // Which tokens the atoms split, by shape.
        let mut k = 0;
        for t in &tokens {
            while k < atoms.len() && atoms[k].span.start() < t.span.start() {
                k += 1;
            }
            let parts: Vec<&Atom<'_>> = atoms[k..].iter().take_while(|a| a.span.end() <= t.span.end()).collect();
            if parts.len() < 2 {
                continue;
            }
            let has = |kind| parts.iter().any(|a| a.kind == kind);
            let shape = match (has(AtomKind::Word), has(AtomKind::Num)) {
                (true, true) => "digits+letters (1990s, 5th, mid-1990s)",
                (false, true) => "number with separators (10:35, 1,200, 5/14/82)",
                _ if parts.iter().any(|a| a.is_mark('-')) => "hyphenated word (third-quarter, year-earlier)",
                _ if parts.iter().any(|a| a.is_mark('.')) => "word with periods (a.m., U.S.)",
                _ => "other (apostrophes, addresses)",
            };
            *split_shapes.entry(shape).or_default() += 1;
            let ex = examples.entry(shape).or_default();
            if ex.len() < 6 {
                ex.push(t.span.as_str(text).to_string());
            }
        }
    }
    println!("TempEval-3 TBAQ: {} documents, {:.2} MB", docs.len(), bytes as f64 / 1e6);
    println!("gold timexes: {n_gold}");
    println!("  start or end inside a segmenter token: {inside} ({:.1}%)", 100.0 * inside as f64 / n_gold as f64);
    println!(
        "  holding a token the grammar reads in parts: {needs_split} ({:.1}%)",
        100.0 * needs_split as f64 / n_gold as f64
    );
    println!("segmenter tokens: {n_tokens}; atoms: {n_atoms}");
    for (shape, n) in &split_shapes {
        println!("  tokens split into atoms, {shape}: {n}  e.g. {:?}", examples[shape]);
    }
    println!(
        "time: tokenize {:.1} MB/s, atomize (with lexicon lookups) {:.1} MB/s",
        bytes as f64 / 1e6 / t_tok,
        bytes as f64 / 1e6 / t_atom
    );
}
