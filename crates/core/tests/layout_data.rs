//! Layout and sentences on the seed article and on the development data in `../shared/data`
//! (or `$BYLINE_SHARED_DATA`). Tests that need the data skip, saying so, when it is absent.

use std::path::PathBuf;

use byline_core::{Article, Parser, Role};

const SEED: &str = include_str!("../../../seeds/000_b329b9e3f58bd74f.txt");

fn layout_parser() -> Parser {
    Parser::builder().entities(false).quotes(false).timexes(false).build().unwrap()
}

fn shared_data() -> Option<PathBuf> {
    let path = match std::env::var_os("BYLINE_SHARED_DATA") {
        Some(p) => PathBuf::from(p),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/data"),
    };
    if path.is_dir() {
        Some(path)
    } else {
        println!("skipped: development data not found at {} (set BYLINE_SHARED_DATA)", path.display());
        None
    }
}

fn jsonl(path: PathBuf, limit: usize) -> Vec<serde_json::Value> {
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    data.lines().take(limit).map(|l| serde_json::from_str(l).unwrap()).collect()
}

fn sentences(a: &Article) -> Vec<&str> {
    a.sentences.iter().map(|s| s.span.as_str(&a.text)).collect()
}

#[test]
fn seed_article() {
    let a = layout_parser().parse(SEED, None).unwrap();
    assert_eq!(a.title.as_deref(), Some("China to Welcome Belarusian Leader, Raising Concerns Over Ukraine"));
    let count = |role: Role| a.paragraphs.iter().filter(|p| p.role == role).count();
    assert_eq!((count(Role::Title), count(Role::Body), count(Role::Credit), count(Role::Boilerplate)), (1, 31, 1, 2));
    assert_eq!(a.contributors, ["Thomas Gibbons-Neff"]);
    let boilerplate: Vec<&str> =
        a.paragraphs.iter().filter(|p| p.role == Role::Boilerplate).map(|p| p.span.as_str(&a.text)).collect();
    assert_eq!(
        boilerplate,
        ["Leave a Reply", "Your email address will not be published. Required fields are marked *"]
    );
    for s in sentences(&a) {
        assert!(!s.contains("Leave a Reply") && !s.contains("email address"), "{s}");
    }
    let putin = sentences(&a).into_iter().find(|s| s.contains("Vladimir V. Putin")).unwrap();
    assert!(putin.starts_with("The presence in Beijing") && putin.ends_with("on the war."), "{putin}");
    assert!(sentences(&a).contains(&"“This is short-sighted.”"));
}

/// The Golden Rules that `parser` fails, each with what it wanted and got.
fn golden_rule_failures(data: &std::path::Path, parser: &Parser) -> Vec<String> {
    let collapse = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut failed = Vec::new();
    let rules = jsonl(data.join("sbd/golden_rules_en.jsonl"), usize::MAX);
    assert_eq!(rules.len(), 48);
    for rule in &rules {
        let text = rule["text"].as_str().unwrap();
        let a = parser.parse(text, None).unwrap();
        let got: Vec<String> = sentences(&a).into_iter().map(collapse).collect();
        let want: Vec<String> =
            rule["sentences"].as_array().unwrap().iter().map(|s| collapse(s.as_str().unwrap())).collect();
        if got != want {
            failed.push(format!("rule {}: want {want:?}, got {got:?}", rule["id"]));
        }
    }
    failed
}

#[test]
fn golden_rules_all_pass() {
    let Some(data) = shared_data() else { return };
    let plain = Parser::builder().entities(false).quotes(false).timexes(false).plain_text(true).build().unwrap();
    let failed = golden_rule_failures(&data, &plain);
    assert!(failed.is_empty(), "plain text: {}", failed.join("\n"));
}

