"""The ``byline`` console script that ``pip install`` puts on the PATH: the Rust command line run
in process, behaving as the cargo-built binary does (messages, exit codes, Parquet tables,
Ctrl-C, the progress bar on a terminal), with the GIL released while it runs."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

import byline
from byline._byline import cli_main
from conftest import SEED


def console_script() -> Path:
    """The installed ``byline`` script, next to this Python."""
    script = Path(sys.executable).with_name("byline")
    assert script.is_file(), f"no console script at {script}: is the package installed (make develop)?"
    return script


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([str(console_script()), *args], input=stdin, capture_output=True, timeout=300, check=False)


def write_copies(path: Path, n: int) -> None:
    """`n` copies of the seed article as JSON Lines, ids r0, r1, ..."""
    text = SEED.read_text(encoding="utf-8")
    with open(path, "w", encoding="utf-8") as f:
        for i in range(n):
            f.write(json.dumps({"id": f"r{i}", "text": text}) + "\n")


def test_the_console_script_renders_what_python_renders(tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    proc = run("parse", str(SEED), "--render", str(page))
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == b"" and b"wrote" in proc.stderr
    # One renderer: the page from the command line is the page from Python, byte for byte.
    article = byline.parse(SEED.read_bytes())
    assert page.read_text(encoding="utf-8") == byline.render_html(article, standalone=True)
    assert 'class="byline-article"' in article._repr_html_()


def test_python_dash_m_runs_it_too() -> None:
    proc = subprocess.run([sys.executable, "-m", "byline", "--version"], capture_output=True, timeout=60, check=False)
    assert (proc.returncode, proc.stdout.decode().split()) == (0, ["byline", byline.__version__])


def test_messages_and_exit_codes(tmp_path: Path) -> None:
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes(b"Caf\xe9 Opens\n\nA caf\xe9 opened.")
    proc = run("parse", str(latin1))
    assert proc.returncode == 2
    assert b"invalid byte sequence at byte 3" in proc.stderr and b"--lossy" in proc.stderr
    proc = run("parse", str(tmp_path))
    assert proc.returncode == 2 and b"byline batch" in proc.stderr
    feed = tmp_path / "feed.jsonl"
    feed.write_text('{"id": "a", "body": "Head\\n\\nBody."}\n', encoding="utf-8")
    proc = run("batch", str(feed))
    assert proc.returncode == 1
    assert b'no field "text" or "html" (the record has "id", "body")' in proc.stderr and b"--text-field" in proc.stderr
    assert run("batch", str(feed), "--text-field", "body").returncode == 0
    assert run("batch", str(feed), "--allow-errors").returncode == 0
    assert run("parse").returncode == 2
    proc = run("--help")
    assert proc.returncode == 0 and b"Usage: byline" in proc.stdout


def test_cli_main_in_process(tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Storm Hits Coast\n\nThe storm arrived on Tuesday.", encoding="utf-8")
    assert cli_main(["byline", "parse", str(article), "--published", "2023-02-25"]) == 0
    out = json.loads(capfd.readouterr().out)
    assert (out["title"], out["timexes"][0]["value"]) == ("Storm Hits Coast", "2023-02-21")
    assert cli_main(["byline", "parse", "--published", "yesterday", str(article)]) == 2
    assert "invalid date" in capfd.readouterr().err


def test_parquet_tables(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet", reason="pyarrow is not installed")
    corpus = tmp_path / "in.jsonl"
    write_copies(corpus, 3)
    tables = tmp_path / "tables"
    proc = run("batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--tables", str(tables), "--stats")
    assert proc.returncode == 0, proc.stderr
    assert b"quotes by a named speaker" in proc.stderr
    quotes = pq.read_table(tables / "quotes.parquet")
    article = byline.parse(SEED.read_bytes())
    assert quotes.num_rows == 3 * len(article.quotes) > 0
    assert quotes.column_names == byline.to_arrow(article, "quotes").column_names


def test_ctrl_c_stops_a_batch_cleanly(tmp_path: Path) -> None:
    corpus = tmp_path / "big.jsonl"
    write_copies(corpus, 3000)
    out = tmp_path / "out.jsonl"
    args = ["batch", str(corpus), "-o", str(out), "--threads", "1", "--chunk", "16"]
    child = subprocess.Popen([str(console_script()), *args], stderr=subprocess.PIPE)
    started = time.monotonic()
    while not out.exists() or out.stat().st_size == 0:
        assert time.monotonic() - started < 120, "no output after two minutes"
        time.sleep(0.05)
    child.send_signal(signal.SIGINT)
    _, err = child.communicate(timeout=120)
    assert child.returncode == 130, err
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert 0 < len(lines) < 3000
    assert [line["id"] for line in lines] == [f"r{i}" for i in range(len(lines))]
    assert f"interrupted after {len(lines)} articles".encode() in err


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="no pseudo-terminals here")
def test_progress_bar_on_a_terminal(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    write_copies(corpus, 400)
    leader, follower = os.openpty()
    args = [str(console_script()), "batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--threads", "1"]
    child = subprocess.Popen(args, stderr=follower)
    os.close(follower)  # the child holds the terminal now; reading ends when it exits
    shown = b""
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the child closed its end
                break
            if not chunk:
                break
            shown += chunk
    finally:
        os.close(leader)
    assert child.wait(timeout=300) == 0
    # indicatif draws the bar and its message, then clears it for the summary.
    assert b"articles, 0 errors" in shown and b"400 articles (" in shown, shown[-2000:]
    # Piped standard error gets no bar.
    piped = run("batch", str(corpus), "-o", str(tmp_path / "out2.jsonl"))
    assert b"articles, 0 errors" not in piped.stderr and b"400 articles (" in piped.stderr


def test_the_gil_is_released_while_it_runs(tmp_path: Path) -> None:
    corpus = tmp_path / "in.jsonl"
    write_copies(corpus, 300)
    codes: list[int] = []
    worker = threading.Thread(
        target=lambda: codes.append(
            cli_main(["byline", "batch", str(corpus), "-o", str(tmp_path / "out.jsonl"), "--quiet", "--threads", "1"])
        )
    )
    ticks = 0
    worker.start()
    while worker.is_alive():
        ticks += 1
        time.sleep(0.001)
    worker.join()
    assert codes == [0]
    assert ticks > 20, "the Python thread did not run while the command line did"
