//! A forgiving HTML tokenizer and tree builder: one linear pass over the page into a flat
//! arena of nodes that point into the page text (no copy of text or attributes).
//!
//! It follows the HTML standard where it matters for reading an article: raw-text elements
//! (`<script>`, `<style>`) end only at their end tag, void elements have no content, a block
//! start closes an open `<p>`, `<li>` closes the previous `<li>`, and an end tag closes the
//! elements left open inside it. Misnested or unknown end tags are ignored. Every search is
//! bounded ([`MAX_DEPTH`], [`MAX_SCOPE`]) so that no page, however broken, takes more than
//! linear time.

use memchr::memmem;

use super::tags::Tag;

/// Deepest nesting kept; deeper elements become children of the deepest one kept.
pub(crate) const MAX_DEPTH: usize = 256;
/// How far down the stack of open elements an end tag or an implied end looks for its element.
const MAX_SCOPE: usize = 48;
/// No node: the end of a sibling or child chain.
pub(crate) const NONE: u32 = u32::MAX;

/// What a node is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// The document itself (node 0).
    Root,
    /// An element; `name` is its name's byte range in the page (for comparing unknown tags).
    Element(Tag),
    /// Character data; entities not yet decoded.
    Text,
}

/// One node. Children are a linked list, in document order. Node indexes grow in document
/// order, so a parent's index is always below its children's.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Node {
    pub kind: Kind,
    pub parent: u32,
    pub first_child: u32,
    pub last_child: u32,
    pub next_sibling: u32,
    /// Text: the byte range in the page. Element: the range in [`Dom::attrs`].
    pub start: u32,
    pub end: u32,
    /// Element: the byte range of its name in the page.
    pub name: (u32, u32),
}

/// One attribute: byte ranges of its name and (undecoded) value in the page.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Attr {
    name: (u32, u32),
    value: (u32, u32),
}

/// A parsed page.
pub(crate) struct Dom<'a> {
    pub src: &'a str,
    pub nodes: Vec<Node>,
    attrs: Vec<Attr>,
}

impl<'a> Dom<'a> {
    /// Parses `src`. Never fails: anything that is not markup is text.
    pub(crate) fn parse(src: &'a str) -> Dom<'a> {
        assert!(src.len() < u32::MAX as usize, "pages are limited to 4 GiB");
        let mut b = Builder {
            dom: Dom { src, nodes: Vec::with_capacity(src.len() / 64 + 16), attrs: Vec::with_capacity(src.len() / 80) },
            stack: vec![0],
        };
        b.dom.nodes.push(Node {
            kind: Kind::Root,
            parent: NONE,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            start: 0,
            end: 0,
            name: (0, 0),
        });
        b.run();
        b.dom
    }

    /// The element's tag, or `None` for text and the root.
    #[inline]
    pub(crate) fn tag(&self, id: u32) -> Option<Tag> {
        match self.nodes[id as usize].kind {
            Kind::Element(t) => Some(t),
            _ => None,
        }
    }

    /// A text node's raw text.
    #[inline]
    pub(crate) fn text(&self, id: u32) -> &'a str {
        let n = &self.nodes[id as usize];
        &self.src[n.start as usize..n.end as usize]
    }

