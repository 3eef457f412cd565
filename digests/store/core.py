"""The one store: every read and write of Newsdesk's data goes through a named method here.

SQLAlchemy Core over an async engine: SQLite (WAL, one process: `filelock`) by default, or
PostgreSQL (asyncpg, the `postgresql` extra). `Store` joins the query groups (feeds, follows,
items, news, servers, retention, shared work) and owns the lifecycle: connecting, upgrading the
schema (`migrations`), closing. A database that cannot be used is `DatabaseUnavailable`, one
sentence without the password (`problems`). Rows never leave the store: callers get frozen
values from the ground.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine

from digests.config import redacted_url
from digests.errors import DatabaseUnavailable, StorageError
from digests.store import integrity, migrations
from digests.store.connection import BUSY_TIMEOUT_MS
from digests.store.feeds import FeedQueries
from digests.store.filelock import SingleProcessLock
from digests.store.follows import FollowQueries
from digests.store.items import ItemQueries
from digests.store.news import NewsQueries
from digests.store.problems import plain_failure, server_of
from digests.store.retention import RetentionQueries
from digests.store.servers import ServerQueries
from digests.store.shards import ShardQueries
from digests.store.shared import SharedWorkQueries


def async_database_url(url: str) -> str:
    """The SQLAlchemy URL with its async driver: sqlite → aiosqlite, postgresql → asyncpg."""
    if url.startswith("sqlite:///"):
        return "sqlite+aiosqlite:///" + url.removeprefix("sqlite:///")
    if url.startswith("postgresql://"):
        return "postgresql+asyncpg://" + url.removeprefix("postgresql://")
    return url


DRIVERS = {"postgresql": ("asyncpg", "postgresql")}
"""The driver each database needs beyond the base install, and the extra that installs it."""
CONNECT_TIMEOUT_SECONDS = 10
SQLITE_CACHED_STATEMENTS = 16
"""Prepared statements each SQLite connection keeps (sqlite3's default: 128)."""


def storage_problem(url: str) -> str | None:
    """What stops Newsdesk from using `url` before it even connects (a driver that is not
    installed), as a plain sentence; None when nothing does. For `check-config`."""
    scheme = url.split(":", 1)[0].split("+", 1)[0]
    if scheme in DRIVERS:
        module, extra = DRIVERS[scheme]
        if importlib.util.find_spec(module) is None:
            return (f"the {scheme} database driver ({module}) is not installed: "
                    f'pip install ".[{extra}]" (or pip install {module})')
    return None


def shown_url(url: str) -> str:
    """`url` fit for messages and logs: its password, if any, replaced by ***."""
    return redacted_url(url)


class Store(FeedQueries, FollowQueries, ItemQueries, NewsQueries, ServerQueries, RetentionQueries,
            SharedWorkQueries, ShardQueries):
    """Feeds, follows, items, fetch history, what was read from items and what servers keep."""

    _lock: SingleProcessLock | None = None

    @classmethod
    async def open(cls, url: str, *, upgrade_apart: bool = False) -> Store:
        """Connect and upgrade the schema to the latest version. Raises `DatabaseUnavailable`
        (one sentence, no password) when the database cannot be used now. `upgrade_apart`:
        an upgrade runs in a child process, keeping Alembic out of this one (a long-running
        bot's); a database in memory is always upgraded here."""
        problem = storage_problem(url)
        if problem:
            raise DatabaseUnavailable(problem)
        lock = _single_process_lock(url)
        try:
            engine = engine_for(url)
        except BaseException:
            if lock:
                lock.release()
            raise
        try:
            if upgrade_apart and not _in_memory(url):
                await migrations.upgrade_in_child(engine, url)
            await migrations.upgrade(engine)  # nothing left to do after the child: one query
            if engine.dialect.name == "sqlite":
                await integrity.check_at_start(engine, url.split("///", 1)[-1])
        except BaseException as exc:
            await engine.dispose()
            if lock:
                lock.release()
            failure = plain_failure(exc, url)
            if failure is not None:
                raise failure from None  # the driver's text may quote the URL, password and all
            raise
        store = cls(engine)
        store._lock = lock
        return store

    async def close(self) -> None:
        await self._engine.dispose()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    async def check_whole_file(self) -> str | None:
        """A full check of a SQLite file (seconds on a large one): None when it is sound,
        otherwise what is wrong and what to do. Nothing to check on PostgreSQL."""
        if self._engine.dialect.name != "sqlite":
            return None
        return await integrity.full_check(self._engine, _file_name(str(self._engine.url)))


def _in_memory(url: str) -> bool:
    """A SQLite database with no file: "sqlite://", "sqlite:///:memory:"."""
    return url.startswith("sqlite") and url.partition("///")[2] in ("", ":memory:")


def engine_for(url: str) -> AsyncEngine:
    """The engine for a [storage] url, with each backend's settings and plain failures (no
    lock, no upgrade: `Store.open` adds those)."""
    try:
        if url.startswith(("postgresql://", "postgresql+asyncpg://")):
            # No ping before each use (a round trip per query): a connection the server
            # dropped fails once, as DatabaseUnavailable, and the pool then makes new ones.
            engine = create_async_engine(
                async_database_url(url), connect_args={"timeout": CONNECT_TIMEOUT_SECONDS})
            _prepare_postgresql(engine, url)
            return engine
        # sqlite3 keeps 128 prepared statements per connection; a multi-row INSERT of each
        # batch size is one, and 128 of them held 13 MiB of the bot after 1,000 feeds' polls.
        engine = create_async_engine(async_database_url(url),
                                     connect_args={"cached_statements": SQLITE_CACHED_STATEMENTS})
    except ModuleNotFoundError as exc:
        raise DatabaseUnavailable(f"the database driver for {url.split(':', 1)[0]} is not "
                                  f"installed ({exc.name})") from None
    if engine.dialect.name == "sqlite":
        _prepare_sqlite(engine, url)
    return engine


def _single_process_lock(url: str) -> SingleProcessLock | None:
    """SQLite serves one Newsdesk process: the file's lock, held while the store is open."""
    if not url.startswith(("sqlite:///", "sqlite+aiosqlite:///")):
        return None
    path = url.split("///", 1)[-1]
    if not path or path == ":memory:":
        return None
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(f"the folder of the database {path} cannot be created: "
                           f"{exc.strerror or exc}") from exc
    return SingleProcessLock.take(Path(path))


def _prepare_postgresql(engine: AsyncEngine, url: str) -> None:
    server = server_of(url)

    @event.listens_for(engine.sync_engine, "handle_error")
    def _plain(context: Any) -> None:
        """A connection lost or refused while running, as one sentence without the URL."""
        if context.is_disconnect or isinstance(context.original_exception, OSError):
            raise DatabaseUnavailable(
                f"the connection to the PostgreSQL server at {server} was lost: "
                "check that the server runs; Newsdesk will reconnect") from None


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
