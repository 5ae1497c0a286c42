//! The parser: built once, immutable, shared across threads.

use crate::article::{Article, WarningKind};
use crate::date::Date;
use crate::deadline::Deadline;
use crate::doc::Doc;
use crate::entities::{EntityRecognizer, RuleSet, RULES};
use crate::error::{Error, Result};
use crate::html::HtmlExtractor;
use crate::input;
use crate::layout::LayoutAnalyzer;
use crate::quotes::QuoteExtractor;
use crate::segment::Segmenter;
use crate::timex::TimexTagger;
use std::time::Duration;

/// Inputs above this size get a [`WarningKind::LargeInput`] warning.
const LARGE_INPUT: usize = 10 * 1024 * 1024;

/// Parser options. Build a [`Parser`] from them with [`ParserBuilder`].
#[derive(Clone, Debug)]
pub struct Config {
    /// Largest input accepted, in bytes. Default: 256 MiB.
    pub max_bytes: usize,
    /// Replace invalid UTF-8 with U+FFFD (and warn) instead of failing. Default: false.
    pub lossy_utf8: bool,
    /// Run the entities stage. Default: true. (Quotes need entities and run it anyway.)
    pub entities: bool,
    /// Run the quotes stage. Default: true.
    pub quotes: bool,
    /// Run the time expressions stage. Default: true.
    pub timexes: bool,
    /// Read the input as bare body text: paragraphs and sentences, but no title, byline,
    /// dateline, credit, caption or boilerplate detection. Default: false.
    pub plain_text: bool,
    /// Names of the entity rules after the tagger to leave out, to measure what each is worth
    /// (`internals::ENTITY_RULES` lists them). Default: none.
    pub entity_rules_off: Vec<String>,
    /// Time budget for one article (decoding, HTML extraction and every stage): a parse that takes
    /// longer stops with [`Error::Timeout`]. Checked between stages and in their per-paragraph
    /// loops, so it may be overrun by part of one stage. Default: `None` (no limit).
    pub timeout: Option<Duration>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            max_bytes: 256 * 1024 * 1024,
            lossy_utf8: false,
            entities: true,
            quotes: true,
            timexes: true,
            plain_text: false,
            entity_rules_off: Vec::new(),
            timeout: None,
        }
    }
}

/// Builds a [`Parser`].
///
/// ```
/// let parser = byline_core::Parser::builder().timexes(false).build().unwrap();
/// let article = parser.parse("Headline\n\nIt rained on Tuesday.", None).unwrap();
/// assert!(article.timexes.is_empty());
/// ```
#[derive(Clone, Debug, Default)]
pub struct ParserBuilder {
    config: Config,
}

impl ParserBuilder {
    /// A builder with the default options.
    pub fn new() -> ParserBuilder {
        ParserBuilder::default()
    }

    /// Largest input accepted, in bytes. Default: 256 MiB.
    pub fn max_bytes(mut self, n: usize) -> ParserBuilder {
        self.config.max_bytes = n;
        self
    }

    /// Decode invalid UTF-8 lossily in [`Parser::parse_bytes`]. Default: false.
    pub fn lossy_utf8(mut self, yes: bool) -> ParserBuilder {
        self.config.lossy_utf8 = yes;
        self
    }

    /// Run the entities stage. Default: true.
    pub fn entities(mut self, yes: bool) -> ParserBuilder {
        self.config.entities = yes;
        self
    }

    /// Run the quotes stage. Default: true.
    pub fn quotes(mut self, yes: bool) -> ParserBuilder {
        self.config.quotes = yes;
        self
    }

    /// Run the time expressions stage. Default: true.
    pub fn timexes(mut self, yes: bool) -> ParserBuilder {
        self.config.timexes = yes;
        self
    }

    /// Read the input as bare body text, without layout detection. Default: false.
    pub fn plain_text(mut self, yes: bool) -> ParserBuilder {
        self.config.plain_text = yes;
        self
    }

    /// Time budget for one article; `None` for no limit. Default: `None`.
    pub fn timeout(mut self, budget: Option<Duration>) -> ParserBuilder {
        self.config.timeout = budget;
        self
    }

    /// Leaves out the entity rule named `name` (one of `internals::ENTITY_RULES`), to measure
    /// what it is worth; [`build`](Self::build) fails on an unknown name. Default: every rule runs.
    pub fn entity_rule_off(mut self, name: &str) -> ParserBuilder {
        self.config.entity_rules_off.push(name.to_string());
        self
    }

