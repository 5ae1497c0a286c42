//! What the page says about itself: JSON-LD (`NewsArticle` and its kin, `@graph`, arrays),
//! Open Graph and other `<meta>` elements, `<link rel=canonical>`, `<html lang>`, `<time>`,
//! the `<title>` and `<h1>`, and a date in the URL.

use serde_json::Value;

use super::authors;
use super::classes::Classes;
use super::content::Stats;
use super::dom::Dom;
use super::emit::key;
use super::entities::decode_into;
use super::tags::Tag;
use crate::article::Source;
use crate::date::Date;

/// JSON-LD types that describe an article, best first.
const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "ReviewNewsArticle",
    "LiveBlogPosting",
    "Article",
    "BlogPosting",
    "Report",
    "SocialMediaPosting",
    "TechArticle",
    "ScholarlyArticle",
    "WebPage",
];
/// `<meta>` names and properties that give the publication time, best first.
const PUBLISHED_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.date",
    "dcterms.created",
    "date",
    "article:published",
    "original-publish-date",
];
/// `<meta>` names and properties that give the last modification time, best first.
const MODIFIED_KEYS: &[&str] = &[
    "article:modified_time",
    "og:updated_time",
    "datemodified",
    "article.updated",
    "dcterms.modified",
    "last-modified",
];
/// `<meta>` names that give the authors, best first.
const AUTHOR_KEYS: &[&str] = &["author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl"];
/// Separators between a headline and the site's name in a `<title>`.
const TITLE_SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];
/// How many author elements are read, and the longest (in visible characters).
const MAX_BYLINES: usize = 4;
const MAX_BYLINE_CHARS: u32 = 120;
/// How many `<h1>` elements are considered as the headline.
const MAX_HEADLINES: usize = 5;
/// Fewest letters and digits of an `<h1>` or a metadata title that can name the headline.
const MIN_HEADLINE_KEY: usize = 8;
/// Most words around the headline in an `<h1>` that are a label or a tag, not the headline.
const MAX_HEADLINE_LABEL_WORDS: usize = 3;
/// Fewest words of an `<h1>` that its markup names the headline, to win over the metadata.
const MIN_MARKED_HEADLINE_WORDS: usize = 3;
/// How many shown `<time>` elements are read.
const MAX_SHOWN_TIMES: usize = 8;

/// The metadata, ready for the article.
#[derive(Debug, Default)]
pub(crate) struct PageMeta {
    pub source: Source,
    /// The headline as the page shows it.
    pub title: Option<String>,
    /// Authors' names from the markup.
    pub authors: Vec<String>,
    /// The page's author elements, as (element, text), in document order.
    pub bylines: Vec<(u32, String)>,
    /// The publication date.
    pub published: Option<Date>,
    /// The JSON-LD `articleBody`: the story's text as the publisher's system holds it
    /// (entities decoded; plain text or HTML).
    pub article_body: Option<String>,
}

/// An `<h1>` of the page.
struct Headline {
    text: String,
    /// Its markup names it the headline (`itemprop=headline`, a "title" or "headline" class).
    marked: bool,
}

/// Everything collected in one pass over the page.
#[derive(Default)]
struct Found {
    metas: Vec<(String, String)>,
    canonical: Option<String>,
    lang: Option<String>,
    title: Option<String>,
    headlines: Vec<Headline>,
    /// Texts of author elements (a byline class, `rel=author`, `itemprop=author`).
    bylines: Vec<(u32, String)>,
    time: Option<String>,
    /// Dates of the `<time>` elements a reader sees, in document order, and whether their text
    /// labels them the publication time ("Posted: ...").
    shown: Vec<(Date, bool)>,
    ld: Vec<Value>,
}

impl Found {
    fn meta(&self, key: &str) -> Option<&str> {
        self.metas.iter().find(|(k, v)| k == key && !v.is_empty()).map(|(_, v)| v.as_str())
    }
    fn first_meta(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|k| self.meta(k))
    }
}

