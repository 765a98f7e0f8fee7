"""bench/listing9_study.py: its line tests, the keep rule and its variants' restoring (no data needed)."""

from __future__ import annotations

from bench.listing9_study import BASE, VARIANTS, extra_lines, host_folds, holds, line_kind, missing_lines
from bot.digest.extract.html.profiles import PROFILES


def test_missing_and_extra_lines_are_told_by_half_their_words() -> None:
    truth = "Canvas tote\n$20.99\nA sturdy everyday piece"
    answer = "Canvas tote\n$20.99\nSort by price\nFree shipping on orders over $50"
    assert missing_lines(truth, answer) == ["A sturdy everyday piece"]
    assert extra_lines(truth, answer) == ["Sort by price", "Free shipping on orders over $50"]


def test_line_kinds() -> None:
    assert line_kind("$20.99") == "price"
    assert line_kind("4.5 stars (123)") == "rating"
    assert line_kind("Canvas tote") == "label (<=3 words)"
    assert line_kind("A sturdy everyday piece in three colours and two sizes for all") == "prose (10+ words)"


def _pages(hosts: list[str]) -> dict[str, dict[str, object]]:
    return {str(i): {"url": f"https://{host}/x", "type": "collection"} for i, host in enumerate(hosts)}


def test_the_keep_rule_asks_four_folds_up_no_type_down_and_scrapinghub_level() -> None:
    hosts = [f"shop{i}.example" for i in range(40)]
    pages = _pages(hosts)
    everywhere = {page_id: 0.01 for page_id in pages}
    assert sum(change > 0 for change in host_folds(pages, everywhere)) == 5
    assert holds(pages, everywhere, 0.0)
    assert not holds(pages, everywhere, -0.001)  # ScrapingHub down
    one_host = {"0": 0.5}
    assert not holds(pages, one_host, 0.0)  # one fold up only
    pages["1"]["type"] = "product"
    assert not holds(pages, {**everywhere, "1": -0.5}, 0.0)  # a type down


def test_the_base_variant_switches_the_status_lines_back_and_restores_the_profiles() -> None:
    shipped = dict(PROFILES)
    with VARIANTS[BASE]():
        assert not PROFILES["listing"].status_lines_out and not PROFILES["collection"].status_lines_out
    assert PROFILES == shipped and PROFILES["collection"].status_lines_out
