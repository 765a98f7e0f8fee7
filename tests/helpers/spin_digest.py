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


def run_logged(log_file: str, gate: str, seconds: float = 60.0) -> int:
    """A digest that notes each run of it ("start PID", one line a run) in `log_file`, then holds its worker until
    the file `gate` exists (or `seconds` passed): a test sees how often it ran, and chooses when it ends. Its pid."""
    with open(log_file, "a", encoding="utf-8") as log:
        log.write(f"start {os.getpid()}\n")
    end = time.monotonic() + seconds
    while not os.path.exists(gate) and time.monotonic() < end:
        time.sleep(0.01)
    return os.getpid()


def logged_runs(log_file: str) -> list[int]:
    """The pid of each run `run_logged` noted in `log_file`, in order."""
    if not os.path.exists(log_file):
        return []
    return [int(line.split()[1]) for line in Path(log_file).read_text(encoding="utf-8").splitlines()]
