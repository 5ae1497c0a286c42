"""Golden time-expression cases from tests/data/timex.toml (shared with crates/core/tests/timex.rs)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import byline

ROOT = Path(__file__).resolve().parents[2]
CASES = tomllib.loads((ROOT / "tests" / "data" / "timex.toml").read_text(encoding="utf-8"))["case"]


def case_text(case: dict[str, Any]) -> str:
    if "text" in case:
        return case["text"]
    return (ROOT / case["file"]).read_text(encoding="utf-8")


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_timex_case(case: dict[str, Any]) -> None:
    text = case_text(case)
    article = byline.parse(text, published=case.get("published"))
    timexes = article["timexes"]
    for t in timexes:
        assert text[t["start"] : t["end"]] == t["text"]
    for want in case.get("timex", []):
        hits = [t for t in timexes if t["text"] == want["text"]]
        assert hits, f"{want['text']!r} not found"
        if "count" in want:
            assert len(hits) == want["count"], f"{want['text']!r} found {len(hits)} times"
        for t in hits:
            for key in ("type", "value", "mod"):
                if key in want:
                    assert t[key] == want[key], f"{want['text']!r} {key} = {t[key]!r}, want {want[key]!r}"
    for phrase in case.get("not_timex", []):
        at = text.find(phrase)
        while at >= 0:
            s, e = at, at + len(phrase)
            for t in timexes:
                cuts = t["start"] < e and s < t["end"] and not (t["start"] <= s and e <= t["end"])
                assert not cuts, f"{t['text']!r} cuts into {phrase!r}"
            at = text.find(phrase, at + 1)
