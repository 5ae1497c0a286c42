"""Code point offsets on non-ASCII text: curly quotes, accented names, emoji, combining marks."""

from __future__ import annotations

from typing import Any

import pytest

import byline
from helpers import build_article, offset_cases


def all_spans(article: byline.Article) -> list[Any]:
    spans: list[Any] = [*article.paragraphs, *article.sentences, *article.mentions, *article.timexes]
    for q in article.quotes:
        spans.append(q)
        if q.speaker is not None:
            spans.append(q.speaker)
        if q.cue is not None:
            spans.append(q.cue)
    return spans


@pytest.mark.parametrize("case", offset_cases(), ids=lambda c: c["name"])
def test_objects_slice_their_text(case: dict[str, Any]) -> None:
    article = build_article(case)
    spans = all_spans(article)
    assert len(spans) > 5
    for s in spans:
        assert article.text[s.start : s.end] == s.text, s


@pytest.mark.parametrize("case", offset_cases(), ids=lambda c: c["name"])
def test_dict_and_objects_agree(case: dict[str, Any]) -> None:
    article = build_article(case)
    d = article.to_dict()
    for q, dq in zip(article.quotes, d["quotes"], strict=True):
        assert (q.start, q.end, q.text) == (dq["start"], dq["end"], dq["text"])
        assert q.speaker is not None
        assert (q.speaker.start, q.speaker.end, q.speaker.entity) == (
            dq["speaker"]["start"], dq["speaker"]["end"], dq["speaker"]["entity"])
    for e, de in zip(article.entities, d["entities"], strict=True):
        assert [(m.start, m.end) for m in e.mentions] == [(m["start"], m["end"]) for m in de["mentions"]]
    text = article.text
    for p in d["paragraphs"]:
        assert text[p["start"] : p["end"]].strip() == text[p["start"] : p["end"]]


def test_parsed_non_ascii_text_keeps_offsets() -> None:
    text = "Café “news” 😀 today\n\nZoë said “hello” to Ángel on Tuesday. 👩‍👩‍👧 Then she left."
    article = byline.parse(text, published="2024-05-15")
    assert article.text == text
    for s in all_spans(article):
        assert text[s.start : s.end] == s.text
    assert article.paragraphs[0].text == "Café “news” 😀 today"
    assert article.sentences[-1].text.endswith("Then she left.")


def test_mention_offsets_are_code_points() -> None:
    text = "Zoë’s Café\n\nÁngel Pérez met Zoë Müller in São Paulo. Mr. Pérez said “hello”."
    article = byline.parse(text)
    for e in article["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
