"""/status: how this server's newsroom is doing."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from cogs.common import Clock, guild_id_of, reply
from cogs.render_status import render_status
from digests.servers.status import server_status
from digests.store.core import Store


class StatusCog(commands.Cog):
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock

    @app_commands.guild_only()
    @app_commands.command(name="status", description="Feeds, items stored, last poll and next digest")
    async def status(self, interaction: discord.Interaction) -> None:
        status = await server_status(self._store, guild_id_of(interaction), self._clock())
        await reply(interaction, [render_status(status.feeds, next_digest=status.next_digest,
                                                digest_channel=status.digest_channel,
                                                blocked=status.blocked, backlog=status.backlog)],
                    ephemeral=True)