/// Issue 15: a one-line rule is a snippet of body text, so the default `parse` path (layout
/// on) splits it as the plain-text mode does, instead of reading it as a headline.
#[test]
fn golden_rules_all_pass_through_default_parse() {
    let Some(data) = shared_data() else { return };
    let failed = golden_rule_failures(&data, &Parser::new());
    assert!(failed.is_empty(), "default parse: {}", failed.join("\n"));
}

/// Boundary F1 on GUM news: sentence ends (code points) except each document's last.
fn gum_f1(path: PathBuf) -> f64 {
    let parser = layout_parser();
    let (mut tp, mut n_pred, mut n_gold) = (0, 0, 0);
    for doc in jsonl(path, usize::MAX) {
        let text = doc["text"].as_str().unwrap();
        let a = parser.parse(text, None).unwrap();
        let char_of = |b: usize| text[..b].chars().count();
        let mut pred: Vec<usize> = a.sentences.iter().map(|s| char_of(s.span.end())).collect();
        let mut gold: Vec<usize> =
            doc["sentence_spans"].as_array().unwrap().iter().map(|s| s[1].as_u64().unwrap() as usize).collect();
        pred.sort_unstable();
        gold.sort_unstable();
        pred.pop();
        gold.pop();
        tp += pred.iter().filter(|e| gold.binary_search(e).is_ok()).count();
        n_pred += pred.len();
        n_gold += gold.len();
    }
    let (p, r) = (tp as f64 / n_pred as f64, tp as f64 / n_gold as f64);
    2.0 * p * r / (p + r)
}

#[test]
fn gum_news_boundary_f1() {
    let Some(data) = shared_data() else { return };
    let dev = gum_f1(data.join("sbd/gum_news_dev.jsonl"));
    let train = gum_f1(data.join("sbd/gum_news_train.jsonl"));
    assert!(dev >= 0.98, "GUM dev F1 {dev:.4}");
    assert!(train >= 0.97, "GUM train F1 {train:.4}");
}

#[test]
fn reuters_titles_datelines_and_wrapped_paragraphs() {
    let Some(data) = shared_data() else { return };
    let parser = layout_parser();
    let (mut n, mut titles, mut datelines) = (0, 0, 0);
    let (mut paragraphs, mut mid_sentence) = (0, 0);
    for r in jsonl(data.join("corpora/reuters21578.jsonl"), 1000) {
        if r["type"] != "NORM" {
            continue;
        }
        n += 1;
        let text = r["text"].as_str().unwrap();
        let a = parser.parse(text, None).unwrap();
        titles += usize::from(a.title.as_deref() == r["title"].as_str());
        let dl = a.dateline.as_ref().map(|d| d.span.as_str(&a.text));
        datelines += usize::from(dl.is_some() && dl == r["dateline"].as_str().map(str::trim));
        // Hard-wrapped lines are rebuilt: body paragraphs do not start in the middle of a
        // sentence (tables, whose rows may start lowercase, are the exception).
        for p in a.paragraphs.iter().filter(|p| p.role == Role::Body) {
            paragraphs += 1;
            mid_sentence += usize::from(p.span.as_str(&a.text).starts_with(char::is_lowercase));
        }
    }
    assert!(mid_sentence * 200 <= paragraphs, "{mid_sentence} of {paragraphs} paragraphs start lowercase");
    assert!(titles as f64 >= 0.99 * n as f64, "titles {titles}/{n}");
    assert!(datelines as f64 >= 0.97 * n as f64, "datelines {datelines}/{n}");
}

#[test]
fn bbc_titles_and_body() {
    let Some(data) = shared_data() else { return };
    let parser = layout_parser();
    for r in jsonl(data.join("corpora/bbc_news.jsonl"), 300) {
        let a = parser.parse(r["text"].as_str().unwrap(), None).unwrap();
        assert_eq!(a.title.as_deref(), r["title"].as_str(), "{}", r["id"]);
        assert!(a.paragraphs[1..].iter().all(|p| p.role == Role::Body), "{}", r["id"]);
    }
}
