"""The example systemd unit in deploy/ is valid and runs the commands the README documents."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO

UNIT = REPO / "deploy" / "article-digest-bot.service"
WORKER_UNIT = REPO / "deploy" / "article-digest-worker@.service"


def test_the_unit_runs_check_before_run() -> None:
    lines = UNIT.read_text(encoding="utf-8").splitlines()
    start_pre = [line for line in lines if line.startswith("ExecStartPre=")]
    start = [line for line in lines if line.startswith("ExecStart=")]
    assert len(start_pre) == 1 and start_pre[0].endswith("-m bot check --config /etc/article-digest-bot/config.toml")
    assert len(start) == 1 and start[0].endswith("-m bot run --config /etc/article-digest-bot/config.toml")


def test_the_worker_unit_runs_the_worker_command() -> None:
    start = [line for line in WORKER_UNIT.read_text(encoding="utf-8").splitlines() if line.startswith("ExecStart=")]
    assert len(start) == 1 and start[0].endswith("-m bot worker --config /etc/article-digest-bot/config.toml")


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
@pytest.mark.parametrize("unit_file", [UNIT, WORKER_UNIT], ids=["bot", "worker"])
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path, unit_file: Path) -> None:
    # verify checks that ExecStart's program exists: point it at this Python for the check.
    python = shutil.which("python3") or "/usr/bin/python3"
    unit = tmp_path / unit_file.name.replace("@.", "@1.")  # a template is verified as an instance
    unit.write_text(unit_file.read_text(encoding="utf-8").replace("/opt/article-digest-bot/bin/python", python), encoding="utf-8")
    result = subprocess.run(["systemd-analyze", "verify", "--man=no", str(unit)], capture_output=True, text=True, timeout=60)
    problems = [line for line in result.stderr.splitlines() if unit.name in line or "Unknown" in line or "error" in line.lower()]
    assert result.returncode == 0 and not problems, result.stderr
