//! Parses the records of a JSON Lines file and prints one Article JSON per line, in input order.
//!
//! ```sh
//! cargo run --release -p byline-core --example parse_jsonl -- IN.jsonl [--plain-text]
//!     [--layout-only | --no-entities | --no-quotes | --no-timexes] [--entity-rules-off=NAME,...]
//! cargo run --release -p byline-core --example parse_jsonl -- --entity-rules   # lists them
//! ```
//! Like `byline batch`, but single-threaded and with the parser options exposed, so evaluation
//! scripts can score modes the CLI does not offer (`--plain-text` reads bare text with no layout
//! detection, as the sentence-boundary "golden rules" need; `--entity-rules-off` leaves entity
//! rules out, as the per-rule ablation of `eval/ner.py --ablation` needs).

#[path = "common/corpus.rs"]
mod corpus;

use std::io::Write;

fn main() {
    if let Err(e) = run() {
        eprintln!("parse_jsonl: {e}");
        std::process::exit(2);
    }
}

fn run() -> Result<(), String> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.iter().any(|a| a == "--entity-rules") {
        // The entity rules after the tagger, in the order they run: name and family.
        for rule in byline_core::internals::ENTITY_RULES {
            println!("{}\t{:?}", rule.name, rule.family);
        }
        return Ok(());
    }
    let (parser, rest) = corpus::parser_from_args(&args)?;
    let path = rest.first().ok_or("usage: parse_jsonl IN.jsonl [flags]")?;
    let records = corpus::read_records(path, usize::MAX)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for r in records {
        let line = match parser.parse(&r.text, r.published) {
            Ok(mut a) => {
                a.id = r.id;
                a.to_json(&Default::default())
            }
            Err(e) => serde_json::json!({"id": r.id, "error": e.to_string()}).to_string(),
        };
        writeln!(out, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(())
}
