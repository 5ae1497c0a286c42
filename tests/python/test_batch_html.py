"""HTML in the batch functions: ``parse_many`` with pages (``format="html"``, dicts with
``"html"``), ``parse_files`` over HTML, text-looking pages and WARC files, and the same articles
from the command line (one batch engine behind both)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

import byline
from byline._byline import cli_main

PAGE = (
    "<!doctype html><html lang=en><head><title>Harbor Reopens | Coast Daily</title>"
    "<meta property='og:site_name' content='Coast Daily'></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Harbor Reopens</h1><p>The harbor reopened on Tuesday after a month of repairs "
    "to the north pier, the port authority said.</p><p>“We are glad to be back,” said Ana Ruiz, "
    "who runs a ferry.</p></article></body></html>"
)
DATED = PAGE.replace("</head>", "<meta property='article:published_time' content='2024-03-05T08:00:00Z'></head>")
URL = "https://news.example/harbor"


def warc_record(kind: str, uri: str, block: bytes) -> bytes:
    header = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
        f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return header.encode() + block + b"\r\n\r\n"


def http_response(body: bytes, content_type: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n\r\n".encode() + body


def test_parse_many_reads_pages() -> None:
    got = byline.parse_many([PAGE, DATED], format="html", published="2024-01-10")
    # The call's date is the default: a page's own date wins.
    assert [str(a.published) for a in got] == ["2024-01-10", "2024-03-05"]
    assert got[0] == byline.parse_html(PAGE, published="2024-01-10")
    assert got[1] == byline.parse_html(DATED)
    records = [
        {"id": "p", "html": PAGE, "url": URL},
        {"id": "t", "text": "Plain Story\n\nA text record beside a page."},
        {"id": "b", "html": DATED.encode("utf-8"), "text": "ignored", "published": "2023-12-01"},
    ]
    p, t, b = byline.parse_many(records, threads=2)
    assert (p.id, p.title, p.source.url, p.source.site_name) == ("p", "Harbor Reopens", URL, "Coast Daily")
    assert p.to_dict() | {"id": None} == byline.parse_html(PAGE, url=URL).to_dict()
    assert (t.title, t.source) == ("Plain Story", None)
    assert (b.title, str(b.published)) == ("Harbor Reopens", "2023-12-01")  # the record's own date wins
    text_only = byline.parse_many([{"id": "x", "html": PAGE, "text": "Text Wins\n\nBody."}], format="text")
    assert text_only[0].title == "Text Wins"


def test_parse_many_html_errors() -> None:
    with pytest.raises(byline.InvalidInputError, match=r'record 0 \(id "a"\): no "text" or "html" key'):
        byline.parse_many([{"id": "a", "body": "x"}])
    with pytest.raises(byline.InvalidInputError, match='record 0: no "html" key'):
        byline.parse_many([{"text": "x"}], format="html")
    with pytest.raises(byline.InvalidOptionError, match="format must be"):
        byline.parse_many([PAGE], format="xml")  # type: ignore[arg-type]


def write_corpus(root: Path) -> None:
    (root / "a.html").write_text(PAGE, encoding="utf-8")
    (root / "b.txt").write_text(DATED, encoding="utf-8")  # a page, whatever its name says
    (root / "c.txt").write_text("Plain Story\n\nA story that mentions <p> in passing.", encoding="utf-8")
    (root / "d.jsonl").write_text(json.dumps({"id": "j1", "html": PAGE, "url": URL}) + "\n", encoding="utf-8")
    members = [
        warc_record("request", URL, b"GET /harbor HTTP/1.1\r\n\r\n"),
        warc_record("response", URL, http_response(DATED.encode("utf-8"))),
        warc_record("response", "https://news.example/logo.png", http_response(b"\x89PNG", "image/png")),
    ]
    (root / "e.warc.gz").write_bytes(b"".join(gzip.compress(m) for m in members))


def test_parse_files_reads_pages_and_archives(tmp_path: Path) -> None:
    write_corpus(tmp_path)
    got = byline.parse_files(tmp_path, published="2024-01-10")
    ids = [a.id.replace(str(tmp_path), "$DIR") if a.id else None for a in got]
    assert ids == ["$DIR/a.html", "$DIR/b.txt", "$DIR/c.txt", "j1", URL]
    assert [a.source is not None for a in got] == [True, True, False, True, True]
    assert [str(a.published) for a in got] == ["2024-01-10", "2024-03-05", "2024-01-10", "2024-01-10", "2024-03-05"]
    assert got[4].source is not None and got[4].source.url == URL
    # A plain-text parser reads a page in a .txt file as text.
    plain = byline.Parser(plain_text=True).parse_files(tmp_path / "b.txt")
    assert plain[0].source is None


def test_the_command_line_gives_the_same_articles(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    write_corpus(corpus)
    out = tmp_path / "out.jsonl"
    assert cli_main(["byline", "batch", str(corpus), "-o", str(out), "--published", "2024-01-10", "--quiet"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    articles = byline.parse_files(corpus, published="2024-01-10")
    assert len(lines) == len(articles) == 5
    for line, article in zip(lines, articles):
        assert json.loads(line) == json.loads(article.to_json())