    /// The raw (undecoded) value of an element's attribute, by lowercase name.
    pub(crate) fn attr(&self, id: u32, name: &str) -> Option<&'a str> {
        let n = &self.nodes[id as usize];
        if !matches!(n.kind, Kind::Element(_)) {
            return None;
        }
        self.attrs[n.start as usize..n.end as usize].iter().find_map(|a| {
            let an = &self.src[a.name.0 as usize..a.name.1 as usize];
            an.eq_ignore_ascii_case(name).then(|| &self.src[a.value.0 as usize..a.value.1 as usize])
        })
    }

    /// The element's name in lowercase ASCII, as written (for unknown tags such as `<my-widget>`).
    pub(crate) fn name_is(&self, id: u32, lower: &str) -> bool {
        let (s, e) = self.nodes[id as usize].name;
        self.src[s as usize..e as usize].eq_ignore_ascii_case(lower)
    }

    /// The children of a node, in order.
    pub(crate) fn children(&self, id: u32) -> Children<'_, 'a> {
        Children { dom: self, next: self.nodes[id as usize].first_child }
    }

    /// Number of nodes, the root included.
    pub(crate) fn len(&self) -> usize {
        self.nodes.len()
    }

    /// Depth-first walk of the subtree under `root` (not `root` itself), calling `visit` with
    /// `(id, true)` on entering each node and `(id, false)` on leaving each element after its
    /// content. Entering returns false to skip a node's content (and its leaving).
    /// Iterative: deep pages do not overflow the stack.
    pub(crate) fn walk(&self, root: u32, mut visit: impl FnMut(u32, bool) -> bool) {
        let mut id = self.nodes[root as usize].first_child;
        while id != NONE {
            let n = &self.nodes[id as usize];
            let entered = visit(id, true);
            if entered && n.first_child != NONE {
                id = n.first_child;
                continue;
            }
            if entered && matches!(n.kind, Kind::Element(_)) {
                visit(id, false);
            }
            // Up until a node with a next sibling, leaving each element passed.
            let mut cur = id;
            loop {
                let c = &self.nodes[cur as usize];
                if c.next_sibling != NONE {
                    id = c.next_sibling;
                    break;
                }
                cur = c.parent;
                if cur == root || cur == NONE {
                    id = NONE;
                    break;
                }
                visit(cur, false);
            }
        }
    }
}

/// Iterator over a node's children.
pub(crate) struct Children<'d, 'a> {
    dom: &'d Dom<'a>,
    next: u32,
}

impl Iterator for Children<'_, '_> {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.next == NONE {
            return None;
        }
        let id = self.next;
        self.next = self.dom.nodes[id as usize].next_sibling;
        Some(id)
    }
}

struct Builder<'a> {
    dom: Dom<'a>,
    /// Open elements, the root first. Never longer than [`MAX_DEPTH`].
    stack: Vec<u32>,
}

impl<'a> Builder<'a> {
    fn run(&mut self) {
        let src = self.dom.src;
        let b = src.as_bytes();
        let mut text_start = 0;
        let mut pos = 0;
        while let Some(rel) = memchr::memchr(b'<', &b[pos..]) {
            let lt = pos + rel;
            let next = b.get(lt + 1).copied().unwrap_or(0);
            let end = if next.is_ascii_alphabetic() {
                self.flush_text(text_start, lt);
                self.start_tag(lt)
            } else if next == b'/' && b.get(lt + 2).is_some_and(u8::is_ascii_alphabetic) {
                self.flush_text(text_start, lt);
                self.end_tag(lt)
            } else if next == b'!' || next == b'?' || next == b'/' {
                self.flush_text(text_start, lt);
                skip_markup_declaration(b, lt)
            } else {
                // A bare "<" is text ("a < b").
                pos = lt + 1;
                continue;
            };
            pos = end;
            text_start = end;
        }
        self.flush_text(text_start, b.len());
    }

    fn flush_text(&mut self, start: usize, end: usize) {
        if start < end {
            self.append(Kind::Text, start as u32, end as u32, (0, 0));
        }
    }

    fn top(&self) -> u32 {
        *self.stack.last().expect("the root is never popped")
    }

    /// Adds a node as the last child of the current element.
    fn append(&mut self, kind: Kind, start: u32, end: u32, name: (u32, u32)) -> u32 {
        let parent = self.top();
        let id = self.dom.nodes.len() as u32;
        self.dom.nodes.push(Node {
            kind,
            parent,
            first_child: NONE,
            last_child: NONE,
            next_sibling: NONE,
            start,
            end,
            name,
        });
        let p = &mut self.dom.nodes[parent as usize];
        let last = p.last_child;
        p.last_child = id;
        if last == NONE {
            p.first_child = id;
        } else {
            self.dom.nodes[last as usize].next_sibling = id;
        }
        id
    }

