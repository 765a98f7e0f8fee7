"""How a function's cost grows with its input: a guard against quadratic scans, not a timing test.

The cost is CPU time (not wall time, which a loaded machine inflates), best of a few runs, and the
check is a ratio between two input sizes measured in the same process: eight times the input may
cost about eight times as much, where a quadratic step would cost about 64 times.
"""

from __future__ import annotations

from typing import Callable

from bench.speed import best_cpu_seconds


def grows_linearly(run_on: Callable[[int], object], small: int = 500, factor: int = 8, slack: float = 3.0, floor: float = 0.05) -> tuple[bool, float, float]:
    """(whether `factor` times the input costs at most `slack * factor` times as much, small cost, large cost).

    `floor` seconds of CPU are always allowed: below it the measurement is noise."""
    small_cost = best_cpu_seconds(lambda: run_on(small))
    large_cost = best_cpu_seconds(lambda: run_on(small * factor))
    return large_cost < slack * factor * small_cost + floor, small_cost, large_cost
