//! Messages that say what to do: the option that gets past a kind of failure.

use crate::record::ErrorKind;
use crate::Summary;

/// What gets past failures of `kind`, naming the option; `None` when no option helps (binary
/// data, a malformed record).
pub fn remedy(kind: ErrorKind) -> Option<&'static str> {
    match kind {
        ErrorKind::InvalidUtf8 => Some(
            "pass --lossy to replace the invalid bytes with U+FFFD, or convert the input to UTF-8 first \
             (from Latin-1: iconv -f latin1 -t utf-8)",
        ),
        ErrorKind::TooLarge => Some("--max-bytes SIZE raises the limit (default 256MiB)"),
        ErrorKind::MissingText => {
            Some("--text-field NAME reads the text from another field (or CSV column), --html-field NAME an HTML page")
        }
        ErrorKind::Timeout => Some("--timeout-ms N raises the time limit per article (or leave it out for none)"),
        _ => None,
    }
}

/// The lines to print after a batch's summary: for each kind of failure an option gets past,
/// how many records failed so and what to do.
pub fn after_batch(summary: &Summary, text_field: &str, html_field: &str) -> Vec<String> {
    let mut lines = Vec::new();
    for kind in ErrorKind::ALL {
        let (Some(&n), Some(remedy)) = (summary.errors_by_kind.get(kind.as_str()), remedy(kind)) else {
            continue;
        };
        let (records, are, have) = if n == 1 { ("record", "is", "has") } else { ("records", "are", "have") };
        let what = match kind {
            ErrorKind::InvalidUtf8 => format!("{are} not valid UTF-8"),
            ErrorKind::TooLarge => format!("{are} over the size limit"),
            ErrorKind::Timeout => "took longer than the time limit".to_string(),
            _ => {
                format!("{have} no {text_field:?} or {html_field:?} field (the errors above list the fields each has)")
            }
        };
        lines.push(format!("{n} {records} {what}: {remedy}"));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_per_kind_an_option_fixes() {
        let mut summary = Summary::start(1);
        summary.errors_by_kind.insert("invalid_utf8", 2);
        summary.errors_by_kind.insert("missing_text", 1);
        summary.errors_by_kind.insert("binary", 4);
        let lines = after_batch(&summary, "body", "page");
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(lines[0].starts_with("1 record has no \"body\" or \"page\" field"), "{}", lines[0]);
        assert!(lines[0].contains("--text-field") && lines[0].contains("--html-field"), "{}", lines[0]);
        assert!(lines[1].starts_with("2 records are not valid UTF-8: pass --lossy"), "{}", lines[1]);
    }
}
