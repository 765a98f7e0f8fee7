"""The HTML extractor's settings, in one object."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ExtractionSettings:
    # trafilatura's defaults held best across page types on WCXB's tune part (docs/quality/extraction.md):
    # precision mode drops forum posts, listing cards and service-page sections.
    favor_precision: bool = False
    include_comments: bool = True  # a forum thread's posts are its content
    include_tables: bool = True
    # Below this many words, trafilatura's recall mode is tried too and the longer answer kept; its
    # baseline extractor only when neither answer holds a sentence (chosen on WCXB's tune part).
    fallback_below_words: int = 100
    fallback_min_words: int = 50  # a fallback's answer shorter than this is taken for menus, not an article
    min_sentence_words: int = 8  # a short answer holds an article only if one line is this long
    max_elements: int = 40_000  # trafilatura's time grows faster than the element count


DEFAULT_SETTINGS = ExtractionSettings()
