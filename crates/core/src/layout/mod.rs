//! Layout: which paragraph is what.
//!
//! `blocks` finds the paragraphs (blank-line separated, hard-wrapped, or one per line). Each
//! short paragraph is then checked, in this order, for web furniture and page notices
//! (`boilerplate`: share rows, "This was published 3 years ago", "This feature is not
//! available"; `dates`: date labels without their date; `caption`: a photo credit standing
//! alone), a date line (`dates`), a byline (`byline`), a credit line (`credit`) and a caption
//! (`caption`).
//! Then position counts: the first paragraph that is not furniture is the title when it reads
//! like a headline (`headline`), copies of it just under it are furniture, under it may stand a
//! byline without "By", paragraphs between the title and a byline are subtitles, short tag
//! lines next to furniture at the end are furniture, and the story's first paragraph may open
//! with a dateline (`dateline`) or a date, which then ends a sentence of its own. Summary
//! bullets above the story are passed over in that search, and past a long paragraph (a
//! caption or standfirst not recognised) only a dateline whose shape vouches for it is taken.
//! Names come from bylines and credits (`names`).
//! A text of one paragraph is a snippet, not a page: it is body, perhaps after a dateline.
//! The word lists are data files in `data/` (`lexicon`).

mod blocks;
mod boilerplate;
mod byline;
mod caption;
mod credit;
mod dateline;
mod dates;
mod headline;
pub(crate) mod lexicon;
mod markup;
mod names;

use crate::article::{Dateline, Paragraph, Role};
use crate::doc::{Doc, Layout};
use crate::span::Span;
use dateline::DatelineFinder;
pub(crate) use dates::year;
use lexicon::LayoutLexicon;

/// Longest paragraph given a role other than body or title by its content, in bytes.
const MAX_SHORT: usize = 400;
/// How many paragraphs after the title a byline may come, with subtitles between.
const MAX_SUBTITLES: usize = 2;
/// Words after a dateline that make a first line a story rather than a headline.
const MIN_STORY_WORDS: usize = 5;
/// How many paragraphs at the top may start with a byline line glued to the story.
const MAX_BYLINE_PARAGRAPH: usize = 4;
/// How many body paragraphs at the top are searched for a dateline.
const MAX_DATELINE_PARAGRAPHS: usize = 3;
/// A body paragraph this long may be the story itself: after it, only a dateline whose shape
/// vouches for it is taken.
const MIN_STORY_PARAGRAPH: usize = 100;
/// How many body paragraphs at the top are searched for a dateline whose shape vouches for it,
/// past captions, standfirsts and notices that were not recognised.
const MAX_DATELINE_SEARCH: usize = 5;
/// Longest label or tag line, in bytes.
const MAX_STUB: usize = 60;
/// Section labels above the headline ("World", "Business News") have at most this many words.
const MAX_LABEL_WORDS: usize = 2;
/// How many paragraphs under the title are checked for a copy of it.
const MAX_REPEATED_TITLE: usize = 3;
/// How many bytes longer or shorter than the title a copy of it may be ("» Title.", "Title |").
const MAX_COPY_SLACK: usize = 12;
/// How far down section labels may stand.
const MAX_LEADING_LABELS: usize = 4;

/// Finds paragraphs and their roles. Built once; holds the word lists and patterns.
#[derive(Debug)]
pub struct LayoutAnalyzer {
    lexicon: LayoutLexicon,
    datelines: DatelineFinder,
    plain_text: bool,
}

impl Default for LayoutAnalyzer {
    fn default() -> LayoutAnalyzer {
        LayoutAnalyzer::new()
    }
}

impl LayoutAnalyzer {
    /// Compiles the layout patterns and loads the word lists.
    pub fn new() -> LayoutAnalyzer {
        LayoutAnalyzer { lexicon: LayoutLexicon::new(), datelines: DatelineFinder::new(), plain_text: false }
    }

    /// Treat every paragraph as body text: no title, byline, dateline, credit or boilerplate.
    /// Default: false.
    pub fn plain_text(mut self, yes: bool) -> LayoutAnalyzer {
        self.plain_text = yes;
        self
    }

