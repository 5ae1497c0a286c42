//! The article's text as a reader sees it: paragraphs from block elements, blank-line
//! separated, with the role the markup gives each one.
//!
//! Inline elements (`<a>`, `<em>`, `<span>`) never split text; block elements and `<br>` end
//! a paragraph. Character references are decoded, runs of blank space (no-break spaces
//! included) become one space, and characters a reader does not see (zero-width spaces, soft
//! hyphens) are dropped. No paragraph contains a line break, so the layout stage finds exactly
//! these paragraphs again, in this order.

use super::classes::Classes;
use super::content::Stats;
use super::dom::{Dom, Kind};
use super::entities::decode_into;
use super::tags::Tag;
use crate::article::Role;

/// A container inside the article whose text is at least this much link text is a list of
/// links (related stories, tags), not part of the story.
const MAX_LINK_DENSITY: f32 = 0.5;
/// A paragraph or list item that is this much link text is a link, not prose.
const MAX_PARAGRAPH_LINK_DENSITY: f32 = 0.8;
/// Longest element read as a byline by its class name, in visible characters.
const MAX_BYLINE_CHARS: u32 = 200;

/// Paragraphs and the roles the markup gives them (`None` where the markup is silent).
#[derive(Debug, Default)]
pub(crate) struct Blocks {
    pub text: String,
    pub roles: Vec<Option<Role>>,
}

/// What an element makes of the text inside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Context {
    /// The page's `<h1>`: a repeat of the title is dropped, anything else is a subhead.
    Headline,
    Given(Role),
}

/// Builds the text.
pub(crate) struct Writer {
    blocks: Blocks,
    /// The paragraph being built.
    cur: String,
    space: bool,
    /// Role-giving elements open around the text, innermost last.
    context: Vec<(u32, Context)>,
    pre: u32,
    decoded: String,
    title_key: String,
    /// Visible characters of the root being written.
    root_chars: u32,
}

impl Writer {
    /// A writer whose text starts with `title` (when there is one) as the title paragraph.
    pub(crate) fn new(title: Option<&str>) -> Writer {
        let mut w = Writer {
            blocks: Blocks::default(),
            cur: String::new(),
            space: false,
            context: Vec::new(),
            pre: 0,
            decoded: String::new(),
            title_key: String::new(),
            root_chars: 0,
        };
        if let Some(t) = title {
            w.push_visible(t);
            w.title_key = key(&w.cur);
            w.flush_as(Some(Role::Title));
        }
        w
    }

    /// Appends a paragraph of decoded text with a role.
    pub(crate) fn paragraph(&mut self, text: &str, role: Role) {
        self.flush();
        self.push_visible(text);
        self.flush_as(Some(role));
    }

    /// Appends plain text, one paragraph a line, with no role.
    pub(crate) fn plain_text(&mut self, text: &str) {
        for line in text.lines() {
            self.flush();
            self.push_visible(line);
            self.flush_as(None);
        }
    }

    /// Appends the article's part under each root.
    pub(crate) fn write(&mut self, dom: &Dom<'_>, stats: &Stats, classes: &Classes, roots: &[u32]) {
        for &root in roots {
            self.root_chars = stats.chars[root as usize];
            if self.enter(dom, stats, classes, root, true) {
                dom.walk(root, |id, entering| {
                    if entering {
                        self.enter(dom, stats, classes, id, false)
                    } else {
                        self.leave(dom, id);
                        true
                    }
                });
                self.leave(dom, root);
            }
        }
        self.flush();
    }

    /// The text and roles.
    pub(crate) fn finish(mut self) -> Blocks {
        self.flush();
        self.blocks
    }

    fn enter(&mut self, dom: &Dom<'_>, stats: &Stats, classes: &Classes, id: u32, root: bool) -> bool {
        let i = id as usize;
        if stats.skip[i] {
            return false;
        }
        let tag = match dom.nodes[i].kind {
            Kind::Text => {
                self.text(dom.text(id));
                return false;
            }
            Kind::Element(tag) => tag,
            Kind::Root => return true,
        };
        if tag == Tag::Br || tag == Tag::Hr {
            self.flush();
            return false;
        }
        if !tag.is_block() {
            // A link in an author line is a name: a word of its own ("By<a>Ana Ruiz</a>").
            if tag == Tag::A && self.context.last().is_some_and(|(_, c)| *c == Context::Given(Role::Byline)) {
                self.space = true;
            }
            return stats.chars[i] > 0;
        }
        self.flush();
        if stats.chars[i] == 0 {
            return false;
        }
        let context = match tag {
            Tag::H1 => Some(Context::Headline),
            t if t.is_heading() => Some(Context::Given(Role::Heading)),
            Tag::Figcaption | Tag::Figure | Tag::Caption => Some(Context::Given(Role::Caption)),
            Tag::Address => Some(Context::Given(Role::Byline)),
            _ if stats.chars[i] <= MAX_BYLINE_CHARS && classes.is_byline(dom, id) => Some(Context::Given(Role::Byline)),
            _ => None,
        };
        // Links in most of the article's text are the story's own (a shopping guide), not a
        // list of other stories; an author line is mostly the author's link.
        let byline = context == Some(Context::Given(Role::Byline));
        if !root && !byline && is_link_list(tag, stats, id) && stats.chars[i] * 2 <= self.root_chars {
            return false;
        }
        if let Some(c) = context {
            self.context.push((id, c));
        }
        if tag == Tag::Pre {
            self.pre += 1;
        }
        true
    }

