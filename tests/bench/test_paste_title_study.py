"""bench.paste_title_study reads its pages from the cache it is given (`--cache`), not from the data."""

from __future__ import annotations

import pickle
from pathlib import Path

from bench import paste_title_study


def test_load_reads_the_given_cache_and_not_the_data(tmp_path: Path) -> None:
    cache = tmp_path / "pages.pkl"
    with cache.open("wb") as f:
        pickle.dump(["cached"], f)
    assert paste_title_study.load(tmp_path / "no-data-here", cache) == ["cached"]
