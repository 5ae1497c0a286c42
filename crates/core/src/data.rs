//! The embedded data files, read one way.
//!
//! Every word list and lexicon a stage compiles in (`crates/core/data/**` and
//! `crates/core/src/*/data/**`) is read through [`DataFile`]: blank lines and `#` comments are
//! skipped, `[section]` headers are checked against the sections the file may have, and every
//! mistake is an error at its line, `path:line: message`: an unknown class or section, a wrong
//! number of tab-separated columns, a bad number, a duplicate entry, stray whitespace.
//!
//! Each file has one reader function (`fn(DataFile) -> Result<T, DataError>`) next to the code
//! that uses it. The files are compiled in, so a mistake in one is a bug of the build, not bad
//! input: a stage's constructor calls [`embedded`], which panics with the message. The tests
//! make sure that cannot happen: they read every embedded file, build every lexicon (the whole
//! [`Parser`](crate::Parser)), and feed each reader a copy of its file with a misspelt class, a
//! stray column and a duplicate line, each of which must be an error at that line.

use std::collections::hash_map::Entry;
use std::fmt;
use std::hash::Hash;
use std::str::FromStr;

use crate::hash::FastMap;

/// One data file: its path in the repository (for messages) and its text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct DataFile<'a> {
    /// The path from the repository root, as messages give it.
    pub path: &'a str,
    /// The file's text.
    pub text: &'a str,
}

/// Embeds a data file of this crate, named by its path from the crate root
/// (`data_file!("data/quotes/cues.txt")`).
macro_rules! data_file {
    ($path:literal) => {
        $crate::data::DataFile {
            path: concat!("crates/core/", $path),
            text: include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/", $path)),
        }
    };
}
pub(crate) use data_file;

/// A mistake in a data file, at a line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DataError {
    /// The file's path from the repository root.
    pub path: String,
    /// The line, from 1.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.path, self.line, self.message)
    }
}

impl std::error::Error for DataError {}

/// `Result` with [`DataError`].
pub(crate) type Result<T, E = DataError> = std::result::Result<T, E>;

/// The value of an embedded file's reader, or a panic with the file and line of its mistake.
/// The tests read every embedded file (see the module docs), so this does not panic in a build
/// whose tests pass.
pub(crate) fn embedded<T>(read: Result<T>) -> T {
    read.unwrap_or_else(|e| panic!("invalid embedded data: {e}"))
}

/// Whether [`DataFile`] looks for duplicate entries: in debug builds, which the tests are.
/// The files are fixed when the crate is built, so a release build skips the hash set of some
/// 150,000 keys that building every lexicon would otherwise fill on each start.
const CHECK_DUPLICATES: bool = cfg!(debug_assertions);

/// Which entries of a file must differ (within their section).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unique {
    /// The first tab-separated column: one line per word or phrase.
    FirstColumn,
    /// Whole lines only: the first column repeats (a class, or a word with several meanings),
    /// and the reader checks what must be unique itself ([`Seen`]).
    Line,
}

/// One entry line of a data file.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    path: &'a str,
    /// The line number, from 1.
    pub number: usize,
    /// The line, without its newline.
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// An error at this line.
    pub(crate) fn error(&self, message: impl fmt::Display) -> DataError {
        DataError { path: self.path.to_string(), line: self.number, message: message.to_string() }
    }

    /// The tab-separated columns: at most `N`, at least `min`; missing optional columns are `""`.
    pub(crate) fn columns<const N: usize>(&self, min: usize) -> Result<[&'a str; N]> {
        let mut out = [""; N];
        let mut n = 0;
        for col in tab_separated(self.text) {
            if n == N {
                n += 1;
                break;
            }
            if col.is_empty() {
                return Err(self.error(format!("column {} is empty", n + 1)));
            }
            out[n] = col;
            n += 1;
        }
        if n < min || n > N {
            let want = match (min, N) {
                (1, 1) => "one column (no tab)".to_string(),
                (min, max) if min == max => format!("{max} tab-separated columns"),
                (min, max) => format!("{min} to {max} tab-separated columns"),
            };
            let found = self.text.split('\t').count();
            return Err(self.error(format!("expected {want}, found {found}")));
        }
        Ok(out)
    }

    /// The whole line as one entry (a word or a phrase); a tab is an error.
    pub(crate) fn entry(&self) -> Result<&'a str> {
        let [entry] = self.columns::<1>(1)?;
        Ok(entry)
    }

    /// The value of the class named `name`, one of `classes`.
    pub(crate) fn class<T: Copy>(&self, name: &str, classes: &[(&str, T)]) -> Result<T> {
        match classes.iter().find(|(n, _)| *n == name) {
            Some(&(_, value)) => Ok(value),
            None => {
                Err(self.error(format!("unknown class {name:?} (expected {})", one_of(classes.iter().map(|c| c.0)))))
            }
        }
    }

    /// `s` as a number.
    pub(crate) fn number<T: FromStr>(&self, s: &str) -> Result<T> {
        s.parse().map_err(|_| self.error(format!("{s:?} is not a number")))
    }
}

