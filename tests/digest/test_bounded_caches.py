"""Every cache the pipeline keeps has a bound, and stays at it however many words and languages come.

A digest worker lives for months: a cache without a bound, or one made per language without
one, grows its memory with every new word (`bench.bot_load --memory 200 --mix`). No memory is
measured here: the caches' sizes are.
"""

from __future__ import annotations

import functools
import gc
import itertools

from bench.languages import load_articles
from bot.digest.pipeline import digest_document
from bot.digest.sources import document_from_text
from bot.digest.word_memo import _MEMOS, WORD_MEMO_SIZE, made_up_words
from bot.settings import DigestSettings

# Caches without a bound whose keys come from a small fixed set, never from the input's words.
FIXED_KEYS = {
    "_ascii_equal",  # the letters of the hedge lexicons' triggers
    "_letter_logs",  # no argument
    "is_single_byte",  # encoding names that charset-normalizer or the fetcher's fixed list give
    "date_parser",  # no argument (bot/digest/extract/html/dates.py)
}
LARGEST_MEMO = 16_384  # language detection's word memo (bot/digest/language/fast_langdetect.py)


def _pipeline_caches() -> list[functools._lru_cache_wrapper]:
    return [
        cache
        for cache in gc.get_objects()
        if isinstance(cache, functools._lru_cache_wrapper) and (cache in _MEMOS or cache.__module__.startswith("bot."))
    ]


def test_every_cache_of_the_pipeline_is_bounded_after_texts_in_every_language() -> None:
    articles = load_articles()
    assert len(articles) >= 19
    for article in articles:  # each language makes its own memos (stems, hedge triggers)
        digest_document(document_from_text(article.text), DigestSettings())
    caches = _pipeline_caches()
    assert len(caches) > 20
    unbounded = {cache.__qualname__ for cache in caches if cache.cache_info().maxsize is None}
    assert unbounded <= FIXED_KEYS
    assert all(cache.cache_info().currsize <= cache.cache_info().maxsize for cache in caches if cache.cache_info().maxsize)
    memo_bounds = {memo.cache_info().maxsize for memo in list(_MEMOS)}
    assert WORD_MEMO_SIZE in memo_bounds and max(memo_bounds) <= LARGEST_MEMO


def test_a_word_memo_stays_at_its_bound_when_more_words_come() -> None:
    digest_document(document_from_text(load_articles()[0].text), DigestSettings())
    memos = [memo for memo in list(_MEMOS) if memo.cache_info().maxsize == WORD_MEMO_SIZE]
    assert memos
    words = list(itertools.islice(made_up_words(), 3 * WORD_MEMO_SIZE))
    for memo in memos:
        filler = _MEMOS[memo]
        keys = words if filler is made_up_words else list(itertools.islice(filler(), 3 * WORD_MEMO_SIZE))
        for key in keys:
            memo(key)
        assert memo.cache_info().currsize == WORD_MEMO_SIZE
