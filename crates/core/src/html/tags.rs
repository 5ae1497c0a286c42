//! The element names the extractor knows, and what each kind of element is.

/// An HTML element name. Names the extractor has no rule for are [`Tag::Other`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub(crate) enum Tag {
    A,
    Abbr,
    Address,
    Article,
    Aside,
    B,
    Base,
    Blockquote,
    Body,
    Br,
    Button,
    Canvas,
    Caption,
    Center,
    Cite,
    Code,
    Dd,
    Del,
    Details,
    Dialog,
    Div,
    Dl,
    Dt,
    Em,
    Embed,
    Fieldset,
    Figcaption,
    Figure,
    Font,
    Footer,
    Form,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Head,
    Header,
    Hr,
    Html,
    I,
    Iframe,
    Img,
    Input,
    Ins,
    Label,
    Li,
    Link,
    Main,
    Mark,
    Math,
    Menu,
    Meta,
    Nav,
    Noscript,
    Object,
    Ol,
    Option,
    P,
    Picture,
    Pre,
    Q,
    S,
    Script,
    Section,
    Select,
    Small,
    Source,
    Span,
    Strong,
    Style,
    Sub,
    Summary,
    Sup,
    Svg,
    Table,
    Tbody,
    Td,
    Template,
    Textarea,
    Tfoot,
    Th,
    Thead,
    Time,
    Title,
    Tr,
    U,
    Ul,
    Video,
    Audio,
    Wbr,
    Other,
}

impl Tag {
    /// The tag for an element name, in any case.
    pub(crate) fn from_name(name: &[u8]) -> Tag {
        let mut buf = [0u8; 10];
        if name.len() > buf.len() {
            return Tag::Other;
        }
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        match &buf[..name.len()] {
            b"a" => Tag::A,
            b"abbr" => Tag::Abbr,
            b"address" => Tag::Address,
            b"article" => Tag::Article,
            b"aside" => Tag::Aside,
            b"audio" => Tag::Audio,
            b"b" => Tag::B,
            b"base" => Tag::Base,
            b"blockquote" => Tag::Blockquote,
            b"body" => Tag::Body,
            b"br" => Tag::Br,
            b"button" => Tag::Button,
            b"canvas" => Tag::Canvas,
            b"caption" => Tag::Caption,
            b"center" => Tag::Center,
            b"cite" => Tag::Cite,
            b"code" => Tag::Code,
            b"dd" => Tag::Dd,
            b"del" => Tag::Del,
            b"details" => Tag::Details,
            b"dialog" => Tag::Dialog,
            b"div" => Tag::Div,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"em" => Tag::Em,
            b"embed" => Tag::Embed,
            b"fieldset" => Tag::Fieldset,
            b"figcaption" => Tag::Figcaption,
            b"figure" => Tag::Figure,
            b"font" => Tag::Font,
            b"footer" => Tag::Footer,
            b"form" => Tag::Form,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"head" => Tag::Head,
            b"header" => Tag::Header,
            b"hr" => Tag::Hr,
            b"html" => Tag::Html,
            b"i" => Tag::I,
            b"iframe" => Tag::Iframe,
            b"img" => Tag::Img,
            b"input" => Tag::Input,
            b"ins" => Tag::Ins,
            b"label" => Tag::Label,
            b"li" => Tag::Li,
            b"link" => Tag::Link,
            b"main" => Tag::Main,
            b"mark" => Tag::Mark,
            b"math" => Tag::Math,
            b"menu" => Tag::Menu,
            b"meta" => Tag::Meta,
            b"nav" => Tag::Nav,
            b"noscript" => Tag::Noscript,
            b"object" => Tag::Object,
            b"ol" => Tag::Ol,
            b"option" => Tag::Option,
            b"p" => Tag::P,
            b"picture" => Tag::Picture,
            b"pre" => Tag::Pre,
            b"q" => Tag::Q,
            b"s" => Tag::S,
            b"script" => Tag::Script,
            b"section" => Tag::Section,
            b"select" => Tag::Select,
            b"small" => Tag::Small,
            b"source" => Tag::Source,
            b"span" => Tag::Span,
            b"strong" => Tag::Strong,
            b"style" => Tag::Style,
            b"sub" => Tag::Sub,
            b"summary" => Tag::Summary,
            b"sup" => Tag::Sup,
            b"svg" => Tag::Svg,
            b"table" => Tag::Table,
            b"tbody" => Tag::Tbody,
            b"td" => Tag::Td,
            b"template" => Tag::Template,
            b"textarea" => Tag::Textarea,
            b"tfoot" => Tag::Tfoot,
            b"th" => Tag::Th,
            b"thead" => Tag::Thead,
            b"time" => Tag::Time,
            b"title" => Tag::Title,
            b"tr" => Tag::Tr,
            b"u" => Tag::U,
            b"ul" => Tag::Ul,
            b"video" => Tag::Video,
            b"wbr" => Tag::Wbr,
            _ => Tag::Other,
        }
    }

