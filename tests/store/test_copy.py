"""Moving a bot's state from its SQLite file to PostgreSQL: `python -m bot.store.copy FROM TO`."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from bot.store.copy import copy_store
from bot.store.database import DigestSource, Store
from tests.store.test_schema import SNOWFLAKE, SQLITE_ONLY_RELEASE_FILE

REPO = Path(__file__).resolve().parents[2]


async def test_a_released_sqlite_file_moves_to_postgresql_with_every_row(tmp_path: Path, postgres_url: str) -> None:
    path = tmp_path / "digest-bot.sqlite3"
    shutil.copy(SQLITE_ONLY_RELEASE_FILE, path)
    done = subprocess.run(
        [sys.executable, "-m", "bot.store.copy", f"sqlite:///{path}", postgres_url],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "digest_messages: 2 rows copied" in done.stdout and "unfurl_settings: 2 rows copied" in done.stdout

    written_at = 1_764_763_200.0
    store = await Store.open(postgres_url, cache_ttl_seconds=3600, clock=lambda: written_at + 60)
    try:
        guild, channel, user, message = SNOWFLAKE + 1, SNOWFLAKE + 2, SNOWFLAKE + 3, SNOWFLAKE + 4
        assert await store.unfurl_settings(guild) == {None: True, channel: False}
        assert await store.get_meta("app_commands_hash:1") == "abc"
        assert await store.get_digest("https://example.org/a", "sentences=auto;lang=auto;models=old") is not None
        assert await store.is_opted_out(user)
        assert await store.claim_reaction_answer(message) is False
        assert await store.source_of(message + 1) == DigestSource("file", "Some text of a file.", "notes.txt", "txt")
        assert await store.claim_refresh(message, 120) == 60.0
        await store.set_unfurl(guild, channel, True)  # changed in PostgreSQL after the move
    finally:
        await store.close()

    again = await copy_store(path, postgres_url)
    assert again and set(again.values()) == {0}  # a second run copies nothing twice and keeps the newer row
    store = await Store.open(postgres_url)
    try:
        assert await store.unfurl_settings(SNOWFLAKE + 1) == {None: True, SNOWFLAKE + 2: True}
    finally:
        await store.close()


def test_an_unreachable_target_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot.store.copy", str(tmp_path / "x.sqlite3"), "mysql://nowhere/bot"],
        capture_output=True, text=True, cwd=REPO, timeout=120,
    )
    assert done.returncode == 1 and done.stderr.startswith("error: the store URL must start with")
