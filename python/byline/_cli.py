"""The ``byline`` console script: the command line of the Rust batch crate, run in this process.

``pip install byline`` puts it on the ``PATH`` as ``byline``; ``python -m byline`` runs it too.
It is the same code as the binary that ``cargo install --path crates/batch`` builds.
"""

from __future__ import annotations

import sys

from byline._byline import cli_main

__all__ = ["main"]


def main() -> None:
    """Runs ``byline`` on ``sys.argv`` and exits with its exit code."""
    sys.exit(cli_main(sys.argv))
