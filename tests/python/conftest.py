"""Shared fixtures: the repository root, the seed article and the ../shared data directory."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_b329b9e3f58bd74f.txt"
TEST_DATA = ROOT / "tests" / "data"


def shared_data() -> Path | None:
    """The ../shared/data directory (or $BYLINE_SHARED_DATA), or None when absent."""
    env = os.environ.get("BYLINE_SHARED_DATA")
    path = Path(env) if env else ROOT.parent / "shared" / "data"
    return path if path.is_dir() else None


def read_jsonl(path: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The first `limit` records of a JSON Lines file."""
    out = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                out.append(json.loads(line))
                if limit is not None and len(out) == limit:
                    break
    return out


@pytest.fixture
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture
def data_dir() -> Path:
    path = shared_data()
    if path is None:
        pytest.skip("../shared/data is not here (set BYLINE_SHARED_DATA); skipping the dev-data test")
    return path