    /// Fills `doc.layout`.
    pub fn run(&self, doc: &mut Doc<'_>) {
        let text = doc.source.norm();
        let mut spans = Vec::new();
        blocks::paragraphs(text, &mut spans);
        if !self.plain_text {
            self.split_glued_byline(text, &mut spans);
        }
        let mut layout = Layout { paragraphs: Vec::with_capacity(spans.len()), ..Layout::default() };
        let mut roles = vec![Role::Body; spans.len()];
        // One paragraph alone is a snippet of running text ("I live in the U.S. How about
        // you?"), not a page: it has no headline, byline or furniture, but may open with a dateline.
        let snippet = spans.len() == 1 && doc.markup_roles.is_none();
        if snippet && !self.plain_text {
            self.find_dateline(text, &spans, &mut roles, &mut layout);
        } else if !self.plain_text {
            self.classify(text, &spans, &mut roles, &mut layout);
            if let Some(given) = doc.markup_roles.as_deref().filter(|g| g.len() == spans.len()) {
                markup::apply(given, text, &spans, &mut roles, &mut layout, &self.lexicon);
            }
            self.find_title(text, &spans, &mut roles, &mut layout);
            trailing_furniture(text, &spans, &mut roles);
            self.find_dateline(text, &spans, &mut roles, &mut layout);
            if let Some(last) = (0..spans.len()).rev().find(|&i| roles[i] == Role::Body) {
                credit::trailing_credit(spans[last].as_str(text), &self.lexicon, &mut layout.contributors);
            }
            layout.sentence_breaks.sort_unstable();
        }
        let first_of = |role: Role| roles.iter().position(|&r| r == role).map(|i| spans[i].as_str(text).to_string());
        layout.title = first_of(Role::Title);
        layout.subtitle = first_of(Role::Subtitle);
        layout.paragraphs = spans.iter().zip(&roles).map(|(&span, &role)| Paragraph { span, role }).collect();
        doc.layout = layout;
    }

    /// "By Jane Doe, Reuters\nLONDON, March 3 - ...": a byline line wrapped into the first
    /// paragraph becomes a paragraph of its own.
    fn split_glued_byline(&self, text: &str, spans: &mut Vec<Span>) {
        for i in 0..spans.len().min(MAX_BYLINE_PARAGRAPH) {
            let s = spans[i].as_str(text);
            let Some(nl) = s.find('\n') else { continue };
            if byline::byline(&s[..nl], &self.lexicon).is_some() {
                let start = spans[i].start();
                let rest = Span::new(start + nl, spans[i].end()).trim(text);
                spans[i] = Span::new(start, start + nl).trim(text);
                spans.insert(i + 1, rest);
                return;
            }
        }
    }

    /// Roles from each short paragraph's own content.
    fn classify(&self, text: &str, spans: &[Span], roles: &mut [Role], layout: &mut Layout) {
        let lex = &self.lexicon;
        let mut folded = String::new();
        for (i, span) in spans.iter().enumerate() {
            let raw = span.as_str(text);
            if raw.len() > MAX_SHORT {
                continue;
            }
            folded.clear();
            if raw.len() <= boilerplate::MAX_FOLDED {
                boilerplate::fold(raw, &mut folded);
            }
            let furniture = !raw.chars().any(char::is_alphanumeric)
                || boilerplate::is_boilerplate(raw, &folded, lex)
                || dates::stamp_without_date(raw, lex)
                || caption::credit_only(raw, lex);
            roles[i] = if furniture {
                Role::Boilerplate
            } else if let Some(date) = dates::date_line(raw, lex) {
                layout.published = layout.published.or(Some(date));
                Role::Dateline
            } else if let Some(b) = byline::byline(raw, lex) {
                add_names(&mut layout.authors, b.authors);
                layout.published = layout.published.or(b.date);
                Role::Byline
            } else if credit::credit(raw, lex, &mut layout.contributors) {
                Role::Credit
            } else if let Some(c) = caption::caption(raw, lex) {
                if let Some(at) = c.credit {
                    layout.sentence_breaks.push(span.start() + at);
                }
                Role::Caption
            } else {
                Role::Body
            };
        }
    }

