"""Serve an aiohttp app on a free loopback port: the one way every test server starts."""

from __future__ import annotations

from aiohttp import web


async def serve_on_loopback(app: web.Application, host: str = "127.0.0.1") -> tuple[web.AppRunner, int]:
    """Start `app` on `host` at a port the OS picks; return the runner (to clean up) and the port."""
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, host, 0).start()
    return runner, runner.addresses[0][1]
