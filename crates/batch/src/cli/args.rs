//! Command-line arguments. Doc comments here are `--help` text.

// `--help` text for people, not rustdoc markup.
#![allow(rustdoc::invalid_html_tags, rustdoc::broken_intra_doc_links)]

use std::path::PathBuf;

use byline_core::{parse_date, Date, Parser as ArticleParser};
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::readers::Format;

/// Parse news articles: layout, sentences, entities, quotes with speakers, time expressions.
#[derive(Parser)]
#[command(name = "byline", bin_name = "byline", version)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Parse one article and print its JSON, or draw it as an HTML page (--render).
    Parse(ParseArgs),
    /// Parse a corpus: one Article JSON line per input article, in input order.
    Batch(BatchArgs),
    /// Corpus aggregates over `byline batch` output: most quoted speakers, most mentioned entities.
    Stats(StatsArgs),
}

#[derive(Args)]
pub struct ParseArgs {
    /// The article file (plain text or an HTML page, optionally gzip), or `-` for standard input.
    pub file: PathBuf,
    /// Write the article as a standalone HTML page to FILE (`-` for standard output): quotes
    /// linked to their speakers, entities coloured, a legend. Its JSON is then not printed,
    /// unless -o asks for it.
    #[arg(long, value_name = "FILE")]
    pub render: Option<PathBuf>,
    /// Write the article's JSON to FILE (`-` for standard output, the default without --render).
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indent the JSON.
    #[arg(long)]
    pub pretty: bool,
    /// Read the file as an HTML page or as plain text [default: detected from the content].
    #[arg(long, value_enum)]
    pub format: Option<ParseFormatArg>,
    /// The page's URL, for an HTML page (its source.url; a date in it may give the publication date).
    #[arg(long)]
    pub url: Option<String>,
    #[command(flatten)]
    pub parsing: ParsingArgs,
}

/// What `byline parse` reads.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ParseFormatArg {
    /// An HTML page: the article is extracted from it first.
    Html,
    /// Plain text, the headline first.
    Text,
}

// How articles are read and parsed: the options `parse` and `batch` share. (A doc comment here
// would become the subcommands' `about`.)
#[derive(Args)]
pub struct ParsingArgs {
    /// Publication date, YYYY-MM-DD: anchors relative dates ("on Tuesday"). In a batch, the date
    /// of the records that do not give their own.
    #[arg(long, value_name = "DATE", value_parser = date_arg)]
    pub published: Option<Date>,
    /// Read each article as bare body text: no headline, byline, dateline or boilerplate
    /// detection (for text that is not a news article, or has had them removed).
    #[arg(long)]
    pub plain_text: bool,
    /// Replace invalid UTF-8 with U+FFFD (with a warning) instead of failing.
    #[arg(long)]
    pub lossy: bool,
    /// Largest article accepted (for JSON Lines and CSV, largest record): 500000, 50MB, 1GiB.
    #[arg(long, value_name = "SIZE", default_value = "256MiB", value_parser = size_arg)]
    pub max_bytes: usize,
    /// Time limit per article in milliseconds: an article that takes longer to parse becomes an
    /// error record (`parse`: an error) [default: no limit].
    #[arg(long, value_name = "MS", value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout_ms: Option<u64>,
}

impl ParsingArgs {
    /// The parser these options ask for.
    pub fn parser(&self) -> byline_core::Result<ArticleParser> {
        ArticleParser::builder()
            .max_bytes(self.max_bytes)
            .lossy_utf8(self.lossy)
            .plain_text(self.plain_text)
            .timeout(self.timeout_ms.map(std::time::Duration::from_millis))
            .build()
    }
}

