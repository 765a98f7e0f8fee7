"""Paywall lines, first-name author bios and a closing call to action at the article's end are dropped; article
sentences like them stay."""

from __future__ import annotations

import pytest

from bot.digest.extract.paste import is_promo_line
from bot.digest.extract.paste.features import split_lines
from bot.digest.extract.paste.promo import drop_closing_calls

ARTICLE = [
    "The county opened its third public library branch on Saturday, five years after voters approved the bond that paid for it.",
    "The building holds about forty thousand books, a maker space with two 3D printers and a room that local groups can book for free.",
    "Librarians said the branch would stay open until nine in the evening on weekdays, two hours later than the older branches.",
    "Next year the county plans to add a mobile library that will visit the villages in the hills north of the town twice a week.",
    "The old branch on Main Street will close for repairs in March and reopen in the autumn with a larger children's room.",
    "Volunteers moved about six thousand books from the old building to the new one over two weekends in October.",
    "The architect said the roof holds solar panels that cover about a third of the building's electricity use.",
    "The county expects about two hundred visitors a day in the first year, based on the numbers of the other branches.",
]


@pytest.mark.parametrize(
    "line",
    [
        "This article is exclusive to STAT+ subscribers",
        "Already have an account? Log in",
        "Unlock this article — plus in-depth analysis, newsletters, premium events, and news alerts.",
        "Irene is an experienced writer with five years' experience in the Tech, E-commerce, and Food niches.",
        "Trung is a content writer at Orient Software who blogs about IT-specific topics.",
    ],
)
def test_paywalls_and_first_name_bios_are_promo_lines(line: str) -> None:
    assert is_promo_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "Veed is the most fully featured online video editor that I've found so far.",
        "Flatliner is a handy code editor that helps to test the Flatline expressions.",
        "Who is the author? Nationality, political persuasion, training and personal history all matter.",
        "The paper said its reporting was exclusive to the region for a week.",
        "Paris is a host city of the 2024 Olympic Games.",
    ],
)
def test_article_sentences_are_not_paywalls_or_bios(line: str) -> None:
    assert not is_promo_line(line)


def _closing(last: list[str], article: list[str] = ARTICLE) -> list[str]:
    lines = split_lines("\n".join(article + last))
    kept = drop_closing_calls(lines, [True] * len(lines))
    return [line.text for line, k in zip(lines, kept) if k]


@pytest.mark.parametrize(
    "call",
    [
        "We can improve your MBA profile and boost your candidacy.",
        "Check Your Health",
        "Get quotes from top-rated pros.",
    ],
)
def test_a_closing_call_is_dropped(call: str) -> None:
    assert _closing([call]) == ARTICLE


def test_the_article_s_own_last_sentences_stay() -> None:
    assert _closing([]) == ARTICLE


def test_a_call_above_the_last_two_lines_stays() -> None:
    call = "We can improve your MBA profile and boost your candidacy."
    article = ARTICLE[:6] + [call] + ARTICLE[6:]
    assert _closing([], article) == article


def test_a_short_article_keeps_its_last_lines() -> None:
    short = ARTICLE[:4] + ["Check Your Health"]
    assert _closing([], short) == short


@pytest.mark.parametrize(
    "line",
    [
        "An official website of the United States government",
        "Here's how you know",
        "Official websites use .gov",
        "Secure .gov websites use HTTPS",
        "We independently test everything we recommend.",
        "Buying through links on our site supports our work.",
    ],
)
def test_site_notices_are_promo_lines(line: str) -> None:
    assert is_promo_line(line)


def test_article_sentences_like_site_notices_stay() -> None:
    assert not is_promo_line("The agency said it would independently review the contract before the vote.")
    assert not is_promo_line("Officials use the .gov domain for every federal site, the report said.")


@pytest.mark.parametrize("question", ["Need more Backpacking Equipment advice?", "Was the article useful?"])
def test_a_lone_short_question_ending_the_article_is_dropped(question: str) -> None:
    assert _closing([question]) == ARTICLE


@pytest.mark.parametrize(
    "last",
    [
        # Longer than CLOSING_QUESTION_WORDS: an article's own closing question.
        ["Will the county find the money for a fourth branch before the next election comes around?"],
        # Two sentences: the question is not alone.
        ["The vote is in May. Will it pass?"],
        # A short question with its answer after it: a heading, not the end.
        ["What comes next?", "The county board meets again in January to choose a site for the mobile library's depot."],
    ],
)
def test_questions_that_are_not_a_lone_closing_line_stay(last: list[str]) -> None:
    assert _closing(last) == ARTICLE + last


def test_a_short_question_above_the_last_line_stays() -> None:
    article = ARTICLE[:7] + ["Was the article useful?"] + ARTICLE[7:]
    assert _closing([], article) == article