/// Reads the page's metadata. `url` is where the page came from, when known.
pub(crate) fn read(
    dom: &Dom<'_>,
    stats: &Stats,
    classes: &Classes,
    url: Option<&str>,
    url_date: Option<Date>,
) -> PageMeta {
    let found = collect(dom, stats, classes);
    let article = best_article(&found.ld);
    let graph_ids = IdIndex::new(&found.ld);
    let ld_str = |field: &str| article.and_then(|a| a.get(field)).and_then(first_string);

    let mut source = Source { url: url.map(str::to_string), ..Source::default() };
    source.canonical_url = found.canonical.clone().or_else(|| found.meta("og:url").map(str::to_string));
    source.site_name = found
        .meta("og:site_name")
        .map(str::to_string)
        .or_else(|| {
            article
                .and_then(|a| a.get("publisher"))
                .and_then(|p| graph_ids.resolve(p).get("name"))
                .and_then(first_string)
        })
        .or_else(|| found.meta("application-name").map(str::to_string));
    source.language = found
        .lang
        .clone()
        .or_else(|| ld_str("inLanguage"))
        .or_else(|| found.meta("og:locale").map(|l| l.replace('_', "-")))
        .or_else(|| found.meta("content-language").map(str::to_string));
    source.description = found
        .first_meta(&["og:description", "description", "twitter:description"])
        .map(str::to_string)
        .or_else(|| ld_str("description"));
    source.section = found.meta("article:section").map(str::to_string).or_else(|| ld_str("articleSection"));
    source.tags = tags(&found, article);
    source.image = found
        .first_meta(&["og:image", "og:image:url", "twitter:image"])
        .map(str::to_string)
        .or_else(|| article.and_then(|a| a.get("image")).and_then(image_url));
    // The first publication time that reads as a date (a page may fill a field with junk).
    let published_times = ld_str("datePublished")
        .into_iter()
        .chain(PUBLISHED_KEYS.iter().filter_map(|k| found.meta(k).map(str::to_string)));
    let (published_at, published) = published_times
        .chain(found.time.clone())
        .find_map(|t| Some((local_date(&t, source.language.as_deref()).or_else(|| parse_time(&t))?, t)))
        .map(|(d, t)| (Some(t), Some(d)))
        .unwrap_or_default();
    source.published_at = published_at;
    source.modified_at = ld_str("dateModified").or_else(|| found.first_meta(MODIFIED_KEYS).map(str::to_string));
    let modified = source.modified_at.as_deref().and_then(parse_time);
    let published = shown_date(published, modified, &found.shown).or(url_date);

    // People named by JSON-LD, else by <meta name=author>; never the publication itself. (The
    // page's author elements go into the text as a byline, for the layout stage to read.)
    let mut names = Vec::new();
    if let Some(a) = article.and_then(|a| a.get("author")) {
        ld_authors(a, &graph_ids, &mut names);
    }
    let site = source.site_name.as_deref();
    let mut authors = authors::clean(&names, site);
    if authors.is_empty() {
        let meta = AUTHOR_KEYS.iter().filter_map(|k| found.meta(k)).find(|v| !authors::is_url(v));
        authors = authors::clean(&meta.map(str::to_string).into_iter().collect::<Vec<_>>(), site);
    }

    let title = headline(&found, ld_str("headline"), source.site_name.as_deref());
    let article_body = article.and_then(|a| a.get("articleBody")).and_then(Value::as_str).map(decode);
    PageMeta { source, title, authors, published, bylines: found.bylines, article_body }
}