    fn leave(&mut self, dom: &Dom<'_>, id: u32) {
        let Some(tag) = dom.tag(id) else { return };
        if !tag.is_block() {
            return;
        }
        self.flush();
        if self.context.last().is_some_and(|&(c, _)| c == id) {
            self.context.pop();
        }
        if tag == Tag::Pre {
            self.pre -= 1;
        }
    }

    /// Appends raw text (entities undecoded).
    fn text(&mut self, raw: &str) {
        let mut decoded = std::mem::take(&mut self.decoded);
        decoded.clear();
        decode_into(raw, &mut decoded);
        if self.pre > 0 {
            let mut lines = decoded.split('\n');
            if let Some(first) = lines.next() {
                self.push_visible(first);
            }
            for line in lines {
                self.flush();
                self.push_visible(line);
            }
        } else {
            self.push_visible(&decoded);
        }
        self.decoded = decoded;
    }

    /// Appends decoded text, collapsing blank space and dropping invisible characters.
    fn push_visible(&mut self, s: &str) {
        for c in s.chars() {
            if c.is_whitespace() {
                self.space = true;
            } else if !is_invisible(c) && !c.is_control() {
                if self.space && !self.cur.is_empty() {
                    self.cur.push(' ');
                }
                self.space = false;
                self.cur.push(c);
            }
        }
    }

    /// Ends the current paragraph with the role of the innermost role-giving element.
    fn flush(&mut self) {
        let role = match self.context.last() {
            None => None,
            Some((_, Context::Given(r))) => Some(*r),
            Some((_, Context::Headline)) => {
                // The headline again, alone or with a label ("Opinion") around it.
                if !self.title_key.is_empty() && key(&self.cur).contains(self.title_key.as_str()) {
                    self.cur.clear();
                }
                Some(Role::Heading)
            }
        };
        self.flush_as(role);
    }

    fn flush_as(&mut self, role: Option<Role>) {
        self.space = false;
        if self.cur.is_empty() {
            return;
        }
        if !self.blocks.text.is_empty() {
            self.blocks.text.push_str("\n\n");
        }
        self.blocks.text.push_str(&self.cur);
        self.blocks.roles.push(role);
        self.cur.clear();
    }
}

/// A container or item inside the article that is mostly links: related stories, tag lists.
fn is_link_list(tag: Tag, stats: &Stats, id: u32) -> bool {
    use Tag::*;
    let density = stats.link_density(id);
    match tag {
        Div | Section | Ul | Ol | Dl | Table | Header | Footer | Form | Figure | Center => density > MAX_LINK_DENSITY,
        P | Li | Dd | Dt | Td => density > MAX_PARAGRAPH_LINK_DENSITY,
        _ => false,
    }
}

/// Characters that take no room on screen.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' | '\u{200E}' | '\u{200F}')
}

/// A title's letters and digits, lowercased, for comparing two forms of it.
pub(crate) fn key(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::content::stats;

    fn blocks(page: &str, title: Option<&str>) -> Blocks {
        let dom = Dom::parse(page);
        let c = Classes::new();
        let s = stats(&dom, &c, true);
        let mut w = Writer::new(title);
        w.write(&dom, &s, &c, &[0]);
        w.finish()
    }

    #[test]
    fn paragraphs_roles_and_whitespace() {
        let b = blocks(
            "<h1>Big  News</h1><p class=byline>By Ann Lee</p><p>It&#8217;s <em>really</em>\n  here,&nbsp;now.<br>Next line</p>\
             <h2>More</h2><figure><img src=x><figcaption>A photo</figcaption></figure><p>soft\u{AD}hy\u{200B}phen</p>",
            Some("Big News"),
        );
        assert_eq!(
            b.text,
            "Big News\n\nBy Ann Lee\n\nIt’s really here, now.\n\nNext line\n\nMore\n\nA photo\n\nsofthyphen"
        );
        use Role::*;
        assert_eq!(b.roles, [Some(Title), Some(Byline), None, None, Some(Heading), Some(Caption), None]);
    }

    #[test]
    fn link_lists_and_preformatted_text() {
        let b = blocks(
            "<p>Story text here.</p><ul><li><a href=1>Other story one</a></li><li><a href=2>Other story two</a></li></ul><pre>a  b\nc</pre>",
            None,
        );
        assert_eq!(b.text, "Story text here.\n\na b\n\nc");
    }
}
