"""An accessibility skip link copied with the page ("Skip to main content") is never a headline candidate
(bot/digest/extract/paste/title.py `_never_headline`): the thirteenth session's sweep found WCXB paste 4104
titled "Skip to main content"."""

from __future__ import annotations

import pytest

from bot.digest.extract.paste import clean_paste
from bot.digest.extract.paste.features import own_features
from bot.digest.extract.paste.model import load_model
from bot.digest.extract.paste.scoring import paste_lines, score_lines
from bot.digest.extract.paste.start import body_lines
from bot.digest.extract.paste.title import _never_headline, headline_rows

BODY = [
    "Video production is the whole process of making a video, from the first idea to the final cut that viewers see.",
    "It has three stages, and each of them needs its own people, its own tools and its own share of the budget.",
    "Planning is where most projects are won or lost, so this guide spends the most time on what happens before filming.",
]
SKIP_LINKS = ["Skip to main content", "Skip to content", "Skip navigation", "Jump to content", "Skip to Main Content Skip to Search"]


@pytest.mark.parametrize("line", SKIP_LINKS)
def test_a_skip_link_is_never_a_headline(line: str) -> None:
    assert _never_headline(line)
    lines = paste_lines("\n".join([line, "PERFORMANCE", *BODY]))
    model = load_model()
    analysis = score_lines(lines, own_features(lines), model)
    candidates, _ = headline_rows(analysis, body_lines(analysis, model.decode), model.decode.title_lookback)
    assert 0 not in candidates
    assert clean_paste("\n".join([line, *BODY])).title != line


@pytest.mark.parametrize("line", ["Skip the line: how to get museum tickets", "Skipping breakfast is bad for you", "Jump to Recipe",
                                  "Content marketing in 2025"])
def test_a_headline_that_starts_alike_is_no_skip_link(line: str) -> None:
    assert not _never_headline(line)
