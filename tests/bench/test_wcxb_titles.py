"""bench/wcxb.py: what counts as the right title."""

from __future__ import annotations

from bench.wcxb import title_matches, title_matches_exactly


def test_a_title_is_right_when_its_words_are_the_same_in_the_same_order() -> None:
    assert title_matches("Staple Tee - 5001", "Staple Tee 5001")
    assert title_matches("Crusher ANC 2", "Crusher® ANC 2")
    assert title_matches('Digital Cameras: A 2024 "status symbol"?', 'Digital Cameras: A 2024 "status symbol"? 🤔')
    assert title_matches("Home Repair Assistance Program", "Home Repair Assis\xadtance Program")
    assert title_matches("Sudo - ArchWiki", "sudo – archwiki")


def test_another_word_or_another_order_is_wrong() -> None:
    assert not title_matches("Best Moving Companies 2026", "Best Movers 2026")
    assert not title_matches("Sudo - ArchWiki", "Sudo")
    assert not title_matches("ArchWiki - Sudo", "Sudo - ArchWiki")
    assert not title_matches("Sudo", "")


def test_the_stricter_match_of_earlier_rounds_still_counts_punctuation_inside() -> None:
    assert title_matches_exactly("Sudo - ArchWiki", "“sudo – archwiki.”")
    assert not title_matches_exactly("Staple Tee - 5001", "Staple Tee 5001")


def test_paste_titles_are_scored_by_the_same_words_with_the_exact_figure_beside() -> None:
    from bench.pastes import normalised_match, title_match

    pages = [{"title": "Brains Are Not Required--Simple Cells Can Do It"}, {"title": "*A Treatise on Coffee* (1792)"},
             {"title": "Best Electric Scooters in 2025"}, {"title": ""}]
    found = ["Brains Are Not Required—Simple Cells Can Do It", "A Treatise on Coffee (1792)",
             "The Best Electric Scooters in 2025", "Anything"]
    assert title_match(pages, found) == (2 / 3, 3)  # a leading "The" is another wording: still a miss
    assert title_match(pages, found, normalised_match) == (0.0, 3)
    assert title_match(pages[:1], [""]) == (0.0, 1)