    /// Elements that never have content (`<br>`, `<img>`).
    pub(crate) fn is_void(self) -> bool {
        use Tag::*;
        matches!(self, Base | Br | Embed | Hr | Img | Input | Link | Meta | Source | Wbr)
    }

    /// Elements whose content is raw text up to their end tag, never markup.
    pub(crate) fn is_raw_text(self) -> bool {
        use Tag::*;
        matches!(self, Script | Style | Noscript | Template | Textarea | Title | Iframe)
    }

    /// Elements a reader never sees as article text: code, media, controls, hidden templates.
    pub(crate) fn is_invisible(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Script
                | Style
                | Noscript
                | Template
                | Textarea
                | Iframe
                | Svg
                | Math
                | Canvas
                | Object
                | Embed
                | Video
                | Audio
                | Button
                | Select
                | Option
                | Input
                | Label
                | Dialog
                | Head
                | Title
                | Meta
                | Link
                | Base
        )
    }

    /// Elements that start a new line (a new paragraph, for the extractor). Everything else is
    /// inline and never splits a sentence.
    pub(crate) fn is_block(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Address
                | Article
                | Aside
                | Blockquote
                | Body
                | Br
                | Caption
                | Center
                | Dd
                | Details
                | Dialog
                | Div
                | Dl
                | Dt
                | Fieldset
                | Figcaption
                | Figure
                | Footer
                | Form
                | H1
                | H2
                | H3
                | H4
                | H5
                | H6
                | Header
                | Hr
                | Html
                | Li
                | Main
                | Menu
                | Nav
                | Ol
                | P
                | Pre
                | Section
                | Summary
                | Table
                | Tbody
                | Td
                | Tfoot
                | Th
                | Thead
                | Tr
                | Ul
        )
    }

    /// Start tags that close an open `<p>` (the HTML standard's list, less the rare ones).
    pub(crate) fn closes_p(self) -> bool {
        use Tag::*;
        self.is_block() && !matches!(self, Br | Body | Html | Td | Th | Tr | Tbody | Thead | Tfoot | Caption)
            || matches!(self, Hr)
    }

    /// Headings `h1` to `h6`.
    pub(crate) fn is_heading(self) -> bool {
        matches!(self, Tag::H1 | Tag::H2 | Tag::H3 | Tag::H4 | Tag::H5 | Tag::H6)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(Tag::from_name(b"DIV"), Tag::Div);
        assert_eq!(Tag::from_name(b"Figcaption"), Tag::Figcaption);
        assert_eq!(Tag::from_name(b"custom-element"), Tag::Other);
        assert!(Tag::Br.is_void() && Tag::Script.is_raw_text() && Tag::H2.is_heading());
        assert!(Tag::Div.closes_p() && !Tag::Span.closes_p() && !Tag::Td.closes_p());
    }
}
