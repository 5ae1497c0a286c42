"""Bad input raises the right exception from the byline.BylineError hierarchy, never a panic or
SystemError; odd but readable input parses, with warnings."""

from __future__ import annotations

import pytest

import byline

TEXT = "Title\n\nBody text."


def test_hierarchy() -> None:
    assert issubclass(byline.BylineError, Exception)
    for cls in (byline.InvalidInputError, byline.InvalidOptionError, byline.InvalidJsonError, byline.InternalError):
        assert issubclass(cls, byline.BylineError)
    assert issubclass(byline.InputTooLargeError, byline.InvalidInputError)
    assert issubclass(byline.InvalidDateError, byline.InvalidInputError)
    for cls in (byline.BylineError, byline.InvalidInputError, byline.InputTooLargeError):
        assert cls.__module__ == "byline" and cls.__doc__


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: byline.parse(b"Title\n\nBad \xff byte."), byline.InvalidInputError, "not valid UTF-8"),
        (lambda: byline.parse(b"\x7fELF\x02\x01\x00\x00binary"), byline.InvalidInputError, "binary"),
        (lambda: byline.Parser(max_bytes=10).parse("x" * 11), byline.InputTooLargeError, "over the limit"),
        (lambda: byline.Parser(max_bytes=10).parse(b"x" * 11), byline.InputTooLargeError, "over the limit"),
        (lambda: byline.parse(TEXT, published="2023-02-30"), byline.InvalidDateError, "2023-02-30"),
        (lambda: byline.parse(TEXT, published="yesterday"), byline.InvalidDateError, "YYYY-MM-DD"),
        (lambda: byline.Parser(max_bytes=0), byline.InvalidOptionError, "max_bytes"),
        (lambda: byline.parse_many([TEXT], threads=0), byline.InvalidOptionError, "threads"),
        (lambda: byline.parse_many([{"id": "a1"}]), byline.InvalidInputError, "no \"text\""),
        (lambda: byline.parse_many([TEXT, {"id": "r2", "text": TEXT, "published": "2023-13-01"}]),
         byline.InvalidDateError, "r2"),
        (lambda: byline.Parser(max_bytes=100).parse_many([TEXT, ("big", "y" * 101)]),
         byline.InputTooLargeError, "big"),
        (lambda: byline.parse_many([TEXT, b"\xff\xfe"]), byline.InvalidInputError, "record 1"),
        (lambda: byline.Article.from_json("{not json"), byline.InvalidJsonError, "invalid article JSON"),
        (lambda: byline.Article.from_json('{"schema": "byline/1"}'), byline.InvalidJsonError, "missing field"),
    ],
)
def test_bad_input_raises_the_right_error(call, error, message) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(error, match=message):
        call()


def test_offsets_that_do_not_fit_are_invalid_json() -> None:
    d = byline.parse(TEXT).to_dict(include_text=True)
    d["paragraphs"][0]["end"] = 10_000
    with pytest.raises(byline.InvalidJsonError, match="does not fit"):
        byline.Article.from_dict(d)


@pytest.mark.parametrize(
    "call",
    [
        lambda: byline.parse(42),
        lambda: byline.parse(None),
        lambda: byline.parse(TEXT, published=20230225),
        lambda: byline.parse_many(TEXT),
        lambda: byline.parse_many([3.5]),
        lambda: byline.parse_many([("a", "b", "c")]),
        lambda: byline.parse_many(42),
        lambda: byline.Article.from_dict("not a dict"),
    ],
)
def test_wrong_types_raise_type_error(call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        call()


def test_threads_must_be_positive() -> None:
    with pytest.raises((OverflowError, byline.InvalidOptionError)):
        byline.parse_many([TEXT], threads=-1)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n\t ",
        "“" * 5_000 + " unbalanced",
        "Title\n\n" + "“a ‘b “c ‘d " * 2_000,
        "Title\n\n" + "(" * 10_000 + "deep" + ")" * 10_000,
        "Ti\x00tle\n\nNUL inside.",
        "\ufeffBOM first\r\n\r\nWindows lines.\r\n",
        "\n".join(["line"] * 20_000),
        "a" * 300_000,
    ],
)
def test_odd_input_parses_without_errors(text: str) -> None:
    article = byline.parse(text)
    assert article.text == text
    for s in article.sentences:
        assert text[s.start : s.end] == s.text


def test_nul_text_warns() -> None:
    assert "suspicious_content" in [w.kind for w in byline.parse("Ti\x00tle\n\nNUL inside.").warnings]
