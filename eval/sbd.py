"""Sentence boundary evaluation: the English "Golden Rules" and GUM news.

    python eval/sbd.py [-v]

- Golden Rules (sbd/golden_rules_en.jsonl, 48 rules): a rule passes when byline's sentences, each
  stripped and whitespace-collapsed, equal the gold list. Counted twice: through the default path
  (`byline batch`, layout on, as users run it) and in plain-text mode (no title or boilerplate
  detection) through the `parse_jsonl` example.
- GUM news (sbd/gum_news_{dev,train}.jsonl): whole articles through `byline batch`, as users run it.
  A boundary is the end offset of a sentence, except the last of each document; precision, recall
  and F1 count exact matches against GUM's gold sentence ends.

`-v` lists the failing rules and every boundary error with its context.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import Any

from common import prf, read_jsonl, run_byline, run_parse_jsonl, shared_data


def parse_plain(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Parses bare-text records in plain-text mode with the `parse_jsonl` example."""
    return run_parse_jsonl(records, "--plain-text", "--layout-only")


def collapse(s: str) -> str:
    return re.sub(r"\s+", " ", s.strip())


def golden_rules(data: Path, plain: bool, verbose: bool) -> tuple[int, int]:
    rules = read_jsonl(data / "sbd" / "golden_rules_en.jsonl")
    records = [{"id": str(r["id"]), "text": r["text"]} for r in rules]
    articles = parse_plain(records) if plain else run_byline(records)
    passed = 0
    for rule, art in zip(rules, articles):
        got = [collapse(rule["text"][s["start"] : s["end"]]) for s in art["sentences"]]
        want = [collapse(s) for s in rule["sentences"]]
        if got == want:
            passed += 1
        elif verbose:
            print(f"  rule {rule['id']} ({rule['name']}):\n    want {want}\n    got  {got}")
    return passed, len(rules)


def boundaries(spans: list[tuple[int, int]]) -> set[int]:
    """Sentence ends, except the document's last."""
    ends = sorted(e for _, e in spans)
    return set(ends[:-1])


def gum(path: Path, verbose: bool) -> tuple[float, float, float, int]:
    docs = read_jsonl(path)
    articles = run_byline({"id": d["doc_id"], "text": d["text"]} for d in docs)
    tp = n_pred = n_gold = 0
    for doc, art in zip(docs, articles):
        if "error" in art:
            sys.exit(f"{doc['doc_id']}: {art['error']}")
        text = doc["text"]
        gold = boundaries([tuple(s) for s in doc["sentence_spans"]])
        pred = boundaries([(s["start"], s["end"]) for s in art["sentences"]])
        tp += len(gold & pred)
        n_pred += len(pred)
        n_gold += len(gold)
        if verbose:
            for kind, errs in (("missed", gold - pred), ("extra", pred - gold)):
                for e in sorted(errs):
                    print(f"  {doc['doc_id']} {kind}: {text[max(0, e - 60) : e]!r} | {text[e : e + 40]!r}")
    p, r, f = prf(tp, n_pred, n_gold)
    return p, r, f, n_gold


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-v", "--verbose", action="store_true", help="list failing rules and boundary errors")
    args = ap.parse_args()
    data = shared_data()
    for mode, plain in (("default parse", False), ("plain text", True)):
        passed, total = golden_rules(data, plain, args.verbose)
        print(f"Golden Rules (English), {mode}: {passed}/{total}")
    for split in ("dev", "train"):
        p, r, f, n = gum(data / "sbd" / f"gum_news_{split}.jsonl", args.verbose)
        print(f"GUM news {split}: boundary P {p:.4f}  R {r:.4f}  F1 {f:.4f}  ({n} gold boundaries)")


if __name__ == "__main__":
    main()
