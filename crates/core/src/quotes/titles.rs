//! Titles of works in quotation marks are names, not quotations: a reader never counts "the
//! single “Paper Moon”" as words someone said. A pass over the results of `attribution`, before
//! `resolve`, drops the direct quotes whose quoted span is a title.
//!
//! A quoted span is a title when it is **title-shaped** (at most [`MAX_TITLE_WORDS`] words,
//! every content word capitalised, no sentence break inside) and stands where a name stands
//! (`data/quotes/titles.txt` holds the words):
//! - **in a list** of title-shaped spans joined by commas, "and", "&" or years
//!   ("“Do You,” “Awake” and “Joke.”");
//! - **after a work noun** or a naming participle ("three singles: “…”", "her hit “…”",
//!   "a track titled “…”", "a chapter called “…”");
//! - **after a preposition** ("starred in “The Long Road”", "thanked fans for “Winter Coat”");
//! - **between a determiner and a work or maker noun** ("the “Blue Harbor” singer");
//! - **before a year or a credit** on its line ("“Blue Harbor” (2022)", "“Low Tide” feat. Ann
//!   Lee", a heading line "Ann Lee - “Night Train” with Tom Reed (2020)");
//! - **alone in a heading** of three words or more, without a full stop ("‘A Night at the
//!   Opera: Live!’" above an event listing).
//!
//! Title shape alone is no evidence ("“Thank You,” she said."), and a span with lowercase content
//! words is speech wherever it stands ("called the plan “a disaster”"). Mixed and indirect quotes
//! are kept: a reported clause that names a work still reports.

use crate::article::{QuoteKind, Role};
use crate::data::{self, data_file, DataFile};
use crate::hash::WordSet;
use crate::segment::TokenKind;
use crate::span::Span;

use super::attribution::Found;
use super::context::Ctx;
use super::lexicon::Class;

const TITLES: DataFile<'static> = data_file!("data/quotes/titles.txt");

/// Most words in a quoted title.
const MAX_TITLE_WORDS: usize = 12;
/// Most tokens between two quoted titles of one list ("“A” (2019), and “B”").
const MAX_LIST_GAP: usize = 6;
/// Fewest words of a quoted title that stands alone as a heading.
const MIN_HEADING_WORDS: usize = 3;
/// Most tokens between a closing mark and the year that ends its line ("“A” with Ann Lee (2023)").
const MAX_YEAR_REACH: usize = 8;

/// The sections of `titles.txt`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    Minor,
    Work,
    Maker,
    Naming,
    NamingAfterWork,
    Preposition,
    Feature,
}

const SECTIONS: [(&str, Section); 7] = [
    ("minor", Section::Minor),
    ("work", Section::Work),
    ("maker", Section::Maker),
    ("naming", Section::Naming),
    ("naming.after_work", Section::NamingAfterWork),
    ("preposition", Section::Preposition),
    ("feature", Section::Feature),
];

/// The words around titles, compiled once from the embedded list.
#[derive(Debug)]
pub(crate) struct TitleWords {
    /// One set of lowercase words per section, in the order of [`SECTIONS`].
    sets: [WordSet; SECTIONS.len()],
}

impl TitleWords {
    /// Reads the embedded list.
    pub(crate) fn new() -> TitleWords {
        data::embedded(read(TITLES))
    }

    /// True when the lowercase word `w` is in section `s`.
    fn is(&self, s: Section, w: &str) -> bool {
        self.sets[s as usize].contains(w)
    }

    /// True when the lowercase word `w` is a work noun or its plural ("singles", "comedies").
    fn is_work(&self, w: &str) -> bool {
        self.is(Section::Work, w)
            || w.strip_suffix("ies").is_some_and(|stem| self.is(Section::Work, &format!("{stem}y")))
            || w.strip_suffix('s').is_some_and(|stem| self.is(Section::Work, stem))
    }
}

fn read(file: DataFile<'_>) -> data::Result<TitleWords> {
    let mut sets: [WordSet; SECTIONS.len()] = Default::default();
    file.each_section_word(SECTIONS, |_, w, s| {
        sets[s as usize].insert(w.to_string());
        Ok(())
    })?;
    Ok(TitleWords { sets })
}

/// Drops the direct quotes whose quoted span is a title of a work.
pub(crate) fn drop_titles(ctx: &Ctx<'_>, words: &TitleWords, found: &mut Vec<Found>) {
    let titles: Vec<Span> = find(ctx, words).into_iter().map(|q| ctx.quoted[q].inner).collect();
    if titles.is_empty() {
        return;
    }
    found.retain(|f| f.kind != QuoteKind::Direct || titles.binary_search(&f.span).is_err());
}

