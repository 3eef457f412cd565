"""/feeds add | list | remove | pause | resume | import | export."""

from __future__ import annotations

import asyncio
import io
from functools import partial

import discord
from discord import app_commands
from discord.ext import commands

from cogs.common import Clock, admin_only, choice, guild_id_of, reply
from cogs.render import render_feed_list
from cogs.render_opml import render_export, render_import
from cogs.render_status import render_feed_added, render_feed_changed
from digests.feeds.opml import MAX_OPML_BYTES, OpmlError, read_opml, write_opml
from digests.feeds.polling import Poller
from digests.servers import following
from digests.servers.operator import exported, import_feeds
from digests.store.core import Store

EXPORT_FILE = "newsdesk-feeds.opml"
IMPORT_CONCURRENCY = 8
"""Feeds of an imported list read at once: a list of hundreds must not crowd out the polls."""
IMPORT_LIMIT = 100
"""Feeds one `/feeds import` reads: each may take up to a minute, and the answer must come
within the 15 minutes Discord keeps an interaction open."""

FeedText = app_commands.Range[str, 1, 2000]


@app_commands.guild_only()
class FeedsCog(commands.GroupCog, group_name="feeds", group_description="The news feeds this server follows"):
    def __init__(self, store: Store, poller: Poller, clock: Clock,
                 reading: following.Reading | None = None, *, allow_private: bool = False,
                 concurrency: int = IMPORT_CONCURRENCY) -> None:
        self._store = store
        self._poller = poller
        self._clock = clock
        self._reading = reading
        self._allow_private = allow_private
        self._concurrency = min(concurrency, IMPORT_CONCURRENCY)
        super().__init__()

    @app_commands.command(name="add",
                          description="Follow a news feed, or a web page that links to one (admins)")
    @app_commands.describe(url="The feed's address, or a web page that links to its feed",
                           name="A short name to show instead of the feed's title")
    @admin_only
    async def add(self, interaction: discord.Interaction, url: FeedText,
                  name: app_commands.Range[str, 1, 100] | None = None) -> None:
        guild = guild_id_of(interaction)
        await interaction.response.defer(thinking=True)
        added = await following.add_guild_feed(self._store, self._poller, guild, url,
                                               name=name, now=self._clock(), reading=self._reading)
        await reply(interaction, [render_feed_added(added.feed, already=added.already)])

    @app_commands.command(name="list", description="Every feed of this server, with its status")
    async def list_feeds(self, interaction: discord.Interaction) -> None:
        feeds = await self._store.guild_feeds(guild_id_of(interaction))
        await reply(interaction, render_feed_list(feeds), ephemeral=True)

    @app_commands.command(name="remove", description="Stop following a feed (admins)")
    @app_commands.describe(feed="The feed to remove")
    @admin_only
    async def remove(self, interaction: discord.Interaction, feed: FeedText) -> None:
        guild = guild_id_of(interaction)
        found = await following.find_guild_feed(self._store, guild, feed)
        await following.remove_guild_feed(self._store, guild, found, self._clock())
        await reply(interaction, [render_feed_changed(found, "No longer following")])

    @app_commands.command(name="pause", description="Stop polling a feed for this server for now (admins)")
    @app_commands.describe(feed="The feed to pause")
    @admin_only
    async def pause(self, interaction: discord.Interaction, feed: FeedText) -> None:
        guild = guild_id_of(interaction)
        found = await following.find_guild_feed(self._store, guild, feed)
        paused = await following.pause_guild_feed(self._store, guild, found, self._clock())
        await reply(interaction, [render_feed_changed(paused, "Paused")])

    @app_commands.command(name="resume", description="Poll a paused feed again (admins)")
    @app_commands.describe(feed="The feed to resume")
    @admin_only
    async def resume(self, interaction: discord.Interaction, feed: FeedText) -> None:
        guild = guild_id_of(interaction)
        found = await following.find_guild_feed(self._store, guild, feed)
        resumed = await following.resume_guild_feed(self._store, guild, found, self._clock())
        await reply(interaction, [render_feed_changed(resumed, "Resumed (polled again at the next tick):")])

    @app_commands.command(name="import", description="Follow every feed of an OPML file (admins)")
    @app_commands.describe(file="An OPML file, as feed readers export their subscriptions")
    @admin_only
    async def import_list(self, interaction: discord.Interaction, file: discord.Attachment) -> None:
        guild = guild_id_of(interaction)
        if file.size > MAX_OPML_BYTES:
            raise OpmlError(f"That file is {file.size:,} bytes; a feed list may have at most "
                            f"{MAX_OPML_BYTES:,}.")
        await interaction.response.defer(thinking=True)
        feed_list = await asyncio.to_thread(read_opml, await file.read())
        if len(feed_list.feeds) > IMPORT_LIMIT:
            raise OpmlError(f"That file lists {len(feed_list.feeds):,} feeds; one import reads at most "
                            f"{IMPORT_LIMIT}. Split the file, or ask the bot's operator to import it.")
        add = partial(self._add_to, guild)
        results = await import_feeds(feed_list.feeds, add, allow_private=self._allow_private,
                                     concurrency=self._concurrency,
                                     private_hint=": this bot only reads feeds on the public internet")
        await reply(interaction, [render_import(results, feed_list.title)])

    async def _add_to(self, guild: int, url: str, name: str | None) -> following.FeedAdded:
        return await following.add_guild_feed(self._store, self._poller, guild, url, name=name,
                                              now=self._clock())

    @app_commands.command(name="export", description="This server's feeds as an OPML file")
    async def export_list(self, interaction: discord.Interaction) -> None:
        feeds = await self._store.guild_feeds(guild_id_of(interaction), counts=False)
        document = await asyncio.to_thread(write_opml, exported(feeds), title="Newsdesk feeds",
                                           created=self._clock())
        await reply(interaction, [render_export(len(feeds))], ephemeral=True,
                    files=[discord.File(io.BytesIO(document), filename=EXPORT_FILE)])

    @remove.autocomplete("feed")
    @pause.autocomplete("feed")
    @resume.autocomplete("feed")
    async def feed_autocomplete(self, interaction: discord.Interaction,
                                current: str) -> list[app_commands.Choice[str]]:
        if interaction.guild_id is None:
            return []
        feeds = await self._store.guild_feeds(interaction.guild_id, counts=False)
        return [choice(name, value) for name, value in following.feed_suggestions(feeds, current)]
