"""The worker pool: work runs in other processes, and a dead worker costs one task, not the pool."""

from __future__ import annotations

import os

import pytest

from digests.errors import FetchError
from digests.workers import WorkerPool

from conftest import NOW, fixture_bytes


@pytest.fixture
def pool() -> WorkerPool:
    workers = WorkerPool(1)
    yield workers  # type: ignore[misc]
    workers.close()


async def test_parsing_runs_in_another_process(pool: WorkerPool) -> None:
    """Parsing happens in a worker process, at a lower priority than the event loop's."""
    assert await pool.run(os.getpid) != os.getpid()
    assert await pool.run(os.nice, 0) >= os.nice(0) + 1
    parsed = await pool.parse(fixture_bytes("atom.xml"), {}, "https://monitor.example/", NOW)
    assert len(parsed.entries) == 2


async def test_a_dead_worker_is_replaced(pool: WorkerPool) -> None:
    """A worker that dies mid-task fails that task only; the next task gets a new pool."""
    with pytest.raises(FetchError) as caught:
        await pool.run(os._exit, 1)
    assert caught.value.kind == "worker-crash"
    assert await pool.run(len, "still working") == 13
