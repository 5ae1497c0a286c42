//! Nominal mentions: "the ministry" after "the Chinese Foreign Ministry", "the company" after
//! "Acme Corp.". A definite description joins an organization when exactly one organization
//! named before it fits: its name ends in the description's noun, or, for "the company", in a
//! company's legal form.

use crate::article::Label;
use crate::entities::features::Prepared;
use crate::entities::grouping::Cluster;
use crate::entities::lexicon::{key, Flags, KeyMap, Lexicon};
use crate::entities::mentions::Found;
use crate::entities::words::WordKind;
use crate::span::Span;

/// Nominal mentions, each with the index of its cluster, in text order.
pub fn nominals(text: &str, p: &Prepared, found: &[Found], clusters: &[Cluster], lex: &Lexicon) -> Vec<(usize, Span)> {
    let mut cluster_of = vec![usize::MAX; found.len()];
    for (c, cl) in clusters.iter().enumerate() {
        for &m in &cl.members {
            cluster_of[m] = c;
        }
    }
    let company = key("company");
    // Organizations named so far, by the noun that can stand for them; `usize::MAX` once two differ.
    let mut by_noun: KeyMap<usize> = KeyMap::default();
    fn note(by_noun: &mut KeyMap<usize>, noun: u64, c: usize) {
        let e = by_noun.entry(noun).or_insert(c);
        if *e != c {
            *e = usize::MAX;
        }
    }
    let mut out = Vec::new();
    let mut next = 0;
    for r in &p.paragraphs {
        for i in r.clone() {
            while next < found.len() && found[next].words.end <= i {
                let f = &found[next];
                let c = cluster_of[next];
                if f.label == Label::Org && c != usize::MAX {
                    let head = &p.words[f.words.end - 1];
                    let flags = lex.word(head.key);
                    if flags.has(Flags::ORG_HEAD) && head.kind == WordKind::Alpha {
                        note(&mut by_noun, head.key, c);
                    }
                    if flags.has(Flags::COMPANY) {
                        note(&mut by_noun, company, c);
                    }
                }
                next += 1;
            }
            // "the ministry", followed by no capitalised word ("the ministry of Foreign Affairs"
            // is a name).
            let w = &p.words[i];
            let noun = i + 1;
            if !w.text(text).eq_ignore_ascii_case("the") || noun >= r.end {
                continue;
            }
            let n = &p.words[noun];
            let lower = n.kind == WordKind::Alpha && n.text(text).starts_with(char::is_lowercase);
            let named_next = noun + 1 < r.end && p.info[noun + 1].cap && !p.info[noun + 1].sent_start;
            if !lower || named_next {
                continue;
            }
            if let Some(&c) = by_noun.get(&n.key).filter(|&&c| c != usize::MAX) {
                out.push((c, Span::new(w.span.start(), n.span.end())));
            }
        }
    }
    out
}
