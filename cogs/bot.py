"""The Discord client: the fewest intents that work, the cogs it is given, one error handler.

`bot.py` builds everything and hands it in; this module only wires it to Discord: the cogs
are added and the commands synced in `setup_hook`, then the scheduler starts. SIGINT and
SIGTERM close the client, which stops the scheduler; the caller then closes the rest.

With `[discord] shard_count` set the client is discord.py's auto-sharded one, running the
configured shards (all of them when `shard_ids` is empty) on one gateway connection each;
without it, one connection, as Discord allows for small bots.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Sequence
from typing import Any

import discord
from discord.ext import commands

from cogs.errors import NewsdeskTree
from digests.runtime.scheduling import Ticks
from digests.servers.shards import Shards

log = logging.getLogger(__name__)


class NewsdeskBot(commands.Bot):
    def __init__(self, *, guild_ready_timeout: float, **sharding: Any) -> None:
        # Guilds only: slash commands need no message content, members or presences.
        super().__init__(command_prefix=commands.when_mentioned, intents=discord.Intents(guilds=True),
                         tree_cls=NewsdeskTree, guild_ready_timeout=guild_ready_timeout,
                         help_command=None, allowed_mentions=discord.AllowedMentions.none(),
                         **sharding)
        self._cogs: Sequence[commands.Cog] = ()
        self._ticks: Ticks | None = None

    def equip(self, cogs: Sequence[commands.Cog], ticks: Ticks) -> None:
        """What `setup_hook` will install: called once, before `start`."""
        self._cogs = cogs
        self._ticks = ticks

    async def setup_hook(self) -> None:
        for cog in self._cogs:
            await self.add_cog(cog)
        synced = await self.tree.sync()
        log.info("synced %s slash commands", len(synced))
        if self._ticks is not None:
            self._ticks.start()

    async def close(self) -> None:
        """Stop the jobs (waiting for running ones), then disconnect from Discord."""
        if self._ticks is not None:
            await self._ticks.stop()
        await super().close()


class ShardedNewsdeskBot(NewsdeskBot, commands.AutoShardedBot):
    """The same bot on several gateway connections: discord.py's AutoShardedClient does the
    connecting, this class only what NewsdeskBot does."""


def build_bot(*, guild_ready_timeout: float, shards: Shards) -> NewsdeskBot:
    """The client for `shards`: one connection when the bot is not sharded, else exactly
    the configured shards (every one when no ids are given)."""
    if shards.count == 0:
        return NewsdeskBot(guild_ready_timeout=guild_ready_timeout)
    return ShardedNewsdeskBot(guild_ready_timeout=guild_ready_timeout, shard_count=shards.count,
                              shard_ids=list(shards.ids) or None)


async def run_until_stopped(bot: NewsdeskBot, token: str) -> None:
    """Run the bot until Discord closes it or SIGINT/SIGTERM arrives; closes it either way."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        # Left in place after the bot closes: a second signal during the rest of the shutdown
        # (workers, HTTP session, store) must not interrupt it halfway.
        loop.add_signal_handler(sig, _stop, bot, sig)
    async with bot:
        await bot.start(token)


def _stop(bot: NewsdeskBot, sig: signal.Signals) -> None:
    log.info("%s received: shutting down", sig.name)
    asyncio.ensure_future(bot.close())  # noqa: RUF006 - bot.start returns once it has closed
