//! Property tests: the same bytes give the same article through `Parser::parse_bytes`, the batch
//! pipeline, and a JSON Lines or CSV record read by the batch readers; and the readers turn any
//! bytes into records or error records, each with an id, without a panic.

use std::io::Cursor;
use std::sync::OnceLock;

use byline_batch::readers::{records, Format, ReadOptions};
use byline_batch::{Pipeline, Record};
use byline_core::{invariants, Parser};
use proptest::prelude::*;

fn parser() -> &'static Parser {
    static P: OnceLock<Parser> = OnceLock::new();
    P.get_or_init(Parser::new)
}

/// News-like text with the characters that need escaping in JSON and CSV.
fn text() -> impl Strategy<Value = String> {
    const PIECES: &[&str] = &[
        "Council",
        "Approves",
        "Budget",
        "the",
        "mayor",
        "Ana Ruiz",
        "said",
        "on Tuesday",
        ",",
        ".",
        "\"",
        "\u{201c}",
        "\u{201d}",
        "\n",
        "\n\n",
        "\r\n",
        "\t",
        "\\",
        "é",
        "日本",
        "🙂",
        "\u{2028}",
        "Mr.",
        "$4",
    ];
    prop::collection::vec(prop_oneof![6 => prop::sample::select(PIECES).prop_map(str::to_string), 1 => any::<char>().prop_map(String::from)], 0..60)
        .prop_map(|p| p.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn parse_batch_and_readers_agree(texts in prop::collection::vec(text(), 1..6)) {
        let pipeline = Pipeline::builder().threads(2).build().unwrap();
        let inputs = texts.iter().enumerate().map(|(i, t)| Ok(Record::new(format!("r{i}"), t.clone())));
        let batch: Vec<_> = pipeline.parse(parser(), inputs).collect();

        let mut jsonl = String::new();
        let mut csv = csv::Writer::from_writer(Vec::new());
        csv.write_record(["id", "text"]).unwrap();
        for (i, t) in texts.iter().enumerate() {
            jsonl += &serde_json::json!({"id": format!("r{i}"), "text": t}).to_string();
            jsonl.push('\n');
            csv.write_record([format!("r{i}").as_str(), t.as_str()]).unwrap();
        }
        let read = |bytes: Vec<u8>, format| -> Vec<_> {
            let stream = records(Box::new(Cursor::new(bytes)), format, "p".into(), ReadOptions::default());
            pipeline.parse(parser(), stream).collect()
        };
        let from_jsonl = read(jsonl.into_bytes(), Format::Jsonl);
        let from_csv = read(csv.into_inner().unwrap(), Format::Csv);

        prop_assert_eq!(batch.len(), texts.len());
        for (i, t) in texts.iter().enumerate() {
            let single = parser().parse_bytes(t.as_bytes(), None);
            let mut single = single.map_err(|e| e.to_string());
            if let Ok(a) = single.as_mut() {
                invariants::assert_sound(a);
                a.id = Some(format!("r{i}"));
            }
            for (how, got) in [("batch", &batch[i]), ("jsonl", &from_jsonl[i]), ("csv", &from_csv[i])] {
                let got = got.as_ref().map_err(|e| e.error.clone());
                prop_assert_eq!(got, single.as_ref().map_err(Clone::clone), "{} disagrees on {:?}", how, t);
            }
        }
    }

    #[test]
    fn readers_give_every_item_an_id(bytes in prop::collection::vec(any::<u8>(), 0..600), csv in any::<bool>()) {
        let format = if csv { Format::Csv } else { Format::Jsonl };
        for item in records(Box::new(Cursor::new(bytes)), format, "p".into(), ReadOptions::default()) {
            match item {
                Ok(r) => prop_assert!(r.id.is_some()),
                Err(e) => prop_assert!(e.id.is_some(), "{:?}", e),
            }
        }
    }
}
