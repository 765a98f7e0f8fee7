"""Stop-word lists: sumy's own where it ships one, else the `stop-words` package's."""

from __future__ import annotations

import functools
import logging

from stop_words import AVAILABLE_LANGUAGES, get_stop_words
from sumy.utils import get_stop_words as sumy_stop_words

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=64)
def stop_words_for(language_name: str) -> frozenset[str]:
    """The stop words of a language by sumy's name ("english"); empty when none is known."""
    if not language_name:
        return frozenset()
    try:
        return frozenset(sumy_stop_words(language_name))
    except LookupError:
        pass
    if language_name in AVAILABLE_LANGUAGES:
        return frozenset(word.lower() for word in get_stop_words(language_name, cache=False))
    log.debug("no stop words for %s", language_name)
    return frozenset()
