"""Renders the seed article with `byline parse --render` (the console script) and saves a
screenshot of the page (for the README).

Usage: python tests/python/screenshot.py OUT.png [light|dark]
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from chromium import find_chromium, screenshot
from conftest import SEED


def main() -> None:
    out = Path(sys.argv[1])
    theme = sys.argv[2] if len(sys.argv) > 2 else "light"
    chromium = find_chromium()
    if chromium is None:
        sys.exit("no Chromium found (Debian: apt-get install chromium)")
    script = Path(sys.executable).with_name("byline")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "article.html"
        cmd = [str(script), "parse", str(SEED), "--published", "2023-02-25", "--render", str(page)]
        subprocess.run(cmd, check=True)
        screenshot(chromium, page.read_text(encoding="utf-8"), out, theme, size="1000,1100", standalone=True)
    print(f"wrote {out} ({theme})")


if __name__ == "__main__":
    main()
