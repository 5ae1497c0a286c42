//! `byline stats`: corpus aggregates over `byline batch` output, with the source-diversity
//! study broken down by outlet, month or fields of the lines.

use std::io::BufRead;

use super::args::StatsArgs;
use super::batch::table_formats;
use super::{Fatal, EXIT_FAILURES, EXIT_OK};
use crate::readers::{self, Location};
use crate::stats::GroupBy;
use crate::tables::Rows;
use crate::Stats;

pub fn run(args: &StatsArgs) -> Result<u8, Fatal> {
    let locations: Vec<Location> = match args.files.as_slice() {
        [] => vec![Location::Stdin],
        paths => paths.iter().map(|p| Location::parse(p)).collect(),
    };
    let dims: Vec<GroupBy> = args.group_by.iter().filter(|n| !n.is_empty()).map(|n| GroupBy::parse(n)).collect();
    let fields: Vec<String> = dims
        .iter()
        .filter_map(|d| match d {
            GroupBy::Field(name) => Some(name.clone()),
            _ => None,
        })
        .collect();
    let mut stats = Stats::grouped_by(dims);
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
                Ok(rows) if fields.is_empty() => stats.add(&rows),
                Ok(rows) => {
                    let values = field_values(&line, &fields);
                    let pairs: Vec<(&str, &str)> = values.iter().map(|(n, v)| (n.as_str(), v.as_str())).collect();
                    stats.add_with_fields(&rows, &pairs);
                }
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
    if let Some(dir) = &args.tables {
        report.study.write(dir, table_formats(args.table_format)).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    Ok(if bad_lines > 0 { EXIT_FAILURES } else { EXIT_OK })
}

/// The values of `fields` in an output line: a top-level key, else a key of `source`; strings
/// as they are, other values as JSON.
fn field_values(line: &[u8], fields: &[String]) -> Vec<(String, String)> {
    let Ok(serde_json::Value::Object(top)) = serde_json::from_slice::<serde_json::Value>(line) else {
        return Vec::new();
    };
    let source = top.get("source").and_then(|s| s.as_object());
    fields
        .iter()
        .filter_map(|f| {
            let value = top.get(f).or_else(|| source.and_then(|s| s.get(f)))?;
            let text = match value {
                serde_json::Value::Null => return None,
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some((f.clone(), text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_come_from_the_top_level_or_the_source() {
        let line = br#"{"id": "a", "category": "sport", "n": 3, "x": null, "source": {"section": "World"}}"#;
        let names = ["category", "section", "n", "x", "missing"].map(String::from);
        let got = field_values(line, &names);
        let want =
            [("category", "sport"), ("section", "World"), ("n", "3")].map(|(a, b)| (a.to_string(), b.to_string()));
        assert_eq!(got, want);
    }
}
