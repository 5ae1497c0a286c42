"""The README's Python examples run as written (from the repository root)."""

from __future__ import annotations

import os
import re
import shutil
import sys

import pytest

from conftest import ROOT


def _blocks(spark: bool) -> list[str]:
    """The README's Python blocks: those that use Spark, or the others."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.*?)```", readme, flags=re.S)
    return [b for b in blocks if ("pyspark" in b) == spark]


def test_readme_python_blocks_run(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pandas", reason="pandas is not installed")
    pytest.importorskip("pyarrow", reason="pyarrow is not installed")
    blocks = _blocks(spark=False)
    assert blocks, "the README has no Python example"
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})


def test_readme_spark_block_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("pyspark", reason="pyspark is not installed (pip install 'byline[spark]')")
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        pytest.skip("no Java runtime (apt-get install default-jre-headless)")
    blocks = _blocks(spark=True)
    assert blocks, "the README has no Spark example"
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("PYSPARK_PYTHON", sys.executable)
    from pyspark.sql import SparkSession

    try:
        for block in blocks:
            exec(compile(block, "README.md", "exec"), {})
    finally:
        session = SparkSession.getActiveSession()
        if session is not None:  # test_spark.py starts its own, with its own settings
            session.stop()
