from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest

from bot.discord_app.endpoints import normalise_api_base
from bot.discord_app.runner import EXIT_CONFIG, EXIT_FAILED, EXIT_OK, run_bot, serve
from bot.settings import Settings
from tests.helpers.bot_harness import settings_for
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
