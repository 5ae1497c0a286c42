//! What an element's `class`, `id` and `itemprop` say about it (`crates/core/data/html/classes.txt`).

use aho_corasick::AhoCorasick;

use super::dom::Dom;
use crate::data::{self, data_file, DataFile};

/// Score an element gets as the article's container for a class or id that says "content".
pub(crate) const CLASS_WEIGHT: i32 = 25;
/// Score for a class or id that names the article's body outright.
pub(crate) const BODY_WEIGHT: i32 = 50;

const CLASSES: DataFile<'static> = data_file!("data/html/classes.txt");
const LABELS: DataFile<'static> = data_file!("data/html/labels.txt");

/// The sections of `classes.txt`, in the order [`Classes::new`] takes them.
const SECTIONS: [&str; 9] =
    ["unlikely", "maybe", "positive", "negative", "body", "byline", "hidden", "hidden-token", "headline"];

fn sections(file: DataFile<'_>) -> data::Result<[Vec<&str>; 9]> {
    file.section_entries(SECTIONS)
}

fn labels(file: DataFile<'_>) -> data::Result<[Vec<&str>; 1]> {
    file.section_entries(["published"])
}

/// The class-name lists, each a case-insensitive substring matcher, and the words that label
/// page text (`labels.txt`).
#[derive(Debug)]
pub(crate) struct Classes {
    unlikely: AhoCorasick,
    maybe: AhoCorasick,
    positive: AhoCorasick,
    negative: AhoCorasick,
    body: AhoCorasick,
    byline: AhoCorasick,
    hidden: AhoCorasick,
    hidden_tokens: Vec<String>,
    headline: AhoCorasick,
    published_label: AhoCorasick,
}

/// `classes.txt`, for the tests of every data file (`crate::data`).
#[cfg(test)]
pub(crate) const DATA_FILES: &[data::Check] = &[
    data::Check { file: CLASSES, read: |f| sections(f).map(drop), class: data::ClassAt::Section },
    data::Check { file: LABELS, read: |f| labels(f).map(drop), class: data::ClassAt::Section },
];

impl Classes {
    pub(crate) fn new() -> Classes {
        let [unlikely, maybe, positive, negative, body, byline, hidden, hidden_tokens, headline] =
            data::embedded(sections(CLASSES));
        let [published] = data::embedded(labels(LABELS));
        let list = |words: Vec<&str>| {
            AhoCorasick::builder().ascii_case_insensitive(true).build(words).expect("class lists compile")
        };
        Classes {
            unlikely: list(unlikely),
            maybe: list(maybe),
            positive: list(positive),
            negative: list(negative),
            body: list(body),
            byline: list(byline),
            hidden: list(hidden),
            hidden_tokens: hidden_tokens.into_iter().map(str::to_string).collect(),
            headline: list(headline),
            published_label: list(published),
        }
    }

    /// True when `set` matches the element's class or id.
    fn any(set: &AhoCorasick, dom: &Dom<'_>, id: u32) -> bool {
        dom.attr(id, "class").is_some_and(|v| set.is_match(v)) || dom.attr(id, "id").is_some_and(|v| set.is_match(v))
    }

    /// Furniture by its name ("share-bar", "related-links"), unless it also says "article".
    pub(crate) fn is_unlikely(&self, dom: &Dom<'_>, id: u32) -> bool {
        let hidden = dom.attr(id, "class").is_some_and(|c| {
            c.split_ascii_whitespace().any(|t| self.hidden_tokens.iter().any(|h| t.eq_ignore_ascii_case(h)))
        });
        hidden || Classes::any(&self.unlikely, dom, id) && !Classes::any(&self.maybe, dom, id) && !self.is_body(dom, id)
    }

    /// The article's body by name (`itemprop=articleBody`, "story-body").
    pub(crate) fn is_body(&self, dom: &Dom<'_>, id: u32) -> bool {
        Classes::any(&self.body, dom, id)
            || dom.attr(id, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("articleBody"))
    }

    /// An author line by name ("byline", `rel=author`, `itemprop=author`).
    pub(crate) fn is_byline(&self, dom: &Dom<'_>, id: u32) -> bool {
        Classes::any(&self.byline, dom, id)
            || dom.attr(id, "rel").is_some_and(|v| v.eq_ignore_ascii_case("author"))
            || dom.attr(id, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("author"))
    }

    /// Text that labels a shown time as the publication's ("Posted: Dec 20, 2023").
    pub(crate) fn says_published(&self, text: &str) -> bool {
        self.published_label.is_match(text)
    }

    /// The page's headline element by name (`itemprop=headline`, "article-title").
    pub(crate) fn is_headline(&self, dom: &Dom<'_>, id: u32) -> bool {
        Classes::any(&self.headline, dom, id)
            || dom.attr(id, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("headline"))
    }

    /// Hidden from readers: the `hidden` attribute, `aria-hidden`, an inline `display: none`, or
    /// a screen-reader-only class.
    pub(crate) fn is_hidden(&self, dom: &Dom<'_>, id: u32) -> bool {
        dom.attr(id, "hidden").is_some()
            || dom.attr(id, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || dom.attr(id, "style").is_some_and(|s| {
                let s = s.to_ascii_lowercase();
                let s: String = s.chars().filter(|c| !c.is_whitespace()).collect();
                s.contains("display:none") || s.contains("visibility:hidden")
            })
            || dom.attr(id, "class").is_some_and(|v| self.hidden.is_match(v))
    }

    /// The score the element's class and id give it as the article's container.
    pub(crate) fn weight(&self, dom: &Dom<'_>, id: u32) -> i32 {
        let mut w = 0;
        for name in ["class", "id"] {
            if let Some(v) = dom.attr(id, name) {
                if self.negative.is_match(v) {
                    w -= CLASS_WEIGHT;
                }
                if self.positive.is_match(v) {
                    w += CLASS_WEIGHT;
                }
            }
        }
        if self.is_body(dom, id) {
            w += BODY_WEIGHT;
        }
        w
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_names() {
        let c = Classes::new();
        let dom = Dom::parse(
            "<div class='share-bar'></div><div class='article-body comments'></div><p class=byline></p><span class=sr-only></span>",
        );
        assert!(c.is_unlikely(&dom, 1));
        assert!(!c.is_unlikely(&dom, 2) && c.is_body(&dom, 2));
        assert!(c.is_byline(&dom, 3));
        assert!(c.is_hidden(&dom, 4));
        assert!(c.weight(&dom, 2) > c.weight(&dom, 1));
    }
}
