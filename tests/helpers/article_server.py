"""A loopback web server with article pages: the sample article as text and as HTML, plus non-articles."""

from __future__ import annotations

import html
from pathlib import Path

from aiohttp import web

from tests.helpers.loopback import serve_on_loopback

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SAMPLE_ARTICLE = SEEDS / "syrian-officers-defect.txt"
SAMPLE_TITLE = "3 top Syrian officers defect"


def sample_text() -> str:
    return SAMPLE_ARTICLE.read_text(encoding="utf-8")


def article_paragraphs() -> list[str]:
    """The article's own paragraphs (the seed's site chrome, from 'Ad Free' on, left out)."""
    lines = sample_text().splitlines()
    body = []
    for line in lines[1:]:
        if line.startswith("Ad Free"):
            break
        if line.strip():
            body.append(line.strip())
    return body


def sample_html() -> str:
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in article_paragraphs())
    chrome = "\n".join(f"<li><a href='/x{i}'>Recent article number {i}</a></li>" for i in range(12))
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{SAMPLE_TITLE} | World News</title>
<meta property="og:title" content="{SAMPLE_TITLE}"></head>
<body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/login">Login</a></nav>
<main><article>
<h1>{SAMPLE_TITLE}</h1>
<p class="byline">By Staff Writer</p>
{paragraphs}
</article></main>
<aside><h2>Recent Articles</h2><ul>{chrome}</ul></aside>
<footer>Copyright World News. All rights reserved.</footer>
</body></html>"""


PNG_BYTES = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63000100000500010d0a2db40000000049454e44ae426082"
)


class ArticleServer:
    def __init__(self) -> None:
        self._runner: web.AppRunner | None = None
        self.port = 0
        self.hits: list[str] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/syria.txt", self._text)
        app.router.add_get("/news/syria.html", self._html)
        app.router.add_get("/photo", self._image)
        app.router.add_get("/gone", self._gone)
        app.middlewares.append(self._count)
        self._runner, self.port = await serve_on_loopback(app)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @web.middleware
    async def _count(self, request: web.Request, handler):  # type: ignore[no-untyped-def]
        self.hits.append(request.path)
        return await handler(request)

    async def _text(self, request: web.Request) -> web.Response:
        return web.Response(text=sample_text(), content_type="text/plain", charset="utf-8")

    async def _html(self, request: web.Request) -> web.Response:
        return web.Response(text=sample_html(), content_type="text/html", charset="utf-8")

    async def _image(self, request: web.Request) -> web.Response:
        return web.Response(body=PNG_BYTES, content_type="image/png")

    async def _gone(self, request: web.Request) -> web.Response:
        return web.Response(status=404, text="not here")
