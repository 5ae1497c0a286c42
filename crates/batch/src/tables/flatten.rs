//! An article's contract view ([`WireArticle`]) becomes rows of the five tables.

use byline_core::json::WireArticle;
use byline_core::Article;
use serde::Deserialize;

use super::rows::{ArticleRow, EntityRow, MentionRow, QuoteRow, TimexRow};
use crate::record::ErrorRecord;

/// The rows of one or more articles, one `Vec` per table.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Rows {
    /// The `articles` table: one row per record.
    pub articles: Vec<ArticleRow>,
    /// The `quotes` table.
    pub quotes: Vec<QuoteRow>,
    /// The `entities` table.
    pub entities: Vec<EntityRow>,
    /// The `mentions` table.
    pub mentions: Vec<MentionRow>,
    /// The `timexes` table.
    pub timexes: Vec<TimexRow>,
}

const LIST_SEPARATOR: &str = "; ";

/// A failed record's output line, `{"id", "error"}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ErrorLine {
    id: Option<String>,
    error: String,
}

impl Rows {
    /// The rows of one article.
    pub fn from_article(article: &Article) -> Rows {
        Rows::from_wire(article.to_wire(false))
    }

    /// The rows of one `byline batch` output line: an article, or an `{"id", "error"}` record.
    pub fn from_json(line: &[u8]) -> serde_json::Result<Rows> {
        match serde_json::from_slice::<WireArticle>(line) {
            Ok(article) => Ok(Rows::from_wire(article)),
            Err(e) => match serde_json::from_slice::<ErrorLine>(line) {
                Ok(failed) => {
                    let row = ArticleRow { article_id: failed.id, error: Some(failed.error), ..ArticleRow::default() };
                    Ok(Rows { articles: vec![row], ..Rows::default() })
                }
                Err(_) => Err(e),
            },
        }
    }

    /// The one row of a failed record.
    pub fn from_error(error: &ErrorRecord) -> Rows {
        let row =
            ArticleRow { article_id: error.id.clone(), error: Some(error.error.clone()), ..ArticleRow::default() };
        Rows { articles: vec![row], ..Rows::default() }
    }

    /// Moves the rows of `other` to the end of these.
    pub fn append(&mut self, other: &mut Rows) {
        self.articles.append(&mut other.articles);
        self.quotes.append(&mut other.quotes);
        self.entities.append(&mut other.entities);
        self.mentions.append(&mut other.mentions);
        self.timexes.append(&mut other.timexes);
    }

    /// Total rows over all tables.
    pub fn len(&self) -> usize {
        self.articles.len() + self.quotes.len() + self.entities.len() + self.mentions.len() + self.timexes.len()
    }

