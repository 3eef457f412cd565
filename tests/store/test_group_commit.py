"""Rows written together (`GroupCommit`): who waits for what, and what a failure reaches."""

from __future__ import annotations

import asyncio

import pytest

from digests.errors import StorageError
from digests.store.connection import GroupCommit, Rows


class Recorder:
    def __init__(self, fail_on: set[int] | None = None) -> None:
        self.groups: list[list[int]] = []
        self.fail_on = fail_on or set()
        self.gate = asyncio.Event()
        self.gate.set()

    async def write(self, rows: Rows) -> None:
        await self.gate.wait()
        self.groups.append([row["n"] for row in rows])
        if self.fail_on & {row["n"] for row in rows}:
            raise RuntimeError("disk full")


async def test_rows_arriving_while_one_group_is_written_form_the_next() -> None:
    recorder = Recorder()
    recorder.gate.clear()
    commit = GroupCommit(recorder.write)
    first = asyncio.create_task(commit.add({"n": 0}))
    await asyncio.sleep(0)  # the writer has taken row 0 and waits at the gate
    rest = [asyncio.create_task(commit.add({"n": n})) for n in range(1, 6)]
    await asyncio.sleep(0)
    recorder.gate.set()
    await asyncio.gather(first, *rest)
    assert recorder.groups == [[0], [1, 2, 3, 4, 5]]


async def test_a_failed_group_fails_its_callers_only_and_the_next_group_is_written() -> None:
    recorder = Recorder(fail_on={0})
    recorder.gate.clear()
    commit = GroupCommit(recorder.write)
    first = asyncio.create_task(commit.add({"n": 0}))
    await asyncio.sleep(0)
    later = asyncio.create_task(commit.add({"n": 1}))
    recorder.gate.set()
    with pytest.raises(RuntimeError, match="disk full"):
        await first
    await later
    assert recorder.groups == [[0], [1]]
    await commit.add({"n": 2})  # a new writer once the old one ended
    assert recorder.groups[-1] == [2]


async def test_a_caller_that_gives_up_leaves_its_row_to_be_written() -> None:
    recorder = Recorder()
    recorder.gate.clear()
    commit = GroupCommit(recorder.write)
    caller = asyncio.create_task(commit.add({"n": 7}))
    await asyncio.sleep(0)
    caller.cancel()
    recorder.gate.set()
    await asyncio.sleep(0.01)
    assert caller.cancelled() and recorder.groups == [[7]]


@pytest.mark.parametrize("started", [False, True])
async def test_a_writer_stopped_tells_everyone_waiting(started: bool) -> None:
    recorder = Recorder()
    recorder.gate.clear()
    commit = GroupCommit(recorder.write)
    callers = [asyncio.create_task(commit.add({"n": n})) for n in range(3)]
    await asyncio.sleep(0)
    if started:  # the writer holds rows 0-2 at the gate; row 3 waits for the next group
        await asyncio.sleep(0)
        callers.append(asyncio.create_task(commit.add({"n": 3})))
        await asyncio.sleep(0)
    writer = commit._writer
    assert writer is not None
    writer.cancel()
    for caller in callers:
        with pytest.raises(StorageError, match="stopped before"):
            await caller
    recorder.gate.set()
    await commit.add({"n": 9})  # and the next row has a writer again
    assert recorder.groups == [[9]]
