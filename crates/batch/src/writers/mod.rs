//! Writers: Article JSON Lines, and the flat tables as CSV and Parquet.

mod jsonl;
#[cfg(feature = "parquet")]
mod parquet_file;
mod tables;

pub use jsonl::JsonlWriter;
pub use tables::{write_table, TableFormats, TablesWriter};
