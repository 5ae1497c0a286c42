"""Scores byline's quotes against PolNeAR (source / cue / content attributions).

    python eval/quotes.py [--split dev|train|both] [--errors N]

The metric follows the Gender Gap Tracker's evaluation:

- A gold content is *found* when one predicted attribution covers at least T of its characters
  (T = 30%, and 80% reported separately). A predicted attribution is the union of the quotes that
  share a cue and a speaker: the pieces of a split quote ("A," he said, "B.") and the quote-only
  follow-ups that inherit them, which PolNeAR annotates as one discontinuous content.
- A predicted attribution is *correct* when at least T of its characters lie in one gold content.
- Characters are counted without whitespace and double quotation marks: gold contents include
  their marks and byline's direct quotes exclude them.
- The speaker of a found content is right when the predicted `speaker` span overlaps the gold Source.
  Speaker accuracy is over found contents that have a gold Source.

Two views: *quote-marked* contents (gold contents with a double quotation mark in them or at their
edges, scored against byline's direct and mixed quotes) and *all attributions* (every gold content,
indirect included, against every byline quote).

PolNeAR is eval/dev only: nothing here is shipped or trained on. One .ann file per article (the
first in sorted order, when several annotators worked on it).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import run_byline, shared_data  # noqa: E402

DOUBLE_MARKS = set("“”\"«»„")
THRESHOLDS = (0.3, 0.8)


def load_split(root: Path, split: str) -> list[dict[str, Any]]:
    """Articles of one PolNeAR split with their gold attributions."""
    base = root / "quotes" / "polnear" / "data" / split
    first_ann: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        first_ann.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    articles = []
    for name, ann in sorted(first_ann.items()):
        text = (base / "text" / f"{name}.txt").read_text(encoding="utf-8")
        articles.append({"id": name, "text": text, "gold": read_ann(ann), "published": date_of(name)})
    return articles


def date_of(name: str) -> str | None:
    m = re.search(r"_(\d{4}-\d{2}-\d{2})_", name)
    return m.group(1) if m else None


def read_ann(path: Path) -> list[dict[str, Any]]:
    """The attributions of one brat file: content ranges, source ranges (or None), cue ranges."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    relations = []
    for line in path.read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("T") and len(cols) >= 3:
            label, _, ranges = cols[1].partition(" ")
            spans[cols[0]] = (label, [tuple(map(int, r.split())) for r in ranges.split(";")])
        elif line.startswith("E") and len(cols) >= 2:
            relations.append(dict(part.split(":", 1) for part in cols[1].split()))
    gold = []
    for rel in relations:
        def ranges(role: str) -> list[tuple[int, int]] | None:
            tid = rel.get(role)
            return spans[tid][1] if tid in spans else None

        content = ranges("Content")
        if content:
            gold.append({"content": content, "source": ranges("Source"), "cue": ranges("Cue")})
    return gold


def char_set(text: str, ranges: list[tuple[int, int]]) -> set[int]:
    """Positions in `ranges`, without whitespace and double quotation marks (`''` included)."""
    out = set()
    for s, e in ranges:
        for i in range(s, e):
            c = text[i]
            if c.isspace() or c in DOUBLE_MARKS:
                continue
            if c == "'" and (text[i - 1 : i] == "'" or text[i + 1 : i + 2] == "'"):
                continue
            out.add(i)
    return out


def quote_marked(text: str, ranges: list[tuple[int, int]]) -> bool:
    """True when a content has a double quotation mark in it or right at its edges."""
    for s, e in ranges:
        window = text[max(0, s - 1) : e + 1]
        if any(c in DOUBLE_MARKS for c in window) or "''" in window:
            return True
    return False


def predicted_groups(article: dict[str, Any]) -> list[dict[str, Any]]:
    """byline's quotes grouped into attributions: pieces sharing a cue and a speaker are one."""
    groups: dict[Any, dict[str, Any]] = {}
    for i, q in enumerate(article["quotes"]):
        spk = q.get("speaker")
        cue = q.get("cue")
        key = (
            (cue["start"], cue["end"], spk["start"] if spk else None, spk["end"] if spk else None)
            if cue
            else ("solo", i)
        )
        g = groups.setdefault(key, {"ranges": [], "speaker": spk, "kinds": set(), "cue": cue})
        g["ranges"].append((q["start"], q["end"]))
        g["kinds"].add(q["kind"])
    return list(groups.values())


