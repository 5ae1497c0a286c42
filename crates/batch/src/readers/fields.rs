//! The configurable fields of a JSON record: which key holds the text (or an HTML page), the
//! id, the date, the page's URL.

use std::fmt;

use byline_core::{parse_date, Date};
use serde::de::{DeserializeSeed, IgnoredAny, MapAccess, Visitor};
use serde_json::Value;

use crate::record::{ErrorKind, ErrorRecord, HtmlPage, Record};

/// Names of the fields (JSON keys or CSV columns) that hold an article's text or HTML page, id,
/// date and URL.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fields {
    /// The article text. Default: `text`.
    pub text: String,
    /// The article as an HTML page; a record that has it is read from it (even when it has a
    /// text too). Default: `html`.
    pub html: String,
    /// The record id (a string or a number). Default: `id`.
    pub id: String,
    /// The publication date, `YYYY-MM-DD` or an ISO date-time. Default: `published`.
    pub published: String,
    /// The URL of an HTML page (its `source.url`). Default: `url`.
    pub url: String,
}

impl Default for Fields {
    fn default() -> Fields {
        Fields {
            text: "text".into(),
            html: "html".into(),
            id: "id".into(),
            published: "published".into(),
            url: "url".into(),
        }
    }
}

/// Reads a publication date: `YYYY-MM-DD`, or an ISO date-time (`2023-02-25T10:00:00Z`) whose
/// date part is used. Blank is no date.
///
/// ```
/// use byline_batch::readers::parse_published;
/// assert_eq!(parse_published("2023-02-25T10:00:00Z").unwrap().unwrap().to_string(), "2023-02-25");
/// assert_eq!(parse_published(" ").unwrap(), None);
/// assert!(parse_published("25/02/2023").is_err());
/// ```
pub fn parse_published(s: &str) -> Result<Option<Date>, byline_core::Error> {
    let t = s.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let date = match t.as_bytes().get(10) {
        Some(b'T' | b't' | b' ') => &t[..10],
        _ => t,
    };
    parse_date(date).map(Some).map_err(|_| byline_core::Error::InvalidDate(t.to_string()))
}

/// Reads one JSON object into a record. The error keeps the id when it could be read.
pub(crate) fn from_json(bytes: &[u8], fields: &Fields, lossy: bool) -> Result<Record, ErrorRecord> {
    let (json, bad_utf8) = match std::str::from_utf8(bytes) {
        Ok(s) => (std::borrow::Cow::Borrowed(s), None),
        // Read it anyway, to find the id for the error record (or to go on, when lossy).
        Err(e) => (String::from_utf8_lossy(bytes), Some(e.valid_up_to())),
    };
    let mut de = serde_json::Deserializer::from_str(&json);
    let picked = Picker(fields)
        .deserialize(&mut de)
        .and_then(|p| de.end().map(|()| p))
        .map_err(|e| ErrorRecord::new(None, ErrorKind::Format, format!("invalid JSON: {e}")))?;
    let id = match picked.id {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => Some(s),
        Some(other) => Some(other.to_string()),
    };
    let fail = |kind, msg: String| ErrorRecord::new(id.clone(), kind, msg);
    if let (Some(valid_up_to), false) = (bad_utf8, lossy) {
        return Err(ErrorRecord::from_core(id.clone(), &byline_core::Error::InvalidUtf8 { valid_up_to }));
    }
    let string = |value: Option<Value>, name: &str| match value {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(Value::Null) => Err(fail(ErrorKind::Format, format!("field {name:?} is null"))),
        Some(_) => Err(fail(ErrorKind::Format, format!("field {name:?} is not a string"))),
    };
    let html = match picked.html {
        Some(Value::Null) => None, // `"html": null` beside a text: read the text
        html => string(html, &fields.html)?,
    };
    let (bytes, html) = match html {
        Some(page) => {
            let url = match picked.url {
                None | Some(Value::Null) => None,
                url => string(url, &fields.url)?,
            };
            (page.into_bytes(), Some(HtmlPage { url, ..HtmlPage::default() }))
        }
        None => match string(picked.text, &fields.text)? {
            Some(text) => (text.into_bytes(), None),
            None => {
                let msg = missing(&[&fields.text, &fields.html], "field", "the record", &key_names(&json));
                return Err(fail(ErrorKind::MissingText, msg));
            }
        },
    };
    let published = match picked.published {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => parse_published(&s).map_err(|e| fail(ErrorKind::Format, e.to_string()))?,
        Some(_) => return Err(fail(ErrorKind::Format, format!("field {:?} is not a string", fields.published))),
    };
    Ok(Record { id, bytes, published, lossy: bad_utf8.is_some(), html })
}

/// Most field names listed in a "no field" message.
const NAMES_LISTED: usize = 12;

/// "no field \"text\" or \"html\" (the record has \"body\", \"id\")": what is missing (any
/// of `wanted`), and what there is instead (the first few names, in the input's order), so the
/// right name can be chosen.
pub(crate) fn missing(wanted: &[&str], what: &str, holder: &str, names: &[String]) -> String {
    let name = wanted.iter().map(|n| format!("{n:?}")).collect::<Vec<_>>().join(" or ");
    if names.is_empty() {
        return format!("no {what} {name} ({holder} has none)");
    }
    let mut listed: Vec<String> = names.iter().take(NAMES_LISTED).map(|n| format!("{n:?}")).collect();
    if names.len() > NAMES_LISTED {
        listed.push(format!("and {} more", names.len() - NAMES_LISTED));
    }
    format!("no {what} {name} ({holder} has {})", listed.join(", "))
}

