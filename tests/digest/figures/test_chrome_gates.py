"""figspeed9's gates give the answers of the searches they replace.

`_code_or_table` searches `_CODE_OR_TABLE` from every position only where a sign of an unanchored branch stands,
and otherwise asks its branches anchored at the start; `_may_hold_a_number` looks for the ten ASCII digits by
substring on an ASCII text. Each is checked against the plain search on texts built from the pieces the
patterns read (code, tables, prices, periods, the word branches, odd digits and spaces), and on samples.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.figures import figure_finder, quantities

_PIECES = st.sampled_from([
    "==", "!=", "=>", "=", "{", "}", "//", "#", "# ", "$ ", "[12]", "[", "]", ">>>", ">", "_", "a_b", "foo_bar",
    "max_", "|", "(", ")", "12(3):45", ":", ";", " = ", "a", "color", "border-radius", "padding", "app.run(port=3000",
    "x(", "n=121", "port=", "$", "€", "£", "¥", "@", "9.99", "499", "/mo", "/ month", "usd", "EUR", "k", "m",
    "starting at", "Starting from", "from", "From", "starts @", "start @", "free shipping on", "Free delivery on",
    "free", "see pricing", "view pricing", "pricing details", "pricing", "5", "0", "١٢", "²", "٣", "\u00a0", " ",
    "\t", "\n", "-", ".", ",", "Home", "x", "é",
])
_TEXTS = st.lists(_PIECES, min_size=1, max_size=12).map("".join)
_SAMPLES = [
    "const a = 4;", "padding: 10px;", ">>> p = Place.objects.get(id=12)", "# Install", "$ pip install x", "[3] Smith",
    "| a | b |", "Nature 12(3):45-50.", "snake_case = 3", "app.run(port=3000)", "A statistic (n=121) held.",
    "It costs $499/mo.", "Starting at $5 a seat.", "From $19.99 USD.", "Starts @ $7/hour.", "Free shipping on orders.",
    "See pricing for 3 plans.", "Pricing details: 4 tiers.", "The firm hired 224 people in 2023.", "",
    "Sales rose 15% to £2bn.", "١٢ people came.", "Nine people came.",
]


def _plain_code(text: str) -> bool:
    return not figure_finder._CODE_SIGNS.isdisjoint(text) and figure_finder._CODE_OR_TABLE.search(text) is not None


@settings(max_examples=600, deadline=None)
@given(_TEXTS)
def test_code_gate_answers_as_the_search(text: str) -> None:
    assert figure_finder._code_or_table(text) == _plain_code(text)


def _plain_may_hold(text: str) -> bool:
    """`_may_hold_a_number` as it was: the digit pattern, then the locale's number words."""
    pattern = quantities._number_word_pattern("en")
    return re.search(r"\d", text) is not None or pattern is None or pattern.search(text.lower()) is not None


@settings(max_examples=600, deadline=None)
@given(st.one_of(_TEXTS, st.text(max_size=30)))
def test_digit_test_answers_as_the_pattern(text: str) -> None:
    assert quantities._may_hold_a_number(text, quantities.number_locale("en")) == _plain_may_hold(text)


@pytest.mark.parametrize("text", _SAMPLES)
def test_samples(text: str) -> None:
    assert figure_finder._code_or_table(text) == _plain_code(text)
    assert quantities._may_hold_a_number(text, quantities.number_locale("en")) == _plain_may_hold(text)


def test_the_samples_fire() -> None:
    """Not vacuous: code lines matched only anchored, a line refused, digits of another script."""
    assert figure_finder._code_or_table("# Install") and figure_finder._code_or_table("padding: 10px;")
    assert not figure_finder._code_or_table("A statistic (n=121) held.")
    assert quantities._may_hold_a_number("١٢ people", quantities.number_locale("en"))
    assert not quantities._may_hold_a_number("No digits here", quantities.number_locale("en"))
