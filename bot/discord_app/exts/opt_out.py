"""`/digest me off|on|status` and `!digest me off|on|status`: a member's choice to be left alone.

Opted out, a member's links get no auto-unfurl and their messages are left out
of conversation digests, in every server; a request someone makes about one of
their messages (a reply, the message menu, a reaction) still works, since that
person asked. `!digest <link>` stays a name for `!summarize`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_app.replies import NO_PINGS, reply_to_message

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot

Choice = Literal["on", "off", "status"]


class OptOut(commands.Cog):
    digest_app = app_commands.Group(name="digest", description="Your digest settings.")
    me_app = app_commands.Group(name="me", description="Whether the bot digests your messages.", parent=digest_app)

    def __init__(self, bot: "DigestBot") -> None:
        self.bot = bot

    async def choose(self, user_id: int, choice: Choice) -> str:
        """Store the choice (unless only asked for the status) and say what it means."""
        store = self.bot.store
        assert store is not None
        if choice != "status":
            await store.set_opted_out(user_id, choice == "off")
        off = await store.is_opted_out(user_id)
        prefix = self.bot.settings.discord.prefix
        if off:
            state = "Done: digests of your messages are **off**." if choice == "off" else "Digests of your messages are **off**."
            return (
                f"{state} I won't unfurl your links or quote you in conversation digests, in any server. "
                f"Others can still ask for a digest of a message you posted. `{prefix}digest me on` undoes it."
            )
        state = "Done: digests of your messages are **on**." if choice == "on" else "Digests of your messages are **on**."
        return f"{state} `{prefix}digest me off` stops auto-unfurls of your links and quotes of you in conversation digests."

    # -- !digest ... -------------------------------------------------------------------

    @commands.group(name="digest", invoke_without_command=True, rest_is_raw=True)
    async def digest_prefix(self, ctx: commands.Context, *, source: str = "") -> None:
        """`!digest <link or text>` is `!summarize`; `!digest me ...` is this cog's."""
        summarize = self.bot.get_command("summarize")
        assert summarize is not None
        await ctx.invoke(summarize, source=source)  # type: ignore[arg-type]

    @digest_prefix.command(name="me")
    async def me_prefix(self, ctx: commands.Context, choice: Choice = "status") -> None:
        """`!digest me off|on|status`; without a word, the status."""
        await reply_to_message(ctx.message)(await self.choose(ctx.author.id, choice))

    # -- /digest me ... -------------------------------------------------------------------

    async def _answer(self, interaction: discord.Interaction, choice: Choice) -> None:
        text = await self.choose(interaction.user.id, choice)
        await interaction.response.send_message(text, ephemeral=True, allowed_mentions=NO_PINGS)

    @me_app.command(name="off", description="Stop unfurling your links and quoting you in conversation digests.")
    async def me_off(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, "off")

    @me_app.command(name="on", description="Let the bot unfurl your links and quote you in conversation digests again.")
    async def me_on(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, "on")

    @me_app.command(name="status", description="Whether the bot unfurls your links and quotes you in conversation digests.")
    async def me_status(self, interaction: discord.Interaction) -> None:
        await self._answer(interaction, "status")


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(OptOut(bot))
