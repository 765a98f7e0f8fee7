"""Every store test runs on both backends: a SQLite file and a fresh database on the private PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(params=BACKENDS)
def store_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """What `Store.open` takes: a SQLite file's URL, or a postgresql:// URL (tests/conftest.py's `postgres_url`)."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return f"sqlite:///{tmp_path / 'bot.sqlite3'}"
