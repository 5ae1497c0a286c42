"""The type stubs match the built module (mypy.stubtest) and the package type-checks strictly."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


def _mypy() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install --group dev)")


def test_stubs_match_the_module() -> None:
    _mypy()
    proc = subprocess.run(
        [sys.executable, "-m", "mypy.stubtest", "byline._byline"], capture_output=True, text=True, cwd=ROOT
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_package_type_checks() -> None:
    _mypy()
    proc = subprocess.run([sys.executable, "-m", "mypy"], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 0, proc.stdout + proc.stderr
