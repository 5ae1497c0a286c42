//! Corpus aggregates for source-diversity studies: who is quoted most, which entities are
//! mentioned most, how many quotes articles carry, and the [`study`] of whose voices they are
//! (speaker kinds and gender, by outlet, month or an input field). Built from [`Rows`], so it
//! works during a run (`byline batch --stats`), over earlier output (`byline stats`) and in
//! Python (`byline.stats`).

pub mod study;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use serde::Serialize;

use crate::tables::Rows;
pub use study::{GroupBy, Study, StudyTables};

/// Quote counts above this share one histogram bucket (for the median).
const HISTOGRAM_CAP: usize = 1000;

/// Running corpus aggregates. Memory grows with the number of distinct speakers and entities,
/// not with the number of articles.
#[derive(Clone, Debug, Default)]
pub struct Stats {
    articles: u64,
    errors: u64,
    quotes: u64,
    kinds: BTreeMap<String, u64>,
    resolved: u64,
    unresolved: u64,
    no_speaker: u64,
    /// `quotes_per_article[n]`: articles with `n` quotes.
    quotes_per_article: Vec<u64>,
    speakers: HashMap<String, Tally>,
    entities: HashMap<(String, String), Tally>,
    study: Study,
}

#[derive(Clone, Debug, Default)]
struct Tally {
    count: u64,
    articles: u64,
    label: Option<String>,
}

impl Stats {
    /// An empty aggregate whose study is broken down by outlet and by month.
    pub fn new() -> Stats {
        Stats::grouped_by(vec![GroupBy::Outlet, GroupBy::Month])
    }

    /// An empty aggregate whose study is broken down by `dims`.
    pub fn grouped_by(dims: Vec<GroupBy>) -> Stats {
        Stats { study: Study::new(dims), ..Stats::default() }
    }

    /// Adds the rows of one or more articles.
    pub fn add(&mut self, rows: &Rows) {
        self.add_with_field(rows, None);
    }

    /// Adds the rows of one or more articles whose input records have `field` as the value of
    /// the study's (first) [`GroupBy::Field`] dimension.
    pub fn add_with_field(&mut self, rows: &Rows, field: Option<&str>) {
        let name = self.study.dims().iter().find_map(|d| match d {
            GroupBy::Field(name) => Some(name.clone()),
            _ => None,
        });
        match (name, field) {
            (Some(name), Some(value)) => self.add_with_fields(rows, &[(&name, value)]),
            _ => self.add_with_fields(rows, &[]),
        }
    }

    /// Adds the rows of one or more articles whose input records have these values of the
    /// study's [`GroupBy::Field`] dimensions, by name.
    pub fn add_with_fields(&mut self, rows: &Rows, fields: &[(&str, &str)]) {
        self.study.add(rows, fields);
        for a in &rows.articles {
            if a.error.is_some() {
                self.errors += 1;
                continue;
            }
            self.articles += 1;
            let n = (a.quotes.max(0) as usize).min(HISTOGRAM_CAP);
            if self.quotes_per_article.len() <= n {
                self.quotes_per_article.resize(n + 1, 0);
            }
            self.quotes_per_article[n] += 1;
        }
        let mut seen: HashSet<(Option<&str>, &str)> = HashSet::new();
        for q in &rows.quotes {
            self.quotes += 1;
            *self.kinds.entry(q.kind.clone()).or_default() += 1;
            match (&q.speaker, &q.speaker_name) {
                (_, Some(name)) => {
                    self.resolved += 1;
                    let first_in_article = seen.insert((q.article_id.as_deref(), name));
                    tally(&mut self.speakers, name, q.speaker_label.as_deref(), 1, first_in_article);
                }
                (Some(_), None) => self.unresolved += 1,
                (None, None) => self.no_speaker += 1,
            }
        }
        seen.clear();
        for e in &rows.entities {
            let first_in_article = seen.insert((e.article_id.as_deref(), &e.name));
            let key = (e.name.clone(), e.label.clone());
            let t = self.entities.entry(key).or_default();
            t.count += e.mentions.max(0) as u64;
            t.articles += u64::from(first_in_article);
        }
    }

