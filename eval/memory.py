"""Peak memory of `byline batch` is flat in corpus size: 1x and 10x Reuters-21578.

    python eval/memory.py [--times 1 10]

Runs the release CLI over the Reuters corpus and over it repeated 10 times (ids made
unique), output to a temporary file, plain and with `--tables` and `--stats`, and prints each
run's peak resident set size, measured by GNU time when installed, else by the kernel's rusage of
the child (which on Linux includes the parent's peak at the spawn, so this script streams the
corpus and stays small).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import byline_binary, shared_data  # noqa: E402


GNU_TIME = Path("/usr/bin/time")


def peak_rss_mb(cmd: list[str]) -> tuple[float, float]:
    """Runs `cmd`; returns (peak RSS in MB, wall seconds). GNU time, when installed, measures the
    command alone; otherwise the child's rusage does (which includes this script's peak)."""
    start = time.perf_counter()
    if GNU_TIME.exists():
        proc = subprocess.run([str(GNU_TIME), "-f", "%M", *cmd], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True)
        rss_kb = float(proc.stderr.strip().splitlines()[-1])
        code = proc.returncode
    else:
        child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = code = os.waitstatus_to_exitcode(status)
        rss_kb = usage.ru_maxrss
    if code not in (0, 1):
        sys.exit(f"{' '.join(map(str, cmd))} failed with {code}")
    return rss_kb / 1024, time.perf_counter() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--times", type=int, nargs="+", default=[1, 10], help="corpus copies for each run")
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()

    binary = byline_binary()
    source = shared_data() / "corpora" / "reuters21578.jsonl"
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        inputs = {t: tmp_path / f"x{t}.jsonl" for t in args.times}
        counts = {}
        for times, path in inputs.items():
            counts[times] = 0
            with open(path, "w", encoding="utf-8") as out:
                for copy in range(times):
                    with open(source, encoding="utf-8") as f:
                        for line in f:
                            record = json.loads(line)
                            out.write(json.dumps({"id": f"{record['id']}#{copy}", "text": record["text"],
                                                  "published": record.get("published")}) + "\n")
                            counts[times] += 1
        if not GNU_TIME.exists():
            floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"(no {GNU_TIME}: figures include this script's own peak RSS, {floor:.1f} MB)")
        print(f"{'corpus':<14} {'MB':>8} {'articles':>9}  {'mode':<18} {'peak RSS MB':>11} {'seconds':>8}")
        for times, path in inputs.items():
            mb = path.stat().st_size / 1e6
            n = counts[times]
            for mode, extra in [("jsonl", []), ("jsonl+tables+stats", ["--tables", str(tmp_path / "t"), "--stats"])]:
                cmd = [str(binary), "batch", str(path), "-o", os.devnull, "--quiet",
                       "--threads", str(args.threads), *extra]
                if extra:
                    cmd.append("--allow-errors")
                rss, secs = peak_rss_mb(cmd)
                print(f"reuters x{times:<6} {mb:>8.1f} {n:>9}  {mode:<18} {rss:>11.1f} {secs:>8.1f}")


if __name__ == "__main__":
    main()
