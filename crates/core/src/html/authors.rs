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
/// Words of job titles and of publications' names: a part with one of them names a role or an
/// outlet, not a person ("Chief Technology Officer", "The Valley Gazette", "Example Media").
const NOT_PERSON_WORDS: &[&str] = &[
    "officer",
    "head",
    "editor",
    "editors",
    "reporter",
    "writer",
    "correspondent",
    "contributor",
    "columnist",
    "producer",
    "director",
    "president",
    "chief",
    "staff",
    "desk",
    "team",
    "journal",
    "telegram",
    "gazette",
    "media",
    "times",
    "post",
    "news",
    "network",
    "daily",
    "tribune",
    "herald",
    "press",
    "company",
    "magazine",
    "radio",
    "tv",
    "channel",
    "agency",
    "newsroom",
    "reuters",
    "wire",
];
/// Longest name, in words.
const MAX_WORDS: usize = 6;

/// True when `s` is a link rather than a name.
pub(crate) fn is_url(s: &str) -> bool {
    let s = s.trim_start();
    s.starts_with("http://") || s.starts_with("https://") || s.starts_with("www.") || s.starts_with('/')
}

/// `s` without a leading "By", "Written by" and the like.
pub(crate) fn strip_lead(mut s: &str) -> &str {
    loop {
        let lower = s.get(..12.min(s.len())).unwrap_or(s).to_ascii_lowercase();
        let Some(lead) = LEADS.iter().find(|l| lower.starts_with(*l)) else { return s };
        s = s[lead.len()..].trim_start();
    }
}

/// A person's name by its shape: two to five words, each starting with a capital letter (or a
/// particle such as "de"), no digits.
pub(crate) fn looks_like_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=5).contains(&words.len())
        && !s.chars().any(|c| c.is_ascii_digit())
        && words.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase()) || w.len() <= 3)
}

/// Splits and cleans raw author strings into names, without duplicates. A name that is the
/// site's own (`site`) names no one.
pub(crate) fn clean(raw: &[String], site: Option<&str>) -> Vec<String> {
    let site = site.map(fold).unwrap_or_default();
    let mut out: Vec<String> = Vec::new();
    for r in raw.iter().filter(|r| !is_url(r)) {
        for part in split(r) {
            if let Some(name) = name(part).filter(|n| site.is_empty() || fold(n) != site) {
                if !out.iter().any(|o| o.eq_ignore_ascii_case(&name)) {
                    out.push(name);
                }
            }
        }
    }
    out
}

/// Letters and digits, lowercased.
fn fold(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// The parts of a list of names: split at commas, semicolons, bars, slashes and "and".
fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split([',', ';', '|', '/', '\n', '•']).flat_map(|p| p.split(" and ")).flat_map(|p| p.split(" & "))
}

/// One part as a name, if it is one.
fn name(part: &str) -> Option<String> {
    let p =
        strip_lead(part.trim().trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–' | '—')));
    if p.is_empty() || is_url(p) || p.contains('@') || p.contains("://") {
        return None;
    }
    // One word is a desk, an agency or a handle ("Reuters", "AFP"), not a person's name.
    let words = p.split_whitespace().count();
    if !(2..=MAX_WORDS).contains(&words) || !p.chars().next().is_some_and(char::is_alphabetic) {
        return None;
    }
    let lower = p.to_lowercase();
    if NOBODY.iter().any(|n| lower == *n || lower.ends_with(&format!(" {n}"))) {
        return None;
    }
    if lower.split(|c: char| !c.is_alphanumeric()).any(|w| NOT_PERSON_WORDS.contains(&w)) {
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
        clean(&raw.iter().map(|s| s.to_string()).collect::<Vec<_>>(), Some("The Daily Example"))
    }

    #[test]
    fn cleaning() {
        assert_eq!(names(&["By Ana Ruiz and Tom Reed"]), ["Ana Ruiz", "Tom Reed"]);
        assert_eq!(names(&["BY Lee Park, Sam Cole"]), ["Lee Park", "Sam Cole"]);
        assert_eq!(names(&["https://example.com/people/ana", "Staff", "ana@example.com"]), Vec::<String>::new());
        assert_eq!(names(&["Ana Ruiz", "ana ruiz", "The Example Press", "EXPRESSWIRE"]), ["Ana Ruiz"]);
        assert_eq!(names(&["Ana Ruiz, Chief Technology Officer, Valley Gazette"]), ["Ana Ruiz"]);
        assert!(looks_like_name("Ana de la Ruiz") && !looks_like_name("Updated 12/22/2023") && !looks_like_name("Ana"));
        assert_eq!(names(&["THE DAILY EXAMPLE", "Daily Example staff"]), Vec::<String>::new());
    }
}
