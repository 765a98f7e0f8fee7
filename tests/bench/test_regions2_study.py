"""bench/regions2_study.py: the chrome text the study reads and its fold sums (no data needed)."""

from __future__ import annotations

import numpy as np

from bench.regions2_study import chrome_text, fold_sums, site
from bot.digest.extract.html_extractor import _parse


def test_chrome_text_reads_menus_and_hidden_panels_once_and_spares_a_page_wide_wrapper() -> None:
    tree = _parse(
        "<html><body><div class='header-wrapper'><nav><a>Spec Hub</a><a>Mock Servers</a></nav>"
        "<main><p>" + "The page's own long text. " * 20 + "</p></main>"
        "<div hidden><p>Shipping to 40 countries</p></div></div></body></html>"
    )
    lines = chrome_text(tree).split("\n")
    assert lines == ["Spec Hub Mock Servers", "Shipping to 40 countries"]  # the wrapper named header holds most of the page


def test_site_and_fold_sums() -> None:
    assert site({"id": "1", "url": "https://www.etsy.com/listing/1"}) == "etsy.com"
    assert site({"id": "7", "url": ""}) == "7"

    class Fake:
        choice = [{"id": str(i), "url": f"https://s{i % 3}.org/"} for i in range(12)]

    delta = np.arange(12, dtype=float)
    assert abs(sum(fold_sums(Fake(), delta, None)) - delta.sum()) < 1e-9
    assert abs(sum(fold_sums(Fake(), delta, "a")) - delta.sum()) < 1e-9
    assert sum(1 for s in fold_sums(Fake(), delta, "a") if s) <= 3  # three sites: at most three folds hold pages
