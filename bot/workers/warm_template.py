"""Imported by the worker pool's fork server (its preload): the pipeline warmed up there, once.

The pool's workers are forked from the fork server, so they start with the pipeline imported and warm
(`worker_pool.warm_up_pipeline`) and share those pages with it, copy on write, instead of each importing
and warming up its own copy: less memory for the pool, and a worker replaced by the pool's recycling
starts in milliseconds. `gc.freeze()` keeps the collector from writing to (and so copying) the inherited
objects. A warm-up that fails here is logged and done again in each worker, as before.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def warm_template() -> None:
    from bot.discord_app.worker_pool import warm_up_pipeline

    try:
        warm_up_pipeline()
    except Exception:  # noqa: BLE001 - the fork server must live: each worker then warms itself up
        log.exception("the fork server could not warm up the pipeline; each worker will")
        return
    gc.collect()
    gc.freeze()


warm_template()  # at import: the fork server's preload
