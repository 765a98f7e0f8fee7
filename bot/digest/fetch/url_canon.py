"""One spelling per page address, for keying the digest cache."""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def canonical_url(url: str) -> str:
    """`url` with scheme and host lowercased, the default port, the fragment and `utm_*` parameters dropped.

    The path and the order of the remaining query parameters are kept: servers
    may treat them as significant. A string that is not a URL comes back stripped.
    """
    text = url.strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    if not scheme or not host:
        return text
    if ":" in host:  # an IPv6 literal keeps its brackets
        host = f"[{host}]"
    netloc = host if port is None or port == _DEFAULT_PORTS.get(scheme) else f"{host}:{port}"
    if parts.username is not None:
        credentials = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{credentials}@{netloc}"
    # Pairs are filtered as written, so the others keep their exact encoding.
    query = "&".join(pair for pair in parts.query.split("&") if pair and not _is_tracking(pair))
    path = parts.path or "/"
    return urlunsplit((scheme, netloc, path, query, ""))


def _is_tracking(pair: str) -> bool:
    key = unquote_plus(pair.partition("=")[0])
    return key.lower().startswith("utm_")
