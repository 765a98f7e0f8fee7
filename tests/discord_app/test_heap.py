"""The collector's settings after a warm-up (bot/discord_app/heap.py)."""

from __future__ import annotations

import gc
import weakref

from bot.discord_app.heap import YOUNG_COLLECTION_THRESHOLD, settle_collector


def test_settling_freezes_the_warm_heap_and_raises_the_young_threshold() -> None:
    before = gc.get_threshold()
    warm = [[index] for index in range(1000)]  # containers alive at the end of a warm-up
    try:
        settle_collector()
        assert gc.get_freeze_count() >= len(warm)
        assert gc.get_threshold() == (YOUNG_COLLECTION_THRESHOLD, before[1], before[2])
        assert YOUNG_COLLECTION_THRESHOLD > before[0]
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


class _Node:
    def __init__(self) -> None:
        self.itself = self  # a reference cycle: only the collector frees it


def test_settled_collector_still_frees_cyclic_garbage_on_its_own() -> None:
    """The settings defer young collections, never stop them: cyclic garbage past the threshold is collected
    without anyone calling gc.collect()."""
    before, was_enabled = gc.get_threshold(), gc.isenabled()
    gc.enable()
    try:
        settle_collector()
        assert gc.isenabled()
        first = weakref.ref(_Node())
        for _ in range(2 * YOUNG_COLLECTION_THRESHOLD):
            _Node()
        assert first() is None
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
        if not was_enabled:
            gc.disable()