/// The quoted pieces (indices into `ctx.quoted`, in text order) that are titles.
pub(crate) fn find(ctx: &Ctx<'_>, words: &TitleWords) -> Vec<usize> {
    let n = ctx.quoted.len();
    let shaped: Vec<bool> = (0..n).map(|q| title_shaped(ctx, words, q)).collect();
    let mut title = vec![false; n];
    for q in (0..n).filter(|&q| shaped[q]) {
        if named_where_it_stands(ctx, words, q) {
            title[q] = true;
        }
        if q + 1 < n && shaped[q + 1] && listed_together(ctx, q) {
            title[q] = true;
            title[q + 1] = true;
        }
    }
    (0..n).filter(|&q| title[q]).collect()
}

/// A quoted piece closed in its paragraph, of at most [`MAX_TITLE_WORDS`] words in title case,
/// with no sentence break inside ("“Record of Ann: Blue. From the start …”" is speech).
fn title_shaped(ctx: &Ctx<'_>, words: &TitleWords, q: usize) -> bool {
    let quote = &ctx.quoted[q];
    if quote.close.is_none() || quote.continues || quote.continued {
        return false;
    }
    let (a, b) = (ctx.token_at(quote.inner.start()), ctx.token_at(quote.inner.end()));
    if a >= b || (a..b - 1).any(|t| ctx.ends_sentence(t)) {
        return false;
    }
    // In text set in capitals ("JUDGE RULES IN “FEW DAYS”") every span looks like a title.
    let open = ctx.quoted_toks[q].start;
    if open > 0 && is_shouted(ctx.word(open - 1)) && is_shouted(quote.inner.as_str(ctx.text)) {
        return false;
    }
    let inner = (a..b).filter(|&t| matches!(ctx.tokens[t].kind, TokenKind::Word | TokenKind::Number));
    is_title_case(inner.map(|t| ctx.word(t)), |w| words.is(Section::Minor, w))
}

/// True when `s` has two letters or more, all capitals.
fn is_shouted(s: &str) -> bool {
    s.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !s.chars().any(char::is_lowercase)
}

/// True when `words` (a title's words, punctuation left out) are at most [`MAX_TITLE_WORDS`],
/// the first is capitalised or a number, and each later one is capitalised, a number, or a minor
/// word (`is_minor`, given lowercase). Word pieces that start with no letter ("’s") are skipped.
fn is_title_case<'w>(words: impl Iterator<Item = &'w str>, is_minor: impl Fn(&str) -> bool) -> bool {
    let mut count = 0;
    let mut capitalised = false;
    for w in words {
        count += 1;
        if count > MAX_TITLE_WORDS {
            return false;
        }
        let Some(first) = w.chars().next() else { continue };
        if first.is_numeric() || !first.is_alphabetic() {
            continue;
        }
        // "iPhone", "eBay" are capitalised inside.
        if w.chars().any(char::is_uppercase) {
            capitalised = true;
        } else if count == 1 || !is_minor(&w.to_lowercase()) {
            return false;
        }
    }
    capitalised
}

/// The lowercase text of token `t`, without a trailing period ("feat." → "feat").
fn lower(ctx: &Ctx<'_>, t: usize) -> String {
    ctx.word(t).trim_end_matches('.').to_lowercase()
}

/// A work noun, a naming participle or a preposition before the opening mark, a determiner
/// before it with a work or maker noun after the closing one, a year or a credit after it, or
/// nothing around it in a heading.
fn named_where_it_stands(ctx: &Ctx<'_>, words: &TitleWords, q: usize) -> bool {
    if is_heading_alone(ctx, q) {
        return true;
    }
    let r = ctx.quoted_toks[q].clone();
    let (open, after) = (r.start, r.end);
    if open > 0 && !ctx.line_break_before(open) {
        let prev = open - 1;
        let w = lower(ctx, prev);
        let work_at = |t: usize| ctx.is_word(t) && words.is_work(&lower(ctx, t));
        let by_work_noun = ctx.is_word(prev) && words.is_work(&w);
        // "three singles: “…”", "his first single, “…”", "a chapter called “…”"
        let after_work_noun = prev > 0
            && (matches!(w.as_str(), "," | ":") || words.is(Section::NamingAfterWork, &w))
            && work_at(prev - 1);
        let determiner = ctx.class(prev).has(Class::ARTICLE) || ctx.is_possessive(prev);
        let maker_after = after < ctx.tokens.len()
            && ctx.is_word(after)
            && !ctx.is_capitalized(after)
            && (words.is_work(&lower(ctx, after)) || words.is(Section::Maker, &lower(ctx, after)));
        if words.is(Section::Naming, &w)
            || by_work_noun
            || after_work_noun
            || words.is(Section::Preposition, &w)
            || (determiner && maker_after)
        {
            return true;
        }
    }
    after < ctx.tokens.len()
        && !ctx.line_break_before(after)
        && (words.is(Section::Feature, &lower(ctx, after)) || year_ends_line(ctx, words, after))
}