/// `"a", "b" or "c"`, for messages.
fn one_of<'n>(names: impl Iterator<Item = &'n str>) -> String {
    let names: Vec<String> = names.map(|n| if n.is_empty() { "nothing".into() } else { format!("{n:?}") }).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// Keys seen so far in one file, so that a repeated one is an error naming its first line.
pub(crate) struct Seen<K> {
    first: FastMap<K, usize>,
}

impl<K> Default for Seen<K> {
    fn default() -> Seen<K> {
        Seen { first: FastMap::default() }
    }
}

impl<K: Hash + Eq> Seen<K> {
    /// An error when `key` was seen before; `what` names it in the message.
    pub(crate) fn check(&mut self, line: &Line<'_>, key: K, what: impl fmt::Display) -> Result<()> {
        match self.first.entry(key) {
            Entry::Occupied(first) => Err(line.error(format!("duplicate {what} (first on line {})", first.get()))),
            Entry::Vacant(slot) => {
                slot.insert(line.number);
                Ok(())
            }
        }
    }
}

impl<'a> DataFile<'a> {
    /// Calls `f` with each entry line of a file without sections.
    pub(crate) fn each(self, unique: Unique, mut f: impl FnMut(Line<'a>) -> Result<()>) -> Result<()> {
        self.read(&[], unique, |_, line| f(line))
    }

    /// The entry lines of a file without sections.
    pub(crate) fn lines(self, unique: Unique) -> Result<Vec<Line<'a>>> {
        let mut out = Vec::new();
        self.each(unique, |line| {
            out.push(line);
            Ok(())
        })?;
        Ok(out)
    }

    /// The entries of a list without sections: one word or phrase a line ([`Line::entry`]),
    /// each once.
    pub(crate) fn entries(self) -> Result<Vec<&'a str>> {
        let mut out = Vec::new();
        self.each(Unique::FirstColumn, |line| {
            out.push(line.entry()?);
            Ok(())
        })?;
        Ok(out)
    }

    /// The entry lines under each `[section]` header, in the order of `names`. A header must
    /// name one of them, once; every entry must come under one.
    pub(crate) fn sections<const N: usize>(self, names: [&str; N], unique: Unique) -> Result<[Vec<Line<'a>>; N]> {
        let mut out: [Vec<Line<'a>>; N] = std::array::from_fn(|_| Vec::new());
        self.read(&names, unique, |s, line| {
            out[s].push(line);
            Ok(())
        })?;
        Ok(out)
    }

    /// The entries of each section: one word or phrase a line ([`Line::entry`]), each once in
    /// its section.
    pub(crate) fn section_entries<const N: usize>(self, names: [&str; N]) -> Result<[Vec<&'a str>; N]> {
        let mut out: [Vec<&'a str>; N] = std::array::from_fn(|_| Vec::new());
        self.read(&names, Unique::FirstColumn, |s, line| {
            out[s].push(line.entry()?);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each lowercase word (words are separated by spaces) under each `[section]`
    /// of `sections`, and the value of its section. A word stands once in each section.
    pub(crate) fn each_section_word<T: Copy, const N: usize>(
        self,
        sections: [(&str, T); N],
        mut f: impl FnMut(&Line<'a>, &'a str, T) -> Result<()>,
    ) -> Result<()> {
        let mut seen: [Seen<&'a str>; N] = std::array::from_fn(|_| Seen::default());
        self.read(&sections.map(|(name, _)| name), Unique::Line, |s, line| {
            for w in line.entry()?.split(' ') {
                if w.is_empty() || w.chars().any(char::is_uppercase) {
                    return Err(line.error(format!("{w:?} is not a lowercase word")));
                }
                seen[s].check(&line, w, format_args!("word {w:?}"))?;
                f(&line, w, sections[s].1)?;
            }
            Ok(())
        })
    }

    /// Lowercase words under each `[section]` of `sections` ([`DataFile::each_section_word`]),
    /// each word once in the file, mapped to the value of its section.
    pub(crate) fn section_words<T: Copy, const N: usize>(self, sections: [(&str, T); N]) -> Result<FastMap<String, T>> {
        let mut out = FastMap::default();
        let mut seen = Seen::default();
        self.each_section_word(sections, |line, w, value| {
            seen.check(line, w, format_args!("word {w:?}"))?;
            out.insert(w.to_string(), value);
            Ok(())
        })?;
        Ok(out)
    }

    /// Calls `f` with each entry line and the index of its section in `names` (0 when `names`
    /// is empty: a file without sections).
    fn read(self, names: &[&str], unique: Unique, mut f: impl FnMut(usize, Line<'a>) -> Result<()>) -> Result<()> {
        let mut current: Option<usize> = names.is_empty().then_some(0);
        let mut headers: Seen<usize> = Seen::default();
        let mut keys: Seen<(usize, &'a str)> = Seen::default();
        for (i, text) in lines(self.text).enumerate() {
            let line = Line { path: self.path, number: i + 1, text };
            if text.is_empty() || text.starts_with('#') {
                continue;
            }
            if text.starts_with(char::is_whitespace) || text.ends_with(char::is_whitespace) {
                return Err(line.error("leading or trailing whitespace"));
            }
            if let Some(name) = text.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
                if names.is_empty() {
                    return Err(line.error(format!("a section header [{name}] in a file without sections")));
                }
                let Some(s) = names.iter().position(|n| *n == name) else {
                    let expected = one_of(names.iter().copied());
                    return Err(line.error(format!("unknown section [{name}] (expected {expected})")));
                };
                headers.check(&line, s, format_args!("section [{name}]"))?;
                current = Some(s);
                continue;
            }
            let Some(s) = current else {
                return Err(line.error("an entry before the first [section]"));
            };
            if CHECK_DUPLICATES {
                let key = match unique {
                    Unique::FirstColumn => text.split('\t').next().unwrap_or(text),
                    Unique::Line => text,
                };
                keys.check(&line, (s, key), format_args!("entry {key:?}"))?;
            }
            f(s, line)?;
        }
        Ok(())
    }
}

/// `line.split('\t')`, by byte search: the big lists have some 250,000 short lines.
fn tab_separated(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(line);
    std::iter::from_fn(move || {
        let r = rest?;
        // A tab is ASCII, so both sides of it are on char boundaries.
        match memchr::memchr(b'\t', r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The lines of `text` as [`str::lines`] gives them (split at `\n`, a `\r` before it dropped, no
/// empty line after a final `\n`), found by one vectorised byte search over the whole text rather
/// than one search per line: the big lists have some 250,000 short lines.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut start = 0;
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    std::iter::from_fn(move || {
        let (line, next) = match breaks.next() {
            // Both ends are at ASCII bytes (a line break, a carriage return), so on char boundaries.
            Some(end) => {
                let line = &text[start..end];
                (line.strip_suffix('\r').unwrap_or(line), end + 1)
            }
            None if start < text.len() => (&text[start..], text.len()),
            None => return None,
        };
        start = next;
        Some(line)
    })
}

/// Where a data file writes its classes, so that the tests know what to misspell.
#[cfg(test)]
#[derive(Clone, Copy, Debug)]
pub(crate) enum ClassAt {
    /// In a tab-separated column (counted from 0).
    Column(usize),
    /// In the `[section]` headers.
    Section,
    /// Before the `:` of each entry (`class: lemma`).
    BeforeColon,
    /// Nowhere: a plain list of words or phrases, whose nearest mistake is a stray column.
    Nowhere,
}

/// One embedded data file with its reader, for the tests of every file.
#[cfg(test)]
pub(crate) struct Check {
    /// The embedded file.
    pub file: DataFile<'static>,
    /// Its reader (as the stage calls it), the result dropped.
    pub read: for<'a> fn(DataFile<'a>) -> Result<()>,
    /// Where it writes its classes.
    pub class: ClassAt,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every embedded data file of every stage.
    fn all() -> Vec<&'static Check> {
        [
            crate::calendar_names::DATA_FILES,
            crate::entities::lexicon::DATA_FILES,
            crate::entities::rules::lists::DATA_FILES,
            crate::html::classes::DATA_FILES,
            crate::layout::lexicon::DATA_FILES,
            crate::quotes::descriptions::DATA_FILES,
            crate::quotes::lexicon::DATA_FILES,
            crate::quotes::speaker_kind::DATA_FILES,
            crate::quotes::titles::DATA_FILES,
            crate::quotes::unattributed::DATA_FILES,
            crate::segment::lexicon::DATA_FILES,
            crate::timex::lexicon::DATA_FILES,
        ]
        .into_iter()
        .flatten()
        .collect()
    }

    /// The index and text of the first entry line (not blank, comment or header) for which
    /// `pick` gives something.
    fn first_entry<T>(text: &str, mut pick: impl FnMut(&str) -> Option<T>) -> (usize, T) {
        text.lines()
            .enumerate()
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#') && !l.starts_with('['))
            .find_map(|(i, l)| pick(l).map(|t| (i, t)))
            .expect("the file has an entry to change")
    }

    /// A typo: the last two characters swapped ("speech" → "speehc"), or a single one doubled.
    fn misspell(s: &str) -> String {
        let mut chars: Vec<char> = s.chars().collect();
        match chars.len() {
            0 | 1 => format!("{s}{s}"),
            n => {
                chars.swap(n - 2, n - 1);
                chars.into_iter().collect()
            }
        }
    }

    /// The text with line `i` replaced by `new`.
    fn replace_line(text: &str, i: usize, new: &str) -> String {
        let mut lines: Vec<&str> = text.lines().collect();
        lines[i] = new;
        lines.join("\n")
    }

    /// Reads `text` as the check's file; the error it must give, at line index `i`.
    fn expect_error(check: &Check, text: &str, i: usize, what: &str) -> DataError {
        let file = DataFile { path: check.file.path, text };
        let err = match (check.read)(file) {
            Ok(()) => panic!("{}: {what} at line {} passed unnoticed", check.file.path, i + 1),
            Err(e) => e,
        };
        assert_eq!((err.path.as_str(), err.line), (check.file.path, i + 1), "{what}: {err}");
        err
    }

    #[test]
    fn every_embedded_file_reads() {
        for check in all() {
            if let Err(e) = (check.read)(check.file) {
                panic!("{e}");
            }
        }
    }

    #[test]
    fn every_lexicon_builds() {
        // The parser builds every stage, and so every lexicon, from the embedded files.
        let parser = crate::Parser::new();
        let article = parser.parse("Storm Hits Coast\n\nMr. Smith said on Monday that it was bad.", None).unwrap();
        assert_eq!(article.timexes.len(), 1);
    }

    #[test]
    fn every_data_file_has_a_reader() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs = vec![root.join("data")];
        for stage in std::fs::read_dir(root.join("src")).unwrap() {
            dirs.push(stage.unwrap().path().join("data"));
        }
        let known: Vec<&str> = all().iter().map(|c| c.file.path).collect();
        let mut files = 0;
        while let Some(dir) = dirs.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else { continue };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "txt" || e == "tsv") {
                    let rel = path.strip_prefix(root).unwrap().to_str().unwrap().replace('\\', "/");
                    let rel = format!("crates/core/{rel}");
                    assert!(known.contains(&rel.as_str()), "{rel} has no reader in a DATA_FILES list");
                    files += 1;
                }
            }
        }
        assert_eq!(files, known.len(), "a DATA_FILES entry names no file");
    }

    #[test]
    fn a_misspelt_class_is_an_error_at_its_line() {
        for check in all() {
            let text = check.file.text;
            let (i, new) = match check.class {
                ClassAt::Column(k) => first_entry(text, |l| {
                    let mut cols: Vec<String> = l.split('\t').map(str::to_string).collect();
                    let col = cols.get_mut(k).filter(|c| !c.is_empty())?;
                    *col = misspell(col);
                    Some(cols.join("\t"))
                }),
                ClassAt::BeforeColon => first_entry(text, |l| {
                    let (class, rest) = l.split_once(':')?;
                    Some(format!("{}:{rest}", misspell(class)))
                }),
                ClassAt::Section => {
                    let i = text.lines().position(|l| l.starts_with('[')).expect("a section");
                    let name = &text.lines().nth(i).unwrap()[1..];
                    (i, format!("[{}]", misspell(name.trim_end_matches(']'))))
                }
                ClassAt::Nowhere => first_entry(text, |l| Some(format!("{l}\tperson"))),
            };
            let err = expect_error(check, &replace_line(text, i, &new), i, "a misspelt class");
            let expected = if matches!(check.class, ClassAt::Nowhere) { "column" } else { "unknown" };
            assert!(err.message.contains(expected), "{err}");
        }
    }

    #[test]
    fn a_stray_column_is_an_error_at_its_line() {
        for check in all() {
            let (i, line) = first_entry(check.file.text, |l| Some(l.to_string()));
            let text = replace_line(check.file.text, i, &format!("{line}\tx\tx\tx\tx\tx"));
            let err = expect_error(check, &text, i, "a stray column");
            assert!(err.message.contains("column"), "{err}");
        }
    }

    #[test]
    fn a_duplicate_is_an_error_at_its_line() {
        for check in all() {
            let (i, line) = first_entry(check.file.text, |l| Some(l.to_string()));
            let text = replace_line(check.file.text, i, &format!("{line}\n{line}"));
            let err = expect_error(check, &text, i + 1, "a duplicate line");
            assert!(err.message.contains("duplicate"), "{err}");
        }
    }

    #[test]
    fn lines_are_those_of_str_lines() {
        for text in ["", "\n", "a", "a\n", "a\r\nb", "a\n\nb\r\n", "\r\n\r", "a\rb\n", "é\nü\r\n€", "x\r"] {
            assert_eq!(lines(text).collect::<Vec<_>>(), text.lines().collect::<Vec<_>>(), "{text:?}");
        }
        for check in all() {
            assert!(lines(check.file.text).eq(check.file.text.lines()), "{}", check.file.path);
        }
        for line in ["", "a", "\t", "a\tb", "a\t\tb\t", "é\tü"] {
            assert!(tab_separated(line).eq(line.split('\t')), "{line:?}");
        }
    }

    #[test]
    fn messages_name_the_file_and_line() {
        let file = DataFile { path: "crates/core/data/x.txt", text: "# a list\n\n[one]\na\n[two]\nb\tc\n" };
        let err = file.section_entries(["one", "two"]).unwrap_err();
        assert_eq!(err.to_string(), "crates/core/data/x.txt:6: expected one column (no tab), found 2");
        let err = file.section_entries(["one"]).unwrap_err();
        assert_eq!(err.to_string(), "crates/core/data/x.txt:5: unknown section [two] (expected \"one\")");
        let file = DataFile { path: "x.txt", text: "a\n b\n" };
        assert_eq!(file.entries().unwrap_err().message, "leading or trailing whitespace");
        let line = Line { path: "x.txt", number: 3, text: "Mr\tq" };
        let err = line.class("q", &[("h", 1), ("t", 2), ("a", 3)]).unwrap_err();
        assert_eq!(err.to_string(), "x.txt:3: unknown class \"q\" (expected \"h\", \"t\" or \"a\")");
    }
}
