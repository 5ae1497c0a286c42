//! The README's table reference is the code's: the columns of `byline_batch::tables`, rendered.

use byline_batch::tables::Table;

fn reference() -> String {
    let mut out = String::new();
    for t in Table::ALL {
        out += &format!("\n`{}`: {}\n\n| column | type | meaning |\n|---|---|---|\n", t.name(), t.doc());
        for c in t.columns() {
            out += &format!("| `{}` | {} | {} |\n", c.name, c.kind.as_str(), c.doc.replace('|', "\\|"));
        }
    }
    out
}

#[test]
fn readme_documents_every_table_column() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md")).unwrap();
    let (begin, end) = ("<!-- tables:begin (generated from byline_batch::tables) -->\n", "<!-- tables:end -->");
    let start = readme.find(begin).expect("README has the tables marker") + begin.len();
    let stop = readme[start..].find(end).expect("README has the end marker") + start;
    let expected = reference();
    assert!(readme[start..stop] == expected, "README table reference is stale; replace it with:\n{expected}");
}
