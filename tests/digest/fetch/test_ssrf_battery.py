"""Every way into the host's network is refused, and the canary on loopback logs no connection at all.

Only 127.0.0.x and ::1 are ever dialled: the non-loopback forbidden addresses
are refused by the guard before any socket exists (the tests assert the
guard's own error), so nothing leaves the machine even if a check regressed.
"""

from __future__ import annotations

import asyncio

import aiohttp
import pytest

from bot.digest.fetch.fetcher import FetchError, RefusedAddress, fetch_page
from bot.digest.fetch.guarded_session import ForbiddenAddressError, open_fetch_session
from bot.settings import FetchSettings
from tests.helpers.hostile_servers import Canary, HostileSite, MappingResolver

# The hostile site lives on 127.0.0.2, the only address these tests allow; the canary is on 127.0.0.1 and ::1.
SETTINGS = FetchSettings(allowed_networks=("127.0.0.2/32",), total_timeout=5, read_timeout=3, connect_timeout=2)

LOOPBACK_FORMS = [
    "127.0.0.1",
    "2130706433",  # decimal
    "0x7f000001",  # hex
    "0x7f.1",
    "0x7f.0.0.1",
    "0177.0.0.1",  # octal
    "0177.1",
    "127.1",
    "[::1]",
    "[::ffff:127.0.0.1]",  # IPv4-mapped
    "[::ffff:7f00:1]",
    "[::127.0.0.1]",  # IPv4-compatible
    "[2002:7f00:1::]",  # 6to4
    "[64:ff9b::7f00:1]",  # NAT64
    "[64:ff9b::127.0.0.1]",
    "[64:ff9b:1::7f00:1]",  # local-use NAT64
    "localhost",
    "LOCALHOST.",
    "api.localhost",
    "127.0.0.3",  # the rest of 127/8 is not the allowlisted 127.0.0.2
    "0",  # 0.0.0.0: Linux connects it to the local host
    "0.0.0.0",
    "[::]",
    "0X7F.0X0.0X0.0X1",
]

# One address from each other forbidden range; never reachable from the tests, refused before a socket exists.
OTHER_FORBIDDEN = [
    "10.0.0.1",
    "172.16.5.4",
    "192.168.0.1",
    "169.254.169.254",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.251",
    "240.0.0.1",
    "255.255.255.255",
    "192.0.2.1",
    "198.18.0.1",
    "[fe80::1]",
    "[fd00::1]",
    "[ff02::1]",
    "[::]",
    "[2001:db8::1]",
    "[::ffff:169.254.169.254]",
    "[::ffff:10.0.0.1]",
    "[2002:a9fe:a9fe::]",
    "[64:ff9b::a9fe:a9fe]",
]


async def _refused(url: str, session: aiohttp.ClientSession | None = None) -> str:
    with pytest.raises(RefusedAddress) as caught:
        await fetch_page(url, SETTINGS, session)
    message = str(caught.value)
    assert message.startswith("Refused:") and "\n" not in message
    return message


@pytest.mark.parametrize("host", LOOPBACK_FORMS)
async def test_loopback_in_every_spelling_is_refused(canary: Canary, host: str) -> None:
    await _refused(f"http://{host}:{canary.port}/secret")
    assert canary.connections == []


@pytest.mark.parametrize("host", OTHER_FORBIDDEN)
async def test_every_forbidden_range_is_refused_before_connecting(canary: Canary, host: str) -> None:
    message = await _refused(f"http://{host}/latest/meta-data/")
    assert host.strip("[]") in message or " inside " in message or host == "[::]"


@pytest.mark.parametrize("host", LOOPBACK_FORMS + OTHER_FORBIDDEN)
async def test_redirects_into_forbidden_addresses_are_refused(canary: Canary, hostile_site: HostileSite, host: str) -> None:
    port = f":{canary.port}" if host in LOOPBACK_FORMS else ""
    target = f"http://{host}{port}/secret"
    await _refused(hostile_site.url(f"/redirect?to={target}"))
    assert len(hostile_site.requests) == 1  # the allowlisted hop was fetched, the redirect was not followed
    assert canary.connections == []


@pytest.mark.parametrize(
    "table",
    [
        {"rebind.test": ["127.0.0.1"]},
        {"rebind.test": ["::1"]},
        {"rebind.test": ["127.0.0.1", "::1"]},
        {"rebind.test": ["::ffff:127.0.0.1"]},
        {"rebind.test": ["169.254.169.254"]},
        {"rebind.test": ["10.0.0.1", "192.168.1.1"]},
    ],
)
async def test_a_name_that_resolves_into_the_network_is_refused(canary: Canary, table: dict[str, list[str]]) -> None:
    async with open_fetch_session(SETTINGS, resolver=MappingResolver(table)) as session:
        await _refused(f"http://rebind.test:{canary.port}/", session)
    assert canary.connections == []