    /// Adds another aggregate (from another thread or file) to this one.
    pub fn merge(&mut self, other: Stats) {
        self.articles += other.articles;
        self.errors += other.errors;
        self.quotes += other.quotes;
        self.resolved += other.resolved;
        self.unresolved += other.unresolved;
        self.no_speaker += other.no_speaker;
        for (k, n) in other.kinds {
            *self.kinds.entry(k).or_default() += n;
        }
        if self.quotes_per_article.len() < other.quotes_per_article.len() {
            self.quotes_per_article.resize(other.quotes_per_article.len(), 0);
        }
        for (i, n) in other.quotes_per_article.into_iter().enumerate() {
            self.quotes_per_article[i] += n;
        }
        for (k, t) in other.speakers {
            let mine = self.speakers.entry(k).or_default();
            mine.count += t.count;
            mine.articles += t.articles;
            mine.label = mine.label.take().or(t.label);
        }
        for (k, t) in other.entities {
            let mine = self.entities.entry(k).or_default();
            mine.count += t.count;
            mine.articles += t.articles;
        }
        self.study.merge(other.study);
    }

    /// The report, with the `top` most quoted speakers and most mentioned entities.
    pub fn report(&self, top: usize) -> Report {
        let hist = &self.quotes_per_article;
        let with_quotes = self.articles - hist.first().copied().unwrap_or(0);
        let median = {
            let half = self.articles.div_ceil(2);
            let mut acc = 0;
            hist.iter().position(|&n| {
                acc += n;
                acc >= half && half > 0
            })
        };
        let mut speakers: Vec<_> = self
            .speakers
            .iter()
            .map(|(name, t)| SpeakerLine {
                speaker: name.clone(),
                label: t.label.clone(),
                quotes: t.count,
                articles: t.articles,
            })
            .collect();
        speakers.sort_by(|a, b| (b.quotes, b.articles, &a.speaker).cmp(&(a.quotes, a.articles, &b.speaker)));
        speakers.truncate(top);
        let mut entities: Vec<_> = self
            .entities
            .iter()
            .map(|((name, label), t)| EntityLine {
                name: name.clone(),
                label: label.clone(),
                mentions: t.count,
                articles: t.articles,
            })
            .collect();
        entities.sort_by(|a, b| (b.mentions, b.articles, &a.name).cmp(&(a.mentions, a.articles, &b.name)));
        entities.truncate(top);
        Report {
            articles: self.articles,
            errors: self.errors,
            quotes: self.quotes,
            quote_kinds: self.kinds.clone(),
            quotes_resolved: self.resolved,
            quotes_unresolved: self.unresolved,
            quotes_without_speaker: self.no_speaker,
            articles_with_quotes: with_quotes,
            quotes_per_article: QuotesPerArticle {
                mean: if self.articles > 0 { self.quotes as f64 / self.articles as f64 } else { 0.0 },
                median: median.unwrap_or(0) as u64,
                max: hist.iter().rposition(|&n| n > 0).unwrap_or(0) as u64,
            },
            top_speakers: speakers,
            top_entities: entities,
            study: self.study.tables(top),
        }
    }
}

fn tally(map: &mut HashMap<String, Tally>, key: &str, label: Option<&str>, count: u64, new_article: bool) {
    let t = match map.get_mut(key) {
        Some(t) => t,
        None => map.entry(key.to_string()).or_default(),
    };
    t.count += count;
    t.articles += u64::from(new_article);
    if t.label.is_none() {
        t.label = label.map(str::to_string);
    }
}

/// Corpus aggregates, printable as text and serialisable as JSON.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Articles parsed.
    pub articles: u64,
    /// Records that failed.
    pub errors: u64,
    /// Quotes in all articles.
    pub quotes: u64,
    /// Quotes by kind (`direct`, `mixed`, `indirect`).
    pub quote_kinds: BTreeMap<String, u64>,
    /// Quotes whose speaker resolves to a name.
    pub quotes_resolved: u64,
    /// Quotes with a speaker mention that resolves to no name.
    pub quotes_unresolved: u64,
    /// Quotes for which the text gives no speaker at all.
    pub quotes_without_speaker: u64,
    /// Articles with at least one quote.
    pub articles_with_quotes: u64,
    /// Quotes per article.
    pub quotes_per_article: QuotesPerArticle,
    /// The most quoted speakers: most quotes first.
    pub top_speakers: Vec<SpeakerLine>,
    /// The most mentioned entities: most mentions first.
    pub top_entities: Vec<EntityLine>,
    /// The source-diversity study: speaker kinds and gender, by group; the most quoted people.
    pub study: StudyTables,
}

/// The distribution of quotes over articles.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuotesPerArticle {
    /// Mean.
    pub mean: f64,
    /// Median.
    pub median: u64,
    /// Maximum (counts above 1000 show as 1000).
    pub max: u64,
}

/// One speaker in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SpeakerLine {
    /// The resolved speaker name.
    pub speaker: String,
    /// The speaker's entity label, when known.
    pub label: Option<String>,
    /// Quotes attributed to the speaker.
    pub quotes: u64,
    /// Articles quoting the speaker.
    pub articles: u64,
}

