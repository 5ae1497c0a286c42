"""The Python API: parse, Parser, Article as object and as dict, value classes, pickling."""

from __future__ import annotations

import datetime
import json
import pickle

import pytest

import byline
from helpers import build_article, offset_cases

SMALL = "Storm Hits Coast\n\nThe storm arrived on Monday. Mr. Smith said it was bad."


def test_public_names_are_exported_and_documented() -> None:
    assert byline.__version__
    for name in byline.__all__:
        obj = getattr(byline, name)
        if name != "__version__":
            assert obj.__doc__, f"byline.{name} has no docstring"
    classes = [getattr(byline, n) for n in byline.__all__ if isinstance(getattr(byline, n), type)]
    assert len(classes) > 15
    for cls in classes:
        for attr in vars(cls):
            if not attr.startswith("_"):
                assert getattr(cls, attr).__doc__, f"{cls.__name__}.{attr} has no docstring"


def test_parse_seed(seed_text: str) -> None:
    article = byline.parse(seed_text)
    assert isinstance(article, byline.Article)
    assert article.title is not None and article.title.startswith("China to Welcome")
    assert article.text == seed_text
    assert article.paragraphs[0] == byline.Paragraph(0, len(article.title), article.title, "title")
    roles = {p.role for p in article.paragraphs}
    assert roles <= {"title", "subtitle", "byline", "dateline", "body", "caption", "credit", "boilerplate"}
    assert "body" in roles
    assert all(0 <= s.paragraph < len(article.paragraphs) for s in article.sentences)


def test_article_reads_like_the_contract_dict(seed_text: str) -> None:
    article = byline.parse(seed_text, published="2023-02-25")
    d = article.to_dict()
    assert d["schema"] == "byline/1"
    assert json.loads(article.to_json()) == d
    assert "text" not in d and article.to_dict(include_text=True)["text"] == seed_text
    for key in d:
        assert key in article
        assert article[key] == d[key]
    assert article["text"] == seed_text
    assert set(article.keys()) == set(d) | {"text"}
    assert article.get("nope", 42) == 42
    with pytest.raises(KeyError):
        article["nope"]


def test_published_accepts_strings_and_dates() -> None:
    for value in ("2023-02-25", datetime.date(2023, 2, 25), datetime.datetime(2023, 2, 25, 13, 5)):
        article = byline.parse(SMALL, published=value)
        assert article.published == datetime.date(2023, 2, 25)
        assert article["published"] == "2023-02-25"
    assert byline.parse(SMALL).published is None


def test_parser_options_are_kept_and_used() -> None:
    parser = byline.Parser(timexes=False, max_bytes=1000)
    assert (parser.max_bytes, parser.timexes, parser.entities, parser.lossy_utf8) == (1000, False, True, False)
    assert "timexes=False" in repr(parser)
    assert parser.parse(SMALL, published="2023-03-01").timexes == []
    assert parser.parse(SMALL).paragraphs == byline.parse(SMALL).paragraphs


def test_bytes_input_is_utf8() -> None:
    assert byline.parse(SMALL.encode()) == byline.parse(SMALL)
    lossy = byline.Parser(lossy_utf8=True).parse(b"Title\n\nBad \xff byte.")
    assert "\ufffd" in lossy.text
    assert [w.kind for w in lossy.warnings] == ["lossy_decoding"]


def test_repr_is_short_and_readable(seed_text: str) -> None:
    article = byline.parse(seed_text)
    r = repr(article)
    assert r.startswith("Article(title=") and len(r) < 200
    assert repr(article.paragraphs[1]).startswith("Paragraph(67, ")
    huge = byline.parse("T\n\n" + "word " * 50_000)
    assert len(repr(huge)) < 200 and len(repr(huge.paragraphs[1])) < 120


