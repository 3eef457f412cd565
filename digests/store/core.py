"""The one store: every read and write of Newsdesk's data goes through a named method here.

SQLAlchemy Core over an async engine; SQLite (WAL) by default. `Store` joins the query groups
(feeds, follows, items, news, servers) and owns the lifecycle: connecting, upgrading the schema,
closing. Rows never leave the store: callers get frozen values from the ground.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from digests.errors import StorageError
from digests.store import integrity, migrations
from digests.store.connection import BUSY_TIMEOUT_MS
from digests.store.feeds import FeedQueries
from digests.store.follows import FollowQueries
from digests.store.items import ItemQueries
from digests.store.news import NewsQueries
from digests.store.retention import RetentionQueries
from digests.store.servers import ServerQueries


def async_database_url(url: str) -> str:
    """The SQLAlchemy URL with its async driver: sqlite → aiosqlite, postgresql → asyncpg."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
    if url.startswith("postgresql://"):
        return "postgresql+asyncpg://" + url.removeprefix("postgresql://")
    return url


class Store(FeedQueries, FollowQueries, ItemQueries, NewsQueries, ServerQueries, RetentionQueries):
    """Feeds, follows, items, fetch history, what was read from items and what servers keep."""

    @classmethod
    async def open(cls, url: str) -> Store:
        """Connect and upgrade the schema to the latest version."""
        try:
            engine = create_async_engine(async_database_url(url))
        except ModuleNotFoundError as exc:
            raise StorageError(f"the database driver for {url.split(':', 1)[0]} is not installed "
                               f"({exc.name}); PostgreSQL support is not available yet") from exc
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            _prepare_sqlite(engine, url)
        try:
            await migrations.upgrade(engine)
            if sqlite:
                await integrity.check_at_start(engine, url.split("///", 1)[-1])
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine)

    async def close(self) -> None:
        await self._engine.dispose()

    async def check_whole_file(self) -> str | None:
        """A full check of a SQLite file (seconds on a large one): None when it is sound,
        otherwise what is wrong and what to do. Nothing to check on PostgreSQL."""
        if self._engine.dialect.name != "sqlite":
            return None
        return await integrity.full_check(self._engine, _file_name(str(self._engine.url)))


def _file_name(url: str) -> str:
    path = url.split("///", 1)[-1]
    return Path(path).name or path


def _prepare_sqlite(engine: AsyncEngine, url: str) -> None:
    path = url.split("///", 1)[-1]
    if path and path != ":memory:":
        try:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError(f"the folder of the database {path} cannot be created: "
                               f"{exc.strerror or exc}") from exc

    @event.listens_for(engine.sync_engine, "connect")
    def _pragmas(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cursor.close()

    name = _file_name(url)

    @event.listens_for(engine.sync_engine, "handle_error")
    def _plain(context: Any) -> None:
        """SQLite's failures an operator can act on, as a StorageError that says what to do."""
        found = str(context.original_exception).lower()
        for needle, meaning in _SQLITE_FAILURES:
            if needle in found:
                raise StorageError(f"the database {name} {meaning} "
                                   f"(SQLite: {context.original_exception})") from context.original_exception


_SQLITE_FAILURES = (
    ("database is locked", "is locked by another program: stop the program that holds it "
                           "(another Newsdesk, a backup, a SQLite shell), then try again"),
    ("database table is locked", "is locked by another program: stop the program that holds it, "
                                 "then try again"),
    ("database or disk is full", "cannot grow: the disk is full; free some space, then try again "
                                 "(the change that failed was rolled back, nothing stored before is lost)"),
    ("disk i/o error", "could not be read or written (the disk may be full or failing); "
                       "free some space or check the disk, then try again"),
    ("readonly database", "is read-only: let Newsdesk write to the file and its folder"),
    ("unable to open database file", "cannot be opened: check that its folder exists and is writable"),
    ("file is not a database", "is not a SQLite database, or is damaged: restore it from a backup "
                               "or point [storage] url at another file"),
    ("database disk image is malformed", "is damaged: restore it from a backup"),
)
