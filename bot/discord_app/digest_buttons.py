"""Refresh and Longer: the two buttons under every digest.

The buttons are dynamic items: their custom ids carry who asked and the summary
length (`digest:refresh:<requester>:<sentences>`, `digest:longer:<requester>:<shown>`),
and the store keeps what each digest message was made from, so a press works
after a restart with no view kept in memory. A press is deferred at once (Discord
wants an answer within 3 s) and the digest is then edited in place. Only the
requester or a member with Manage Messages may press; others get a note only
they see. The cog is loaded by `exts/digest_buttons.py`; it lives here, outside
the extension, because the cogs that send digests import `send_digest`.
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING, Any

import discord
from discord.ext import commands

from bot.digest.front_rules import MAX_SENTENCES
from bot.digest.models import Digest
from bot.digest.pipeline import DigestOptions
from bot.discord_app.digest_service import BUSY, Busy, DigestRequest
from bot.discord_app.embeds import digest_embed, error_text
from bot.discord_app.replies import NO_PINGS, Answer
from bot.store.database import DigestSource

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

NOT_YOURS = "Only the person who asked for this digest, or a member with Manage Messages, can use its buttons."
TOO_OLD = "This digest is too old for its buttons; please ask for a new one."
LONGEST = f"This digest is as long as it gets ({MAX_SENTENCES} sentences, or every sentence worth keeping)."


class RefreshButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"digest:refresh:(?P<requester>[0-9]+):(?P<sentences>[0-9]+)"):
    """Fetch the page again, past the cache; `sentences` 0 is the automatic length."""

    def __init__(self, requester: int, sentences: int) -> None:
        super().__init__(
            discord.ui.Button(
                label="Refresh", emoji="🔄", style=discord.ButtonStyle.secondary,
                custom_id=f"digest:refresh:{requester}:{sentences}",
            )
        )
        self.requester = requester
        self.sentences = sentences

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> "RefreshButton":
        return cls(int(match["requester"]), int(match["sentences"]))

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:  # type: ignore[override]
        return await first_time(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        await buttons_cog(interaction).press(interaction, self.requester, self.sentences, refresh=True)


class LongerButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=r"digest:longer:(?P<requester>[0-9]+):(?P<shown>[0-9]+)"):
    """Twice the sentences shown now, up to `MAX_SENTENCES`."""

    def __init__(self, requester: int, shown: int, disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label="Longer", emoji="➕", style=discord.ButtonStyle.secondary,
                custom_id=f"digest:longer:{requester}:{shown}", disabled=disabled,
            )
        )
        self.requester = requester
        self.shown = shown

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction, item: discord.ui.Item[Any], match: re.Match[str]
    ) -> "LongerButton":
        return cls(int(match["requester"]), int(match["shown"]))

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:  # type: ignore[override]
        return await first_time(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:  # type: ignore[override]
        if self.shown >= MAX_SENTENCES:
            await note(interaction, LONGEST)
            return
        await buttons_cog(interaction).press(interaction, self.requester, min(2 * self.shown, MAX_SENTENCES), refresh=False)


def digest_view(requester: int, digest: Digest, kind: str, asked_sentences: int | None) -> discord.ui.View:
    """Refresh (for links: a text cannot change) and Longer, greyed out when no longer digest is possible."""
    view = discord.ui.View(timeout=None)
    if kind == "link":
        view.add_item(RefreshButton(requester, asked_sentences or 0))
    shown = len(digest.summary)
    exhausted = asked_sentences is not None and shown < asked_sentences  # the text has no more to give
    view.add_item(LongerButton(requester, shown, disabled=exhausted or shown >= MAX_SENTENCES or shown == 0))
    return view


async def send_digest(
    bot: "DigestBot", answer: Answer, digest: Digest, request: DigestRequest, requester: int, options: DigestOptions
) -> None:
    """Send a digest with its buttons, and remember what it was made from so they work after a restart."""
    view = digest_view(requester, digest, request.kind, options.sentences)
    sent = await answer(embeds=[digest_embed(digest, bot.settings.digest)], view=view)
    message_id = getattr(sent, "id", None)
    if bot.store is not None and isinstance(message_id, int):
        await bot.store.remember_source(
            message_id, DigestSource(request.kind, request.value, request.label, request.file_kind)
        )


async def note(interaction: discord.Interaction, text: str) -> None:
    """A line only the presser sees."""
    if interaction.response.is_done():
        await interaction.followup.send(text, ephemeral=True, allowed_mentions=NO_PINGS)
    else:
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)


async def first_time(interaction: discord.Interaction) -> bool:
    """A press is answered once, even if its event arrives twice (a replay, another process)."""
    return await interaction.client.claim_interaction(interaction)  # type: ignore[attr-defined]


def buttons_cog(interaction: discord.Interaction) -> "DigestButtons":
    cog = interaction.client.get_cog("DigestButtons")  # type: ignore[attr-defined]
    assert isinstance(cog, DigestButtons), "the digest_buttons extension is not loaded"
    return cog


class DigestButtons(commands.Cog):
    def __init__(self, bot: "DigestBot") -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        self.bot.add_dynamic_items(RefreshButton, LongerButton)

    async def cog_unload(self) -> None:
        self.bot.remove_dynamic_items(RefreshButton, LongerButton)

    @staticmethod
    def may_press(interaction: discord.Interaction, requester: int) -> bool:
        return interaction.user.id == requester or interaction.permissions.manage_messages

    async def admit(self, interaction: discord.Interaction, requester: int, refresh: bool) -> DigestSource | None:
        """The pressed digest's source when the press may go on, after deferring it; else None, the presser told why.

        The one set of rules for every digest's buttons: the requester or Manage Messages,
        a source still remembered, Refresh at most once per interval, the member's cooldowns."""
        message = interaction.message
        store = self.bot.store
        if message is None or store is None:
            return None
        if not self.may_press(interaction, requester):
            await note(interaction, NOT_YOURS)
            return None
        source = await store.source_of(message.id)
        if source is None and message.embeds and message.embeds[0].url:
            # A press in the instant before the source was stored, or a link digest older than the table: its link.
            source = DigestSource("link", message.embeds[0].url, message.embeds[0].url)
            await store.remember_source(message.id, source)
        if source is None:
            await note(interaction, TOO_OLD)
            return None
        if refresh:
            wait = await store.claim_refresh(message.id, self.bot.settings.discord.refresh_interval_seconds)
            if wait > 0:
                await note(interaction, f"⏳ This digest was refreshed a moment ago; try again in {math.ceil(wait)} s.")
                return None
        refusal = await self.bot.rate_limits.digest_refusal(interaction.user.id, interaction.guild_id)
        if refusal:
            await note(interaction, refusal)
            return None
        await interaction.response.defer()  # within Discord's 3 s; the edit follows
        return source

    async def press(self, interaction: discord.Interaction, requester: int, sentences: int, refresh: bool) -> None:
        """Redo the digest of the pressed message with `sentences` (0: automatic), fetched anew on Refresh."""
        source = await self.admit(interaction, requester, refresh)
        if source is None:
            return
        request = DigestRequest(kind=source.kind, value=source.value, label=source.label, file_kind=source.file_kind)  # type: ignore[arg-type]
        options = DigestOptions(sentences=sentences or None)
        try:
            digest = await self.bot.service.digest(request, options, fresh=refresh)
        except Busy:
            await note(interaction, BUSY)
            return
        if digest.error:
            await note(interaction, error_text(digest, source.value if source.kind == "link" else None))
            return
        view = digest_view(requester, digest, source.kind, options.sentences)
        await interaction.edit_original_response(
            embeds=[digest_embed(digest, self.bot.settings.digest)], view=view, allowed_mentions=NO_PINGS
        )
