"""Headless Chromium for looking at rendered articles as a person would: load a page, read back
what its DOM says, take a screenshot. Used by test_html.py and screenshot.py.

Two kinds of input: a fragment (``Article._repr_html_``), shown in a page coloured like a Jupyter
theme; and a standalone document (``byline parse --render``), shown as it is, with Chromium
asked for a dark system theme when the theme is dark."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

THEMES = {
    # Jupyter's own light and dark page colours.
    "light": ("#ffffff", "rgba(0, 0, 0, 0.87)"),
    "dark": ("#111111", "rgba(255, 255, 255, 0.87)"),
}

# Runs after the fragment has loaded: checks what a reader would notice and writes a report
# into the page, which `--dump-dom` hands back.
_PROBE = """
<script>
(function () {
  const body = getComputedStyle(document.body).color;
  // Marks are cut where other marks begin or end: count each quote or mention once.
  const distinct = (sel, key) => new Set([...document.querySelectorAll('.byline-article p ' + sel)].map(
      e => e.closest('.byline-article').id + '/' + e.dataset[key])).size;
  const marked = [...document.querySelectorAll('.bl-q, .bl-ent, .bl-spk, .bl-cue')];
  const links = [...document.querySelectorAll('a.bl-qid[href]')];
  const report = {
    errors: window.__errors,
    quotes: distinct('[data-q]', 'q'),
    entities: distinct('[data-m]', 'm'),
    legend: document.querySelectorAll('.bl-legend .bl-swatch').length,
    broken_links: links.filter(a => !document.getElementById(a.getAttribute('href').slice(1))).length,
    links: links.length,
    text_colour_overridden: marked.filter(e => getComputedStyle(e).color !== body).length,
    entity_backgrounds: [...document.querySelectorAll('.bl-ent')].filter(
        e => getComputedStyle(e).backgroundColor !== 'rgba(0, 0, 0, 0)').length,
    injected: window.__injected === true,
    scripts: document.querySelectorAll('.byline-article script').length,
    background: getComputedStyle(document.body).backgroundColor,
    colour: body,
  };
  const pre = document.createElement('pre');
  pre.id = 'byline-report';
  pre.style.display = 'none';
  pre.textContent = JSON.stringify(report);
  document.body.appendChild(pre);
})();
</script>
"""


def find_chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


def page(fragment: str, theme: str = "light") -> str:
    """A full page around an HTML fragment, coloured like a Jupyter theme."""
    bg, fg = THEMES[theme]
    return (
        '<!doctype html><html><head><meta charset="utf-8"><title>byline</title>'
        f"{_ERRORS}"
        f"<style>body {{ background: {bg}; color: {fg}; margin: 16px; }}</style></head>"
        f"<body>{fragment}{_PROBE}</body></html>"
    )


_ERRORS = (
    "<script>window.__errors = []; window.addEventListener('error', e => window.__errors.push(String(e.message)));"
    "</script>"
)


def probed(document: str) -> str:
    """A standalone document with the error catcher and the probe added (the document itself has
    no scripts)."""
    head, body = document.index("<head>") + len("<head>"), document.rindex("</body>")
    return document[:head] + _ERRORS + document[head:body] + _PROBE + document[body:]


def _run(chromium: str, args: list[str], target: Path, theme: str) -> subprocess.CompletedProcess[str]:
    dark = ["--force-dark-mode"] if theme == "dark" else []  # prefers-color-scheme: dark
    # /dev/shm is small in containers; --disable-dev-shm-usage keeps shared memory in /tmp.
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]
    cmd = [chromium, *flags, *dark, *args, target.as_uri()]
    # A browser killed by a signal (seen once: SIGSEGV at start-up on a loaded VM) says nothing
    # about the page: run it again, at most twice, before reporting the failure.
    for _ in range(3):
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=False)
        if proc.returncode >= 0:
            break
    return proc


def load(chromium: str, markup: str, theme: str = "light", standalone: bool = False) -> tuple[dict[str, Any], str]:
    """Loads a fragment in a themed page, or a standalone document as it is; returns the probe's
    report and Chromium's stderr."""
    document = probed(markup) if standalone else page(markup, theme)
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "page.html"
        target.write_text(document, encoding="utf-8")
        proc = _run(chromium, ["--dump-dom", "--enable-logging=stderr", "--v=0"], target, theme)
    if proc.returncode != 0:
        raise RuntimeError(f"chromium exited {proc.returncode}: {proc.stderr[-2000:]}")
    found = re.search(r'<pre id="byline-report"[^>]*>(.*?)</pre>', proc.stdout, flags=re.S)
    if found is None:
        raise RuntimeError(f"the page did not finish loading: {proc.stderr[-2000:]}")
    raw = found.group(1)
    return json.loads(html.unescape(raw)), proc.stderr


def screenshot(
    chromium: str, markup: str, out: Path, theme: str = "light", size: str = "1000,1200", standalone: bool = False
) -> None:
    """Saves a PNG of a fragment in a themed page, or of a standalone document."""
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "page.html"
        target.write_text(markup if standalone else page(markup, theme), encoding="utf-8")
        proc = _run(chromium, [f"--screenshot={out.resolve()}", f"--window-size={size}"], target, theme)
    if proc.returncode != 0 or not out.is_file():
        raise RuntimeError(f"screenshot failed ({proc.returncode}): {proc.stderr[-2000:]}")
