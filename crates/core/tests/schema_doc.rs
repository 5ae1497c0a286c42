//! `docs/schema.md` is the contract's code: its field reference lists every field of every
//! struct of `byline_core::json` (no more, no fewer) and every name of the enumerations those
//! fields take, and it keeps up with the shared contract (`../shared/SCHEMA.md`) when that is here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use byline_core::json::{
    field_names, WireArticle, WireDateline, WireEntity, WireMention, WireParagraph, WireQuote, WireSentence, WireSpan,
    WireSpeaker, WireTimex,
};
use byline_core::{
    Gender, GenderBy, Label, MentionKind, QuoteKind, Role, Source, SourceFormat, SpeakerKind, TimexMod, TimexType,
    Warning,
};
use byline_core::{WarningKind, SCHEMA_VERSION};

fn repo_file(path: &str) -> Option<String> {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").join(path)).ok()
}

/// Each object of the document's field reference, with its table rows by field name.
fn reference(doc: &str) -> BTreeMap<String, BTreeMap<String, String>> {
    let begin = doc.find("<!-- fields:begin").expect("docs/schema.md has the fields:begin marker");
    let end = doc.find("<!-- fields:end -->").expect("docs/schema.md has the fields:end marker");
    let mut out: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    let mut object = None;
    for line in doc[begin..end].lines() {
        if let Some(name) = line.strip_prefix("### `").and_then(|l| l.strip_suffix('`')) {
            object = Some(name.to_string());
            out.entry(name.to_string()).or_default();
        } else if let (Some(o), Some(row)) = (&object, line.strip_prefix("| `")) {
            let (field, _) = row.split_once('`').expect("a backquoted field name");
            let previous = out.get_mut(o).unwrap().insert(field.to_string(), line.to_string());
            assert!(previous.is_none(), "docs/schema.md lists {o}.{field} twice");
        }
    }
    out
}

/// The contract's objects: their names in the document and their fields in the code.
fn objects() -> BTreeMap<&'static str, &'static [&'static str]> {
    BTreeMap::from([
        ("article", field_names::<WireArticle>()),
        ("source", field_names::<Source>()),
        ("dateline", field_names::<WireDateline>()),
        ("paragraph", field_names::<WireParagraph>()),
        ("sentence", field_names::<WireSentence>()),
        ("entity", field_names::<WireEntity>()),
        ("mention", field_names::<WireMention>()),
        ("quote", field_names::<WireQuote>()),
        ("speaker", field_names::<WireSpeaker>()),
        ("span", field_names::<WireSpan>()),
        ("timex", field_names::<WireTimex>()),
        ("warning", field_names::<Warning>()),
    ])
}

/// The fields that take a fixed set of names, with the names.
fn enumerations() -> [(&'static str, &'static str, &'static [&'static str]); 11] {
    [
        ("source", "format", SourceFormat::NAMES),
        ("paragraph", "role", Role::NAMES),
        ("entity", "label", Label::NAMES),
        ("entity", "gender", Gender::NAMES),
        ("entity", "gender_by", GenderBy::NAMES),
        ("speaker", "kind", SpeakerKind::NAMES),
        ("mention", "kind", MentionKind::NAMES),
        ("quote", "kind", QuoteKind::NAMES),
        ("timex", "type", TimexType::NAMES),
        ("timex", "mod", TimexMod::NAMES),
        ("warning", "kind", WarningKind::NAMES),
    ]
}

/// What the document misses of the code, and lists that the code lacks.
fn mismatches(doc: &str) -> Vec<String> {
    let documented = reference(doc);
    let mut problems = Vec::new();
    for (object, fields) in objects() {
        let Some(rows) = documented.get(object) else {
            problems.push(format!("no `### \\`{object}\\`` table"));
            continue;
        };
        for field in fields {
            if !rows.contains_key(*field) {
                problems.push(format!("{object}.{field} is missing"));
            }
        }
        for field in rows.keys() {
            if !fields.contains(&field.as_str()) {
                problems.push(format!("{object}.{field} is documented but is no field of the code"));
            }
        }
    }
    for object in documented.keys() {
        if !objects().contains_key(object.as_str()) {
            problems.push(format!("`{object}` is documented but is no object of the code"));
        }
    }
    for (object, field, names) in enumerations() {
        let row = documented.get(object).and_then(|r| r.get(field)).cloned().unwrap_or_default();
        for name in names {
            if !row.contains(&format!("`{name}`")) {
                problems.push(format!("{object}.{field} does not list `{name}`"));
            }
        }
    }
    if !doc.contains(&format!("`{SCHEMA_VERSION}`")) {
        problems.push(format!("the version {SCHEMA_VERSION} is not named"));
    }
    problems
}

#[test]
fn the_schema_document_lists_every_field_and_name() {
    let doc = repo_file("docs/schema.md").expect("docs/schema.md");
    let problems = mismatches(&doc);
    assert!(problems.is_empty(), "docs/schema.md is out of step with byline_core::json:\n{}", problems.join("\n"));
}

#[test]
fn a_field_left_out_of_the_document_is_found() {
    let doc = repo_file("docs/schema.md").unwrap();
    let without = doc.replace("| `cue` |", "| `cue_text` |");
    let problems = mismatches(&without);
    assert!(problems.contains(&"quote.cue is missing".to_string()), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("quote.cue_text is documented")), "{problems:?}");
    let without = doc.replace(", `credit` or `boilerplate`", " or `credit`");
    assert_eq!(mismatches(&without), ["paragraph.role does not list `boilerplate`"]);
}

/// The JSON keys a document's examples use.
fn example_keys(doc: &str) -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for block in doc.split("```json").skip(1) {
        let block = block.split("```").next().unwrap_or("");
        let mut rest = block;
        while let Some(at) = rest.find('"') {
            let after = &rest[at + 1..];
            let Some(close) = after.find('"') else { break };
            let word = &after[..close];
            if after[close + 1..].trim_start().starts_with(':') {
                keys.insert(word.to_string());
            }
            rest = &after[close + 1..];
        }
    }
    keys
}

#[test]
fn the_shared_contract_names_no_field_the_document_lacks() {
    let shared = std::env::var("BYLINE_SHARED_DATA")
        .map(|d| Path::new(&d).join("../SCHEMA.md"))
        .unwrap_or_else(|_| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/SCHEMA.md"));
    let Ok(shared) = std::fs::read_to_string(&shared) else {
        println!("skipped: no {} (the shared contract) here", shared.display());
        return;
    };
    let documented: BTreeSet<String> =
        reference(&repo_file("docs/schema.md").unwrap()).into_values().flat_map(|r| r.into_keys()).collect();
    let keys = example_keys(&shared);
    assert!(keys.len() > 20, "the shared contract's examples were not read: {keys:?}");
    let missing: Vec<&String> = keys.iter().filter(|k| !documented.contains(*k)).collect();
    assert!(missing.is_empty(), "../shared/SCHEMA.md uses fields docs/schema.md lacks: {missing:?}");
}