    /// Compiles everything the stages need. Done once; the parser is then immutable.
    pub fn build(self) -> Result<Parser> {
        if self.config.max_bytes == 0 || self.config.max_bytes > crate::span::MAX_OFFSET {
            return Err(Error::InvalidOption(format!(
                "max_bytes must be between 1 and {} (4 GiB)",
                crate::span::MAX_OFFSET
            )));
        }
        let mut rules = RuleSet::all();
        for name in &self.config.entity_rules_off {
            rules = rules.without(name).ok_or_else(|| {
                let names: Vec<&str> = RULES.iter().map(|r| r.name).collect();
                Error::InvalidOption(format!("no entity rule is named {name:?} (the rules: {})", names.join(", ")))
            })?;
        }
        Ok(Parser {
            html: HtmlExtractor::new(),
            layout: LayoutAnalyzer::new().plain_text(self.config.plain_text),
            segmenter: Segmenter::new(),
            entities: EntityRecognizer::new().with_rules(rules),
            quotes: QuoteExtractor::new(),
            timex: TimexTagger::new(),
            config: self.config,
        })
    }
}

/// Parses news articles. Build it once and share it: it is immutable, `Send` and `Sync`.
///
/// ```
/// use byline_core::{Parser, Role};
///
/// let parser = Parser::new();
/// let text = "Storm Hits Coast\n\nThe storm arrived on Monday. Mr. Smith said it was bad.";
/// let article = parser.parse(text, None).unwrap();
/// assert_eq!(article.title.as_deref(), Some("Storm Hits Coast"));
/// assert_eq!(article.paragraphs[1].role, Role::Body);
/// assert_eq!(article.sentences.len(), 3);
/// ```
#[derive(Debug)]
pub struct Parser {
    config: Config,
    html: HtmlExtractor,
    layout: LayoutAnalyzer,
    segmenter: Segmenter,
    entities: EntityRecognizer,
    quotes: QuoteExtractor,
    timex: TimexTagger,
}

/// What is known of an HTML page besides its bytes, for [`Parser::parse_page`]. Every field is
/// optional; the default knows nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Page<'a> {
    /// Where the page came from (its `source.url`; a date in it may give the publication date).
    pub url: Option<&'a str>,
    /// The charset label the HTTP response declared (`Content-Type: text/html; charset=...`),
    /// used when the page declares none (no byte order mark, no `<meta charset>`).
    pub charset: Option<&'a str>,
    /// The publication date, overriding the page's own.
    pub published: Option<Date>,
    /// The publication date when the page gives none (a corpus's default, `--published`).
    pub default_published: Option<Date>,
}

impl Default for Parser {
    fn default() -> Parser {
        Parser::new()
    }
}

impl Parser {
    /// A parser with the default options.
    pub fn new() -> Parser {
        ParserBuilder::new().build().expect("default options are valid")
    }

    /// A builder for a parser with options.
    pub fn builder() -> ParserBuilder {
        ParserBuilder::new()
    }

    /// The options this parser was built with.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// Parses one article. `published` anchors relative time expressions; without it, a date
    /// found in the text is used, if any.
    ///
    /// Fails only when the text is over [`Config::max_bytes`], or takes longer than
    /// [`Config::timeout`].
    pub fn parse(&self, text: &str, published: Option<Date>) -> Result<Article> {
        self.parse_until(text, published, Deadline::after(self.config.timeout))
    }

    fn parse_until(&self, text: &str, published: Option<Date>, deadline: Deadline) -> Result<Article> {
        if text.len() > self.config.max_bytes {
            return Err(Error::TooLarge { len: text.len(), max: self.config.max_bytes });
        }
        let mut doc = Doc::new(text, published);
        doc.deadline = deadline;
        if text.len() > LARGE_INPUT {
            doc.warn(WarningKind::LargeInput, format!("input is {} bytes", text.len()));
        }
        if text.contains('\0') {
            doc.warn(WarningKind::SuspiciousContent, "input contains NUL characters");
        }
        self.run(&mut doc)?;
        Ok(doc.into_article())
    }

