//! The row structs of the five tables. Their fields are the columns, in order; the field docs
//! are the column docs (the README's table reference is checked against them).

use super::table;

table! {
    /// One row per input record, parsed or failed.
    "articles" => struct ArticleRow {
        /// The record id: the file path, the JSONL/CSV id, or `<source>:<line>`.
        article_id: Option<String>,
        /// Why the record failed; empty when it was parsed.
        error: Option<String>,
        /// The headline.
        title: Option<String>,
        /// The standfirst or deck.
        subtitle: Option<String>,
        /// Byline names, joined with `; `.
        authors: String,
        /// Names from credit lines, joined with `; `.
        contributors: String,
        /// The publication date, `YYYY-MM-DD`.
        published: Option<String>,
        /// The dateline's place ("KYIV, Ukraine").
        dateline: Option<String>,
        /// An HTML page's URL (`source.url`); empty for plain text.
        url: Option<String>,
        /// The publication's name, as an HTML page gives it (`source.site_name`).
        site_name: Option<String>,
        /// An HTML page's language as given ("en", "en-GB"; `source.language`).
        language: Option<String>,
        /// The publication time as an HTML page gives it, ISO 8601 (`source.published_at`).
        published_at: Option<String>,
        /// Number of paragraphs, boilerplate included.
        paragraphs: i64,
        /// Number of sentences.
        sentences: i64,
        /// Number of entities (referents).
        entities: i64,
        /// Number of quotes.
        quotes: i64,
        /// Number of time expressions.
        timexes: i64,
        /// Number of parser warnings.
        warnings: i64,
    }
}

table! {
    /// One row per quote: who said what, with which cue.
    "quotes" => struct QuoteRow {
        /// The article's id.
        article_id: Option<String>,
        /// The quote's id within the article (`q1`, `q2`, ...).
        quote_id: String,
        /// `direct`, `mixed` or `indirect`.
        kind: String,
        /// The quoted or reported content.
        text: String,
        /// Start of the content (code points).
        start: i64,
        /// End of the content (code points, exclusive).
        end: i64,
        /// The speaker mention as written ("he", "Mr. Wen", "the ministry").
        speaker: Option<String>,
        /// Start of the speaker mention.
        speaker_start: Option<i64>,
        /// End of the speaker mention.
        speaker_end: Option<i64>,
        /// Who the speaker resolves to ("Wen Bo").
        speaker_name: Option<String>,
        /// The speaker's entity id within the article (`e7`), joins `entities.entity_id`.
        speaker_entity: Option<String>,
        /// The label of the speaker's entity (`PERSON`, `ORG`, ...).
        speaker_label: Option<String>,
        /// The reporting expression ("said", "according to").
        cue: Option<String>,
        /// Start of the cue.
        cue_start: Option<i64>,
        /// End of the cue.
        cue_end: Option<i64>,
    }
}

table! {
    /// One row per entity: one real-world referent of an article.
    "entities" => struct EntityRow {
        /// The article's id.
        article_id: Option<String>,
        /// The entity's id within the article (`e1`, `e2`, ...).
        entity_id: String,
        /// `PERSON`, `ORG`, `GPE`, `LOC`, `NORP`, ...
        label: String,
        /// The fullest form of the name.
        name: String,
        /// Number of mentions in the article.
        mentions: i64,
        /// Titles and honorifics, joined with `; `.
        titles: String,
        /// Roles from appositives, joined with `; `.
        roles: String,
        /// `male`, `female` or empty.
        gender: Option<String>,
    }
}

table! {
    /// One row per mention of an entity.
    "mentions" => struct MentionRow {
        /// The article's id.
        article_id: Option<String>,
        /// The entity mentioned, joins `entities.entity_id`.
        entity_id: String,
        /// The entity's label.
        label: String,
        /// The entity's name.
        name: String,
        /// The mention as written.
        text: String,
        /// `name` (the name or part of it) or `nominal` (a description such as "the ministry").
        kind: String,
        /// Start of the mention (code points).
        start: i64,
        /// End of the mention (code points, exclusive).
        end: i64,
    }
}

table! {
    /// One row per time expression, normalised against the publication date.
    "timexes" => struct TimexRow {
        /// The article's id.
        article_id: Option<String>,
        /// The expression as written.
        text: String,
        /// `DATE`, `TIME`, `DURATION` or `SET`.
        kind as "type": String,
        /// The TIMEX3 value (`2023-02-28`, `P3D`, `PAST_REF`); empty when unresolved.
        value: Option<String>,
        /// The TIMEX3 modifier (`APPROX`, `START`, ...).
        modifier as "mod": Option<String>,
        /// Start of the expression (code points).
        start: i64,
        /// End of the expression (code points, exclusive).
        end: i64,
    }
}