    /// The first paragraph that is not furniture is the title when it reads like a headline
    /// (section labels such as "World" above a headline are furniture). Under it may come a
    /// byline without "By", affiliation lines that continue a byline, and, between the title
    /// and a byline, subtitles.
    fn find_title(&self, text: &str, spans: &[Span], roles: &mut [Role], layout: &mut Layout) {
        let n = roles.len();
        let next_content = |from: usize, roles: &[Role]| (from..n).find(|&i| roles[i] != Role::Boilerplate);
        let Some(mut t) = next_content(0, roles) else { return };
        while t < MAX_LEADING_LABELS && roles[t] == Role::Body && is_stub(spans[t].as_str(text), MAX_LABEL_WORDS) {
            let next = next_content(t + 1, roles).filter(|&i| {
                let raw = spans[i].as_str(text);
                roles[i] == Role::Body && headline::is_headline(raw) && !is_stub(raw, MAX_LABEL_WORDS)
            });
            let Some(next) = next else { break };
            roles[t] = Role::Boilerplate;
            t = next;
        }
        let first = spans[t].as_str(text);
        // A dateline followed by a story is no headline ("WILMINGTON, Del., Feb 26 - Du Pont Co said").
        let story = self
            .datelines
            .find(first, &self.lexicon)
            .is_some_and(|d| first[d.body..].split_whitespace().count() >= MIN_STORY_WORDS);
        // A title the markup gave stands; the lines under it are read as under any title.
        let given = roles[t] == Role::Title;
        if !given && (roles[t] != Role::Body || story || !headline::is_headline(first)) {
            return;
        }
        roles[t] = Role::Title;
        repeated_title(text, spans, t, roles);
        let top = t + 1..n.min(t + 2 + MAX_SUBTITLES);
        if !top.clone().any(|i| roles[i] == Role::Byline) {
            let unlabelled = top
                .clone()
                .filter(|&i| roles[i] == Role::Body)
                .find_map(|i| byline::unlabelled_byline(spans[i].as_str(text), &self.lexicon).map(|b| (i, b)));
            if let Some((i, b)) = unlabelled {
                roles[i] = Role::Byline;
                add_names(&mut layout.authors, b.authors);
            }
        }
        for i in t + 2..n.min(t + 3 + MAX_SUBTITLES) {
            if roles[i - 1] == Role::Byline
                && roles[i] == Role::Body
                && names::is_affiliation_line(spans[i].as_str(text), &self.lexicon)
            {
                roles[i] = Role::Byline;
            }
        }
        if let Some(b) = top.clone().find(|&i| roles[i] == Role::Byline) {
            for role in &mut roles[t + 1..b] {
                if *role == Role::Body {
                    *role = Role::Subtitle;
                }
            }
        }
    }

    /// The dateline or date that opens the story: the first body paragraph, or one of the
    /// short ones just before it. List items above the story (summary bullets) are passed
    /// over, and after a long paragraph only a dateline whose shape vouches for it
    /// ("MILLTOWN, Texas (AP) —") is taken: a caption or a standfirst may stand first.
    fn find_dateline(&self, text: &str, spans: &[Span], roles: &mut [Role], layout: &mut Layout) {
        let body = (0..roles.len())
            .filter(|&i| roles[i] == Role::Body && !blocks::is_list_item(spans[i].as_str(text)))
            .take(MAX_DATELINE_SEARCH);
        let mut near = true;
        for (k, i) in body.collect::<Vec<_>>().into_iter().enumerate() {
            let span = spans[i];
            let raw = span.as_str(text);
            near &= k < MAX_DATELINE_PARAGRAPHS;
            let found =
                if near || DatelineFinder::may_vouch(raw) { self.datelines.find(raw, &self.lexicon) } else { None };
            if let Some(found) = found.filter(|f| near || f.vouched) {
                layout.published = layout.published.or(found.date);
                layout.dateline =
                    Some(Dateline { place: found.place, span: Span::new(span.start(), span.start() + found.len) });
                if found.body >= raw.len() {
                    roles[i] = Role::Dateline;
                } else {
                    layout.sentence_breaks.push(span.start() + found.body);
                }
                return;
            }
            if near {
                if let Some((date, body)) = dates::leading_date(raw, &self.lexicon) {
                    layout.published = layout.published.or(Some(date));
                    layout.sentence_breaks.push(span.start() + body);
                    return;
                }
            }
            near &= raw.len() < MIN_STORY_PARAGRAPH;
        }
    }
}

/// Appends `names` to `list`, skipping the ones already there.
fn add_names(list: &mut Vec<String>, names: Vec<String>) {
    for n in names {
        if !list.contains(&n) {
            list.push(n);
        }
    }
}

/// The headline repeated under itself (the page's headline above the article's, or a share
/// card's): the copies among the next few paragraphs are furniture. Compared folded, so case,
/// spacing and a final period do not matter.
fn repeated_title(text: &str, spans: &[Span], t: usize, roles: &mut [Role]) {
    let head = spans[t].as_str(text);
    let (mut title, mut other) = (String::new(), String::new());
    for i in t + 1..roles.len().min(t + 2 + MAX_REPEATED_TITLE) {
        let raw = spans[i].as_str(text);
        // Folding drops bullets, spaces and a final mark: a copy is about as long as the title.
        if raw.len().abs_diff(head.len()) > MAX_COPY_SLACK || roles[i] == Role::Boilerplate {
            continue;
        }
        if title.is_empty() {
            boilerplate::fold(head, &mut title);
        }
        boilerplate::fold(raw, &mut other);
        if other == title {
            roles[i] = Role::Boilerplate;
        }
    }
}

