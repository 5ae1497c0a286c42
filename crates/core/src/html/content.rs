//! Which part of the page is the article.
//!
//! The decision follows the idea Mozilla's Readability made standard, with byline's own
//! tuning. First, what a reader never sees and what names itself as furniture (navigation,
//! share bars, related links, comments; `crates/core/data/html/classes.txt`) is set aside. Then every block of
//! running text scores its ancestors: the more text and commas (a sign of prose), the more
//! score, given in full to the parent and in decreasing parts to the next four ancestors. An
//! element's own name adds to its score ("article-body" much, "sidebar" negatively), and link
//! text counts against it: a list of headlines is mostly links, a story is not. The best
//! element is the article's container; its siblings join when they score close to it or read
//! as paragraphs of the same story.

use super::classes::Classes;
use super::dom::{Dom, Kind, NONE};
use super::tags::Tag;

/// Fewest visible characters a block needs to count as a paragraph of running text.
const MIN_PARAGRAPH: u32 = 25;
/// How many ancestors a paragraph's score reaches.
const SCORE_LEVELS: usize = 5;
/// Characters per point of a paragraph's length score, and the most points length gives.
const CHARS_PER_POINT: u32 = 100;
const MAX_LENGTH_POINTS: u32 = 3;
/// A sibling of the best element joins when its score is this part of the best score...
const SIBLING_SHARE: f32 = 0.2;
/// ... and at least this much.
const MIN_SIBLING_SCORE: f32 = 10.0;
/// A sibling paragraph joins with this much text and at most this link density.
const SIBLING_PARAGRAPH: u32 = 80;
const SIBLING_LINK_DENSITY: f32 = 0.25;
/// Furniture by class name is left out only when it holds less than this share of the page's text.
const MAX_UNLIKELY_SHARE: f32 = 0.4;
/// An ancestor of the best element takes its place when its score is at least this part of it.
const PARENT_SHARE: f32 = 1.0 / 3.0;

/// Per-node facts, indexed by node id.
pub(crate) struct Stats {
    /// Left out: invisible, hidden, or furniture by name.
    pub skip: Vec<bool>,
    /// Visible characters (not counting blank space) in the subtree.
    pub chars: Vec<u32>,
    /// Of those, characters inside links.
    pub links: Vec<u32>,
    /// Commas in the subtree.
    pub commas: Vec<u32>,
    /// For block elements: characters of the running text directly in it (in inline
    /// descendants, not in nested blocks), and of that, link characters and commas.
    pub own: Vec<u32>,
    own_links: Vec<u32>,
    own_commas: Vec<u32>,
}

impl Stats {
    /// Share of the element's text that is link text.
    pub(crate) fn link_density(&self, id: u32) -> f32 {
        let c = self.chars[id as usize];
        if c == 0 {
            0.0
        } else {
            self.links[id as usize] as f32 / c as f32
        }
    }
}

/// Computes [`Stats`] in linear passes: skip flags top-down, counts bottom-up (node ids grow
/// in document order, so every parent comes before its children).
///
/// With `by_class`, elements whose class or id names furniture are left out too, unless they
/// hold a large part of the page's text: class lists carry layout modifiers
/// ("page-body--with-sidebar", "is-smallPromo") on the very wrappers of the story.
pub(crate) fn stats(dom: &Dom<'_>, classes: &Classes, by_class: bool) -> Stats {
    let n = dom.len();
    let mut skip = vec![false; n];
    for id in 1..n {
        let node = &dom.nodes[id];
        skip[id] = skip[node.parent as usize]
            || match node.kind {
                Kind::Element(tag) => {
                    tag.is_invisible()
                        || matches!(tag, Tag::Nav | Tag::Aside | Tag::Footer | Tag::Menu)
                        || classes.is_hidden(dom, id as u32)
                }
                _ => false,
            };
    }
    let mut s = Stats {
        skip,
        chars: vec![0; n],
        links: vec![0; n],
        commas: vec![0; n],
        own: vec![0; n],
        own_links: vec![0; n],
        own_commas: vec![0; n],
    };
    s.count(dom);
    if by_class {
        let limit = (s.chars[0] as f32 * MAX_UNLIKELY_SHARE) as u32;
        let mut changed = false;
        for id in 1..n {
            let parent = dom.nodes[id].parent as usize;
            if s.skip[parent] {
                s.skip[id] = true;
                continue;
            }
            if s.skip[id] || s.chars[id] > limit {
                continue;
            }
            if let Kind::Element(tag) = dom.nodes[id].kind {
                if !matches!(tag, Tag::Body | Tag::Html | Tag::Article | Tag::Main)
                    && classes.is_unlikely(dom, id as u32)
                {
                    s.skip[id] = true;
                    changed = true;
                }
            }
        }
        if changed {
            s.count(dom);
        }
    }
    s
}

