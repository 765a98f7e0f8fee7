"""Fetch one web page safely: only public addresses, bounded in time, size and redirects.

Every connection goes through `GuardedConnector` (see `guarded_session`), so a
link, a redirect or a DNS answer that leads into the host's network is refused
before a byte is sent. Redirects are followed here, one hop at a time, so each
hop's address is checked again. The body is read as a stream and decompressed
here with a cap on the decompressed size, so a gzip or brotli bomb stops at
`max_bytes`.
"""

from __future__ import annotations

import asyncio
import codecs
import logging
import os
import re
import zlib
from dataclasses import dataclass
from typing import Protocol

import aiohttp
from charset_normalizer import from_bytes
from yarl import URL

from bot.digest.fetch.address_guard import AddressGuard, parse_ip_literal
from bot.digest.fetch.charset_guess import choose_encoding, is_single_byte
from bot.digest.fetch.guarded_session import REFUSAL_MARK, ForbiddenAddressError, GuardedConnector, open_fetch_session
from bot.digest.extract.pdf_parse import looks_like_pdf
from bot.digest.models import DigestError
from bot.settings import FetchSettings

try:  # brotli is optional; without a bounded decoder (brotli >= 1.2) "br" is simply not asked for
    import brotli

    brotli.Decompressor().process(b"", output_buffer_limit=1)
    _BROTLI = True
except (ImportError, TypeError, AttributeError):  # pragma: no cover - depends on the installed brotli
    _BROTLI = False

log = logging.getLogger(__name__)

