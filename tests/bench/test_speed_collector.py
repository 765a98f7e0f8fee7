"""bench.speed's collector clock: what the garbage collector took while a run was timed."""

from __future__ import annotations

import gc

from bench.speed import CollectorClock, Timings


def test_the_clock_counts_collections_while_open_and_only_then() -> None:
    with CollectorClock() as clock:
        gc.collect()
        gc.collect(0)
    assert clock.collections == 2
    assert clock.seconds >= 0.0
    gc.collect()
    assert clock.collections == 2  # its callback is gone after the block


def test_collector_ms_is_per_document() -> None:
    timings = Timings(seconds=[0.01, 0.01, 0.01, 0.01], collector=0.002)
    assert abs(timings.collector_ms - 0.5) < 1e-9
    assert Timings().collector_ms == 0.0
