"""The cleaner's word tables, read from `phrases.json` (UTF-8, shipped as package data).

Phrases are matched against a line's key (see `line_key`): its lower-cased
`\\w+` words joined by single spaces, so punctuation never matters.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources

WORD = re.compile(r"\w+")

# Several features and steps ask for the words (or the key) of the same line: each distinct line is split once
# per cache entry. Bounded, so a worker's memory stays flat; pure functions of the text, so answers are unchanged.
_LINE_CACHE = 8192


@lru_cache(maxsize=_LINE_CACHE)
def line_key(line: str) -> str:
    """Lower-cased words of a line joined by single spaces: the form chrome phrases are matched in."""
    if len(line) <= 300 and line.isascii():  # ASCII: lower-casing maps words to words, so reuse the line's words
        return " ".join(_all_lower_words(line)).replace("_", " ")
    return " ".join(WORD.findall(line[:300].lower())).replace("_", " ")


@lru_cache(maxsize=_LINE_CACHE)
def _all_words(text: str) -> tuple[str, ...]:
    return tuple(WORD.findall(text))


def clear_line_caches() -> None:
    """Forget the lines seen so far: the cleaner calls this once a paste, so a cache serves one paste only (and a
    benchmark that repeats a paste measures the work, not a cache hit)."""
    for cached in (line_key, _all_words, _all_lower_words):
        cached.cache_clear()


def line_words(text: str, limit: int | None = None) -> tuple[str, ...]:
    """`WORD.findall(text[:limit])` as a tuple; a line no longer than `limit` is split once for every limit."""
    if limit is None or len(text) <= limit:
        return _all_words(text)
    return tuple(WORD.findall(text[:limit]))


@lru_cache(maxsize=_LINE_CACHE)
def _all_lower_words(text: str) -> tuple[str, ...]:
    return tuple(map(str.lower, _all_words(text)))


def lower_words(text: str, limit: int | None = None) -> tuple[str, ...]:
    """The words of `line_words(text, limit)`, each lower-cased (str.lower word by word, as callers did)."""
    if limit is None or len(text) <= limit:
        return _all_lower_words(text)
    return tuple(map(str.lower, WORD.findall(text[:limit])))


def _load() -> dict[str, dict[str, object]]:
    return json.loads(resources.files(__package__).joinpath("phrases.json").read_text(encoding="utf-8"))


_TABLES = _load()


def _words(name: str) -> frozenset[str]:
    return frozenset(str(_TABLES[name]["words"]).split())


def _phrases(name: str) -> tuple[str, ...]:
    return tuple(str(p) for p in _TABLES[name]["phrases"])  # type: ignore[attr-defined]


# Whole-line chrome: lines whose key is exactly one of these ("share this", "advertisement", "impressum").
CHROME_EXACT: frozenset[str] = frozenset(
    phrase.strip() for group in _TABLES["chrome_lines"]["groups"] for phrase in str(group).split("|")  # type: ignore[attr-defined]
) - {""}
# Headings that open a trailing non-article section; a key starting with one counts.
SECTION_HEADS: tuple[str, ...] = _phrases("section_heads")
COUNTER_WORDS = _words("counter_words")
DATE_WORDS = _words("date_words")
PROMO_WORDS = _words("promo_words")
BOX_HEADINGS: frozenset[str] = frozenset(_phrases("box_headings"))
CTA_VERBS = _words("cta_verbs")
CTA_TARGETS = _words("cta_targets")
