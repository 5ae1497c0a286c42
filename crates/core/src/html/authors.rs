//! Author names from markup, as people's names: "By Ana Ruiz and Tom Reed" gives "Ana Ruiz"
//! and "Tom Reed"; URLs, e-mail addresses and desk labels ("Staff", "Web Desk") are dropped.

/// Words that open a byline and are no part of a name.
const LEADS: &[&str] = &["written by ", "posted by ", "reported by ", "story by ", "words by ", "by "];
/// Labels that name no one.
const NOBODY: &[&str] = &[
    "staff",
    "staff writer",
    "staff reporter",
    "editor",
    "editors",
    "admin",
    "administrator",
    "web desk",
    "news desk",
    "newsdesk",
    "editorial staff",
    "editorial team",
    "guest",
    "anonymous",
    "unknown",
];
/// Longest name, in words.
const MAX_WORDS: usize = 6;

/// True when `s` is a link rather than a name.
pub(crate) fn is_url(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") || s.starts_with('/')
}

/// Splits and cleans raw author strings into names, without duplicates.
pub(crate) fn clean(raw: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for r in raw.iter().filter(|r| !is_url(r)) {
        for part in split(r) {
            if let Some(name) = name(part) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// The parts of a list of names: split at commas, semicolons, bars, slashes and "and".
fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', '|', '/', '\n', '•']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & "))
}

/// One part as a name, if it is one.
fn name(part: &str) -> Option<String> {
    let mut p = part.trim().trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—'));
    loop {
        let lower = p.to_ascii_lowercase();
        let Some(lead) = LEADS.iter().find(|l| lower.starts_with(*l)) else { break };
        p = p[lead.len()..].trim_start();
    }
    if p.is_empty() || is_url(p) || p.contains('@') || p.contains("://") {
        return None;
    }
    let words = p.split_whitespace().count();
    if words > MAX_WORDS || !p.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    if NOBODY.iter().any(|n| p.eq_ignore_ascii_case(n)) {
        return None;
    }
    if p.chars().filter(char::is_ascii_digit).count() > 0 {
        return None;
    }
    Some(p.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(raw: &[&str]) -> Vec<String> {
        clean(&raw.iter().map(|s| s.to_string()).collect::<Vec<_>>())
    }

    #[test]
    fn cleaning() {
        assert_eq!(names(&["By Ana Ruiz and Tom Reed"]), ["Ana Ruiz", "Tom Reed"]);
        assert_eq!(names(&["BY Lee Park, Sam Cole"]), ["Lee Park", "Sam Cole"]);
        assert_eq!(names(&["https://example.com/people/ana", "Staff", "ana@example.com"]), Vec::<String>::new());
        assert_eq!(names(&["Ana Ruiz", "ana ruiz", "The Example Press"]), ["Ana Ruiz", "The Example Press"]);
    }
}
