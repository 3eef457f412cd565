"""What every cog shares: the clock type, the admin check and sending payloads to an interaction."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

import discord
from discord import app_commands

from cogs.limits import Payload, visible

Clock = Callable[[], datetime]
AUTOCOMPLETE_LIMIT = 25
CHOICE_NAME = 100


class NotAdmin(app_commands.CheckFailure):
    """A member without Manage Server tried an admin command."""

    def __str__(self) -> str:
        return "Only members with the Manage Server permission can do that."


class NotInServer(app_commands.CheckFailure):
    def __str__(self) -> str:
        return "This command works inside a server, not in direct messages."


def _is_admin(interaction: discord.Interaction) -> bool:
    """Checked at run time, whatever the server's command permission overrides say."""
    if interaction.guild_id is None:
        raise NotInServer()
    if not interaction.permissions.manage_guild:
        raise NotAdmin()
    return True


admin_only = app_commands.check(_is_admin)


def guild_id_of(interaction: discord.Interaction) -> int:
    if interaction.guild_id is None:
        raise NotInServer()
    return interaction.guild_id


async def reply(interaction: discord.Interaction, payloads: Sequence[Payload], *,
                ephemeral: bool = False, files: Sequence[discord.File] = ()) -> None:
    """Send payloads as the interaction's response (after a defer or not), then follow-ups."""
    for number, payload in enumerate(payloads):
        attached = list(files) if number == 0 else []
        if number == 0 and not interaction.response.is_done():
            await interaction.response.send_message(
                content=payload.content, embeds=list(payload.embeds), ephemeral=ephemeral,
                allowed_mentions=payload.allowed_mentions, files=attached)
        else:
            await interaction.followup.send(
                content=payload.content or discord.utils.MISSING, embeds=list(payload.embeds),
                ephemeral=ephemeral, allowed_mentions=payload.allowed_mentions, files=attached)


def choice(name: str, value: str) -> app_commands.Choice[str]:
    """An autocomplete choice whose name fits Discord's 1–100 characters (a feed's title, say:
    only its start is read, and characters that reorder or hide text are left out)."""
    shown = " ".join(visible(name[:2 * CHOICE_NAME]).split()) or value[:CHOICE_NAME] or "?"
    if len(shown) > CHOICE_NAME or len(name) > 2 * CHOICE_NAME:
        shown = shown[:CHOICE_NAME - 1] + "…"
    return app_commands.Choice(name=shown, value=value[:CHOICE_NAME])
