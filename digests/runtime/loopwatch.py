"""How late the event loop wakes up: the measure of "CPU work never runs on the loop".

A task sleeps a short interval and notes how much later than asked it woke. Lags over a
threshold are logged as they happen (something blocked the loop: a bug to find), and the
largest is kept for the shutdown log and the benchmarks.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Callable

log = logging.getLogger(__name__)


class LoopWatch:
    def __init__(self, *, interval: float = 0.05, warn_after: float = 0.25,
                 on_lag: Callable[[float], None] | None = None) -> None:
        """`on_lag` hears every measured lag, in seconds (the metrics' histogram)."""
        self.interval = interval
        self._on_lag = on_lag
        self.warn_after = warn_after
        self.largest = 0.0
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        self._task = asyncio.get_running_loop().create_task(self._watch())

    async def stop(self) -> float:
        """Stop watching; returns the largest lag seen, in seconds."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        return self.largest

    async def _watch(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(self.interval)
            lag = time.perf_counter() - before - self.interval
            if lag > self.warn_after:
                log.warning("the event loop was blocked for %.0f ms", lag * 1000)
            self.largest = max(self.largest, lag)
            if self._on_lag is not None:
                self._on_lag(lag)
