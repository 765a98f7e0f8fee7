"""The cogs and the rate limits, one behaviour at a time, without a gateway.

A real DigestBot (never connected), its real cogs and a real digest service in a
thread; each test calls one cog method and reads what it answered.
"""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator, Sequence

import discord
import pytest

from bot.discord_app.client import DigestBot
from bot.discord_app.digest_service import DigestRequest, DigestService
from bot.discord_app.exts.summarize import BUSY, Summarize
from bot.discord_app.exts.unfurl import Unfurl
from bot.discord_app.inputs import USAGE
from bot.discord_app.rate_limits import RateLimits
from bot.settings import DiscordSettings, Settings, UnfurlSettings, WorkerSettings
from bot.shared_state.limits import LocalLimiter
from tests.helpers.article_server import sample_text


class Answers:
    """Collects what a cog answered, as the `Answer` callables do."""

    def __init__(self) -> None:
        self.contents: list[str | None] = []
        self.embeds: list[list[discord.Embed]] = []
        self.views: list[discord.ui.View | None] = []

    async def __call__(
        self, content: str | None = None, embeds: Sequence[discord.Embed] = (), view: discord.ui.View | None = None
    ) -> None:
        self.contents.append(content)
        self.embeds.append(list(embeds))
        self.views.append(view)


def _settings(**discord_values: object) -> Settings:
    return Settings(discord=DiscordSettings(**discord_values), workers=WorkerSettings(processes=0))  # type: ignore[arg-type]


@pytest.fixture
async def cog() -> AsyncIterator[Summarize]:
    settings = _settings(user_rate=2, guild_rate=3, cooldown_seconds=60)
    bot = DigestBot(settings)
    bot.pool.start()
    bot._service = DigestService(settings, bot.pool, store=None)
    try:
        yield Summarize(bot)
    finally:
        await bot.pool.close()


TOO_SHORT = DigestRequest(kind="text", value="Just a few words here.", label="pasted text")


async def test_nothing_to_digest_gets_the_usage(cog: Summarize) -> None:
    answers = Answers()
    await cog.answer(None, answers, user_id=1, guild_id=None)
    assert answers.contents == [USAGE]


async def test_a_video_link_is_refused_before_any_fetch_and_costs_no_quota(cog: Summarize) -> None:
    answers = Answers()
    video = DigestRequest(kind="link", value="https://www.youtube.com/watch?v=x", label="video")
    for _ in range(3):
        await cog.answer(video, answers, user_id=1, guild_id=None)
    assert all(c is not None and "video or an image" in c for c in answers.contents)
    assert await cog.bot.rate_limits.limiter.acquire([cog.bot.rate_limits.user_window(1)] * 2) is None  # the full quota is left


async def test_a_pasted_article_gets_one_embed(cog: Summarize) -> None:
    answers = Answers()
    await cog.answer(DigestRequest(kind="text", value=sample_text(), label="pasted text"), answers, user_id=1, guild_id=None)
    assert answers.contents == [None]
    [[embed]] = answers.embeds
    assert embed.title == "3 top Syrian officers defect" and embed.description


async def test_a_failed_digest_is_one_line_and_the_user_limit_then_answers(cog: Summarize) -> None:
    answers = Answers()
    for _ in range(3):
        await cog.answer(TOO_SHORT, answers, user_id=7, guild_id=None)
    short, again, limited = answers.contents
    assert short is not None and short.startswith("⚠️ I can't summarize that: The text is too short") and "\n" not in short
    assert again == short
    assert limited is not None and limited.startswith("⏳ Easy there: you can ask for 2 digests every 60 seconds.")


async def test_the_server_limit_counts_every_member(cog: Summarize) -> None:
    answers = Answers()
    for user_id in (1, 2, 3, 4):
        await cog.answer(TOO_SHORT, answers, user_id=user_id, guild_id=99)
    assert answers.contents[-1] is not None and "This server has asked for a lot of digests" in answers.contents[-1]


async def test_a_full_queue_answers_busy(cog: Summarize, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DigestService, "queue_full", property(lambda self: True))
    answers = Answers()
    await cog.answer(TOO_SHORT, answers, user_id=1, guild_id=None)
    assert answers.contents == [BUSY]


def test_unfurl_keeps_at_most_max_links_article_links() -> None:
    settings = dataclasses.replace(_settings(), unfurl=UnfurlSettings(max_links=2))
    unfurl = Unfurl(DigestBot(settings))
    message = type("Message", (), {"content": "a https://a.example/1 <https://b.example/2> https://youtu.be/x https://c.example/3 https://d.example/4"})()
    assert unfurl.article_links(message) == ["https://a.example/1", "https://c.example/3"]  # type: ignore[arg-type]


async def test_rate_limits_live_in_one_place_and_recover_after_the_cooldown() -> None:
    now = [0.0]
    settings = dataclasses.replace(_settings(user_rate=1, cooldown_seconds=10), unfurl=UnfurlSettings(channel_cooldown_seconds=30))
    limits = RateLimits(settings, LocalLimiter(clock=lambda: now[0]))
    assert await limits.digest_refusal(1, None) is None
    refusal = await limits.digest_refusal(1, None)
    assert refusal is not None and "Try again in 10 s" in refusal
    assert await limits.unfurl_allowed(5) and not await limits.unfurl_allowed(5) and await limits.unfurl_allowed(6)
    now[0] = 10.5
    assert await limits.digest_refusal(1, None) is None
    assert not await limits.unfurl_allowed(5)
    now[0] = 30.5
    assert await limits.unfurl_allowed(5)
