"""Copied as `sitecustomize.py` onto a worker's PYTHONPATH: the worker pool's fork server waits, before
its preload, until the `python -m bot` process that started it is gone (at most HOLD_FORK_SERVER_SECONDS).

It makes the race of a worker killed while its fork server starts up happen every time: the fork
server then asks for PR_SET_PDEATHSIG after its parent died (bot/discord_app/die_with_parent.py).
"""

from __future__ import annotations

import os
import sys
import time


def _parent_runs_the_bot() -> bool:
    """Not `getppid() == the first one seen`: on a loaded machine the parent may be gone before this runs."""
    try:
        with open(f"/proc/{os.getppid()}/cmdline", "rb") as command:
            return b"\0-m\0bot\0" in command.read()
    except OSError:
        return False


if "multiprocessing.forkserver" in " ".join(getattr(sys, "orig_argv", ())):
    _deadline = time.monotonic() + float(os.environ.get("HOLD_FORK_SERVER_SECONDS", "120"))
    while _parent_runs_the_bot() and time.monotonic() < _deadline:
        time.sleep(0.05)
