"""Imported by the worker pool's fork server (its preload), never by the bot: the pipeline loaded once there.

Every worker is forked from the fork server, so what it loaded (the modules, the language
profiles, the models, trafilatura's stop lists: about 90 MB) is shared between the workers
instead of loaded by each. `gc.freeze()` keeps it shared: the collector would otherwise write
to every inherited object it scans, and each page it writes to becomes a worker's own copy.
"""

from __future__ import annotations

import gc

from bot.discord_app.heap import limit_heap_growth
from bot.discord_app.worker_pool import warm_up_pipeline

limit_heap_growth()  # inherited by every worker
warm_up_pipeline()
gc.freeze()
