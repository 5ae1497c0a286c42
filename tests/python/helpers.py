"""Builds articles with entities, quotes and time expressions from `tests/data/python_offsets.toml`,
so tests of the Python surface do not depend on what the stages find today."""

from __future__ import annotations

import tomllib
from typing import Any

import byline
from conftest import TEST_DATA


def offset_cases() -> list[dict[str, Any]]:
    with open(TEST_DATA / "python_offsets.toml", "rb") as f:
        cases: list[dict[str, Any]] = tomllib.load(f)["case"]
    return cases


def _near(text: str, needle: str, pos: int) -> int:
    hits = []
    at = text.find(needle)
    while at >= 0:
        hits.append(at)
        at = text.find(needle, at + 1)
    assert hits, f"{needle!r} not in text"
    return min(hits, key=lambda h: abs(h - pos))


def _span(text: str, at: int, needle: str) -> dict[str, Any]:
    return {"start": at, "end": at + len(needle), "text": needle}


def build_article(case: dict[str, Any], published: str = "2024-05-15") -> byline.Article:
    """The case's article: the text parsed by byline, then its entities, quotes and timexes set
    as the case describes (code point offsets, found with `str.find`)."""
    text = case["text"]
    d = byline.parse(text, published=published).to_dict(include_text=True)
    d["entities"] = []
    for i, e in enumerate(case["entities"]):
        mentions, pos = [], 0
        for m in e["mentions"]:
            at = text.index(m, pos)
            pos = at + len(m)
            kind = "nominal" if m in e.get("nominal", []) else "name"
            mentions.append({**_span(text, at, m), "kind": kind})
        d["entities"].append(
            {"id": f"e{i + 1}", "label": e["label"], "name": e["name"], "mentions": mentions,
             "titles": [], "roles": [], "gender": None}
        )
    d["quotes"], pos = [], 0
    for i, q in enumerate(case["quotes"]):
        at = text.index(q["text"], pos)
        pos = at + len(q["text"])
        ent = case["entities"][q["entity"]]
        speaker = _span(text, _near(text, q["speaker"], at), q["speaker"])
        speaker.update(name=ent["name"], entity=f"e{q['entity'] + 1}")
        d["quotes"].append(
            {"id": f"q{i + 1}", "kind": q["kind"], **_span(text, at, q["text"]), "speaker": speaker,
             "cue": _span(text, _near(text, q["cue"], at), q["cue"])}
        )
    d["timexes"], pos = [], 0
    for t in case["timexes"]:
        at = text.index(t["text"], pos)
        pos = at + len(t["text"])
        d["timexes"].append({**_span(text, at, t["text"]), "type": t["type"], "value": t["value"], "mod": None})
    return byline.Article.from_dict(d)