    /// Parses one article from bytes, which must be UTF-8 unless the parser is lossy.
    /// Binary data is an [`Error::Binary`].
    pub fn parse_bytes(&self, bytes: &[u8], published: Option<Date>) -> Result<Article> {
        if bytes.len() > self.config.max_bytes {
            return Err(Error::TooLarge { len: bytes.len(), max: self.config.max_bytes });
        }
        let deadline = Deadline::after(self.config.timeout);
        let (text, lossy) = input::decode(bytes, self.config.lossy_utf8)?;
        let mut article = self.parse_until(&text, published, deadline)?;
        if lossy {
            article.warnings.push(crate::Warning {
                kind: WarningKind::LossyDecoding,
                message: "invalid UTF-8 was replaced with U+FFFD".into(),
            });
        }
        Ok(article)
    }

    /// Parses an HTML page: extracts the article (its text, the roles its markup gives, and
    /// what the page says about itself in [`Article::source`]), then runs every stage on that
    /// text. `page` is the page's bytes in any encoding it declares (or that can be guessed);
    /// `url` is where it came from, when known. `published` anchors relative time
    /// expressions; without it the page's own date is used (JSON-LD, `<meta>`, `<time>`, the
    /// URL), then a date found in the text.
    ///
    /// [`Article::text`] is the extracted text, which every span points into. A page with no
    /// article gives an empty article and a [`WarningKind::NoArticle`] warning, not an error.
    /// Fails when the page is over [`Config::max_bytes`] or is binary data.
    ///
    /// ```
    /// use byline_core::{Parser, Role};
    ///
    /// let page = "<html><head><title>Dam Opens | Valley Post</title>\
    ///     <meta property='article:published_time' content='2024-03-05T08:00:00Z'></head>\
    ///     <body><nav><a href='/'>Home</a></nav><article><h1>Dam Opens</h1>\
    ///     <p>The new dam opened on Tuesday, officials said, after years of delays.</p>\
    ///     </article></body></html>";
    /// let article = Parser::new().parse_html(page.as_bytes(), None, None).unwrap();
    /// assert_eq!(article.title.as_deref(), Some("Dam Opens"));
    /// assert_eq!(article.paragraphs[1].role, Role::Body);
    /// assert_eq!(article.published.unwrap().to_string(), "2024-03-05");
    /// assert_eq!(article.timexes[0].value.as_deref(), Some("2024-03-05"));
    /// ```
    pub fn parse_html(&self, page: &[u8], url: Option<&str>, published: Option<Date>) -> Result<Article> {
        self.parse_page(page, &Page { url, published, ..Page::default() })
    }

    /// [`Parser::parse_html`] with everything known about the page besides its bytes (a WARC
    /// record's target URI and HTTP charset, a corpus-wide default date): see [`Page`].
    ///
    /// ```
    /// use byline_core::{parse_date, Page, Parser};
    ///
    /// let page = b"<html><body><article><h1>Caf\xe9 Opens</h1><p>The caf\xe9 opened its doors to the public \
    ///     on Monday, the owners said, after a long renovation of the old mill.</p></article></body></html>";
    /// let served = Page { charset: Some("iso-8859-1"), default_published: parse_date("2024-03-06").ok(), ..Page::default() };
    /// let article = Parser::new().parse_page(page, &served).unwrap();
    /// assert_eq!(article.title.as_deref(), Some("Café Opens"));
    /// assert_eq!(article.timexes[0].value.as_deref(), Some("2024-03-04"));
    /// ```
    pub fn parse_page(&self, page: &[u8], info: &Page<'_>) -> Result<Article> {
        if page.len() > self.config.max_bytes {
            return Err(Error::TooLarge { len: page.len(), max: self.config.max_bytes });
        }
        let deadline = Deadline::after(self.config.timeout);
        let extracted = self.html.extract_served(page, info.url, info.charset)?;
        deadline.check("html")?;
        let published = info.published.or(extracted.published).or(info.default_published);
        let mut doc = Doc::new(&extracted.text, published);
        doc.deadline = deadline;
        doc.markup_roles = extracted.roles;
        doc.warnings = extracted.warnings;
        if page.len() > LARGE_INPUT {
            doc.warn(WarningKind::LargeInput, format!("input is {} bytes", page.len()));
        }
        self.run(&mut doc)?;
        let mut article = doc.into_article();
        if !extracted.authors.is_empty() {
            article.authors = extracted.authors;
        }
        article.source = Some(extracted.source);
        Ok(article)
    }

