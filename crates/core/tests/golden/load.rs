//! Golden case files (`tests/data/*.toml`), read strictly: each file is a typed struct whose
//! tables all deny unknown keys (`#[serde(deny_unknown_fields)]`), and its cases' names differ,
//! so a misspelt key or a copied case is an error instead of a case that silently checks less.
//!
//! Shared by the golden runner (`crates/core/tests/golden/`), the command line's input cases
//! (`crates/batch/tests/cli.rs`) and the Python binding's offset cases (`crates/python`), each
//! through `#[path]`.

#![allow(dead_code)] // each user needs a part

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use toml::{Table, Value};

/// A golden case file and its typed contents.
pub trait Golden: DeserializeOwned {
    /// The file, from the repository root.
    const PATH: &'static str;
    /// The names of its cases, which must differ.
    fn names(&self) -> Vec<&str>;
}

/// Declares the struct of a golden file that is a list of `[[case]]` tables (each with a
/// `name`), and its impl of [`Golden`] (named by its path where the macro is called).
macro_rules! case_file {
    ($(#[$meta:meta])* $file:ident = $path:literal, $case:ty, $golden:path) => {
        $(#[$meta])*
        #[derive(serde::Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct $file {
            case: Vec<$case>,
        }

        impl $golden for $file {
            const PATH: &'static str = $path;
            fn names(&self) -> Vec<&str> {
                self.case.iter().map(|c| c.name.as_str()).collect()
            }
        }
    };
}
pub(crate) use case_file;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// A file of the repository, from its root.
pub fn read_repo_file(path: &str) -> String {
    let full = repo_root().join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

/// Parses the text of `G`'s file: an unknown key, a value of the wrong type or two cases of one
/// name are errors.
pub fn parse<G: Golden>(text: &str) -> Result<G, String> {
    let golden: G = toml::from_str(text).map_err(|e| format!("{}: {e}", G::PATH))?;
    let mut seen = HashSet::new();
    for name in golden.names() {
        if !seen.insert(name) {
            return Err(format!("{}: two cases are named {name:?}", G::PATH));
        }
    }
    Ok(golden)
}

/// Reads `G`'s file, panicking with the error when it is not strictly valid.
pub fn load<G: Golden>() -> G {
    parse(&read_repo_file(G::PATH)).unwrap_or_else(|e| panic!("{e}"))
}

/// The key the strictness checks add.
pub const UNKNOWN_KEY: &str = "misspelt_key";

/// Checks that `G`'s reader rejects its file with an unknown key added to any kind of table in
/// it (the first of each kind: the top level, `[[case]]`, `[[case.entity]]`, inline tables),
/// and with the second case renamed to the first's name. Returns what it tried.
pub fn assert_strict<G: Golden>() -> Vec<String> {
    let doc: Table = toml::from_str(&read_repo_file(G::PATH)).expect("valid TOML");
    let mut tried = Vec::new();
    let mut kinds = HashSet::new();
    let mut paths = Vec::new();
    table_paths(&doc, &mut Vec::new(), &mut String::new(), &mut kinds, &mut paths);
    for (kind, path) in paths {
        let mut changed = Value::Table(doc.clone());
        table_at(&mut changed, &path).insert(UNKNOWN_KEY.into(), Value::Boolean(true));
        let text = toml::to_string(&changed).expect("TOML serialises");
        match parse::<G>(&text) {
            Ok(_) => panic!("{}: an unknown key in {kind} passed unnoticed", G::PATH),
            Err(e) => assert!(e.contains(UNKNOWN_KEY), "{}: {kind}: {e}", G::PATH),
        }
        tried.push(format!("unknown key in {kind}"));
    }
    let golden = parse::<G>(&toml::to_string(&doc).expect("TOML serialises")).expect("the file reads");
    let names = golden.names();
    if let [first, second, ..] = names[..] {
        let mut changed = doc.clone();
        let renamed = changed.iter_mut().filter_map(|(_, v)| v.as_array_mut()).flatten().find_map(|case| {
            let name = case.get_mut("name").filter(|n| n.as_str() == Some(second))?;
            *name = Value::String(first.to_string());
            Some(())
        });
        assert!(renamed.is_some(), "{}: no case named {second:?} at the top level", G::PATH);
        match parse::<G>(&toml::to_string(&changed).expect("TOML serialises")) {
            Ok(_) => panic!("{}: two cases named {first:?} passed unnoticed", G::PATH),
            Err(e) => assert!(e.contains("two cases are named"), "{e}"),
        }
        tried.push("a repeated case name".to_string());
    }
    tried
}

/// One step from a table to a table inside it.
#[derive(Clone, Debug)]
enum Step {
    Key(String),
    Index(usize),
}

/// The path of the first table of each kind (its keys, array indices left out) under `table`.
fn table_paths(
    table: &Table,
    path: &mut Vec<Step>,
    kind: &mut String,
    kinds: &mut HashSet<String>,
    out: &mut Vec<(String, Vec<Step>)>,
) {
    let name = if kind.is_empty() { "the top level".to_string() } else { kind.clone() };
    if kinds.insert(name.clone()) {
        out.push((name, path.clone()));
    }
    for (key, value) in table {
        let outer = kind.len();
        kind.push_str(if kind.is_empty() { "" } else { "." });
        kind.push_str(key);
        path.push(Step::Key(key.clone()));
        match value {
            Value::Table(t) => table_paths(t, path, kind, kinds, out),
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    if let Value::Table(t) = item {
                        path.push(Step::Index(i));
                        kind.push_str("[]");
                        table_paths(t, path, kind, kinds, out);
                        kind.truncate(kind.len() - 2);
                        path.pop();
                    }
                }
            }
            _ => {}
        }
        path.pop();
        kind.truncate(outer);
    }
}

/// The table at `path`.
fn table_at<'t>(mut value: &'t mut Value, path: &[Step]) -> &'t mut Table {
    for step in path {
        let next = match step {
            Step::Key(k) => value.get_mut(k.as_str()),
            Step::Index(i) => value.get_mut(*i),
        };
        value = next.expect("the path exists");
    }
    value.as_table_mut().expect("a table")
}
