//! `byline stats`: corpus aggregates over `byline batch` output.

use std::io::BufRead;

use super::args::StatsArgs;
use super::{Fatal, EXIT_FAILURES, EXIT_OK};
use crate::readers::{self, Location};
use crate::tables::Rows;
use crate::Stats;

pub fn run(args: &StatsArgs) -> Result<u8, Fatal> {
    let locations: Vec<Location> = match args.files.as_slice() {
        [] => vec![Location::Stdin],
        paths => paths.iter().map(|p| Location::parse(p)).collect(),
    };
    let mut stats = Stats::new();
    let mut bad_lines = 0u64;
    for loc in &locations {
        let name = match loc {
            Location::Stdin => "<stdin>".to_string(),
            Location::Path(p) => p.display().to_string(),
        };
        for (i, line) in readers::open(loc)?.split(b'\n').enumerate() {
            let line = line.map_err(|e| format!("{name}: {e}"))?;
            if line.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            match Rows::from_json(&line) {
                Ok(rows) => stats.add(&rows),
                Err(e) => {
                    bad_lines += 1;
                    eprintln!("byline: {name}:{}: not a byline output line: {e}", i + 1);
                }
            }
        }
    }
    let report = stats.report(args.top);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print!("{report}");
    }
    Ok(if bad_lines > 0 { EXIT_FAILURES } else { EXIT_OK })
}
