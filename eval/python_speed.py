"""parse_many against the CLI: the first 2,000 BBC News articles, parsed by `byline batch`
(the release binary, JSON Lines in and out) and by `byline.parse_many` in this Python.

The issue's bar: the Python call takes at most 1.3 times the CLI's time for the same work.
Both use every core; each side runs five times, interleaved, and the fastest run counts (the
machine is shared). Run it with the Python that has byline installed: `make eval-python`.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import byline
from common import best, byline_binary, read_jsonl, shared_data

N = 2000
RUNS = 5



def main() -> None:
    path = shared_data() / "corpora" / "bbc_news.jsonl"
    records = read_jsonl(path)[:N]
    mb = sum(len(r["text"].encode()) for r in records) / 1e6
    binary = byline_binary()
    with tempfile.TemporaryDirectory() as tmp:
        src, dst = Path(tmp) / "in.jsonl", Path(tmp) / "out.jsonl"
        with open(src, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

        def cli() -> None:
            subprocess.run([binary, "batch", src, "-o", dst], check=True, capture_output=True)

        def python_in_memory() -> None:
            byline.parse_many(records)

        def python_from_file() -> None:
            byline.parse_many(read_jsonl(src))

        t_cli, t_mem, t_file = best([cli, python_in_memory, python_from_file], RUNS)
        # The same work gives the same articles.
        cli_out = read_jsonl(dst)
        py_out = [a.to_dict() for a in byline.parse_many(records)]
        same = cli_out == py_out

    print(f"{len(records)} BBC articles, {mb:.2f} MB, best of {RUNS} runs, all cores")
    print(f"{'':34} {'seconds':>8} {'MB/s':>7} {'x CLI':>6}")
    for name, t in (
        ("byline batch (CLI, JSONL -> JSONL)", t_cli),
        ("parse_many(records)", t_mem),
        ("parse_many(read JSONL)", t_file),
    ):
        print(f"{name:34} {t:8.3f} {mb / t:7.1f} {t / t_cli:6.2f}")
    print(f"same articles as the CLI: {same}")
    ratio = t_mem / t_cli
    print(f"bar: parse_many within 1.3x the CLI: {'met' if ratio <= 1.3 else 'NOT met'} ({ratio:.2f}x)")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
