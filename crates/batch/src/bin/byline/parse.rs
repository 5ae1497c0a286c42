//! `byline parse FILE|-`: one article (plain text or an HTML page) to JSON.

use std::io::{Read, Write};
use std::process::ExitCode;

use byline_batch::readers::{self, Location};
use byline_core::{JsonOptions, Parser};

use crate::args::{ParseArgs, ParseFormatArg};
use crate::Fatal;

pub fn run(args: &ParseArgs) -> Result<ExitCode, Fatal> {
    let parser = Parser::builder().max_bytes(args.decoding.max_bytes).lossy_utf8(args.decoding.lossy).build()?;
    let location = Location::parse(&args.file);
    let mut bytes = Vec::new();
    // One byte over the limit is enough to refuse the input.
    readers::open(&location)?.take(args.decoding.max_bytes as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > args.decoding.max_bytes {
        return Err(
            format!("{}: input is over the limit of {} bytes", args.file.display(), args.decoding.max_bytes).into()
        );
    }
    let html = match args.format {
        Some(f) => f == ParseFormatArg::Html,
        None => byline_core::looks_like_html(&bytes),
    };
    let article = if html {
        parser.parse_html(&bytes, args.url.as_deref(), args.published)
    } else {
        parser.parse_bytes(&bytes, args.published)
    };
    let article = article.map_err(|e| format!("{}: {e}", args.file.display()))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", article.to_json(&JsonOptions { pretty: args.pretty, ..Default::default() }))?;
    Ok(ExitCode::SUCCESS)
}
