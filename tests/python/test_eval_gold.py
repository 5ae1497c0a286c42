"""The evaluation gold kept in the repository agrees with the development data it points to."""

import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_realtext_gold_matches_its_articles(data_dir: Path) -> None:
    # A typo in a quote's first words would otherwise score as a miss instead of failing.
    run = subprocess.run(
        [sys.executable, str(ROOT / "eval" / "realtext.py"), "--check"],
        capture_output=True,
        text=True,
        env={**os.environ, "BYLINE_SHARED_DATA": str(data_dir)},
    )
    assert run.returncode == 0, run.stdout + run.stderr
