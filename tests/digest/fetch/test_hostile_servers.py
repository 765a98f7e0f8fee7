"""Misbehaving servers on loopback (allowlisted for these tests only): each ends in a one-line FetchError in bounded time."""

from __future__ import annotations

import gzip
import time
import zlib

import brotli
import pytest

from bot.digest.fetch.fetcher import FetchError, _decoder_for, decode_body, fetch_page, meta_charset
from bot.settings import FetchSettings
from tests.helpers.hostile_servers import Canary, HostileSite

SETTINGS = FetchSettings(
    allowed_networks=("127.0.0.2/32",), total_timeout=3.0, read_timeout=2.0, connect_timeout=2.0, max_bytes=1_000_000
)


async def _fails(url: str, match: str, settings: FetchSettings = SETTINGS, within: float = 2.0) -> None:
    started = time.monotonic()
    with pytest.raises(FetchError, match=match) as caught:
        await fetch_page(url, settings)
    assert time.monotonic() - started < within
    assert "\n" not in str(caught.value)


async def test_a_normal_page_is_read(hostile_site: HostileSite) -> None:
    page = await fetch_page(hostile_site.url("/article"), SETTINGS)
    assert page.content_type == "text/html" and "canal boats" in page.text
    assert page.url == hostile_site.url("/article")


async def test_a_gzipped_page_is_read(hostile_site: HostileSite) -> None:
    page = await fetch_page(hostile_site.url("/article-gzip"), SETTINGS)
    assert "canal boats" in page.text


async def test_the_meta_charset_is_used_when_the_header_has_none(hostile_site: HostileSite) -> None:
    page = await fetch_page(hostile_site.url("/latin1-meta"), SETTINGS)
    assert "Café crème brûlée" in page.text


@pytest.mark.parametrize("path", ["/gzip-bomb", "/brotli-bomb"])
async def test_a_compression_bomb_stops_at_the_cap(hostile_site: HostileSite, path: str) -> None:
    await _fails(hostile_site.url(path), "larger than the 1 MB")


async def test_a_never_ending_body_stops_at_the_cap(hostile_site: HostileSite) -> None:
    await _fails(hostile_site.url("/endless"), "larger than the 1 MB")


async def test_a_declared_oversized_body_is_refused_before_reading(hostile_site: HostileSite) -> None:
    await _fails(hostile_site.url("/big-declared"), "larger than the 1 MB")


async def test_a_slow_drip_is_cut_by_the_total_timeout(hostile_site: HostileSite) -> None:
    # One byte a second never trips the 2 s read timeout; the 3 s total timeout ends it.
    await _fails(hostile_site.url("/drip"), "took too long", within=5.0)


async def test_a_stalled_body_is_cut_by_the_read_timeout(hostile_site: HostileSite) -> None:
    quick_read = FetchSettings(**{**SETTINGS.__dict__, "read_timeout": 0.4, "total_timeout": 5.0})
    await _fails(hostile_site.url("/drip"), "stopped sending", quick_read, within=3.0)


@pytest.mark.parametrize("path, served", [("/image", "image/png"), ("/no-type", "application/octet-stream")])
async def test_a_wrong_content_type_is_refused(hostile_site: HostileSite, path: str, served: str) -> None:
    await _fails(hostile_site.url(path), f"not an article page .it serves {served}")


async def test_a_page_served_as_a_pdf_is_said_to_be_no_pdf(hostile_site: HostileSite) -> None:
    await _fails(hostile_site.url("/fake-pdf"), "called a PDF but is not one")


async def test_a_redirect_loop_is_detected(hostile_site: HostileSite) -> None:
    await _fails(hostile_site.url("/loop/0"), "redirects in a loop")


async def test_a_redirect_chain_stops_at_the_limit(hostile_site: HostileSite) -> None:
    await _fails(hostile_site.url("/chain/0"), "more than 5")
    assert len([r for r in hostile_site.requests if r.startswith("/chain/")]) == SETTINGS.max_redirects + 1


async def test_an_http_error_is_reported(hostile_site: HostileSite) -> None:
    await _fails(hostile_site.url("/nothing-here"), "HTTP 404")


async def test_hostile_servers_never_reach_the_canary(canary: Canary, hostile_site: HostileSite) -> None:
    for path in ("/gzip-bomb", "/endless", "/loop/0", "/image"):
        with pytest.raises(FetchError):
            await fetch_page(hostile_site.url(path), SETTINGS)
    assert canary.connections == []


@pytest.mark.parametrize("encoding", ["gzip", "deflate", "br"])
def test_decoders_never_return_more_than_the_cap(encoding: str) -> None:
    zeros = b"\0" * 30_000_000
    compressed = {
        "gzip": lambda: gzip.compress(zeros, 9),
        "deflate": lambda: zlib.compress(zeros, 9),
        "br": lambda: brotli.compress(zeros, quality=5),
    }[encoding]()
    decoder = _decoder_for(encoding)
    limit = 100_000
    produced = 0
    for start in range(0, len(compressed), 16_384):
        out = decoder.feed(compressed[start : start + 16_384], limit - produced)
        assert len(out) <= limit - produced + 1
        produced += len(out)
        if produced > limit:
            break
    assert produced == limit + 1


def test_raw_deflate_is_accepted() -> None:
    raw = zlib.compressobj(wbits=-15)
    data = raw.compress(b"hello world") + raw.flush()
    assert _decoder_for("deflate").feed(data, 1000) == b"hello world"


def test_an_unknown_encoding_is_refused() -> None:
    with pytest.raises(FetchError, match="cannot read"):
        _decoder_for("compress")


@pytest.mark.parametrize(
    "body, header, expected",
    [
        ("Größe".encode("utf-8"), "utf-8", "Größe"),
        ("Größe".encode("latin-1"), "iso-8859-1", "Größe"),
        ("<meta charset=\"windows-1251\"><p>Привет</p>".encode("cp1251"), None, "Привет"),
        ("<meta http-equiv='Content-Type' content='text/html; charset=shift_jis'>日本語".encode("shift_jis"), None, "日本語"),
        ("Größe".encode("utf-8"), "base64", "Größe"),  # not a text encoding: ignored
        ("Größe".encode("utf-8"), "no-such-charset", "Größe"),
        (b"\xef\xbb\xbfBOM first", "latin-1", "BOM first"),
    ],
)
def test_decode_body(body: bytes, header: str | None, expected: str) -> None:
    assert expected in decode_body(body, header)


def test_invalid_utf8_is_decoded_without_raising() -> None:
    text = decode_body(b"valid \xff\xfe\xfa invalid \xc3", None)
    assert "valid" in text


def test_meta_charset_ignores_junk() -> None:
    assert meta_charset(b"<meta charset='rot13'>") is None
    assert meta_charset(b"<p>no meta here</p>") is None
