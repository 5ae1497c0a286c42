"""Real-text check of quote attribution on NAEB news articles (eval/realtext_quotes.toml).

    python eval/realtext.py [--errors] [--heldout-errors]

For each gold quote (its first words and its speaker, as a reader gives them), a byline quote of
kind direct or mixed *finds* it when the quote's text holds those words (compared as lowercase
letters and digits). The speaker is *right* when the found quote's speaker resolves to the gold
name: the same name, a fuller form of it, or its surname alone; for an unnamed gold speaker
("~official"), a mention with that word that names no one else. Printed per half (dev, held-out):
direct-quote recall and right-speaker rate, both over all gold quotes.

Articles are given to byline as their title, a blank line and the body, with their date. The
held-out half is scored but its errors are printed only with --heldout-errors: keep it untouched
while tuning.
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--errors", action="store_true", help="print the dev half's misses and wrong speakers")
    ap.add_argument("--heldout-errors", action="store_true", help="print the held-out half's too")
    args = ap.parse_args()
    pages = json.loads((shared_data() / "html" / "naeb_dev" / "articles.json").read_text(encoding="utf-8"))
    gold = tomllib.loads(GOLD.read_text(encoding="utf-8"))["article"]
    records = []
    for g in gold:
        page = pages[g["key"]]
        rec = {"id": g["key"], "text": f"{page['title']}\n\n{page['articleBody']}"}
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", page.get("date") or ""):
            rec["published"] = page["date"]
        records.append(rec)
    outputs = {o.get("id"): o for o in run_byline(records)}
    print(f"Real-text check: {len(gold)} NAEB articles ({GOLD.name})")
    for half in ("dev", "heldout"):
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
        print(
            f"  {half:<8} direct-quote recall {found / n:.3f} ({found}/{n})"
            f"  right speaker {right / n:.3f} ({right}/{n}; {right / max(found, 1):.3f} of found)"
        )
        if errors and (args.errors and half == "dev" or args.heldout_errors and half == "heldout"):
            print("\n".join(errors))


if __name__ == "__main__":
    main()