/// One entity in the report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntityLine {
    /// The entity's name.
    pub name: String,
    /// Its label.
    pub label: String,
    /// Mentions over all articles.
    pub mentions: u64,
    /// Articles mentioning it.
    pub articles: u64,
}

/// Names longer than this are cut in the text report.
const NAME_WIDTH: usize = 36;

/// `name` on one line (runs of white space as one space), cut to [`NAME_WIDTH`].
fn cut(name: &str) -> String {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    match name.char_indices().nth(NAME_WIDTH - 1) {
        Some((i, _)) => format!("{}…", &name[..i]),
        None => name,
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let q = &self.quotes_per_article;
        writeln!(f, "articles: {} parsed, {} failed", self.articles, self.errors)?;
        writeln!(
            f,
            "quotes: {} in {} articles; per article: mean {:.2}, median {}, max {}",
            self.quotes, self.articles_with_quotes, q.mean, q.median, q.max
        )?;
        if !self.quote_kinds.is_empty() {
            let kinds: Vec<_> = self.quote_kinds.iter().map(|(k, n)| format!("{k} {n}")).collect();
            writeln!(f, "quote kinds: {}", kinds.join(", "))?;
        }
        writeln!(
            f,
            "speakers: {} quotes by a named speaker, {} by an unnamed one (\"officials\", an unresolved \"he\"), \
             {} with no speaker in the text",
            self.quotes_resolved, self.quotes_unresolved, self.quotes_without_speaker
        )?;
        writeln!(
            f,
            "\nmost quoted\n  {:<w$}  {:<7} {:>7} {:>8}",
            "speaker",
            "label",
            "quotes",
            "articles",
            w = NAME_WIDTH
        )?;
        if self.top_speakers.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for s in &self.top_speakers {
            let label = s.label.as_deref().unwrap_or("-");
            writeln!(f, "  {:<w$}  {label:<7} {:>7} {:>8}", cut(&s.speaker), s.quotes, s.articles, w = NAME_WIDTH)?;
        }
        writeln!(
            f,
            "\nmost mentioned\n  {:<w$}  {:<7} {:>7} {:>8}",
            "entity",
            "label",
            "mentions",
            "articles",
            w = NAME_WIDTH
        )?;
        if self.top_entities.is_empty() {
            writeln!(f, "  (none)")?;
        }
        for e in &self.top_entities {
            writeln!(f, "  {:<w$}  {:<7} {:>7} {:>8}", cut(&e.name), e.label, e.mentions, e.articles, w = NAME_WIDTH)?;
        }
        study_text(f, &self.study, self.top_speakers.len().max(self.study.people.len()).max(1))
    }
}

fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// The study's tables as text: the whole corpus's speaker kinds and genders, one block per
/// dimension (at most `rows` groups each), and the most quoted people.
fn study_text(f: &mut fmt::Formatter<'_>, t: &StudyTables, rows: usize) -> fmt::Result {
    writeln!(f, "\nspeaker kinds (whose voices)\n  {:<14} {:>8} {:>7} {:>9}", "kind", "quotes", "share", "speakers")?;
    for k in t.kinds.iter().filter(|k| k.by == study::ALL) {
        writeln!(f, "  {:<14} {:>8} {:>7} {:>9}", k.kind, k.quotes, percent(k.quote_share), k.speakers)?;
    }
    writeln!(
        f,
        "\ngender of quoted people (each counted once per article)\n  {:<14} {:>8} {:>7} {:>9} {:>7}",
        "gender", "quotes", "share", "people", "share"
    )?;
    for g in t.genders.iter().filter(|g| g.by == study::ALL) {
        let (qs, ps) = (percent(g.quote_share), percent(g.people_share));
        writeln!(f, "  {:<14} {:>8} {qs:>7} {:>9} {ps:>7}", g.gender, g.quotes, g.people)?;
    }
    let mut dims: Vec<&str> = Vec::new();
    for g in t.groups.iter().filter(|g| g.by != study::ALL) {
        if !dims.contains(&g.by.as_str()) {
            dims.push(&g.by);
        }
    }
    for by in dims {
        let groups: Vec<_> = t.groups.iter().filter(|g| g.by == by).collect();
        writeln!(
            f,
            "\nby {by}\n  {:<w$} {:>8} {:>7} {:>7} {:>7} {:>13} {:>9}",
            by,
            "articles",
            "quotes",
            "people",
            "women",
            "women (known)",
            "anonymous",
            w = NAME_WIDTH - 8
        )?;
        for g in groups.iter().take(rows) {
            writeln!(
                f,
                "  {:<w$} {:>8} {:>7} {:>7} {:>7} {:>13} {:>9}",
                cut(&g.group),
                g.articles,
                g.quotes,
                g.people,
                percent(g.female_share),
                percent(g.female_share_known),
                percent(g.anonymous_share),
                w = NAME_WIDTH - 8
            )?;
        }
        if groups.len() > rows {
            writeln!(f, "  ... {} more groups (--json or --tables DIR lists all)", groups.len() - rows)?;
        }
    }
    writeln!(
        f,
        "\nmost quoted people\n  {:<w$}  {:<7} {:>7} {:>8}  roles",
        "person",
        "gender",
        "quotes",
        "articles",
        w = NAME_WIDTH
    )?;
    if t.people.is_empty() {
        writeln!(f, "  (none)")?;
    }
    for p in &t.people {
        let roles = cut(&p.roles);
        writeln!(
            f,
            "  {:<w$}  {:<7} {:>7} {:>8}  {roles}",
            cut(&p.name),
            p.gender,
            p.quotes,
            p.articles,
            w = NAME_WIDTH
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tables::{ArticleRow, EntityRow, QuoteRow};

    fn article(id: &str, quotes: &[(Option<&str>, Option<&str>)], entities: &[(&str, i64)]) -> Rows {
        let aid = Some(id.to_string());
        Rows {
            articles: vec![ArticleRow {
                article_id: aid.clone(),
                quotes: quotes.len() as i64,
                ..ArticleRow::default()
            }],
            quotes: quotes
                .iter()
                .map(|(speaker, name)| QuoteRow {
                    article_id: aid.clone(),
                    kind: "direct".into(),
                    speaker: speaker.map(str::to_string),
                    speaker_name: name.map(str::to_string),
                    speaker_label: name.map(|_| "PERSON".to_string()),
                    ..QuoteRow::default()
                })
                .collect(),
            entities: entities
                .iter()
                .map(|(name, n)| EntityRow {
                    article_id: aid.clone(),
                    name: name.to_string(),
                    label: "PERSON".into(),
                    mentions: *n,
                    ..EntityRow::default()
                })
                .collect(),
            ..Rows::default()
        }
    }

    #[test]
    fn counts_speakers_by_quotes_and_articles() {
        let mut stats = Stats::new();
        stats.add(&article(
            "a",
            &[(Some("he"), Some("Ann Lee")), (Some("Lee"), Some("Ann Lee")), (None, None)],
            &[("Ann Lee", 3)],
        ));
        stats.add(&article(
            "b",
            &[(Some("Ann Lee"), Some("Ann Lee")), (Some("Bo Chan"), Some("Bo Chan")), (Some("she"), None)],
            &[("Ann Lee", 1), ("Bo Chan", 5)],
        ));
        stats.add(&article("c", &[], &[]));
        stats.add(&Rows::from_error(&crate::ErrorRecord::new(None, crate::ErrorKind::Binary, "binary")));
        let r = stats.report(10);
        assert_eq!((r.articles, r.errors, r.quotes, r.articles_with_quotes), (3, 1, 6, 2));
        assert_eq!((r.quotes_resolved, r.quotes_unresolved, r.quotes_without_speaker), (4, 1, 1));
        assert_eq!(
            r.top_speakers[0],
            SpeakerLine { speaker: "Ann Lee".into(), label: Some("PERSON".into()), quotes: 3, articles: 2 }
        );
        assert_eq!((r.top_speakers[1].speaker.as_str(), r.top_speakers[1].quotes), ("Bo Chan", 1));
        assert_eq!((r.top_entities[0].name.as_str(), r.top_entities[0].mentions), ("Bo Chan", 5));
        assert_eq!((r.top_entities[1].mentions, r.top_entities[1].articles), (4, 2));
        assert_eq!((r.quotes_per_article.median, r.quotes_per_article.max), (3, 3));
        assert_eq!(r.quote_kinds["direct"], 6);
        let text = r.to_string();
        assert!(text.contains("Ann Lee"), "{text}");
        assert!(text.contains("speakers: 4 quotes by a named speaker, 1 by an unnamed one"), "{text}");
        assert!(text.contains("1 with no speaker in the text"), "{text}");
    }

    #[test]
    fn merging_equals_adding() {
        let a = article("a", &[(Some("x"), Some("X"))], &[("X", 2)]);
        let b = article("b", &[(Some("x"), Some("X")), (None, None)], &[("X", 1)]);
        let mut one = Stats::new();
        one.add(&a);
        one.add(&b);
        let mut left = Stats::new();
        left.add(&a);
        let mut right = Stats::new();
        right.add(&b);
        left.merge(right);
        assert_eq!(left.report(5), one.report(5));
    }
}