_CHUNK = 64 * 1024
_REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
_SCHEMES = frozenset({"http", "https"})
ACCEPT = "text/html,application/xhtml+xml,text/plain;q=0.9,application/pdf;q=0.8"
PDF_TYPE = "application/pdf"
PDF_TYPES = frozenset({PDF_TYPE, "application/x-pdf", "application/acrobat"})
# Types a server sends for a file it does not describe: read, and kept only when the bytes are a PDF.
UNDESCRIBED_TYPES = frozenset({"", "application/octet-stream", "binary/octet-stream", "application/download", "application/force-download"})
ACCEPT_ENCODING = "gzip, deflate, br" if _BROTLI else "gzip, deflate"
# <meta charset="..."> or <meta http-equiv="Content-Type" content="text/html; charset=...">
_META_CHARSET = re.compile(rb"""<meta[^>]{0,512}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)
_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


class FetchError(DigestError):
    """The page could not be fetched; the message is one line for the user."""


class RefusedAddress(FetchError):
    """The link, a redirect or a DNS answer leads to an address the bot must not reach."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the final address, after redirects
    content_type: str  # e.g. "text/html"; "application/pdf" for a PDF, whatever the server called it
    text: str  # empty for a PDF
    data: bytes | None = None  # a PDF's bytes


# --------------------------------------------------------------------------- #
# Decoding
# --------------------------------------------------------------------------- #


def _usable_charset(name: str | None) -> str | None:
    """The codec name for `name` when Python has a text codec of that name."""
    if not name:
        return None
    try:
        info = codecs.lookup(name.strip().strip("\"'"))
    except LookupError:
        return None
    # Codecs like base64 or zlib are registered too but are not text encodings.
    return info.name if getattr(info, "_is_text_encoding", True) else None


def meta_charset(body: bytes) -> str | None:
    """The charset an HTML page declares in a meta tag near its start."""
    found = _META_CHARSET.search(body[:4096])
    return _usable_charset(found.group(1).decode("ascii")) if found else None


def _utf8_beside_single_byte(body: bytes, declared: str) -> str | None:
    """The body as UTF-8 when a single-byte charset (latin-1, windows-1252) is declared but the bytes are valid
    UTF-8 with letters beyond ASCII: a page re-saved or served with a stale declaration. Text really written in
    a single-byte code page almost never forms valid UTF-8 sequences, and read with the declaration this one
    would show "cafÃ©" and "â€”" for "café" and "—"."""
    if body.isascii() or not is_single_byte(declared):
        return None
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        return None
    log.debug("declared charset %s, but the body is UTF-8: read as UTF-8", declared)
    return text


def decode_body(body: bytes, header_charset: str | None) -> str:
    """Text from bytes: a byte-order mark, else the header's charset, else <meta charset> (either one
    single-byte over valid UTF-8 gives way to UTF-8), else UTF-8, else detection."""
    for bom, encoding in _BOMS:
        if body.startswith(bom):
            return body.decode(encoding, errors="replace")
    for declared in (_usable_charset(header_charset), meta_charset(body)):
        if declared:
            if (utf8 := _utf8_beside_single_byte(body, declared)) is not None:
                return utf8
            try:
                return body.decode(declared)
            except UnicodeDecodeError:
                log.debug("declared charset %s did not decode the body", declared)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # Among code pages the detector often ties; take the one whose letters one language uses.
    detected = [match.encoding for match in from_bytes(body[:200_000]) if match.encoding]
    return body.decode(choose_encoding(body, detected), errors="replace")


# --------------------------------------------------------------------------- #
# Bounded decompression
# --------------------------------------------------------------------------- #


class _Decoder(Protocol):
    def feed(self, data: bytes, limit: int) -> bytes: ...


class _Identity:
    def feed(self, data: bytes, limit: int) -> bytes:
        return data


class _Zlib:
    """gzip or deflate, never producing more than `limit` + 1 bytes per call."""

    def __init__(self, gzip: bool) -> None:
        self._gzip = gzip
        self._first = True
        self._object = zlib.decompressobj(16 + zlib.MAX_WBITS if gzip else zlib.MAX_WBITS)

    def feed(self, data: bytes, limit: int) -> bytes:
        if self._first and not self._gzip:
            self._first = False
            # "deflate" is meant to be zlib-wrapped, but some servers send raw deflate.
            if data and (data[0] & 0x0F) != 8:
                self._object = zlib.decompressobj(-zlib.MAX_WBITS)
        out = bytearray()
        while data and len(out) <= limit:
            out += self._object.decompress(data, limit + 1 - len(out))
            data = self._object.unconsumed_tail
            if self._object.eof and self._object.unused_data:  # a second gzip member
                data = self._object.unused_data + data
                self._object = zlib.decompressobj(16 + zlib.MAX_WBITS)
        return bytes(out)


class _Brotli:
    def __init__(self) -> None:
        self._object = brotli.Decompressor()

    def feed(self, data: bytes, limit: int) -> bytes:
        out = bytearray(self._object.process(data, output_buffer_limit=limit + 1))
        while len(out) <= limit and not self._object.can_accept_more_data():
            out += self._object.process(b"", output_buffer_limit=limit + 1 - len(out))
        # The limit is soft (brotli grows its buffer in blocks), so memory stays within a block of it.
        return bytes(out[: limit + 1])


def _decoder_for(content_encoding: str) -> _Decoder:
    encoding = content_encoding.strip().lower()
    if encoding in {"", "identity"}:
        return _Identity()
    if encoding in {"gzip", "x-gzip"}:
        return _Zlib(gzip=True)
    if encoding == "deflate":
        return _Zlib(gzip=False)
    if encoding == "br" and _BROTLI:
        return _Brotli()
    raise FetchError(f"The page is sent in an encoding we cannot read ({content_encoding[:40]}).")


def _too_large(max_bytes: int) -> FetchError:
    return FetchError(f"The page is larger than the {max_bytes / 1_000_000:g} MB limit for a page.")


async def read_capped(response: aiohttp.ClientResponse, max_bytes: int) -> bytes:
    """The decompressed body, read as a stream; FetchError once raw or decompressed bytes pass the cap."""
    decoder = _decoder_for(response.headers.get("Content-Encoding", ""))
    body = bytearray()
    raw = 0
    try:
        async for chunk in response.content.iter_chunked(_CHUNK):
            raw += len(chunk)
            if raw > max_bytes:
                raise _too_large(max_bytes)
            body += decoder.feed(chunk, max_bytes - len(body))
            if len(body) > max_bytes:
                raise _too_large(max_bytes)
    except (zlib.error, EOFError) as exc:
        raise FetchError("The page's compressed data is damaged.") from exc
    except Exception as exc:
        if _BROTLI and isinstance(exc, brotli.error):
            raise FetchError("The page's compressed data is damaged.") from exc
        raise
    return bytes(body)


# --------------------------------------------------------------------------- #
# Addresses and redirects
# --------------------------------------------------------------------------- #


def _check_target(url: URL, guard: AddressGuard) -> None:
    """Refuse what can be refused from the URL alone: other schemes, IP literals, `localhost`."""
    if url.scheme not in _SCHEMES:
        raise FetchError("Only http and https links can be read.")
    host = (url.raw_host or "").rstrip(".").lower()
    if not host:
        raise FetchError("That link is not a valid web address.")
    if url.user is not None or url.password is not None:
        raise FetchError("Links with a user name or password are not fetched.")
    literal = parse_ip_literal(host)
    if literal is not None:
        verdict = guard.verdict(literal)
        if not verdict.allowed:
            raise RefusedAddress(verdict.message())
        return
    if (host == "localhost" or host.endswith(".localhost")) and not guard.verdict("127.0.0.1").allowed:
        raise RefusedAddress(f"Refused: that link leads to {host}, the bot's own machine.")


def _refusal_in(exc: BaseException) -> FetchError | None:
    """The guard's refusal inside an aiohttp error chain, as a message for the user."""
    seen: set[int] = set()
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        if isinstance(current, ForbiddenAddressError):
            return RefusedAddress(current.verdict.message())
        todo += [current.__cause__, current.__context__, getattr(current, "os_error", None)]
    if REFUSAL_MARK in str(exc):
        return RefusedAddress("Refused: that link leads to an address inside a private network.")
    return None


def _guard_of(session: aiohttp.ClientSession) -> AddressGuard:
    connector = session.connector
    if not isinstance(connector, GuardedConnector):
        # A plain session would connect anywhere; refusing here keeps that mistake from shipping.
        raise TypeError("fetch_page needs a session from open_fetch_session()")
    return connector.guard


async def _fetch(url: str, settings: FetchSettings, session: aiohttp.ClientSession) -> FetchedPage:
    guard = _guard_of(session)
    timeout = aiohttp.ClientTimeout(total=None, sock_read=settings.read_timeout, sock_connect=settings.connect_timeout)
    headers = {"User-Agent": settings.user_agent, "Accept": ACCEPT, "Accept-Encoding": ACCEPT_ENCODING}
    try:
        current = URL(url.strip())
    except (ValueError, TypeError) as exc:
        raise FetchError("That link is not a valid web address.") from exc
    visited: set[str] = set()
    for _hop in range(settings.max_redirects + 1):
        _check_target(current, guard)
        visited.add(str(current))
        async with session.get(current, timeout=timeout, headers=headers, allow_redirects=False) as response:
            if response.status in _REDIRECT_STATUSES:
                location = response.headers.get("Location")
                if not location:
                    raise FetchError(f"The page answered HTTP {response.status} without saying where to go.")
                try:
                    current = response.url.join(URL(location))
                except (ValueError, TypeError) as exc:
                    raise FetchError("The link redirects to an invalid address.") from exc
                if str(current) in visited:
                    raise FetchError("The link redirects in a loop.")
                continue
            if response.status >= 400:
                raise FetchError(f"The page answered HTTP {response.status}.")
            if response.status != 200:
                raise FetchError(f"The page answered HTTP {response.status}, not a page to read.")
            content_type = response.content_type if "Content-Type" in response.headers else ""
            maybe_pdf = content_type in PDF_TYPES or content_type in UNDESCRIBED_TYPES
            if not maybe_pdf and content_type not in settings.content_types:
                raise FetchError(f"That link is not an article page (it serves {content_type[:60]}).")
            max_bytes = settings.max_pdf_bytes if maybe_pdf else settings.max_bytes
            if response.content_length is not None and response.content_length > max_bytes:
                raise _too_large(max_bytes)
            body = await read_capped(response, max_bytes)
            if looks_like_pdf(body):  # by its bytes, whatever the type or the link's ending says
                return FetchedPage(url=str(response.url), content_type=PDF_TYPE, text="", data=body)
            if content_type in PDF_TYPES:  # the README says PDFs are read: say this one is not one
                raise FetchError("That link's file is called a PDF but is not one (it does not start with %PDF-).")
            if maybe_pdf:
                served = content_type or "no content type"
                raise FetchError(f"That link is not an article page (it serves {served[:60]}).")
            charset = response.charset if "charset" in response.headers.get("Content-Type", "").lower() else None
            # Charset detection can take a while on a large page; keep the event loop serving others.
            text = await asyncio.to_thread(decode_body, body, charset)
            return FetchedPage(url=str(response.url), content_type=content_type, text=text)
    raise FetchError(f"The link redirects too many times (more than {settings.max_redirects}).")


async def fetch_page(url: str, settings: FetchSettings, session: aiohttp.ClientSession | None = None) -> FetchedPage:
    """GET `url` and return its decoded text; raise FetchError with a one-line reason.

    `session` must come from `open_fetch_session` (the bot shares one); without
    it a session is opened and closed for this one page.
    """
    own_session = session is None
    if session is None:
        session = open_fetch_session(settings)
    try:
        async with asyncio.timeout(settings.total_timeout):
            return await _fetch(url, settings, session)
    except FetchError:
        raise
    except aiohttp.ConnectionTimeoutError as exc:
        raise FetchError(f"The site did not accept a connection within {settings.connect_timeout:g} s.") from exc
    except aiohttp.ServerTimeoutError as exc:
        raise FetchError(f"The page stopped sending (nothing for {settings.read_timeout:g} s).") from exc
    except TimeoutError as exc:
        raise FetchError(f"The page took too long to answer (limit {settings.total_timeout:g} s).") from exc
    except (aiohttp.InvalidURL, ValueError) as exc:  # yarl and aiohttp reject malformed hosts with ValueError
        raise FetchError("That link is not a valid web address.") from exc
    except (aiohttp.ClientError, OSError) as exc:
        refusal = _refusal_in(exc)
        if refusal is not None:
            raise refusal from exc
        raise FetchError(_unreachable_message(exc)) from exc
    finally:
        if own_session:
            await session.close()


def _unreachable_message(exc: BaseException) -> str:
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return "The site's name could not be found."
    if isinstance(exc, aiohttp.ClientConnectorError):
        errno = exc.os_error.errno
        reason = os.strerror(errno).lower() if errno else "no connection"
        return f"The site could not be reached ({reason})."
    if isinstance(exc, (aiohttp.ClientResponseError, aiohttp.ClientPayloadError)):
        return "The page sent a malformed answer."
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return "The site closed the connection before answering."
    return f"The page could not be read ({type(exc).__name__})."
