"""The facts `compiled_pysbd` rests on, checked against `re` itself, and its sentences against stock pysbd."""

from __future__ import annotations

import re
import sys

import pysbd
import pytest
from pysbd.languages import LANGUAGE_CODES

from pysbd.lists_item_replacer import ListItemReplacer

from bot.digest.segment.compiled_pysbd import _LIST_ITEM_END, CompiledSegmenter, _ListItemReplacer, dotted_words, fold_case

EVERY_CHARACTER = "".join(chr(code) for code in range(sys.maxunicode + 1) if not 0xD800 <= code <= 0xDFFF)


def _abbreviation_characters() -> set[str]:
    return {ch for language in LANGUAGE_CODES.values() for abbr in language.Abbreviation.ABBREVIATIONS for ch in abbr.strip()}


def test_case_folding_matches_what_re_ignorecase_matches() -> None:
    """Every character `re.IGNORECASE` takes for a character of an abbreviation folds to the same (or is unfoldable)."""
    for ch in sorted(_abbreviation_characters()):
        if not ch.isalnum():
            continue
        for match in re.findall(re.escape(ch), EVERY_CHARACTER, re.IGNORECASE):
            assert fold_case(match) in (fold_case(ch), None), (ch, match)


def test_str_isspace_is_re_whitespace() -> None:
    spaces = re.compile(r"\s")
    assert [ch for ch in EVERY_CHARACTER if bool(spaces.match(ch)) != ch.isspace()] == []


def test_dotted_words() -> None:
    assert dotted_words("Gov. Brown met Dr. Who at 10 a.m. in the U.S. Capitol.") == frozenset({"gov", "dr", "a", "u", "capitol"})
    assert dotted_words("ſt. ß.") is None  # "ß" upper-cases to two letters: unsure


@pytest.mark.parametrize("code", sorted(LANGUAGE_CODES))
def test_same_spans_as_stock_pysbd(code: str) -> None:
    text = (
        "Dr. Smith and Mr. A. B. Jones met at 10 a.m. on Jan. 5 in the U.S. He said: “It is done.” "
        "Prof. Müller u. a. kamen am 3. Okt. an. Ул. Тверская, д. 7. Проф. Иванов прибыл в 10 ч. утра. "
        "The end... Really?! Yes. (See p. 12.) A sentence repeated. A sentence repeated."
    )
    stock = pysbd.Segmenter(language=code, clean=False, char_span=True).segment(text)
    ours = CompiledSegmenter(language=code).segment(text)
    assert [(s.sent, s.start, s.end) for s in ours] == [(s.sent, s.start, s.end) for s in stock]


LIST_TEXTS = [
    "a. first b. second c. third",
    "Options (a) red (b) blue and i. one ii. two",
    "1. plan 2. build 3. test",
    "1) plan 2) build",
    "See item 3. Then go. It cost 2.5 dollars in 2019. Done.",
    "He (the mayor) said x. Nothing else.",
    "Marker ♨ and ☝ in the text.",
    "-1. minus ⁃2. bullet",
    "iv. four v. five",
]


@pytest.mark.parametrize("text", LIST_TEXTS)
def test_list_step_is_skipped_only_where_it_changes_nothing(text: str) -> None:
    stock = ListItemReplacer(text).add_line_break()
    assert _ListItemReplacer(text).add_line_break() == stock
    if "♨" not in text and "☝" not in text and len(_LIST_ITEM_END.findall(text)) <= 1:
        assert stock == text


def test_list_item_ends_are_where_the_list_patterns_end() -> None:
    """Every match of pysbd's list patterns ends just before one of the places `_LIST_ITEM_END` counts."""
    patterns = (
        ListItemReplacer.ALPHABETICAL_LIST_WITH_PERIODS,
        ListItemReplacer.ALPHABETICAL_LIST_WITH_PARENS,
        ListItemReplacer.NUMBERED_LIST_REGEX_1,
        ListItemReplacer.NUMBERED_LIST_PARENS_REGEX,
    )
    matched = 0
    for text in LIST_TEXTS:
        ends = {m.start() for m in _LIST_ITEM_END.finditer(text)}
        for pattern in patterns:
            for match in re.finditer(pattern, text):
                assert match.end() in ends, (pattern, text, match)
                matched += 1
    assert matched > 15
