"""Small stand-ins for a digest, run in real worker processes by the worker pool's tests (importable by the fork
server's workers, so picklable by reference)."""

from __future__ import annotations

import os
import time
from pathlib import Path


def spin_until_killed(pid_file: str, seconds: float = 600.0) -> int:
    """A digest far over any test's limit: write this process's pid to `pid_file`, then compute (not sleep, as
    a digest does) for `seconds`."""
    Path(pid_file).write_text(str(os.getpid()), encoding="utf-8")
    end = time.monotonic() + seconds
    spins = 0
    while time.monotonic() < end:
        spins += 1
    return spins


def pid_after(seconds: float) -> int:
    """A digest that holds its worker `seconds`, then answers its process's pid."""
    time.sleep(seconds)
    return os.getpid()


def meet(folder: str, name: str, others: int, seconds: float = 60.0) -> int:
    """Arrive in `folder` as `name` and wait until `others` more digests arrived: answered only when that many
    run at once. Its pid, or -1 if the others did not come within `seconds`."""
    Path(folder, name).touch()
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if len(os.listdir(folder)) > others:
            return os.getpid()
        time.sleep(0.01)
    return -1


def process_runs(pid: int) -> bool:
    """Whether process `pid` exists and is not a zombie (Linux's /proc)."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rpartition(")")[2].split()[0] != "Z"
    except OSError:
        return False