/// A paragraph (not the headline) of nothing but the quoted span, of [`MIN_HEADING_WORDS`] words or more and no
/// full stop or comma at its end: the heading of a listing ("‘A Night at the Opera: Live!’"),
/// where a quote paragraph is a sentence.
fn is_heading_alone(ctx: &Ctx<'_>, q: usize) -> bool {
    let quote = &ctx.quoted[q];
    let inner = quote.inner.as_str(ctx.text);
    let paragraph = &ctx.paragraphs[quote.paragraph];
    // A headline capitalises every word, a subhead in capitals every letter: the shape of
    // either tells nothing.
    paragraph.role != Role::Title
        && !is_shouted(inner)
        && paragraph.span.trim(ctx.text) == quote.outer()
        && !inner.ends_with(['.', ',', ';', ':'])
        && inner.split_whitespace().nth(MIN_HEADING_WORDS - 1).is_some()
}

/// True when a year in brackets follows from token `t` on its line, over capitalised words,
/// minor words and list punctuation only: "(2022)", "with Ann Lee (2023)", "feat. Tom Reed (2019)".
fn year_ends_line(ctx: &Ctx<'_>, words: &TitleWords, t: usize) -> bool {
    let end = ctx.tokens.len().min(t + MAX_YEAR_REACH);
    for i in t..end {
        if i > t && ctx.line_break_before(i) {
            return false;
        }
        if is_year_in_brackets(ctx, i) {
            return true;
        }
        let w = ctx.word(i);
        let passes = ctx.is_capitalized(i)
            || matches!(w, "," | "." | "&" | "-" | "–" | "—")
            || (ctx.is_word(i) && {
                let l = lower(ctx, i);
                words.is(Section::Minor, &l) || words.is(Section::Feature, &l)
            });
        if !passes {
            return false;
        }
    }
    false
}

/// "(2022)" starting at token `t`.
fn is_year_in_brackets(ctx: &Ctx<'_>, t: usize) -> bool {
    t + 2 < ctx.tokens.len()
        && ctx.word(t) == "("
        && ctx.word(t + 2) == ")"
        && ctx.tokens[t + 1].kind == TokenKind::Number
        && crate::layout::year(ctx.word(t + 1)).is_some()
}

/// True when quoted pieces `q` and `q + 1` stand in one list on one line: only commas, "and",
/// "or", "&", "/" and years in brackets between them, and at least one of those or a comma
/// closing the first ("“Do You,” “Awake”").
fn listed_together(ctx: &Ctx<'_>, q: usize) -> bool {
    let (first, next) = (&ctx.quoted[q], &ctx.quoted[q + 1]);
    let gap = ctx.quoted_toks[q].end..ctx.quoted_toks[q + 1].start;
    if first.paragraph != next.paragraph || gap.len() > MAX_LIST_GAP || ctx.line_break_before(gap.end) {
        return false;
    }
    let mut t = gap.start;
    let mut separated = first.inner.as_str(ctx.text).ends_with(',');
    while t < gap.end {
        if is_year_in_brackets(ctx, t) {
            t += 3;
        } else if matches!(ctx.word(t), "," | "&" | "/" | ";" | "and" | "or") {
            t += 1;
        } else {
            return false;
        }
        separated = true;
    }
    separated && t == gap.end
}

/// The embedded file and its reader, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] =
    &[data::Check { file: TITLES, read: |f| read(f).map(drop), class: data::ClassAt::Section }];

#[cfg(test)]
mod tests {
    use super::*;

    fn title_case(s: &str) -> bool {
        let words = TitleWords::new();
        is_title_case(
            s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ':' | '!' | '?')).filter(|w| !w.is_empty()),
            |w| words.is(Section::Minor, w),
        )
    }

    #[test]
    fn content_words_capitalised_make_a_title_shape() {
        assert!(title_case("Stay With Me Tonight"));
        assert!(title_case("Night of the Long Knives"));
        assert!(title_case("Do You,"));
        assert!(title_case("D-2"));
        assert!(title_case("In the Garden: Live 2"));
        assert!(title_case("iPhone Days"));
        // Speech and judgements have lowercase content words; a lowercase first word is no title.
        assert!(!title_case("We will win,"));
        assert!(!title_case("a disaster."));
        assert!(!title_case("No comment,"));
        assert!(!title_case("the Long Road"));
        // Numbers alone are no title; thirteen words are too many.
        assert!(!title_case("2020"));
        assert!(!title_case("A B C D E F G H I J K L M"));
    }

    #[test]
    fn work_nouns_and_their_plurals() {
        let words = TitleWords::new();
        assert!(words.is_work("single") && words.is_work("singles"));
        assert!(words.is_work("documentaries"));
        assert!(words.is_work("series"));
        assert!(!words.is_work("statement") && !words.is_work("s"));
        assert!(words.is(Section::Maker, "singer") && !words.is(Section::Maker, "spokesman"));
    }
}
