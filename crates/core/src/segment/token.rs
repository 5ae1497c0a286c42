//! Tokens with byte spans: words, numbers, punctuation marks and web addresses.
//!
//! Conventions, for the stages that read `doc.tokens`:
//! - a word keeps inner apostrophes, hyphens and periods: "don't", "high-profile", "U.S.", "Amazon.com";
//! - the possessive "’s"/"'s" is a token of its own ("Belarus" + "’s"), also when a space
//!   comes before it, as in tokenised text ("Japan 's");
//! - an abbreviation keeps its period: "Mr.", "Gen.", "Inc.", "U.S.", "a.m.", the initial "V.";
//!   when the abbreviation ends a sentence, that period ends it too ("in the U.S." + "How");
//! - a number keeps its separators and unit letters: "1,200", "3.5", "10:30", "5/14/82", "1980s", "5th";
//! - every other punctuation mark is a token of its own, except runs of periods ("...") and of
//!   hyphens ("--"), which are one token each;
//! - URLs and e-mail addresses are one token, without the punctuation that follows them.

use memchr::memmem;

use crate::segment::lexicon::{AbbrevClass, Lexicon};
use crate::span::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter: "Orlov", "don't", "U.S.", "Mr.", the possessive "’s".
    Word,
    /// Starts with a digit: "3.5", "1,200", "1980s", "24-hour".
    Number,
    /// One punctuation mark or symbol: "." "“" "—" "$"; also "..." and "--".
    Punct,
    /// A web or e-mail address: `https://example.com/a`, `jane.doe@example.com`.
    Url,
}

/// One token of the normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Where it is, in bytes of the normalised text.
    pub span: Span,
    /// What it is.
    pub kind: TokenKind,
}

/// Splits text into tokens. Built once.
#[derive(Debug)]
pub(crate) struct Tokenizer {
    scheme: memmem::Finder<'static>,
    www: memmem::Finder<'static>,
}

impl Tokenizer {
    pub(crate) fn new() -> Tokenizer {
        Tokenizer { scheme: memmem::Finder::new(b"://"), www: memmem::Finder::new(b"www.") }
    }

    /// Appends the tokens of `text[within]` to `out`.
    pub(crate) fn tokenize(&self, text: &str, within: Span, lexicon: &Lexicon, out: &mut Vec<Token>) {
        let b = within.as_str(text).as_bytes();
        // Look for addresses only in paragraphs that can hold one.
        let web = memchr::memchr(b'@', b).is_some() || self.scheme.find(b).is_some() || self.www.find(b).is_some();
        tokenize(text, within, web, lexicon, out);
    }
}

fn tokenize(text: &str, within: Span, web: bool, lexicon: &Lexicon, out: &mut Vec<Token>) {
    let s = within.as_str(text);
    let b = s.as_bytes();
    let base = within.start();
    let mut push = |start: usize, end: usize, kind: TokenKind| {
        out.push(Token { span: Span::new(base + start, base + end), kind });
    };
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x80 {
            let class = CLASS[c as usize];
            if class == SPACE {
                i += 1;
            } else if class == ALNUM {
                i = scan_word(s, i, web, lexicon, &mut push);
            } else if c == b'.' || c == b'-' {
                let run = b[i..].iter().take_while(|&&x| x == c).count();
                let run = if c == b'-' && run == 1 { 1 } else { run };
                push(i, i + run, TokenKind::Punct);
                i += run;
            } else if c == b'\'' && possessive_s_at(s, i + 1) {
                push(i, i + 2, TokenKind::Word);
                i += 2;
            } else {
                push(i, i + 1, TokenKind::Punct);
                i += 1;
            }
        } else {
            let ch = s[i..].chars().next().expect("char boundary");
            if ch.is_whitespace() {
                i += ch.len_utf8();
            } else if ch.is_alphanumeric() {
                i = scan_word(s, i, web, lexicon, &mut push);
            } else if is_apostrophe(ch) && possessive_s_at(s, i + ch.len_utf8()) {
                // A possessive split from its word, as in tokenised text ("Japan 's").
                push(i, i + ch.len_utf8() + 1, TokenKind::Word);
                i += ch.len_utf8() + 1;
            } else {
                push(i, i + ch.len_utf8(), TokenKind::Punct);
                i += ch.len_utf8();
            }
        }
    }
}

