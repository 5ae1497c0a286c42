//! Input records and error records.

use byline_core::{parse_date, Date};
use serde::Serialize;

/// One article to parse.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Record {
    /// The record's id (JSONL `id`, or a file path).
    pub id: Option<String>,
    /// The article text.
    pub text: String,
    /// The publication date, when the input gives one.
    pub published: Option<Date>,
}

/// What a failed record becomes in the output: its id and the reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorRecord {
    /// The record's id.
    pub id: Option<String>,
    /// Why it failed.
    pub error: String,
}

/// Reads one JSON Lines record `{"id", "text", "published"?}`. A line that cannot be read
/// gives an error record, with the id when it could be found.
pub fn read_jsonl_record(line: &str, line_no: usize) -> Result<Record, ErrorRecord> {
    let value: serde_json::Value = serde_json::from_str(line)
        .map_err(|e| ErrorRecord { id: Some(format!("line {line_no}")), error: format!("invalid JSON: {e}") })?;
    let id = match value.get("id") {
        Some(serde_json::Value::String(s)) => Some(s.clone()),
        Some(serde_json::Value::Null) | None => None,
        Some(other) => Some(other.to_string()),
    };
    let fail = |error: String| ErrorRecord { id: id.clone().or_else(|| Some(format!("line {line_no}"))), error };
    let text = match value.get("text") {
        Some(serde_json::Value::String(s)) => s.clone(),
        _ => return Err(fail("missing string field \"text\"".into())),
    };
    let published = match value.get("published") {
        Some(serde_json::Value::String(s)) => Some(parse_date(s).map_err(|e| fail(e.to_string()))?),
        _ => None,
    };
    Ok(Record { id, text, published })
}
