"""The per-page choice between trafilatura's answer and the page-type profile's main region.

trafilatura keeps one content block; the region (region.py) keeps the page's whole main
region less its chrome. Which of the two is nearer what a reader calls the page's content
differs per page: a profile gives the ratio of words over which the region wins
(`PageProfile.region_over_words`).
"""

from __future__ import annotations

import re

from lxml import html as lxml_html

from bot.digest.extract.html.profiles import PageProfile

_WORD = re.compile(r"\w+")


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def prefer_region(page_type: str, profile: PageProfile, text: str, region: str, tree: lxml_html.HtmlElement) -> bool:
    """Whether the region's text replaces trafilatura's `text` on this page (`profile.region_over_words`
    is set; the caller has checked that the region holds a sentence).

    The page type and the tree are passed for a chooser that reads the page (bench.choice_study
    records them); learned choosers over them did not beat this ratio rule out of fold on WCXB's
    tune part (docs/quality/extraction.md, eighth session). Whatever the ratio, the region wins where
    trafilatura's answer is a cookie-consent dialog outside it (`consent_mentions_outside`)."""
    assert profile.region_over_words is not None
    if _words(region) > profile.region_over_words * _words(text):
        return True
    return consent_mentions_outside(text, region) >= CONSENT_MENTIONS_OUTSIDE


def region_wins_whatever_the_text(profile: PageProfile, region: str) -> bool:
    """Whether `prefer_region` is true for this region whatever trafilatura's text (the caller has
    checked that the region holds a sentence): a ratio of 0 (listings) takes any region with a
    word, since no text can have fewer than 0 words. The extractor then skips trafilatura's
    extraction, about a third of a page's time; keep this in step with `prefer_region`."""
    return profile.region_over_words == 0 and _WORD.search(region) is not None  # `_words(region) > 0`, not counted through


_GRAM = 4  # words: a run this long found in both texts is one text, whatever their line breaks
# trafilatura sometimes answers a cookie-consent dialog (a shop's, a forum's) that the region drops as
# chrome: this many mentions of cookies in its lines outside the region make the region win whatever
# the ratio (twelfth session: on WCXB's tune part 3 to 5 take the same 7 pages, all up; 2 takes a
# forum whose region missed the posts; bench/regions2_study.py).
CONSENT_MENTIONS_OUTSIDE = 4
_COOKIE = re.compile(r"\bcookies?\b", re.IGNORECASE)


class _Runs:
    """A text's runs of `_GRAM` words, to tell which lines of another text lie inside it."""

    def __init__(self, text: str) -> None:
        tokens = _WORD.findall(text.lower())
        self.grams = {tuple(tokens[i : i + _GRAM]) for i in range(len(tokens) - _GRAM + 1)}
        self.joined = f" {' '.join(tokens)} "

    def share_of(self, words: list[str]) -> float:
        """The share of `words` (one line's, lower case) in runs found here (a line of fewer words: whole)."""
        if len(words) < _GRAM:
            return float(f" {' '.join(words)} " in self.joined)
        runs = [tuple(words[i : i + _GRAM]) in self.grams for i in range(len(words) - _GRAM + 1)]
        return sum(runs) / len(runs)


def share_inside(text: str, region: str) -> float:
    """The share of `text`'s words that run, four at a time, somewhere in `region` (a line of fewer
    words: the whole line); 1.0 for a text without words. How much of trafilatura's answer lies
    inside the region's kept lines, whatever the line breaks of either."""
    runs = _Runs(region)
    total = inside = 0.0
    for line in text.split("\n"):
        words = _WORD.findall(line.lower())
        if words:
            total += len(words)
            inside += len(words) * runs.share_of(words)
    return inside / total if total else 1.0


def consent_mentions_outside(text: str, region: str) -> int:
    """How often `text`'s lines that lie mostly outside `region` (under half their words in runs of
    `region`) speak of cookies: trafilatura answering a cookie-consent dialog the region dropped."""
    if not _COOKIE.search(text):  # most pages: nothing to look for
        return 0
    runs = _Runs(region)
    mentions = 0
    for line in text.split("\n"):
        found = len(_COOKIE.findall(line))
        if found and runs.share_of(_WORD.findall(line.lower())) < 0.5:
            mentions += found
    return mentions
