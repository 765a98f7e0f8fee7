"""Run a pipeline call in a forked child with a wall-clock bound, and measure its memory growth."""

from __future__ import annotations

import multiprocessing
import queue
import resource
import time
from typing import Any, Callable

import pytest


def _rss_kb() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def _child(results: "multiprocessing.Queue[Any]", function: Callable[..., Any], args: tuple[Any, ...]) -> None:
    before = _rss_kb()
    started = time.monotonic()
    try:
        value: Any = function(*args)
        outcome = "returned"
    except BaseException as exc:  # noqa: BLE001 - the test reports whatever escaped
        value, outcome = f"{type(exc).__name__}: {exc}", "raised"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    results.put((outcome, value, time.monotonic() - started, max(0, peak - before) * 1024))


def run_bounded(function: Callable[..., Any], *args: Any, seconds: float, max_growth_bytes: int = 1_500_000_000) -> tuple[Any, float]:
    """`function(*args)` in a forked process; fail if it raises, runs over `seconds` or grows memory past the bound.

    Returns the result and the seconds it took. A runaway child is killed, so a
    regression costs one bounded wait rather than a hung test run.
    """
    context = multiprocessing.get_context("fork")
    results: "multiprocessing.Queue[Any]" = context.Queue()
    child = context.Process(target=_child, args=(results, function, args), daemon=True)
    child.start()
    try:
        outcome, value, took, growth = results.get(timeout=seconds)
    except queue.Empty:
        child.kill()
        child.join()
        pytest.fail(f"{getattr(function, '__name__', function)} ran longer than {seconds:g} s")
    child.join()
    if outcome == "raised":
        pytest.fail(f"an exception escaped: {value}")
    assert growth < max_growth_bytes, f"memory grew by {growth / 1e6:.0f} MB"
    return value, took
