"""byline: fast, accurate parsing of news articles.

>>> import byline
>>> article = byline.parse("Headline\\n\\nBody text.")
>>> article["title"]
'Headline'
"""

from __future__ import annotations

import json
from typing import Any

from byline._byline import __version__, parse_json

__all__ = ["__version__", "parse"]


def parse(text: str, *, published: str | None = None) -> dict[str, Any]:
    """Parse one news article.

    Args:
        text: The article as plain text, headline first.
        published: Publication date as ``YYYY-MM-DD``; anchors relative time expressions.

    Returns:
        The article as a dict following the JSON contract (``SCHEMA.md``).
    """
    return json.loads(parse_json(text, published))
