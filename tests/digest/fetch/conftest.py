from __future__ import annotations

from typing import AsyncIterator

import pytest

from tests.helpers.hostile_servers import Canary, HostileSite


@pytest.fixture
async def canary() -> AsyncIterator[Canary]:
    server = Canary()
    await server.start()
    yield server
    await server.close()


@pytest.fixture
async def hostile_site(canary: Canary) -> AsyncIterator[HostileSite]:
    site = HostileSite(canary_port=canary.port, bomb_size=20_000_000)
    await site.start()
    yield site
    await site.close()
