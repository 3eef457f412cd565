"""The Discord client: the fewest intents that work, the cogs it is given, one error handler.

`bot.py` builds everything and hands it in; this module only wires it to Discord: the cogs
are added and the commands synced in `setup_hook`, then the scheduler starts. SIGINT and
SIGTERM close the client, which stops the scheduler; the caller then closes the rest.
"""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Sequence

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from discord.ext import commands

from cogs.errors import NewsdeskTree

log = logging.getLogger(__name__)


class NewsdeskBot(commands.Bot):
    def __init__(self, *, guild_ready_timeout: float) -> None:
        # Guilds only: slash commands need no message content, members or presences.
        super().__init__(command_prefix=commands.when_mentioned, intents=discord.Intents(guilds=True),
                         tree_cls=NewsdeskTree, guild_ready_timeout=guild_ready_timeout,
                         help_command=None, allowed_mentions=discord.AllowedMentions.none())
        self._cogs: Sequence[commands.Cog] = ()
        self._scheduler: AsyncIOScheduler | None = None

    def equip(self, cogs: Sequence[commands.Cog], scheduler: AsyncIOScheduler) -> None:
        """What `setup_hook` will install: called once, before `start`."""
        self._cogs = cogs
        self._scheduler = scheduler

    async def setup_hook(self) -> None:
        for cog in self._cogs:
            await self.add_cog(cog)
        synced = await self.tree.sync()
        log.info("synced %s slash commands", len(synced))
        if self._scheduler is not None:
            self._scheduler.start()

    async def close(self) -> None:
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        await super().close()


async def run_until_stopped(bot: NewsdeskBot, token: str) -> None:
    """Run the bot until Discord closes it or SIGINT/SIGTERM arrives; closes it either way."""
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, _stop, bot, sig)
    try:
        async with bot:
            await bot.start(token)
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


def _stop(bot: NewsdeskBot, sig: signal.Signals) -> None:
    log.info("%s received: shutting down", sig.name)
    asyncio.ensure_future(bot.close())  # noqa: RUF006 - bot.start returns once it has closed
