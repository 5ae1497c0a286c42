"""byline.spark.parse in local[2] against parse_many: the first 2,000 BBC News articles.

Spark starts first and parses the articles once (Python workers up, each with its parser), then
each side runs RUNS times, interleaved, and the fastest run counts (the machine is shared):
- Spark: a cached DataFrame of the records, parsed by `byline.spark.parse` and written to
  Spark's `noop` sink, which computes every row and stores none;
- parse_many: the same records, a list of dicts in this process, on every core.

The issue's bar: Spark's time at most 1.5 times parse_many's. Run it with the Python that has
byline and pyspark installed, with a Java runtime: `make bench-spark`.
"""

from __future__ import annotations

import argparse
import os
import sys

import byline
import byline.spark
from common import best, read_jsonl, shared_data

N = 2000
RUNS = 3
BAR = 1.5



def main() -> None:
    cli = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    cli.add_argument("--partitions", type=int, default=2, help="partitions of the input (default 2, one per core)")
    cli.add_argument("--tables", default=None, help="parse(tables=...): a table name, default the article rows")
    args = cli.parse_args()

    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    spark = (
        SparkSession.builder.master("local[2]")
        .appName("byline-bench")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    records = read_jsonl(shared_data() / "corpora" / "bbc_news.jsonl")[:N]
    mb = sum(len(r["text"].encode()) for r in records) / 1e6
    df = spark.createDataFrame(records, "id string, text string").repartition(args.partitions).cache()
    df.count()
    parsed = byline.spark.parse(df, tables=args.tables)

    def on_spark() -> None:
        parsed.write.format("noop").mode("overwrite").save()

    def in_process() -> None:
        byline.parse_many(records)

    on_spark()  # warm-up: Python workers started, parsers built
    t_spark, t_many = best([on_spark, in_process], RUNS)
    rows = parsed.count()
    spark.stop()

    what = f"tables={args.tables!r}" if args.tables else "article rows"
    print(f"{len(records)} BBC articles, {mb:.2f} MB, best of {RUNS} runs, 2 cores")
    print(f"{'':46} {'seconds':>8} {'articles/s':>11} {'MB/s':>6}")
    for name, t in (
        (f"byline.spark.parse, local[2], {args.partitions} partitions", t_spark),
        ("byline.parse_many, 2 threads", t_many),
    ):
        print(f"{name:46} {t:8.3f} {len(records) / t:11.0f} {mb / t:6.2f}")
    ratio = t_spark / t_many
    print(f"output: {rows} rows ({what})")
    print(f"bar: Spark within {BAR}x parse_many: {'met' if ratio <= BAR else 'NOT met'} ({ratio:.2f}x)")


if __name__ == "__main__":
    main()
