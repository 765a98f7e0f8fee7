"""The figure stage's regexes rewritten for speed (thirteenth session) answer as the forms they replace."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.digest.figures import figure_finder, quantities, tokens
from bot.digest.figures.locales import _NUMBER_WORDS

_PIECES = [
    "1", "12", "1,200", "3.5", "0", "%", "$", "€", "£", "¥", " ", "  ", "\t", "\n", "\xa0", ".", ",", "A", "Ab", "ab",
    "For", "The", "x", "_", "-", "Cup", "2For", "’", "&", "one", "Two", "twenty", "room", "ROOM", "ione", "ones",
    "п'ять", "vingt", "drei", "dreißig", "İ", "é", "漢", "@", "+", "(", "[", ":", "www.", "555-123", "1.", "2)", "w", "ww",
]
_TEXTS = st.lists(st.one_of(st.sampled_from(_PIECES), st.characters()), max_size=30).map("".join)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_number_run_is_the_single_pattern(text: str) -> None:
    assert figure_finder._number_run(text) == (figure_finder._SLOW_NUMBER_RUN.search(text) is not None)


@settings(max_examples=3000, deadline=None)
@given(_TEXTS)
def test_title_run_is_the_pattern_with_a_word_boundary(text: str) -> None:
    fast, slow = figure_finder._TITLE_RUN.search(text), figure_finder._SLOW_TITLE_RUN.search(text)
    assert (fast is None) == (slow is None)
    assert fast is None or fast.span() == slow.span()


@pytest.mark.parametrize("code", ["en", *sorted(_NUMBER_WORDS)])
def test_number_word_tree_finds_what_the_word_list_finds(code: str) -> None:
    fast, slow = quantities._number_word_pattern(code), quantities._slow_number_word_pattern(code)
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
        quantities._slow_number_word_pattern(code).search(text) is None
    )


@settings(max_examples=2000, deadline=None)
@given(_TEXTS)
def test_tokens_and_mask_hint_as_before(text: str) -> None:
    assert tokens.TOKEN.findall(text) == tokens.SLOW_TOKEN.findall(text)
    assert tokens.may_hold_masks(text) == (tokens._MASK_HINT.search(text) is not None)
