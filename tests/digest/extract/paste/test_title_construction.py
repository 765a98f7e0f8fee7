"""The paste title built from the chosen line (an exclaimed tail kept, the headline's own line taken out of a line
that ends with it) and the chooser's capitals against the line below (bot/digest/extract/paste/title.py)."""

from __future__ import annotations

from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.regions import select_lines
from bot.digest.extract.paste.scoring import paste_lines, score_lines
from bot.digest.extract.paste.title import HEADLINE_FEATURES, headline_rows, headline_text, inner_headline


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


def test_a_title_case_headline_over_a_sentence_case_dek_gains_capitals_against_the_line_below() -> None:
    body = [
        "The typeface took four years to draw, and its designers rebuilt the letter shapes more than once along the way.",
        "Every weight had to work on small phone screens as well as on large billboards, which set hard limits on contrast.",
        "The team tested the letters in twelve scripts before the first public release was announced this autumn.",
    ]
    text = "\n".join(["Home", "Blog", "Making Google Sans Flex", "How seven design problems shaped the typeface we use", *body])
    lines = paste_lines(text)
    own = own_features(lines)
    analysis = score_lines(lines, own, load_model())
    keep = select_lines(analysis, load_model().decode)
    candidates, rows = headline_rows(analysis, keep, 12)
    column = HEADLINE_FEATURES.index("capitals_vs_below")
    by_line = dict(zip(candidates, rows[:, column]))
    assert by_line[2] > 0  # the headline, over the dek
    assert by_line.get(3, 0.0) <= 0  # the dek, over the body's first sentence (no headline): nothing
