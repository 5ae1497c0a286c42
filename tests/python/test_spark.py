"""byline.spark in local[2]: the same tables as parse_many, error rows instead of failed tasks.

One Spark session serves the whole module (starting one takes seconds). The tests skip, saying
why, when pyspark or a Java runtime is absent.
"""

from __future__ import annotations

import datetime
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import byline
import byline.spark
from conftest import ROOT, SEED, read_jsonl, shared_data

N_ARTICLES = 2000


def _spark_missing() -> str | None:
    try:
        import pyspark  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        return "pyspark or pyarrow is not installed (pip install 'byline[spark]')"
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        return "no Java runtime (apt-get install default-jre-headless)"
    return None


needs_spark = pytest.mark.skipif(_spark_missing() is not None, reason=str(_spark_missing()))


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    if (why := _spark_missing()) is not None:
        pytest.skip(why)
    from pyspark.sql import SparkSession

    # The executors' Python workers must be this Python, which has byline installed.
    os.environ["PYSPARK_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("byline-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


# Invented articles for when the BBC corpus is absent: quotes with speakers, places and dates.
_PEOPLE = ["Marta Quill", "Odo Brandt", "Lena Farrow", "Tomas Vell", "Ines Carraway", "Jun Okafor"]
_ORGS = ["the Harbour Authority", "the Ministry of Rivers", "Northgate Council", "the Coastal Union"]
_PLACES = ["Lisbon", "Oslo", "Nairobi", "Toronto", "Manila", "Quito"]
_TOPICS = ["the new bridge", "the ferry strike", "water prices", "the port expansion", "bus fares"]


def _generated(n: int) -> list[dict[str, Any]]:
    rng = random.Random(12)
    records = [{"id": "seed", "text": SEED.read_text(encoding="utf-8"), "published": "2023-02-25"}]
    for i in range(n - 1):
        person, other = rng.sample(_PEOPLE, 2)
        org, place, topic = rng.choice(_ORGS), rng.choice(_PLACES), rng.choice(_TOPICS)
        day = datetime.date(2024, 1, 1) + datetime.timedelta(days=rng.randrange(300))
        text = (
            f"{place} debates {topic}\n\n"
            f"{place.upper()} - Officials in {place} met on Monday to discuss {topic}.\n\n"
            f'"We cannot wait another year," said {person}, a spokesperson for {org}.\n\n'
            f"{other} said on Tuesday that {org} would publish a plan by March. "
            f'"The costs are rising," {other.split()[0]} added.\n\n'
            f"The talks resume next week."
        )
        records.append({"id": f"gen-{i}", "text": text, "published": day.isoformat()})
    return records


def _corpus() -> list[dict[str, Any]]:
    data = shared_data()
    path = data / "corpora" / "bbc_news.jsonl" if data is not None else None
    if path is not None and path.is_file():
        return [{"id": r["id"], "text": r["text"], "published": None} for r in read_jsonl(path, N_ARTICLES)]
    return _generated(N_ARTICLES)


@pytest.fixture(scope="module")
def corpus(spark: Any) -> tuple[list[dict[str, Any]], Any]:
    """The records, and the same records as a DataFrame in two partitions."""
    records = _corpus()
    # A local list becomes defaultParallelism (2) partitions, in input order.
    df = spark.createDataFrame(records, "id string, text string, published string")
    return records, df


def _rows(table: Any) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = table.to_pylist()
    return rows


@needs_spark
@pytest.mark.parametrize("table", ["articles", "quotes", "entities"])
def test_tables_match_parse_many(corpus: tuple[list[dict[str, Any]], Any], table: str) -> None:
    records, df = corpus
    expected = byline.to_arrow(byline.parse_many(records), table)  # type: ignore[arg-type]
    out = byline.spark.parse(df, published="published", tables=table)  # type: ignore[arg-type]
    assert df.rdd.getNumPartitions() >= 2
    got = out.toArrow()
    assert got.schema.names == expected.schema.names
    assert got.num_rows == expected.num_rows > 0
    assert _rows(got) == _rows(expected)


@needs_spark
def test_article_rows_nest_the_tables(corpus: tuple[list[dict[str, Any]], Any]) -> None:
    records, df = corpus
    sample = records[:300]
    articles = byline.parse_many(sample)
    sub = df.limit(len(sample))
    got = _rows(byline.spark.parse(sub, published="published").toArrow())
    assert [r["article_id"] for r in got] == [r["id"] for r in sample]
    flat = _rows(byline.to_arrow(articles, "articles"))
    for table in byline.spark.NESTED:
        rows = _rows(byline.to_arrow(articles, table))
        by_article: dict[str, list[dict[str, Any]]] = {}
        for r in rows:
            by_article.setdefault(r.pop("article_id"), []).append(r)
        for article, row in zip(flat, got):
            assert row[table] == by_article.get(article["article_id"], [])
            assert len(row[table]) == article[table]
    for article, row in zip(flat, got):
        assert {k: v for k, v in article.items() if k not in byline.spark.NESTED} == {
            k: v for k, v in row.items() if k not in byline.spark.NESTED
        }
    assert byline.spark.schema().fieldNames() == list(got[0])


@needs_spark
def test_bad_rows_become_error_rows(spark: Any) -> None:
    from pyspark.sql.types import BinaryType, StringType, StructField, StructType

    huge = ("Headline\n\n" + "A sentence that goes on. " * 2_100_000).encode()
    assert len(huge) > 50_000_000
    rows = [
        ("good", "Harbour Reopens\n\nThe harbour reopened on Monday, officials said.".encode(), "2024-03-01"),
        ("null", None, None),
        ("latin1", "Caf\xe9 Opens\n\nThe caf\xe9 opened.".encode("latin-1"), None),
        ("binary", bytes(range(256)) * 8, None),
        ("bad-date", b"Headline\n\nBody text.", "2024-02-30"),
        ("huge", huge, None),
        ("good-2", b"Late Result\n\nThe count ended on Friday.", None),
    ]
    schema = StructType(
        [StructField("id", StringType()), StructField("body", BinaryType()), StructField("day", StringType())]
    )
    df = spark.createDataFrame(rows, schema)
    got = {
        r["article_id"]: r
        for r in _rows(byline.spark.parse(df, text="body", published="day", tables="articles").toArrow())
    }
    assert list(got) == [r[0] for r in rows]
    assert got["good"]["error"] is None and got["good"]["title"] == "Harbour Reopens"
    assert got["good-2"]["error"] is None and got["good-2"]["published"] is None
    assert got["null"]["error"] == 'column "body" is null'
    assert "UTF-8" in got["latin1"]["error"]
    assert "binary" in got["binary"]["error"]
    assert "2024-02-30" in got["bad-date"]["error"]
    assert str(byline.spark.DEFAULT_MAX_BYTES) in got["huge"]["error"]
    for key in ("null", "latin1", "binary", "bad-date", "huge"):
        assert got[key]["title"] is None and got[key]["quotes"] == 0, key
    # The same failures as parse_many gives, one record at a time.
    with pytest.raises(byline.InvalidInputError, match="UTF-8"):
        byline.parse_many([rows[2][1]])
    # Failed rows have no rows in the other tables, and the job still succeeds.
    quotes = byline.spark.parse(df, text="body", tables="quotes").toArrow()
    assert set(quotes.column("article_id").to_pylist()) <= {"good", "good-2"}


@needs_spark
def test_nulls_in_optional_columns(spark: Any) -> None:
    from pyspark.sql.types import DateType, StringType, StructField, StructType

    schema = StructType(
        [StructField("id", StringType()), StructField("text", StringType()), StructField("published", DateType())]
    )
    text = "Council Votes\n\nThe council voted on Friday to close the bridge, its chair said."
    rows = [(None, text, None), ("b", text, datetime.date(2024, 5, 17)), (None, text, datetime.date(2024, 5, 17))]
    df = spark.createDataFrame(rows, schema)
    got = _rows(byline.spark.parse(df, published="published").toArrow())
    assert [r["article_id"] for r in got] == [None, "b", None]
    assert [r["error"] for r in got] == [None, None, None]
    assert [r["published"] for r in got] == [None, "2024-05-17", "2024-05-17"]
    expected = byline.parse(text, published="2024-05-17")
    assert [t["value"] for t in got[1]["timexes"]] == [t.value for t in expected.timexes]
    # Without an id column at all.
    no_ids = _rows(byline.spark.parse(df.select("text"), id=None, tables="articles").toArrow())
    assert [r["article_id"] for r in no_ids] == [None, None, None]


@needs_spark
def test_html_pages(spark: Any) -> None:
    page = (
        "<html><head><title>Tide Tables Change | Valley Gazette</title></head><body>"
        "<article><h1>Tide Tables Change</h1><p>The harbour master said on Monday that the tables "
        '&ldquo;will change in June.&rdquo;</p><p>"It is overdue," said Pia Lund, a pilot.</p></article>'
        "</body></html>"
    )
    url = "https://news.example.org/2024/05/20/tide-tables"
    df = spark.createDataFrame([("p1", page, url), ("p2", None, None)], "id string, page string, url string")
    got = _rows(byline.spark.parse(df, html="page", url="url", tables="articles").toArrow())
    expected = byline.to_arrow(byline.parse_html(page, url=url), "articles").to_pylist()[0]
    expected["article_id"] = "p1"
    assert got[0] == expected
    assert got[1]["error"] == 'column "page" is null'


@needs_spark
def test_options_are_checked_before_the_job(spark: Any) -> None:
    df = spark.createDataFrame([("a", "Text")], "id string, text string")
    with pytest.raises(ValueError, match="'body'"):
        byline.spark.parse(df, text="body")
    with pytest.raises(byline.InvalidOptionError, match="quotes"):
        byline.spark.parse(df, tables="speakers")  # type: ignore[arg-type]
    with pytest.raises(byline.InvalidOptionError):
        byline.spark.parse(df, max_bytes=0)


def test_import_byline_does_not_import_pyspark() -> None:
    code = "import sys, byline, byline.spark; assert 'pyspark' not in sys.modules, 'pyspark imported'"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
