#!/usr/bin/env python3
"""HTML pages in: body, title, authors and date on the NAEB dev pages, beside trafilatura.

    python3 eval/html.py [--no-trafilatura] [--trafilatura-venv .venv-trafilatura] [--show N]

Scoring (as `../shared/data/README.md` describes it for `html/naeb_dev`):
- body: the article's `body` and `heading` paragraphs against `articleBody`, by the
  scrapinghub article-extraction-benchmark metric: 4-word shingles of `\\w+` tokens, per page
  TP/FP/FN normalised to sum 1, precision and recall averaged over pages, F1 of the two means;
- title: exact match after quote and whitespace normalisation;
- authors: names folded for case and punctuation, P/R/F1 summed over pages;
- date: `published` equal to the gold `date`.

The pages are split in two by a hash of their key: a tuned part, and an untouched quarter
(sha1("byline-html-holdout:" + key) starting with 0-3) that is not looked at while tuning and is
reported as the held-out estimate. Speed: pages/s of byline (extraction alone and the whole
pipeline, one thread) and of trafilatura's extraction, measured in this run.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, prf, read_jsonl, shared_data  # noqa: E402

TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)
QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‚": "'", "«": '"', "»": '"'})


def is_held_out(key: str) -> bool:
    return hashlib.sha1(f"byline-html-holdout:{key}".encode()).hexdigest()[0] in "0123"


def shingles(text: str, n: int = 4) -> Counter:
    tokens = TOKEN_RE.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_match(true: str, pred: str) -> tuple[float, float, float]:
    """Per-page TP, FP, FN over 4-shingles, normalised to sum 1 (scrapinghub's evaluate.py)."""
    t, p = shingles(true), shingles(pred)
    tp = fp = fn = 0.0
    for k in set(t) | set(p):
        tc, pc = t.get(k, 0), p.get(k, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s else (0.0, 0.0, 0.0)


def page_pr(tp: float, fp: float, fn: float) -> tuple[float, float]:
    precision = 1.0 if fp == fn == 0 else (0.0 if tp == fp == 0 else tp / (tp + fp))
    recall = 1.0 if fp == fn == 0 else (0.0 if tp == fn == 0 else tp / (tp + fn))
    return precision, recall


def norm_title(t: str | None) -> str:
    return " ".join((t or "").translate(QUOTES).split())


def fold_name(n: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", n.lower()).split())


def gold_authors(s: str) -> list[str]:
    return [f for f in (fold_name(p) for p in s.split(",")) if f]


def score(gold: dict[str, dict], pred: dict[str, dict], keys: list[str]) -> dict[str, float]:
    ps, rs = [], []
    titles = dates = 0
    a_tp = a_pred = a_gold = 0
    for k in keys:
        g, p = gold[k], pred.get(k, {})
        pr, rc = page_pr(*shingle_match(g["articleBody"], p.get("body", "")))
        ps.append(pr)
        rs.append(rc)
        titles += norm_title(g["title"]) == norm_title(p.get("title"))
        gd = None if g["date"] in ("", "NaT") else g["date"]
        dates += gd == p.get("date")
        ga = Counter(gold_authors(g["authors"]))
        pa = Counter(f for f in (fold_name(a) for a in p.get("authors", [])) if f)
        a_tp += sum((ga & pa).values())
        a_pred += sum(pa.values())
        a_gold += sum(ga.values())
    n = len(keys)
    p, r = sum(ps) / n, sum(rs) / n
    _, _, af = prf(a_tp, a_pred, a_gold)
    return {
        "pages": n,
        "body_p": p,
        "body_r": r,
        "body_f1": 2 * p * r / (p + r) if p + r else 0.0,
        "title": titles / n,
        "authors_f1": af,
        "date": dates / n,
    }


def load_pages(data: Path) -> tuple[dict[str, dict], list[dict[str, Any]]]:
    naeb = data / "html" / "naeb_dev"
    gold = json.loads((naeb / "articles.json").read_text(encoding="utf-8"))
    pages = []
    for key in sorted(gold):
        path = naeb / "html" / f"{key}.html.gz"
        if path.exists():
            html = gzip.decompress(path.read_bytes()).decode("utf-8", errors="replace")
            pages.append({"id": key, "html": html, "url": gold[key]["url"]})
    return gold, pages


def run_byline(pages_path: Path, tmp: Path) -> tuple[dict[str, dict], dict[str, float]]:
    subprocess.run(
        ["cargo", "build", "-q", "--release", "-p", "byline-core", "--example", "html_pages"], cwd=ROOT, check=True
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    out = tmp / "byline.jsonl"
    proc = subprocess.run(
        [target / "release" / "examples" / "html_pages", pages_path, "--out", out, "--repeat", "2"],
        capture_output=True,
        text=True,
    )
    if proc.returncode != 0:
        sys.exit(f"html_pages failed: {proc.stderr}")
    speeds = {}
    for line in proc.stderr.splitlines():
        m = re.match(r"(extraction|full pipeline): .* ([\d.]+) pages/s", line)
        if m:
            speeds[m.group(1)] = float(m.group(2))
    pred = {}
    for a in read_jsonl(out):
        text = a.get("text", "")
        chars = list(text)  # offsets are code points
        body = [
            "".join(chars[p["start"] : p["end"]]) for p in a["paragraphs"] if p["role"] in ("body", "heading")
        ]
        pred[a["id"]] = {
            "body": "\n\n".join(body),
            "title": a.get("title"),
            "authors": a.get("authors", []),
            "date": a.get("published"),
            "roles": [(p["role"], "".join(chars[p["start"] : p["end"]])) for p in a["paragraphs"]],
        }
    return pred, speeds


def run_trafilatura(venv: Path, pages_path: Path, tmp: Path) -> tuple[dict[str, dict], float]:
    python = venv / "bin" / "python"
    if not python.exists():
        sys.exit(f"no trafilatura venv at {venv}: run `make eval-html-venv` (or pass --no-trafilatura)")
    out = tmp / "trafilatura.jsonl"
    script = Path(__file__).resolve().parent / "html_trafilatura.py"
    # -P: eval/ (which holds html.py) must not shadow the standard library's `html`.
    proc = subprocess.run([python, "-P", script, pages_path, out], capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"trafilatura failed: {proc.stderr[-2000:]}")
    speed = float(re.search(r"([\d.]+) pages/s", proc.stderr).group(1))
    return {r["id"]: r for r in read_jsonl(out)}, speed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--no-trafilatura", action="store_true", help="score byline alone")
    ap.add_argument("--trafilatura-venv", type=Path, default=ROOT / ".venv-trafilatura")
    ap.add_argument("--show", type=int, default=0, help="print the N worst tuned pages by body F1")
    ap.add_argument("--tuned-only", action="store_true", help="score the tuned part only (while tuning)")
    ap.add_argument("--dump", type=Path, help="write byline's predictions on the tuned part to this JSON file")
    args = ap.parse_args()

    gold, pages = load_pages(shared_data())
    tuned = [p["id"] for p in pages if not is_held_out(p["id"])]
    held = [p["id"] for p in pages if is_held_out(p["id"])]
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        pages_path = tmp / "pages.jsonl"
        with open(pages_path, "w", encoding="utf-8") as f:
            for p in pages:
                f.write(json.dumps(p, ensure_ascii=False) + "\n")
        systems = {}
        byline_pred, speeds = run_byline(pages_path, tmp)
        systems["byline"] = byline_pred
        if not args.no_trafilatura:
            systems["trafilatura"], speeds["trafilatura"] = run_trafilatura(args.trafilatura_venv, pages_path, tmp)

    print(f"NAEB dev: {len(pages)} pages; tuned part {len(tuned)}, untouched part {len(held)} (held-out estimate)")
    header = f"{'part':<10} {'system':<12} {'body P':>7} {'body R':>7} {'body F1':>8} {'title':>6} {'authors':>8} {'date':>6}"
    print(header)
    parts = (("tuned", tuned),) if args.tuned_only else (("tuned", tuned), ("untouched", held), ("all", tuned + held))
    for part, keys in parts:
        for name, pred in systems.items():
            s = score(gold, pred, keys)
            print(
                f"{part:<10} {name:<12} {s['body_p']:>7.3f} {s['body_r']:>7.3f} {s['body_f1']:>8.3f}"
                f" {s['title']:>6.3f} {s['authors_f1']:>8.3f} {s['date']:>6.3f}"
            )
    print("speed, one thread, pages/s:")
    for k, v in speeds.items():
        print(f"  {k:<14} {v:>8.1f}")
    if "trafilatura" in speeds and "full pipeline" in speeds:
        print(f"  byline full pipeline / trafilatura: {speeds['full pipeline'] / speeds['trafilatura']:.1f}x")

    if args.dump:
        args.dump.write_text(json.dumps({k: byline_pred.get(k) for k in tuned}, ensure_ascii=False))
    if args.show:
        rows = []
        for k in tuned:
            p, r = page_pr(*shingle_match(gold[k]["articleBody"], byline_pred.get(k, {}).get("body", "")))
            rows.append((2 * p * r / (p + r) if p + r else 0.0, p, r, k))
        for f1, p, r, k in sorted(rows)[: args.show]:
            print(f"\n== {k} F1 {f1:.2f} P {p:.2f} R {r:.2f} {gold[k]['url']}")


if __name__ == "__main__":
    main()
