"""The recurring jobs on APScheduler 3's AsyncIOScheduler.

The polling tick polls the feeds that are due; the bot adds a delivery tick. What is due is
decided by the store, not by the scheduler, so jobs hold no state and a restart loses nothing.
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


def build_scheduler(tick: Tick, tick_seconds: float, clock: Clock = utc_now) -> AsyncIOScheduler:
    """A scheduler whose job runs `tick` (poll due feeds, then enrich) every `tick_seconds`.

    Start it in a running loop."""
    scheduler = AsyncIOScheduler(timezone=UTC)
    add_tick(scheduler, POLL_JOB_ID, tick, tick_seconds, clock)
    return scheduler


def add_tick(scheduler: AsyncIOScheduler, job_id: str, tick: Tick, seconds: float,
             clock: Clock = utc_now) -> None:
    """Run `tick(now)` every `seconds`, first at once; never two at a time; failures logged."""

    async def run_tick() -> None:
        try:
            await tick(clock())
        except Exception:
            log.exception("%s failed; the next run will try again", job_id)

    scheduler.add_job(
        run_tick, IntervalTrigger(seconds=seconds, timezone=UTC), id=job_id,
        replace_existing=True, coalesce=True, max_instances=1,
        misfire_grace_time=max(1, int(seconds)), next_run_time=clock())