    /// Runs the stages in order, checking the deadline after each.
    fn run(&self, doc: &mut Doc<'_>) -> Result<()> {
        doc.deadline.check("text")?;
        self.layout.run(doc);
        doc.deadline.check("layout")?;
        if doc.published.is_none() {
            doc.published = doc.layout.published;
        }
        self.segmenter.run(doc);
        doc.deadline.check("segment")?;
        if self.config.entities || self.config.quotes {
            self.entities.run(doc);
            doc.deadline.check("entities")?;
        }
        if self.config.quotes {
            self.quotes.run(doc);
            doc.deadline.check("quotes")?;
        }
        if !self.config.entities {
            doc.entities.clear();
        }
        if self.config.timexes {
            self.timex.run(doc);
            doc.deadline.check("timex")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Role;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn parser_is_shareable() {
        assert_send_sync::<Parser>();
    }

    #[test]
    fn limits_and_bad_bytes() {
        let p = Parser::builder().max_bytes(10).build().unwrap();
        assert_eq!(p.parse("x".repeat(11).as_str(), None).unwrap_err(), Error::TooLarge { len: 11, max: 10 });
        let p = Parser::new();
        assert!(matches!(p.parse_bytes(b"bad \xff", None), Err(Error::InvalidUtf8 { valid_up_to: 4 })));
        assert_eq!(p.parse_bytes(b"\0\0\0binary", None).unwrap_err(), Error::Binary);
        assert!(Parser::builder().max_bytes(0).build().is_err());
    }

    #[test]
    fn html_pages() {
        let p = Parser::new();
        let page = b"<html lang=en><head><meta charset=windows-1252><title>Mill Closes - Valley Post</title>\
            <meta name=author content='By Ana Ruiz'></head><body><h1>Mill Closes</h1>\
            <p>The mill closed on Friday, its owners said, after eighty years.</p></body></html>";
        let a = p.parse_html(page, Some("https://example.com/2024/03/08/mill"), None).unwrap();
        assert_eq!(a.text, "Mill Closes\n\nThe mill closed on Friday, its owners said, after eighty years.");
        assert_eq!(a.paragraphs.iter().map(|p| p.role).collect::<Vec<_>>(), [Role::Title, Role::Body]);
        assert_eq!(
            (a.authors.as_slice(), a.published),
            (&["Ana Ruiz".to_string()][..], crate::parse_date("2024-03-08").ok())
        );
        let s = a.source.unwrap();
        assert_eq!((s.language.as_deref(), s.encoding.as_deref()), (Some("en"), Some("windows-1252")));
        let given = crate::parse_date("2020-01-01").ok();
        assert_eq!(p.parse_html(page, None, given).unwrap().published, given);
        assert_eq!(p.parse_html(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", None, None).unwrap_err(), Error::Binary);
        let small = Parser::builder().max_bytes(10).build().unwrap();
        assert!(matches!(small.parse_html(page, None, None), Err(Error::TooLarge { .. })));
    }

    #[test]
    fn a_spent_time_budget_is_an_error_and_a_generous_one_changes_nothing() {
        let text = "Dam Opens\n\nThe dam opened on Tuesday, officials said.\n\n".repeat(50);
        let spent = Parser::builder().timeout(Some(Duration::ZERO)).build().unwrap();
        assert!(matches!(spent.parse(&text, None), Err(Error::Timeout { limit_ms: 0, .. })));
        assert!(matches!(spent.parse_bytes(text.as_bytes(), None), Err(Error::Timeout { .. })));
        let page = format!("<html><body><p>{text}</p></body></html>");
        assert_eq!(
            spent.parse_html(page.as_bytes(), None, None).unwrap_err(),
            Error::Timeout { limit_ms: 0, stage: "html" }
        );
        let generous = Parser::builder().timeout(Some(Duration::from_secs(3600))).build().unwrap();
        assert_eq!(generous.parse(&text, None).unwrap(), Parser::new().parse(&text, None).unwrap());
        let e = Error::Timeout { limit_ms: 250, stage: "quotes" };
        assert_eq!(e.to_string(), "parsing took longer than the time limit of 250 ms (stopped in the quotes stage)");
    }

    #[test]
    fn empty_input_is_an_empty_article() {
        let a = Parser::new().parse("", None).unwrap();
        assert!(a.paragraphs.is_empty() && a.sentences.is_empty() && a.title.is_none());
        let a = Parser::new().parse(" \n\n \t", None).unwrap();
        assert!(a.paragraphs.is_empty());
    }
}
