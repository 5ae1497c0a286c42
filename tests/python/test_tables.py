"""DataFrames: `to_pandas` and `to_arrow` give the columns (and values) of `byline batch --tables`."""

from __future__ import annotations

import csv
import json
import os
import subprocess
from pathlib import Path

import pytest

import byline
from conftest import ROOT
from helpers import build_article, offset_cases

pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install 'byline[pandas]')")
pa = pytest.importorskip("pyarrow", reason="pyarrow is not installed (pip install 'byline[pandas]')")


def articles() -> list[byline.Article]:
    return [build_article(c) for c in offset_cases()]


def test_tables_have_rows_for_every_annotation() -> None:
    arts = articles()
    assert len(byline.to_pandas(arts, "articles")) == len(arts)
    assert len(byline.to_pandas(arts, "quotes")) == sum(len(a.quotes) for a in arts)
    assert len(byline.to_pandas(arts, "entities")) == sum(len(a.entities) for a in arts)
    assert len(byline.to_pandas(arts, "mentions")) == sum(len(a.mentions) for a in arts)
    assert len(byline.to_pandas(arts, "timexes")) == sum(len(a.timexes) for a in arts)
    assert list(byline.to_pandas(arts[0]).columns) == list(byline.to_pandas(arts, "articles").columns)


def test_mention_rows_carry_their_kind() -> None:
    arts = articles()
    m = byline.to_pandas(arts, "mentions")
    assert list(m["kind"]) == [x.kind for a in arts for e in a.entities for x in e.mentions]
    assert set(m["kind"]) == {"name", "nominal"}
    assert "kind" in byline.to_arrow(arts, "mentions").column_names


def test_quote_rows_carry_speakers_and_offsets() -> None:
    art = articles()[0]
    q = byline.to_pandas(art, "quotes")
    assert list(q["quote_id"]) == [x.id for x in art.quotes]
    assert list(q["speaker_name"]) == ["Zoë Ångström", "Zoë Ångström"]
    assert list(q["speaker_label"]) == ["PERSON", "PERSON"]
    for row in q.itertuples():
        assert art.text[row.start : row.end] == row.text
    assert str(q["start"].dtype) == "Int64" and str(q["text"].dtype) == "string"


def test_arrow_schema_matches_pandas() -> None:
    arts = articles()
    for table in byline.TABLES:
        t = byline.to_arrow(arts, table)
        df = byline.to_pandas(arts, table)
        assert t.column_names == list(df.columns)
        assert t.num_rows == len(df)
        for field in t.schema:
            assert field.type in (pa.string(), pa.int64())
    assert not byline.to_arrow(arts, "quotes").schema.field("quote_id").nullable
    assert byline.to_arrow(arts, "quotes").schema.field("speaker_name").nullable


def test_empty_and_bad_input() -> None:
    empty = byline.to_pandas([], "quotes")
    assert len(empty) == 0 and "speaker_name" in empty.columns
    with pytest.raises(byline.InvalidOptionError, match="quotes"):
        byline.to_pandas(articles(), "speakers")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        byline.to_pandas(["not an article"], "quotes")  # type: ignore[list-item]


def cli_binary() -> Path | None:
    """The `byline` binary of this checkout, built (debug) if needed; None without cargo."""
    try:
        subprocess.run(["cargo", "build", "-q", "--bin", "byline"], cwd=ROOT, check=True, timeout=900)
    except (OSError, subprocess.CalledProcessError):
        return None
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "debug" / "byline"


def test_same_columns_and_values_as_the_cli_tables(tmp_path: Path, seed_text: str) -> None:
    binary = cli_binary()
    if binary is None:
        pytest.skip("cannot build the byline binary (no cargo?); skipping the CLI comparison")
    records = [
        {"id": "seed", "text": seed_text, "published": "2023-02-25"},
        {"id": "small", "text": "Storm Hits Coast\n\nThe storm arrived on Monday. Mr. Smith said “it was bad.”"},
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    subprocess.run(
        [binary, "batch", src, "-o", tmp_path / "out.jsonl", "--tables", tmp_path / "tables",
         "--table-format", "csv", "--quiet"],
        check=True, capture_output=True,
    )
    arts = byline.parse_many(records)
    for table in byline.TABLES:
        with open(tmp_path / "tables" / f"{table}.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        df = byline.to_pandas(arts, table)
        assert rows[0] == list(df.columns), table
        ours = [["" if pd.isna(v) else str(v) for v in row] for row in df.itertuples(index=False)]
        assert rows[1:] == ours, table
