//! Headlines: a short first line that is not a sentence.

/// Longest headline, in bytes.
const MAX_HEADLINE: usize = 300;
/// Most words in a headline.
const MAX_HEADLINE_WORDS: usize = 40;

/// True when `s` reads like a headline: one short line, starting with a capital, a digit or a
/// quotation mark, and not ending like a sentence or a clause (a final period is allowed only
/// after an abbreviation such as "U.S."). ALL-CAPS wire headlines qualify.
pub(crate) fn is_headline(s: &str) -> bool {
    if s.len() > MAX_HEADLINE || s.contains('\n') {
        return false;
    }
    let words = s.split_whitespace().count();
    let first = s.chars().next().unwrap_or(' ');
    let opens = first.is_uppercase() || first.is_ascii_digit() || matches!(first, '“' | '"' | '‘' | '\'' | '¿' | '¡');
    let last_word = s.split_whitespace().last().unwrap_or("");
    let ends = match s.chars().last().unwrap_or(' ') {
        ',' | ';' | ':' => false,
        '.' => last_word.trim_end_matches('.').contains('.') || s.ends_with("..."),
        _ => true,
    };
    opens && ends && (1..=MAX_HEADLINE_WORDS).contains(&words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert!(is_headline("China to Welcome Belarusian Leader, Raising Concerns Over Ukraine"));
        assert!(is_headline("BAHIA COCOA REVIEW"));
        assert!(is_headline("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"));
        assert!(is_headline("Is this the end of the road?"));
        assert!(is_headline("Reports: 'streamlined' UK asylum process to replace interview"));
        assert!(is_headline("Trade deficit widens in the U.S."));
        assert!(is_headline("“We will win,” says coach"));
    }

    #[test]
    fn not_headlines() {
        assert!(!is_headline("The storm arrived on Monday."));
        assert!(!is_headline("the lowercase start"));
        assert!(!is_headline("Mr. Lukashenko replied:"));
        assert!(!is_headline(&"word ".repeat(50)));
        assert!(!is_headline("Two lines\nof text"));
    }
}
