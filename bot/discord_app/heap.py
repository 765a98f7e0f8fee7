"""glibc's heap settings for the long-running bot and its pool, set once at start-up.

A digest allocates and frees tens of megabytes (a page's tree, its text, the sentence
matrices). glibc raises its mmap threshold after such blocks are freed, so later large
blocks come from the heap and stay there; and each thread that allocates gets an arena of
its own. Both keep freed memory in the process: in `bench.bot_load --memory 200` the bot's
own process grew about 25 MB from 50 to 200 digests, 6 MB of it when `malloc_trim` ran first.
A fixed mmap threshold (which also fixes the trim threshold, so a free top of the heap goes
back to the system) and two arenas keep the freed memory returnable. Elsewhere than glibc
this does nothing.
"""

from __future__ import annotations

import ctypes
import gc
import logging
import sys

log = logging.getLogger(__name__)

_M_MMAP_THRESHOLD = -3  # glibc's mallopt parameters (malloc.h)
_M_ARENA_MAX = -8
MMAP_THRESHOLD = 128 * 1024  # glibc's initial value, kept fixed instead of raised as large blocks are freed
ARENA_MAX = 2


def limit_heap_growth() -> None:
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None)
        if not (libc.mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD) and libc.mallopt(_M_ARENA_MAX, ARENA_MAX)):
            log.debug("mallopt refused the heap settings")
    except (OSError, AttributeError):  # not glibc (musl has no mallopt): its allocator's defaults stay
        pass


def release_free_heap() -> None:
    """Give the C heap's free pages back to the system (glibc's `malloc_trim`; elsewhere nothing). A large paste
    or page leaves megabytes freed but resident inside the heap, below blocks still in use, where the heap's own
    trimming (of its top only) cannot reach them."""
    try:
        ctypes.CDLL(None).malloc_trim(0)
    except (OSError, AttributeError):  # not glibc
        pass


# A digest makes tens of thousands of container objects (a page's element proxies, sentences, tokens), nearly all
# freed by their reference counts; at Python's 700 the young generation was collected about twice a page, each time
# walking what was still alive. 20,000 (about 2 MB of young objects at most) collects it every few pages.
# Digests leave no cyclic garbage (a full collection after digests frees nothing), so at 20,000 the collector runs
# about once in 75 digests, 0.07 ms a digest; a higher threshold or collecting between digests saves nothing
# (docs/PERFORMANCE.md, ninth session: collector settings).
YOUNG_COLLECTION_THRESHOLD = 20_000


def settle_collector() -> None:
    """After a process's warm-up: what is alive then (modules, models, the memos' tables) lives as long as the
    process, so it leaves the collector's generations (`gc.freeze`: no full collection walks it again, and no
    collection writes to, and so copies, the pages a forked worker shares with its fork server); the young
    generation is collected every YOUNG_COLLECTION_THRESHOLD new containers. About 2 ms a page of the
    collector's 2 to 3 over the 40 pages of `bench.speed --quick` (docs/PERFORMANCE.md, eighth session)."""
    gc.collect()
    gc.freeze()
    _, middle, old = gc.get_threshold()
    gc.set_threshold(YOUNG_COLLECTION_THRESHOLD, middle, old)
