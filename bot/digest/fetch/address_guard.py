"""Which IP addresses the fetcher may connect to.

A link posted by anyone must never make the bot reach the host's own network:
loopback, private and link-local ranges (the cloud metadata service at
169.254.169.254 among them), carrier-grade NAT, multicast, reserved and
documentation ranges, and the same addresses wrapped in IPv6 (IPv4-mapped,
IPv4-compatible, 6to4, NAT64). Operators who do want internal hosts list them
in `[fetch] allowed_networks`; that allowlist is checked first.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Iterable

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network

# The ranges a public web page never lives in, with the words used in refusals.
_FORBIDDEN_V4: tuple[tuple[ipaddress.IPv4Network, str], ...] = tuple(
    (ipaddress.IPv4Network(block), label)
    for block, label in (
        ("0.0.0.0/8", "unspecified"),
        ("10.0.0.0/8", "private"),
        ("100.64.0.0/10", "carrier-grade NAT"),
        ("127.0.0.0/8", "loopback"),
        ("169.254.0.0/16", "link-local (cloud metadata)"),
        ("172.16.0.0/12", "private"),
        ("192.0.0.0/24", "reserved (IETF protocol)"),
        ("192.0.2.0/24", "documentation"),
        ("192.88.99.0/24", "reserved (6to4 relay)"),
        ("192.168.0.0/16", "private"),
        ("198.18.0.0/15", "benchmarking"),
        ("198.51.100.0/24", "documentation"),
        ("203.0.113.0/24", "documentation"),
        ("224.0.0.0/4", "multicast"),
        ("255.255.255.255/32", "broadcast"),
        ("240.0.0.0/4", "reserved"),
    )
)

_FORBIDDEN_V6: tuple[tuple[ipaddress.IPv6Network, str], ...] = tuple(
    (ipaddress.IPv6Network(block), label)
    for block, label in (
        ("::/128", "unspecified"),
        ("::1/128", "loopback"),
        ("64:ff9b:1::/48", "local-use NAT64"),  # where the IPv4 sits inside depends on the operator's prefix
        ("100::/64", "discard-only"),
        ("2001::/32", "Teredo tunnel"),
        ("2001:2::/48", "benchmarking"),
        ("2001:db8::/32", "documentation"),
        ("3fff::/20", "documentation"),
        ("fc00::/7", "private (unique local)"),
        ("fe80::/10", "link-local"),
        ("fec0::/10", "site-local"),
        ("ff00::/8", "multicast"),
    )
)

_MAPPED = ipaddress.IPv6Network("::ffff:0:0/96")
_COMPATIBLE = ipaddress.IPv6Network("::/96")
_SIX_TO_FOUR = ipaddress.IPv6Network("2002::/16")
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


@dataclass(frozen=True)
class Verdict:
    address: IPAddress
    reason: str | None  # None: the address may be fetched; else e.g. "loopback"
    wrapped: ipaddress.IPv4Address | None = None  # the forbidden IPv4 address inside an IPv6 one

    @property
    def allowed(self) -> bool:
        return self.reason is None

    def message(self) -> str:
        """One line for the user."""
        where = f"{self.wrapped} inside {self.address}" if self.wrapped is not None else str(self.address)
        return f"Refused: that link leads to a {self.reason} address ({where}); the bot only fetches public web addresses."


def parse_address(text: str) -> IPAddress:
    """An address as a socket reports it: IPv6 may carry a `%scope` suffix, which is dropped."""
    address = ipaddress.ip_address(text.split("%", 1)[0])
    return address


def parse_ip_literal(host: str) -> IPAddress | None:
    """The address a URL host names literally, including legacy IPv4 forms; None for a host name.

    `2130706433`, `0x7f.1` and `0177.0.0.1` are all 127.0.0.1 to the C
    resolver, so they are read the way `inet_aton` reads them.
    """
    host = host.strip().strip("[]").rstrip(".")
    if not host:
        return None
    try:
        return parse_address(host)
    except ValueError:
        pass
    if host.isascii() and all(part.isalnum() for part in host.split(".")):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


def embedded_ipv4(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address wraps (mapped, compatible, 6to4, NAT64), if any."""
    if address in _MAPPED:
        return address.ipv4_mapped
    if address in _SIX_TO_FOUR:
        return address.sixtofour
    if address in _NAT64 or (address in _COMPATIBLE and int(address) > 1):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def _v4_reason(address: ipaddress.IPv4Address) -> str | None:
    for network, label in _FORBIDDEN_V4:
        if address in network:
            return label
    return None if address.is_global else "non-public"


def forbidden_reason(address: IPAddress) -> str | None:
    """Why `address` is not a public internet address, or None when it is."""
    return _judge(address).reason


def _judge(address: IPAddress) -> Verdict:
    if isinstance(address, ipaddress.IPv4Address):
        return Verdict(address, _v4_reason(address))
    inner = embedded_ipv4(address)
    if inner is not None:
        inner_reason = _v4_reason(inner)
        return Verdict(address, inner_reason, inner if inner_reason else None)
    for network, label in _FORBIDDEN_V6:
        if address in network:
            return Verdict(address, label)
    return Verdict(address, None if address.is_global else "non-public")


class AddressGuard:
    """Decides for each peer address whether the fetcher may connect to it."""

    def __init__(self, allowed_networks: Iterable[str] = ()) -> None:
        self._allowed: tuple[IPNetwork, ...] = tuple(
            ipaddress.ip_network(block, strict=False) for block in allowed_networks
        )

    def _allowlisted(self, address: IPAddress) -> bool:
        candidates = [address]
        # An IPv4-mapped address is the same host as its IPv4 form.
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            candidates.append(address.ipv4_mapped)
        return any(c in network for c in candidates for network in self._allowed if c.version == network.version)

    def verdict(self, address: IPAddress | str) -> Verdict:
        if isinstance(address, str):
            address = parse_address(address)
        if self._allowlisted(address):
            return Verdict(address, None)
        return _judge(address)
