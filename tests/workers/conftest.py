"""Fixtures for the digest-queue tests: the private Redis, real worker processes, the bot's side."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from tests.helpers.worker_processes import QueueSide, Workers, open_queue_side, write_queue_config


@pytest.fixture
def queue_config(tmp_path: Path, redis_url: str) -> Path:
    return write_queue_config(tmp_path, redis_url)


@pytest.fixture
async def workers(queue_config: Path, tmp_path: Path) -> AsyncIterator[Workers]:
    running = Workers(queue_config, tmp_path, tmp_path / "slow-digests.log")
    try:
        yield running
    finally:
        await running.stop()


@pytest.fixture
async def bot_side(queue_config: Path) -> AsyncIterator[QueueSide]:
    side = open_queue_side(queue_config)
    try:
        yield side
    finally:
        await side.service.close()
        await side.client.close()