def test_value_objects_equality_hash_pickle() -> None:
    article = build_article(offset_cases()[0])
    objects = [
        *article.paragraphs, *article.sentences, *article.entities, *article.mentions,
        *article.quotes, *article.timexes, article.quotes[0].speaker, article.quotes[0].cue,
        byline.ParseWarning("large_input", "big"), byline.Dateline("PARIS", 0, 5, "PARIS"),
    ]
    for obj in objects:
        again = pickle.loads(pickle.dumps(obj))
        assert again == obj and hash(again) == hash(obj) and type(again) is type(obj)
        assert len(repr(obj)) < 200
    q = article.quotes[0]
    assert q.speaker is not None and q.speaker.name == "Zoë Ångström" and q.speaker.entity == "e1"
    assert q.cue is not None and q.cue.text == "said"
    assert "Zoë Ångström" in repr(q)
    assert len({*article.quotes, *article.quotes}) == len(article.quotes)
    with pytest.raises(AttributeError):
        q.text = "changed"  # type: ignore[misc]


def test_article_pickle_and_json_round_trip() -> None:
    for case in offset_cases():
        article = build_article(case)
        for again in (
            pickle.loads(pickle.dumps(article)),
            byline.Article.from_json(article.to_json(include_text=True)),
            byline.Article.from_json(article.to_json(), text=article.text),
            byline.Article.from_dict(article.to_dict(include_text=True)),
        ):
            assert again == article
            assert again.quotes == article.quotes and again.entities == article.entities
        assert article != byline.parse(article.text)
        assert (article == "not an article") is False


def test_entities_and_mentions_link_up() -> None:
    article = build_article(offset_cases()[0])
    ids = {e.id for e in article.entities}
    assert ids == {"e1", "e2"}
    assert all(m.entity in ids for m in article.mentions)
    assert [m.start for m in article.mentions] == sorted(m.start for m in article.mentions)
    person = article.entities[0]
    assert (person.label, person.name, len(person.mentions)) == ("PERSON", "Zoë Ångström", 3)
    timex = build_article(offset_cases()[1]).timexes[0]
    assert (timex.type, timex.value, timex.mod) == ("DATE", "2024-05-14", None)


def test_mentions_carry_their_kind() -> None:
    article = build_article(next(c for c in offset_cases() if c["name"] == "nominal_mentions"))
    assert [(m.text, m.kind) for m in article.mentions] == [("Ministry of Défense", "name"), ("The ministry", "nominal")]
    assert [m["kind"] for m in article.to_dict()["entities"][0]["mentions"]] == ["name", "nominal"]
    nominal = article.mentions[1]
    assert nominal == byline.Mention(nominal.start, nominal.end, "The ministry", "e1", "nominal")
    assert nominal != byline.Mention(nominal.start, nominal.end, "The ministry", "e1")
    assert byline.Mention(0, 3, "Qin", "e1").kind == "name"
    assert 'kind="nominal"' in repr(nominal)
    again = pickle.loads(pickle.dumps(nominal))
    assert again.kind == "nominal" and hash(again) == hash(nominal)


def test_parse_many_accepts_every_input_form() -> None:
    texts = [SMALL, "Other News\n\nIt rained in Paris on Friday.", "Third\n\nBody."]
    by_str = byline.parse_many(texts)
    assert by_str == [byline.parse(t) for t in texts]
    assert [a.id for a in by_str] == [None, None, None]
    by_pair = byline.parse_many([(f"id{i}", t) for i, t in enumerate(texts)])
    assert [a.id for a in by_pair] == ["id0", "id1", "id2"]
    by_dict = byline.parse_many(
        [{"id": 7, "text": texts[0]}, {"text": texts[1], "published": "2023-03-03"}, {"id": "x", "text": texts[2].encode()}],
        published="2020-01-01",
    )
    assert [a.id for a in by_dict] == ["7", None, "x"]
    assert [a.published for a in by_dict] == [
        datetime.date(2020, 1, 1), datetime.date(2023, 3, 3), datetime.date(2020, 1, 1)]
    assert byline.parse_many(t for t in texts) == by_str
    assert byline.parse_many([]) == []
    assert byline.parse_many(texts, threads=1) == by_str