    /// Parses the start tag at `lt`; returns the offset after it (after the raw text and end
    /// tag for `<script>` and its kind).
    fn start_tag(&mut self, lt: usize) -> usize {
        let b = self.dom.src.as_bytes();
        let name_end = lt + 1 + b[lt + 1..].iter().take_while(|&&c| !is_name_end(c)).count();
        let tag = Tag::from_name(&b[lt + 1..name_end]);
        let attrs_start = self.dom.attrs.len() as u32;
        let (end, self_closing) = self.attributes(name_end);
        let attrs_end = self.dom.attrs.len() as u32;
        self.implied_ends(tag);
        let id = self.append(Kind::Element(tag), attrs_start, attrs_end, (lt as u32 + 1, name_end as u32));
        // `<x/>` closes only where the HTML standard lets it: void elements (never open) and
        // the unknown and foreign elements of inline SVG (`<path/>`).
        if tag.is_void() || (self_closing && tag == Tag::Other) {
            return end;
        }
        if tag.is_raw_text() {
            let name = &self.dom.src[lt + 1..name_end];
            let close = find_end_tag(b, end, name);
            if close > end {
                let saved = std::mem::replace(&mut self.stack, vec![id]);
                self.append(Kind::Text, end as u32, close as u32, (0, 0));
                self.stack = saved;
            }
            return match memchr::memchr(b'>', &b[close..]) {
                Some(gt) => close + gt + 1,
                None => b.len(),
            };
        }
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(id);
        }
        end
    }

    /// Reads attributes from `pos` to the tag's `>`; returns the offset after it and whether the
    /// tag ended with `/>`.
    fn attributes(&mut self, mut pos: usize) -> (usize, bool) {
        let b = self.dom.src.as_bytes();
        let n = b.len();
        loop {
            while pos < n && (b[pos].is_ascii_whitespace() || b[pos] == b'/') {
                if b[pos] == b'/' && b.get(pos + 1) == Some(&b'>') {
                    return (pos + 2, true);
                }
                pos += 1;
            }
            if pos >= n {
                return (n, false);
            }
            if b[pos] == b'>' {
                return (pos + 1, false);
            }
            let name_start = pos;
            pos += 1;
            while pos < n && !matches!(b[pos], b'=' | b'>' | b'/') && !b[pos].is_ascii_whitespace() {
                pos += 1;
            }
            let name = (name_start as u32, pos as u32);
            while pos < n && b[pos].is_ascii_whitespace() {
                pos += 1;
            }
            let mut value = (pos as u32, pos as u32);
            if pos < n && b[pos] == b'=' {
                pos += 1;
                while pos < n && b[pos].is_ascii_whitespace() {
                    pos += 1;
                }
                if pos < n && (b[pos] == b'"' || b[pos] == b'\'') {
                    let q = b[pos];
                    let close = memchr::memchr(q, &b[pos + 1..]).map_or(n, |i| pos + 1 + i);
                    value = ((pos + 1) as u32, close as u32);
                    pos = (close + 1).min(n);
                } else {
                    let start = pos;
                    while pos < n && b[pos] != b'>' && !b[pos].is_ascii_whitespace() {
                        pos += 1;
                    }
                    value = (start as u32, pos as u32);
                }
            }
            self.dom.attrs.push(Attr { name, value });
        }
    }

    /// Closes what the start of `tag` closes: an open `<p>` before a block, the previous item
    /// before `<li>`, `<dt>`/`<dd>`, `<tr>`, `<td>`/`<th>`, `<option>`, a heading before a
    /// heading, a link before a link.
    fn implied_ends(&mut self, tag: Tag) {
        use Tag::*;
        if tag.closes_p() {
            self.close_in_scope(|t| t == P, |t| matches!(t, Td | Th | Table | Button | Html | Body));
        }
        match tag {
            Li => self.close_in_scope(|t| t == Li, |t| matches!(t, Ul | Ol | Menu | Table)),
            Dt | Dd => self.close_in_scope(|t| matches!(t, Dt | Dd), |t| t == Dl),
            Tr => self.close_in_scope(|t| t == Tr, |t| t == Table),
            Td | Th => self.close_in_scope(|t| matches!(t, Td | Th), |t| matches!(t, Tr | Table)),
            Option => self.close_in_scope(|t| t == Option, |t| t == Select),
            A => self.close_in_scope(|t| t == A, |t| t.is_block()),
            H1 | H2 | H3 | H4 | H5 | H6 if self.dom.tag(self.top()).is_some_and(Tag::is_heading) => {
                self.stack.pop();
            }
            _ => {}
        }
    }

    /// Pops up to and including the nearest open element that `target` accepts, unless an
    /// element that `boundary` accepts (or [`MAX_SCOPE`] elements) come first.
    fn close_in_scope(&mut self, target: impl Fn(Tag) -> bool, boundary: impl Fn(Tag) -> bool) {
        for depth in (1..self.stack.len()).rev().take(MAX_SCOPE) {
            let Some(t) = self.dom.tag(self.stack[depth]) else { return };
            if target(t) {
                self.stack.truncate(depth);
                return;
            }
            if boundary(t) {
                return;
            }
        }
    }

    /// Parses the end tag at `lt`; returns the offset after it.
    fn end_tag(&mut self, lt: usize) -> usize {
        let b = self.dom.src.as_bytes();
        let name_start = lt + 2;
        let name_end = name_start + b[name_start..].iter().take_while(|&&c| !is_name_end(c)).count();
        let after = match memchr::memchr(b'>', &b[name_end..]) {
            Some(gt) => name_end + gt + 1,
            None => b.len(),
        };
        let tag = Tag::from_name(&b[name_start..name_end]);
        match tag {
            Tag::Br => {
                self.append(Kind::Element(Tag::Br), 0, 0, (name_start as u32, name_end as u32));
                return after;
            }
            Tag::Body | Tag::Html => return after,
            _ => {}
        }
        let name = &self.dom.src[name_start..name_end];
        for depth in (1..self.stack.len()).rev().take(MAX_SCOPE) {
            let id = self.stack[depth];
            let matches = match tag {
                Tag::Other => self.dom.tag(id) == Some(Tag::Other) && self.dom.name_is(id, name),
                t => self.dom.tag(id) == Some(t),
            };
            if matches {
                self.stack.truncate(depth);
                break;
            }
        }
        after
    }
}

