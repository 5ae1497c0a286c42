"""Shared helpers for the evaluation scripts: where the data is, and running byline over records.

The scripts drive the release `byline` binary through `byline batch`, whose JSON Lines
output is the stable contract (docs/schema.md), so they score exactly what users get.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Iterable

ROOT = Path(__file__).resolve().parents[1]


def shared_data() -> Path:
    """The development data directory; exits with a message when it is absent."""
    env = os.environ.get("BYLINE_SHARED_DATA")
    path = Path(env) if env else ROOT.parent / "shared" / "data"
    if not path.is_dir():
        sys.exit(f"development data not found at {path} (set BYLINE_SHARED_DATA)")
    return path


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def byline_binary() -> Path:
    """Builds (if needed) and returns the release `byline` binary."""
    subprocess.run(
        ["cargo", "build", "-q", "--release", "--bin", "byline"], cwd=ROOT, check=True
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    return target / "release" / "byline"


def run_byline(records: Iterable[dict[str, Any]], *args: str) -> list[dict[str, Any]]:
    """Parses `records` ({"id", "text", "published"?}) with `byline batch` and returns the
    output objects in input order. Extra `args` are passed to `byline batch`."""
    binary = byline_binary()
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        dst = Path(tmp) / "out.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        proc = subprocess.run([binary, "batch", src, "-o", dst, *args], capture_output=True, text=True)
        if proc.returncode not in (0, 1):
            sys.exit(f"byline batch failed: {proc.stderr}")
        return read_jsonl(dst)


def run_parse_jsonl(records: Iterable[dict[str, Any]], *args: str) -> list[dict[str, Any]]:
    """Parses `records` with the `parse_jsonl` example (single-threaded, with the parser options
    the CLI does not offer, such as `--plain-text` or `--entity-rules-off=NAME,...`) and returns
    its output objects in input order."""
    subprocess.run(
        ["cargo", "build", "-q", "--release", "-p", "byline-core", "--example", "parse_jsonl"],
        cwd=ROOT,
        check=True,
    )
    target = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
    binary = target / "release" / "examples" / "parse_jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        out = subprocess.run([binary, src, *args], capture_output=True, text=True, check=True)
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def best(fns: list[Callable[[], None]], runs: int) -> list[float]:
    """The fastest of `runs` timings of each function, the runs interleaved so that a busy
    moment of the shared machine does not land on one side only."""
    times: list[list[float]] = [[] for _ in fns]
    for _ in range(runs):
        for fn, ts in zip(fns, times):
            began = time.perf_counter()
            fn()
            ts.append(time.perf_counter() - began)
    return [min(ts) for ts in times]
