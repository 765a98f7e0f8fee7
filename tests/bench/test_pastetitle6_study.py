"""bench.pastetitle6_study: how a title missing from the candidates could be made from the paste's lines, and
the two measured column kinds (words shared with another candidate, a candidate's form against the body's
subheadings)."""

from __future__ import annotations

import numpy as np

from bench import pastetitle6_study as study
from bench.train_paste_title import PastePage


def test_title_reach_tells_a_cut_a_join_a_site_name_and_a_rewording_apart() -> None:
    lines = ["Home", "Blog", "Go ahead, self-host Postgres", "Pierce Freeman", "Best CRM software for 2026"]
    assert study.title_reach("Blog", lines) == "line"
    assert study.title_reach("self-host Postgres", lines) == "contained"
    assert study.title_reach("Blog: Go ahead, self-host Postgres", lines) == "joined"
    assert study.title_reach("Go ahead, self-host Postgres | Pierce Freeman", lines) == "joined"  # adjacent
    assert study.title_reach("Best CRM software for 2026 | Pierce Freeman", lines) == "line-and-site"
    assert study.title_reach("The best CRM software, 2026", lines) == "reworded"
    assert study.title_reach("Top MBA Programs of 2025", lines) == "absent"


def test_shared_words_reads_headline_like_candidates_above_and_below() -> None:
    texts = ["Video Production 101: The Ultimate Guide", "Menu Video Production", "What Is Video Production?"]
    # The middle line is no headline-like candidate: it is nobody's neighbour.
    found = study.shared_words(texts, [True, False, True])
    assert found[0] == [0.0, 0.5]  # 2 of the headline's 4 words (video, production, ultimate, guide) below
    assert found[2] == [1.0, 0.0]  # both of the section heading's words above
    assert found[1] == [2 / 3, 2 / 3]
    assert study.shared_words(["and the", "Video"], [True, True])[0] == [0.0, 0.0]  # no content word


def test_shared_words_shares_are_of_the_candidate_s_own_words() -> None:
    found = study.shared_words(["Video Production 101: The Ultimate Guide", "What Is Video Production?"], [True, True])
    assert found[0] == [0.0, 2 / 4]  # video, production, ultimate, guide
    assert study.content_words("Cats and Dogs of 2026") == {"cat", "dog"}


def test_form_matches_counts_siblings_of_the_same_form() -> None:
    question = study.line_form("What Is Video Production?", 1.0)
    assert question == (True, "what", True)
    subheadings = [study.line_form(t, r) for t, r in [("What does it cost?", 0.25), ("Why Video Matters?", 1.0), ("Planning", 1.0)]]
    assert study.form_matches(question, subheadings) == [1 / 3, 0.0, 1 / 3]
    assert study.form_matches(question, []) == [0.0, 0.0, 0.0]


def test_with_columns_appends_each_variant_s_columns() -> None:
    page = PastePage("p", "t", None, [True], [0, 1], np.zeros((2, 3)), np.array([1.0, 0.0]))  # type: ignore[arg-type]
    [wider] = study.with_columns([page], [lambda p: [[1.0, 2.0], [3.0, 4.0]]])
    assert wider.rows.shape == (2, 5) and wider.rows[1, 3:].tolist() == [3.0, 4.0]
    assert study.with_columns([page], [])[0].rows.shape == (2, 3)
