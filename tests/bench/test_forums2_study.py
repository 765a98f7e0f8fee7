"""bench/forums2_study.py: its fold sums and its keep rule (no data needed)."""

from __future__ import annotations

import numpy as np

from bench.forums2_study import fold_sums, report

TRUTH = "the gasket was worn and a new one stopped the leak"


def _page(page_id: str, site: str, kind: str, off: str, on: str) -> dict[str, str]:
    return {"id": page_id, "type": kind, "url": f"https://{site}/t/{page_id}", "truth": TRUTH, "page_type": "forum", "off": off, "on": on}


def test_fold_sums_add_up_and_group_by_site() -> None:
    pages = [_page(str(i), f"s{i % 3}.org", "forum", "", "") for i in range(12)]
    delta = np.arange(12, dtype=float)
    assert abs(sum(fold_sums(pages, delta, None)) - delta.sum()) < 1e-9
    assert sum(1 for s in fold_sums(pages, delta, "a") if s) <= 3  # three sites: at most three folds hold pages


def test_the_keep_rule_refuses_a_type_that_loses() -> None:
    gains = [_page(str(i), f"s{i}.org", "forum", "the leak", TRUTH) for i in range(10)]
    assert report(gains)
    loses = gains + [_page("99", "x.org", "article", TRUTH, "the leak")]
    assert not report(loses)
