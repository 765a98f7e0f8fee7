"""A bot or worker killed outright (SIGKILL) leaves none of the processes it started behind: the worker
pool's fork server, its pool processes, multiprocessing's resource tracker (bot/discord_app/die_with_parent.py).

Real processes throughout; the waits are bounded polls of /proc, not timings.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.discord_app.die_with_parent import PARENT_PID_VARIABLE
from tests.helpers.scale_cluster import REPO, start_worker_process
from tests.helpers.worker_processes import wait_workers_alive, write_queue_config

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")

HOLD_HOOK = REPO / "tests" / "helpers" / "hold_fork_server.py"
GONE_WITHIN_SECONDS = 90.0  # a bound, not a timing: the processes die at once, the shared machine may be slow
# Run with `python -c`: its command line names multiprocessing.forkserver, as the real fork server's does.
FORK_SERVER_IMPORT = "import multiprocessing.forkserver, bot.discord_app.die_with_parent\n"


def _alive(pid: int) -> bool:
    """Running (not gone, not a zombie waiting for its reaper)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def _marked(token: str) -> list[int]:
    """The live processes whose environment holds `token` (a process tree's, whoever its parent is now)."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
        except OSError:
            continue
        if token.encode() in environ and _alive(int(entry.name)):
            found.append(int(entry.name))
    return found


def _describe(pids: list[int]) -> str:
    lines = []
    for pid in pids:
        try:
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")[:160]
            state, parent = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[:2]
            lines.append(f"{pid} (state {state}, parent {parent}): {command!r}")
        except OSError:
            lines.append(f"{pid}: (gone)")
    return "\n".join(lines)


def _kill_all(pids: list[int]) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass


async def _until_gone(pids: Callable[[], list[int]], what: str) -> None:
    deadline = time.monotonic() + GONE_WITHIN_SECONDS
    while survivors := pids():
        if time.monotonic() > deadline:
            _kill_all(survivors)
            raise AssertionError(f"{what} still running {GONE_WITHIN_SECONDS:.0f} s on:\n{_describe(survivors)}")
        await asyncio.sleep(0.1)


def _as_fork_server(code: str, parent_pid: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), PARENT_PID_VARIABLE: str(parent_pid)}
    return subprocess.Popen([sys.executable, "-c", FORK_SERVER_IMPORT + code], env=env, cwd=REPO,
                            stdout=subprocess.PIPE, text=True)


def test_a_fork_server_whose_parent_died_before_it_asked_for_the_signal_kills_itself() -> None:
    departed = subprocess.Popen([sys.executable, "-c", "pass"])
    departed.wait()
    orphan = _as_fork_server("print('survived', flush=True)", parent_pid=departed.pid)
    output, _ = orphan.communicate(timeout=60)
    assert orphan.returncode == -signal.SIGKILL, output


def test_a_fork_server_whose_parent_lives_goes_on() -> None:
    server = _as_fork_server("print('survived', flush=True)", parent_pid=os.getpid())
    output, _ = server.communicate(timeout=60)
    assert (server.returncode, output) == (0, "survived\n")


async def test_a_process_the_fork_server_forks_dies_with_it_without_asking() -> None:
    """A pool process asks at the fork, not in the pool's initializer: a fork server killed before the
    initializer ran left it waiting for work forever."""
    server = _as_fork_server(
        "import os, time\n"
        "child = os.fork()\n"
        "if child == 0:\n    time.sleep(120)\n    os._exit(0)\n"
        "print(child, flush=True)\ntime.sleep(120)\n",
        parent_pid=os.getpid(),
    )
    assert server.stdout is not None
    child = int(server.stdout.readline())
    assert _alive(child)
    server.kill()
    server.communicate(timeout=60)
    await _until_gone(lambda: [child] if _alive(child) else [], "the fork server's child")


async def test_a_worker_killed_while_its_fork_server_starts_leaves_no_process_behind(
    redis_url: str, tmp_path: Path
) -> None:
    """The race that hung a CI run (ScaleCluster.stop() read a killed worker's pipes, held by its fork
    server): the worker is SIGKILLed before its fork server asked to die with it, and after its pool asked
    the fork server for a process. The hook (tests/helpers/hold_fork_server.py) makes that order certain."""
    config = write_queue_config(tmp_path, redis_url)
    hook = tmp_path / "hold-hook"
    hook.mkdir()
    shutil.copy(HOLD_HOOK, hook / "sitecustomize.py")
    token = f"orphan-test-{uuid.uuid4().hex}"
    worker = await start_worker_process(config, PYTHONPATH=f"{hook}{os.pathsep}{REPO}", ORPHAN_TEST_MARK=token)
    try:
        await wait_workers_alive(config, 1, lambda: "(the worker's log is read once it is killed)")
        started = [pid for pid in _marked(token) if pid != worker.pid]
        assert started, "the worker started no fork server"
        worker.send_signal(signal.SIGKILL)
        await _until_gone(lambda: _marked(token), "processes the killed worker started")
        # Nothing holds its stdout and stderr any more: reading them to their end returns.
        await asyncio.wait_for(worker.communicate(), GONE_WITHIN_SECONDS)
        assert worker.returncode == -signal.SIGKILL
    finally:
        _kill_all(_marked(token))
        if worker.returncode is None:
            worker.kill()
            await worker.communicate()
