"""The cleaner's word tables, read from `phrases.json` (UTF-8, shipped as package data).

Phrases are matched against a line's key (see `line_key`): its lower-cased
`\\w+` words joined by single spaces, so punctuation never matters.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Sequence
from importlib import resources

WORD = re.compile(r"\w+")

# Several features and steps ask for the words (or the key) of the same line: each distinct line is split once.
# Plain dicts (a miss costs one look-up), emptied at the start of each paste and whenever they reach
# _LINE_CACHE lines, so a worker's memory stays flat. The lists handed out are shared: callers only read them.
_LINE_CACHE = 8192
_WORDS: dict[str, list[str]] = {}
_LOWER_WORDS: dict[str, list[str]] = {}


def _remember(cache: dict, text: str, value: object) -> None:
    if len(cache) >= _LINE_CACHE:
        cache.clear()
    cache[text] = value


def clear_line_caches() -> None:
    """Forget the lines seen so far: the cleaner calls this once a paste, so a cache serves one paste only (and a
    benchmark that repeats a paste measures the work, not a cache hit)."""
    for cache in (_WORDS, _LOWER_WORDS, _KEYS):
        cache.clear()


def remember_lines(texts: Sequence[str], words: Sequence[list[str]], lowered: Sequence[list[str]], keys: Sequence[str]) -> None:
    """Store what a caller computed for many lines at once (`line_words`, `lower_words` and `line_key` of each of
    `texts`), as if each had been asked for; nothing is stored when the lines would not fit the caches."""
    if len(texts) > _LINE_CACHE:
        return
    for cache, values in ((_WORDS, words), (_LOWER_WORDS, lowered), (_KEYS, keys)):
        if len(cache) + len(texts) > _LINE_CACHE:
            cache.clear()
        cache.update(zip(texts, values))


def line_words(text: str, limit: int | None = None) -> list[str]:
    """`WORD.findall(text[:limit])`; a line no longer than `limit` is split once for every limit. Do not modify."""
    if limit is None or len(text) <= limit:
        words = _WORDS.get(text)
        if words is None:
            words = WORD.findall(text)
            _remember(_WORDS, text, words)
        return words
    return WORD.findall(text[:limit])


def lower_words(text: str, limit: int | None = None) -> list[str]:
    """The words of `line_words(text, limit)`, each lower-cased (str.lower word by word, as callers did). Do not modify."""
    if limit is None or len(text) <= limit:
        lowered = _LOWER_WORDS.get(text)
        if lowered is None:
            lowered = list(map(str.lower, line_words(text)))
            _remember(_LOWER_WORDS, text, lowered)
        return lowered
    return list(map(str.lower, WORD.findall(text[:limit])))


class _KeyCache(dict[str, str]):
    """Line keys by line: a hit is one dict look-up in C (the region and headline steps ask some 250 times a
    paste), a miss computes the key (`__missing__`) and stores it, emptying the cache at _LINE_CACHE lines."""

    def __missing__(self, line: str) -> str:
        if len(line) <= 300 and line.isascii():  # ASCII: lower-casing maps words to words, so reuse the line's words
            key = " ".join(lower_words(line)).replace("_", " ")
        else:
            key = key_of(line)
        _remember(self, line, key)
        return key


_KEYS = _KeyCache()
# Lower-cased words of a line joined by single spaces: the form chrome phrases are matched in (`key_of`), remembered.
line_key: Callable[[str], str] = _KEYS.__getitem__


def key_of(line: str) -> str:
    """line_key by its definition, uncached."""
    return " ".join(WORD.findall(line[:300].lower())).replace("_", " ")


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
