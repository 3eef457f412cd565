"""What every part of the store shares: the engine, and write transactions that take turns."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from digests.errors import StorageError

BUSY_TIMEOUT_MS = 5000
"""How long a SQLite connection waits for another's write lock before it fails."""


class Queries:
    """The base of the store's query groups (feeds, items, news, servers); `Store` joins them."""

    def __init__(self, engine: AsyncEngine) -> None:
        self._engine = engine
        self._write_lock = asyncio.Lock()

    @asynccontextmanager
    async def _begin(self) -> AsyncIterator[AsyncConnection]:
        """A write transaction. Writes take turns: SQLite has one writer, and a transaction
        that reads and then writes would otherwise fail with "database is locked"."""
        async with self._write_lock, self._engine.begin() as conn:
            yield conn


Rows = list[dict[str, Any]]


class GroupCommit:
    """Rows of one statement written together: each caller waits for the transaction that
    holds its row, and rows that arrive while one is written go into the next. Thousands of
    feeds answering 304 a minute cost a transaction per burst instead of one per feed."""

    def __init__(self, write: Callable[[Rows], Awaitable[None]]) -> None:
        self._write = write
        self._waiting: list[tuple[dict[str, Any], asyncio.Future[None]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def add(self, row: dict[str, Any]) -> None:
        """Returns once the row is written; raises what writing its group raised."""
        done = asyncio.get_running_loop().create_future()
        self._waiting.append((row, done))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_groups(), name="group commit")
            self._writer.add_done_callback(self._writer_ended)
        await done  # a caller that gives up cancels only its wait: the row is written anyway

    async def _write_groups(self) -> None:
        try:
            while self._waiting:
                group, self._waiting = self._waiting, []
                try:
                    await self._write([row for row, _ in group])
                except asyncio.CancelledError:
                    self._waiting = group + self._waiting
                    raise
                except Exception as exc:
                    _settle(group, exc)
                else:
                    _settle(group, None)
        finally:
            self._writer = None

    def _writer_ended(self, writer: asyncio.Task[None]) -> None:
        """A writer cancelled (the loop closing), even before it began: nobody waits forever."""
        if self._writer is writer:
            self._writer = None
        if writer.cancelled() and self._writer is None:  # rows a successor holds are its own
            waiting, self._waiting = self._waiting, []
            _settle(waiting, StorageError("the store stopped before this write was done"))


def _settle(group: list[tuple[dict[str, Any], asyncio.Future[None]]],
            error: Exception | None) -> None:
    for _, done in group:
        if done.done():
            continue
        if error is None:
            done.set_result(None)
        else:
            done.set_exception(error)
