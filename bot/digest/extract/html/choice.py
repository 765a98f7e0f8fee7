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
    tune part (docs/quality/extraction.md, eighth session)."""
    assert profile.region_over_words is not None
    return _words(region) > profile.region_over_words * _words(text)


def region_wins_whatever_the_text(profile: PageProfile, region: str) -> bool:
    """Whether `prefer_region` is true for this region whatever trafilatura's text (the caller has
    checked that the region holds a sentence): a ratio of 0 (listings) takes any region with a
    word, since no text can have fewer than 0 words. The extractor then skips trafilatura's
    extraction, about a third of a page's time; keep this in step with `prefer_region`."""
    return profile.region_over_words == 0 and _WORD.search(region) is not None  # `_words(region) > 0`, not counted through
