"""The layout and sentence golden cases (tests/data/{layout,sentences}.toml) through byline.parse."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import byline

DATA = Path(__file__).resolve().parents[1] / "data"


def cases(name: str) -> list[dict[str, Any]]:
    with open(DATA / name, "rb") as f:
        return tomllib.load(f)["case"]


def span(text: str, s: dict[str, Any]) -> str:
    return text[s["start"] : s["end"]]


@pytest.mark.parametrize("case", cases("layout.toml"), ids=lambda c: c["name"])
def test_layout_case(case: dict[str, Any]) -> None:
    text = case["text"]
    a = byline.parse(text)
    if "roles" in case:
        assert [p["role"] for p in a["paragraphs"]] == case["roles"]
    if "paragraphs" in case:
        assert [span(text, p) for p in a["paragraphs"]] == case["paragraphs"]
    for field in ("title", "subtitle", "published"):
        if field in case:
            assert a[field] == case[field]
    for field in ("authors", "contributors"):
        if field in case:
            assert a[field] == case[field]
    if "dateline" in case:
        d = a["dateline"]
        got = [d["place"], span(text, d)] if d else []
        assert got == case["dateline"]
    for bad in case.get("no_sentences_from", []):
        assert not any(bad in span(text, s) for s in a["sentences"])


@pytest.mark.parametrize("case", cases("sentences.toml"), ids=lambda c: c["name"])
def test_sentence_case(case: dict[str, Any]) -> None:
    if case.get("plain"):
        pytest.skip("plain-text mode is not exposed to Python yet")
    text = case["text"]
    a = byline.parse(text)
    assert [span(text, s) for s in a["sentences"]] == case["sentences"]


def test_sentences_lie_in_their_paragraphs(seed_text: str) -> None:
    a = byline.parse(seed_text)
    for s in a["sentences"]:
        p = a["paragraphs"][s["paragraph"]]
        assert p["role"] != "boilerplate"
        assert p["start"] <= s["start"] < s["end"] <= p["end"]
    assert a["contributors"] == ["Thomas Gibbons-Neff"]
    assert [p["role"] for p in a["paragraphs"]].count("body") == 31
