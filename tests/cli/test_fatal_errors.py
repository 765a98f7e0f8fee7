"""Every command ends on a fatal error with one `error: ...` line on standard error (sixteenth session):
`run` and `worker` printed theirs as timestamped log lines where `check` printed `error: ...`."""

from __future__ import annotations

import logging
import os
import subprocess
import sys

import pytest

from bot.cli import main as cli_main
from bot.cli.log_setup import ErrorLineFormatter, configure_logging, error_line
from bot.settings import LoggingSettings
from tests.conftest import REPO

NO_TOKEN = "no bot token: set DISCORD_TOKEN or [discord] token in the config file"


def _run_without_settings(*args: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DISCORD_", "DIGEST_BOT_"))}
    return subprocess.run([sys.executable, "-m", "bot", *args], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=120)


def test_run_without_a_token_says_so_in_one_error_line() -> None:
    result = _run_without_settings("run")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [f"error: {NO_TOKEN}"]


def test_verbose_keeps_the_log_line() -> None:
    result = _run_without_settings("-v", "run")
    assert result.returncode == 2
    [line] = result.stderr.splitlines()
    assert line.endswith(f" ERROR bot.discord_app.runner: {NO_TOKEN}") and not line.startswith("error:")


def test_worker_without_redis_says_so_in_one_error_line() -> None:
    result = _run_without_settings("worker")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: the worker needs [redis] url (or DIGEST_BOT_REDIS_URL): the queue lives on Redis"
    ]


def _record(name: str, level: int, message: str, exc: BaseException | None = None) -> logging.LogRecord:
    exc_info = (type(exc), exc, exc.__traceback__) if exc is not None else None
    return logging.LogRecord(name, level, __file__, 1, message, (), exc_info)


def test_only_the_commands_own_errors_become_error_lines() -> None:
    formatter = ErrorLineFormatter(["bot.workers.worker"])
    assert formatter.format(_record("bot.workers.worker", logging.ERROR, "cannot reach Redis")) == "error: cannot reach Redis"
    # a job's failure, which the worker survives, and a warning stay log lines
    job = formatter.format(_record("bot.workers.worker.job", logging.ERROR, "job 7 failed"))
    warning = formatter.format(_record("bot.workers.worker", logging.WARNING, "slow"))
    assert " ERROR bot.workers.worker.job: job 7 failed" in job and " WARNING bot.workers.worker: slow" in warning


def test_an_exception_is_told_in_the_same_line() -> None:
    try:
        raise RuntimeError("the gateway\nclosed")
    except RuntimeError as exc:
        record = _record("bot.discord_app.runner", logging.ERROR, "the bot stopped on an unexpected error", exc)
    line = ErrorLineFormatter(["bot.discord_app.runner"]).format(record)
    assert line == ("error: the bot stopped on an unexpected error: RuntimeError: the gateway closed "
                    "(-v shows the traceback)")
    assert error_line("x", ValueError(), traceback_shown=True) == "error: x: ValueError"


@pytest.mark.parametrize("verbose", [False, True])
def test_an_unexpected_error_in_any_command_is_one_line(
    verbose: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(*_: object) -> int:
        raise KeyError("store")

    root = logging.getLogger()
    saved = root.handlers[:], root.level
    monkeypatch.setattr(cli_main, "_run_command", broken)
    try:
        status = cli_main.main(["-v", "check"] if verbose else ["check"])
    finally:  # leave pytest's own handlers as they were
        root.handlers[:], root.level = saved
    assert status == cli_main.EXIT_FAILED
    lines = capsys.readouterr().err.splitlines()
    if verbose:
        assert "Traceback (most recent call last):" in lines
        assert lines[-1] == "error: check stopped on an unexpected error: KeyError: 'store'"
    else:
        assert lines == ["error: check stopped on an unexpected error: KeyError: 'store' (-v shows the traceback)"]


def test_json_logs_stay_json_for_a_log_collector() -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        configure_logging(LoggingSettings(format="json"), False, ["bot.discord_app.runner"])
        line = root.handlers[0].format(_record("bot.discord_app.runner", logging.ERROR, NO_TOKEN))
    finally:
        root.handlers[:], root.level = saved
    assert line.startswith("{") and '"level": "ERROR"' in line
