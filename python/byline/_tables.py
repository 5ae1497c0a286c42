"""DataFrames of parsed articles: the flat tables of ``byline batch --tables``, one call away.

The rows and columns come from the batch engine (``byline_batch::tables``), so a DataFrame made
here has the same columns, in the same order, as the CSV and Parquet files the CLI writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Literal

from byline._byline import Article, table_columns

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = ["TABLES", "arrow_schema", "to_arrow", "to_pandas"]

TableName = Literal["articles", "quotes", "entities", "mentions", "timexes"]
TABLES: tuple[TableName, ...] = ("articles", "quotes", "entities", "mentions", "timexes")


def _columns(articles: Article | Iterable[Article], table: str) -> tuple[list[tuple[str, str]], dict[str, list[Any]]]:
    items = [articles] if isinstance(articles, Article) else articles
    return table_columns(items, table)


def _require(package: str, extra: str = "pandas") -> Any:
    """The optional dependency `package`, or an ImportError that says which extra installs it."""
    try:
        return importlib.import_module(package)
    except ImportError as e:
        raise ImportError(f"{package} is needed for this: pip install 'byline[{extra}]'") from e


def arrow_schema(table: TableName) -> pyarrow.Schema:
    """The pyarrow schema of one of the flat tables: the columns of ``byline batch --tables``.

    ``string`` and ``int64`` columns, nullable where the column can be empty. ``to_arrow`` and
    ``byline.spark`` both use it, so there is one definition of the tables in Python: the
    batch engine's.

    Raises:
        InvalidOptionError: ``table`` is not one of the five names.
        ImportError: pyarrow is not installed.
    """
    pa = _require("pyarrow")
    schema, _ = table_columns([], table)
    types = {"text": pa.string(), "int": pa.int64()}
    return pa.schema([pa.field(name, types[kind.rstrip("?")], nullable=kind.endswith("?")) for name, kind in schema])


def to_pandas(articles: Article | Iterable[Article], table: TableName = "articles") -> pandas.DataFrame:
    """One of the flat tables as a pandas DataFrame.

    Args:
        articles: An article or an iterable of articles (from ``parse``, ``parse_many``, ...).
        table: ``"articles"`` (one row per article), ``"quotes"``, ``"entities"``, ``"mentions"``
            or ``"timexes"``.

    Returns:
        A DataFrame with the columns of ``byline batch --tables``: text columns as pandas
        strings, counts and offsets as (nullable) ``Int64``; offsets are code points.

    Raises:
        InvalidOptionError: ``table`` is not one of the five names.
        ImportError: pandas is not installed.
    """
    pd = _require("pandas")
    schema, data = _columns(articles, table)
    dtypes = {"text": "string", "text?": "string", "int": "Int64", "int?": "Int64"}
    return pd.DataFrame({name: pd.array(data[name], dtype=dtypes[kind]) for name, kind in schema})


def to_arrow(articles: Article | Iterable[Article], table: TableName = "articles") -> pyarrow.Table:
    """One of the flat tables as a pyarrow Table, with the schema of the CLI's Parquet files.

    Args:
        articles: An article or an iterable of articles.
        table: ``"articles"``, ``"quotes"``, ``"entities"``, ``"mentions"`` or ``"timexes"``.

    Returns:
        A pyarrow Table: ``string`` and ``int64`` columns, nullable where the column can be empty.

    Raises:
        InvalidOptionError: ``table`` is not one of the five names.
        ImportError: pyarrow is not installed.
    """
    pa = _require("pyarrow")
    schema = arrow_schema(table)
    _, data = _columns(articles, table)
    return pa.table({name: data[name] for name in schema.names}, schema=schema)
