"""The recurring jobs on APScheduler 3's AsyncIOScheduler.

The polling tick polls the feeds that are due; the bot adds a delivery tick. What is due is
decided by the store, not by the scheduler, so jobs hold no state and a restart loses nothing.
The interval is the longest a job waits: a tick may ask to run again sooner (the poller, when
the next feed falls due), and anyone may nudge a job to run soon (delivery, when new items have
been read), so that work follows events rather than the timer. Stopping waits for the jobs
that are running (cancelling them after a grace), so that nothing holds a database connection
when the store closes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.interval import IntervalTrigger

log = logging.getLogger(__name__)

POLL_JOB_ID = "poll:tick"
Clock = Callable[[], datetime]
Tick = Callable[[datetime], Awaitable[object]]
"""A job's work, given the time; it may return a datetime: run again then, if before the next
interval (never sooner than `SOONEST` after it ends)."""
SOONEST = timedelta(seconds=1)
"""The shortest gap between the end of a run and a run it asked for: a due time that keeps
coming back (or a clock that disagrees) never makes a job spin."""


def utc_now() -> datetime:
    return datetime.now(UTC)


class Ticks:
    """Jobs that each run `tick(now)` every so many seconds at most: first at once, never two
    at a time, failures logged and retried at the next run."""

    def __init__(self, clock: Clock = utc_now) -> None:
        self.scheduler = AsyncIOScheduler(timezone=UTC)
        self._clock = clock
        self._running: set[asyncio.Task[object]] = set()
        self._busy: set[str] = set()  # jobs running now
        self._again: set[str] = set()  # jobs nudged while running: once more when they end

    def add(self, job_id: str, tick: Tick, seconds: float) -> None:
        async def run_tick() -> None:
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            self._busy.add(job_id)
            wanted: object = None
            try:
                wanted = await tick(self._clock())
            except asyncio.CancelledError:  # shutting down: the work is transactional
                log.info("%s interrupted by shutdown; it resumes at the next start", job_id)
            except Exception:
                log.exception("%s failed; the next run will try again", job_id)
            finally:
                self._running.discard(task)
                self._busy.discard(job_id)
            if job_id in self._again:
                self._again.discard(job_id)
                self._bring_forward(job_id, datetime.now(UTC) + SOONEST)
            elif isinstance(wanted, datetime):
                self._bring_forward(job_id, max(wanted, datetime.now(UTC) + SOONEST))

        self.scheduler.add_job(
            run_tick, IntervalTrigger(seconds=seconds, timezone=UTC), id=job_id,
            replace_existing=True, coalesce=True, max_instances=1,
            misfire_grace_time=max(1, int(seconds)), next_run_time=self._clock())

    def nudge(self, job_id: str, within: float = 0.0) -> None:
        """Run the job within `within` seconds rather than at its next interval; a job running
        now runs once more when it ends. Nudges coalesce: many make one run."""
        if job_id in self._busy:
            self._again.add(job_id)
            return
        self._bring_forward(job_id, datetime.now(UTC) + timedelta(seconds=within))

    def _bring_forward(self, job_id: str, when: datetime) -> None:
        """The job's next run at `when` if that is sooner than planned (the interval then
        counts from that run)."""
        if not self.scheduler.running:
            return
        job = self.scheduler.get_job(job_id)
        if job is not None and job.next_run_time is not None and when < job.next_run_time:
            job.modify(next_run_time=when)

    def start(self) -> None:
        """Start running the jobs; call it in a running event loop."""
        self.scheduler.start()

    async def stop(self, grace: float = 5.0) -> None:
        """No new runs; wait up to `grace` seconds for the running ones, then cancel them."""
        if self.scheduler.running:
            self.scheduler.shutdown(wait=False)
        running = set(self._running)
        if not running:
            return
        _, late = await asyncio.wait(running, timeout=grace)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)


def build_scheduler(tick: Tick, tick_seconds: float, clock: Clock = utc_now) -> Ticks:
    """The polling tick (poll due feeds, then enrich) every `tick_seconds`; start it in a loop."""
    ticks = Ticks(clock)
    ticks.add(POLL_JOB_ID, tick, tick_seconds)
    return ticks
