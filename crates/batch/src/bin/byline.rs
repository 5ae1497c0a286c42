//! The `byline` command line.

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use byline_batch::{parse_records, read_jsonl_record, ErrorRecord, Record};
use byline_core::{parse_date, Date, JsonOptions, Parser};
use clap::{Parser as ClapParser, Subcommand};

/// Parse news articles: layout, sentences, entities, quotes and time expressions.
#[derive(ClapParser)]
#[command(name = "byline", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Parse one article and print its JSON.
    Parse {
        /// The article file, or `-` for standard input.
        file: PathBuf,
        /// Publication date, YYYY-MM-DD.
        #[arg(long, value_parser = parse_date_arg)]
        published: Option<Date>,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
    },
    /// Parse a JSON Lines file of `{"id", "text", "published"?}` records into one article per line.
    Batch {
        /// Input JSON Lines file, or `-` for standard input.
        input: PathBuf,
        /// Output file; standard output when absent.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

fn parse_date_arg(s: &str) -> Result<Date, String> {
    parse_date(s).map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Parse { file, published, pretty } => run_parse(&file, published, pretty),
        Command::Batch { input, output } => run_batch(&input, output.as_ref()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("byline: {e}");
            ExitCode::from(2)
        }
    }
}

fn open_input(path: &PathBuf) -> io::Result<Box<dyn Read>> {
    if path.as_os_str() == "-" {
        Ok(Box::new(io::stdin().lock()))
    } else {
        File::open(path)
            .map(|f| Box::new(f) as Box<dyn Read>)
            .map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
    }
}

fn run_parse(file: &PathBuf, published: Option<Date>, pretty: bool) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut bytes = Vec::new();
    open_input(file)?.read_to_end(&mut bytes)?;
    let parser = Parser::new();
    let article = parser.parse_bytes(&bytes, published).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut out = io::stdout().lock();
    writeln!(out, "{}", article.to_json(&JsonOptions { pretty, ..Default::default() }))?;
    Ok(ExitCode::SUCCESS)
}

fn run_batch(input: &PathBuf, output: Option<&PathBuf>) -> Result<ExitCode, Box<dyn std::error::Error>> {
    let reader = BufReader::new(open_input(input)?);
    let mut records: Vec<Result<Record, ErrorRecord>> = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        records.push(read_jsonl_record(&line, i + 1));
    }
    let parser = Parser::new();
    let (good, slots): (Vec<Record>, Vec<Option<ErrorRecord>>) = {
        let mut good = Vec::new();
        let mut slots = Vec::new();
        for r in records {
            match r {
                Ok(rec) => {
                    good.push(rec);
                    slots.push(None);
                }
                Err(e) => slots.push(Some(e)),
            }
        }
        (good, slots)
    };
    let mut parsed = parse_records(&parser, good).into_iter();
    let mut out: Box<dyn Write> = match output {
        Some(p) => Box::new(BufWriter::new(File::create(p)?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    };
    let mut errors = 0usize;
    for slot in slots {
        let item = match slot {
            Some(e) => Err(e),
            None => parsed.next().expect("one result per good record"),
        };
        match item {
            Ok(article) => article.write_json(&mut out, false)?,
            Err(e) => {
                errors += 1;
                serde_json::to_writer(&mut out, &e)?;
            }
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    if errors > 0 {
        eprintln!("byline: {errors} record(s) failed");
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
