"""Servers on loopback for the fetcher's tests: a canary that must never be reached, and hostile pages.

Everything here listens on 127.0.0.x or ::1 only.
"""

from __future__ import annotations

import asyncio
import gzip
import socket
from dataclasses import dataclass, field
from functools import lru_cache

import brotli
from aiohttp import web
from aiohttp.abc import AbstractResolver, ResolveResult

from tests.helpers.loopback import serve_on_loopback

ARTICLE_HTML = (
    "<!doctype html><html><head><meta charset='utf-8'><title>Canal boats</title></head><body>"
    "<article><h1>Canal boats</h1>"
    + "<p>The canal boats of the old town carry more visitors every summer, and the council plans new moorings.</p>" * 5
    + "</article></body></html>"
)


@dataclass
class Canary:
    """Accepts TCP connections on 127.0.0.1 and ::1 (same port) and logs each one; tests assert none arrive."""

    port: int = 0
    connections: list[str] = field(default_factory=list)  # every TCP connection accepted
    received: list[bytes] = field(default_factory=list)  # every request's first bytes
    servers: list[asyncio.base_events.Server] = field(default_factory=list)

    async def _on_connect(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.connections.append(str(writer.get_extra_info("peername")))
        try:
            data = await asyncio.wait_for(reader.read(4096), timeout=2.0)
        except (TimeoutError, ConnectionError):
            data = b""
        if data:
            self.received.append(data)
            writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 6\r\n\r\ncanary")
            await writer.drain()
        writer.close()

    async def start(self) -> None:
        first = await asyncio.start_server(self._on_connect, host="127.0.0.1", port=0)
        self.servers.append(first)
        self.port = first.sockets[0].getsockname()[1]
        try:
            self.servers.append(await asyncio.start_server(self._on_connect, host="::1", port=self.port))
        except OSError:
            pass  # no IPv6 loopback here; the IPv4 canary still watches

    async def close(self) -> None:
        for server in self.servers:
            server.close()
            await server.wait_closed()


class MappingResolver(AbstractResolver):
    """DNS replaced by a fixed table, e.g. {"rebind.test": ["127.0.0.1"]}."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self._table = table

    async def resolve(self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET) -> list[ResolveResult]:
        if host not in self._table:
            raise OSError(f"no such host in the test table: {host}")
        results: list[ResolveResult] = []
        for address in self._table[host]:
            results.append(
                {
                    "hostname": host,
                    "host": address,
                    "port": port,
                    "family": socket.AF_INET6 if ":" in address else socket.AF_INET,
                    "proto": 0,
                    "flags": socket.AI_NUMERICHOST,
                }
            )
        return results

    async def close(self) -> None:
        return None


@lru_cache(maxsize=4)
def _bomb(decompressed_size: int, kind: str) -> bytes:
    zeros = b"\0" * decompressed_size
    return gzip.compress(zeros, compresslevel=9) if kind == "gzip" else brotli.compress(zeros, quality=5)


class HostileSite:
    """An aiohttp web app on 127.0.0.2 (so it can be allowlisted alone) serving pages that misbehave."""

    HOST = "127.0.0.2"

    def __init__(self, canary_port: int = 0, bomb_size: int = 50_000_000) -> None:
        self.canary_port = canary_port
        self.requests: list[str] = []
        self._gzip_bomb = _bomb(bomb_size, "gzip")
        self._brotli_bomb = _bomb(bomb_size, "br")
        self._runner: web.AppRunner | None = None
        self.port = 0

    def url(self, path: str) -> str:
        return f"http://{self.HOST}:{self.port}{path}"

    @web.middleware
    async def _log(self, request: web.Request, handler):  # type: ignore[no-untyped-def]
        self.requests.append(request.path_qs)
        return await handler(request)

    async def start(self) -> None:
        app = web.Application(middlewares=[self._log])
        app.router.add_get("/article", self._article)
        app.router.add_get("/article-gzip", self._article_gzip)
        app.router.add_get("/latin1-meta", self._latin1_meta)
        app.router.add_get("/gzip-bomb", self._gzip_bomb_page)
        app.router.add_get("/brotli-bomb", self._brotli_bomb_page)
        app.router.add_get("/endless", self._endless)
        app.router.add_get("/drip", self._drip)
        app.router.add_get("/image", self._image)
        app.router.add_get("/no-type", self._no_type)
        app.router.add_get("/fake-pdf", self._fake_pdf)
        app.router.add_get("/loop/{n}", self._loop)
        app.router.add_get("/chain/{n}", self._chain)
        app.router.add_get("/redirect", self._redirect)
        app.router.add_get("/big-declared", self._big_declared)
        self._runner, self.port = await serve_on_loopback(app, self.HOST)

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _article(self, request: web.Request) -> web.Response:
        return web.Response(text=ARTICLE_HTML, content_type="text/html")

    async def _article_gzip(self, request: web.Request) -> web.Response:
        body = gzip.compress(ARTICLE_HTML.encode())
        return web.Response(body=body, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})

    async def _latin1_meta(self, request: web.Request) -> web.Response:
        html = "<html><head><meta charset='iso-8859-1'></head><body><p>Caf\u00e9 cr\u00e8me br\u00fbl\u00e9e</p></body></html>"
        return web.Response(body=html.encode("latin-1"), headers={"Content-Type": "text/html"})

    async def _gzip_bomb_page(self, request: web.Request) -> web.Response:
        return web.Response(body=self._gzip_bomb, headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})

    async def _brotli_bomb_page(self, request: web.Request) -> web.Response:
        return web.Response(body=self._brotli_bomb, headers={"Content-Type": "text/html", "Content-Encoding": "br"})

    async def _endless(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        chunk = b"<p>" + b"never ending " * 5000 + b"</p>"
        try:
            while True:
                await response.write(chunk)
        except (ConnectionError, asyncio.CancelledError):
            pass
        return response

    async def _drip(self, request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/html"})
        await response.prepare(request)
        try:
            while True:
                await response.write(b"<")
                await asyncio.sleep(1.0)
        except (ConnectionError, asyncio.CancelledError):
            pass
        return response

    async def _image(self, request: web.Request) -> web.Response:
        return web.Response(body=b"\x89PNG\r\n\x1a\n" + b"\0" * 100, content_type="image/png")

    async def _fake_pdf(self, request: web.Request) -> web.Response:
        return web.Response(text=ARTICLE_HTML, content_type="application/pdf")  # a web page the server calls a PDF

    async def _no_type(self, request: web.Request) -> web.Response:
        response = web.Response(body=b"<p>hello</p>")
        response.headers.popall("Content-Type", None)
        return response

    async def _loop(self, request: web.Request) -> web.Response:
        following = 1 - int(request.match_info["n"])
        raise web.HTTPFound(f"/loop/{following}")

    async def _chain(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(f"/chain/{int(request.match_info['n']) + 1}")

    async def _redirect(self, request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query["to"])

    async def _big_declared(self, request: web.Request) -> web.Response:
        return web.Response(body=b"<p>" + b"x" * 3_000_000 + b"</p>", content_type="text/html")
