"""An extraction profile per page type, in one settings object each.

rs-trafilatura's idea: what is main content depends on the kind of page. trafilatura's choice
of one content block suits articles; a service page, a forum thread, a listing of cards or a
collection of products spreads its content over many blocks, which the page's whole main
region (region.py) keeps. A profile says when the region's text replaces trafilatura's: when
it holds more than `region_over_words` times as many words (None: never). The ratios were
chosen per type on WCXB's tune part, with the type the classifier predicts (cross-validated).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PageProfile:
    region_over_words: float | None = None


PROFILES: dict[str, PageProfile] = {
    "article": PageProfile(),
    "documentation": PageProfile(region_over_words=1.2),
    "service": PageProfile(region_over_words=1.2),
    "product": PageProfile(region_over_words=5.0),
    "forum": PageProfile(region_over_words=2.0),
    "listing": PageProfile(region_over_words=0.0),
    "collection": PageProfile(region_over_words=1.2),
}
