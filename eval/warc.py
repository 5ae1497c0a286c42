"""Throughput of `byline batch` on HTML pages: a web archive, JSON Lines records and page files.

    python eval/warc.py [--repeat 3]

The pages are the NAEB dev pages (../shared/data/html/naeb_dev/html/*.html.gz, 268 pages). They
are written three ways, each read by the release CLI on one thread and on two (`--threads N`,
output to /dev/null):
- a WARC as CC-NEWS writes it (`.warc.gz`, one gzip member per record): a warcinfo record, then
  for each page a request, an HTTP response (text/html) and a metadata record;
- JSON Lines `{"id", "html", "url"}` (the held-out sets' input);
- the page files themselves (`.html.gz`, a directory).
Wall time is the run's own summary (reading, decompressing, extracting, every stage, writing JSON;
not start-up); CPU time is the process's user + system time minus that of a run over no input.
Figures are medians of `--repeat` runs. The machine is shared, so CPU time is the steadier figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import byline_binary, shared_data  # noqa: E402


def warc_record(kind: str, uri: str, content_type: str, block: bytes) -> bytes:
    header = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return header.encode() + block + b"\r\n\r\n"


def pages(data: Path) -> list[tuple[str, bytes, Path]]:
    """(url, page bytes, page file) of every dev page, in file name order."""
    root = data / "html" / "naeb_dev"
    meta = json.loads((root / "articles.json").read_text(encoding="utf-8"))
    out = []
    for path in sorted((root / "html").glob("*.html.gz")):
        key = path.name.removesuffix(".html.gz")
        url = meta.get(key, {}).get("url") or f"https://naeb.example/{key}"
        out.append((url, gzip.decompress(path.read_bytes()), path))
    return out


def write_inputs(items: list[tuple[str, bytes, Path]], tmp: Path) -> dict[str, Path]:
    warc = tmp / "naeb_dev.warc.gz"
    with open(warc, "wb") as f:
        f.write(gzip.compress(warc_record("warcinfo", "", "application/warc-fields", b"software: eval/warc.py\r\n")))
        for url, page, _ in items:
            request = f"GET {url} HTTP/1.1\r\nUser-Agent: eval\r\n\r\n".encode()
            response = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
            f.write(gzip.compress(warc_record("request", url, "application/http; msgtype=request", request)))
            f.write(gzip.compress(warc_record("response", url, "application/http; msgtype=response", response)))
            f.write(gzip.compress(warc_record("metadata", url, "application/warc-fields", b"fetchTimeMs: 100\r\n")))
    jsonl = tmp / "naeb_dev.jsonl"
    with open(jsonl, "w", encoding="utf-8") as f:
        for url, page, path in items:
            html = page.decode("utf-8", errors="replace")
            f.write(json.dumps({"id": path.name, "html": html, "url": url}, ensure_ascii=False) + "\n")
    files = tmp / "pages"
    files.mkdir()
    for _, _, path in items:
        (files / path.name).symlink_to(path)
    return {"WARC (.warc.gz)": warc, "JSON Lines {id, html, url}": jsonl, "page files (.html.gz)": files}


def run(binary: Path, source: Path | None, threads: int, tmp: Path) -> tuple[dict[str, Any], float]:
    """One `byline batch` run: its summary, and the CPU seconds the process used."""
    summary = tmp / "summary.json"
    inputs = [str(source)] if source else ["-"]
    cmd = [binary, "batch", *inputs, "-o", os.devnull, "--threads", str(threads), "--quiet", "--allow-errors",
           "--summary-json", summary]
    child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"byline batch failed: {' '.join(map(str, cmd))}")
    return json.loads(summary.read_text())["summary"], usage.ru_utime + usage.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    args = ap.parse_args()
    binary = byline_binary()
    items = pages(shared_data())
    mb = sum(len(p) for _, p, _ in items) / 1e6
    with tempfile.TemporaryDirectory() as tmp_dir:
        tmp = Path(tmp_dir)
        inputs = write_inputs(items, tmp)
        floor = statistics.median(run(binary, None, 1, tmp)[1] for _ in range(args.repeat))
        print(f"{len(items)} NAEB dev pages, {mb:.1f} MB of HTML; load average {os.getloadavg()[0]:.1f} on "
              f"{os.cpu_count()} cores; start-up {floor:.3f} CPU s (subtracted)\n")
        print(f"  {'input':<28} {'threads':>7} {'pages':>6} {'errors':>6} {'wall s':>7} {'pages/s':>8}"
              f" {'CPU s':>7} {'pages/CPU-s':>11}")
        for name, source in inputs.items():
            for threads in (1, 2):
                runs = [run(binary, source, threads, tmp) for _ in range(args.repeat)]
                s = runs[0][0]
                wall = statistics.median(r["seconds"] for r, _ in runs)
                cpu = max(1e-9, statistics.median(c for _, c in runs) - floor)
                print(f"  {name:<28} {threads:>7} {s['records']:>6} {s['errors']:>6} {wall:>7.2f}"
                      f" {s['records'] / wall:>8.0f} {cpu:>7.2f} {s['records'] / cpu:>11.0f}")


if __name__ == "__main__":
    main()
