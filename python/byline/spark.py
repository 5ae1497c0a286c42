"""byline on Apache Spark: Spark distributes, byline parses.

``byline.spark.parse(df)`` parses a DataFrame's articles with ``DataFrame.mapInArrow``: each Arrow
batch of rows goes to the batch engine in the executor's Python worker, which parses it on the
task's cores with the GIL released and hands back Arrow batches. The output schema comes from the
batch engine's table definitions (the schema ``byline.to_arrow`` uses), so it is declared once.
A row that cannot be parsed (null, not UTF-8, binary, over ``max_bytes``) becomes a row with
``error`` set, with the reason ``byline batch`` gives; it never fails the task.

Needs ``pip install "byline[spark]"`` (pyspark and pyarrow) and a Java runtime; ``import byline``
does not import pyspark. On a cluster, every executor needs the byline wheel (``docs/spark.md``).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from byline._byline import ArrowBatch, Parser, parse_rows
from byline._tables import TABLES, TableName, _require, arrow_schema

if TYPE_CHECKING:
    import pyarrow
    from pyspark.sql import DataFrame
    from pyspark.sql.types import StructType

__all__ = ["DEFAULT_MAX_BYTES", "NESTED", "arrow_schema_of", "parse", "schema"]

#: The largest article ``parse`` accepts by default, in bytes: news articles are well under
#: 1 MB, and a larger row (a PDF dump, a whole feed in one cell) would hold a task for minutes.
DEFAULT_MAX_BYTES = 16 << 20

#: The tables that are arrays of structs in an article row (``parse`` without ``tables``).
NESTED: tuple[TableName, ...] = ("quotes", "entities", "timexes")


def arrow_schema_of(tables: TableName | None = None) -> pyarrow.Schema:
    """The Arrow schema of ``parse``'s output.

    With a table name, that table's schema, as ``byline.to_arrow`` gives it. Without, one row per
    article: the ``articles`` table's columns, with its ``quotes``, ``entities`` and ``timexes``
    counts replaced by arrays of structs holding those tables' rows (their columns less
    ``article_id``); the counts are the arrays' sizes.

    Raises:
        InvalidOptionError: ``tables`` is not a table name.
    """
    if tables is not None:
        return arrow_schema(tables)
    pa = _require("pyarrow", "spark")
    fields = [f for f in arrow_schema("articles") if f.name not in NESTED]
    for table in NESTED:
        item = pa.struct([f for f in arrow_schema(table) if f.name != "article_id"])
        fields.append(pa.field(table, pa.list_(item), nullable=False))
    return pa.schema(fields)


def schema(tables: TableName | None = None) -> StructType:
    """The Spark schema of ``parse``'s output: ``arrow_schema_of(tables)`` in Spark types."""
    types = _require("pyspark.sql.pandas.types", "spark")
    result: StructType = types.from_arrow_schema(arrow_schema_of(tables))
    return result


@functools.lru_cache(maxsize=None)
def _parser(max_bytes: int) -> Parser:
    """The parser of this process (a Python worker, or the driver checking the options): built
    on first use, reused for every later batch."""
    return Parser(max_bytes=max_bytes)


def _task_threads() -> int:
    """The cores Spark gave the running task (``spark.task.cpus``), 1 outside a task."""
    from pyspark import TaskContext

    context = TaskContext.get()
    return max(1, context.cpus()) if context is not None else 1


# The input columns inside the job, renamed so that they cannot collide with each other.
_CONTENT, _ID, _PUBLISHED, _URL = "__byline_content", "__byline_id", "__byline_published", "__byline_url"


def _column(batch: pyarrow.RecordBatch, name: str) -> list[Any] | None:
    index = batch.schema.get_field_index(name)
    return None if index < 0 else batch.column(index).to_pylist()


def _list_array(pa: Any, counts: list[int], values: pyarrow.StructArray, type_: pyarrow.DataType) -> Any:
    offsets = pa.array(list(itertools.accumulate(counts, initial=0)), pa.int32())
    return pa.ListArray.from_arrays(offsets, values, type=type_)


