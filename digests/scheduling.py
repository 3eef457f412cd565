"""The polling tick on APScheduler 3's AsyncIOScheduler.

There is one job: a tick that polls the feeds that are due. Which feeds are due is decided by
the store, not by the scheduler, so jobs hold no state and a restart loses nothing.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)

POLL_JOB_ID = "poll:tick"
Clock = Callable[[], datetime]
Tick = Callable[[datetime], Awaitable[object]]


def utc_now() -> datetime:
    return datetime.now(UTC)


def build_scheduler(tick: Tick, tick_seconds: int, clock: Clock = utc_now) -> AsyncIOScheduler:
    """A scheduler whose one job runs `tick` (poll due feeds, then enrich) every `tick_seconds`.

    Start it in a running loop."""
    scheduler = AsyncIOScheduler(timezone=UTC)

    async def poll_tick() -> None:
        try:
            await tick(clock())
        except Exception:
            log.exception("poll tick failed; the next tick will try again")

    scheduler.add_job(
        poll_tick, IntervalTrigger(seconds=tick_seconds, timezone=UTC), id=POLL_JOB_ID,
        replace_existing=True, coalesce=True, max_instances=1,
        misfire_grace_time=tick_seconds, next_run_time=clock())
    return scheduler
