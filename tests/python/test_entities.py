"""Golden cases of the entities stage: tests/data/entities.toml (also read by cargo test)."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest

import byline

ROOT = Path(__file__).resolve().parents[2]
CASES = tomllib.loads((ROOT / "tests" / "data" / "entities.toml").read_text(encoding="utf-8"))


def _problems(name: str, article: dict[str, Any], case: dict[str, Any]) -> list[str]:
    problems = []
    ents = article["entities"]
    for want in case.get("entity", []):
        found = [e for e in ents if e["label"] == want["label"] and e["name"] == want["name"]]
        if not found:
            problems.append(f"{name}: no {want['label']} entity named {want['name']!r}")
            continue
        e = found[0]
        texts = [m["text"] for m in e["mentions"]]
        for m in want.get("mentions", []):
            if m not in texts:
                problems.append(f"{name}: {e['name']!r} lacks the mention {m!r} (has {texts})")
        if want.get("exact_mentions"):
            extra = [t for t in texts if t not in want.get("mentions", [])]
            if extra:
                problems.append(f"{name}: {e['name']!r} has unexpected mentions {extra}")
        if "mention_count" in want and len(texts) != want["mention_count"]:
            problems.append(f"{name}: {e['name']!r} has {len(texts)} mentions, want {want['mention_count']} ({texts})")
        for t in want.get("titles", []):
            if t not in e["titles"]:
                problems.append(f"{name}: {e['name']!r} lacks the title {t!r} (has {e['titles']})")
        for t in want.get("not_titles", []):
            if t in e["titles"]:
                problems.append(f"{name}: {e['name']!r} has {t!r} among its titles")
        for r in want.get("not_roles", []):
            if r in e["roles"]:
                problems.append(f"{name}: {e['name']!r} has {r!r} among its roles")
        nominals = [m["text"] for m in e["mentions"] if m.get("kind") == "nominal"]
        for n in want.get("nominal", []):
            if n not in nominals:
                problems.append(f"{name}: {e['name']!r} lacks the nominal mention {n!r} (has {nominals})")
        for r in want.get("roles", []):
            if r not in e["roles"]:
                problems.append(f"{name}: {e['name']!r} lacks the role {r!r} (has {e['roles']})")
        if "gender" in want and (e["gender"] or "none") != want["gender"]:
            problems.append(f"{name}: {e['name']!r} has gender {e['gender']}, not {want['gender']}")
    for absent in case.get("absent", []):
        for e in ents:
            if any(m["text"] == absent for m in e["mentions"]):
                problems.append(f"{name}: unexpected mention {absent!r} ({e['label']} {e['name']!r})")
    for pair in case.get("separate", []):
        idx = [next((i for i, e in enumerate(ents) if e["name"] == n), None) for n in pair]
        if None in idx or len(set(idx)) != len(idx):
            problems.append(f"{name}: {pair} should be separate entities")
    return problems


@pytest.mark.parametrize("case", CASES["case"], ids=[c["name"] for c in CASES["case"]])
def test_case(case: dict[str, Any]) -> None:
    article = byline.parse(case["text"])
    assert _problems(case["name"], article, case) == []


@pytest.mark.parametrize("case", CASES["article"], ids=[c["name"] for c in CASES["article"]])
def test_article(case: dict[str, Any]) -> None:
    article = byline.parse((ROOT / case["file"]).read_text(encoding="utf-8"))
    assert _problems(case["name"], article, case) == []


def test_mention_offsets_are_code_points() -> None:
    text = "Zoë’s Café\n\nÁngel Pérez met Zoë Müller in São Paulo. Mr. Pérez said “hello”."
    article = byline.parse(text)
    for e in article["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