/// One pass over the elements.
fn collect(dom: &Dom<'_>, stats: &Stats, classes: &Classes) -> Found {
    let mut f = Found::default();
    let text_of = |id: u32| -> String {
        let mut raw = String::new();
        dom.walk(id, |c, entering| {
            let visible = dom.tag(c).is_none_or(|t| !t.is_invisible());
            if entering && visible && dom.tag(c).is_none() {
                raw.push_str(dom.text(c));
                // Block boundaries inside a headline are word boundaries.
            } else if dom.tag(c).is_some_and(|t| t.is_block()) {
                raw.push(' ');
            }
            visible
        });
        collapse(&decode(&raw))
    };
    let mut last_byline = None;
    for id in 1..dom.len() as u32 {
        let Some(tag) = dom.tag(id) else { continue };
        match tag {
            Tag::Meta => {
                let Some(content) = dom.attr(id, "content") else { continue };
                for name in ["property", "name", "itemprop", "http-equiv"] {
                    if let Some(k) = dom.attr(id, name) {
                        f.metas.push((k.trim().to_ascii_lowercase(), collapse(&decode(content))));
                    }
                }
            }
            Tag::Link => {
                let rel = dom.attr(id, "rel").unwrap_or("");
                if f.canonical.is_none() && rel.eq_ignore_ascii_case("canonical") {
                    f.canonical = dom.attr(id, "href").map(|h| decode(h).trim().to_string());
                }
            }
            Tag::Html if f.lang.is_none() => {
                f.lang = dom.attr(id, "lang").map(|l| l.trim().to_string()).filter(|l| !l.is_empty());
            }
            Tag::Script => {
                let ld = dom.attr(id, "type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"));
                if let (true, Some(child)) = (ld, dom.children(id).next()) {
                    if let Some(v) = parse_json_ld(dom.text(child)) {
                        f.ld.push(v);
                    }
                }
            }
            Tag::Title if f.title.is_none() => {
                f.title = dom.children(id).next().map(|c| collapse(&decode(dom.text(c))));
            }
            Tag::H1 if !stats.skip[id as usize] && f.headlines.len() < MAX_HEADLINES => {
                let text = text_of(id);
                if !text.is_empty() {
                    f.headlines.push(Headline { text, marked: classes.is_headline(dom, id) });
                }
            }
            _ if f.bylines.len() < MAX_BYLINES
                && !stats.skip[id as usize]
                && (1..=MAX_BYLINE_CHARS).contains(&stats.chars[id as usize])
                && !last_byline.is_some_and(|b| dom.is_within(id, b))
                && (classes.is_byline(dom, id) || opens_with_by(dom, id)) =>
            {
                last_byline = Some(id);
                // "By <a>Ana Ruiz</a> 12/22/2023 5:00 AM": the linked names, when there are any.
                let mut linked = Vec::new();
                dom.walk(id, |c, entering| {
                    if entering && dom.tag(c) == Some(Tag::A) {
                        let t = text_of(c);
                        if authors::looks_like_name(&t) {
                            linked.push(t);
                        }
                        return false;
                    }
                    true
                });
                if linked.is_empty() {
                    // "Ana Ruiz<span>Published: May 8</span>": the pieces that are names.
                    dom.walk(id, |c, entering| {
                        if entering && dom.tag(c).is_none() {
                            let t = collapse(&decode(dom.text(c)));
                            let t = authors::strip_lead(&t);
                            if authors::looks_like_name(t) {
                                linked.push(t.to_string());
                            }
                        }
                        dom.tag(c).is_none_or(|t| !t.is_invisible())
                    });
                }
                let text = if linked.is_empty() { text_of(id) } else { linked.join(", ") };
                f.bylines.push((id, text));
            }
            Tag::Time => {
                let published = dom.attr(id, "itemprop").is_some_and(|v| v.eq_ignore_ascii_case("datePublished"))
                    || dom.attr(id, "pubdate").is_some();
                if let Some((dt, date)) = dom.attr(id, "datetime").and_then(|d| Some((d, parse_time(d)?))) {
                    if f.time.is_none() || published {
                        f.time = Some(dt.trim().to_string());
                    }
                    if !stats.skip[id as usize] && f.shown.len() < MAX_SHOWN_TIMES {
                        f.shown.push((date, classes.says_published(&text_of(id))));
                    }
                }
            }
            _ => {}
        }
    }
    f
}

/// The date a reader sees as the story's: the publication date, unless the page shows only
/// the update (its first shown time is the modification date, not labelled "Published" or
/// "Posted", and no shown time is the publication date). The update is then the date the page
/// gives its readers, and the one they cite.
fn shown_date(published: Option<Date>, modified: Option<Date>, shown: &[(Date, bool)]) -> Option<Date> {
    match (published, modified, shown.first()) {
        (Some(p), Some(m), Some(&(first, labelled)))
            if m != p && first == m && !labelled && !shown.iter().any(|&(d, _)| d == p) =>
        {
            Some(m)
        }
        _ => published,
    }
}

/// An element whose text opens with "By" and then a link ("By <a>Ana Ruiz</a>, Staff
/// Writer"): an author line without a class that says so.
fn opens_with_by(dom: &Dom<'_>, id: u32) -> bool {
    let mut children = dom.children(id);
    let (Some(first), Some(second)) = (children.next(), children.next()) else { return false };
    dom.tag(first).is_none() && dom.tag(second) == Some(Tag::A) && matches!(dom.text(first).trim(), "By" | "BY" | "by")
}

/// JSON-LD text as JSON, tolerating what pages get wrong: raw line breaks and tabs inside
/// strings, and a `<!--` wrapper.
fn parse_json_ld(raw: &str) -> Option<Value> {
    let s = raw.trim().trim_start_matches("<!--").trim_end_matches("-->").trim();
    let s = s.strip_prefix("<![CDATA[").and_then(|s| s.strip_suffix("]]>")).unwrap_or(s);
    serde_json::from_str(s).ok().or_else(|| {
        let cleaned: String = s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        serde_json::from_str(&cleaned).ok()
    })
}

