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


# --------------------------------------------------------------------------- #
# Pathological lines (sixteenth session, bench/hostile.py): the same sentences as stock pysbd, bounded work
# --------------------------------------------------------------------------- #

PATHOLOGICAL_LINES = [
    "Bridge closes " + ". " * 300 + "council plan",  # pysbd gives one "." per stop
    "Council. " * 200,  # one sentence again and again
    " ".join(f"{abbr} budget" for abbr in ("e.g.", "E.g.", "i.e.", "U.S.", "e.g.", "vs.", "No. 5", "Mr.", "etc.") * 40),
    "See e.g. the plan. " * 50 + "Ул. Тверская, д. 7. " * 30,
]


@pytest.mark.parametrize("code", ["en", "de", "ru", "bg", "fr"])
@pytest.mark.parametrize("text", PATHOLOGICAL_LINES, ids=["stops", "repeats", "abbreviations", "mixed"])
def test_same_spans_as_stock_pysbd_on_pathological_lines(code: str, text: str) -> None:
    stock = pysbd.Segmenter(language=code, clean=False, char_span=True).segment(text)
    ours = CompiledSegmenter(language=code).segment(text)
    assert [(s.sent, s.start, s.end) for s in ours] == [(s.sent, s.start, s.end) for s in stock]


class _CountedFinds(str):
    """A text that counts the `find` calls made on it."""

    finds = 0

    def find(self, *args: object) -> int:  # type: ignore[override]
        type(self).finds += 1
        return super().find(*args)  # type: ignore[arg-type]


def test_offsets_of_a_sentence_met_again_resume_where_it_was_found() -> None:
    """2,000 "." sentences: each found once from where the last one was, not by walking every earlier match."""
    count = 2_000
    segmenter = CompiledSegmenter(language="en")
    segmenter.original_text = _CountedFinds("Bridge closes " + ". " * count)
    _CountedFinds.finds = 0
    spans = segmenter.sentences_with_char_spans(["Bridge closes ."] + ["."] * (count - 1))
    assert [span.start for span in spans[:3]] == [0, 16, 18] and len(spans) == count
    assert _CountedFinds.finds <= 2 * count  # walking the earlier matches again each time: 2 million


def test_a_dotted_abbreviation_met_again_is_substituted_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """2,000 "e.g." on a line: one substitution pass for each form met, not one per occurrence."""
    from bot.digest.segment import compiled_pysbd

    calls = []
    original = compiled_pysbd._CompiledAbbreviations.replace_period_of_abbr

    def counted(self: object, txt: str, abbr: str) -> str:
        calls.append(abbr)
        return original(self, txt, abbr)  # type: ignore[arg-type]

    monkeypatch.setattr(compiled_pysbd._CompiledAbbreviations, "replace_period_of_abbr", counted)
    line = " ".join(f"{form} budget" for form in ("e.g.", "E.g.", "i.e.") * 700)
    ours = [(span.sent, span.start) for span in CompiledSegmenter(language="en").segment(line)]
    assert len(calls) <= 10  # one per occurrence: 2,100
    assert ours == [(span.sent, span.start) for span in pysbd.Segmenter(language="en", clean=False, char_span=True).segment(line)]
