"""bench.pastetitle10_study: the kinds of a missed paste title, the `text` variant's headline_text and the two
measured columns."""

from __future__ import annotations

import pytest

from bench import pastetitle10_study as study
import bot.digest.extract.paste.title as title_module


def _kind(title: str, lines: list[str], candidates: list[int], labels: list[float], chosen: int | None) -> str:
    printed = [title_module.headline_text(t) for t in lines]
    return study.loss_kind(title, lines, printed, candidates, labels, chosen)


def test_near_miss_is_a_word_or_two_more_or_fewer_at_an_end() -> None:
    assert study.near_miss("Best Electric Scooters for Commuting in 2025", "The Best Electric Scooters for Commuting in 2025")
    assert study.near_miss("Best Travel Insurance for Seniors in 2025", "Best Travel Insurance for Seniors")
    assert not study.near_miss("Best Travel Insurance for Seniors", "Best Travel Insurance for Seniors")  # right
    assert not study.near_miss("Best Travel Insurance", "Travel Insurance for Seniors in 2025 and more")
    assert not study.near_miss("Wine Regions", "An Intro to Wine Regions of the World")


def test_loss_kinds_of_pages_with_a_right_candidate() -> None:
    lines = ["Home", "Blog", "Thoughts on Zig", "By Sam", "Language Design", "Zig's design is phenomenal."]
    assert _kind("Thoughts on Zig", lines, [1, 2, 4], [0.0, 1.0, 0.0], 4) == "section-or-dek"
    assert _kind("Thoughts on Zig", lines, [1, 2, 4], [0.0, 1.0, 0.0], 1) == "above"
    trail = ["Home » Blog » Notes", "Thoughts on Zig", "Body."]
    assert _kind("Thoughts on Zig", trail, [0, 1], [0.0, 1.0], 0) == "breadcrumb-end"


def test_loss_kinds_of_pages_with_no_right_candidate() -> None:
    glued = ["Menu", "How to replace brake pads – From an ASE-Certified Mechanic", "Body."]
    # headline_text cuts the four-word tail: no candidate prints the title, a line holds it with a separator.
    assert _kind("How to replace brake pads – From an ASE-Certified Mechanic", glued, [0, 1], [0.0, 0.0], 0) == "site-glued"
    prose = ["Menu", "Investing in the best cloud computing stocks of 2025", "Body."]
    assert _kind("Best Cloud Computing Stocks of 2025", prose, [0], [0.0], 0) == "in-longer-line"
    far = ["Menu", "Best Website Builders for 2026", "Body."]
    assert _kind("Best Website Builders for 2026", far, [0], [0.0], 0) == "outside-window"
    cut = ["Menu", "The Best VPN Services of 2026", "Body."]
    assert _kind("The Best VPN Services of 2026: 50+ VPNs Tested & Ranked", cut, [0], [0.0], 0) == "cut"
    assert _kind("Top MBA Programs of 2025", cut, [0], [0.0], 0) == "no-line"
    assert _kind("Home » Tropical Conservatory » Coffee", ["x"], [0], [0.0], None) == "no-line"


def test_fixed_headline_text_keeps_main_s_cuts_and_adds_four() -> None:
    fixed = study.fixed_headline_text
    assert fixed("The Ultimate Car Maintenance Checklist | Bridgestone Tires") == "The Ultimate Car Maintenance Checklist"
    assert fixed("Home > Blog > 5 Best Self-Employed Accounting Software") == "5 Best Self-Employed Accounting Software"
    assert fixed("Home » Tropical Conservatory » Coffee") == "Coffee"  # main: "Home » Tropical Conservatory"
    assert fixed("How to replace brake pads – From an ASE-Certified Mechanic").endswith("Mechanic")
    assert fixed("Stanford Grads Find Degrees No Longer Guarantee Jobs (latimes.com) 87") == "Stanford Grads Find Degrees No Longer Guarantee Jobs"
    assert fixed("Blog: Best Social Media Agencies in 2025") == "Best Social Media Agencies in 2025"
    assert fixed("Blog: Notes") == "Blog: Notes"  # too short a rest: the label is the title's


def test_headline_text_as_swaps_every_user_and_restores() -> None:
    before = title_module.headline_text
    with study.headline_text_as(str.upper):
        assert title_module.headline_text("a") == "A"
        assert study.paste_title_study.headline_text("b") == "B"
    assert title_module.headline_text is before


def test_meta_head_above_and_twin() -> None:
    lines = ["Menu", "Metasploit Wrap-Up", "Spencer", "Dec 19, 2025", "React2Shell Payload Improvements", "Body."]
    like = lambda i: i in (1, 4)  # noqa: E731
    meta = lambda i: i == 3  # noqa: E731
    assert study.meta_head_above(lines, like, meta, 4) == 1.0  # a headline with its date above: a section heading
    assert study.meta_head_above(lines, like, meta, 1) == 0.0
    texts = ["Menu", "Video Production 101", "Video Production 101", "What Is Video Production?"]
    assert [study.twin(texts, i) for i in range(4)] == [0.0, 1.0, 1.0, 0.0]


def test_fit_listwise_learns_which_candidate_of_a_page_wins() -> None:
    pytest.importorskip("scipy")  # in the bench extra, not the test one
    import numpy as np

    from bench.train_paste_title import PastePage

    rng = np.random.default_rng(0)
    pages = []
    for k in range(30):
        rows = rng.normal(size=(4, 2))
        right = int(np.argmax(rows[:, 0]))  # the right candidate has the largest first column; the second is noise
        labels = np.zeros(4)
        labels[right] = 1.0
        pages.append(PastePage(str(k), "t", None, [], [0, 1, 2, 3], rows, labels))  # type: ignore[arg-type]
    model = study.fit_listwise(pages, l2=1.0)
    assert model.weights[0] > 0 and abs(model.weights[1]) < model.weights[0]
    assert all(int(np.argmax(model.logits(p.rows))) == int(np.argmax(p.labels)) for p in pages)