def _output_batch(
    pa: Any, out: pyarrow.Schema, table: TableName | None, parsed: dict[str, tuple[list[int], ArrowBatch]]
) -> pyarrow.RecordBatch:
    """The Arrow batch of parsed rows in the output schema (the tables' batches come from the
    batch engine as Arrow already; nesting them moves no data)."""
    if table is not None:
        return pa.record_batch(parsed[table][1])
    articles = pa.record_batch(parsed["articles"][1])
    arrays = []
    for field in out:
        if field.name in NESTED:
            counts, batch = parsed[field.name]
            rows = pa.record_batch(batch)
            item = field.type.value_type
            values = pa.StructArray.from_arrays([rows.column(f.name) for f in item], fields=list(item))
            arrays.append(_list_array(pa, counts, values, field.type))
        else:
            arrays.append(articles.column(field.name))
    return pa.RecordBatch.from_arrays(arrays, schema=out)


def _parse_batches(
    batches: Iterator[pyarrow.RecordBatch], *, table: TableName | None, html: bool, name: str, max_bytes: int
) -> Iterator[pyarrow.RecordBatch]:
    """The function ``mapInArrow`` runs in each Python worker, over one partition's batches."""
    pa = _require("pyarrow", "spark")
    parser = _parser(max_bytes)
    threads = _task_threads()
    out = arrow_schema_of(table)
    wanted = ["articles", *NESTED] if table is None else [table]
    for batch in batches:
        content = _column(batch, _CONTENT)
        assert content is not None, "the job selects the content column"
        parsed = parse_rows(
            parser,
            content,
            wanted,
            name=name,
            html=html,
            ids=_column(batch, _ID),
            published=_column(batch, _PUBLISHED),
            urls=_column(batch, _URL),
            threads=threads,
        )
        yield _output_batch(pa, out, table, parsed)


def parse(
    df: DataFrame,
    *,
    text: str = "text",
    html: str | None = None,
    id: str | None = "id",
    published: str | None = None,
    url: str | None = None,
    tables: TableName | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> DataFrame:
    """Parses the articles of a Spark DataFrame, on the executors.

    Args:
        df: The input; only the columns named below are read.
        text: The column of article texts (string or binary; binary must be UTF-8).
        html: The column of HTML pages (string or binary, any declared encoding); when given,
            pages are read from it and ``text`` is not used.
        id: The column of ids, the output's ``article_id`` (cast to string); ``None`` for none.
        published: The column of publication dates (date, timestamp, or ``YYYY-MM-DD`` string).
        url: The column of the pages' URLs (with ``html``).
        tables: ``None`` for one row per input row, the article as typed columns with its quotes,
            entities and timexes as arrays of structs (``schema()``); or ``"articles"``,
            ``"quotes"``, ``"entities"``, ``"mentions"`` or ``"timexes"`` for that flat table,
            with the columns of ``byline.to_arrow`` and ``byline batch --tables``.
        max_bytes: Largest text or page parsed, in bytes; a larger one is an error row.

    Returns:
        A DataFrame with ``schema(tables)``. A row that could not be parsed has ``error`` set
        (in ``tables="articles"`` or the article rows) and gives no rows in the other tables.

    Raises:
        ValueError: A named column is not in ``df``.
        InvalidOptionError: ``tables`` is not a table name, or ``max_bytes`` is 0.
        ImportError: pyspark or pyarrow is not installed.
    """
    functions = _require("pyspark.sql.functions", "spark")
    if tables is not None and tables not in TABLES:
        arrow_schema(tables)  # raises InvalidOptionError naming the tables
    _parser(max_bytes)  # an impossible option fails here, not in every task
    content = html if html is not None else text
    wanted = {_CONTENT: content, _ID: id, _PUBLISHED: published, _URL: url}
    missing = [name for name in wanted.values() if name is not None and name not in df.columns]
    if missing:
        raise ValueError(f"no column {', '.join(map(repr, missing))} in the DataFrame (it has {df.columns})")
    selected = [functions.col(content).cast("binary").alias(_CONTENT)]
    if id is not None:
        selected.append(functions.col(id).cast("string").alias(_ID))
    if published is not None:  # dates, timestamps and strings all reach the parser as they are
        selected.append(functions.col(published).alias(_PUBLISHED))
    if url is not None:
        selected.append(functions.col(url).cast("string").alias(_URL))
    run = functools.partial(
        _parse_batches, table=tables, html=html is not None, name=content, max_bytes=max_bytes
    )
    result: DataFrame = df.select(*selected).mapInArrow(run, schema(tables))
    return result
