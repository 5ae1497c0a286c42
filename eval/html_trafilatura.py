#!/usr/bin/env python3
"""trafilatura over the pages of a JSON Lines file, for eval/html.py (runs in the eval-only venv).

    .venv-trafilatura/bin/python eval/html_trafilatura.py PAGES.jsonl OUT.jsonl

Writes {"id", "body", "title", "authors", "date"} per page and prints pages/s (one thread,
extraction with metadata, the same work byline's extraction does) on standard error.
"""

import json
import sys
import time

import trafilatura


def main() -> None:
    src, dst = sys.argv[1], sys.argv[2]
    with open(src, encoding="utf-8") as f:
        pages = [json.loads(line) for line in f if line.strip()]
    out = []
    start = time.perf_counter()
    for p in pages:
        doc = trafilatura.bare_extraction(p["html"], url=p.get("url"), with_metadata=True)
        if doc is None:
            out.append({"id": p["id"], "body": "", "title": None, "authors": [], "date": None})
            continue
        d = doc if isinstance(doc, dict) else doc.as_dict()
        authors = [a.strip() for a in (d.get("author") or "").split(";") if a.strip()]
        out.append(
            {"id": p["id"], "body": d.get("text") or "", "title": d.get("title"), "authors": authors, "date": d.get("date")}
        )
    secs = time.perf_counter() - start
    with open(dst, "w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"trafilatura: {len(pages)} pages in {secs:.1f} s: {len(pages) / secs:.1f} pages/s", file=sys.stderr)


if __name__ == "__main__":
    main()
