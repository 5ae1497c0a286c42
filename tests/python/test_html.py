"""The article view, drawn by the Rust renderer for both `Article._repr_html_` (a fragment in a
notebook) and `byline parse --render` (a standalone page): quotes linked to speakers, entities
coloured, a legend, input escaped, and both load in headless Chromium without errors in light and
dark themes."""

from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

import byline
from chromium import find_chromium, load, screenshot
from conftest import SEED
from helpers import build_article, offset_cases

HOSTILE = {
    "name": "hostile",
    "text": (
        "<script>window.__injected = true</script> Bad <b>Title</b>\n\n"
        "Jo <img src=x onerror=\"window.__injected=true\"> Ann said “<i>quoted</i> & <u>fine</u>” here."
    ),
    "entities": [{"label": "PERSON", "name": "Jo Ann", "mentions": ["Jo"]}],
    "quotes": [{"kind": "direct", "text": "<i>quoted</i> & <u>fine</u>", "speaker": "Jo", "cue": "said", "entity": 0}],
    "timexes": [],
}


def test_structure() -> None:
    article = build_article(offset_cases()[0])
    out = article._repr_html_()
    same = re.sub(r"byline\d+", "X", byline.render_html(article))
    assert re.sub(r"byline\d+", "X", out) == same
    assert set(re.findall(r'data-q="([^"]+)"', out)) == {q.id for q in article.quotes}
    assert set(re.findall(r'data-m="([^"]+)"', out)) == {str(m.start) for m in article.mentions}
    for q in article.quotes:
        assert f">{q.id}</a>" in out
    # Each quote badge links to an element that exists.
    for target in re.findall(r'class="bl-qid" href="#([^"]+)"', out):
        assert f'id="{target}"' in out
    assert "PERSON" in out and "GPE" in out and "Entities" in out and "speaker" in out
    assert "speakers: Zoë Ångström (2)" in out


def test_nominal_mentions_belong_to_their_entity() -> None:
    article = build_article(next(c for c in offset_cases() if c["name"] == "nominal_mentions"))
    out = article._repr_html_()
    spans = re.findall(r'<span class="([^"]*)" data-m="\d+" data-e="([^"]+)" data-kind="([^"]+)" '
                       r'data-label="([^"]+)" style="background:([^"]+)" title="([^"]+)">([^<]*)<', out)
    by_text = {text: (css, entity, kind, label, colour, tip) for css, entity, kind, label, colour, tip, text in spans}
    name, nominal = by_text["Ministry of Défense"], by_text["The ministry"]
    assert (nominal[1], nominal[3], nominal[4]) == (name[1], name[3], name[4]) == ("e1", "ORG", name[4])
    assert (name[2], nominal[2]) == ("name", "nominal")
    assert "bl-nominal" in nominal[0] and "bl-nominal" not in name[0]
    assert html.unescape(nominal[5]) == "ORG · Ministry of Défense (e1) · nominal"


def test_every_paragraph_is_shown_once() -> None:
    for article in (build_article(offset_cases()[0]), build_article(HOSTILE)):
        body = article._repr_html_().split("</div>", 3)[3]  # after the heading, meta line and legend
        body = re.sub(r'<a class="bl-qid".*?</a>|<span class="bl-role">.*?</span>', "", body)
        shown = re.findall(r"<p[^>]*>(.*?)</p>", body, flags=re.S)
        assert [html.unescape(re.sub(r"<[^>]+>", "", p)) for p in shown] == [p.text for p in article.paragraphs]


def test_input_is_escaped() -> None:
    article = build_article(HOSTILE)
    out = article._repr_html_()
    for raw in ("<script", "<img", "<b>Title", "<i>quoted", "<u>"):
        assert raw not in out
    assert "&lt;script&gt;" in out and "&lt;img src=x onerror=" in out and "&amp;" in out


def test_article_without_annotations_renders() -> None:
    out = byline.parse("")._repr_html_()
    assert "none found" in out and out.endswith("</div>")


