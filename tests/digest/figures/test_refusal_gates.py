"""The reader refusals' gates (figspeed8) give the answers of the searches they skip.

`_name_before` searches `_NAME_BEFORE` from the last word only, `_inside_identifier` skips its token
walk for a number standing alone, and `_inside_compound` searches only after a hyphen. Each is checked
against the plain search on every span of texts built from the pieces these refusals read (names,
trade marks, owners, identifiers, compounds, hyphens, odd spaces), and on the figures of such texts.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.figures import figure_finder
from bot.digest.figures.figure_finder import find_figures
from bot.digest.figures.quantities import Quantity, find_quantities
from bot.digest.segment.sentence_splitter import split_sentences

_PIECES = st.sampled_from([
    "Go", "1.26", "Wine 11.4", "PlayStation®4", "Android™ 4.0", "Android™4", "DirectX 11", "Mexico's 31", "I'm 80",
    "U.N.'s 193", "Oct. 18", "Another 1,700", "17.HUS.08214.Hohenstein", "M10-P", "4e196aa4-0141-4601", "A$8.4bn",
    "$779m-798m", "6-foot-8-inch", "9-to-1", "all-in-one", "many-to-one", "no-one", "mother-of-nine", "24/7", "x",
    "2x3", "12,800Pa1", "128K-200K", "3rd", "two", "One", "-", "–", "(", ")", "\"", "“", "”", ",", ".", ":", "!", " ",
    "\t", "\u00a0", "\n", "’", "'", "²", "5", "2011", "B2B", "5 km", "Model 3", "iPhone 15", "abc", "ABC",
])
_TEXTS = st.lists(_PIECES, min_size=1, max_size=10).map("".join)
_KINDS = ("count", "ordinal", "measure", "money", "date", "duration", "percent")


def spans(text: str) -> list[Quantity]:
    """A quantity of each kind on every span of the text (the refusals read only the text around it)."""
    return [
        Quantity(start, end, text[start:end], 1.0, "", False, kind)
        for start in range(len(text))
        for end in range(start + 1, min(len(text), start + 12) + 1)
        for kind in ("count", "ordinal", "measure")
    ]


@settings(max_examples=150, deadline=None)
@given(_TEXTS)
def test_the_name_before_a_number_is_the_plain_search(text: str) -> None:
    for end in range(len(text) + 1):
        fast = figure_finder._name_before(text, end)
        plain = figure_finder._NAME_BEFORE.search(text, 0, end) if end else None
        assert (fast and (fast.span(), fast.group(1))) == (plain and (plain.span(), plain.group(1))), (text, end)


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_a_number_standing_alone_is_read_as_the_token_walk_reads_it(text: str) -> None:
    quantities = spans(text)
    fast = [figure_finder._inside_identifier(q, text) for q in quantities]
    with pytest.MonkeyPatch.context() as plain:
        plain.setattr(figure_finder, "_stands_alone", lambda quantity, sentence_text: False)
        assert [figure_finder._inside_identifier(q, text) for q in quantities] == fast, text


@settings(max_examples=100, deadline=None)
@given(_TEXTS)
def test_a_compound_is_searched_only_after_a_hyphen_with_the_same_answers(text: str) -> None:
    for q in spans(text):
        plain = q.kind in ("count", "ordinal") and (
            q.text == "24/7"
            or (not q.text[:1].isdigit() and figure_finder._COMPOUND_BEFORE.search(text, 0, q.start) is not None)
        )
        assert figure_finder._inside_compound(q, text) == plain, (text, q)


def test_the_gates_keep_the_refusals_and_the_figures() -> None:
    # the refusals still fire through their gates
    assert figure_finder._name_before("Seamless play on PlayStation®4", 29) is not None
    assert figure_finder._name_before("Mexico's 31 states", 9) is not None  # found; refused by its apostrophe later
    assert figure_finder._name_before("about 31 states", 6) is None
    text = "Certificate 17.HUS.08214.Hohenstein and 12 people"
    numbers = [q for q in find_quantities(text) if q.text.startswith("17")]
    assert numbers and all(figure_finder._inside_identifier(q, text) for q in numbers)
    lines = "Go 1.26 adds 3 new tools. An all-in-one kit for 12 people. It runs 24/7 with 40 staff."
    figures = [f.text for f in find_figures(split_sentences(lines, "en"), limit=20)]
    assert figures == ["3", "12", "40"]  # not the version 1.26, the "one" of all-in-one nor 24/7
