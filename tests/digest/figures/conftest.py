"""Shared by the figures tests: a scan that fails the test when the scanner swallowed an error."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from bot.digest.figures.quantities import Quantity, find_quantities


class _ErrorCounter(logging.Handler):
    """Counts the errors the figures package logs when it swallows an exception of its own."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


@contextmanager
def no_internal_errors() -> Iterator[None]:
    """Fail when anything under bot.digest.figures logged an error inside the block."""
    counter = _ErrorCounter()
    package_log = logging.getLogger("bot.digest.figures")
    package_log.addHandler(counter)
    try:
        yield
    finally:
        package_log.removeHandler(counter)
    assert counter.count == 0, "the figures code hit an exception and fell back to nothing"


def scan_cleanly(text: str, language_code: str = "en") -> list[Quantity]:
    """`find_quantities`, failing the test if the scanner swallowed an exception."""
    with no_internal_errors():
        return find_quantities(text, language_code)