class Score:
    """Counts for one view at one threshold."""

    def __init__(self) -> None:
        self.n_gold = self.found = self.n_pred = self.correct = 0
        self.with_source = self.speaker_ok = 0

    def line(self, name: str, t: float) -> str:
        p = self.correct / self.n_pred if self.n_pred else 0.0
        r = self.found / self.n_gold if self.n_gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        acc = self.speaker_ok / self.with_source if self.with_source else 0.0
        return (
            f"{name:<24} {int(t * 100):>3}%  P {p:.3f}  R {r:.3f}  F1 {f:.3f}  speaker {acc:.3f}"
            f"   (gold {self.n_gold}, pred {self.n_pred}, found {self.found}, correct {self.correct},"
            f" speakers {self.speaker_ok}/{self.with_source})"
        )


def overlaps(a: tuple[int, int], ranges: list[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in ranges)


def score(
    articles: list[dict[str, Any]], outputs: list[dict[str, Any]], errors: list[str] | None = None
) -> dict[tuple[str, float], Score]:
    scores = {(view, t): Score() for view in ("quote-marked", "all") for t in THRESHOLDS}
    for art, out in zip(articles, outputs):
        text = art["text"]
        golds = []
        for g in art["gold"]:
            chars = char_set(text, g["content"])
            if chars:
                golds.append({**g, "chars": chars, "marked": quote_marked(text, g["content"])})
        preds = []
        for p in predicted_groups(out):
            chars = char_set(text, p["ranges"])
            if chars:
                preds.append({**p, "chars": chars, "marked": bool(p["kinds"] & {"direct", "mixed"})})
        for view in ("quote-marked", "all"):
            vg = [g for g in golds if view == "all" or g["marked"]]
            vp = [p for p in preds if view == "all" or p["marked"]]
            for t in THRESHOLDS:
                s = scores[(view, t)]
                s.n_gold += len(vg)
                s.n_pred += len(vp)
                for g in vg:
                    best = max(vp, key=lambda p: len(p["chars"] & g["chars"]), default=None)
                    if best is None or len(best["chars"] & g["chars"]) < t * len(g["chars"]):
                        if errors is not None and t == THRESHOLDS[0]:
                            errors.append(f"MISS[{view}] {art['id']}: {snippet(text, g['content'])}")
                        continue
                    s.found += 1
                    if g["source"]:
                        s.with_source += 1
                        spk = best["speaker"]
                        if spk and overlaps((spk["start"], spk["end"]), g["source"]):
                            s.speaker_ok += 1
                        elif errors is not None and t == THRESHOLDS[0]:
                            got = spk["text"] if spk else None
                            want = snippet(text, g["source"])
                            errors.append(
                                f"SPEAKER[{view}] {art['id']}: got {got!r} want {want!r}: "
                                f"{snippet(text, g['content'])}"
                            )
                for p in vp:
                    if any(len(p["chars"] & g["chars"]) >= t * len(p["chars"]) for g in golds):
                        s.correct += 1
                    elif errors is not None and t == THRESHOLDS[0] and view == "all":
                        spk = p["speaker"]["text"] if p["speaker"] else None
                        errors.append(f"FALSE[{sorted(p['kinds'])}] {art['id']}: {spk!r}: {snippet(text, p['ranges'])}")
    return scores


def snippet(text: str, ranges: list[tuple[int, int]], width: int = 160) -> str:
    s = " | ".join(text[a:b] for a, b in ranges).replace("\n", " ")
    return s if len(s) <= width else s[: width - 3] + "..."


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", choices=["dev", "train", "both"], default="dev")
    ap.add_argument("--errors", type=int, default=0, help="print this many sampled errors of each kind")
    args = ap.parse_args()
    root = shared_data()
    splits = ["train", "dev"] if args.split == "both" else [args.split]
    for split in splits:
        articles = load_split(root, split)
        records = [{"id": a["id"], "text": a["text"], "published": a["published"]} for a in articles]
        outputs = run_byline(records)
        by_id = {o.get("id"): o for o in outputs}
        outputs = [by_id.get(a["id"], {"quotes": []}) for a in articles]
        errors: list[str] | None = [] if args.errors else None
        scores = score(articles, outputs, errors)
        print(f"PolNeAR {split}: {len(articles)} articles")
        for (view, t), s in scores.items():
            print("  " + s.line(f"{view} contents" if view != "all" else "all attributions", t))
        if errors:
            rng = random.Random(0)
            for kind in ("MISS[quote-marked]", "SPEAKER[quote-marked]", "MISS[all]", "SPEAKER[all]", "FALSE"):
                picked = [e for e in errors if e.startswith(kind)]
                print(f"\n{kind}: {len(picked)}")
                for e in rng.sample(picked, min(args.errors, len(picked))):
                    print("  " + e)


if __name__ == "__main__":
    main()
