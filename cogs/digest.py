"""/digest now | schedule | off."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from cogs.common import Clock, admin_only, choice, guild_id_of, reply
from cogs.limits import Payload
from cogs.render import render_digest
from cogs.render_status import render_schedule_set
from digests.newsroom import digest_of_last
from digests.servers import schedules
from digests.servers.deliveries import timezone_suggestions
from digests.servers.scope import guild_view
from digests.store.core import Store


@app_commands.guild_only()
class DigestCog(commands.GroupCog, group_name="digest", group_description="The news digest of this server"):
    def __init__(self, store: Store, clock: Clock) -> None:
        self._store = store
        self._clock = clock
        super().__init__()

    @app_commands.command(name="now", description="Post the digest of the last hours in this channel")
    @app_commands.describe(hours="How many hours back (1 to 168, default 24)")
    async def now(self, interaction: discord.Interaction,
                  hours: app_commands.Range[int, 1, 168] = 24) -> None:
        await interaction.response.defer(thinking=True)
        view = await guild_view(self._store, guild_id_of(interaction), live_only=True)
        await reply(interaction, render_digest(await digest_of_last(view, hours, self._clock())))

    @app_commands.command(name="schedule", description="Post a digest every day at a set time (admins)")
    @app_commands.describe(channel="Where the daily digest goes", time="Time of day as HH:MM, e.g. 08:00",
                           timezone="IANA time zone, e.g. Europe/Kyiv (default UTC)")
    @admin_only
    async def schedule(self, interaction: discord.Interaction, channel: discord.TextChannel,
                       time: app_commands.Range[str, 1, 5],
                       timezone: app_commands.Range[str, 1, 64] = "UTC") -> None:
        settings = await schedules.schedule_digest(
            self._store, guild_id_of(interaction), channel.id, time, timezone, self._clock())
        warning = _cannot_post(channel)
        await reply(interaction, [render_schedule_set(settings, self._clock(), warning)])

    @app_commands.command(name="off", description="Stop the daily digest (admins)")
    @admin_only
    async def off(self, interaction: discord.Interaction) -> None:
        await schedules.stop_digest(self._store, guild_id_of(interaction), self._clock())
        await reply(interaction, [Payload("The daily digest is off. `/digest schedule` starts it again.")])

    @schedule.autocomplete("timezone")
    async def timezone_autocomplete(self, interaction: discord.Interaction,
                                    current: str) -> list[app_commands.Choice[str]]:
        return [choice(name, name) for name in timezone_suggestions(current)]


def _cannot_post(channel: discord.TextChannel) -> str | None:
    """A warning when the bot can see it lacks what posting a digest there needs."""
    me = channel.guild.me if channel.guild else None
    if me is None:
        return None
    allowed = channel.permissions_for(me)
    if allowed.view_channel and allowed.send_messages and allowed.embed_links:
        return None
    return (f"I cannot post embeds in {channel.mention} yet: give me View Channel, Send Messages "
            "and Embed Links there.")


