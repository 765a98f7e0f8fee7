"""The pipeline's per-word memos: bounded LRU caches (`word_memo`), each registered with a way to make up its keys.

Hedge marking, stemming and language detection remember what they worked out for each
word, in LRU caches of a fixed number of words. A worker meets new words with every
article, so each such cache grows the process until it is full. The memos are not filled
ahead with made-up words any more: filled in the fork server, their pages were copied into
every worker a few at a time as real words replaced the made-up ones, for hundreds of digests,
and the fork server kept a copy that no worker used; filled in each worker, they cost every
worker their full size from the start (docs/PERFORMANCE.md, ninth session). The made-up keys
(`made_up_words`, or a memo's own `filler`) remain for tests that drive a memo to its bound.
"""

from __future__ import annotations

import functools
import itertools
import weakref
from typing import Any, Callable, Hashable, Iterator, TypeVar

F = TypeVar("F", bound=Callable[..., Any])

# Words each memo remembers. Over one worker's share of the 181 benchmark pages (91 pages), every memo at
# 4,096 words missed 0.2 ms of work per page more than at 16,384 in all (the extra misses times a miss's
# cost), and takes a quarter of the memory: about 1 MB per memo instead of 4 to 5.
WORD_MEMO_SIZE = 4_096

_CONSONANTS = "bcdfghklmnprstvz"
_VOWELS = "aeiou"
_SYLLABLES = [c + v for c in _CONSONANTS for v in _VOWELS]  # 80: four of them make 40,960,000 words


def made_up_words() -> Iterator[str]:
    """Distinct lower-case words of ten and eight letters in turn ("bababababa", "babababe", ...), about as
    long as the words of an article's long tail: a memo entry for one costs about what a real word's costs."""
    for number, syllables in enumerate(itertools.product(_SYLLABLES, repeat=4)):
        yield "".join(syllables) + ("" if number % 2 else _SYLLABLES[number % 80])


_MEMOS: weakref.WeakKeyDictionary[Any, Callable[[], Iterator[Hashable]]] = weakref.WeakKeyDictionary()


def word_memo(maxsize: int, filler: Callable[[], Iterator[Hashable]] = made_up_words) -> Callable[[F], F]:
    """`functools.lru_cache(maxsize)`, registered with `filler`, which makes up keys for it."""

    def decorate(function: F) -> F:
        memo = functools.lru_cache(maxsize=maxsize)(function)
        _MEMOS[memo] = filler
        return memo  # type: ignore[return-value]

    return decorate

