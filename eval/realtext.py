"""Real-text check of quote attribution on NAEB news articles (eval/realtext_quotes.toml).

    python eval/realtext.py [--errors] [--heldout-errors] [--check]

For each gold quote (its first words and its speaker, as a reader gives them), a byline quote of
kind direct or mixed *finds* it when the quote's text holds those words (compared as lowercase
letters and digits). The speaker is *right* when the found quote's speaker resolves to the gold
name: the same name, a fuller form of it, or its surname alone; for an unnamed gold speaker
("~official"), a mention with that word that names no one else. Printed per half (dev, held-out,
fresh): direct-quote recall and right-speaker rate, both over all gold quotes.

Articles are given to byline as their title, a blank line and the body, with their date. The
held-out half is scored but its errors are printed only with --heldout-errors: keep it untouched
while tuning. The fresh half (annotated blind, after the held-out half's errors had been read) is
the clean estimate: only its scores are printed, never its errors, and no flag prints them.

The gold is checked before anything runs (--check does only that, without building byline): every
key must be in the articles file, every half known, and every first-words string must occur, character
for character, in its article's title or body, so that a typo fails loudly instead of scoring as a miss.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run_byline, shared_data  # noqa: E402

GOLD = Path(__file__).resolve().parent / "realtext_quotes.toml"
HALVES = ("dev", "heldout", "fresh")
# Halves whose errors a flag may print; the fresh half's are never printed.
ERROR_FLAGS = {"dev": "errors", "heldout": "heldout_errors"}


def norm(s: str) -> str:
    """Lowercase letters and digits, one space between words; apostrophes dropped."""
    s = re.sub(r"['’‘`]", "", s.lower())
    return " ".join(re.findall(r"\w+", s))


def name_matches(gold: str, speaker: dict[str, Any] | None) -> bool:
    if speaker is None:
        return False
    name = norm(speaker.get("name") or speaker["text"])
    mention = norm(speaker["text"])
    for alt in gold.split("|"):
        if alt.startswith("~"):
            word = norm(alt[1:])
            named_else = speaker.get("entity") is not None and word not in name.split()
            if word in mention.split() and not named_else:
                return True
            continue
        want = norm(alt)
        if name == want:
            return True
        wt, nt = want.split(), name.split()
        if set(wt) <= set(nt) and len(wt) >= 1 and wt[-1] == nt[-1]:
            return True  # a fuller form of the name ("Harvey Mason Jr.")
        if set(nt) <= set(wt) and nt and nt[-1] == wt[-1]:
            return True  # the surname alone
    return False


def find(first: str, quotes: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The direct or mixed quote holding `first`, preferring one that opens with it."""
    want = norm(first)
    best = None
    for q in quotes:
        if q["kind"] not in ("direct", "mixed"):
            continue
        text = norm(q["text"])
        at = text.find(want)
        if at < 0:
            continue
        if best is None or at < best[0]:
            best = (at, q)
    return best[1] if best else None


def check_gold(gold: list[dict[str, Any]], pages: dict[str, Any]) -> None:
    """Exits with every problem found: unknown key or half, a repeated key, or first words that
    are not in the article character for character (curly apostrophes included)."""
    problems = []
    seen = set()
    for g in gold:
        key, half = g.get("key"), g.get("half")
        if key in seen:
            problems.append(f"{key}: listed twice")
        seen.add(key)
        if half not in HALVES:
            problems.append(f"{key}: unknown half {half!r}")
        page = pages.get(key)
        if page is None:
            problems.append(f"{key}: not in the articles file")
            continue
        text = f"{page['title']}\n\n{page['articleBody']}"
        for entry in g.get("quotes", []):
            well_formed = isinstance(entry, list) and len(entry) == 2
            if not (well_formed and all(isinstance(x, str) and x for x in entry)):
                problems.append(f"{key}: a quote must be [first words, speaker]: {entry!r}")
                continue
            if entry[0] not in text:
                problems.append(f"{key}: first words not in the article: {entry[0]!r}")
    if problems:
        sys.exit(f"{GOLD.name}: {len(problems)} problem(s)\n" + "\n".join(problems))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", action="store_true", help="print the dev half's misses and wrong speakers")
    ap.add_argument("--heldout-errors", action="store_true", help="print the held-out half's too")
    ap.add_argument("--check", action="store_true", help="check the gold against the articles and stop")
    args = ap.parse_args()
    pages = json.loads((shared_data() / "html" / "naeb_dev" / "articles.json").read_text(encoding="utf-8"))
    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))["article"]
    check_gold(gold, pages)
    if args.check:
        n = sum(len(g["quotes"]) for g in gold)
        print(f"{GOLD.name}: {len(gold)} articles, {n} quotes; every key and first-words string found")
        return
    records = []
    for g in gold:
        page = pages[g["key"]]
        rec = {"id": g["key"], "text": f"{page['title']}\n\n{page['articleBody']}"}
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.get("date") or ""):
            rec["published"] = page["date"]
        records.append(rec)
    outputs = {o.get("id"): o for o in run_byline(records)}
    print(f"Real-text check: {len(gold)} NAEB articles ({GOLD.name})")
    for half in HALVES:
        n = found = right = 0
        errors = []
        for g in (g for g in gold if g["half"] == half):
            quotes = outputs.get(g["key"], {}).get("quotes", [])
            for first, speaker in g["quotes"]:
                n += 1
                q = find(first, quotes)
                if q is None:
                    errors.append(f"  MISS {g['key'][:8]}: {first!r} ({speaker})")
                    continue
                found += 1
                if name_matches(speaker, q.get("speaker")):
                    right += 1
                else:
                    s = q.get("speaker")
                    got = f"{s['text']!r} -> {s.get('name')!r}" if s else None
                    errors.append(f"  SPEAKER {g['key'][:8]}: {first!r}: got {got}, want {speaker}")
        if n == 0:
            continue
        print(
            f"  {half:<8} direct-quote recall {found / n:.3f} ({found}/{n})"
            f"  right speaker {right / n:.3f} ({right}/{n}; {right / max(found, 1):.3f} of found)"
        )
        if errors and half in ERROR_FLAGS and getattr(args, ERROR_FLAGS[half]):
            print("\n".join(errors))


if __name__ == "__main__":
    main()