/// A short line that is not a sentence: a label, a tag, a link.
fn is_stub(raw: &str, max_words: usize) -> bool {
    raw.len() <= MAX_STUB
        && !raw.contains('\n')
        && !raw.ends_with(['.', '!', '?', ':', '"', '”', '’'])
        && raw.split_whitespace().count() <= max_words
}

/// Short lines at the end of a page next to recognised furniture ("Explore more on these
/// topics", "Inflation", "Share") are furniture too; lines with figures are data, not tags.
fn trailing_furniture(text: &str, spans: &[Span], roles: &mut [Role]) {
    let mut from = roles.len();
    let mut furniture = false;
    let tag = |raw: &str| is_stub(raw, MAX_STUB) && !raw.bytes().any(|b| b.is_ascii_digit());
    while from > 0 {
        match roles[from - 1] {
            Role::Boilerplate => furniture = true,
            Role::Body if tag(spans[from - 1].as_str(text)) => {}
            _ => break,
        }
        from -= 1;
    }
    if furniture {
        for role in &mut roles[from..] {
            *role = Role::Boilerplate;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(text: &str) -> Layout {
        let mut doc = Doc::new(text, None);
        LayoutAnalyzer::new().run(&mut doc);
        doc.layout
    }

    fn roles(text: &str) -> Vec<Role> {
        layout(text).paragraphs.iter().map(|p| p.role).collect()
    }

    #[test]
    fn article_parts() {
        let text = "Storm Hits Coast\n\nA deck that sums it up\n\nBy JANE DOE and John Roe, Associated Press\n\nMIAMI (AP) — The storm arrived.\n\nA caption here. Photo: Jane Doe.\n\nAdditional reporting by Ann Lee.\n\nAdvertisement";
        let l = layout(text);
        use Role::*;
        assert_eq!(
            l.paragraphs.iter().map(|p| p.role).collect::<Vec<_>>(),
            [Title, Subtitle, Byline, Body, Caption, Credit, Boilerplate]
        );
        assert_eq!(l.title.as_deref(), Some("Storm Hits Coast"));
        assert_eq!(l.subtitle.as_deref(), Some("A deck that sums it up"));
        assert_eq!(l.authors, ["Jane Doe", "John Roe"]);
        assert_eq!(l.contributors, ["Ann Lee"]);
        let d = l.dateline.unwrap();
        assert_eq!((d.place.as_str(), d.span.as_str(text)), ("MIAMI", "MIAMI (AP) —"));
        assert_eq!(l.sentence_breaks.len(), 2);
    }

    #[test]
    fn date_lines_give_published() {
        let l = layout("A Headline\n\nFriday, May 8, 2009\n\nBody text here.");
        assert_eq!(l.paragraphs[1].role, Role::Dateline);
        assert_eq!(l.published, crate::parse_date("2009-05-08").ok());
    }

    #[test]
    fn plain_text_mode() {
        let mut doc = Doc::new("Hello World\n\nLeave a Reply", None);
        LayoutAnalyzer::new().plain_text(true).run(&mut doc);
        assert!(doc.layout.paragraphs.iter().all(|p| p.role == Role::Body));
        assert!(doc.layout.title.is_none());
    }

    #[test]
    fn one_paragraph_is_body() {
        assert_eq!(roles("I live in the U.S. How about you?"), [Role::Body]);
        assert_eq!(roles("Storm Hits Coast"), [Role::Body]);
        assert_eq!(roles("• 9. The first item • 10. The second item"), [Role::Body]);
        let l = layout("MILLTOWN, Texas (AP) — The storm arrived.");
        assert_eq!(l.paragraphs[0].role, Role::Body);
        assert_eq!(l.dateline.map(|d| d.place).as_deref(), Some("MILLTOWN, Texas"));
        // Two paragraphs are a page again.
        assert_eq!(roles("Storm Hits Coast\n\nThe storm arrived."), [Role::Title, Role::Body]);
    }

    #[test]
    fn page_notices_are_furniture() {
        use Role::*;
        let text = "Harbour Bridge Reopens\n\nHarbour bridge reopens.\n\nPUBLISHED: | UPDATED:\n\nThis was published 3 years ago\n\nPhoto: Ann Lee/Valley Gazette\n\nThe bridge reopened on Monday.";
        assert_eq!(roles(text), [Title, Boilerplate, Boilerplate, Boilerplate, Boilerplate, Body]);
        // The title's words in a sentence are no copy of it.
        let text = "Harbour Bridge Reopens\n\nThe harbour bridge reopens on Monday.\n\nIt had been shut.";
        assert_eq!(roles(text), [Title, Body, Body]);
    }

    #[test]
    fn sentence_first_paragraph_is_no_title() {
        assert_eq!(roles("The storm arrived on Monday.\n\nIt left."), [Role::Body, Role::Body]);
    }
}
