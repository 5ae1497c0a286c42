//! The marked stretches of an article (quotes, speakers, cues, mentions) turned into properly
//! nested tags, paragraph by paragraph.
//!
//! Marks overlap freely (a mention inside a quote, a quote across two paragraphs), so the text
//! is cut at every mark boundary and each piece is wrapped in the marks that cover it, outer
//! ranks first. A sweep keeps the marks open at each cut, so a paragraph costs time in its
//! pieces times the marks open at once, never its marks squared.

use std::collections::{BTreeMap, HashMap};

use byline_core::CharIndex;
use byline_core::{Article, MentionKind, Span};

use super::{colour, escape, escape_into, kind_name};

/// One marked stretch: a byte span and the tag that opens it (every mark is a `<span>`).
struct Mark {
    span: Span,
    /// Lower ranks open outside higher ones: quote, speaker, cue, mention.
    rank: u8,
    open: String,
}

const QUOTE: u8 = 0;
const SPEAKER: u8 = 1;
const CUE: u8 = 2;
const MENTION: u8 = 3;

/// Every mark of an article, and the quote badges (`q1`, linking to the speaker) by byte offset.
pub(super) struct Marks {
    /// Sorted by start.
    marks: Vec<Mark>,
    badges: BTreeMap<usize, String>,
}

