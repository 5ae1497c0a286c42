"""examples/quickstart.ipynb runs top to bottom in a real kernel (nbclient), so it cannot rot."""

from __future__ import annotations

import os

import pytest

from conftest import ROOT

NOTEBOOK = ROOT / "examples" / "quickstart.ipynb"


def test_quickstart_notebook_runs() -> None:
    if os.environ.get("CI"):
        import matplotlib, nbclient, nbformat, pandas  # noqa: F401, E401  (CI installs the dev group: no skipping)
    nbformat = pytest.importorskip("nbformat", reason="nbformat is not installed (pip install --group dev)")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is not installed (pip install --group dev)")
    pytest.importorskip("pandas", reason="pandas is not installed")
    pytest.importorskip("matplotlib", reason="matplotlib is not installed")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert not cell.outputs, "commit the notebook without outputs"
    client = nbclient.NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    html = [o for o in outputs if "text/html" in o.get("data", {})]
    assert any("byline-article" in o["data"]["text/html"] for o in html), "the article did not render as HTML"
    assert any("image/png" in o.get("data", {}) for o in outputs), "the speakers chart did not render"
