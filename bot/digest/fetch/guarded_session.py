"""An aiohttp session that can only connect to addresses the `AddressGuard` allows.

The check runs where the connection is made, on the address actually dialled,
so it covers redirects, IP literals and DNS rebinding alike:

1. the resolver drops forbidden addresses from every DNS answer (a name that
   resolves only to forbidden addresses is refused there);
2. the socket factory refuses to create a socket for a forbidden address, so
   nothing is connected, let alone sent (this also covers IP-literal hosts,
   which aiohttp never passes to the resolver);
3. after connecting, the transport's peer address is checked once more before
   the connection is handed to the request, so no request byte leaves first.
"""

from __future__ import annotations

import logging
import socket
from typing import Any

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult

from bot.digest.fetch.address_guard import AddressGuard, Verdict
from bot.settings import FetchSettings

log = logging.getLogger(__name__)

# Text every refusal carries, so one can be recognised even inside an error
# that aiohttp or aiohappyeyeballs rebuilt from several connection attempts.
REFUSAL_MARK = "refused by the address guard"


class ForbiddenAddressError(OSError):
    """A connection to a forbidden address was refused; `verdict.message()` is for the user."""

    def __init__(self, verdict: Verdict) -> None:
        super().__init__(f"{verdict.address} is {verdict.reason}: {REFUSAL_MARK}")
        self.verdict = verdict


class GuardedResolver(AbstractResolver):
    """Resolves with `inner` and keeps only the addresses the guard allows."""

    def __init__(self, guard: AddressGuard, inner: AbstractResolver | None = None) -> None:
        self._guard = guard
        self._inner = inner if inner is not None else aiohttp.ThreadedResolver()

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        answers = await self._inner.resolve(host, port, family)
        allowed: list[ResolveResult] = []
        first_refusal: Verdict | None = None
        for answer in answers:
            verdict = self._guard.verdict(answer["host"])
            if verdict.allowed:
                allowed.append(answer)
            else:
                log.info("dropped %s for %s: %s", answer["host"], host, verdict.reason)
                first_refusal = first_refusal or verdict
        if not allowed:
            if first_refusal is not None:
                raise ForbiddenAddressError(first_refusal)
            raise OSError(f"no address found for {host}")
        return allowed

    async def close(self) -> None:
        await self._inner.close()


class GuardedConnector(aiohttp.TCPConnector):
    """A TCP connector that refuses forbidden peers before and after connecting."""

    def __init__(self, guard: AddressGuard, resolver: AbstractResolver | None = None, **kwargs: Any) -> None:
        self.guard = guard
        super().__init__(
            resolver=GuardedResolver(guard, resolver),
            socket_factory=self._open_socket,
            **kwargs,
        )

    def _open_socket(self, addr_info: tuple[Any, ...]) -> socket.socket:
        family, type_, proto, _, sockaddr = addr_info
        verdict = self.guard.verdict(str(sockaddr[0]))
        if not verdict.allowed:
            log.warning("refused to connect to %s: %s", sockaddr[0], verdict.reason)
            raise ForbiddenAddressError(verdict)
        return socket.socket(family=family, type=type_, proto=proto)

    async def connect(self, req: Any, traces: Any, timeout: Any) -> aiohttp.connector.Connection:
        connection = await super().connect(req, traces, timeout)
        transport = connection.transport
        peer = transport.get_extra_info("peername") if transport is not None else None
        if not peer:
            connection.close()
            raise OSError(f"the peer address of the connection is unknown: {REFUSAL_MARK}")
        verdict = self.guard.verdict(str(peer[0]))
        if not verdict.allowed:
            log.warning("closed a connection to %s before sending: %s", peer[0], verdict.reason)
            connection.close()
            raise ForbiddenAddressError(verdict)
        return connection


def open_fetch_session(settings: FetchSettings, resolver: AbstractResolver | None = None) -> aiohttp.ClientSession:
    """A session for `fetch_page`; share one across fetches and close it when done.

    `resolver` replaces DNS (tests map names to loopback with it); its answers
    are still filtered by the guard.
    """
    connector = GuardedConnector(
        AddressGuard(settings.allowed_networks),
        resolver=resolver,
        limit=settings.max_connections,
        limit_per_host=settings.max_connections_per_host,
    )
    return aiohttp.ClientSession(
        connector=connector,
        trust_env=False,  # proxies from the environment would bypass the peer check
        auto_decompress=False,  # the fetcher decompresses itself, with a cap
        cookie_jar=aiohttp.DummyCookieJar(),  # no cookies carried from one user's link to another's
        headers={"User-Agent": settings.user_agent},
    )
