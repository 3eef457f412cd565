"""/alerts add | list | remove | mute: a member's topic alerts in this server."""

from __future__ import annotations

from datetime import timedelta

import discord
from discord import app_commands
from discord.ext import commands

from cogs.common import Clock, choice, guild_id_of, reply
from cogs.limits import Payload
from cogs.render_alerts import render_subscribed, render_subscriptions
from digests.servers import subscribing
from digests.store.core import Store

DELIVERY = [app_commands.Choice(name="direct message", value="dm"),
            app_commands.Choice(name="mention in this channel", value="channel")]


@app_commands.guild_only()
class AlertsCog(commands.GroupCog, group_name="alerts",
                group_description="Your alerts on topics in the news"):
    def __init__(self, store: Store, clock: Clock, *, per_member: int) -> None:
        self._store = store
        self._clock = clock
        self._per_member = per_member
        super().__init__()

    @app_commands.command(name="add", description="Be alerted when a new story matches a query")
    @app_commands.describe(query='Words that must all appear, "exact phrases", OR between choices, '
                                 "-word to exclude",
                           deliver="By direct message (default) or by a mention in this channel")
    @app_commands.choices(deliver=DELIVERY)
    async def add(self, interaction: discord.Interaction, query: app_commands.Range[str, 1, 200],
                  deliver: app_commands.Choice[str] | None = None) -> None:
        subscription = await subscribing.subscribe(
            self._store, guild_id_of(interaction), interaction.user.id, query,
            deliver.value if deliver else "dm", interaction.channel_id, self._clock(),
            cap=self._per_member)
        await reply(interaction, [render_subscribed(subscription)], ephemeral=True)

    @app_commands.command(name="list", description="Your alerts in this server")
    async def list_alerts(self, interaction: discord.Interaction) -> None:
        subscriptions = await self._store.subscriptions_of(guild_id_of(interaction), interaction.user.id)
        await reply(interaction, [render_subscriptions(subscriptions)], ephemeral=True)

    @app_commands.command(name="remove", description="Remove one of your alerts")
    @app_commands.describe(alert="The alert to remove")
    async def remove(self, interaction: discord.Interaction, alert: app_commands.Range[str, 1, 200]) -> None:
        removed = await subscribing.unsubscribe(self._store, guild_id_of(interaction),
                                                interaction.user.id, alert)
        await reply(interaction, [Payload(f"Removed your alert `{removed.query.replace('`', '')}`.")],
                    ephemeral=True)

    @app_commands.command(name="mute", description="Silence your alerts for a while")
    @app_commands.describe(hours="For how many hours (1 to 168)")
    async def mute(self, interaction: discord.Interaction, hours: app_commands.Range[int, 1, 168]) -> None:
        until = self._clock() + timedelta(hours=hours)
        await self._store.mute(guild_id_of(interaction), interaction.user.id, until)
        await reply(interaction, [Payload(f"Your alerts here are muted until <t:{int(until.timestamp())}:f>. "
                                          "Stories that match meanwhile will not be sent later.")],
                    ephemeral=True)

    @remove.autocomplete("alert")
    async def alert_autocomplete(self, interaction: discord.Interaction,
                                 current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        mine = await self._store.subscriptions_of(interaction.guild_id, interaction.user.id)
        wanted = current.casefold()
        return [choice(s.query, str(s.id)) for s in mine if wanted in s.query.casefold()][:25]
