from __future__ import annotations

import byline


def test_parse_seed(seed_text: str) -> None:
    article = byline.parse(seed_text)
    assert article["schema"] == "byline/1"
    assert article["title"].startswith("China to Welcome")
    for p in article["paragraphs"]:
        assert p["role"] in {"title", "subtitle", "byline", "dateline", "body", "caption", "credit", "boilerplate"}


def test_offsets_are_code_points() -> None:
    text = "Café “news” 😀 today\n\nZoë said “hello” to Ángel."
    article = byline.parse(text)
    for s in article["sentences"]:
        assert text[s["start"] : s["end"]].strip() == text[s["start"] : s["end"]]
    assert article["text"] == text
