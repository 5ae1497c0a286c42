//! HTML pages in: the article's text, with the roles its markup gives, and what the page says
//! about itself.
//!
//! The stage runs before layout, on the page's bytes, and does no I/O:
//! 1. `charset`: the encoding (byte order mark, `<meta charset>`, a guess) and the decoded page;
//! 2. `dom`: a forgiving, linear-time tokenizer and tree builder over the page text;
//! 3. `content`: which elements hold the article (scoring of running text against links and
//!    furniture, with the class names of `data/classes.txt`);
//! 4. `emit`: the article's paragraphs as a reader sees them, title first, blank-line separated,
//!    each with the role its markup gives (`h1` title, `h2`-`h6` heading, `figcaption` caption,
//!    `address` or a byline class byline), left to the layout stage's rules where the markup
//!    is silent;
//! 5. `meta`: JSON-LD, Open Graph, `<meta>`, `<time>`, `<link rel=canonical>`, `<html lang>` and
//!    the URL, for [`Source`], the headline, the authors (`authors`) and the publication date.

mod authors;
mod charset;
pub(crate) mod classes;
mod content;
mod dom;
mod emit;
mod entities;
mod entity_table;
mod meta;
mod tags;

use regex::Regex;

use crate::article::{Role, Source, SourceFormat, Warning, WarningKind};
use crate::date::Date;
use crate::error::{Error, Result};
use classes::Classes;

/// An article shorter than this (in bytes, title included) is looked for again without the
/// class-name rules.
const MIN_ARTICLE_BYTES: usize = 500;

/// What the HTML stage hands to the rest of the pipeline.
#[derive(Clone, Debug, Default)]
pub struct Extracted {
    /// The article's text: the title, then its paragraphs, blank-line separated.
    pub text: String,
    /// For each paragraph of `text`, in order, the role its markup gives it, or `None` where
    /// the markup is silent. `None` as a whole when the input was not HTML (then `text` is
    /// the input's text, to be read as plain text).
    pub roles: Option<Vec<Option<Role>>>,
    /// What the page says about itself.
    pub source: Source,
    /// Authors named by the page's markup (JSON-LD, `<meta name=author>`).
    pub authors: Vec<String>,
    /// The publication date the page gives (or its URL).
    pub published: Option<Date>,
    /// Things that went oddly.
    pub warnings: Vec<Warning>,
}

/// Extracts articles from HTML pages. Built once (it holds compiled patterns), then shared.
#[derive(Debug)]
pub struct HtmlExtractor {
    classes: Classes,
    url_date: Regex,
}

impl Default for HtmlExtractor {
    fn default() -> HtmlExtractor {
        HtmlExtractor::new()
    }
}

impl HtmlExtractor {
    /// Loads the class-name lists and compiles the patterns.
    pub fn new() -> HtmlExtractor {
        HtmlExtractor {
            classes: Classes::new(),
            url_date: Regex::new(r"/((?:19|20)\d\d)[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|\.html?|$)")
                .expect("valid pattern"),
        }
    }

    /// Extracts the article from a page's bytes, in whatever encoding it declares. `url` is
    /// where the page came from, when known. Binary data (NUL bytes near the start) is an
    /// [`Error::Binary`]; anything else gives an article, possibly empty, with warnings.
    pub fn extract(&self, page: &[u8], url: Option<&str>) -> Result<Extracted> {
        self.extract_served(page, url, None)
    }

    /// [`HtmlExtractor::extract`] for a page whose HTTP response declared `charset` (the label in
    /// its `Content-Type`), which decodes it when the page itself declares none.
    pub fn extract_served(&self, page: &[u8], url: Option<&str>, charset: Option<&str>) -> Result<Extracted> {
        if crate::input::looks_binary(page) && !starts_with_utf16_bom(page) {
            return Err(Error::Binary);
        }
        let (html, encoding, malformed) = charset::decode(page, charset);
        let mut out = self.extract_str(&html, url);
        out.source.encoding = Some(encoding.to_string());
        if malformed {
            out.warnings.push(Warning {
                kind: WarningKind::LossyDecoding,
                message: format!("bytes that are not valid {encoding} were replaced with U+FFFD"),
            });
        }
        Ok(out)
    }