async def test_a_redirect_to_a_name_that_resolves_to_loopback_is_refused(canary: Canary, hostile_site: HostileSite) -> None:
    resolver = MappingResolver({"site.test": [hostile_site.HOST], "evil.test": ["127.0.0.1"]})
    async with open_fetch_session(SETTINGS, resolver=resolver) as session:
        await _refused(f"http://site.test:{hostile_site.port}/redirect?to=http://evil.test:{canary.port}/", session)
    assert hostile_site.requests == [f"/redirect?to=http://evil.test:{canary.port}/"]
    assert canary.connections == []


async def test_mixed_dns_answers_keep_only_the_allowed_address(canary: Canary, hostile_site: HostileSite) -> None:
    # A rebinding attacker answers with both; only the vetted address may be dialled.
    resolver = MappingResolver({"mixed.test": ["127.0.0.1", hostile_site.HOST]})
    async with open_fetch_session(SETTINGS, resolver=resolver) as session:
        page = await fetch_page(f"http://mixed.test:{hostile_site.port}/article", SETTINGS, session)
    assert "Canal boats" in page.text
    assert canary.connections == []


@pytest.mark.parametrize("host", ["127.0.0.1", "[::1]", "[::ffff:127.0.0.1]", "localhost"])
async def test_the_connector_refuses_even_without_the_fetchers_url_check(canary: Canary, host: str) -> None:
    """The socket factory and the resolver guard every connection, not only those fetch_page vets."""
    async with open_fetch_session(SETTINGS) as session:
        with pytest.raises((aiohttp.ClientError, OSError)) as caught:
            async with session.get(f"http://{host}:{canary.port}/"):
                pass
    chain = [caught.value, caught.value.__cause__, getattr(caught.value, "os_error", None)]
    assert any(isinstance(e, ForbiddenAddressError) for e in chain)
    assert canary.connections == []


def test_the_socket_factory_refuses_a_forbidden_peer() -> None:
    import socket

    from bot.digest.fetch.address_guard import AddressGuard
    from bot.digest.fetch.guarded_session import GuardedConnector

    async def build() -> None:
        connector = GuardedConnector(AddressGuard())
        try:
            with pytest.raises(ForbiddenAddressError):
                connector._open_socket((socket.AF_INET, socket.SOCK_STREAM, 6, "", ("169.254.169.254", 80)))
            allowed = connector._open_socket((socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.215.14", 80)))
            allowed.close()  # created, never connected
        finally:
            await connector.close()

    import asyncio

    asyncio.run(build())


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1:70/"])
async def test_other_schemes_are_refused(canary: Canary, hostile_site: HostileSite, url: str) -> None:
    with pytest.raises(FetchError, match="Only http and https"):
        await fetch_page(hostile_site.url(f"/redirect?to={url}"), SETTINGS)
    with pytest.raises(FetchError):
        await fetch_page(url, SETTINGS)
    assert canary.connections == []


@pytest.mark.parametrize("host, allowed", [("0.0.0.0", "0.0.0.0/32"), ("[::]", "::/128")])
async def test_the_peer_check_closes_a_connection_that_landed_elsewhere(canary: Canary, host: str, allowed: str) -> None:
    """Dialling 0.0.0.0 or :: reaches the local host. Even with the dialled address allowlisted,
    the connected peer (loopback) is checked and the connection closed before a byte is sent."""
    if host.startswith("[") and len(canary.servers) < 2:
        pytest.skip("no IPv6 loopback on this machine")
    settings = FetchSettings(allowed_networks=(allowed,), total_timeout=5)
    with pytest.raises(RefusedAddress, match="loopback"):
        await fetch_page(f"http://{host}:{canary.port}/", settings)
    await asyncio.sleep(0.1)
    assert canary.received == []


async def test_the_default_config_refuses_loopback(canary: Canary) -> None:
    with pytest.raises(RefusedAddress):
        await fetch_page(f"http://127.0.0.1:{canary.port}/", FetchSettings())
    assert canary.connections == []


async def test_the_canary_does_log_a_connection(canary: Canary) -> None:
    """The battery can fail: with loopback allowlisted, the same fetch reaches the canary."""
    open_settings = FetchSettings(allowed_networks=("127.0.0.1/32",))
    page = await fetch_page(f"http://127.0.0.1:{canary.port}/", open_settings)
    assert page.text == "canary"
    assert len(canary.connections) == 1 and canary.received[0].startswith(b"GET / HTTP/1.1")


async def test_a_plain_session_is_not_accepted() -> None:
    async with aiohttp.ClientSession() as session:
        with pytest.raises(TypeError):
            await fetch_page("http://127.0.0.2/", SETTINGS, session)
