"""CPU-heavy work off the event loop: a process pool that is rebuilt if a worker dies or sticks.

The pool is generic: it runs the pure functions it is handed, and imports the modules it is told
to warm in each new worker. A job may have a time limit (every parse has one). A job
that runs past it cannot be stopped inside its worker, so the whole pool is retired: new jobs go
to a fresh pool, and the old pool's processes are killed at once. A job of another feed that was
running or waiting in the killed pool is not that feed's fault: it is run again in the fresh
pool. A time limit counts a job's own running time, not time spent queueing behind others.

Memory: a worker hands back to the system the heap a big job left free (`heap.give_back`), so
that it stays near its start-up size between large documents instead of at the size of the
largest it has read: parsing the 200 real feeds one after the other left a worker at 57 MiB
without it, 37 MiB with it (34-35 MiB at start; bench/memory_breakdown.py --only documents).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import os
import threading
import weakref
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, TypeVar

from digests.errors import FetchError
from digests.runtime.in_worker import InWorker, run_job, start_worker

log = logging.getLogger(__name__)
T = TypeVar("T")
__all__ = ["InWorker", "WorkerPool", "default_worker_count"]


def default_worker_count(configured: int) -> int:
    return configured or max(1, min(os.cpu_count() or 1, 4))


class WorkerPool:
    """Runs pure functions in worker processes so the event loop stays responsive."""

    def __init__(self, workers: int, *, warm: Sequence[str] = (), memory_limit: int | None = None,
                 factory: Callable[[int], Executor] | None = None) -> None:
        """`warm` names the modules every new worker imports before its first job, so that a
        first job does not pay for a slow import.
        `memory_limit` caps each worker's address space, in bytes: a job that needs more
        fails with MemoryError in its worker instead of exhausting the machine."""
        self._workers = workers
        self._factory = factory or partial(_process_pool, warm=tuple(warm), memory_limit=memory_limit)
        self._executor: Executor | None = None
        self._killed: weakref.WeakSet[Executor] = weakref.WeakSet()
        self._handed: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}
        self._timed: dict[asyncio.AbstractEventLoop, asyncio.Semaphore] = {}

    async def run(self, function: Callable[..., T], *args: Any, time_limit: float | None = None,
                  timed_out: Callable[[], FetchError] | None = None) -> T:
        """`function(*args)` in a worker. Past `time_limit` seconds of running it fails with
        `timed_out()` (by default FetchError "worker-timeout"), and the stuck worker is killed."""
        return await self._run(function, args, time_limit, timed_out or (
            lambda: FetchError("worker-timeout", f"the work took longer than {time_limit:g} s")))

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    async def _run(self, function: Callable[..., T], args: tuple[Any, ...],
                   time_limit: float | None, timed_out: Callable[[], FetchError]) -> T:
        for _attempt in range(2):
            async with self._slot(self._handed, 2):
                if self._executor is None:
                    self._executor = self._factory(self._workers)
                executor = self._executor
                future = asyncio.get_running_loop().run_in_executor(executor, run_job, function, *args)
                try:
                    async with self._slot(self._timed, 1):
                        return await asyncio.wait_for(future, time_limit)
                except TimeoutError as exc:
                    if not future.cancelled():
                        raise  # the job's own TimeoutError, not its time limit
                    log.error("a job ran past its %g s limit; killing its pool", time_limit)
                    self._retire(executor, kill=True)
                    raise timed_out() from exc
                except asyncio.CancelledError:
                    task = asyncio.current_task()
                    if executor in self._killed and task is not None and not task.cancelling():
                        continue  # not yet started when its pool was killed: run it again
                    raise
                except BrokenProcessPool as exc:
                    if executor in self._killed:
                        continue  # killed for another job's sake: run this one again
                    log.error("a worker process died; starting a new pool")
                    self._retire(executor, kill=False)
                    raise FetchError("worker-crash",
                                     "the job crashed the worker process running it") from exc
        raise FetchError("worker-crash", "the worker pool was stopped twice while running this")

    def _slot(self, slots: dict[asyncio.AbstractEventLoop, asyncio.Semaphore],
              per_worker: int) -> asyncio.Semaphore:
        """`per_worker` places per worker, for the running event loop (a semaphore belongs to
        the loop it first waits in). Two places per worker are handed to the pool, so a worker
        that finishes finds its next job waiting instead of waiting for the event loop; one
        place per worker is timed, and the pool runs jobs in the order they were handed to it,
        so the jobs being timed are the ones running: a time limit counts a job's own running
        time, never its wait behind another."""
        loop = asyncio.get_running_loop()
        if loop not in slots:
            slots.clear()
            slots[loop] = asyncio.Semaphore(max(1, self._workers) * per_worker)
        return slots[loop]

    def _retire(self, executor: Executor, *, kill: bool) -> None:
        if self._executor is executor:
            self._executor = None
        if kill:
            self._killed.add(executor)
            _kill_workers(executor)
        else:
            executor.shutdown(wait=False, cancel_futures=True)


def _kill_workers(executor: Executor) -> None:
    """Shut `executor` down without waiting, and kill its worker processes if it has any.

    Python 3.14 has `ProcessPoolExecutor.kill_workers`; before it, the processes are only in the
    private `_processes` mapping, which every version since 3.2 has (and which `shutdown`
    clears, hence it is read first). An executor of threads is only shut down."""
    kill = getattr(executor, "kill_workers", None)
    if callable(kill):
        kill()
        return
    processes = list((getattr(executor, "_processes", None) or {}).values())
    executor.shutdown(wait=False)  # jobs not yet started fail as the killed pool breaks
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.kill()


def _process_pool(workers: int, *, warm: tuple[str, ...] = (),
                  memory_limit: int | None = None) -> Executor:
    # Workers are spawned (a fresh interpreter each), not forked from a fork server: the fork
    # server is one more process of 14 MiB held for the bot's life, and forking from it saves
    # nothing when it preloads nothing heavy (bench/memory_breakdown.py --only pools). A pool
    # starts its workers from the thread that hands it work, here the event loop's.
    context = multiprocessing.get_context("spawn")
    started_by_main_thread = threading.current_thread() is threading.main_thread()
    return ProcessPoolExecutor(
        max_workers=workers, initializer=start_worker, mp_context=context,
        initargs=(warm, memory_limit, os.getpid(), started_by_main_thread))