impl Stats {
    /// Fills the counts from the skip flags.
    fn count(&mut self, dom: &Dom<'_>) {
        for v in [
            &mut self.chars,
            &mut self.links,
            &mut self.commas,
            &mut self.own,
            &mut self.own_links,
            &mut self.own_commas,
        ] {
            v.iter_mut().for_each(|x| *x = 0);
        }
        let s = self;
        for id in (1..dom.len()).rev() {
            if s.skip[id] {
                continue;
            }
            let node = &dom.nodes[id];
            let tag = match node.kind {
                Kind::Text => {
                    let (chars, commas) = count_text(dom.text(id as u32));
                    s.chars[id] = chars;
                    s.commas[id] = commas;
                    s.own[id] = chars;
                    s.own_commas[id] = commas;
                    None
                }
                Kind::Element(tag) => Some(tag),
                Kind::Root => continue,
            };
            if tag == Some(Tag::A) {
                s.links[id] = s.chars[id];
                s.own_links[id] = s.own[id];
            }
            let p = node.parent as usize;
            s.chars[p] += s.chars[id];
            s.links[p] += s.links[id];
            s.commas[p] += s.commas[id];
            if !tag.is_some_and(Tag::is_block) {
                s.own[p] += s.own[id];
                s.own_links[p] += s.own_links[id];
                s.own_commas[p] += s.own_commas[id];
            }
        }
    }
}

/// Visible characters and commas in raw text (an entity counts as a few characters: close
/// enough for scoring).
fn count_text(raw: &str) -> (u32, u32) {
    let mut chars = 0;
    let mut commas = 0;
    for &b in raw.as_bytes() {
        // Count each character once: skip UTF-8 continuation bytes and blank space.
        chars += u32::from((b & 0xC0) != 0x80 && !b.is_ascii_whitespace());
        commas += u32::from(b == b',');
    }
    (chars, commas)
}

/// The elements that make up the article, in document order: the best-scoring container and
/// the siblings that join it. Empty when the page has no running text.
pub(crate) fn article_roots(dom: &Dom<'_>, stats: &Stats, classes: &Classes) -> Vec<u32> {
    let n = dom.len();
    let mut score = vec![f32::NAN; n];
    let init = |id: u32, score: &mut Vec<f32>| {
        if score[id as usize].is_nan() {
            score[id as usize] = tag_weight(dom.tag(id)) + classes.weight(dom, id) as f32;
        }
    };
    for id in 1..n as u32 {
        let i = id as usize;
        if stats.skip[i] || !dom.tag(id).is_some_and(Tag::is_block) {
            continue;
        }
        let text = stats.own[i].saturating_sub(stats.own_links[i]);
        if text < MIN_PARAGRAPH {
            continue;
        }
        let points = 1.0 + stats.own_commas[i] as f32 + (text / CHARS_PER_POINT).min(MAX_LENGTH_POINTS) as f32;
        let mut anc = dom.nodes[i].parent;
        for level in 0..SCORE_LEVELS {
            if anc == NONE || anc == 0 {
                break;
            }
            init(anc, &mut score);
            let divider = match level {
                0 => 1.0,
                1 => 2.0,
                l => l as f32 * 3.0,
            };
            score[anc as usize] += points / divider;
            anc = dom.nodes[anc as usize].parent;
        }
    }
    let final_score = |id: u32| {
        let s = score[id as usize];
        if s.is_nan() {
            f32::NAN
        } else {
            s * (1.0 - stats.link_density(id))
        }
    };
    let Some(mut top) = (1..n as u32)
        .filter(|&id| !score[id as usize].is_nan())
        .max_by(|&a, &b| final_score(a).total_cmp(&final_score(b)))
    else {
        return Vec::new();
    };
    // An ancestor that scores about as well holds more of the story (paragraphs split by a
    // wrapper): climb to it.
    let mut last = final_score(top);
    let threshold = last * PARENT_SHARE;
    let mut parent = dom.nodes[top as usize].parent;
    while parent != NONE && parent != 0 && !matches!(dom.tag(parent), Some(Tag::Body | Tag::Html)) {
        let ps = final_score(parent);
        if ps.is_nan() {
            parent = dom.nodes[parent as usize].parent;
            continue;
        }
        if ps < threshold {
            break;
        }
        if ps > last {
            top = parent;
            break;
        }
        last = ps;
        parent = dom.nodes[parent as usize].parent;
    }
    // A lone child: its parent is the same content with its wrapper.
    loop {
        let p = dom.nodes[top as usize].parent;
        if p == NONE || p == 0 || matches!(dom.tag(p), Some(Tag::Body | Tag::Html)) {
            break;
        }
        let visible = dom.children(p).filter(|&c| !stats.skip[c as usize] && stats.chars[c as usize] > 0).count();
        if visible != 1 {
            break;
        }
        top = p;
    }
    siblings(dom, stats, top, final_score(top), &final_score)
}

