"""The Refresh and Longer buttons under every digest (bot/discord_app/digest_buttons.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.discord_app.digest_buttons import DigestButtons

if TYPE_CHECKING:
    from bot.discord_app.client import DigestBot


async def setup(bot: "DigestBot") -> None:
    await bot.add_cog(DigestButtons(bot))
