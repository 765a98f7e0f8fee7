import ipaddress

import pytest

from bot.digest.fetch.address_guard import AddressGuard, embedded_ipv4, forbidden_reason, parse_ip_literal

FORBIDDEN = {
    "127.0.0.1": "loopback",
    "127.255.1.2": "loopback",
    "10.1.2.3": "private",
    "172.16.0.1": "private",
    "172.31.255.254": "private",
    "192.168.1.1": "private",
    "169.254.169.254": "link-local (cloud metadata)",
    "100.64.0.1": "carrier-grade NAT",
    "100.127.255.254": "carrier-grade NAT",
    "0.0.0.0": "unspecified",
    "224.0.0.1": "multicast",
    "239.255.255.250": "multicast",
    "240.0.0.1": "reserved",
    "255.255.255.255": "broadcast",
    "192.0.2.10": "documentation",
    "198.51.100.7": "documentation",
    "203.0.113.9": "documentation",
    "198.18.0.1": "benchmarking",
    "192.0.0.8": "reserved",
    "::": "unspecified",
    "::1": "loopback",
    "fe80::1": "link-local",
    "fc00::1": "private",
    "fd12:3456::1": "private",
    "ff02::1": "multicast",
    "2001:db8::1": "documentation",
    "::ffff:127.0.0.1": "loopback",
    "::ffff:169.254.169.254": "link-local (cloud metadata)",
    "::127.0.0.1": "loopback",
    "2002:7f00:1::": "loopback",
    "2002:a00:1::1": "private",
    "64:ff9b::7f00:1": "loopback",
    "64:ff9b::a9fe:a9fe": "link-local (cloud metadata)",
    "64:ff9b:1::7f00:1": "local-use NAT64",
    "2001::1": "Teredo tunnel",
}

PUBLIC = ["93.184.215.14", "1.1.1.1", "8.8.8.8", "2606:4700:4700::1111", "2a00:1450:4001:82b::200e", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]


@pytest.mark.parametrize("address, reason", sorted(FORBIDDEN.items()))
def test_forbidden_ranges_are_refused_with_their_name(address: str, reason: str) -> None:
    verdict = AddressGuard().verdict(address)
    assert not verdict.allowed
    assert verdict.reason is not None and verdict.reason.startswith(reason)
    assert str(ipaddress.ip_address(address)) in verdict.message()
    if "." in address and ":" in address:
        assert verdict.wrapped is not None and str(verdict.wrapped) in verdict.message()
    assert "\n" not in verdict.message()


@pytest.mark.parametrize("address", PUBLIC)
def test_public_addresses_pass(address: str) -> None:
    assert AddressGuard().verdict(address).allowed


def test_allowlist_opens_only_its_networks() -> None:
    guard = AddressGuard(["127.0.0.2/32", "10.0.0.0/8"])
    assert guard.verdict("127.0.0.2").allowed
    assert guard.verdict("10.9.8.7").allowed
    assert guard.verdict("::ffff:10.9.8.7").allowed  # the same host as 10.9.8.7
    assert not guard.verdict("127.0.0.1").allowed
    assert not guard.verdict("169.254.169.254").allowed


def test_scoped_ipv6_from_a_socket_is_read() -> None:
    assert AddressGuard().verdict("fe80::1%eth0").reason == "link-local"


@pytest.mark.parametrize(
    "host", ["2130706433", "0x7f.1", "0177.0.0.1", "0x7f000001", "127.1", "0x7F.0.0.1", "017700000001", "[::ffff:127.0.0.1]", "127.0.0.1."]
)
def test_legacy_ipv4_forms_are_read_as_the_address_they_mean(host: str) -> None:
    assert parse_ip_literal(host) == ipaddress.ip_address("127.0.0.1") or parse_ip_literal(host) == ipaddress.ip_address("::ffff:127.0.0.1")


@pytest.mark.parametrize("host", ["example.com", "1.example", "abc", "", "café.fr"])
def test_names_are_not_ip_literals(host: str) -> None:
    assert parse_ip_literal(host) is None


def test_embedded_ipv4() -> None:
    assert embedded_ipv4(ipaddress.IPv6Address("2002:c000:204::")) == ipaddress.IPv4Address("192.0.2.4")
    assert embedded_ipv4(ipaddress.IPv6Address("2606:4700::1")) is None
    assert forbidden_reason(ipaddress.IPv6Address("::ffff:8.8.8.8")) is None