/// Bytes that end a tag name.
#[inline]
fn is_name_end(c: u8) -> bool {
    c.is_ascii_whitespace() || c == b'>' || c == b'/'
}

/// Skips a comment, doctype, CDATA section, processing instruction or bogus comment at `lt`.
fn skip_markup_declaration(b: &[u8], lt: usize) -> usize {
    if b[lt + 1..].starts_with(b"!--") {
        let from = lt + 4;
        // "<!-->" and "<!--->" are empty comments.
        if b[from..].starts_with(b">") {
            return from + 1;
        }
        if b[from..].starts_with(b"->") {
            return from + 2;
        }
        return memmem::find(&b[from..], b"-->").map_or(b.len(), |i| from + i + 3);
    }
    if b[lt + 1..].starts_with(b"![CDATA[") {
        return memmem::find(&b[lt..], b"]]>").map_or(b.len(), |i| lt + i + 3);
    }
    memchr::memchr(b'>', &b[lt..]).map_or(b.len(), |i| lt + i + 1)
}

/// Where the end tag `</name` of a raw-text element starts, searching from `from`; the page's
/// end when there is none.
fn find_end_tag(b: &[u8], from: usize, name: &str) -> usize {
    let name = name.as_bytes();
    let mut pos = from;
    while let Some(i) = memmem::find(&b[pos..], b"</") {
        let at = pos + i;
        let after = at + 2 + name.len();
        if b.len() >= after
            && b[at + 2..after].eq_ignore_ascii_case(name)
            && b.get(after).is_none_or(|&c| is_name_end(c))
        {
            return at;
        }
        pos = at + 2;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tree as `tag(child child)`, text as its raw content.
    fn show(dom: &Dom<'_>, id: u32, out: &mut String) {
        for c in dom.children(id) {
            match dom.nodes[c as usize].kind {
                Kind::Text => out.push_str(&format!("'{}'", dom.text(c))),
                Kind::Element(_) => {
                    let (s, e) = dom.nodes[c as usize].name;
                    out.push_str(&dom.src[s as usize..e as usize].to_ascii_lowercase());
                    if dom.nodes[c as usize].first_child != NONE {
                        out.push('(');
                        show(dom, c, out);
                        out.push(')');
                    }
                }
                Kind::Root => {}
            }
            out.push(' ');
        }
        out.pop();
    }

    fn tree(src: &str) -> String {
        let dom = Dom::parse(src);
        let mut out = String::new();
        show(&dom, 0, &mut out);
        out
    }

    #[test]
    fn implied_ends() {
        assert_eq!(tree("<p>one<p>two<div>x</div>"), "p('one') p('two') div('x')");
        assert_eq!(tree("<ul><li>a<li>b</ul>c"), "ul(li('a') li('b')) 'c'");
        assert_eq!(tree("<P CLASS=x>a<b>b<i>c</b>d</i>e"), "p('a' b('b' i('c')) 'd' 'e')");
        assert_eq!(tree("<table><tr><td>a<td>b<tr><td>c</table>"), "table(tr(td('a') td('b')) tr(td('c')))");
    }

    #[test]
    fn raw_text_comments_and_voids() {
        assert_eq!(tree("<script>if (a<b) x='</div>';</script>z"), "script('if (a<b) x='</div>';') 'z'");
        assert_eq!(tree("a<!-- <p>no</p> -->b<br>c<img src=x>d"), "'a' 'b' br 'c' img 'd'");
        assert_eq!(tree("<!DOCTYPE html><svg><path d='m'/></svg>1 < 2"), "svg(path) '1 < 2'");
        assert_eq!(tree("<style>p{}"), "style('p{}')");
        assert_eq!(tree("x</br>y</nope>z"), "'x' br 'y' 'z'");
    }

    #[test]
    fn attributes() {
        let dom = Dom::parse("<div id=main class='a b' data-x=\"1>2\" hidden>t</div>");
        assert_eq!(dom.attr(1, "class"), Some("a b"));
        assert_eq!(dom.attr(1, "ID"), Some("main"));
        assert_eq!(dom.attr(1, "data-x"), Some("1>2"));
        assert_eq!(dom.attr(1, "hidden"), Some(""));
        assert_eq!(dom.attr(1, "style"), None);
        assert_eq!(dom.text(2), "t");
    }

    #[test]
    fn deep_nesting_is_bounded_and_walkable() {
        let src = "<div>".repeat(100_000) + "deep" + &"</div>".repeat(100_000);
        let dom = Dom::parse(&src);
        let mut texts = 0;
        let mut leaves = 0;
        dom.walk(0, |id, entering| {
            if entering {
                texts += usize::from(dom.nodes[id as usize].kind == Kind::Text);
            } else {
                leaves += 1;
            }
            true
        });
        assert_eq!((texts, leaves), (1, 100_000));
    }

    #[test]
    fn unclosed_everything() {
        assert_eq!(tree("<div class=\"x"), "div");
        assert_eq!(tree("<p>a<!-- never closed"), "p('a')");
        assert_eq!(tree("<a href=x>one<a>two"), "a('one') a('two')");
    }
}
