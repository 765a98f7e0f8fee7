"""The sixteenth session's figures8 study: the kind a reader sees in a figure, the switches of the refusals."""

from __future__ import annotations

from bench import figures_study as fs
from bench.figures8_study import INCHES, OTHER, kinds, picked_pages, reader_kind, refusals, variant_sets
from bot.digest.figures import figure_finder as ff


def test_reader_kind_names_what_a_reader_rejects() -> None:
    assert reader_kind("8 hours", "8 hours ago, JGD said:") == "a timestamp 'N ago'"
    assert reader_kind("1.26", "Go 1.26 adds a new garbage collector.") == "a name's number (version, model)"
    assert reader_kind("2", 'ProTapes Pro Gaffer Tape (2" x 55 yd, Black)') == INCHES
    assert reader_kind("4-Star", "It reveals the 5-Star and 4-Star characters.") == "a star rating or a review count"
    assert reader_kind("46", "Quote from: Arantor on June 09, 2024, 03:29:46 AMAs for other options") == "a clock time's part"
    assert reader_kind("5", "The firm sold 5 hotels for $47 million.") == OTHER


def test_kinds_count_the_figures_of_each_type() -> None:
    digest = {"text": "8 hours ago, JGD said the price rose 5% in a day.", "language": "en",
              "figures": [{"text": "8 hours", "sentence": 0}, {"text": "5%", "sentence": 0}]}
    table = kinds([("forum", "1", digest), ("product", "2", {"error": "x"})])
    assert table["forum"]["a timestamp 'N ago'"] == 1 and table["forum"][OTHER] == 1
    assert "product" not in table


def test_picked_pages_are_stable_and_per_type() -> None:
    answers = [("forum", str(i), {"figures": [{}]}) for i in range(10)] + [("product", "p", {"figures": []})]
    assert picked_pages(answers, 3) == picked_pages(list(reversed(answers)), 3)
    assert len(picked_pages(answers, 3)) == 3


def test_refusals_switch_off_and_come_back() -> None:
    digest = {"text": "8 hours ago, JGD said the price rose by 5% in one day.", "title": "", "language": "en", "summary": []}
    with refusals(()):
        assert "8 hours" in [f.text for f in fs.shipped(fs.read("page", digest))]
    assert "8 hours" not in [f.text for f in fs.shipped(fs.read("page", digest))]
    assert ff._as_inches.__name__ == "_as_inches"
    assert variant_sets()["none (main)"] == ((), False)


def test_rejected_by_page_counts_the_kinds_a_reader_rejects() -> None:
    from bench.figures8_study import rejected_by_page

    digest = {"text": "8 hours ago, JGD said the price rose 5% in a day.", "language": "en",
              "figures": [{"text": "8 hours", "sentence": 0}, {"text": "5%", "sentence": 0}]}
    assert rejected_by_page([("forum", "1", digest), ("forum", "2", {"figures": []})]) == {("forum", "1"): (1, 2), ("forum", "2"): (0, 0)}