    /// Extracts the article from a page already decoded to text.
    pub fn extract_str(&self, html: &str, url: Option<&str>) -> Extracted {
        let url_date = url.and_then(|u| self.date_in_url(u));
        let dom = dom::Dom::parse(html);
        let stats = content::stats(&dom, &self.classes, true);
        let meta = meta::read(&dom, &stats, &self.classes, url, url_date);
        let mut out = Extracted {
            source: Source { format: SourceFormat::Html, ..meta.source.clone() },
            authors: meta.authors.clone(),
            published: meta.published,
            ..Extracted::default()
        };
        if !(1..dom.len() as u32).any(|id| dom.tag(id).is_some()) {
            out.text = html.trim().to_string();
            out.warnings.push(Warning {
                kind: WarningKind::SuspiciousContent,
                message: "the input has no HTML markup; it was read as plain text".into(),
            });
            return out;
        }
        let mut blocks = self.article(&dom, &stats, &meta);
        // As Readability does: when furniture by class name took the story with it (a wrapper
        // named "...-with-sidebar"), try again without that rule, and keep the longer text.
        if blocks.text.len() < MIN_ARTICLE_BYTES {
            let loose = content::stats(&dom, &self.classes, false);
            let second = self.article(&dom, &loose, &meta);
            if second.text.len() > blocks.text.len() {
                blocks = second;
            }
        }
        if !blocks.roles.iter().any(|r| *r != Some(Role::Title)) {
            out.warnings.push(Warning {
                kind: WarningKind::NoArticle,
                message: "no article text was found in the page".into(),
            });
        }
        out.text = blocks.text;
        out.roles = Some(blocks.roles);
        out
    }

    /// The article's paragraphs under the best-scoring elements, the title first.
    /// When the page's author line stands outside the article's elements (in a header above
    /// it), it comes under the title, as a byline.
    fn article(&self, dom: &dom::Dom<'_>, stats: &content::Stats, meta: &meta::PageMeta) -> emit::Blocks {
        let roots = content::article_roots(dom, stats, &self.classes);
        let mut writer = emit::Writer::new(meta.title.as_deref());
        let outside = meta.bylines.iter().find(|(id, _)| !roots.iter().any(|&r| dom.is_within(*id, r)));
        if let (Some((_, text)), true) = (outside, meta.authors.is_empty()) {
            writer.paragraph(text, Role::Byline);
        }
        writer.write(dom, stats, &self.classes, &roots);
        writer.finish()
    }

    /// A publication date in a URL's path ("/2024/03/05/", "/20240305-").
    fn date_in_url(&self, url: &str) -> Option<Date> {
        let c = self.url_date.captures(url)?;
        Date::from_ymd_opt(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?)
    }
}

/// How many leading bytes [`looks_like_html`] reads.
const SNIFF: usize = 1024;

/// True when `bytes` look like an HTML page: after blank space (and a byte order mark) they
/// start with markup, and the first kilobyte has an element that pages have (`<html`, `<head`,
/// `<body`, `<!doctype html`, `<meta`, `<title`, `<div`, `<p>`). Plain text that mentions a tag
/// in passing is not HTML.
///
/// ```
/// use byline_core::looks_like_html;
/// assert!(looks_like_html(b"\n<!DOCTYPE html><html><body><p>Hi</p></body></html>"));
/// assert!(!looks_like_html(b"Storm Hits Coast\n\nUse <b> for bold."));
/// ```
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF)];
    let head = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    if head.trim_ascii_start().first() != Some(&b'<') {
        return false;
    }
    let lower = head.to_ascii_lowercase();
    ["<html", "<head", "<body", "<!doctype html", "<meta", "<title", "<div", "<p>", "<p "]
        .iter()
        .any(|tag| memchr::memmem::find(&lower, tag.as_bytes()).is_some())
}

/// UTF-16 pages are full of NUL bytes and are still text.
fn starts_with_utf16_bom(page: &[u8]) -> bool {
    page.starts_with(b"\xFF\xFE") || page.starts_with(b"\xFE\xFF")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_dates() {
        let x = HtmlExtractor::new();
        let d = |s| x.date_in_url(s).map(|d| d.to_string());
        assert_eq!(d("https://example.com/2023/12/22/world/story.html").as_deref(), Some("2023-12-22"));
        assert_eq!(d("https://example.com/news/20240305-dam-opens").as_deref(), Some("2024-03-05"));
        assert_eq!(d("https://example.com/2023/12/story"), None);
        assert_eq!(d("https://example.com/id/20231399"), None);
    }
}
