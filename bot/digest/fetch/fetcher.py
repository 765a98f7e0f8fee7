"""Fetch one web page with aiohttp: a timeout, a cap on bytes read, an allowlist of content types."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import aiohttp
from charset_normalizer import from_bytes

from bot.digest.models import DigestError
from bot.settings import FetchSettings

log = logging.getLogger(__name__)

_CHUNK = 64 * 1024


class FetchError(DigestError):
    """The page could not be fetched; the message is one line for the user."""


@dataclass(frozen=True)
class FetchedPage:
    url: str  # the final address, after redirects
    content_type: str  # e.g. "text/html"
    text: str


def decode_body(body: bytes, header_charset: str | None) -> str:
    """Decode with the header's charset when it works, else detect it."""
    if header_charset:
        try:
            return body.decode(header_charset)
        except (LookupError, UnicodeDecodeError):
            log.debug("charset %s from the header did not decode the body", header_charset)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(body[:200_000]).best()
        if best is not None and best.encoding:
            return body.decode(best.encoding, errors="replace")
        return body.decode("utf-8", errors="replace")


async def fetch_page(url: str, settings: FetchSettings, session: aiohttp.ClientSession | None = None) -> FetchedPage:
    """GET `url` and return its decoded text; raise FetchError with a one-line reason."""
    own_session = session is None
    if session is None:
        session = aiohttp.ClientSession(trust_env=False)
    timeout = aiohttp.ClientTimeout(
        total=settings.total_timeout, sock_read=settings.read_timeout, sock_connect=settings.connect_timeout
    )
    try:
        async with session.get(
            url,
            timeout=timeout,
            max_redirects=settings.max_redirects,
            headers={"User-Agent": settings.user_agent, "Accept": "text/html,application/xhtml+xml,text/plain;q=0.9"},
        ) as response:
            if response.status >= 400:
                raise FetchError(f"The page answered HTTP {response.status}.")
            content_type = response.content_type or ""
            if content_type not in settings.content_types:
                raise FetchError(f"That link is not an article page (it serves {content_type or 'unknown content'}).")
            body = bytearray()
            async for chunk in response.content.iter_chunked(_CHUNK):
                body += chunk
                if len(body) > settings.max_bytes:
                    raise FetchError(f"The page is larger than {settings.max_bytes // 1_000_000} MB.")
            text = decode_body(bytes(body), response.charset)
            return FetchedPage(url=str(response.url), content_type=content_type, text=text)
    except TimeoutError as exc:
        raise FetchError("The page took too long to answer.") from exc
    except aiohttp.TooManyRedirects as exc:
        raise FetchError("The link redirects too many times.") from exc
    except aiohttp.InvalidURL as exc:
        raise FetchError("That link is not a valid web address.") from exc
    except aiohttp.ClientError as exc:
        raise FetchError(f"The page could not be reached ({type(exc).__name__}).") from exc
    finally:
        if own_session:
            await session.close()