    /// True when there are no rows at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows of one article's contract view (`Article::to_wire`, or a line of output read back).
    pub fn from_wire(a: WireArticle) -> Rows {
        let id = a.id;
        let label_of = |entity: &str| a.entities.iter().find(|e| e.id == entity).map(|e| e.label.as_str().to_string());
        let quotes = a
            .quotes
            .iter()
            .map(|q| {
                let speaker = q.speaker.as_ref();
                QuoteRow {
                    article_id: id.clone(),
                    quote_id: q.id.clone(),
                    kind: q.kind.as_str().to_string(),
                    text: q.text.clone(),
                    start: int(q.start),
                    end: int(q.end),
                    speaker: speaker.map(|s| s.text.clone()),
                    speaker_start: speaker.map(|s| int(s.start)),
                    speaker_end: speaker.map(|s| int(s.end)),
                    speaker_name: speaker.and_then(|s| s.name.clone()),
                    speaker_entity: speaker.and_then(|s| s.entity.clone()),
                    speaker_label: speaker.and_then(|s| s.entity.as_deref()).and_then(label_of),
                    cue: q.cue.as_ref().map(|c| c.text.clone()),
                    cue_start: q.cue.as_ref().map(|c| int(c.start)),
                    cue_end: q.cue.as_ref().map(|c| int(c.end)),
                }
            })
            .collect();
        let mentions = a
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions.iter().map(|m| MentionRow {
                    article_id: id.clone(),
                    entity_id: e.id.clone(),
                    label: e.label.as_str().to_string(),
                    name: e.name.clone(),
                    text: m.text.clone(),
                    kind: m.kind.as_str().to_string(),
                    start: int(m.start),
                    end: int(m.end),
                })
            })
            .collect();
        let timexes = a
            .timexes
            .into_iter()
            .map(|t| TimexRow {
                article_id: id.clone(),
                text: t.text,
                kind: t.kind.as_str().to_string(),
                value: t.value,
                modifier: t.modifier.map(|m| m.as_str().to_string()),
                start: int(t.start),
                end: int(t.end),
            })
            .collect::<Vec<_>>();
        let article = ArticleRow {
            article_id: id.clone(),
            error: None,
            title: a.title,
            subtitle: a.subtitle,
            authors: a.authors.join(LIST_SEPARATOR),
            contributors: a.contributors.join(LIST_SEPARATOR),
            published: a.published,
            dateline: a.dateline.map(|d| d.place),
            url: a.source.as_ref().and_then(|s| s.url.clone()),
            site_name: a.source.as_ref().and_then(|s| s.site_name.clone()),
            language: a.source.as_ref().and_then(|s| s.language.clone()),
            published_at: a.source.and_then(|s| s.published_at),
            paragraphs: int(a.paragraphs.len()),
            sentences: int(a.sentences.len()),
            entities: int(a.entities.len()),
            quotes: int(a.quotes.len()),
            timexes: int(timexes.len()),
            warnings: int(a.warnings.len()),
        };
        let entities = a
            .entities
            .into_iter()
            .map(|e| EntityRow {
                article_id: id.clone(),
                entity_id: e.id,
                label: e.label.as_str().to_string(),
                name: e.name,
                mentions: int(e.mentions.len()),
                titles: e.titles.join(LIST_SEPARATOR),
                roles: e.roles.join(LIST_SEPARATOR),
                gender: e.gender.map(|g| g.as_str().to_string()),
            })
            .collect();
        Rows { articles: vec![article], quotes, entities, mentions, timexes }
    }
}

