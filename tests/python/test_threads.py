"""The GIL is released during parsing, parsing is thread-safe, and rayon survives fork()."""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

import byline


def longest_pause(work) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The longest stretch a spinning Python thread went without running while `work()` ran,
    and how long `work()` took. Holding the GIL for the whole call makes the pause as long as
    the call; releasing it keeps pauses near the interpreter's switch interval."""
    pause = 0.0
    measuring = threading.Event()
    stop = threading.Event()

    def spin() -> None:
        nonlocal pause
        last = time.perf_counter()
        while not stop.is_set():
            now = time.perf_counter()
            if measuring.is_set():
                pause = max(pause, now - last)
            last = now

    t = threading.Thread(target=spin)
    t.start()
    time.sleep(0.02)
    measuring.set()
    began = time.perf_counter()
    work()
    elapsed = time.perf_counter() - began
    measuring.clear()
    stop.set()
    t.join()
    return pause, elapsed


def long_enough(make_work, seconds: float = 0.3):  # type: ignore[no-untyped-def]
    """`make_work(n)` for the smallest doubling n whose work takes `seconds` or more."""
    n = 1
    while True:
        work = make_work(n)
        began = time.perf_counter()
        work()
        if time.perf_counter() - began >= seconds or n >= 4096:
            return work
        n *= 2


def test_python_threads_run_during_parse_many(seed_text: str) -> None:
    # One worker thread, so the spinning thread has a core of its own on a two-core machine.
    work = long_enough(lambda n: lambda: byline.parse_many([seed_text] * (50 * n), threads=1))
    pause, elapsed = longest_pause(work)
    assert pause < elapsed / 3, f"another thread stalled {pause:.3f}s during a {elapsed:.3f}s parse_many"


def test_python_threads_run_during_parse(seed_text: str) -> None:
    work = long_enough(lambda n: (lambda text: lambda: byline.parse(text))("\n\n".join([seed_text] * (20 * n))))
    pause, elapsed = longest_pause(work)
    assert pause < elapsed / 3, f"another thread stalled {pause:.3f}s during a {elapsed:.3f}s parse"


def test_the_pause_test_catches_a_held_gil() -> None:
    import json

    work = long_enough(lambda n: (lambda doc: lambda: json.loads(doc))(json.dumps(["y" * 100] * (100_000 * n))), 0.2)
    pause, elapsed = longest_pause(work)
    assert pause >= elapsed / 3, "json.loads/dumps hold the GIL, so the spinning thread must stall"


def test_parsers_are_shared_across_threads(seed_text: str) -> None:
    texts = [seed_text[: 500 * (i + 1)] for i in range(16)]
    expected = [byline.parse(t) for t in texts]
    parser = byline.Parser()
    with ThreadPoolExecutor(max_workers=4) as ex:
        assert list(ex.map(parser.parse, texts)) == expected
        assert list(ex.map(lambda t: byline.parse_many([t, t], threads=2)[1], texts)) == expected


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork() on this platform")
def test_parse_many_works_in_a_forked_child(seed_text: str) -> None:
    texts = [seed_text] * 20
    expected = byline.parse_many(texts)  # the parent's rayon pool now has threads
    pid = os.fork()
    if pid == 0:  # the child: a pool inherited without its threads would hang here
        signal.alarm(60)
        ok = False
        try:
            ok = byline.parse_many(texts) == expected and byline.parse_many(texts, threads=2) == expected
        finally:
            os._exit(0 if ok else 1)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status), f"child died (status {status}): it hung or crashed after fork"
    assert os.WEXITSTATUS(status) == 0
    assert byline.parse_many(texts) == expected  # and the parent's pool still works


@pytest.mark.skipif(sys.platform == "win32", reason="fork start method")
def test_multiprocessing_fork_pool(seed_text: str) -> None:
    import multiprocessing

    byline.parse_many([seed_text] * 4)
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2) as pool:
        titles = pool.map(_title_of_many, [seed_text] * 4)
    assert titles == [byline.parse(seed_text).title] * 4


def _title_of_many(text: str) -> str | None:
    return byline.parse_many([text, text])[0].title


def test_ctrl_c_interrupts_a_long_parse_many(seed_text: str) -> None:
    import _thread

    texts = [seed_text] * 3000
    full = long_enough(lambda n: lambda: byline.parse_many(texts * n), 0.5)
    began = time.perf_counter()
    full()
    whole = time.perf_counter() - began
    timer = threading.Timer(whole / 10, _thread.interrupt_main)
    timer.start()
    began = time.perf_counter()
    with pytest.raises(KeyboardInterrupt):
        full()
    stopped = time.perf_counter() - began
    timer.join()
    assert stopped < whole * 0.8, f"interrupted after {stopped:.2f}s of a {whole:.2f}s call"