/// The article object among all JSON-LD blocks: the best-ranked type, the first of it.
fn best_article(ld: &[Value]) -> Option<&Value> {
    let mut best: Option<(usize, &Value)> = None;
    let mut stack: Vec<&Value> = ld.iter().collect();
    stack.reverse();
    while let Some(v) = stack.pop() {
        match v {
            Value::Array(items) => stack.extend(items.iter().rev()),
            Value::Object(o) => {
                if let Some(g) = o.get("@graph") {
                    stack.push(g);
                }
                if let Some(rank) = type_rank(o.get("@type")) {
                    if best.is_none_or(|(r, _)| rank < r) {
                        best = Some((rank, v));
                    }
                }
                if let Some(main) = o.get("mainEntity") {
                    stack.push(main);
                }
            }
            _ => {}
        }
    }
    best.map(|(_, v)| v)
}

/// The rank of an `@type` (a string or an array of strings) in [`ARTICLE_TYPES`].
fn type_rank(t: Option<&Value>) -> Option<usize> {
    let rank = |s: &str| {
        let s = s.rsplit('/').next().unwrap_or(s);
        ARTICLE_TYPES.iter().position(|t| t.eq_ignore_ascii_case(s))
    };
    match t? {
        Value::String(s) => rank(s),
        Value::Array(a) => a.iter().filter_map(|v| v.as_str()).filter_map(rank).min(),
        _ => None,
    }
}

/// JSON-LD objects by `@id`, for references such as `"author": {"@id": "#jane"}`.
struct IdIndex<'v> {
    ids: Vec<(&'v str, &'v Value)>,
}

impl<'v> IdIndex<'v> {
    fn new(ld: &'v [Value]) -> IdIndex<'v> {
        let mut ids = Vec::new();
        let mut stack: Vec<&Value> = ld.iter().collect();
        while let Some(v) = stack.pop() {
            match v {
                Value::Array(items) => stack.extend(items),
                Value::Object(o) => {
                    if let (Some(id), true) = (o.get("@id").and_then(Value::as_str), o.len() > 1) {
                        ids.push((id, v));
                    }
                    stack.extend(o.values().filter(|x| x.is_array() || x.is_object()));
                }
                _ => {}
            }
        }
        IdIndex { ids }
    }

    /// The object a bare reference points to, or the value itself.
    fn resolve(&self, v: &'v Value) -> &'v Value {
        match v.as_object() {
            Some(o) if o.len() == 1 => o
                .get("@id")
                .and_then(Value::as_str)
                .and_then(|id| self.ids.iter().find(|(i, _)| *i == id).map(|(_, v)| *v))
                .unwrap_or(v),
            _ => v,
        }
    }
}

/// Author names from a JSON-LD `author`: a name, a Person, a reference, or an array of them.
/// Organizations are not authors (the byline of agency copy names the agency in the text).
fn ld_authors(v: &Value, ids: &IdIndex<'_>, out: &mut Vec<String>) {
    let items: Vec<&Value> = match v {
        Value::Array(a) => a.iter().collect(),
        v => vec![v],
    };
    let mut people = Vec::new();
    for item in items {
        let item = ids.resolve(item);
        match item {
            Value::String(s) => people.push(s.clone()),
            Value::Object(o) => {
                let Some(name) = o.get("name").and_then(first_string) else { continue };
                let org =
                    ["Organization", "NewsMediaOrganization", "Corporation"].iter().any(|t| type_is(o.get("@type"), t));
                if !org {
                    people.push(name);
                }
            }
            _ => {}
        }
    }
    out.extend(people);
}

fn type_is(t: Option<&Value>, name: &str) -> bool {
    match t {
        Some(Value::String(s)) => s == name,
        Some(Value::Array(a)) => a.iter().any(|v| v.as_str() == Some(name)),
        _ => false,
    }
}

/// A string, or the first string of an array, trimmed and with entities decoded; `None` when
/// empty.
fn first_string(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.as_str(),
        Value::Array(a) => a.iter().find_map(Value::as_str)?,
        _ => return None,
    };
    let s = collapse(&decode(s));
    (!s.is_empty()).then_some(s)
}

/// A JSON-LD `image`: a URL, an ImageObject, or an array of either.
fn image_url(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Array(a) => a.iter().find_map(image_url),
        Value::Object(o) => o.get("url").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}

/// Tags: `article:tag`, `keywords`, `news_keywords`, JSON-LD `keywords`; no duplicates.
fn tags(found: &Found, article: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |t: &str| {
        let t = t.trim();
        if !t.is_empty() && !out.iter().any(|o| o.eq_ignore_ascii_case(t)) {
            out.push(t.to_string());
        }
    };
    for (k, v) in &found.metas {
        if k == "article:tag" {
            add(v);
        } else if k == "keywords" || k == "news_keywords" {
            v.split(',').for_each(&mut add);
        }
    }
    match article.and_then(|a| a.get("keywords")) {
        Some(Value::String(s)) => s.split(',').for_each(&mut add),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).for_each(&mut add),
        _ => {}
    }
    out
}

