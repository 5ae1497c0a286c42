"""Golden cases for quotes and speakers: tests/data/quotes.toml, shared with the Rust tests."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import byline

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = tomllib.loads((ROOT / "tests" / "data" / "quotes.toml").read_text(encoding="utf-8"))
QUOTE_WARNINGS = {"unbalanced_quotes", "deep_nesting"}


def matches(q: dict[str, Any], e: dict[str, Any]) -> bool:
    """True when the output quote `q` meets the expectation `e`."""
    spk = q.get("speaker")
    cue = q.get("cue")
    return (
        ("kind" not in e or q["kind"] == e["kind"])
        and ("text" not in e or q["text"] == e["text"])
        and ("contains" not in e or e["contains"] in q["text"])
        and ("speaker" not in e or (spk is not None and spk["text"] == e["speaker"]))
        and (not e.get("no_speaker") or spk is None)
        and ("name" not in e or (spk is not None and spk.get("name") == e["name"]))
        and ("cue" not in e or (cue is not None and cue["text"] == e["cue"]))
        and (not e.get("no_cue") or cue is None)
    )


def describe(article: dict[str, Any]) -> str:
    return "\n".join(
        f"  {q['kind']} {q['text']!r} speaker={q.get('speaker')} cue={q.get('cue')}" for q in article["quotes"]
    )


@pytest.mark.parametrize("case", GOLDEN["case"], ids=[c["name"] for c in GOLDEN["case"]])
def test_golden_case(case: dict[str, Any]) -> None:
    article = byline.parse(case["text"].lstrip())
    text = article["text"]
    for q in article["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        if q.get("speaker"):
            s = q["speaker"]
            assert text[s["start"] : s["end"]] == s["text"]
    for e in case.get("quote", []):
        assert any(matches(q, e) for q in article["quotes"]), f"expected {e}\ngot:\n{describe(article)}"
    for s in case.get("absent", []):
        assert not any(s in q["text"] for q in article["quotes"]), f"{s!r} is not a quote:\n{describe(article)}"
    if "count" in case:
        assert len(article["quotes"]) == case["count"], describe(article)
    if "warnings" in case:
        got = [w["kind"] for w in article["warnings"] if w["kind"] in QUOTE_WARNINGS]
        assert got == case["warnings"]


def test_seed_quotes_and_speakers() -> None:
    seed = GOLDEN["seed"]
    article = byline.parse((ROOT / seed["file"]).read_text(encoding="utf-8"))
    for e in seed["quote"]:
        assert any(matches(q, e) for q in article["quotes"]), f"expected {e}\ngot:\n{describe(article)}"
    for s in seed.get("absent", []):
        assert not any(q["kind"] == "direct" and s in q["text"] for q in article["quotes"])
