"""The Discord client: minimal intents, the scheduler started once the loop runs.

Slash-command cogs arrive with the bot issue; for now `run` connects and keeps the feeds
polled on schedule.
"""

from __future__ import annotations

import logging

import discord
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from discord.ext import commands

log = logging.getLogger(__name__)


class NewsdeskBot(commands.Bot):
    def __init__(self, *, scheduler: AsyncIOScheduler, guild_ready_timeout: float) -> None:
        super().__init__(command_prefix=commands.when_mentioned, intents=discord.Intents(guilds=True),
                         guild_ready_timeout=guild_ready_timeout)
        self._scheduler = scheduler

    async def setup_hook(self) -> None:
        self._scheduler.start()
        log.info("scheduler started")

    async def close(self) -> None:
        if self._scheduler.running:
            self._scheduler.shutdown(wait=False)
        await super().close()


async def run_bot(token: str, *, scheduler: AsyncIOScheduler, guild_ready_timeout: float) -> None:
    async with NewsdeskBot(scheduler=scheduler, guild_ready_timeout=guild_ready_timeout) as bot:
        await bot.start(token)
