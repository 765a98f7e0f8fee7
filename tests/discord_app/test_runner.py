from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import pytest

from bot.discord_app.endpoints import normalise_api_base
from bot.discord_app.runner import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, run_bot, serve
from bot.settings import Settings
from tests.helpers.bot_harness import settings_for
from tests.helpers.bot_process import reaped
from tests.conftest import REPO
from tests.helpers.fake_discord import FakeDiscord


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v10"),
        ("http://127.0.0.1:8080/", "http://127.0.0.1:8080/api/v10"),
        ("http://127.0.0.1:8080/api", "http://127.0.0.1:8080/api/v10"),
        ("https://proxy.example/api/v9/", "https://proxy.example/api/v9"),
    ],
)
def test_normalise_api_base(given: str, expected: str) -> None:
    assert normalise_api_base(given) == expected


def test_no_token_is_a_config_error() -> None:
    assert run_bot(Settings()) == EXIT_CONFIG


async def test_missing_privileged_intent_stops_with_a_clear_error(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeDiscord(message_content_allowed=False)
    await fake.start()
    try:
        result = await asyncio.wait_for(serve(settings_for(fake, tmp_path / "s.sqlite3")), 30)
    finally:
        await fake.stop()
    assert result == EXIT_FAILED
    assert "Privileged Gateway Intents" in caplog.text


async def test_sigterm_shuts_down_cleanly(tmp_path: Path) -> None:
    fake = FakeDiscord()
    await fake.start()
    try:
        serving = asyncio.create_task(serve(settings_for(fake, tmp_path / "s.sqlite3")))
        await fake.wait_identified()
        signal.raise_signal(signal.SIGTERM)
        assert await asyncio.wait_for(serving, 15) == EXIT_OK
        assert fake.identifies  # it did connect before stopping
    finally:
        await fake.stop()


class SilentServer:
    """Accepts TCP connections on loopback and never answers: an API that hangs."""

    def __init__(self) -> None:
        self.connections = 0
        self._server: asyncio.Server | None = None

    async def __aenter__(self) -> str:
        self._server = await asyncio.start_server(self._hold, "127.0.0.1", 0)
        return f"http://127.0.0.1:{self._server.sockets[0].getsockname()[1]}"

    async def _hold(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections += 1
        await reader.read()  # until the client gives up
        writer.close()

    async def __aexit__(self, *_: object) -> None:
        assert self._server is not None
        self._server.close()


async def _run_command(api_base: str, tmp_path: Path, *, timeout: float, signal_when_logging_in: bool = False) -> tuple[int, str]:
    config = tmp_path / "config.toml"
    config.write_text(f'[discord]\nconnect_timeout_seconds = {timeout}\n[store]\npath = "{tmp_path / "bot.sqlite3"}"\n[workers]\nprocesses = 0\n')
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "DIGEST_BOT_"))}
    env |= {"DISCORD_TOKEN": "fake-token", "DISCORD_API_BASE": api_base, "PYTHONPATH": str(REPO)}
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "-v", "run", "--config", str(config),
        cwd=tmp_path, env=env, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    seen = b""
    async with reaped(process):
        if signal_when_logging_in:
            assert process.stderr is not None
            while b"logging in using static token" not in seen:
                line = await asyncio.wait_for(process.stderr.readline(), 60)
                assert line, seen.decode(errors="replace")
                seen += line
            await asyncio.sleep(0.5)  # inside the login request, which the silent API never answers
            process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 60)
    return process.returncode or 0, (seen + err).decode(errors="replace")


async def test_an_api_that_never_answers_ends_the_login_with_a_clear_message(tmp_path: Path) -> None:
    async with SilentServer() as api_base:
        code, log = await _run_command(api_base, tmp_path, timeout=2)
    assert code == EXIT_FAILED, log
    assert "no answer from Discord within 2 s" in log and api_base in log
    assert "Traceback" not in log
    assert "PyNaCl" not in log and "davey" not in log  # no voice warnings: the bot never joins voice


async def test_sigterm_while_logging_in_stops_cleanly(tmp_path: Path) -> None:
    async with SilentServer() as api_base:
        code, log = await _run_command(api_base, tmp_path, timeout=120, signal_when_logging_in=True)
    assert code == EXIT_OK, log
    assert "stop signal received" in log and "Traceback" not in log
