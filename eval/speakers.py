"""Speaker kinds and gender of quoted people on PolNeAR dev (issue 16).

    python eval/speakers.py             # shares per speaker kind and gender; precision from the check file
    python eval/speakers.py --sample    # print a fresh sample to check by reading

Prints the share of byline's quotes per `speaker.kind` and per gender of the quoted person on the
PolNeAR dev articles, then scores the hand check in `eval/speaker_check.tsv`: quotes drawn at
random (fixed seed) from those byline calls `anonymous` and from those whose speaker has a gender,
each judged by reading the article (columns: quote id `article:qN`, what byline says, judgement
`ok` or `wrong`, a note). Precision of `anonymous` = ok / checked anonymous quotes; precision of
gender = ok / checked gendered quotes. PolNeAR is eval/dev only.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run_byline, shared_data  # noqa: E402
from quotes import load_split  # noqa: E402

CHECK_FILE = Path(__file__).resolve().parent / "speaker_check.tsv"
SAMPLE = 25  # of each: anonymous quotes, gendered quotes
SEED = 16


def gender_of(article: dict[str, Any], quote: dict[str, Any]) -> str | None:
    """The gender of the quote's speaker entity (people only), with what told it."""
    s = quote.get("speaker")
    if not s or s.get("kind") != "person" or not s.get("entity"):
        return None
    e = next(e for e in article["entities"] if e["id"] == s["entity"])
    return f"{e['gender']} ({e['gender_by']})" if e["gender"] else None


def context(text: str, quote: dict[str, Any], width: int = 220) -> str:
    s = quote.get("speaker") or quote
    start = max(0, min(quote["start"], s["start"]) - 60)
    end = min(len(text), max(quote["end"], s["end"]) + 60)
    return " ".join(text[start:end][: width * 2].split())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sample", action="store_true", help="print a fresh sample to check by reading")
    args = ap.parse_args()
    gold = load_split(shared_data(), "dev")
    records = [{"id": a["id"], "text": a["text"], "published": a["published"]} for a in gold]
    out = run_byline(records)
    texts = {a["id"]: a["text"] for a in gold}
    quotes = [(a, q) for a in out if "quotes" in a for q in a["quotes"]]

    kinds = Counter((q["speaker"] or {}).get("kind", "none") for _, q in quotes)
    print(f"PolNeAR dev: {len(out)} articles, {len(quotes)} quotes")
    print("speaker kinds:")
    for kind in ("person", "organization", "anonymous", "document", "unresolved", "none"):
        print(f"  {kind:<13} {kinds[kind]:>5}  {kinds[kind] / max(1, len(quotes)):6.1%}")
    person = [(a, q) for a, q in quotes if (q["speaker"] or {}).get("kind") == "person"]
    genders = Counter((gender_of(a, q) or "unknown").split(" ")[0] for a, q in person)
    by = Counter((gender_of(a, q) or "unknown (-)").split(" ")[1].strip("()") for a, q in person)
    print(f"gender of the {len(person)} quotes by people:")
    for g in ("female", "male", "unknown"):
        print(f"  {g:<13} {genders[g]:>5}  {genders[g] / max(1, len(person)):6.1%}")
    print("  decided by: " + ", ".join(f"{k} {n}" for k, n in by.most_common() if k != "-"))

    if args.sample:
        rng = random.Random(SEED)
        anon = [(a, q) for a, q in quotes if (q["speaker"] or {}).get("kind") == "anonymous"]
        gendered = [(a, q) for a, q in person if gender_of(a, q)]
        for label, pool in (("anonymous", anon), ("gender", gendered)):
            for a, q in rng.sample(pool, min(SAMPLE, len(pool))):
                says = q["speaker"]["text"] if label == "anonymous" else gender_of(a, q)
                print(f"{a['id']}:{q['id']}\t{label}\t{says}\t{q['speaker']['name']}\t{context(texts[a['id']], q)}")
        return

    rows = list(csv.DictReader(CHECK_FILE.open(encoding="utf-8"), delimiter="\t"))
    if not rows:
        sys.exit(f"{CHECK_FILE} has no checked quotes")
    for what in ("anonymous", "gender"):
        checked = [r for r in rows if r["check"] == what]
        ok = sum(r["judgement"] == "ok" for r in checked)
        print(f"precision of {what} (checked by reading, {CHECK_FILE.name}): {ok}/{len(checked)} = {ok / max(1, len(checked)):.0%}")


if __name__ == "__main__":
    main()