def test_a_standalone_page_wraps_the_same_view() -> None:
    article = build_article(HOSTILE)
    document = byline.render_html(article, standalone=True)
    assert document.startswith("<!doctype html>") and document.rstrip().endswith("</html>")
    assert "<title>&lt;script&gt;window.__injected = true&lt;/script&gt; Bad &lt;b&gt;Title&lt;/b&gt;</title>" in document
    assert "<script" not in document and "prefers-color-scheme: dark" in document
    # The page's body is the fragment's, ids aside.
    inner = re.search(r'<div class="byline-article" id="byline">(.*)</div>\n</body>', document, flags=re.S)
    fragment = re.search(r"</style>(.*)</div>$", article._repr_html_(), flags=re.S)
    assert inner is not None and fragment is not None
    assert re.sub(r"byline\d*", "X", inner.group(1)) == re.sub(r"byline\d*", "X", fragment.group(1))
    assert byline.render_html(article, standalone=True) == document, "the same article, the same page"


@pytest.fixture
def chromium() -> str:
    path = find_chromium()
    if path is None and os.environ.get("CI"):
        pytest.fail("CI must have Chromium (.ci/run installs Debian's chromium)")
    if path is None:
        pytest.skip("no Chromium here (Debian: apt-get install chromium); skipping the browser test")
    return path


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_renders_in_headless_chromium(chromium: str, theme: str, tmp_path: Path, seed_text: str) -> None:
    cases = [build_article(c) for c in offset_cases()] + [build_article(HOSTILE), byline.parse(seed_text)]
    fragment = "".join(a._repr_html_() for a in cases)
    report, stderr = load(chromium, fragment, theme)
    assert report["errors"] == [], report
    assert "Uncaught" not in stderr
    assert not report["injected"] and report["scripts"] == 0
    assert report["quotes"] == sum(len(a.quotes) for a in cases) > 0
    assert report["entities"] == sum(len(a.mentions) for a in cases) > 0
    assert report["links"] > 0 and report["broken_links"] == 0
    assert report["legend"] >= 2
    assert report["entity_backgrounds"] == report["entities"]
    # Marked text keeps the theme's colour, so it stays readable in light and dark themes.
    assert report["text_colour_overridden"] == 0
    png = tmp_path / f"{theme}.png"
    screenshot(chromium, cases[0]._repr_html_(), png, theme, size="900,600")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5_000


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_rendered_page_in_headless_chromium(chromium: str, theme: str, tmp_path: Path) -> None:
    """`byline parse --render` (the console script) writes a page that reads in either system theme."""
    out = tmp_path / "article.html"
    script = Path(sys.executable).with_name("byline")
    proc = subprocess.run([str(script), "parse", str(SEED), "--render", str(out)], capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    document = out.read_text(encoding="utf-8")
    article = byline.parse(SEED.read_bytes())
    report, stderr = load(chromium, document, theme, standalone=True)
    assert report["errors"] == [] and "Uncaught" not in stderr, report
    assert report["scripts"] == 0
    assert report["quotes"] == len(article.quotes) > 0
    assert report["entities"] == len(article.mentions) > 0
    assert report["links"] > 0 and report["broken_links"] == 0 and report["legend"] >= 2
    assert report["text_colour_overridden"] == 0
    # The page follows the system theme: dark text on white, or light text on near-black.
    background, colour = THEME_COLOURS[theme]
    assert (report["background"], report["colour"]) == (background, colour), report
    png = tmp_path / f"page-{theme}.png"
    screenshot(chromium, document, png, theme, size="900,600", standalone=True)
    assert png.stat().st_size > 5_000


THEME_COLOURS = {
    "light": ("rgb(255, 255, 255)", "rgba(0, 0, 0, 0.87)"),
    "dark": ("rgb(17, 17, 17)", "rgba(255, 255, 255, 0.87)"),
}
