"""Line keys (twelfth session): `line_key` is a C-level look-up in a bounded cache, and `text_feature_rows` fills that
cache from the lines' lower-cased words on plain lines; every key is `key_of`'s, the definition."""

from __future__ import annotations

import random

from bot.digest.extract.paste import phrases
from bot.digest.extract.paste.features import text_feature_rows
from bot.digest.extract.paste.phrases import clear_line_caches, key_of, line_key

from tests.digest.extract.paste.test_shared_words import TRICKY

# Plain punctuation (features._NOT_PLAIN lets it through), letters whose lower case is special, underscores.
_ALPHABET = "aAzZ09 _.,:'-\u2019\u2018\u201c\u201d\u00a0\u2013\u2014\u2026\u00a9\u00ae\u2122\u2022\u00b7\u2605\u00d7\u00ab\u00bb\u2192\u200b\u200dİΣé"


def _random_lines(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    lines = ["".join(rng.choices(_ALPHABET, k=rng.randint(1, 40))) for _ in range(count)]
    lines += ["".join(rng.choices(_ALPHABET[:16], k=rng.randint(280, 320))) for _ in range(count // 10)]  # about 300 long
    return [line for line in lines if line.strip()]


def test_keys_from_the_feature_rows_are_the_definition() -> None:
    lines = _random_lines(3000, 12) + [t for t in TRICKY if t]
    clear_line_caches()
    text_feature_rows(lines)
    assert len(phrases._KEYS) == len(set(lines))  # filled by the rows, not by the look-ups below
    assert [line_key(line) for line in lines] == [key_of(line) for line in lines]


def test_line_key_computes_what_it_has_not_seen() -> None:
    clear_line_caches()
    lines = _random_lines(500, 13)
    assert [line_key(line) for line in lines] == [key_of(line) for line in lines]
    assert [line_key(line) for line in lines] == [key_of(line) for line in lines]  # from the cache


def test_key_cache_stays_bounded() -> None:
    clear_line_caches()
    for k in range(phrases._LINE_CACHE + 50):
        assert line_key(f"Line {k}") == f"line {k}"
    assert len(phrases._KEYS) <= phrases._LINE_CACHE
    clear_line_caches()
    assert len(phrases._KEYS) == 0
