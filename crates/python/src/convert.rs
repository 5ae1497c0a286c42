//! Conversions at the Python boundary: the article's contract view to Python objects, JSON
//! values to Python objects, and dates both ways. Offsets, ids and names come from core's
//! [`WireArticle`] (`Article::to_wire`), the one place they are computed; the objects wrap its
//! structs.

use byline_core::json::WireArticle;
use byline_core::{parse_date, Article, Date};
use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors;
use crate::objects::{Dateline, Entity, Mention, Paragraph, ParseWarning, Quote, Sentence, Timex};

/// The Python value objects of one article, from its contract view. Paragraph, sentence and
/// dateline texts, which the contract leaves out, are cut from the article's byte spans.
pub struct Objects<'a> {
    article: &'a Article,
    wire: &'a WireArticle,
}

impl<'a> Objects<'a> {
    /// `wire` must be `article.to_wire(..)`.
    pub fn new(article: &'a Article, wire: &'a WireArticle) -> Objects<'a> {
        Objects { article, wire }
    }

    fn text(&self, span: byline_core::Span) -> String {
        span.get(&self.article.text).unwrap_or_default().to_string()
    }

    pub fn paragraphs(&self) -> Vec<Paragraph> {
        (self.article.paragraphs.iter().zip(&self.wire.paragraphs))
            .map(|(p, w)| Paragraph { wire: w.clone(), text: self.text(p.span) })
            .collect()
    }

    pub fn sentences(&self) -> Vec<Sentence> {
        (self.article.sentences.iter().zip(&self.wire.sentences))
            .map(|(s, w)| Sentence { wire: w.clone(), text: self.text(s.span) })
            .collect()
    }

    pub fn dateline(&self) -> Option<Dateline> {
        let (d, w) = self.article.dateline.as_ref().zip(self.wire.dateline.as_ref())?;
        Some(Dateline { wire: w.clone(), text: self.text(d.span) })
    }

    pub fn entities(&self) -> Vec<Entity> {
        self.wire.entities.iter().cloned().map(Entity).collect()
    }

    /// Every entity mention, in text order.
    pub fn mentions(&self) -> Vec<Mention> {
        let entities = self.entities();
        let mut all: Vec<Mention> = entities.iter().flat_map(Entity::mention_objects).collect();
        all.sort_by_key(|m| (m.wire.start, m.wire.end));
        all
    }

    pub fn quotes(&self) -> Vec<Quote> {
        self.wire.quotes.iter().cloned().map(Quote).collect()
    }

    pub fn timexes(&self) -> Vec<Timex> {
        self.wire.timexes.iter().cloned().map(Timex).collect()
    }

    pub fn warnings(&self) -> Vec<ParseWarning> {
        self.wire.warnings.iter().cloned().map(ParseWarning).collect()
    }
}

/// A JSON value as the Python object `json.loads` would give.
pub fn json_to_py<'py>(py: Python<'py>, value: &serde_json::Value) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_pyobject(py)?.to_owned().into_any(),
        Value::Number(n) => match (n.as_u64(), n.as_i64()) {
            (Some(u), _) => u.into_pyobject(py)?.into_any(),
            (None, Some(i)) => i.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => s.into_pyobject(py)?.into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

/// A publication date from Python: None, a ``YYYY-MM-DD`` string, or a ``datetime.date``
/// (a ``datetime.datetime`` gives its date).
pub fn date_from_py(value: Option<&Bound<'_, PyAny>>) -> PyResult<Option<Date>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = value.extract::<String>() {
        return parse_date(&s).map(Some).map_err(|e| errors::to_py(e, None));
    }
    let ymd = (|| -> PyResult<(i32, u32, u32)> {
        Ok((value.getattr("year")?.extract()?, value.getattr("month")?.extract()?, value.getattr("day")?.extract()?))
    })();
    match ymd {
        Ok((y, m, d)) => Date::from_ymd_opt(y, m, d)
            .map(Some)
            .ok_or_else(|| errors::InvalidDateError::new_err(format!("invalid date {y:04}-{m:02}-{d:02}"))),
        Err(_) => Err(PyTypeError::new_err(format!(
            "published must be a 'YYYY-MM-DD' string, a datetime.date or None, not {}",
            value.get_type().name()?
        ))),
    }
}

