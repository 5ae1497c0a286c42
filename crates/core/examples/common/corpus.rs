//! Shared helpers of the corpus examples: reading `{"id", "text", "published"?}` JSON Lines and
//! building a parser from stage flags.

use byline_core::{parse_date, Date, Parser};

/// One input record.
pub struct Record {
    #[allow(dead_code)] // the throughput example does not need it
    pub id: Option<String>,
    pub text: String,
    pub published: Option<Date>,
}

/// Reads the JSON Lines file at `path` (`-` for standard input), at most `limit` records.
pub fn read_records(path: &str, limit: usize) -> Result<Vec<Record>, String> {
    let data = if path == "-" {
        std::io::read_to_string(std::io::stdin()).map_err(|e| e.to_string())?
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?
    };
    let mut out = Vec::new();
    for (i, line) in data.lines().filter(|l| !l.trim().is_empty()).take(limit).enumerate() {
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", i + 1))?;
        let text = v["text"].as_str().ok_or_else(|| format!("line {}: no \"text\"", i + 1))?.to_string();
        let id = match &v["id"] {
            serde_json::Value::String(s) => Some(s.clone()),
            serde_json::Value::Null => None,
            other => Some(other.to_string()),
        };
        let published = v["published"].as_str().and_then(|s| parse_date(s).ok());
        out.push(Record { id, text, published });
    }
    Ok(out)
}

/// Stage switches from the command line: `--layout-only`, `--no-entities`, `--no-quotes`,
/// `--no-timexes`, `--plain-text`. Returns the parser and the arguments that were not flags.
pub fn parser_from_args(args: &[String]) -> Result<(Parser, Vec<String>), String> {
    let mut b = Parser::builder();
    let mut rest = Vec::new();
    for a in args {
        if let Some(names) = a.strip_prefix("--entity-rules-off=") {
            b = names.split(',').filter(|n| !n.is_empty()).fold(b, |b, n| b.entity_rule_off(n));
            continue;
        }
        b = match a.as_str() {
            "--layout-only" => b.entities(false).quotes(false).timexes(false),
            "--no-entities" => b.entities(false),
            "--no-quotes" => b.quotes(false),
            "--no-timexes" => b.timexes(false),
            "--plain-text" => b.plain_text(true),
            _ => {
                rest.push(a.clone());
                b
            }
        };
    }
    Ok((b.build().map_err(|e| e.to_string())?, rest))
}
