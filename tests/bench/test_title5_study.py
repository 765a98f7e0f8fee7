"""The fourteenth-session title study's readings: breadcrumbs, near misses, miss kinds, extra columns."""

import numpy as np
from lxml import html as lxml_html

from bench.title5_study import StudyPage, extra_columns, html_crumb, miss_kind, near_miss, product_metadata, site_fold
from bench.train_title import PageCandidates
from bot.digest.extract.html.title import Candidate


def _page(candidates: list[Candidate], labels: list[float], truth: str, crumb: str = "", h1s: list[str] | None = None) -> StudyPage:
    page = PageCandidates("0001", "article", candidates, "Title | Site", ["Site"], True, "", np.array(labels))
    return StudyPage(page, "example.com", "https://example.com/a/how-to-plant-garlic", truth, crumb, h1s or [])


def test_html_crumb_takes_the_last_item_of_the_trail() -> None:
    tree = lxml_html.fromstring(
        "<html><body><nav aria-label='Breadcrumb'><ol><li><a href='/'>Home</a></li><li>›</li>"
        "<li><a href='/garden'>Garden</a></li><li>Planting garlic</li></ol></nav><h1>x</h1></body></html>"
    )
    assert html_crumb(tree) == "Planting garlic"


def test_html_crumb_is_empty_without_a_trail() -> None:
    assert html_crumb(lxml_html.fromstring("<html><body><ol><li>Planting garlic</li></ol></body></html>")) == ""


def test_near_miss_is_one_word_added_dropped_or_changed() -> None:
    assert near_miss("Sudo - ArchWiki", "Sudo")
    assert near_miss("Silver Earrings", "Gold Earrings")
    assert not near_miss("Sudo", "sudo")  # a match is no miss
    assert not near_miss("Best Movers in NYC 2025", "Best Movers")
    assert not near_miss("Sudo", "")


def test_miss_kind_names_the_sources_and_how_the_words_relate() -> None:
    h1 = Candidate("Wedding Planning Tools – Caterer Spreadsheet", {"h1_first"})
    head = Candidate("Wedding Planning Tools", {"title_head"})
    page = _page([h1, head], [0.0, 1.0], "Wedding Planning Tools")
    assert miss_kind(page, 0) == "took <h1>, right <title> head, chosen longer"
    none_right = _page([Candidate("Vibe", {"h1_first"})], [0.0], "Vibe Coding")
    assert miss_kind(none_right, 0) == "no candidate right (truth longer than any candidate)"


def test_extra_columns_read_the_crumb_the_head_and_the_repeats() -> None:
    h1 = Candidate("How to plant garlic – a guide", {"h1_first"})
    head = Candidate("How to plant garlic", {"title_head", "og_head"})
    page = _page([h1, head], [0.0, 1.0], "How to plant garlic", crumb="How to plant garlic", h1s=["How to plant garlic – a guide"] * 2)
    names = ("crumb_equal", "title_and_og", "h1_repeated", "h1_holds_head", "head_starts_h1", "link_slug_recall")
    columns = extra_columns(page, names)
    assert columns[:, :5].tolist() == [[0, 0, 1, 1, 0], [1, 1, 0, 0, 1]]
    assert columns[0, 5] == 1.0 and columns[1, 5] == 1.0  # every slug word ("how", "to", "plant", "garlic") is in both


def test_site_folds_keep_a_site_together() -> None:
    one, other = _page([], [], "x"), _page([], [], "y")
    assert site_fold(one, "s1") == site_fold(other, "s1")


def test_product_metadata_reads_the_title_as_the_command_line_does() -> None:
    page = "<html><head><title>How to plant garlic | Garden Weekly</title></head><body><h1>How to plant garlic</h1><p>Text.</p></body></html>"
    title, _, _, kind = product_metadata(page, "https://garden.example/how-to-plant-garlic")
    assert title == "How to plant garlic" and kind
