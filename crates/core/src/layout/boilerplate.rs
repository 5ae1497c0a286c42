//! Web furniture: comment forms, share and subscribe prompts, "Advertisement", navigation.

use crate::layout::lexicon::LayoutLexicon;

/// Longest paragraph checked against the phrase lists, in bytes.
pub(crate) const MAX_BOILERPLATE: usize = 400;
/// Longest paragraph compared whole with the phrase list, or read as a navigation or share row.
pub(crate) const MAX_FOLDED: usize = 120;

/// Most words in the age of an age notice ("more than 3 years").
const MAX_AGE_WORDS: usize = 4;

/// `s` lowercased for matching, with runs of blank space made one space, curly apostrophes made
/// straight, and leading bullets and trailing punctuation and symbols removed.
pub(crate) fn fold(s: &str, out: &mut String) {
    out.clear();
    let mut space = false;
    for c in unbulleted(s).chars() {
        let c = match c {
            c if c.is_ascii() && !c.is_ascii_whitespace() => c.to_ascii_lowercase(),
            '’' | '‘' => '\'',
            c if c.is_whitespace() => {
                space = true;
                continue;
            }
            c => c,
        };
        if space && !out.is_empty() {
            out.push(' ');
        }
        space = false;
        if c.is_ascii() {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
    let keep = out.trim_end_matches(|c: char| !(c.is_alphanumeric() || matches!(c, ')' | '"' | '\''))).len();
    out.truncate(keep);
}

/// `s` without leading blank space and bullets.
pub(crate) fn unbulleted(s: &str) -> &str {
    s.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '•' | '-' | '–' | '—' | '*' | '›' | '»' | '>'))
}

/// True when the paragraph is web furniture. `folded` is the paragraph folded for matching when
/// it is at most [`MAX_FOLDED`] bytes long, and empty otherwise.
pub(crate) fn is_boilerplate(raw: &str, folded: &str, lex: &LayoutLexicon) -> bool {
    if raw.len() > MAX_BOILERPLATE {
        return false;
    }
    if lex.boilerplate_exact.contains(folded) {
        return true;
    }
    lex.boilerplate_prefixes.starts(unbulleted(raw))
        || lex.boilerplate_contains.is_match(folded)
        || is_age_notice(folded, lex)
        || is_row(raw, folded, lex)
}

/// "This was published 3 years ago", "Updated: 2 hours ago", "This article is more than 5
/// years old. Some details may have changed.": a phrase that opens an age notice, and a
/// first sentence that ends in "ago" or "old".
fn is_age_notice(folded: &str, lex: &LayoutLexicon) -> bool {
    let Some(lead) = lex.age_notices.prefix_len(folded) else { return false };
    let rest = &folded[lead..];
    if !rest.starts_with([' ', ':']) {
        return false; // "publishedx", not "published"
    }
    let first = rest.find(". ").map_or(rest, |i| &rest[..i]);
    let Some(age) = first.strip_suffix(" ago").or_else(|| first.strip_suffix(" old")) else { return false };
    let age = age.trim_start_matches([' ', ':']);
    let words = || age.split_whitespace();
    let number = |w: &str| w.bytes().all(|b| b.is_ascii_digit()) || lex.age_words.contains(w);
    (2..=MAX_AGE_WORDS).contains(&words().count())
        && words().all(number)
        && words().last().is_some_and(|w| !w.bytes().all(|b| b.is_ascii_digit()))
}

/// A navigation trail ("Home | News | World") or a row of share buttons ("Share on Facebook Twitter Email").
fn is_row(raw: &str, folded: &str, lex: &LayoutLexicon) -> bool {
    if raw.len() > MAX_FOLDED {
        return false;
    }
    let separators = raw.bytes().filter(|&b| b == b'|').count() + raw.matches(['›', '»', '•']).count();
    let sentence = raw.trim_end().ends_with(['.', '!', '?', '"', '”']);
    if separators >= 2 && !sentence {
        return true;
    }
    let mut words = folded.split(|c: char| c.is_whitespace() || c == ',' || c == '|').filter(|w| !w.is_empty());
    let mut n = 0;
    let all_social = words.all(|w| {
        n += 1;
        lex.social.contains(w)
    });
    all_social && n >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(s: &str) -> bool {
        let mut f = String::new();
        fold(s, &mut f);
        is_boilerplate(s, &f, &LayoutLexicon::new())
    }

    #[test]
    fn folding() {
        let mut f = String::new();
        fold("  • Read  the REST here. ", &mut f);
        assert_eq!(f, "read the rest here");
        fold("Required fields are marked *", &mut f);
        assert_eq!(f, "required fields are marked");
        fold("Don’t miss", &mut f);
        assert_eq!(f, "don't miss");
    }

    #[test]
    fn furniture() {
        for s in [
            "Leave a Reply",
            "Your email address will not be published. Required fields are marked *",
            "Advertisement",
            "Click to view previous image",
            "Read the rest here.",
            "Sign up for our daily newsletter",
            "We use cookies to improve your experience. By continuing, you agree.",
            "Home | News | World",
            "Share this with Facebook Twitter Email",
            "© 2023 The Company. All rights reserved.",
            "This was published 3 years ago",
            "This article is more than 4 years old. Some details may have changed.",
            "Updated: 2 hours ago",
            "Published an hour ago",
            "This feature is not available on your device.",
            "Your browser does not support the video tag.",
            "This story has been updated to correct a date.",
        ] {
            assert!(check(s), "{s}");
        }
    }

    #[test]
    fn news_is_not_furniture() {
        for s in [
            "Facebook changed its privacy policy last week, angering users.",
            "Share prices fell 3% on Monday.",
            "Norway may gain practical gains from closer ties with Chile.",
            "Leave a reply to the minister, he said.",
            "Email and text messages were sent to every voter.",
            "DU PONT <DD> WINS SUIT AGAINST PHILLIPS <P>",
            "Published two years ago, the report found the river was polluted.",
            "Updated figures came two weeks ago.",
            "This was published in a report by the ministry a year ago, she said.",
            "Posted ago",
        ] {
            assert!(!check(s), "{s}");
        }
    }
}