def test_parse_many_equals_parse_one_by_one(seed_text: str) -> None:
    texts = [seed_text, SMALL, "", "  \n\n ", seed_text[:500], "Ünïcødé “title”\n\n😀 body “text”."] * 5
    assert byline.parse_many(texts, published="2023-02-25") == [byline.parse(t, published="2023-02-25") for t in texts]


def test_parse_many_equals_parse_on_the_bbc_corpus(data_dir) -> None:  # type: ignore[no-untyped-def]
    from conftest import read_jsonl

    records = read_jsonl(data_dir / "corpora" / "bbc_news.jsonl", limit=200)
    many = byline.parse_many(records)
    assert len(many) == len(records)
    for r, a in zip(records, many):
        assert a.id == r["id"]
        assert a.to_dict() == {**byline.parse(r["text"]).to_dict(), "id": r["id"]}


def test_parse_files(tmp_path, seed_text: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "sub").mkdir()
    (tmp_path / "a.txt").write_text(SMALL, encoding="utf-8")
    (tmp_path / "b.txt").write_text(seed_text, encoding="utf-8")
    (tmp_path / "sub" / "c.txt").write_text("Deep\n\nNested file.", encoding="utf-8")
    flat = byline.parse_files(str(tmp_path / "*.txt"))
    assert [a.id for a in flat] == [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    assert flat[1].to_dict() == {**byline.parse(seed_text).to_dict(), "id": str(tmp_path / "b.txt")}
    assert len(byline.parse_files(str(tmp_path / "**" / "*.txt"))) == 3
    # A directory is walked recursively in name order, as `byline batch` does.
    assert [a.id for a in byline.parse_files(tmp_path)] == [*(a.id for a in flat), str(tmp_path / "sub" / "c.txt")]
    assert [a.id for a in byline.parse_files([tmp_path / "sub" / "c.txt"])] == [str(tmp_path / "sub" / "c.txt")]
    assert byline.Parser().parse_files(tmp_path / "a.txt", published="2023-01-01")[0].published == datetime.date(2023, 1, 1)
    with pytest.raises(FileNotFoundError):
        byline.parse_files(tmp_path / "missing.txt")
    with pytest.raises(FileNotFoundError):
        byline.parse_files(str(tmp_path / "*.nothing"))


def test_parse_files_reads_records_like_the_cli(tmp_path) -> None:  # type: ignore[no-untyped-def]
    records = [{"id": "r1", "text": SMALL, "published": "2023-04-01"}, {"id": "r2", "text": "Other\n\nMore text."}]
    path = tmp_path / "corpus.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    articles = byline.parse_files(path, published="2020-02-02")
    assert [(a.id, a.published) for a in articles] == [("r1", datetime.date(2023, 4, 1)), ("r2", datetime.date(2020, 2, 2))]
    assert articles == byline.parse_many(records, published="2020-02-02")
    (tmp_path / "bad.txt").write_bytes(b"Title\n\nBad \xff byte.")
    with pytest.raises(byline.InvalidInputError, match="bad.txt"):
        byline.parse_files(tmp_path / "bad.txt")
    assert "\ufffd" in byline.Parser(lossy_utf8=True).parse_files(tmp_path / "bad.txt")[0].text


def test_value_objects_check_the_contract_names() -> None:
    assert byline.Paragraph(0, 5, "Title", "title").role == "title"
    with pytest.raises(ValueError, match="unknown Role"):
        byline.Paragraph(0, 5, "Title", "headline")
    with pytest.raises(ValueError, match="PERSON"):
        byline.Entity("e1", "PERSN", "Ana Ruiz", [])
    with pytest.raises(ValueError):
        byline.Timex(0, 7, "Tuesday", "DATE", "2024-03-05", "ABOUT")
