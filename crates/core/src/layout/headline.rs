//! Headlines: a short first line that is not a sentence.

/// Longest headline, in bytes.
pub(crate) const MAX_HEADLINE: usize = 300;
/// Most words in a headline.
const MAX_HEADLINE_WORDS: usize = 40;

/// True when `s` reads like a headline: one short line, not starting with closing punctuation,
/// and not ending like a sentence or a clause. A final period is allowed after an abbreviation
/// ("U.S."), in ALL CAPS and in Title Case. ALL-CAPS wire headlines qualify.
pub(crate) fn is_headline(s: &str) -> bool {
    if s.len() > MAX_HEADLINE || s.contains('\n') {
        return false;
    }
    let words = s.split_whitespace().count();
    let first = s.chars().next().unwrap_or(' ');
    let opens = !matches!(first, '.' | ',' | ';' | ':' | '!' | '?' | ')' | ']' | '”' | '’');
    let last_word = s.split_whitespace().last().unwrap_or("");
    let ends = match s.chars().last().unwrap_or(' ') {
        ',' | ';' | ':' => false,
        '.' => {
            last_word.trim_end_matches('.').contains('.')
                || s.ends_with("...")
                || !s.chars().any(char::is_lowercase)
                || title_case(s)
        }
        _ => true,
    };
    opens && ends && (1..=MAX_HEADLINE_WORDS).contains(&words)
}

/// True for one Title Case line ("Bellwether County Says Trump Should Win."): most words of
/// four letters or more are capitalised, and no sentence ends inside it.
fn title_case(s: &str) -> bool {
    let body = s.trim_end_matches('.');
    if body.contains(". ") || body.contains("? ") || body.contains("! ") {
        return false;
    }
    let long: Vec<&str> =
        body.split_whitespace().filter(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 4).collect();
    let capitalised = long.iter().filter(|w| w.starts_with(char::is_uppercase)).count();
    long.len() >= 2 && capitalised * 4 >= long.len() * 3
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headlines() {
        assert!(is_headline("Spain to Welcome Peruvian Leader, Raising Hopes Over Trade"));
        assert!(is_headline("BAHIA COCOA REVIEW"));
        assert!(is_headline("STANDARD OIL <SRD> TO FORM FINANCIAL UNIT"));
        assert!(is_headline("Is this the end of the road?"));
        assert!(is_headline("Reports: 'streamlined' UK asylum process to replace interview"));
        assert!(is_headline("Trade deficit widens in the U.S."));
        assert!(is_headline("“We will win,” says coach"));
        assert!(is_headline("<COFAB INC> BUYS GULFEX FOR UNDISCLOSED AMOUNT"));
        assert!(is_headline("(CORRECTED) - BANPONCE <BDEP> PLACES NOTES"));
        assert!(is_headline("MERRILL MANDATED FOR IEL U.S. NOTE."));
        assert!(is_headline("Bellwether County Says Trump Should Win GOP Nomination."));
    }

    #[test]
    fn not_headlines() {
        assert!(!is_headline("The storm arrived on Monday."));
        assert!(!is_headline("Hello World. My Name Is Jonas."));
        assert!(is_headline("venezuelan bank begins signing debt contracts"));
        assert!(!is_headline("Mr. Varga replied:"));
        assert!(!is_headline(&"word ".repeat(50)));
        assert!(!is_headline("Two lines\nof text"));
    }
}
