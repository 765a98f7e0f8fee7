"""The eighteenth-session title study: where an `<h1>` sits, the first `<h1>`'s other readings, variants."""

import numpy as np
from lxml import html as lxml_html

from bench.htmltitle10_study import (
    HeadingPlace, StudyPage, first_h1_readings, forum_label_column, h1_less_last_part, heading_place, kind_of, no_candidate_kind, place_columns,
    reading_candidates, variant_rows,
)
from bench.train_title import PageCandidates
from bot.digest.extract.html.title import Candidate


def _page(candidates: list[Candidate], labels: list[float], truth: str, h1s: list[HeadingPlace] | None = None, readings: dict | None = None) -> StudyPage:
    page = PageCandidates("0001", "product", candidates, "Title | Site", ["Site"], True, "", np.array(labels))
    return StudyPage(page, "example.com", "product", truth, h1s or [], readings or {}, [])


def test_heading_place_sees_chrome_and_content_title() -> None:
    tree = lxml_html.fromstring(
        "<html><body><header><div class='site-logo'><h1>Garden Weekly</h1></div></header>"
        "<main><h1 class='entry-title'>How to plant garlic</h1></main></body></html>"
    )
    logo, headline = (heading_place(h) for h in tree.iter("h1"))
    assert logo.in_chrome and not logo.content_class and not logo.in_main
    assert headline.content_class and headline.in_main and not headline.in_chrome


def test_first_h1_readings_cut_the_section_number_and_glue_spans() -> None:
    tree = lxml_html.fromstring("<html><body><h1>3.1 Git Branching - Branches in a Nutshell</h1><h1><span>Bershka</span>\nFaux jacket</h1></body></html>")
    readings = first_h1_readings(list(tree.iter("h1")))
    assert readings["h1_unnumbered"] == "Git Branching - Branches in a Nutshell"
    glued = first_h1_readings(list(tree.iter("h1"))[1:])["h1_glued"]
    assert glued == "BershkaFaux jacket"
    assert first_h1_readings([]) == {}


def test_place_columns_mark_only_h1_candidates() -> None:
    h1 = Candidate("Garden Weekly", {"h1_first"})
    head = Candidate("How to plant garlic", {"title_head"})
    page = _page([h1, head], [0.0, 1.0], "How to plant garlic", [HeadingPlace("Garden Weekly", True, False, False)])
    _, columns = place_columns(("chrome", "content"))(page)
    assert columns.tolist() == [[1.0, 0.0], [0.0, 0.0]]


def test_reading_candidates_add_a_new_candidate_and_relabel() -> None:
    h1 = Candidate("3.1 Git Branching", {"h1_first"})
    page = _page([h1], [0.0], "Git Branching", readings={"h1_unnumbered": "Git Branching"})
    candidates, flags = reading_candidates(("h1_unnumbered",))(page)
    assert [c.text for c in candidates] == ["3.1 Git Branching", "Git Branching"] and flags.ravel().tolist() == [0.0, 1.0]
    rows = variant_rows([page], reading_candidates(("h1_unnumbered",)))[0]
    assert rows.labels.tolist() == [0.0, 1.0] and rows.rows.shape[0] == 2


def test_kinds_name_the_source_and_the_missing_title() -> None:
    assert kind_of(Candidate("x", {"title_head", "og_head"})) == "<title> less site"
    assert kind_of(Candidate("x", {"h1_first", "title"})) == "first <h1>"
    page = _page([Candidate("3.1 Git Branching", {"h1_first"})], [0.0], "Git Branching", readings={"h1_unnumbered": "Git Branching"})
    assert no_candidate_kind(page) == "the first <h1> less its section number"


def test_h1_less_last_part_and_the_product_only_variant() -> None:
    h1 = Candidate("Barbecue charbon inox 1600 - Martinsen", {"h1_first"})
    place = HeadingPlace(h1.text, False, True, True)
    page = _page([h1], [0.0], "Barbecue charbon inox 1600", [place])
    assert h1_less_last_part(page) == "Barbecue charbon inox 1600"
    assert h1_less_last_part(_page([h1], [0.0], "x", [HeadingPlace("No separator here", False, False, False)])) == ""
    candidates, _ = reading_candidates(("h1_cut",), ("product",))(page)
    assert len(candidates) == 2
    page.predicted = "article"
    candidates, _ = reading_candidates(("h1_cut",), ("product",))(page)
    assert len(candidates) == 1


def test_forum_label_column_marks_the_h1_end_on_forums_only() -> None:
    h1 = Candidate("News Digital Cameras: a status symbol", {"h1_first"})
    tail = Candidate("Digital Cameras: a status symbol", {"title_tail"})
    page = _page([h1, tail], [0.0, 1.0], tail.text, [HeadingPlace(h1.text, False, False, False)])
    page.predicted = "forum"
    assert forum_label_column(page)[1].ravel().tolist() == [0.0, 1.0]
    page.predicted = "article"
    assert forum_label_column(page)[1].ravel().tolist() == [0.0, 0.0]
