"""Make the worker pool's fork server, and every process it forks, die with its parent (Linux; elsewhere nothing).

Imported by the worker pool's fork server (its preload: the import acts only there) and called by each pool
process as it starts: a bot or `python -m bot worker` killed outright (SIGKILL, the OOM killer)
then leaves no fork server and no pool process behind, computing digests nobody will read (and, for a
worker, racing the worker that runs its job again), nor holding its stdout and stderr open.

PR_SET_PDEATHSIG alone is not enough: a process asks for it some time after it was started (the fork
server after Python's start-up, a forked child after the fork), and a parent that dies before the ask
sends nothing; the child then lives on under init. Worse, such a pool process keeps the fork server's
"alive" pipe open, so the fork server, which stops when that pipe closes, lives on too (it hung a test
run: docs/PERFORMANCE.md, ninth session). So each process also checks, after asking, that its parent is
still the process that started it, and kills itself if not. The fork server learns its parent's pid from
`PARENT_PID_VARIABLE` (set by the pool around `forkserver.ensure_running()`); its children, from the fork
server's own pid, and they ask at once after the fork (`os.register_at_fork`), not in the pool's initializer.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
# The pid of the process that starts the fork server, in the fork server's environment (and only there).
PARENT_PID_VARIABLE = "BOT_FORK_SERVER_PARENT_PID"


def die_with_parent(parent_pid: int | None = None) -> None:
    """Ask the kernel for SIGKILL when the parent dies (a forked child must ask again: fork clears it);
    with `parent_pid` (the process that started this one), die now if that parent died before the ask.

    The kernel sends the signal when the parent *thread* ends: the process that starts the fork server
    must do so from a thread that lives as long as the pool (the event loop's)."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGKILL))
    except (OSError, AttributeError):  # no prctl here: the process merely outlives its parent, as before
        return
    if parent_pid is not None and os.getppid() != parent_pid:
        # Orphaned before the ask: what the signal would have done (no clean-up: a fork shares its parent's).
        os.kill(os.getpid(), signal.SIGKILL)


# This process's pid, as its forked children inherit it: their parent's.
_this_pid = os.getpid()


def _after_fork_in_child() -> None:
    global _this_pid
    parent, _this_pid = _this_pid, os.getpid()
    die_with_parent(parent)


def _is_fork_server() -> bool:
    """This process runs multiprocessing's fork server (a process it forked shares its command line, but
    has a parent process object)."""
    command = " ".join(getattr(sys, "orig_argv", ()))
    return "multiprocessing.forkserver" in command and multiprocessing.parent_process() is None


def _as_fork_server() -> None:
    """In the fork server (its preload): die with the process that started it, and make each process
    it forks die with it, from the fork on."""
    parent = os.environ.pop(PARENT_PID_VARIABLE, None)
    if parent is None or not parent.isdigit():
        die_with_parent()  # started by other means than the pool: as before, without the check
    else:
        die_with_parent(int(parent))
    os.register_at_fork(after_in_child=_after_fork_in_child)


if _is_fork_server():  # at import: the fork server's preload (elsewhere, importing it does nothing)
    _as_fork_server()
