//! Column value types and (with the `parquet` feature) their arrow arrays.

#[cfg(feature = "parquet")]
use std::sync::Arc;

#[cfg(feature = "parquet")]
use arrow_array::{ArrayRef, Float64Array, Int64Array, StringArray};
#[cfg(feature = "parquet")]
use arrow_schema::DataType;

/// The type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnKind {
    /// Text, never null.
    Text,
    /// Text or null.
    OptionalText,
    /// A 64-bit integer, never null.
    Int,
    /// A 64-bit integer or null.
    OptionalInt,
    /// A 64-bit float, never null (shares in the study tables of `byline stats`).
    Float,
}

impl ColumnKind {
    /// The arrow type of the column.
    #[cfg(feature = "parquet")]
    pub fn arrow_type(self) -> DataType {
        match self {
            ColumnKind::Text | ColumnKind::OptionalText => DataType::Utf8,
            ColumnKind::Int | ColumnKind::OptionalInt => DataType::Int64,
            ColumnKind::Float => DataType::Float64,
        }
    }

    /// True when the column can hold nulls.
    pub fn nullable(self) -> bool {
        matches!(self, ColumnKind::OptionalText | ColumnKind::OptionalInt)
    }

    /// A short name for documentation: `text`, `text?`, `int`, `int?`, `float`.
    pub fn as_str(self) -> &'static str {
        match self {
            ColumnKind::Text => "text",
            ColumnKind::OptionalText => "text?",
            ColumnKind::Int => "int",
            ColumnKind::OptionalInt => "int?",
            ColumnKind::Float => "float",
        }
    }
}

/// A Rust type that can be a column.
pub trait Cell: Sized {
    /// Its column type.
    const KIND: ColumnKind;
    /// Builds the arrow array of a column.
    #[cfg(feature = "parquet")]
    fn array<'a>(values: impl Iterator<Item = &'a Self>) -> ArrayRef
    where
        Self: 'a;
}

impl Cell for String {
    const KIND: ColumnKind = ColumnKind::Text;
    #[cfg(feature = "parquet")]
    fn array<'a>(values: impl Iterator<Item = &'a Self>) -> ArrayRef {
        Arc::new(StringArray::from_iter_values(values))
    }
}

impl Cell for Option<String> {
    const KIND: ColumnKind = ColumnKind::OptionalText;
    #[cfg(feature = "parquet")]
    fn array<'a>(values: impl Iterator<Item = &'a Self>) -> ArrayRef {
        Arc::new(values.map(|v| v.as_deref()).collect::<StringArray>())
    }
}

impl Cell for i64 {
    const KIND: ColumnKind = ColumnKind::Int;
    #[cfg(feature = "parquet")]
    fn array<'a>(values: impl Iterator<Item = &'a Self>) -> ArrayRef {
        Arc::new(Int64Array::from_iter_values(values.copied()))
    }
}

impl Cell for Option<i64> {
    const KIND: ColumnKind = ColumnKind::OptionalInt;
    #[cfg(feature = "parquet")]
    fn array<'a>(values: impl Iterator<Item = &'a Self>) -> ArrayRef {
        Arc::new(values.copied().collect::<Int64Array>())
    }
}

impl Cell for f64 {
    const KIND: ColumnKind = ColumnKind::Float;
    #[cfg(feature = "parquet")]
    fn array<'a>(values: impl Iterator<Item = &'a Self>) -> ArrayRef {
        Arc::new(Float64Array::from_iter_values(values.copied()))
    }
}
