"""What every part of the store shares: the engine, and write transactions that take turns."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

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
