"""`byline.stats`: the source-diversity study as DataFrames, the same tables as `byline stats`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import byline
from byline._byline import cli_main

pd = pytest.importorskip("pandas", reason="pandas is not installed (pip install 'byline[pandas]')")

# Invented articles: a named woman, a named man with an honorific, an anonymous official, a document.
TEXTS = [
    ("Harbour Plan Approved\n\n“We will open the bridge in May,” said Carla Mendes, the city engineer.\n\n"
     "“The talks are close to collapse,” a senior administration official said.", "2024-03-06"),
    ("Ferry Service Cut\n\nMr. Osei, who runs the ferry company, was less sure. “Nobody has asked us,” he said.\n\n"
     "“Emissions rose by 4 percent,” the report said.", "2024-04-02"),
]


@pytest.fixture(scope="module")
def articles() -> list[byline.Article]:
    return [byline.parse(text, published=date) for text, date in TEXTS]


def row(df: pd.DataFrame, **where: str) -> pd.Series:
    hit = df
    for k, v in where.items():
        hit = hit[hit[k] == v]
    assert len(hit) == 1, where
    return hit.iloc[0]


def test_kinds_genders_and_groups(articles: list[byline.Article]) -> None:
    kinds = [q.speaker.kind for a in articles for q in a.quotes if q.speaker]
    assert kinds == ["person", "anonymous", "person", "document"]
    study = byline.stats(articles, by=["desk", "month"], fields={"desk": ["city", "ports"]})
    assert set(study) == {"groups", "kinds", "genders", "people"}
    assert row(study["groups"], by="all")["articles"] == 2
    assert row(study["kinds"], by="all", kind="anonymous")["quotes"] == 1
    assert row(study["kinds"], by="all", kind="document")["speakers"] == 1
    female = row(study["genders"], by="all", gender="female")
    assert (female["people"], female["people_share"]) == (1, 0.5)
    assert row(study["groups"], by="desk", group="ports")["people"] == 1
    assert row(study["groups"], by="month", group="2024-03")["quotes"] == 2
    people = study["people"]
    assert dict(zip(people["name"], people["gender"])) == {"Carla Mendes": "female", "Osei": "male"}
    assert str(study["groups"]["female_share"].dtype) == "Float64"


def test_bad_dimensions_and_fields(articles: list[byline.Article]) -> None:
    with pytest.raises(byline.InvalidOptionError, match="desk"):
        byline.stats(articles, by=["desk"])
    with pytest.raises(byline.InvalidOptionError, match="2 articles"):
        byline.stats(articles, by=["desk"], fields={"desk": ["one"]})


def test_same_tables_as_the_cli(tmp_path: Path, articles: list[byline.Article], capfd: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "articles.jsonl"
    out.write_text("".join(a.to_json() + "\n" for a in articles), encoding="utf-8")
    tables = tmp_path / "tables"
    assert cli_main(["byline", "stats", str(out), "--json", "--tables", str(tables), "--table-format", "csv"]) == 0
    report = json.loads(capfd.readouterr().out)
    study = byline.stats(articles)
    for name, table in (("groups", "study_groups"), ("kinds", "study_kinds"), ("genders", "study_genders")):
        assert study[name].to_dict("records") == report["study"][name]
        csv = pd.read_csv(tables / f"{table}.csv", keep_default_na=False)
        assert list(csv.columns) == list(study[name].columns)
        assert len(csv) == len(study[name])
