//! `--tables DIR`: the five tables as CSV and/or Parquet files.

use std::fs::File;
use std::io::{self, BufWriter};
use std::path::Path;

#[cfg(feature = "parquet")]
use super::parquet_file::ParquetFile;
use crate::tables::{ArticleRow, EntityRow, MentionRow, QuoteRow, Rows, TableRow, TimexRow};

/// Which files to write for each table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TableFormats {
    /// `<table>.csv`, with a header row.
    pub csv: bool,
    /// `<table>.parquet`, Snappy-compressed. Needs the `parquet` feature (on by default).
    pub parquet: bool,
}

impl Default for TableFormats {
    fn default() -> TableFormats {
        TableFormats { csv: true, parquet: cfg!(feature = "parquet") }
    }
}

/// Writes [`Rows`] to `articles`, `quotes`, `entities`, `mentions` and `timexes` files in one
/// directory, as they arrive. Call [`TablesWriter::finish`] at the end (Parquet files are not
/// readable before).
pub struct TablesWriter {
    articles: TableFiles<ArticleRow>,
    quotes: TableFiles<QuoteRow>,
    entities: TableFiles<EntityRow>,
    mentions: TableFiles<MentionRow>,
    timexes: TableFiles<TimexRow>,
}

impl TablesWriter {
    /// Creates `dir` if needed, and the table files in it. Parquet files without the `parquet`
    /// feature are an [`io::ErrorKind::Unsupported`] error.
    pub fn create(dir: &Path, formats: TableFormats) -> io::Result<TablesWriter> {
        if formats.parquet && !cfg!(feature = "parquet") {
            let msg = "Parquet tables need byline-batch's `parquet` feature";
            return Err(io::Error::new(io::ErrorKind::Unsupported, msg));
        }
        std::fs::create_dir_all(dir).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
        Ok(TablesWriter {
            articles: TableFiles::create(dir, formats)?,
            quotes: TableFiles::create(dir, formats)?,
            entities: TableFiles::create(dir, formats)?,
            mentions: TableFiles::create(dir, formats)?,
            timexes: TableFiles::create(dir, formats)?,
        })
    }

    /// Appends `rows` to the tables.
    pub fn write(&mut self, rows: Rows) -> io::Result<()> {
        self.articles.write(rows.articles)?;
        self.quotes.write(rows.quotes)?;
        self.entities.write(rows.entities)?;
        self.mentions.write(rows.mentions)?;
        self.timexes.write(rows.timexes)
    }

    /// Flushes the CSV files and closes the Parquet files.
    pub fn finish(self) -> io::Result<()> {
        self.articles.finish()?;
        self.quotes.finish()?;
        self.entities.finish()?;
        self.mentions.finish()?;
        self.timexes.finish()
    }
}

/// Writes one table of any [`TableRow`] type to `dir/<table>.csv` and/or `.parquet` at once
/// (the study tables of `byline stats`, which are made at the end of a run).
pub fn write_table<R: TableRow>(dir: &Path, formats: TableFormats, rows: Vec<R>) -> io::Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", dir.display())))?;
    let mut files = TableFiles::<R>::create(dir, formats)?;
    files.write(rows)?;
    files.finish()
}

struct TableFiles<R> {
    csv: Option<csv::Writer<BufWriter<File>>>,
    #[cfg(feature = "parquet")]
    parquet: Option<ParquetFile<R>>,
    #[cfg(not(feature = "parquet"))]
    parquet: std::marker::PhantomData<R>,
}

impl<R: TableRow> TableFiles<R> {
    fn create(dir: &Path, formats: TableFormats) -> io::Result<TableFiles<R>> {
        let open = |ext: &str| {
            let path = dir.join(format!("{}.{ext}", R::TABLE_NAME));
            File::create(&path).map_err(|e| io::Error::new(e.kind(), format!("{}: {e}", path.display())))
        };
        let csv = match formats.csv {
            true => {
                let mut w = csv::WriterBuilder::new().has_headers(false).from_writer(BufWriter::new(open("csv")?));
                // The header is written even when the table stays empty.
                w.write_record(R::COLUMNS.iter().map(|c| c.name))?;
                Some(w)
            }
            false => None,
        };
        #[cfg(feature = "parquet")]
        let parquet = match formats.parquet {
            true => Some(ParquetFile::create(open("parquet")?)?),
            false => None,
        };
        #[cfg(not(feature = "parquet"))]
        let parquet = std::marker::PhantomData;
        Ok(TableFiles { csv, parquet })
    }

    fn write(&mut self, rows: Vec<R>) -> io::Result<()> {
        for row in rows {
            if let Some(w) = &mut self.csv {
                w.serialize(&row)?;
            }
            #[cfg(feature = "parquet")]
            if let Some(p) = &mut self.parquet {
                p.push(row)?;
            }
        }
        Ok(())
    }

    fn finish(self) -> io::Result<()> {
        if let Some(mut w) = self.csv {
            w.flush()?;
        }
        #[cfg(feature = "parquet")]
        if let Some(p) = self.parquet {
            p.finish()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parquet_files_need_the_feature() {
        let dir = tempfile::tempdir().unwrap();
        let made = TablesWriter::create(dir.path(), TableFormats { csv: false, parquet: true });
        assert_eq!(made.is_ok(), cfg!(feature = "parquet"));
        assert_eq!(TableFormats::default().parquet, cfg!(feature = "parquet"));
        let csv_only = TablesWriter::create(dir.path(), TableFormats { csv: true, parquet: false }).unwrap();
        csv_only.finish().unwrap();
        assert!(dir.path().join("mentions.csv").exists());
    }
}
