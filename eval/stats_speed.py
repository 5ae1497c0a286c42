"""How fast `byline stats` prints the study over the BBC and Reuters corpora (issue 16).

    python eval/stats_speed.py

Parses each corpus once with `byline batch` into a temporary file, then times `byline stats`
over that output (best of three runs, wall clock and CPU), per 10,000 articles. The target is
under a second per 10,000 articles.
"""

from __future__ import annotations

import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import byline_binary, shared_data  # noqa: E402

CORPORA = ["bbc_news.jsonl", "reuters21578.jsonl"]


def main() -> None:
    binary = byline_binary()
    corpora = shared_data() / "corpora"
    with tempfile.TemporaryDirectory() as tmp:
        for name in CORPORA:
            out = Path(tmp) / name
            subprocess.run([binary, "batch", corpora / name, "-o", out, "--quiet"], check=False)
            n = sum(1 for line in out.open(encoding="utf-8") if line.strip())
            best_wall, best_cpu = float("inf"), float("inf")
            for _ in range(3):
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t = time.perf_counter()
                subprocess.run([binary, "stats", out], check=True, stdout=subprocess.DEVNULL)
                wall = time.perf_counter() - t
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                best_wall, best_cpu = min(best_wall, wall), min(best_cpu, cpu)
            size = out.stat().st_size / 1e6
            print(
                f"{name}: {n} articles ({size:.1f} MB of output): byline stats {best_wall:.2f} s wall, "
                f"{best_cpu:.2f} s CPU = {best_wall / n * 1e4:.2f} s wall, {best_cpu / n * 1e4:.2f} s CPU per 10,000 articles"
            )


if __name__ == "__main__":
    main()