/// The headline as the page shows it, chosen by agreement: the `<h1>` that a metadata title
/// names (without a section label or a "[Watch]" that only the `<h1>` has), else the `<h1>`
/// the markup names the headline (the metadata's title is then a variant written for search
/// engines or social media), else the metadata's title (the `<title>` without the site's
/// name), else the first `<h1>`. A title that is the site's name is no headline.
fn headline(found: &Found, ld: Option<String>, site: Option<&str>) -> Option<String> {
    let site_key = site.map(key).unwrap_or_default();
    let not_site = |t: &String| !t.is_empty() && key(t) != site_key;
    let ld = ld.filter(not_site);
    let og = found.meta("og:title").map(str::to_string).filter(not_site);
    let metas: Vec<String> =
        [ld.clone(), og.clone(), found.meta("twitter:title").map(str::to_string), found.title.clone()]
            .into_iter()
            .flatten()
            .filter(not_site)
            .collect();
    let meta_keys: Vec<String> = metas.iter().map(|m| key(&strip_site(m, site))).filter(|m| !m.is_empty()).collect();
    let h1s = found.headlines.iter().filter(|h| {
        let k = key(&h.text);
        k.len() >= MIN_HEADLINE_KEY && k != site_key
    });
    for h in h1s.clone() {
        let k = key(&h.text);
        // Metadata titles in order of trust, the JSON-LD headline first.
        for m in &meta_keys {
            if m.contains(&k) {
                return Some(h.text.clone());
            }
            // The <h1> holds the title and a few words more: a label ("Opinion", "Sports |") or
            // a tag ("[Watch]") around the headline.
            if m.len() >= MIN_HEADLINE_KEY && (k.starts_with(m.as_str()) || k.ends_with(m.as_str())) {
                let at = if k.starts_with(m.as_str()) { 0 } else { k.len() - m.len() };
                let cut = slice_by_key(&h.text, at, m.len());
                if cut.split_whitespace().count() + MAX_HEADLINE_LABEL_WORDS >= h.text.split_whitespace().count() {
                    return Some(cut.to_string());
                }
            }
        }
        if meta_keys.iter().any(|m| k.contains(m.as_str()) && m.len() * 2 >= k.len()) {
            return Some(h.text.clone());
        }
    }
    if let Some(h) = h1s.clone().find(|h| h.marked && h.text.split_whitespace().count() >= MIN_MARKED_HEADLINE_WORDS) {
        return Some(h.text.clone());
    }
    if let Some(t) = ld.or(og) {
        return Some(strip_site(&t, site));
    }
    if let Some(t) = found.title.as_ref().filter(|t| not_site(t)) {
        return Some(strip_site(t, site));
    }
    found.headlines.first().map(|h| h.text.clone())
}

/// The part of `text` whose [`key`] is `key[at..at + len]` (byte offsets into the key), with
/// the quotes and closing punctuation that hug it ("‘Quoted’ headline?").
fn slice_by_key(text: &str, at: usize, len: usize) -> &str {
    let (mut start, mut end) = (None, text.len());
    let mut k = 0;
    for (i, c) in text.char_indices().filter(|(_, c)| c.is_alphanumeric()) {
        if k >= at && start.is_none() {
            start = Some(i);
        }
        k += c.to_lowercase().map(char::len_utf8).sum::<usize>();
        if k >= at + len {
            end = i + c.len_utf8();
            break;
        }
    }
    let mut start = if at == 0 { 0 } else { start.unwrap_or(0) };
    while let Some(c) = text[..start].chars().next_back().filter(|c| OPENING.contains(*c)) {
        start -= c.len_utf8();
    }
    let end = end + text[end..].chars().take_while(|c| CLOSING.contains(*c)).map(char::len_utf8).sum::<usize>();
    text[start..end].trim()
}