/// An offset or a count as a table's integer.
fn int(n: usize) -> i64 {
    i64::try_from(n).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::ErrorKind;

    /// A hand-written output line with every table filled (the stages are built separately).
    const LINE: &str = r#"{"schema":"byline/1","id":"a1","title":"T","subtitle":null,"authors":["Jane Doe","John Roe"],
        "contributors":[],"published":"2023-02-25","dateline":{"place":"KYIV, Ukraine","start":3,"end":19},
        "paragraphs":[{"start":0,"end":1,"role":"title"},{"start":3,"end":40,"role":"body"}],
        "sentences":[{"start":3,"end":40,"paragraph":1}],
        "entities":[{"id":"e1","label":"PERSON","name":"Wen Bo","mentions":[{"start":5,"end":13,"text":"Wen Bo"},
            {"start":30,"end":33,"text":"Wen","kind":"name"}],"titles":["Mr.","Foreign Minister"],"roles":[],"gender":"male"}],
        "quotes":[{"id":"q1","kind":"direct","start":20,"end":28,"text":"We care","speaker":{"start":30,"end":33,
            "text":"Wen","name":"Wen Bo","entity":"e1"},"cue":{"start":34,"end":38,"text":"said"}},
            {"id":"q2","kind":"indirect","start":1,"end":2,"text":"x","speaker":null,"cue":null}],
        "timexes":[{"start":41,"end":48,"text":"Tuesday","type":"DATE","value":"2023-02-28","mod":null}],
        "warnings":[]}"#;

    #[test]
    fn every_table_from_one_line() {
        let rows = Rows::from_json(LINE.as_bytes()).unwrap();
        let a = &rows.articles[0];
        assert_eq!((a.article_id.as_deref(), a.authors.as_str()), (Some("a1"), "Jane Doe; John Roe"));
        assert_eq!((a.paragraphs, a.sentences, a.entities, a.quotes, a.timexes), (2, 1, 1, 2, 1));
        assert_eq!(a.dateline.as_deref(), Some("KYIV, Ukraine"));
        let q = &rows.quotes[0];
        assert_eq!((q.speaker_name.as_deref(), q.speaker_label.as_deref()), (Some("Wen Bo"), Some("PERSON")));
        assert_eq!((q.cue.as_deref(), q.cue_start, q.start, q.end), (Some("said"), Some(34), 20, 28));
        assert_eq!((rows.quotes[1].speaker.as_deref(), rows.quotes[1].cue_end), (None, None));
        assert_eq!(rows.entities[0].titles, "Mr.; Foreign Minister");
        assert_eq!(rows.entities[0].mentions, 2);
        assert_eq!(rows.mentions.len(), 2);
        assert_eq!((rows.mentions[1].text.as_str(), rows.mentions[1].name.as_str()), ("Wen", "Wen Bo"));
        assert_eq!((rows.mentions[0].kind.as_str(), rows.mentions[1].kind.as_str()), ("name", "name"));
        assert_eq!((rows.timexes[0].kind.as_str(), rows.timexes[0].value.as_deref()), ("DATE", Some("2023-02-28")));
        assert_eq!(rows.len(), 7);
    }

    #[test]
    fn mentions_keep_their_kind() {
        let mut line: serde_json::Value = serde_json::from_str(LINE).unwrap();
        line["entities"] = serde_json::json!([{"id": "e1", "label": "ORG", "name": "Foreign Ministry", "mentions": [
            {"start": 0, "end": 16, "text": "Foreign Ministry", "kind": "name"},
            {"start": 30, "end": 42, "text": "the ministry", "kind": "nominal"}], "titles": [], "roles": [], "gender": null}]);
        let rows = Rows::from_json(line.to_string().as_bytes()).unwrap();
        let kinds: Vec<_> = rows.mentions.iter().map(|m| (m.text.as_str(), m.kind.as_str())).collect();
        assert_eq!(kinds, [("Foreign Ministry", "name"), ("the ministry", "nominal")]);
    }

    #[test]
    fn a_line_that_is_neither_an_article_nor_an_error_is_an_error() {
        assert!(Rows::from_json(br#"{"id": "a2", "entities": []}"#).is_err());
        assert!(Rows::from_json(b"not json").is_err());
    }

    #[test]
    fn errors_are_article_rows() {
        let rows = Rows::from_json(br#"{"id":"x","error":"input looks like binary data, not text"}"#).unwrap();
        assert_eq!(rows.articles[0].error.as_deref(), Some("input looks like binary data, not text"));
        let e = ErrorRecord::new(Some("x".into()), ErrorKind::Binary, "input looks like binary data, not text");
        assert_eq!(Rows::from_error(&e), rows);
    }

    #[test]
    fn a_live_article_flattens_as_its_json_reads_back() {
        let parser = byline_core::Parser::new();
        let text = "Storm Hits Coast\n\nThe storm arrived on Monday. “It was bad,” said Mayor Ana Ruiz of Port Vell.";
        let mut article = parser.parse(text, byline_core::parse_date("2024-03-06").ok()).unwrap();
        article.id = Some("a1".into());
        let rows = Rows::from_article(&article);
        assert_eq!(rows.articles[0].sentences, article.sentences.len() as i64);
        assert_eq!(rows.articles[0].error, None);
        assert!(!rows.quotes.is_empty() && !rows.entities.is_empty() && !rows.timexes.is_empty());
        let mut json = Vec::new();
        article.write_json(&mut json, false).unwrap();
        assert_eq!(Rows::from_json(&json).unwrap(), rows);
    }

    #[test]
    fn a_page_fills_the_source_columns() {
        let page = "<html lang=en-GB><head><meta property='og:site_name' content='Coast Daily'>\
            <meta property='article:published_time' content='2024-03-05T08:00:00Z'></head><body><article>\
            <h1>Harbor Reopens</h1><p>The harbor reopened after a month of repairs, officials said.</p></article></body></html>";
        let url = "https://news.example/harbor";
        let article = byline_core::Parser::new().parse_html(page.as_bytes(), Some(url), None).unwrap();
        let row = &Rows::from_article(&article).articles[0];
        assert_eq!(
            (row.url.as_deref(), row.site_name.as_deref(), row.language.as_deref(), row.published_at.as_deref()),
            (Some(url), Some("Coast Daily"), Some("en-GB"), Some("2024-03-05T08:00:00Z"))
        );
        let text = Rows::from_json(LINE.as_bytes()).unwrap();
        assert_eq!((text.articles[0].url.as_ref(), text.articles[0].published_at.as_ref()), (None, None));
    }

    #[test]
    #[cfg(feature = "parquet")]
    fn arrow_batches_have_the_schema() {
        let rows = Rows::from_json(LINE.as_bytes()).unwrap();
        let batch = Rows::record_batch(&rows.quotes);
        assert_eq!((batch.num_rows(), batch.num_columns()), (2, 15));
        assert_eq!(batch.schema().field(0).name(), "article_id");
    }
}