impl Marks {
    /// The marks of `a`; `prefix` makes the speakers' element ids unique on the page.
    pub(super) fn of(a: &Article, prefix: &str) -> Marks {
        let text = a.text.as_str();
        let mut marks = Vec::new();
        let mut badges: BTreeMap<usize, String> = BTreeMap::new();
        let mut speaker_ids: HashMap<(usize, usize), String> = HashMap::new();
        for (i, q) in a.quotes.iter().enumerate() {
            let id = format!("q{}", i + 1);
            let mut link = None;
            let mut who = "nobody named";
            if let Some(s) = &q.speaker {
                who = s.name.as_deref().unwrap_or_else(|| s.span.as_str(text));
                let key = (s.span.start(), s.span.end());
                let n = speaker_ids.len() + 1;
                let anchor = speaker_ids.entry(key).or_insert_with(|| {
                    let anchor = format!("{prefix}-spk{n}");
                    let open = format!(r#"<span class="bl-spk" id="{anchor}">"#);
                    marks.push(Mark { span: s.span, rank: SPEAKER, open });
                    anchor
                });
                link = Some(anchor.clone());
            }
            let kind = kind_name(q.kind);
            let cue = q.cue.map(|c| format!(" ({})", c.as_str(text))).unwrap_or_default();
            let tip = escape(&format!("{id} · {kind} · {who}{cue}"));
            let open = format!(r#"<span class="bl-q bl-q-{kind}" data-q="{id}" title="{tip}">"#);
            marks.push(Mark { span: q.span, rank: QUOTE, open });
            if let Some(c) = q.cue {
                marks.push(Mark { span: c, rank: CUE, open: r#"<span class="bl-cue">"#.into() });
            }
            let href = link.map(|l| format!(r##" href="#{l}""##)).unwrap_or_default();
            badges
                .entry(q.span.start())
                .or_default()
                .push_str(&format!(r#"<a class="bl-qid"{href} title="{tip}">{id}</a>"#));
        }
        let chars = CharIndex::new(text);
        for (i, e) in a.entities.iter().enumerate() {
            let label = e.label.as_str();
            let name = escape(&e.name);
            for m in &e.mentions {
                // A nominal mention ("the ministry") belongs to its entity as a name does: same
                // colour and tip, and a dotted underline.
                let (css, kind, nominal) = match m.kind {
                    MentionKind::Name => ("bl-ent", "name", ""),
                    MentionKind::Nominal => ("bl-ent bl-nominal", "nominal", " · nominal"),
                };
                let open = format!(
                    r#"<span class="{css}" data-m="{}" data-e="e{}" data-kind="{kind}" data-label="{label}" style="background:{}" title="{label} · {name} (e{}){nominal}">"#,
                    chars.char_of(text, m.span.start()),
                    i + 1,
                    colour(e.label),
                    i + 1,
                );
                marks.push(Mark { span: m.span, rank: MENTION, open });
            }
        }
        marks.retain(|m| !m.span.is_empty());
        // Stable: marks of one start keep their rank order of creation.
        marks.sort_by_key(|m| m.span.start());
        Marks { marks, badges }
    }

    /// The inner HTML of each paragraph of `a`, in order. Paragraphs are in text order and do
    /// not overlap; a mark that runs across several is cut at their edges.
    pub(super) fn paragraphs(&self, a: &Article) -> Vec<String> {
        let mut out = Vec::with_capacity(a.paragraphs.len());
        let mut next = 0; // the first mark not yet handed to a paragraph
        let mut carried: Vec<&Mark> = Vec::new(); // marks running on past the last paragraph
        for p in &a.paragraphs {
            let (start, end) = (p.span.start(), p.span.end());
            let mut inside: Vec<&Mark> = carried.drain(..).filter(|m| m.span.end() > start).collect();
            while let Some(m) = self.marks.get(next).filter(|m| m.span.start() < end) {
                if m.span.end() > start {
                    inside.push(m);
                }
                next += 1;
            }
            carried.extend(inside.iter().filter(|m| m.span.end() > end));
            out.push(self.paragraph(&a.text, start, end, &inside));
        }
        out
    }

    /// `text[start..end]` with the marks in `inside` (sorted by start) as nested tags.
    fn paragraph(&self, text: &str, start: usize, end: usize, inside: &[&Mark]) -> String {
        let mut cuts: Vec<usize> = vec![start, end];
        for m in inside {
            cuts.push(m.span.start().clamp(start, end));
            cuts.push(m.span.end().clamp(start, end));
        }
        cuts.extend(self.badges.range(start..end).map(|(&at, _)| at));
        cuts.sort_unstable();
        cuts.dedup();
        let mut html = String::with_capacity((end - start) * 2);
        let mut open: Vec<(u8, usize)> = Vec::new(); // (rank, index into `inside`), outermost first
        let mut next = 0;
        for pair in cuts.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            open.retain(|&(_, i)| inside[i].span.end() > a);
            while next < inside.len() && inside[next].span.start().max(start) <= a {
                let key = (inside[next].rank, next);
                let at = open.partition_point(|&k| k < key);
                open.insert(at, key);
                next += 1;
            }
            if let Some(badge) = self.badges.get(&a) {
                html.push_str(badge);
            }
            for &(_, i) in &open {
                html.push_str(&inside[i].open);
            }
            escape_into(&text[a..b], &mut html);
            for _ in &open {
                html.push_str("</span>");
            }
        }
        html
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_core::Parser;

    /// The text of the HTML without its tags and badges, entities decoded.
    fn plain(html: &str) -> String {
        let mut out = String::new();
        let mut rest = html;
        while let Some(i) = rest.find('<') {
            out.push_str(&rest[..i]);
            let tag_end = rest[i..].find('>').unwrap() + i;
            if rest[i..].starts_with("<a ") {
                rest = &rest[rest[i..].find("</a>").unwrap() + i + 4..];
            } else {
                rest = &rest[tag_end + 1..];
            }
        }
        out.push_str(rest);
        out.replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#x27;", "'")
            .replace("&amp;", "&")
    }

    /// Tags open and close in a properly nested order.
    fn balanced(html: &str) -> bool {
        let mut depth: i64 = 0;
        for (i, _) in html.match_indices('<') {
            let tag = &html[i..];
            if tag.starts_with("<span") {
                depth += 1;
            } else if tag.starts_with("</span>") {
                depth -= 1;
            }
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn every_paragraph_keeps_its_text_and_nests_its_tags() {
        let text = "Mayors <Meet> & Talk\n\n\u{201c}We will act & soon,\u{201d} said Mayor Ola Brenn of \
                    Tarnvik. \u{201c}Not one\n\nmore delay,\u{201d} Brenn told reporters.";
        let a = Parser::new().parse(text, None).unwrap();
        let marks = Marks::of(&a, "t");
        let html = marks.paragraphs(&a);
        assert_eq!(html.len(), a.paragraphs.len());
        for (p, h) in a.paragraphs.iter().zip(&html) {
            assert_eq!(plain(h), p.span.as_str(&a.text), "{h}");
            assert!(balanced(h), "{h}");
        }
        assert!(html.concat().contains(r#"data-q="q1""#));
        assert!(!html.concat().contains("<Meet>"));
    }

    #[test]
    fn a_mark_across_paragraphs_is_cut_at_their_edges() {
        // A quote left open runs on into the next paragraph.
        let text = "Head\n\n\u{201c}First part of it\n\n\u{201c}and the rest,\u{201d} said Ann Holt.";
        let a = Parser::new().parse(text, None).unwrap();
        let html = Marks::of(&a, "t").paragraphs(&a);
        for (p, h) in a.paragraphs.iter().zip(&html) {
            assert_eq!(plain(h), p.span.as_str(&a.text));
            assert!(balanced(h));
        }
    }
}
