"""The recurring jobs: an interval at most, sooner when a tick asks for it or a job is nudged."""

from __future__ import annotations

import asyncio
import itertools
from datetime import UTC, datetime, timedelta

from digests.runtime.scheduling import SOONEST, Ticks

HOUR = 3600


async def test_a_tick_that_names_its_next_run_runs_then() -> None:
    """A tick returning a time runs again then, not an interval later, and never sooner than
    SOONEST after it ended (a time in the past does not make it spin)."""
    runs: list[float] = []
    third = asyncio.Event()

    async def tick(_: datetime) -> datetime:
        runs.append(asyncio.get_running_loop().time())
        if len(runs) == 3:
            third.set()
        return datetime.now(UTC) - timedelta(hours=1)  # already past: SOONEST applies

    ticks = Ticks()
    ticks.add("job", tick, HOUR)
    ticks.start()
    try:
        await asyncio.wait_for(third.wait(), 10)
    finally:
        await ticks.stop()
    gaps = [later - earlier for earlier, later in itertools.pairwise(runs)]
    assert all(SOONEST.total_seconds() - 0.05 <= gap < 5 for gap in gaps), gaps


async def test_a_nudge_runs_the_job_soon_and_once_more_after_a_running_one() -> None:
    """Nudged, an hourly job runs within the seconds asked; nudged while it runs, it runs once
    more when it ends, however many nudges came meanwhile."""
    runs: asyncio.Queue[int] = asyncio.Queue()
    finish = asyncio.Event()
    count = 0

    async def tick(_: datetime) -> None:
        nonlocal count
        count += 1
        runs.put_nowait(count)
        if count == 2:
            await finish.wait()

    ticks = Ticks()
    ticks.add("job", tick, HOUR)
    ticks.start()
    try:
        async with asyncio.timeout(10):
            assert await runs.get() == 1  # at start
            ticks.nudge("job", 0.1)
            assert await runs.get() == 2  # long before the hour
            for _ in range(5):
                ticks.nudge("job")  # while it runs: one more run, not five
            finish.set()
            assert await runs.get() == 3
        await asyncio.sleep(SOONEST.total_seconds() + 0.5)
        assert runs.empty()
    finally:
        await ticks.stop()


async def test_nudging_an_unknown_or_stopped_job_does_nothing() -> None:
    ticks = Ticks()
    ticks.nudge("nothing")
    ticks.add("job", _nothing, HOUR)
    ticks.nudge("job")  # not started: the first run comes at start anyway
    assert ticks.scheduler.get_job("job") is not None


async def _nothing(_: datetime) -> None:
    return None