const OTHER: u8 = 0;
const ALNUM: u8 = 1;
const SPACE: u8 = 2;

/// Classes of bytes, for the tokenizer's fast path; every non-ASCII byte is [`OTHER`].
static CLASS: [u8; 256] = {
    let mut t = [OTHER; 256];
    let mut i = 0;
    while i < 128 {
        let c = i as u8;
        if c.is_ascii_alphanumeric() {
            t[i] = ALNUM;
        } else if c.is_ascii_whitespace() {
            t[i] = SPACE;
        }
        i += 1;
    }
    t
};

#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(b as char)
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Combining marks that continue a word (accents typed as separate code points).
#[inline]
fn is_mark(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}' | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

#[inline]
fn is_alnum(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// The end of the run of letters, digits and marks starting at `i`.
#[inline]
fn alnum_end(s: &str, mut i: usize) -> usize {
    let b = s.as_bytes();
    loop {
        while i < b.len() && CLASS[b[i] as usize] == ALNUM {
            i += 1;
        }
        match char_at(s, i) {
            Some(c) if !c.is_ascii() && is_alnum(c) => i += c.len_utf8(),
            _ => return i,
        }
    }
}

#[inline]
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// True when `s[i..]` is the "s" of a possessive ("’s" followed by no letter).
#[inline]
fn possessive_s_at(s: &str, i: usize) -> bool {
    matches!(s.as_bytes().get(i), Some(b's' | b'S')) && !char_at(s, i + 1).is_some_and(is_alnum)
}

/// True when a number follows `s[i..]` after spaces.
fn number_follows(s: &str, i: usize) -> bool {
    let rest = s.as_bytes().get(i..).unwrap_or_default();
    rest.iter().find(|&&b| b != b' ').is_some_and(u8::is_ascii_digit)
}

/// Scans the word, number or address starting at `start`; returns where it ends.
fn scan_word(
    s: &str,
    start: usize,
    web: bool,
    lexicon: &Lexicon,
    push: &mut impl FnMut(usize, usize, TokenKind),
) -> usize {
    if let Some(end) = web.then(|| web_address(s, start)).flatten() {
        push(start, end, TokenKind::Url);
        return end;
    }
    let b = s.as_bytes();
    let numeric = char_at(s, start).is_some_and(char::is_numeric);
    let mut end = alnum_end(s, start);
    let mut segment = start;
    let mut dotted = false;
    while let Some(c) = char_at(s, end) {
        let after = end + c.len_utf8();
        let Some(n) = char_at(s, after) else { break };
        let prev_digit = b[end - 1].is_ascii_digit();
        let join = match c {
            '.' if numeric => prev_digit && n.is_ascii_digit(),
            // "U.S", "a.m", "Ph.D", "Amazon.com"; not "end.The".
            '.' => n.is_alphabetic() && (n.is_lowercase() || end - segment <= 2),
            ',' | ':' | '/' => numeric && prev_digit && n.is_ascii_digit(),
            '-' | '\u{2010}' | '\u{2011}' => is_alnum(n),
            c if is_apostrophe(c) => n.is_alphabetic() && !possessive_s_at(s, after),
            _ => false,
        };
        if !join {
            break;
        }
        if c == '.' {
            dotted = true;
            segment = after;
        }
        end = alnum_end(s, after);
    }
    if b.get(end) == Some(&b'.') && b.get(end + 1) != Some(&b'.') && !numeric {
        // "U.S." and "a.m." keep their last period; "Amazon.com" does not.
        let attach = if dotted {
            end - segment <= 2
        } else {
            match lexicon.abbreviation(&s[start..end]) {
                Some(AbbrevClass::Number) => number_follows(s, end + 1),
                Some(_) => true,
                None => false,
            }
        };
        if attach {
            end += 1;
        }
    }
    push(start, end, if numeric { TokenKind::Number } else { TokenKind::Word });
    if let Some(c) = char_at(s, end).filter(|&c| is_apostrophe(c)) {
        let s_at = end + c.len_utf8();
        if possessive_s_at(s, s_at) && !numeric {
            push(end, s_at + 1, TokenKind::Word);
            return s_at + 1;
        }
    }
    end
}

fn starts_with_ignore_case(hay: &[u8], prefix: &[u8]) -> bool {
    hay.len() >= prefix.len() && hay[..prefix.len()].eq_ignore_ascii_case(prefix)
}

/// Longest address, in bytes; longer runs without spaces are read in pieces, which keeps the
/// scan linear in text that has no spaces at all.
const MAX_ADDRESS: usize = 2048;

/// The end of a URL or e-mail address starting at `start`, if one does.
fn web_address(s: &str, start: usize) -> Option<usize> {
    let rest = &s.as_bytes()[start..];
    let rest = &rest[..rest.len().min(MAX_ADDRESS)];
    let first = rest[0].to_ascii_lowercase();
    let maybe_url = first == b'h' || first == b'w';
    let len = rest
        .iter()
        .position(|&c| c.is_ascii_whitespace() || c >= 0x80 || matches!(c, b'"' | b'<' | b'>'))
        .unwrap_or(rest.len());
    let chunk = &rest[..len];
    let url = maybe_url
        && (starts_with_ignore_case(chunk, b"http://")
            || starts_with_ignore_case(chunk, b"https://")
            || starts_with_ignore_case(chunk, b"www."));
    let len = if url { len } else { email_len(chunk)? };
    let mut end = len;
    while end > 0 {
        match chunk[end - 1] {
            b'.' | b',' | b';' | b':' | b'!' | b'?' | b'\'' | b']' | b'}' => end -= 1,
            b')' => {
                let open = chunk[..end].iter().filter(|&&c| c == b'(').count();
                let close = chunk[..end].iter().filter(|&&c| c == b')').count();
                if close > open {
                    end -= 1;
                } else {
                    break;
                }
            }
            _ => break,
        }
    }
    (end > 4).then_some(start + end)
}

/// The length of an e-mail address at the start of `chunk` (local@domain.tld), if there is one.
fn email_len(chunk: &[u8]) -> Option<usize> {
    let at = memchr::memchr(b'@', chunk)?;
    let local_ok = at > 0 && chunk[..at].iter().all(|&c| c.is_ascii_alphanumeric() || b"._%+-".contains(&c));
    if !local_ok {
        return None;
    }
    let domain = &chunk[at + 1..];
    let dlen =
        domain.iter().position(|&c| !(c.is_ascii_alphanumeric() || c == b'.' || c == b'-')).unwrap_or(domain.len());
    let domain = &domain[..dlen];
    let trimmed = domain.len() - domain.iter().rev().take_while(|&&c| c == b'.' || c == b'-').count();
    let dot = domain[..trimmed].iter().rposition(|&c| c == b'.')?;
    let tld_ok = dot > 0 && domain[dot + 1..trimmed].iter().all(u8::is_ascii_alphabetic) && trimmed - dot > 2;
    tld_ok.then_some(at + 1 + dlen)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<(String, TokenKind)> {
        let mut out = Vec::new();
        Tokenizer::new().tokenize(text, Span::new(0, text.len()), &Lexicon::new(), &mut out);
        out.iter().map(|t| (t.span.as_str(text).to_string(), t.kind)).collect()
    }

    fn texts(text: &str) -> Vec<String> {
        toks(text).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn words_keep_inner_marks() {
        assert_eq!(
            texts("don't high-profile U.S. Hale-Smith O'Brien"),
            ["don't", "high-profile", "U.S.", "Hale-Smith", "O'Brien"]
        );
        assert_eq!(texts("the U.S.A. last"), ["the", "U.S.A.", "last"]);
        assert_eq!(texts("at 5 a.m. and 6 P.M."), ["at", "5", "a.m.", "and", "6", "P.M."]);
        assert_eq!(texts("Ph.D. e.g. Amazon.com."), ["Ph.D.", "e.g.", "Amazon.com", "."]);
        assert_eq!(texts("end.The"), ["end", ".", "The"]);
    }

    #[test]
    fn possessives_split() {
        assert_eq!(
            texts("China’s Belarus's it's parents' JFK Jr.'s"),
            ["China", "’s", "Belarus", "'s", "it", "'s", "parents", "'", "JFK", "Jr.", "'s"]
        );
        assert_eq!(texts("Japan 's team ’s 'so"), ["Japan", "'s", "team", "’s", "'", "so"]);
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(texts("Mr. Orlov, Viktor V. Orlov."), ["Mr.", "Orlov", ",", "Viktor", "V.", "Orlov", "."]);
        assert_eq!(texts("Acme Inc. said"), ["Acme", "Inc.", "said"]);
        assert_eq!(texts("No. 5 but no. Then"), ["No.", "5", "but", "no", ".", "Then"]);
        assert_eq!(texts("Jan. 6 and Jan. Then"), ["Jan.", "6", "and", "Jan", ".", "Then"]);
        assert_eq!(texts("Springfield, Ill. but ill."), ["Springfield", ",", "Ill.", "but", "ill", "."]);
    }

    #[test]
    fn numbers() {
        let t = toks("$1.2 billion, 1,200 people, 3.5%, 10:30, 5/14/82, 1980s, 5th, 24-hour, 100.00.");
        let numbers: Vec<&str> = t.iter().filter(|(_, k)| *k == TokenKind::Number).map(|(s, _)| s.as_str()).collect();
        assert_eq!(numbers, ["1.2", "1,200", "3.5", "10:30", "5/14/82", "1980s", "5th", "24-hour", "100.00"]);
        assert_eq!(texts("1. 2.) 3)"), ["1", ".", "2", ".", ")", "3", ")"]);
    }

    #[test]
    fn punctuation() {
        assert_eq!(
            texts("“Is it?” he—asked... ok -- fine!!"),
            ["“", "Is", "it", "?", "”", "he", "—", "asked", "...", "ok", "--", "fine", "!", "!"]
        );
        assert_eq!(texts(". . ."), [".", ".", "."]);
    }

    #[test]
    fn addresses() {
        assert_eq!(toks("Her email is Jane.Doe@example.com. I")[3], ("Jane.Doe@example.com".into(), TokenKind::Url));
        let t = texts("See https://www.example.50.com/new-site/awesome_content.html. Please");
        assert_eq!(t, ["See", "https://www.example.50.com/new-site/awesome_content.html", ".", "Please"]);
        assert_eq!(texts("(www.bbc.co.uk/news)."), ["(", "www.bbc.co.uk/news", ")", "."]);
        assert_eq!(texts("https://en.wikipedia.org/wiki/A_(b)"), ["https://en.wikipedia.org/wiki/A_(b)"]);
        assert_eq!(texts("a@b"), ["a", "@", "b"]);
    }

    #[test]
    fn unicode_and_marks() {
        assert_eq!(texts("Zoë café naïve Ångström"), ["Zoë", "café", "naïve", "Ångström"]);
        assert_eq!(texts("e\u{301}te\u{301}"), ["e\u{301}te\u{301}"]);
        assert_eq!(texts("N°. 😀"), ["N", "°", ".", "😀"]);
    }
}
