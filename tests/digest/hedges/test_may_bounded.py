"""The modal "may" finder reads a bounded window before each "may" (sixteenth session, bench/hostile.py): the same
cues as the whole-prefix form it replaced, and work in proportion to the sentence on a sentence of thousands of them."""

from __future__ import annotations

import random
import re

import pytest

from bot.digest.hedges import cue_lexicon
from bot.digest.hedges.cue_lexicon import CueMatch, _may_matches


def _whole_prefix_may_matches(sentence: str) -> list[CueMatch]:
    """The form before the sixteenth session: every test on a copy of the whole text before or after the "may"."""
    found = []
    for m in cue_lexicon._MAY.finditer(sentence):
        word = m.group(0)
        after = sentence[m.end():]
        if cue_lexicon._MAY_AS_DATE.match(after):
            continue
        if word[0].isupper():
            before = sentence[: m.start()]
            at_start = not before.strip(" \"'“‘([")
            if not at_start and not word.isupper():
                continue
            if cue_lexicon._MONTH_CONTEXT.search(before):
                continue
        elif cue_lexicon._MONTH_CONTEXT.search(sentence[: m.start()]) and cue_lexicon._LOWER_MAY_AT_END.match(after):
            continue
        found.append(CueMatch(word, "modal:may", "hedged", m.start(), m.end()))
    return found


_PIECES = ["may", "May", "MAY", "in", "In", "through", "xthrough", "early", "mid", " ", "  ", "-", " - ", "\t", "\n",
           "\u00a0", "2020", "5", ",", ".", ";", "\"", "(", "“", "the", "plan", "Theresa", "–", "June", "ſince", "by"]


@pytest.mark.parametrize("seed", range(40))
def test_same_cues_as_the_whole_prefix_form(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        sentence = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 25)))
        assert _may_matches(sentence) == _whole_prefix_may_matches(sentence), sentence


def test_news_forms() -> None:
    assert [c.text for c in _may_matches("Prices may rise in May 2020, and early May may see more.")] == ["may", "may"]
    assert _may_matches("Theresa May said so.") == []
    assert [c.text for c in _may_matches("May I add that it may work.")] == ["May", "may"]
    assert _may_matches("It ends by may.") == []


def test_a_sentence_of_thousands_of_mays_reads_a_bounded_window_before_each(monkeypatch: pytest.MonkeyPatch) -> None:
    """The month test reads the spaces before each "may" and the longest month word: not the whole text before it
    (a sentence of 20,000 hedges took 18 s, bench/hostile.py)."""
    windows: list[int] = []

    class Recorded:
        def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
            end = len(text) if endpos is None else endpos
            windows.append(end - pos)
            return cue_lexicon._MONTH_CONTEXT_PATTERN.search(text, pos, end)

    monkeypatch.setattr(cue_lexicon, "_MONTH_CONTEXT_PATTERN", cue_lexicon._MONTH_CONTEXT, raising=False)
    monkeypatch.setattr(cue_lexicon, "_MONTH_CONTEXT", Recorded())
    sentence = "The plan " + " ".join("may work or in May" for _ in range(5_000)) + "."
    found = _may_matches(sentence)
    assert len(found) == 5_000  # the lower-case modal each time; "in May" is the month
    assert len(windows) == 5_000 and max(windows) <= 12  # asked for each lower-case "may"; a capital one mid-sentence is passed first
