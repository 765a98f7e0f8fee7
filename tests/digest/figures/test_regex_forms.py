"""The figure stage's regexes rewritten for speed (thirteenth session) answer as the forms they replace."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.figures import figure_finder, quantities, tokens
from bot.digest.figures.locales import _NUMBER_WORDS
from tests.digest.figures import references

_PIECES = [
    "1", "12", "1,200", "3.5", "0", "%", "$", "€", "£", "¥", " ", "  ", "\t", "\n", "\xa0", ".", ",", "A", "Ab", "ab",
    "For", "The", "x", "_", "-", "Cup", "2For", "’", "&", "one", "Two", "twenty", "room", "ROOM", "ione", "ones",
    "п'ять", "vingt", "drei", "dreißig", "İ", "é", "漢", "@", "+", "(", "[", ":", "www.", "555-123", "1.", "2)", "w", "ww",
]
_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), st.characters()), max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_number_run_is_the_single_pattern(text: str) -> None:
    assert figure_finder._number_run(text) == (references.slow_number_run(text))


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_title_run_is_the_pattern_with_a_word_boundary(text: str) -> None:
    fast, slow = figure_finder._TITLE_RUN.search(text), references.SLOW_TITLE_RUN.search(text)
    assert (fast is None) == (slow is None)
    assert fast is None or fast.span() == slow.span()


@pytest.mark.parametrize("code", ["en", *sorted(_NUMBER_WORDS)])
def test_number_word_tree_finds_what_the_word_list_finds(code: str) -> None:
    fast, slow = quantities._number_word_pattern(code), references.slow_number_word_pattern(code)
    if slow is None:
        assert fast is None
        return
    words = {*quantities.number_locale(code).number_words, "room"}
    for word in words:
        for text in (word, f" {word} ", f"x{word}", f"{word}x", word[:-1], f"a {word}-b", f"1{word}", f"{word}{word}", f"é{word}"):
            assert (fast.search(text) is None) == (slow.search(text) is None), (code, text)


@settings(max_examples=2000, deadline=None)
@given(_TEXTS, st.sampled_from(["en", "fr", "de", "uk", "es"]))
def test_number_word_tree_on_any_text(text: str, code: str) -> None:
    text = text.lower()
    assert (quantities._number_word_pattern(code).search(text) is None) == (
        references.slow_number_word_pattern(code).search(text) is None
    )


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_tokens_and_mask_hint_as_before(text: str) -> None:
    assert tokens.TOKEN.findall(text) == references.SLOW_TOKEN.findall(text)
    assert tokens.may_hold_masks(text) == (references.MASK_HINT.search(text) is not None)


# Runs of digits, commas and stops longer than `_number_run` reads whole (sixteenth session): cut to their ends, the
# same answer as the single pattern on the whole text.
_LONG_RUNS = st.builds(lambda digits, sep: sep.join(digits), st.lists(st.sampled_from(["1", "12", "999", "0"]), min_size=10, max_size=40),
                       st.sampled_from(["", ",", ".", ",,"]))
_TEXTS_WITH_LONG_RUNS = st.lists(st.one_of(st.sampled_from(_PIECES), _LONG_RUNS), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(_TEXTS_WITH_LONG_RUNS)
def test_number_run_with_long_runs_is_the_single_pattern(text: str) -> None:
    assert figure_finder._number_run(text) == (references.slow_number_run(text))


def test_a_50000_digit_number_is_read_in_bounded_pieces(monkeypatch: pytest.MonkeyPatch) -> None:
    """The patterns of `_number_run` see each long run cut to its ends: tried from each digit of a 50,000-digit run
    to its end, one sentence took 30 s (bench/hostile.py)."""
    seen: list[int] = []

    class Recorded:
        def __init__(self, pattern: object) -> None:
            self.pattern = pattern

        def search(self, text: str) -> object:
            seen.append(len(text))
            return self.pattern.search(text)  # type: ignore[attr-defined]

    monkeypatch.setattr(figure_finder, "_NUMBERS_IN_A_ROW", Recorded(figure_finder._NUMBERS_IN_A_ROW))
    monkeypatch.setattr(figure_finder, "_TWO_PRICES", Recorded(figure_finder._TWO_PRICES))
    text = "The budget rose to " + "7" * 50_000 + " euros, then 5 4 3 2 fell."
    assert figure_finder._number_run(text)
    assert seen and max(seen) < 200
    assert not figure_finder._number_run("The budget rose to $" + "12," * 20_000 + "5 in one year.")
