"""CPU-heavy work off the event loop: a process pool that is rebuilt if a worker dies."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Mapping
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import datetime
from typing import Any, TypeVar

from .errors import FetchError
from .lifeline import die_with_parent
from .models import ParsedFeed
from .parsing import parse_document

log = logging.getLogger(__name__)
T = TypeVar("T")
WORKER_NICENESS = 10


def default_worker_count(configured: int) -> int:
    return configured or max(1, min(os.cpu_count() or 1, 4))


class WorkerPool:
    """Runs pure functions in worker processes so the event loop stays responsive."""

    def __init__(self, workers: int, *, factory: Callable[[int], Executor] | None = None) -> None:
        self._workers = workers
        self._factory = factory or _process_pool
        self._executor: Executor | None = None

    async def run(self, function: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            self._executor = self._factory(self._workers)
        loop = asyncio.get_running_loop()
        try:
            return await loop.run_in_executor(self._executor, function, *args)
        except BrokenProcessPool as exc:
            log.error("a worker process died; starting a new pool")
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None
            raise FetchError("worker-crash", "the document crashed the worker parsing it") from exc

    async def parse(self, body: bytes, headers: Mapping[str, str], url: str,
                    fetched_at: datetime) -> ParsedFeed:
        return await self.run(parse_document, body, dict(headers), url, fetched_at)

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None


def _process_pool(workers: int) -> Executor:
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["digests.lifeline"])
    return ProcessPoolExecutor(max_workers=workers, initializer=_lower_priority, mp_context=context)


def _lower_priority() -> None:
    """Parsing is background work: when cores are scarce, the event loop's process goes first.

    On Linux a worker also dies with the process that forked it: a bot killed with SIGKILL
    must not leave workers grinding through a batch nobody will collect."""
    with contextlib.suppress(OSError):
        os.nice(WORKER_NICENESS)
    die_with_parent()
