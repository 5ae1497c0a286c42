"""What the binding adds to the golden cases: every article of tests/data/*.toml, parsed from
Python, gives objects of the documented types whose code point offsets slice the text, and a
`to_dict()` equal to its JSON. What the stages find in them is checked once, in Rust
(crates/core/tests/golden/), which also reads the files strictly."""

from __future__ import annotations

import json
import tomllib
from typing import Any, NamedTuple

import pytest

import byline
from conftest import ROOT, TEST_DATA

# The golden files of the stages, as crates/core/tests/golden/ reads them.
STAGE_FILES = ["layout.toml", "sentences.toml", "entities.toml", "quotes.toml", "timex.toml", "speaker_kinds.toml"]


class Case(NamedTuple):
    name: str
    text: str
    published: str | None
    plain: bool


def _cases() -> list[Case]:
    out = []
    for file in STAGE_FILES:
        doc = tomllib.loads((TEST_DATA / file).read_text(encoding="utf-8"))
        tables = [t for v in doc.values() for t in (v if isinstance(v, list) else [v]) if isinstance(t, dict)]
        for i, t in enumerate(tables):
            if "text" in t:
                text = t["text"]
            elif "file" in t:
                text = (ROOT / t["file"]).read_text(encoding="utf-8")
            else:
                continue
            name = f"{file}:{t.get('name', i)}"
            out.append(Case(name, text, t.get("published"), bool(t.get("plain"))))
    return out


CASES = _cases()


def _parse(case: Case) -> byline.Article:
    return byline.Parser(plain_text=case.plain).parse(case.text, published=case.published)


def _spans(article: byline.Article) -> list[Any]:
    spans: list[Any] = [*article.paragraphs, *article.sentences, *article.mentions, *article.timexes]
    for q in article.quotes:
        spans.append(q)
        spans.extend(s for s in (q.speaker, q.cue) if s is not None)
    if article.dateline is not None:
        spans.append(article.dateline)
    return spans


def test_every_stage_file_has_cases() -> None:
    files = {c.name.split(":")[0] for c in CASES}
    assert files == set(STAGE_FILES)
    assert len(CASES) > 100


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_offsets_are_code_points(case: Case) -> None:
    article = _parse(case)
    text = article.text
    assert text == case.text
    for s in _spans(article):
        assert text[s.start : s.end] == s.text, s
    d = article.to_dict()
    dict_spans = [
        *d["paragraphs"], *d["sentences"], *d["timexes"], *(m for e in d["entities"] for m in e["mentions"]),
        *d["quotes"], *(s for q in d["quotes"] for s in (q["speaker"], q["cue"]) if s is not None),
    ]
    for s in dict_spans:
        assert 0 <= s["start"] <= s["end"] <= len(text)
        if "text" in s:
            assert text[s["start"] : s["end"]] == s["text"], s


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_objects_have_their_types_and_agree_with_the_dict(case: Case) -> None:
    article = _parse(case)
    assert isinstance(article, byline.Article)
    d = article.to_dict()
    assert [type(p) for p in article.paragraphs] == [byline.Paragraph] * len(d["paragraphs"])
    assert [(p.start, p.end, p.role) for p in article.paragraphs] == [
        (p["start"], p["end"], p["role"]) for p in d["paragraphs"]
    ]
    assert [(s.start, s.end, s.paragraph) for s in article.sentences] == [
        (s["start"], s["end"], s["paragraph"]) for s in d["sentences"]
    ]
    for e, de in zip(article.entities, d["entities"], strict=True):
        assert isinstance(e, byline.Entity) and all(isinstance(m, byline.Mention) for m in e.mentions)
        assert (e.id, e.label, e.name, e.titles, e.roles, e.gender, e.gender_by) == (
            de["id"], de["label"], de["name"], de["titles"], de["roles"], de["gender"], de["gender_by"])
        assert [(m.start, m.end, m.text, m.kind, m.entity) for m in e.mentions] == [
            (m["start"], m["end"], m["text"], m["kind"], de["id"]) for m in de["mentions"]
        ]
    for q, dq in zip(article.quotes, d["quotes"], strict=True):
        assert isinstance(q, byline.Quote)
        assert (q.id, q.kind, q.start, q.end, q.text) == (dq["id"], dq["kind"], dq["start"], dq["end"], dq["text"])
        if q.speaker is None:
            assert dq["speaker"] is None
        else:
            assert isinstance(q.speaker, byline.Speaker)
            sp = dq["speaker"]
            assert (q.speaker.start, q.speaker.end, q.speaker.text, q.speaker.name, q.speaker.entity) == (
                sp["start"], sp["end"], sp["text"], sp["name"], sp["entity"])
            assert q.speaker.kind == sp["kind"]
        if q.cue is None:
            assert dq["cue"] is None
        else:
            assert isinstance(q.cue, byline.Span)
            assert (q.cue.start, q.cue.end, q.cue.text) == (dq["cue"]["start"], dq["cue"]["end"], dq["cue"]["text"])
    for t, dt in zip(article.timexes, d["timexes"], strict=True):
        assert isinstance(t, byline.Timex)
        assert (t.start, t.end, t.text, t.type, t.value, t.mod) == (
            dt["start"], dt["end"], dt["text"], dt["type"], dt["value"], dt["mod"])
    assert [(w.kind, w.message) for w in article.warnings] == [(w["kind"], w["message"]) for w in d["warnings"]]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_to_dict_is_the_json(case: Case) -> None:
    article = _parse(case)
    assert article.to_dict() == json.loads(article.to_json())
    with_text = article.to_dict(include_text=True)
    assert with_text == json.loads(article.to_json(include_text=True))
    assert with_text["text"] == case.text
    assert {k: article[k] for k in article.keys()} == with_text
