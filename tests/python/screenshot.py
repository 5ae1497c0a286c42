"""Renders the seed article as Jupyter shows it and saves a screenshot (for the README).

Usage: python tests/python/screenshot.py OUT.png [light|dark]
"""

from __future__ import annotations

import sys
from pathlib import Path

import byline
from chromium import find_chromium, screenshot
from conftest import SEED


def main() -> None:
    out = Path(sys.argv[1])
    theme = sys.argv[2] if len(sys.argv) > 2 else "light"
    chromium = find_chromium()
    if chromium is None:
        sys.exit("no Chromium found (Debian: apt-get install chromium)")
    article = byline.parse(SEED.read_text(encoding="utf-8"), published="2023-02-25")
    screenshot(chromium, article._repr_html_(), out, theme, size="1000,1100")
    print(f"wrote {out} ({theme}): {article!r}")


if __name__ == "__main__":
    main()