/// Punctuation that opens or closes a headline's words.
const OPENING: &str = "\"'‘“„«¿¡([";
const CLOSING: &str = "\"'’”»?!.…)]%";

/// A `<title>` without the site's name ("Storm hits coast | The Daily Example").
fn strip_site(title: &str, site: Option<&str>) -> String {
    for sep in TITLE_SEPARATORS {
        if let Some((head, tail)) = title.rsplit_once(sep) {
            let named = site.is_some_and(|s| key(tail) == key(s) || key(s).contains(&key(tail)));
            if named || tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
                return head.trim().to_string();
            }
        }
    }
    title.trim().to_string()
}

/// The date of a UTC time ("2023-12-24T01:06:51Z") on a page in US English, in US Eastern
/// time: US newsrooms date their stories where they are, and a story filed at 8 p.m. in New
/// York is stamped the next day in UTC. `None` for any other time or language.
fn local_date(s: &str, language: Option<&str>) -> Option<Date> {
    let us = language
        .and_then(|l| l.split_once(['-', '_']))
        .is_some_and(|(lang, region)| lang.eq_ignore_ascii_case("en") && region.eq_ignore_ascii_case("us"));
    let t = chrono::DateTime::parse_from_rfc3339(s.trim()).ok().filter(|t| us && t.offset().local_minus_utc() == 0)?;
    let utc = t.naive_utc();
    let offset = if us_summer_time(utc) { 4 } else { 5 };
    Some((utc - chrono::TimeDelta::hours(offset)).date())
}

/// True when US daylight saving time is in force at a UTC time: from the second Sunday of March
/// to the first Sunday of November (at 2 a.m. Eastern, close enough at the day's scale).
fn us_summer_time(utc: chrono::NaiveDateTime) -> bool {
    use chrono::{Datelike, Weekday};
    let year = utc.year();
    let sunday = |month, nth| Date::from_weekday_of_month_opt(year, month, Weekday::Sun, nth);
    match (sunday(3, 2), sunday(11, 1)) {
        (Some(start), Some(end)) => {
            let start = start.and_hms_opt(7, 0, 0).expect("valid time");
            let end = end.and_hms_opt(6, 0, 0).expect("valid time");
            (start..end).contains(&utc)
        }
        _ => false,
    }
}

/// The date part of a time as pages write it: ISO 8601 ("2023-12-22T05:00:00Z",
/// "2023-12-22"), with slashes, compact ("20231222"), or RFC 2822 ("Fri, 22 Dec 2023 ...").
pub(crate) fn parse_time(s: &str) -> Option<Date> {
    let s = s.trim();
    let b = s.as_bytes();
    if b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && matches!(b[4], b'-' | b'/' | b'.')
        && b[7] == b[4]
        && b.get(10).is_none_or(|c| !c.is_ascii_digit())
    {
        // `get`: the bytes after the separators may be inside a character ("2024-01-1é").
        let y = s[..4].parse().ok()?;
        let m = s.get(5..7)?.parse().ok()?;
        let d = s.get(8..10)?.parse().ok()?;
        return Date::from_ymd_opt(y, m, d);
    }
    if b.len() >= 8 && b[..8].iter().all(u8::is_ascii_digit) && b.get(8).is_none_or(|c| !c.is_ascii_digit()) {
        return Date::parse_from_str(&s[..8], "%Y%m%d").ok();
    }
    chrono::DateTime::parse_from_rfc2822(s).ok().map(|d| d.date_naive()).or_else(|| written_date(s))
}

/// English month names by their first three letters.
const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A date written out: "Fri, 12/22/2023 - 05:00" (month first), "22 Dec 2023", "December 22,
/// 2023 5:00 PM", "Thu, 21 Dec 2023 10:00".
fn written_date(s: &str) -> Option<Date> {
    let words: Vec<&str> = s.split(|c: char| !c.is_alphanumeric() && c != '/').filter(|w| !w.is_empty()).collect();
    if let Some(slashed) = words.iter().find(|w| w.matches('/').count() == 2) {
        let mut parts = slashed.split('/');
        let (m, d, y) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
        return (y >= 1900).then(|| Date::from_ymd_opt(y, m, d)).flatten();
    }
    // The first three bytes, when they are whole characters (a word may start with "Ò").
    let month_of = |w: &str| MONTHS.iter().position(|m| w.get(..3).is_some_and(|p| p.eq_ignore_ascii_case(m)));
    let month = words.iter().position(|w| w.chars().all(char::is_alphabetic) && month_of(w).is_some())?;
    let m = month_of(words[month])? as u32 + 1;
    let number = |w: &&str| w.chars().all(|c| c.is_ascii_digit()).then(|| w.parse::<u32>().ok()).flatten();
    let year = words.iter().filter_map(number).find(|&n| (1900..=2100).contains(&n))?;
    let near = [month.wrapping_sub(1), month + 1];
    let day = near.iter().filter_map(|&i| words.get(i)).filter_map(number).find(|&n| (1..=31).contains(&n))?;
    Date::from_ymd_opt(year as i32, m, day)
}

