//! One Parquet table file, written in row groups as rows arrive.

use std::fs::File;
use std::io;

use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::{EnabledStatistics, WriterProperties};

use crate::tables::TableRow;

/// Rows are buffered and written as a row group of this many, so memory stays flat.
const ROW_GROUP: usize = 16 * 1024;
/// Longest min/max statistic kept for a text column: the writer holds the statistics of every
/// row group until the file is closed, and article text makes long ones.
const STATISTICS_LENGTH: usize = 64;

pub(crate) struct ParquetFile<R> {
    writer: ArrowWriter<File>,
    buffer: Vec<R>,
}

impl<R: TableRow> ParquetFile<R> {
    pub(crate) fn create(file: File) -> io::Result<ParquetFile<R>> {
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .set_max_row_group_row_count(Some(ROW_GROUP))
            // Row-group statistics only: page indexes grow with the file and are held until it closes.
            .set_statistics_enabled(EnabledStatistics::Chunk)
            .set_statistics_truncate_length(Some(STATISTICS_LENGTH))
            .build();
        let writer = ArrowWriter::try_new(file, R::schema(), Some(props)).map_err(io::Error::other)?;
        Ok(ParquetFile { writer, buffer: Vec::new() })
    }

    pub(crate) fn push(&mut self, row: R) -> io::Result<()> {
        self.buffer.push(row);
        if self.buffer.len() >= ROW_GROUP {
            self.write_buffer()?;
        }
        Ok(())
    }

    fn write_buffer(&mut self) -> io::Result<()> {
        if !self.buffer.is_empty() {
            self.writer.write(&R::record_batch(&self.buffer)).map_err(io::Error::other)?;
            self.buffer.clear();
        }
        Ok(())
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.write_buffer()?;
        self.writer.close().map_err(io::Error::other)?;
        Ok(())
    }
}
