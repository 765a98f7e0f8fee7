"""htmldate's page search with its year patterns read only near digits finds exactly what the whole-page findall finds."""

from __future__ import annotations

import copy
import random

import htmldate
from htmldate import core
from lxml import html as lxml_html

from bot.digest.extract.html import dates
from bot.digest.extract.html.dates import HTMLDATE_VERSION, digit_windows, near_digit_findall, year_search_near_digits

_ALPHABET = "0123456789/.-: ab©w3.org\u0661xxxxx"  # \u0661: an Arabic-Indic digit (\d, not [0-9])


def _random_text(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randint(0, 300)):
        # long digit-free gaps make separate windows; short ones merge them
        pieces.append(rng.choice(_ALPHABET) if rng.random() < 0.9 else " " * rng.randint(30, 90))
    return "".join(pieces)


def test_the_patterns_are_windowed_only_in_the_htmldate_they_were_read_in() -> None:
    # Another htmldate (a newer release installed by pip) gets its own whole-page search: slower, never wrong.
    # To win the speed back, re-read its patterns and plausible_year_filter, then re-pin HTMLDATE_VERSION.
    if htmldate.__version__ == HTMLDATE_VERSION:
        assert len(dates._NEAR_DIGITS) == 7
    else:
        assert dates._NEAR_DIGITS == frozenset()


def test_windows_hold_every_digit_and_stay_apart() -> None:
    text = "a" * 100 + "2019" + "b" * 10 + "7" + "c" * 200 + "12" + "d" * 5
    windows = digit_windows(text)
    margin = dates.WINDOW_MARGIN
    assert windows == [(100 - margin, 115 + margin), (315 - margin, len(text))]
    assert digit_windows("no digits at all") == []


def test_near_digit_findall_equals_findall_on_random_text() -> None:
    rng = random.Random(14)
    for _ in range(3000):
        text = _random_text(rng)
        dates._windows_of.clear()
        for pattern in dates._NEAR_DIGITS:
            assert near_digit_findall(pattern, text) == pattern.findall(text), (pattern.pattern, text)


def test_find_date_is_the_same_with_the_windows() -> None:
    prose = " ".join(["The council met to discuss the bridge and its budget for next year."] * 40)
    pages = [
        f"<html><body><p>{prose}</p><p>Filed 2019/05/07.</p><p>{prose}</p></body></html>",
        f"<html><body><p>{prose} on 12.04.19 and {prose}</p><p>See 03/2018.</p></body></html>",
        f"<html><body><p>{prose}</p><footer>© 2016-2021 The Paper</footer><p>{prose} 20170314 </p></body></html>",
        f"<html><body><p>{prose} in 2015 {prose}</p><a href='http://www.w3.org/1999/xhtml'>x</a></body></html>",
    ]
    for page in pages:
        tree = lxml_html.fromstring(page)
        expected = core.find_date(copy.deepcopy(tree), extensive_search=True)
        with year_search_near_digits():
            found = core.find_date(copy.deepcopy(tree), extensive_search=True)
        assert found == expected, page[-80:]
    assert core.plausible_year_filter is not dates.plausible_year_filter  # undone after the block
