"""Imported by the worker pool's fork server (its preload): the pipeline warmed up there, once.

The pool's workers are forked from the fork server, so they start with the pipeline imported and warm
(`worker_pool.warm_up_pipeline`) and share those pages with it, copy on write, instead of each importing
and warming up its own copy: less memory for the pool, and a worker replaced by the pool's recycling
starts in milliseconds. `settle_collector()` freezes what the warm-up left alive, which keeps the collector from
writing to (and so copying) the inherited objects, and raises the young generation's threshold (the workers inherit both). A warm-up that fails here is logged and done again in each worker, as before.
"""

from __future__ import annotations

import logging

from bot.discord_app.heap import settle_collector

log = logging.getLogger(__name__)


# Dates only dateparser reads: its English path and time zones (its first use, 0.2 s and 6 MB), and a string no
# single locale completes, which loads the date search's seven languages (`dates.DATE_LANGUAGES`, 0.1 s).
_DATEPARSER_STRINGS = ("Feb. 27, 2025", "Through Dec 20, 2026")


def _load_dateparser() -> None:
    """What a worker's first pages that need dateparser load: here once, shared, instead of in every worker
    again after each replacement (in a worker warmed alone it stays out, so its idle memory stays where it was)."""
    from bot.digest.extract.html.dates import date_parser

    for text in _DATEPARSER_STRINGS:
        date_parser().get_date_data(text)


def _load_languages() -> None:
    """What a worker's first article in each language loads (its stemmer and stop words, sentence splitter, hedge
    and number words): the warm-up text digested as each language the summarizer knows, here once (about 3 MB
    and 0.6 s for 31 languages), shared, instead of in every worker, privately, on its first article in that
    language, again after each replacement."""
    from bot.digest.language.language_detector import SUMY_NAMES
    from bot.digest.pipeline import DigestOptions, digest_document
    from bot.discord_app.worker_pool import warm_up_documents
    from bot.settings import DigestSettings

    text = warm_up_documents()[0]
    settings = DigestSettings(min_words=1)
    first_codes = {name: code for code, name in reversed(SUMY_NAMES.items())}  # the code detection gives
    for code in first_codes.values():
        digest_document(text, settings, DigestOptions(language=code))


def warm_template() -> None:
    from bot.discord_app.worker_pool import warm_up_pipeline

    try:
        warm_up_pipeline()
        _load_dateparser()
        _load_languages()
    except Exception:  # noqa: BLE001 - the fork server must live: each worker then warms itself up
        log.exception("the fork server could not warm up the pipeline; each worker will")
        return
    settle_collector()


warm_template()  # at import: the fork server's preload
