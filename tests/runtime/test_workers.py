"""The worker pool: work runs in other processes, and a dead worker costs one task, not the pool."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import pytest

from digests.errors import FetchError
from digests.runtime import heap
from digests.runtime.workers import InWorker, WorkerPool


@pytest.fixture
def pool() -> WorkerPool:
    workers = WorkerPool(1)
    yield workers  # type: ignore[misc]
    workers.close()


async def test_work_runs_in_another_process_at_a_lower_priority(pool: WorkerPool) -> None:
    """Work happens in a worker process, at a lower priority than the event loop's."""
    assert await pool.run(os.getpid) != os.getpid()
    assert await pool.run(os.nice, 0) >= os.nice(0) + 1


async def test_workers_start_warm() -> None:
    """A new worker has the modules it was told to warm imported before its first job."""
    workers = WorkerPool(1, warm=("json", "digests.feeds.parsing"))
    try:
        assert await workers.run(_imported, ("json", "digests.feeds.parsing"))
    finally:
        workers.close()


async def test_a_dead_worker_is_replaced(pool: WorkerPool) -> None:
    """A worker that dies mid-task fails that task only; the next task gets a new pool."""
    with pytest.raises(FetchError) as caught:
        await pool.run(os._exit, 1)
    assert caught.value.kind == "worker-crash"
    assert await pool.run(len, "still working") == 13


def _imported(names: tuple[str, ...]) -> bool:
    return all(name in sys.modules for name in names)


async def _gone(pid: int, within: float = 5.0) -> bool:
    """Whether process `pid` has ended (or is a zombie waiting to be reaped) within `within` s."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except FileNotFoundError:
            return True
        if state in ("Z", "X"):
            return True
        await asyncio.sleep(0.05)
    return False


async def test_a_stuck_job_is_stopped_and_its_worker_killed(pool: WorkerPool) -> None:
    """A job running past its time limit fails with a clear reason at the limit, its worker
    process is killed, and the next job runs in a new pool."""
    stuck = await pool.run(os.getpid)
    started = time.monotonic()
    with pytest.raises(FetchError) as caught:
        await pool.run(time.sleep, 60, time_limit=0.5)
    assert time.monotonic() - started < 0.5 + 1.0
    assert caught.value.kind == "worker-timeout"
    assert str(caught.value) == "the work took longer than 0.5 s"
    assert await _gone(stuck)
    assert await pool.run(len, "still working") == 13
    assert await pool.run(os.getpid) != stuck


async def test_other_jobs_survive_a_killed_pool() -> None:
    """A job that was running beside the stuck one in the killed pool is run again in the new
    pool: another feed does not fail for it."""
    workers = WorkerPool(2)
    try:
        await asyncio.gather(workers.run(time.sleep, 0.3), workers.run(time.sleep, 0.3))
        stuck, innocent = await asyncio.gather(
            workers.run(time.sleep, 60, time_limit=1.0), workers.run(_sleep_then, 1.5, "done"),
            return_exceptions=True)
        assert isinstance(stuck, FetchError) and stuck.kind == "worker-timeout"
        assert innocent == "done"
    finally:
        workers.close()


def _sleep_then(seconds: float, result: str) -> str:
    time.sleep(seconds)
    return result


async def test_a_time_limit_counts_running_time_not_the_wait(pool: WorkerPool) -> None:
    """Jobs handed to a busy pool wait for the worker without their clock running: each of
    these takes 0.3 s of its 0.9 s limit, behind others that take the same (1.2 s in all)."""
    await pool.run(len, "the worker is started")
    results = await asyncio.gather(*(pool.run(_sleep_then, 0.3, n, time_limit=0.9)
                                     for n in range(4)))
    assert results == [0, 1, 2, 3]


async def test_jobs_waiting_in_a_killed_pool_run_again(pool: WorkerPool) -> None:
    """The job waiting behind a stuck one in a one-worker pool runs in the fresh pool."""
    stuck, waiting = await asyncio.gather(
        pool.run(time.sleep, 60, time_limit=0.5), pool.run(_sleep_then, 0.1, "done"),
        return_exceptions=True)
    assert isinstance(stuck, FetchError) and stuck.kind == "worker-timeout"
    assert waiting == "done"


def _allocate(megabytes: int) -> int:
    return len(bytearray(megabytes * 1024 * 1024))


async def test_a_job_past_the_memory_limit_fails_alone() -> None:
    """A worker's address space is capped: a job that needs more fails with MemoryError,
    and the next job runs."""
    workers = WorkerPool(1, memory_limit=300 * 1024 * 1024)
    try:
        with pytest.raises(MemoryError):
            await workers.run(_allocate, 600)
        assert await workers.run(_allocate, 10) == 10 * 1024 * 1024
    finally:
        workers.close()


_kept: list[bytes] = []


def _fragment(megabytes: int) -> int:
    """Fill the heap with 2 KiB strings and free them, keeping one of every 512 alive (as a
    parsed document leaves a few objects behind): glibc cannot shrink such a heap by itself.
    Returns the worker's resident size, in bytes, once they are freed."""
    pieces = [bytes(2048) for _ in range(megabytes * 512)]
    _kept.extend(pieces[511::512])
    del pieces
    return heap.resident_bytes()


async def test_a_worker_hands_back_what_a_large_job_left_free() -> None:
    """After a job that filled 96 MiB of heap and freed nearly all of it, the worker is back
    near its size before the job instead of staying at its largest."""
    workers = WorkerPool(1)
    try:
        await workers.run(_fragment, 0)  # this module (pytest and all) imported in the worker first
        before = await workers.run(heap.resident_bytes)
        left = await workers.run(_fragment, 96)
        after = await workers.run(heap.resident_bytes)
        assert left - before > 80 * 1024 * 1024  # the job's freed heap was still held ...
        assert after - before < 16 * 1024 * 1024  # ... and was handed back after it
    finally:
        workers.close()



_HOLDER = """
import asyncio, os, sys, threading
from digests.runtime.workers import InWorker, WorkerPool

pools = []

async def start_one():
    pool = WorkerPool(1)
    pools.append(pool)
    return await pool.run(os.getpid)

from_thread = []
thread = threading.Thread(target=lambda: from_thread.append(asyncio.run(start_one())))
thread.start()
thread.join()
print(asyncio.run(start_one()), from_thread[0], flush=True)
sys.stdin.read()
"""


async def test_workers_end_with_the_process_that_started_them() -> None:
    """A bot killed with SIGKILL leaves no worker behind, whichever thread started the worker;
    and a worker started from a thread that has ended lives on while its process does."""
    holder = await asyncio.create_subprocess_exec(
        sys.executable, "-c", _HOLDER, stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE)
    assert holder.stdout is not None
    async with asyncio.timeout(60):
        line = await holder.stdout.readline()
    from_main, from_thread = (int(pid) for pid in line.split())
    assert not await _gone(from_thread, within=1.5)  # its thread ended long ago
    holder.kill()
    await holder.wait()
    assert await _gone(from_main) and await _gone(from_thread)


async def test_a_named_function_is_imported_only_where_it_runs(pool: WorkerPool) -> None:
    """`InWorker` hands the pool a function by its module and name: it runs in the worker,
    and its module is never imported by the process that handed it over."""
    assert "tabnanny" not in sys.modules
    said = await pool.run(InWorker("tabnanny", "format_witnesses"), [(1,), (2,)])
    assert said == "at tab sizes 1, 2"
    assert "tabnanny" not in sys.modules
