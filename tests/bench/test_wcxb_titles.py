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
