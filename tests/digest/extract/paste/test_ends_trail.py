"""A headline that ends a breadcrumb trail elsewhere in the paste ("Home » Blogs » <headline>") is marked for the
headline chooser (`ends_trail`, the 49th of HEADLINE_FEATURES; bot/digest/extract/paste/title.py)."""

from __future__ import annotations

from bot.digest.extract.paste.cleaner import clean_paste
from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import paste_lines, score_lines
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.title import HEADLINE_FEATURES, ends_trail, headline_rows, load_headline_model

HEADLINE = "Smartphone Basics for Older Adults: Unlocking the Digital World"


def _column(texts: list[str], candidates: list[int]) -> list[float]:
    return ends_trail(paste_lines("\n".join(texts)), candidates)


def test_a_breadcrumb_s_last_step_is_marked() -> None:
    for trail in (f"Home » Blogs » {HEADLINE}", f"| Resources | Blog | {HEADLINE}", f"Car Talk / Car Reviews / {HEADLINE}",
                  f"Home ▸ News Release ▸ {HEADLINE.upper()}", f"HomeHealth Information{HEADLINE}"):
        assert _column([trail, HEADLINE, "What are smartphone apps?"], [1, 2]) == [1.0, 0.0], trail


def test_one_word_headline_after_separators() -> None:
    assert _column(["Home » Tropical Conservatory » Coffee", "Coffee", "Coffea arabica"], [1, 2]) == [1.0, 0.0]


def test_lines_that_are_no_trail_are_not() -> None:
    cases = [
        ("Search   Search", "Search"),  # a doubled menu item
        ("Heat pumpsHeat pumps", "Heat pumps"),
        ("UnitedHealthcare", "Healthcare"),  # glued: a brand name, and too short a candidate
        ("AboutWorksContact", "Contact"),
        ("What To Watch Submenu", "Menu"),  # glued inside a word, another case
        ("The report says what older adults need most is Smartphone Basics", "Smartphone Basics"),  # a sentence
        ("Our guides for every reader who wants to learn more » " + HEADLINE, HEADLINE),  # a step of many words
        ("Home » A » B » C » D » E » " + HEADLINE, HEADLINE),  # six steps: a menu run
        (HEADLINE + " | Home", HEADLINE),  # holds the headline but does not end with it
    ]
    for line, candidate in cases:
        assert _column([line, candidate], [1]) == [0.0], line


def test_the_rows_carry_the_column_and_the_chooser_values_it() -> None:
    body = [
        "If you are new to smartphones, they can seem scary and confusing, but they do not have to be that way at all.",
        "This guide walks through the basics, from turning the phone on to making calls and sending your first message.",
        "Each section below covers one task, with the buttons to press and what the screen will show you at each step.",
        "Take your time with each step, and ask a family member or a friend to help you practise the harder ones.",
    ]
    texts = ["Home", "Blogs", "Sign in", f"Home » Blogs » {HEADLINE}", HEADLINE, "What are smartphone apps?", *body]
    lines = paste_lines("\n".join(texts))
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    keep = body_lines(analysis, model.decode)
    candidates, rows = headline_rows(analysis, keep, model.decode.title_lookback)
    at = HEADLINE_FEATURES.index("ends_trail")
    column = dict(zip(candidates, rows[:, at]))
    assert column[4] == 1.0 and column[5] == 0.0
    # The shipped chooser scores the same line higher when it ends a trail.
    row = rows[candidates.index(5)].copy()
    marked = row.copy()
    marked[at] = 1.0
    chooser = load_headline_model()
    assert chooser.scores(marked[None, :])[0] > chooser.scores(row[None, :])[0]
    assert clean_paste("\n".join(texts)).title == HEADLINE