/// A date as a ``datetime.date``.
pub fn date_to_py(py: Python<'_>, date: Date) -> PyResult<Bound<'_, PyAny>> {
    let iso = date.to_string();
    let fromisoformat = py.import("datetime")?.getattr("date")?.getattr("fromisoformat")?;
    fromisoformat.call1((iso,))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::golden;
    use byline_core::{
        Entity as CoreEntity, Label, Mention as CoreMention, MentionKind, Parser, QuoteKind, Span as ByteSpan,
        TimexType,
    };
    use serde::Deserialize;

    golden::case_file!(
        /// `tests/data/python_offsets.toml` (its header documents the fields), also read by
        /// `tests/python/helpers.py`.
        Cases = "tests/data/python_offsets.toml",
        Case,
        golden::Golden
    );

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        text: String,
        entities: Vec<EntityCase>,
        quotes: Vec<QuoteCase>,
        timexes: Vec<TimexCase>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct EntityCase {
        label: Label,
        name: String,
        mentions: Vec<String>,
        #[serde(default)]
        nominal: Vec<String>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct QuoteCase {
        kind: QuoteKind,
        text: String,
        speaker: String,
        cue: String,
        entity: usize,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct TimexCase {
        text: String,
        #[serde(rename = "type")]
        kind: TimexType,
        value: Option<String>,
    }

    /// The byte span of `needle` in `text`: the first occurrence at or after `from`.
    fn find_from(text: &str, needle: &str, from: usize) -> ByteSpan {
        let at = text[from..].find(needle).unwrap_or_else(|| panic!("{needle:?} not in text")) + from;
        ByteSpan::new(at, at + needle.len())
    }

    /// The occurrence of `needle` nearest to byte `pos`.
    fn find_near(text: &str, needle: &str, pos: usize) -> ByteSpan {
        text.match_indices(needle)
            .map(|(at, _)| ByteSpan::new(at, at + needle.len()))
            .min_by_key(|s| s.start().abs_diff(pos))
            .unwrap_or_else(|| panic!("{needle:?} not in text"))
    }

    /// Builds the article a case describes, in byte spans.
    fn build(case: &Case) -> byline_core::Article {
        let text = case.text.as_str();
        let mut a = Parser::new().parse(text, None).unwrap();
        for e in &case.entities {
            let mut from = 0;
            let mentions = e
                .mentions
                .iter()
                .map(|m| {
                    let span = find_from(text, m, from);
                    from = span.end();
                    let kind = if e.nominal.contains(m) { MentionKind::Nominal } else { MentionKind::Name };
                    CoreMention { span, kind }
                })
                .collect();
            a.entities.push(CoreEntity {
                label: e.label,
                name: e.name.clone(),
                mentions,
                titles: vec![],
                roles: vec![],
                gender: None,
                gender_by: None,
            });
        }
        let mut from = 0;
        for q in &case.quotes {
            let span = find_from(text, &q.text, from);
            from = span.end();
            a.quotes.push(byline_core::Quote {
                kind: q.kind,
                span,
                speaker: Some(byline_core::Speaker {
                    span: find_near(text, &q.speaker, span.start()),
                    name: Some(a.entities[q.entity].name.clone()),
                    entity: Some(q.entity),
                    kind: byline_core::SpeakerKind::Person,
                }),
                cue: Some(find_near(text, &q.cue, span.start())),
            });
        }
        let mut from = 0;
        for t in &case.timexes {
            let span = find_from(text, &t.text, from);
            from = span.end();
            a.timexes.push(byline_core::Timex { span, kind: t.kind, value: t.value.clone(), modifier: None });
        }
        a
    }

    /// `text[start:end]` in code points, as Python slices.
    fn slice(text: &str, start: usize, end: usize) -> String {
        text.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn offset_cases_are_read_strictly() {
        golden::assert_strict::<Cases>();
    }

    #[test]
    fn golden_offsets_are_code_points() {
        let cases: Cases = golden::load();
        for case in &cases.case {
            let article = build(case);
            let wire = article.to_wire(false);
            let cp = Objects::new(&article, &wire);
            let text = &article.text;
            let name = &case.name;
            let mut spans: Vec<(usize, usize, String)> = Vec::new();
            for m in cp.mentions() {
                spans.push((m.wire.start, m.wire.end, m.wire.text));
            }
            for q in cp.quotes() {
                let q = q.0;
                spans.push((q.start, q.end, q.text));
                let s = q.speaker.unwrap();
                spans.push((s.start, s.end, s.text));
                let c = q.cue.unwrap();
                spans.push((c.start, c.end, c.text));
            }
            spans.extend(cp.timexes().into_iter().map(|t| (t.0.start, t.0.end, t.0.text)));
            spans.extend(cp.paragraphs().into_iter().map(|p| (p.wire.start, p.wire.end, p.text)));
            spans.extend(cp.sentences().into_iter().map(|s| (s.wire.start, s.wire.end, s.text)));
            assert!(spans.len() > 5, "{name}: too few spans");
            for (start, end, span_text) in spans {
                assert_eq!(slice(text, start, end), span_text, "{name}: {start}..{end}");
            }
            // The same offsets as the JSON contract's.
            let json = article.to_json_value(false);
            let q0 = &json["quotes"][0];
            let py_q0 = &cp.quotes()[0].0;
            assert_eq!(
                (q0["start"].as_u64().unwrap() as usize, q0["end"].as_u64().unwrap() as usize),
                (py_q0.start, py_q0.end)
            );
        }
    }

    #[test]
    fn mentions_come_in_text_order_with_their_entity() {
        let cases: Cases = golden::load();
        let article = build(&cases.case[0]);
        let wire = article.to_wire(false);
        let mentions = Objects::new(&article, &wire).mentions();
        assert!(mentions.windows(2).all(|w| w[0].wire.start <= w[1].wire.start));
        assert_eq!(mentions.iter().filter(|m| m.entity == "e1").count(), 3);
        assert_eq!(mentions.iter().filter(|m| m.entity == "e2").count(), 1);
    }

    #[test]
    fn mentions_carry_their_kind() {
        let cases: Cases = golden::load();
        let case = cases.case.iter().find(|c| c.name == "nominal_mentions").unwrap();
        let article = build(case);
        let wire = article.to_wire(false);
        // The case's entity comes after those the parser found.
        let built = format!("e{}", article.entities.len());
        let mentions = Objects::new(&article, &wire).mentions();
        let kinds: Vec<_> =
            mentions.into_iter().filter(|m| m.entity == built).map(|m| (m.wire.text, m.wire.kind)).collect();
        assert_eq!(
            kinds,
            [("Ministry of Défense".into(), MentionKind::Name), ("The ministry".into(), MentionKind::Nominal)]
        );
    }
}