#[derive(Args)]
pub struct BatchArgs {
    /// Inputs: directories (their .txt, .html, .json, .jsonl, .csv, .warc files, optionally .gz),
    /// files, or `-` for standard input (the default).
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,
    /// Output file for the Article JSON Lines (gzip-compressed when it ends in .gz); default: standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Format of standard input and of files named directly, instead of their extension
    /// [default: by extension; jsonl for standard input].
    #[arg(long, value_enum)]
    pub format: Option<FormatArg>,
    /// JSON key or CSV column holding the article text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    pub text_field: String,
    /// JSON key or CSV column holding the article as an HTML page (read instead of the text when
    /// a record has it).
    #[arg(long, value_name = "NAME", default_value = "html")]
    pub html_field: String,
    /// JSON key or CSV column holding an HTML page's URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    pub url_field: String,
    /// JSON key or CSV column holding the record id [records without one get <source>:<line>].
    #[arg(long, value_name = "NAME", default_value = "id")]
    pub id_field: String,
    /// JSON key or CSV column holding the publication date (YYYY-MM-DD or an ISO date-time).
    #[arg(long, value_name = "NAME", default_value = "published")]
    pub published_field: String,
    /// Also write the flat tables articles, quotes, entities, mentions, timexes into DIR.
    #[arg(long, value_name = "DIR")]
    pub tables: Option<PathBuf>,
    /// File formats of the tables.
    #[arg(long, value_enum, default_value = "both", requires = "tables")]
    pub table_format: TableFormatArg,
    /// Print corpus aggregates at the end (most quoted speakers and entities; the source-diversity
    /// study by speaker kind and gender, by outlet and month).
    #[arg(long)]
    pub stats: bool,
    /// Break the --stats study down by this field of the input records (JSON key or CSV column)
    /// instead of by outlet.
    #[arg(long, value_name = "FIELD", requires = "stats")]
    pub group_by: Option<String>,
    /// Rows in each aggregate list of --stats.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    /// Write the summary (and the --stats aggregates) as JSON to FILE.
    #[arg(long, value_name = "FILE")]
    pub summary_json: Option<PathBuf>,
    /// Worker threads [default: all cores].
    #[arg(short = 'j', long, value_name = "N")]
    pub threads: Option<usize>,
    /// Most articles per chunk in flight [default: 64 per thread, at least 256].
    #[arg(long, value_name = "N", hide_short_help = true)]
    pub chunk: Option<usize>,
    #[command(flatten)]
    pub parsing: ParsingArgs,
    /// Exit with 0 even when some articles failed.
    #[arg(long)]
    pub allow_errors: bool,
    /// No progress bar, summary or error messages (the exit code still tells).
    #[arg(short, long, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Report every failed article and the run's settings.
    #[arg(short, long)]
    pub verbose: bool,
}

#[derive(Args)]
pub struct StatsArgs {
    /// `byline batch` output files (JSON Lines, optionally .gz), or `-` for standard input (the default).
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Rows in each aggregate list.
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
    /// Print JSON instead of text.
    #[arg(long)]
    pub json: bool,
    /// Break the study down by these: `outlet`, `month`, or a field of the output lines (top
    /// level, or of `source`: `section`).
    #[arg(long, value_name = "NAME", value_delimiter = ',', default_value = "outlet,month")]
    pub group_by: Vec<String>,
    /// Also write the study's tables (study_groups, study_kinds, study_genders, study_people) into DIR.
    #[arg(long, value_name = "DIR")]
    pub tables: Option<PathBuf>,
    /// File formats of the tables.
    #[arg(long, value_enum, default_value = "both", requires = "tables")]
    pub table_format: TableFormatArg,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// One JSON object per line.
    Jsonl,
    /// CSV with a header row.
    Csv,
    /// One JSON object per file.
    Json,
    /// One plain-text article per file (not read as HTML even when it looks like a page).
    Txt,
    /// One HTML page per file.
    Html,
    /// A web archive: its HTML response records.
    Warc,
}

impl From<FormatArg> for Format {
    fn from(f: FormatArg) -> Format {
        match f {
            FormatArg::Jsonl => Format::Jsonl,
            FormatArg::Csv => Format::Csv,
            FormatArg::Json => Format::Json,
            FormatArg::Txt => Format::Text,
            FormatArg::Html => Format::Html,
            FormatArg::Warc => Format::Warc,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TableFormatArg {
    /// <table>.csv
    Csv,
    /// <table>.parquet
    Parquet,
    /// Both.
    Both,
}

fn date_arg(s: &str) -> Result<Date, String> {
    parse_date(s).map_err(|e| e.to_string())
}

/// A byte size: a number with an optional unit (kB/MB/GB are powers of 1000, KiB/MiB/GiB and
/// K/M/G powers of 1024).
pub fn size_arg(s: &str) -> Result<usize, String> {
    let t = s.trim();
    let split = t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: usize = num.parse().map_err(|_| format!("invalid size {s:?}: expected a number like 500000 or 50MB"))?;
    let scale: usize = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        "k" | "kib" => 1 << 10,
        "m" | "mib" => 1 << 20,
        "g" | "gib" => 1 << 30,
        _ => return Err(format!("invalid size {s:?}: unknown unit {unit:?}")),
    };
    n.checked_mul(scale).filter(|&b| b > 0).ok_or_else(|| format!("invalid size {s:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes() {
        assert_eq!(size_arg("500000"), Ok(500_000));
        assert_eq!(size_arg("50MB"), Ok(50_000_000));
        assert_eq!(size_arg("256MiB"), Ok(256 << 20));
        assert_eq!(size_arg("2 k"), Ok(2048));
        assert!(size_arg("0").is_err() && size_arg("ten").is_err() && size_arg("5 parsecs").is_err());
    }

    #[test]
    fn the_cli_is_well_formed() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
