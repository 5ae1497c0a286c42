"""Builds the compact gazetteers the entities stage embeds, from the shared name lists and SCOWL.

Reproducible: the same inputs give the same files, sorted and deduplicated.

    BYLINE_SHARED_DATA=/path/to/shared/data python3 train/ner/build_lexicons.py

Inputs (all permissive; see NOTICE):
  $BYLINE_SHARED_DATA/ner/gazetteers/  GeoNames (CC BY 4.0), US Census 1990 names (public domain),
                                       countryinfo demonyms (MIT)
  /usr/share/dict/american-english     SCOWL size 50 (Debian package `wamerican`; SCOWL licence, permissive)

Outputs in crates/core/data/entities/ (the hand-written lexicons there are not touched):
  places.tsv       name, kind (C country, S state, T town), log10 population, and for an alias
                   the GeoNames name it stands for
  first_names.tsv  name, gender (m, f or u), log10 of frequency per million
  surnames.txt     the most common US surnames, most common first
  demonyms.tsv     demonym, country
  lower_words.txt  words that English spells in lower case (for sentence-initial capitals)
"""

from __future__ import annotations

import csv
import math
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crates" / "core" / "data" / "entities"
SCOWL = Path("/usr/share/dict/american-english")

# Aliases of cities below this population are left out: they are noisy and rarely in the news.
ALIAS_MIN_POP = 200_000
SURNAMES = 30_000
# An alias must look like a place name in English text: capitalised words, no digits.
# Aliases that name an institution in the place rather than the place are left out.
INSTITUTION_RE = re.compile(r"\b(University|College|School|Institute|Airport|Station|Hospital|Church|Cathedral|Castle|Palace|Stadium|Bridge)\b")
ALIAS_RE = re.compile(r"^[A-Z][A-Za-z'’.\-]*( (of|de|del|la|le|du|al|el|am|an|upon|on|the|[A-Z][A-Za-z'’.\-]*))*$")


def rows(path: Path) -> list[list[str]]:
    with open(path, encoding="utf-8", newline="") as f:
        r = csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(r)
        return [row for row in r if row]


def pop_bucket(pop: str) -> int:
    n = int(float(pop or 0))
    return int(math.log10(n)) if n > 0 else 0


def build_places(gaz: Path) -> list[str]:
    best: dict[str, tuple[str, int, str]] = {}
    rank = {"C": 3, "S": 2, "T": 1}

    def add(name: str, kind: str, bucket: int, canonical: str = "") -> None:
        name = name.strip()
        if not name or "," in name:
            return
        old = best.get(name)
        if old is None or (rank[kind], bucket) > (rank[old[0]], old[1]):
            best[name] = (kind, bucket, "" if canonical == name else canonical)

    for name, _iso2, _iso3, _capital, pop in rows(gaz / "geonames_countries.tsv"):
        add(name, "C", pop_bucket(pop))
    for name, _code in rows(gaz / "geonames_us_states.tsv"):
        add(name, "S", 6)
    for name, _country, pop, _gid in rows(gaz / "geonames_cities15000.tsv"):
        add(name, "T", pop_bucket(pop))
    for alias, name, _country, pop in rows(gaz / "geonames_cities15000_altnames_latin.tsv"):
        if int(float(pop or 0)) >= ALIAS_MIN_POP and ALIAS_RE.match(alias) and not INSTITUTION_RE.search(alias):
            add(alias, "T", pop_bucket(pop), name)
    return [f"{n}\t{k}\t{b}" + (f"\t{c}" if c else "") for n, (k, b, c) in sorted(best.items())]


def build_first_names(gaz: Path) -> list[str]:
    male = {n: float(f) for n, f, _ in rows(gaz / "census1990_male_first.tsv")}
    female = {n: float(f) for n, f, _ in rows(gaz / "census1990_female_first.tsv")}
    out = []
    for name in sorted(set(male) | set(female)):
        m, f = male.get(name, 0.0), female.get(name, 0.0)
        # The lists are percentages of each sex; a name is gendered when one sex has 90% of its bearers.
        gender = "m" if m >= 9 * f else "f" if f >= 9 * m else "u"
        per_million = (m + f) * 10_000 / 2
        out.append(f"{name}\t{gender}\t{max(0, int(math.log10(per_million))) if per_million >= 1 else 0}")
    return out


def build_surnames(gaz: Path) -> list[str]:
    ranked = sorted(rows(gaz / "census1990_last.tsv"), key=lambda r: int(r[2]))
    return [r[0] for r in ranked[:SURNAMES]]


def build_demonyms(gaz: Path) -> list[str]:
    out = set()
    for demonyms, country, _iso2 in rows(gaz / "countryinfo_demonyms.tsv"):
        for d in demonyms.split(","):
            d = d.strip()
            if d and "/" not in d:
                out.add(f"{d}\t{country}")
    return sorted(out)


def build_lower_words() -> list[str]:
    words = set()
    with open(SCOWL, encoding="utf-8") as f:
        for line in f:
            w = line.strip()
            if w and w.islower() and w.isalpha():
                words.add(w)
    return sorted(words)


def write(name: str, lines: list[str]) -> None:
    (OUT / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{name}: {len(lines)} entries")


def main() -> None:
    env = os.environ.get("BYLINE_SHARED_DATA")
    data = Path(env) if env else ROOT.parent / "shared" / "data"
    gaz = data / "ner" / "gazetteers"
    if not gaz.is_dir():
        sys.exit(f"gazetteers not found at {gaz} (set BYLINE_SHARED_DATA)")
    if not SCOWL.is_file():
        sys.exit(f"{SCOWL} not found: apt-get install wamerican")
    write("places.tsv", build_places(gaz))
    write("first_names.tsv", build_first_names(gaz))
    write("surnames.txt", build_surnames(gaz))
    write("demonyms.tsv", build_demonyms(gaz))
    write("lower_words.txt", build_lower_words())


if __name__ == "__main__":
    main()
