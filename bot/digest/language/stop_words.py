"""Stop-word lists: sumy's own where it ships one, else the `stop-words` package's."""

from __future__ import annotations

import functools
import importlib.resources
import logging

from stop_words import AVAILABLE_LANGUAGES, get_stop_words

log = logging.getLogger(__name__)


@functools.lru_cache(maxsize=64)
def stop_words_for(language_name: str) -> frozenset[str]:
    """The stop words of a language by sumy's name ("english"); empty when none is known."""
    if not language_name:
        return frozenset()
    sumy_list = importlib.resources.files("sumy").joinpath(f"data/stopwords/{language_name}.txt")
    if sumy_list.is_file():
        # sumy.utils.get_stop_words reads the same file, but importing sumy.utils imports `requests`
        return frozenset(w.rstrip() for w in sumy_list.read_text(encoding="utf-8").splitlines() if w)
    if language_name in AVAILABLE_LANGUAGES:
        return frozenset(word.lower() for word in get_stop_words(language_name, cache=False))
    log.debug("no stop words for %s", language_name)
    return frozenset()
