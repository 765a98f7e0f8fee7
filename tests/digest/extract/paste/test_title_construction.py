"""The paste title built from the chosen line: an exclaimed tail kept, the headline's own line taken out of a line
that ends with it (bot/digest/extract/paste/title.py)."""

from __future__ import annotations

from bot.digest.extract.paste.scoring import paste_lines
from bot.digest.extract.paste.title import headline_text, inner_headline


def test_a_tail_that_exclaims_is_the_headline_s_own() -> None:
    assert headline_text("Best Bread Machines – My Favorites!") == "Best Bread Machines – My Favorites!"
    assert headline_text("Best Bread Machines – Bread Dad") == "Best Bread Machines"
    # A news headline's own label before a colon stays ("Austria: ...", "Police: ..."): no kicker is cut.
    assert headline_text("Austria: 3 arrested over video that brought down government") == (
        "Austria: 3 arrested over video that brought down government"
    )


def test_a_line_that_ends_with_a_candidate_gives_way_to_it() -> None:
    lines = paste_lines(
        "Posted on December 20, 2025 by Jean-Luc Aufranc - 5 Comments on Do you need 14 USB ports on your Pi?\n"
        "Do you need 14 USB ports on your Pi?\n"
        "Pi\n"
        "A hub with fourteen ports was sent to us for review, and we tried it on a Raspberry Pi 5 board.\n"
    )
    assert inner_headline(lines, [0, 1, 2, 3], 0) == 1
    # A line is not its own inner headline, a word or two at the end is no headline, and a line that only
    # holds a candidate in its middle is kept.
    assert inner_headline(lines, [0, 2, 3], 0) == 0
    assert inner_headline(lines, [0, 1, 2, 3], 1) == 1
    middle = paste_lines("Read: Do you need 14 USB ports on your Pi? (5 comments)\nDo you need 14 USB ports on your Pi?\n")
    assert inner_headline(middle, [0, 1], 0) == 0