/// The keys of a JSON object, in order (read again only when a record fails).
fn key_names(json: &str) -> Vec<String> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<String>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a JSON object")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Vec<String>, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<String>()? {
                map.next_value::<IgnoredAny>()?;
                keys.push(key);
            }
            Ok(keys)
        }
    }
    let mut de = serde_json::Deserializer::from_str(json);
    serde::Deserializer::deserialize_map(&mut de, Keys).unwrap_or_default()
}

/// The fields of interest; everything else is skipped without being built.
#[derive(Default)]
struct Picked {
    text: Option<Value>,
    html: Option<Value>,
    id: Option<Value>,
    published: Option<Value>,
    url: Option<Value>,
}

struct Picker<'a>(&'a Fields);

impl<'de> DeserializeSeed<'de> for Picker<'_> {
    type Value = Picked;

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Picked, D::Error> {
        d.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for Picker<'_> {
    type Value = Picked;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Picked, A::Error> {
        let mut picked = Picked::default();
        let f = self.0;
        while let Some(key) = map.next_key::<String>()? {
            // One key can serve two roles (`--id-field url`): each gets the value.
            let slots = [
                (key == f.text, &mut picked.text),
                (key == f.html, &mut picked.html),
                (key == f.id, &mut picked.id),
                (key == f.published, &mut picked.published),
                (key == f.url, &mut picked.url),
            ];
            let mut wanted = slots.into_iter().filter(|(hit, _)| *hit).map(|(_, slot)| slot).peekable();
            if wanted.peek().is_none() {
                map.next_value::<IgnoredAny>()?;
                continue;
            }
            let value = map.next_value::<Value>()?;
            for slot in wanted {
                *slot = Some(value.clone());
            }
        }
        Ok(picked)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &[u8]) -> Result<Record, ErrorRecord> {
        from_json(json, &Fields::default(), false)
    }

    #[test]
    fn picks_the_configured_fields() {
        let r = read(br#"{"id": 7, "topics": [1, {"x": 2}], "text": "Hi", "published": "2023-02-25"}"#).unwrap();
        assert_eq!((r.id.as_deref(), r.bytes.as_slice()), (Some("7"), &b"Hi"[..]));
        assert_eq!(r.published.unwrap().to_string(), "2023-02-25");
        let fields = Fields { text: "body".into(), id: "url".into(), published: "date".into(), ..Fields::default() };
        let r = from_json(br#"{"url": "u", "body": "B", "date": null}"#, &fields, false).unwrap();
        assert_eq!((r.id.as_deref(), r.bytes.as_slice(), r.published), (Some("u"), &b"B"[..], None));
    }

    #[test]
    fn failures_keep_the_id() {
        let e = read(br#"{"id": "a", "text": 3}"#).unwrap_err();
        assert_eq!((e.id.as_deref(), e.kind), (Some("a"), ErrorKind::Format));
        let e = read(br#"{"id": "a", "body": "B", "url": "u"}"#).unwrap_err();
        assert_eq!(
            (e.kind, e.error.as_str()),
            (ErrorKind::MissingText, r#"no field "text" or "html" (the record has "id", "body", "url")"#)
        );
        assert_eq!(read(b"{}").unwrap_err().error, r#"no field "text" or "html" (the record has none)"#);
        let many: Vec<String> = (0..15).map(|i| format!("\"k{i}\": {i}")).collect();
        let e = read(format!("{{{}}}", many.join(", ")).as_bytes()).unwrap_err();
        assert!(e.error.ends_with(r#""k10", "k11", and 3 more)"#), "{}", e.error);
        assert_eq!(read(br#"{"text": null}"#).unwrap_err().kind, ErrorKind::Format);
        let e = read(br#"{"id": "a", "text": "x", "published": "yesterday"}"#).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Format);
        let e = read(b"{\"id\": \"b\", \"text\": \"caf\xe9\"}").unwrap_err();
        assert_eq!((e.id.as_deref(), e.kind), (Some("b"), ErrorKind::InvalidUtf8));
        assert_eq!(read(b"[1, 2]").unwrap_err().kind, ErrorKind::Format);
        assert_eq!(read(b"{\"text\": \"a\"} trailing").unwrap_err().kind, ErrorKind::Format);
    }

    #[test]
    fn a_record_with_html_is_a_page() {
        let r =
            read(br#"{"id": "p", "html": "<p>Hi</p>", "url": "https://example.org/a", "text": "ignored"}"#).unwrap();
        assert_eq!(
            (r.bytes.as_slice(), r.html.unwrap().url.as_deref()),
            (&b"<p>Hi</p>"[..], Some("https://example.org/a"))
        );
        let r = read(br#"{"html": null, "text": "T", "url": "u"}"#).unwrap();
        assert_eq!((r.bytes.as_slice(), r.html), (&b"T"[..], None));
        assert_eq!(read(br#"{"html": 1}"#).unwrap_err().error, r#"field "html" is not a string"#);
        assert_eq!(read(br#"{"html": "<p>x</p>", "url": 2}"#).unwrap_err().error, r#"field "url" is not a string"#);
        // One key in two roles.
        let fields = Fields { id: "url".into(), html: "page".into(), ..Fields::default() };
        let r = from_json(br#"{"url": "https://example.org/b", "page": "<p>x</p>"}"#, &fields, false).unwrap();
        assert_eq!(
            (r.id.as_deref(), r.html.unwrap().url.as_deref()),
            (Some("https://example.org/b"), Some("https://example.org/b"))
        );
    }

    #[test]
    fn lossy_decoding_goes_on() {
        let r = from_json(b"{\"text\": \"caf\xe9\"}", &Fields::default(), true).unwrap();
        assert_eq!((String::from_utf8(r.bytes).unwrap(), r.lossy), ("caf\u{FFFD}".to_string(), true));
    }
}
