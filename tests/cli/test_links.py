"""`python -m bot summarize <link>` against the loopback article server."""

from __future__ import annotations

import asyncio
import json
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.helpers.article_server import SAMPLE_TITLE, ArticleServer
from tests.helpers.bot_process import reaped


async def run_cli(*args: str) -> tuple[int, str, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *args, cwd=REPO,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    async with reaped(process):
        out, err = await asyncio.wait_for(process.communicate(), timeout=120)
    return process.returncode or 0, out.decode(), err.decode()


async def test_link_digest_with_loopback_allowlisted(articles: ArticleServer, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[fetch]\nallowed_networks = ["127.0.0.0/8"]\n')
    code, out, err = await run_cli(
        "--config", str(config), "summarize", articles.url("/news/syria.html"), articles.url("/photo"), "--format", "json"
    )
    assert code == 1, err  # the image fails, the article does not
    page, photo = (json.loads(line) for line in out.splitlines())
    assert page["error"] is None and page["title"] == SAMPLE_TITLE
    assert 3 <= len(page["summary"]) <= 5
    assert "Recent article number" not in page["text"]
    assert photo["error"] and "not an article" in photo["error"]


async def test_default_settings_refuse_loopback(articles: ArticleServer) -> None:
    code, out, _ = await run_cli("summarize", articles.url("/syria.txt"), "--format", "json")
    assert code == 1
    assert json.loads(out)["error"]
    assert articles.hits == []  # refused before any request reached the server


async def test_a_link_piped_on_standard_input_is_fetched_like_a_link_given(articles: ArticleServer, tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[fetch]\nallowed_networks = ["127.0.0.0/8"]\n')
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--config", str(config), "summarize", "-", "--format", "json", cwd=REPO,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )
    async with reaped(process):
        out, err = await asyncio.wait_for(process.communicate(f"{articles.url('/news/syria.html')}\n".encode()), timeout=120)
    assert process.returncode == 0, err.decode()
    digest = json.loads(out)
    assert digest["source"] == "-" and digest["title"] == SAMPLE_TITLE and digest["error"] is None