/// Decodes character references.
fn decode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    decode_into(s, &mut out);
    out
}

/// Trims and collapses blank space.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::classes::Classes;
    use crate::html::content::stats;

    fn meta(page: &str) -> PageMeta {
        let dom = Dom::parse(page);
        let s = stats(&dom, &Classes::new(), true);
        read(&dom, &s, &Classes::new(), Some("https://example.com/a"), None)
    }

    #[test]
    fn json_ld_graph_and_references() {
        let page = r##"<html lang="en-GB"><head><title>Dam Opens | Valley Post</title>
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
              {"@type":"WebSite","name":"Valley Post"},
              {"@type":["NewsArticle"],"headline":"Dam Opens","datePublished":"2024-03-05T08:00:00-05:00",
               "author":[{"@id":"#p1"},{"@type":"Person","name":"By Tom Reed"}],"keywords":["Dams","Water"],
               "publisher":{"@type":"Organization","name":"Valley Post"},"articleSection":["Local"]},
              {"@type":"Person","@id":"#p1","name":"Ana Ruiz"}]}</script>
            <meta property="og:image" content="https://example.com/i.jpg">
            <link rel=canonical href="https://example.com/dam"></head><body><h1>Dam Opens</h1></body></html>"##;
        let m = meta(page);
        assert_eq!(m.title.as_deref(), Some("Dam Opens"));
        assert_eq!(m.authors, ["Ana Ruiz", "Tom Reed"]);
        assert_eq!(m.published, Date::from_ymd_opt(2024, 3, 5));
        let s = &m.source;
        assert_eq!(s.site_name.as_deref(), Some("Valley Post"));
        assert_eq!(s.language.as_deref(), Some("en-GB"));
        assert_eq!(s.section.as_deref(), Some("Local"));
        assert_eq!(s.tags, ["Dams", "Water"]);
        assert_eq!(s.canonical_url.as_deref(), Some("https://example.com/dam"));
        assert_eq!(s.image.as_deref(), Some("https://example.com/i.jpg"));
        assert_eq!(s.published_at.as_deref(), Some("2024-03-05T08:00:00-05:00"));
    }

    #[test]
    fn open_graph_meta_and_time() {
        let page = r#"<head><title>Rail strike ends - The Example Times</title>
            <meta name="author" content="Lee Park and Sam Cole"><meta name="keywords" content="rail, strikes">
            <meta property="og:site_name" content="The Example Times"></head>
            <body><h1 class=logo>The Example Times</h1><time datetime="2023-11-02">Nov 2</time></body>"#;
        let m = meta(page);
        assert_eq!(m.title.as_deref(), Some("Rail strike ends"));
        assert_eq!(m.authors, ["Lee Park", "Sam Cole"]);
        assert_eq!(m.published, Date::from_ymd_opt(2023, 11, 2));
        assert_eq!(m.source.tags, ["rail", "strikes"]);
    }

    #[test]
    fn the_date_a_reader_sees() {
        let date = |page: &str| meta(page).published.map(|d| d.to_string());
        let head = r#"<head><script type="application/ld+json">{"@type":"NewsArticle",
            "datePublished":"2023-03-01T10:00:00-05:00","dateModified":"2023-03-04T09:00:00-05:00"}</script></head>"#;
        // The page shows only the update: its readers date the story by it.
        let only_update =
            format!(r#"{head}<body><time datetime="2023-03-04T09:00:00-05:00">Updated March 4</time></body>"#);
        assert_eq!(date(&only_update).as_deref(), Some("2023-03-04"));
        // Shown beside the publication time, or labelled the publication time, it is not.
        let both = format!(
            r#"{head}<body><time datetime="2023-03-04">Updated March 4</time><time datetime="2023-03-01">March 1</time></body>"#
        );
        assert_eq!(date(&both).as_deref(), Some("2023-03-01"));
        let posted =
            format!(r#"{head}<body><time datetime="2023-03-04">Posted: March 1 | Updated: March 4</time></body>"#);
        assert_eq!(date(&posted).as_deref(), Some("2023-03-01"));
        // A publication field that is not a date gives way to the next source.
        let junk = r#"<head><meta property="article:published_time" content="2022-02-112023-06-08">
            <meta name="pubdate" content="2023-06-08"></head>"#;
        assert_eq!(date(junk).as_deref(), Some("2023-06-08"));
    }

    #[test]
    fn headline_by_agreement() {
        let title = |page: &str| meta(page).title;
        // A label inside the <h1> that the JSON-LD headline leaves out.
        let page = r#"<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Why the ferry is late"}</script>
            <meta property="og:title" content="Opinion | Why the ferry is late"></head>
            <body><h1><span>Opinion</span> Why the ferry is late</h1></body>"#;
        assert_eq!(title(page).as_deref(), Some("Why the ferry is late"));
        // A tag after the headline; the quotes that open and close it stay.
        let page = "<head><title>‘Harbor Lights’ wins the prize</title></head><body><h1>‘Harbor Lights’ wins the prize [Video]</h1></body>";
        assert_eq!(title(page).as_deref(), Some("‘Harbor Lights’ wins the prize"));
        // The page's headline element wins over a social-media variant; a headline that is the
        // site's name is none.
        let page = r#"<head><meta property="og:title" content="You won't believe this ferry">
            <meta property="og:site_name" content="Valley Post">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Valley Post"}</script></head>
            <body><h1 class="article-title">Ferry service resumes after storm</h1></body>"#;
        assert_eq!(title(page).as_deref(), Some("Ferry service resumes after storm"));
        // An unmarked <h1> that agrees with nothing (a logo) does not.
        let page = r#"<head><meta property="og:title" content="Ferry service resumes after storm"></head>
            <body><h1>Valley Weekly News Network</h1></body>"#;
        assert_eq!(title(page).as_deref(), Some("Ferry service resumes after storm"));
    }

    #[test]
    fn time_formats() {
        assert_eq!(parse_time("2023/12/22 10:00"), Date::from_ymd_opt(2023, 12, 22));
        assert_eq!(parse_time("20231222"), Date::from_ymd_opt(2023, 12, 22));
        assert_eq!(parse_time("Fri, 22 Dec 2023 10:00:00 +0000"), Date::from_ymd_opt(2023, 12, 22));
        assert_eq!(parse_time("yesterday"), None);
        let d = Date::from_ymd_opt(2023, 12, 22);
        for s in ["Fri, 12/22/2023 - 05:00", "22 Dec 2023", "December 22, 2023 5:00 PM", "Fri, 22 Dec 2023 10:00"] {
            assert_eq!(parse_time(s), d, "{s}");
        }
        assert_eq!(parse_time("May 2023"), None);
        assert_eq!(parse_time("2022-02-112023-06-08"), None);
        // UTC times on US pages are dated in Eastern time, summer time included.
        let us = Some("en-US");
        assert_eq!(local_date("2023-12-24T01:06:51+00:00", us), Date::from_ymd_opt(2023, 12, 23));
        assert_eq!(local_date("2023-07-04T03:30:00Z", us), Date::from_ymd_opt(2023, 7, 3));
        assert_eq!(local_date("2023-07-04T04:30:00.000Z", us), Date::from_ymd_opt(2023, 7, 4));
        assert_eq!(local_date("2023-12-24T01:06:51+00:00", Some("en-GB")), None);
        // A language tag with a multi-byte character where the region would start.
        assert_eq!(local_date("2023-12-24T01:06:51+00:00", Some("en„")), None);
        assert_eq!(local_date("2023-12-24T01:06:51-05:00", us), None);
    }

    #[test]
    fn times_with_letters_of_several_bytes_do_not_panic() {
        // Found by fuzzing (issue 13): byte slices that ended inside a character.
        for s in [
            "2024 \u{d2}\u{d2}\u{d2} 12",
            "2024-01-1\u{e9}",
            "22 D\u{e9}c 2023",
            "\u{e9}t\u{e9} 2023 12",
            "2024/\u{e9}/22",
        ] {
            assert_eq!(parse_time(s), None, "{s}");
        }
        assert_eq!(parse_time("\u{e9} 22 Dec 2023"), Date::from_ymd_opt(2023, 12, 22));
    }
}
