"""bench/stagespeed9_equivalence.py: a changed scan is named by its text, the same one is not (no ../shared needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import stagespeed9_equivalence as equivalence
from bot.digest.figures.quantities import find_quantities

TEXTS = ["It rose 5% to $3 million in 2023.", "No number here.", "About 300 people came, 12 of them by bus."]


def test_the_same_scanner_differs_nowhere_and_a_changed_one_is_named() -> None:
    def changed(text: str) -> list:
        found = find_quantities(text)
        return found[:-1] if "300" in text else found

    assert equivalence.differing_scans({"a": find_quantities, "b": find_quantities}, TEXTS) == []
    assert equivalence.differing_scans({"a": find_quantities, "b": changed}, TEXTS) == [2]


def test_an_unknown_set_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        equivalence.main([str(tmp_path), "--sets", "sh,nonsense"])
    with pytest.raises(ValueError):
        equivalence.set_documents(tmp_path, "nonsense")
