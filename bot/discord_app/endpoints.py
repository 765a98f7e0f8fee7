"""Point discord.py at another REST base and gateway (a proxy or a test server).

discord.py keeps both addresses as class attributes (`Route.BASE`, which its own
`_set_api_version` rewrites the same way, and `DiscordWebSocket.DEFAULT_GATEWAY`,
which it falls back to after an invalidated session), so they are process-wide:
one process runs one bot. `restore_default_endpoints` undoes the change.
"""

from __future__ import annotations

import logging

import yarl
from discord.gateway import DiscordWebSocket
from discord.http import HTTPClient, Route

log = logging.getLogger(__name__)

_DEFAULT_API_BASE = Route.BASE
DISCORD_API_BASE: str = _DEFAULT_API_BASE  # the real Discord's REST base
_DEFAULT_GATEWAY = DiscordWebSocket.DEFAULT_GATEWAY


def normalise_api_base(api_base: str) -> str:
    """`http://host:port` or `.../api` become `.../api/v10`; a base that names its version is kept."""
    base = api_base.strip().rstrip("/")
    if base.rsplit("/", 1)[-1].startswith("v") and base.rsplit("/", 1)[-1][1:].isdigit():
        return base
    if base.endswith("/api"):
        return base + "/v10"
    return base + "/api/v10"


def use_api_base(api_base: str) -> None:
    """Send every REST call to `api_base` (empty: the real Discord)."""
    Route.BASE = normalise_api_base(api_base) if api_base else _DEFAULT_API_BASE
    if api_base:
        log.info("REST calls go to %s", Route.BASE)


def use_gateway(gateway_url: str) -> None:
    """Open the websocket at `gateway_url` (empty: the real Discord's gateway)."""
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway_url) if gateway_url else _DEFAULT_GATEWAY
    if gateway_url:
        log.info("the gateway is %s", gateway_url)


async def resolve_gateway(http: HTTPClient, api_base: str, gateway_url: str) -> None:
    """Choose the gateway: the configured one, else the one the custom API names, else Discord's.

    With a custom API base and no gateway configured, ask that API's
    `/gateway/bot`, as Discord's own clients do; the real Discord needs no call.
    """
    if gateway_url:
        use_gateway(gateway_url)
        return
    if api_base:
        _shards, url, _limits = await http.get_bot_gateway()
        use_gateway(url)
        return
    use_gateway("")


def restore_default_endpoints() -> None:
    Route.BASE = _DEFAULT_API_BASE
    DiscordWebSocket.DEFAULT_GATEWAY = _DEFAULT_GATEWAY
