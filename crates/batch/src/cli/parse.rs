//! `byline parse FILE|-`: one article (plain text or an HTML page) to JSON, or to a standalone HTML page (`--render`).

use std::io::{Read, Write};
use std::path::Path;

use byline_core::{Article, JsonOptions};

use super::args::{ParseArgs, ParseFormatArg};
use super::{hints, Fatal, EXIT_OK};
use crate::readers::{self, Location};
use crate::record::ErrorKind;
use crate::render;

pub fn run(args: &ParseArgs) -> Result<u8, Fatal> {
    let parser = args.parsing.parser()?;
    let name = args.file.display();
    let bytes = read(&args.file, args.parsing.max_bytes)?;
    let html = match args.format {
        Some(format) => format == ParseFormatArg::Html,
        None => byline_core::looks_like_html(&bytes),
    };
    let article = if html {
        parser.parse_html(&bytes, args.url.as_deref(), args.parsing.published)
    } else {
        parser.parse_bytes(&bytes, args.parsing.published)
    };
    let article = article.map_err(|e| match hints::remedy(ErrorKind::of(&e)) {
        Some(remedy) => format!("{name}: {e}; {remedy}"),
        None => format!("{name}: {e}"),
    })?;
    let json_to = match (&args.output, &args.render) {
        (Some(path), _) => Some(path.as_path()),
        (None, Some(_)) => None,
        (None, None) => Some(Path::new("-")),
    };
    if let Some(path) = json_to {
        let mut json = article.to_json(&JsonOptions { pretty: args.pretty, ..Default::default() });
        json.push('\n');
        write_to(path, json.as_bytes())?;
    }
    if let Some(path) = &args.render {
        write_to(path, render::page(&article).as_bytes())?;
        if path.as_os_str() != "-" {
            eprintln!("byline: wrote {} ({}); open it in a browser", path.display(), counts(&article));
        }
    }
    Ok(EXIT_OK)
}

/// Reads one article, refusing a directory (that is `batch`'s job) and anything over `max` bytes.
fn read(file: &Path, max: usize) -> Result<Vec<u8>, Fatal> {
    let name = file.display();
    if file.is_dir() {
        return Err(format!(
            "{name} is a directory; `byline parse` reads one article: `byline batch {name}` parses every article in it"
        )
        .into());
    }
    let mut bytes = Vec::new();
    // One byte over the limit is enough to refuse the input.
    readers::open(&Location::parse(file))?.take(max as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > max {
        let remedy = hints::remedy(ErrorKind::TooLarge).unwrap_or_default();
        return Err(format!("{name}: input is over the limit of {max} bytes; {remedy}").into());
    }
    Ok(bytes)
}

/// Writes `bytes` to the file at `path`, or to standard output for `-`.
fn write_to(path: &Path, bytes: &[u8]) -> Result<(), Fatal> {
    if path.as_os_str() == "-" {
        let mut out = std::io::stdout().lock();
        out.write_all(bytes)?;
        out.flush()?;
    } else {
        std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// "29 quotes, 31 entities, 12 time expressions", for the line that says where the page went.
fn counts(a: &Article) -> String {
    let n = |count: usize, one: &str, many: &str| format!("{count} {}", if count == 1 { one } else { many });
    [
        n(a.quotes.len(), "quote", "quotes"),
        n(a.entities.len(), "entity", "entities"),
        n(a.timexes.len(), "time expression", "time expressions"),
    ]
    .join(", ")
}
