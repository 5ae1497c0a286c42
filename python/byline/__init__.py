"""byline: fast, accurate parsing of news articles.

Who said what, about whom, and when: ``byline.parse`` turns a raw news article into an
``Article`` with its layout, sentences, entities, quotes (with speakers and cues) and time
expressions. Offsets are code point offsets into ``article.text``.

>>> import byline
>>> article = byline.parse("Storm Hits Coast\\n\\nThe storm arrived on Monday.", published="2023-03-01")
>>> article.title
'Storm Hits Coast'
>>> [p.role for p in article.paragraphs]
['title', 'body']
>>> article["title"]
'Storm Hits Coast'
"""

from __future__ import annotations

from byline._byline import (
    Article,
    BylineError,
    Dateline,
    Entity,
    InputTooLargeError,
    InternalError,
    InvalidDateError,
    InvalidInputError,
    InvalidJsonError,
    InvalidOptionError,
    Mention,
    Paragraph,
    Parser,
    ParseWarning,
    Quote,
    Sentence,
    Source,
    Span,
    Speaker,
    Timex,
    __version__,
    parse,
    parse_html,
    parse_files,
    parse_many,
    render_html,
)
from byline._tables import TABLES, stats, to_arrow, to_pandas

__all__ = [
    "TABLES",
    "Article",
    "BylineError",
    "Dateline",
    "Entity",
    "InputTooLargeError",
    "InternalError",
    "InvalidDateError",
    "InvalidInputError",
    "InvalidJsonError",
    "InvalidOptionError",
    "Mention",
    "Paragraph",
    "ParseWarning",
    "Parser",
    "Quote",
    "Sentence",
    "Source",
    "Span",
    "Speaker",
    "Timex",
    "__version__",
    "parse",
    "parse_files",
    "parse_html",
    "parse_many",
    "render_html",
    "stats",
    "to_arrow",
    "to_pandas",
]
