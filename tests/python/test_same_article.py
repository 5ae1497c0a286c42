"""The same bytes give the same article in Python (`parse`, `parse_many`) and through the command
line's batch (run in process): texts made of news-like and hostile pieces, from a fixed seed."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import byline
from byline._byline import cli_main

PIECES = [
    "Council", "Approves", "Budget", "the", "mayor", "Ana Ruiz", "said", "told", "on Tuesday", "last year",
    ",", ".", '"', "\u201c", "\u201d", "\u2018", "\u2019", "\n", "\n\n", "\r\n", "\t", "\\", "é", "日本",
    "🙂", "\u2028", "\u00a0", "Mr.", "$4", "(", ")", "—", "By", "PORTVALE (Wire) -", "\u0301",
]


def texts(n: int) -> list[str]:
    rng = random.Random(13)
    out = []
    for _ in range(n):
        n = rng.randrange(0, 80)
        pieces = [rng.choice(PIECES) if rng.random() < 0.9 else chr(rng.randrange(1, 0x2FFFF)) for _ in range(n)]
        # Surrogates cannot be encoded; the rest of the code points can.
        out.append(" ".join(p for p in pieces if not 0xD800 <= ord(p[0]) <= 0xDFFF))
    return out


def comparable(article: dict[str, Any]) -> dict[str, Any]:
    """The article without the fields that say where it came from (its id, its text)."""
    return {k: v for k, v in article.items() if k not in ("id", "text")}


def test_parse_parse_many_and_batch_agree(tmp_path: Path) -> None:
    items = texts(40)
    corpus = tmp_path / "corpus.jsonl"
    records = "".join(json.dumps({"id": f"r{i}", "text": t}) + "\n" for i, t in enumerate(items))
    corpus.write_text(records, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert cli_main(["byline", "batch", str(corpus), "-o", str(out), "--quiet", "--threads", "2"]) == 0
    # Split on newlines only: str.splitlines() also splits at U+2028 and U+0085, which JSON
    # strings may hold unescaped.
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n") if line]
    many = byline.parse_many([(f"r{i}", t) for i, t in enumerate(items)], threads=2)
    assert len(lines) == len(many) == len(items)
    for i, text in enumerate(items):
        article = byline.parse(text)
        assert article.text == text
        single = article.to_dict()
        assert lines[i]["id"] == f"r{i}"
        assert comparable(lines[i]) == comparable(single), text
        assert comparable(many[i].to_dict()) == comparable(single), text
