"""Importing this module makes the process die with its parent (Linux; elsewhere it does nothing).

Imported only by the worker pool's fork server (its preload) and by each pool process as it
starts, never by the bot or a worker itself: a bot or `python -m bot worker` killed outright
(SIGKILL, the OOM killer) then leaves no fork server and no pool process behind, computing
digests nobody will read (and, for a worker, racing the worker that runs its job again).
"""

from __future__ import annotations

import ctypes
import signal
import sys

_PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """Ask the kernel for SIGKILL when the parent dies (a forked child must ask again: fork clears it)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # no prctl here: the process merely outlives its parent, as before
        pass


die_with_parent()  # at import: the fork server's preload