/// The best element and the siblings that join it.
fn siblings(dom: &Dom<'_>, stats: &Stats, top: u32, top_score: f32, score: &dyn Fn(u32) -> f32) -> Vec<u32> {
    let parent = dom.nodes[top as usize].parent;
    if parent == NONE {
        return vec![top];
    }
    let threshold = (top_score * SIBLING_SHARE).max(MIN_SIBLING_SCORE);
    let top_class = dom.attr(top, "class").filter(|c| !c.is_empty());
    let mut out = Vec::new();
    for s in dom.children(parent) {
        let i = s as usize;
        if s == top {
            out.push(s);
            continue;
        }
        if stats.skip[i] || dom.tag(s).is_none() || stats.chars[i] == 0 {
            continue;
        }
        let bonus =
            if top_class.is_some() && dom.attr(s, "class") == top_class { top_score * SIBLING_SHARE } else { 0.0 };
        let sc = score(s);
        if !sc.is_nan() && sc + bonus >= threshold {
            out.push(s);
            continue;
        }
        let density = stats.link_density(s);
        let text = stats.own[i];
        let prose = dom.tag(s) == Some(Tag::P) || stats.chars[i] == stats.own[i];
        if prose && text >= SIBLING_PARAGRAPH && density < SIBLING_LINK_DENSITY {
            out.push(s);
            continue;
        }
        // The story split across sibling wrappers (its first paragraphs in one, the rest in
        // another): a sibling holding a container that scores as well as the best one joins.
        if density < SIBLING_LINK_DENSITY && best_within(dom, s, score) >= top_score.max(threshold) {
            out.push(s);
        }
    }
    out
}

/// The best score of the elements inside `id` (node ids of a subtree are consecutive).
fn best_within(dom: &Dom<'_>, id: u32, score: &dyn Fn(u32) -> f32) -> f32 {
    let mut end = id;
    let mut cur = id;
    while cur != NONE {
        let next = dom.nodes[cur as usize].next_sibling;
        if next != NONE {
            end = next;
            break;
        }
        cur = dom.nodes[cur as usize].parent;
    }
    let end = if end == id { dom.len() as u32 } else { end };
    (id + 1..end).map(score).filter(|s| !s.is_nan()).fold(f32::NEG_INFINITY, f32::max)
}

/// The score an element starts with for what kind of element it is.
fn tag_weight(tag: Option<Tag>) -> f32 {
    use Tag::*;
    match tag {
        Some(Div | Article | Main | Section) => 5.0,
        Some(Pre | Td | Blockquote) => 3.0,
        Some(Address | Ol | Ul | Dl | Dd | Dt | Li | Form) => -3.0,
        Some(H1 | H2 | H3 | H4 | H5 | H6 | Th) => -5.0,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_story_beats_the_menu() {
        let para =
            "<p>The river rose again on Tuesday, and the town council, meeting late, voted to open the shelters.</p>";
        let page = format!(
            "<body><ul class=menu><li><a href=/a>World news and more headlines</a></li><li><a href=/b>Business and markets today</a></li></ul>\
             <div class=story><h1>Flood</h1>{para}{para}{para}</div>\
             <div class=sidebar><p>Most read stories of the day, all of them, every one.</p></div></body>"
        );
        let dom = Dom::parse(&page);
        let c = Classes::new();
        let s = stats(&dom, &c, true);
        let roots = article_roots(&dom, &s, &c);
        assert_eq!(roots.len(), 1);
        assert_eq!(dom.attr(roots[0], "class"), Some("story"));
    }
}
