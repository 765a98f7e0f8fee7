"""The collector's settings after a warm-up (bot/discord_app/heap.py)."""

from __future__ import annotations

import gc

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
