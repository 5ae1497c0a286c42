//! Flat tables for spreadsheets and DataFrames: `articles`, `quotes`, `entities`, `mentions`
//! and `timexes`, one row struct each.
//!
//! This module is the one place where an [`Article`](byline_core::Article) becomes rows: the
//! `byline --tables` CSV and Parquet files, `byline stats` and the Python DataFrames all come
//! from [`Rows`], so their columns are the same. Rows are made from the JSON contract's structs
//! ([`WireArticle`](byline_core::json::WireArticle), `docs/schema.md`): from a live parse
//! directly, and from `byline batch` output read back into the same structs.
//! Offsets are Unicode code point offsets into the article text, as in the JSON; list values
//! (authors, titles, roles) are joined with `"; "`.
//!
//! ```
//! use byline_batch::tables::{Rows, Table};
//!
//! let parser = byline_core::Parser::new();
//! let mut article = parser.parse("Storm Hits Coast\n\nThe storm arrived on Monday.", None).unwrap();
//! article.id = Some("a1".into());
//! let rows = Rows::from_article(&article);
//! assert_eq!(rows.articles[0].article_id.as_deref(), Some("a1"));
//! assert_eq!(rows.articles[0].title.as_deref(), Some("Storm Hits Coast"));
//! assert_eq!(Table::Quotes.columns()[0].name, "article_id");
//! # #[cfg(feature = "parquet")] {
//! let batch = Rows::record_batch(&rows.articles); // an arrow RecordBatch (`parquet` feature)
//! assert_eq!(batch.num_rows(), 1);
//! # }
//! ```

mod cell;
mod flatten;
mod rows;

pub use cell::{Cell, ColumnKind};
pub use flatten::Rows;
pub use rows::{ArticleRow, EntityRow, MentionRow, QuoteRow, TimexRow};

#[cfg(feature = "parquet")]
use arrow_array::RecordBatch;
use serde::Serialize;

/// One column of a table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Column {
    /// The column name, the same in CSV, Parquet and DataFrames.
    pub name: &'static str,
    /// Its type.
    pub kind: ColumnKind,
    /// What it holds.
    pub doc: &'static str,
}

/// The five tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    /// One row per input record, parsed or failed.
    Articles,
    /// One row per quote.
    Quotes,
    /// One row per entity (a referent, with all its mentions).
    Entities,
    /// One row per entity mention.
    Mentions,
    /// One row per time expression.
    Timexes,
}

impl Table {
    /// Every table, in a fixed order.
    pub const ALL: [Table; 5] = [Table::Articles, Table::Quotes, Table::Entities, Table::Mentions, Table::Timexes];

    /// The table's name, also its file name stem: `articles`, `quotes`, ...
    pub fn name(self) -> &'static str {
        match self {
            Table::Articles => ArticleRow::TABLE_NAME,
            Table::Quotes => QuoteRow::TABLE_NAME,
            Table::Entities => EntityRow::TABLE_NAME,
            Table::Mentions => MentionRow::TABLE_NAME,
            Table::Timexes => TimexRow::TABLE_NAME,
        }
    }

    /// The table's columns, in order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            Table::Articles => ArticleRow::COLUMNS,
            Table::Quotes => QuoteRow::COLUMNS,
            Table::Entities => EntityRow::COLUMNS,
            Table::Mentions => MentionRow::COLUMNS,
            Table::Timexes => TimexRow::COLUMNS,
        }
    }

    /// The table's one-line description.
    pub fn doc(self) -> &'static str {
        match self {
            Table::Articles => ArticleRow::TABLE_DOC,
            Table::Quotes => QuoteRow::TABLE_DOC,
            Table::Entities => EntityRow::TABLE_DOC,
            Table::Mentions => MentionRow::TABLE_DOC,
            Table::Timexes => TimexRow::TABLE_DOC,
        }
    }
}

/// A row of one of the tables: serialisable (CSV, Python dicts) and convertible to arrow.
pub trait TableRow: Serialize + Send + Sized {
    /// The table's name.
    const TABLE_NAME: &'static str;
    /// The table's description.
    const TABLE_DOC: &'static str;
    /// The table's columns, in field order.
    const COLUMNS: &'static [Column];

    /// The arrow schema of the table.
    #[cfg(feature = "parquet")]
    fn schema() -> arrow_schema::SchemaRef {
        let fields: Vec<_> = Self::COLUMNS
            .iter()
            .map(|c| arrow_schema::Field::new(c.name, c.kind.arrow_type(), c.kind.nullable()))
            .collect();
        std::sync::Arc::new(arrow_schema::Schema::new(fields))
    }

    /// Rows as an arrow record batch with [`TableRow::schema`].
    #[cfg(feature = "parquet")]
    fn record_batch(rows: &[Self]) -> RecordBatch;
}

#[cfg(feature = "parquet")]
impl Rows {
    /// Rows of any table as an arrow record batch.
    pub fn record_batch<R: TableRow>(rows: &[R]) -> RecordBatch {
        R::record_batch(rows)
    }
}

/// Declares a table's row struct, its columns and its arrow conversion in one place.
macro_rules! table {
    (
        #[doc = $tdoc:literal]
        $name:literal => struct $row:ident {
            $( #[doc = $doc:literal] $field:ident $(as $col:literal)? : $ty:ty, )*
        }
    ) => {
        #[doc = $tdoc]
        #[derive(Clone, Debug, Default, PartialEq, serde::Serialize)]
        pub struct $row {
            $( #[doc = $doc] $(#[serde(rename = $col)])? pub $field: $ty, )*
        }

        impl $crate::tables::TableRow for $row {
            const TABLE_NAME: &'static str = $name;
            const TABLE_DOC: &'static str = $tdoc.trim_ascii();
            const COLUMNS: &'static [$crate::tables::Column] = &[$(
                $crate::tables::Column {
                    name: table!(@name $field $($col)?),
                    kind: <$ty as $crate::tables::Cell>::KIND,
                    doc: $doc.trim_ascii(),
                },
            )*];

            #[cfg(feature = "parquet")]
            fn record_batch(rows: &[$row]) -> arrow_array::RecordBatch {
                let columns = vec![$( <$ty as $crate::tables::Cell>::array(rows.iter().map(|r| &r.$field)), )*];
                arrow_array::RecordBatch::try_new(<$row as $crate::tables::TableRow>::schema(), columns)
                    .expect("columns match the schema")
            }
        }
    };
    (@name $field:ident $col:literal) => { $col };
    (@name $field:ident) => { stringify!($field) };
}
pub(crate) use table;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_headers_are_the_column_names() {
        fn header<R: TableRow + Default>() -> String {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.serialize(R::default()).unwrap();
            let out = String::from_utf8(w.into_inner().unwrap()).unwrap();
            out.lines().next().unwrap().to_string()
        }
        let names = |t: Table| t.columns().iter().map(|c| c.name).collect::<Vec<_>>().join(",");
        assert_eq!(header::<ArticleRow>(), names(Table::Articles));
        assert_eq!(header::<QuoteRow>(), names(Table::Quotes));
        assert_eq!(header::<EntityRow>(), names(Table::Entities));
        assert_eq!(header::<MentionRow>(), names(Table::Mentions));
        assert_eq!(header::<TimexRow>(), names(Table::Timexes));
        assert!(names(Table::Timexes).contains(",type,value,mod,"));
    }

    #[test]
    fn every_column_is_documented() {
        for t in Table::ALL {
            assert!(!t.doc().is_empty());
            for c in t.columns() {
                assert!(!c.doc.is_empty(), "{}.{}", t.name(), c.name);
            }
        }
    }
}
