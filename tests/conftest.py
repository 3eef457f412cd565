"""Shared fixtures: a loopback feed server, a store on each backend (a SQLite file in a
temporary folder; a database of its own on a throw-away PostgreSQL cluster), a fetcher."""

from __future__ import annotations

import asyncio
import concurrent.futures
import os
import sys
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import event
from sqlalchemy.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from digests.config import NetworkConfig  # noqa: E402
from digests.feeds.addresses import connector_for  # noqa: E402
from digests.feeds.fetching import Fetcher  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store import migrations  # noqa: E402
from digests.store.core import Store  # noqa: E402

import pg  # noqa: E402
from feedserver import FeedServer  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
NOW = datetime(2022, 3, 3, 12, 0, tzinfo=UTC)


# A DTD whose entity &lol9; would expand to a thousand million "lol"s ("billion laughs").
LAUGHS_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
"""


@contextmanager
def page_limit(pages: int) -> Iterator[None]:
    """Every SQLite connection opened in the block may grow its file to `pages` pages only:
    past that, a write fails with SQLITE_FULL, as on a full disk."""
    def limit(dbapi_connection: Any, _record: Any) -> None:
        cursor = dbapi_connection.cursor()
        cursor.execute(f"PRAGMA max_page_count={pages}")
        cursor.close()

    event.listen(Engine, "connect", limit)
    try:
        yield
    finally:
        event.remove(Engine, "connect", limit)


def fixture_bytes(name: str) -> bytes:
    return (FIXTURES / "feeds" / name).read_bytes()


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    """One worker process per test module that enriches stores (a module may ask for more)."""
    pool = WorkerPool(1)
    yield pool
    pool.close()


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.stop()


def chosen_backends() -> list[str]:
    """The backends the store's tests run on: NEWSDESK_TEST_BACKENDS (comma-separated), by
    default both; PostgreSQL is skipped with the reason when no server can be started, except
    in CI, where that fails the run."""
    named = os.environ.get("NEWSDESK_TEST_BACKENDS", "sqlite,postgresql")
    chosen = [b.strip() for b in named.split(",") if b.strip()]
    unknown = set(chosen) - {"sqlite", "postgresql"}
    if unknown or not chosen:
        raise pytest.UsageError(f"NEWSDESK_TEST_BACKENDS: unknown backend {sorted(unknown)}; "
                                "use sqlite, postgresql or both")
    return chosen


BACKENDS = chosen_backends()
needs_postgresql = pytest.mark.skipif("postgresql" not in BACKENDS,
                                      reason="PostgreSQL not among NEWSDESK_TEST_BACKENDS")
TEMPLATE = "newsdesk_template"


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """The URL of a PostgreSQL server's maintenance database (`postgres`) with the right to
    create databases: NEWSDESK_TEST_POSTGRES_URL, or a throw-away cluster for the session."""
    given = os.environ.get("NEWSDESK_TEST_POSTGRES_URL")
    if given:
        _run_apart(_make_template, given)
        yield given
        return
    try:
        cluster = pg.Cluster.start()
    except pg.Unavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"CI requires PostgreSQL and none could be started: {exc}")
        pytest.skip(f"PostgreSQL: no server could be started here ({exc}); "
                    "set NEWSDESK_TEST_POSTGRES_URL or install PostgreSQL")
    try:
        _run_apart(_make_template, cluster.url)
        yield cluster.url
    finally:
        cluster.stop()


def _run_apart(function: Any, *args: Any) -> None:
    """Run a coroutine function to its end in a thread of its own: this session fixture is
    first asked for from inside a test's running event loop."""
    with concurrent.futures.ThreadPoolExecutor(1) as thread:
        thread.submit(asyncio.run, function(*args)).result()


async def _make_template(server_url: str) -> None:
    """A database at the latest schema that each test's database is copied from (a copy takes
    milliseconds; creating the schema takes a tenth of a second)."""
    await pg.admin(server_url, f"DROP DATABASE IF EXISTS {TEMPLATE}")
    await pg.admin(server_url, f"CREATE DATABASE {TEMPLATE}")
    await (await Store.open(pg.database_url(server_url, TEMPLATE))).close()


_clean_databases: list[str] = []
"""Databases at the latest schema whose test is over, emptied, ready for the next test:
emptying one (TRUNCATE) takes a few milliseconds where copying the template takes 0.3 s."""


@asynccontextmanager
async def postgres_database(server_url: str, *, empty: bool = False) -> AsyncIterator[str]:
    """A clean database for one test: at the latest schema with no rows (a copy of the
    migrated template, emptied again after each test that used it), or with `empty` one with
    no schema at all, dropped after the test."""
    if not empty and _clean_databases:
        name = _clean_databases.pop()
    else:
        name = f"test_{uuid.uuid4().hex[:16]}"
        await pg.admin(server_url, f"CREATE DATABASE {name} TEMPLATE "
                                 f"{'template0' if empty else TEMPLATE}")
    url = pg.database_url(server_url, name)
    try:
        yield url
    except BaseException:
        await pg.admin(server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        raise
    if not empty and await _emptied(url):
        _clean_databases.append(name)
    else:
        await pg.admin(server_url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


async def _emptied(url: str) -> bool:
    """Empty every table of a test's database, if it is still at the latest revision (a test
    may have changed its schema: that one is dropped instead)."""
    import asyncpg

    connection = await asyncpg.connect(url)
    try:
        if await connection.fetchval("SELECT version_num FROM alembic_version") != migrations.head():
            return False
        names = [r[0] for r in await connection.fetch(
            "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
            if r[0] != "alembic_version"]
        await connection.execute(f"TRUNCATE {', '.join(names)} RESTART IDENTITY CASCADE")
        return True
    except asyncpg.PostgresError:
        return False
    finally:
        await connection.close()


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def database_url(backend: str, tmp_path: Path,
                       request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A clean database at the latest schema on the test's backend, as a [storage] url."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'newsdesk.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    async with postgres_database(server) as url:
        yield url


@pytest.fixture
async def empty_database_url(backend: str, tmp_path: Path,
                             request: pytest.FixtureRequest) -> AsyncIterator[str]:
    """A database with no schema yet on the test's backend."""
    if backend == "sqlite":
        yield f"sqlite:///{tmp_path / 'empty.db'}"
        return
    server = request.getfixturevalue("postgres_server")
    async with postgres_database(server, empty=True) as url:
        yield url


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    opened = await Store.open(database_url)
    yield opened
    await opened.close()


@pytest.fixture
def network() -> NetworkConfig:
    return NetworkConfig(allow_private_addresses=True, total_timeout_seconds=5.0,
                         read_timeout_seconds=2.0, connect_timeout_seconds=2.0)


@pytest.fixture
async def fetcher(network: NetworkConfig) -> AsyncIterator[Fetcher]:
    connector = connector_for(network.allow_private_addresses)
    async with aiohttp.ClientSession(connector=connector) as session:
        yield Fetcher(session, network, "Newsdesk-test/1.0 (+https://example.org/contact)")


@pytest.fixture
async def shared_url(postgres_server: str) -> AsyncIterator[str]:
    """A fresh PostgreSQL database that several stores open, as several processes would."""
    async with postgres_database(postgres_server) as url:
        yield url


@pytest.fixture
async def week(request: pytest.FixtureRequest, tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Any]:
    """A real SQLite store holding the requesting test module's `ITEMS` (day of March 2022, title,
    text), enriched as of its `NOW` (the news tests' hand-made weeks)."""
    from builders import enriched_store  # (builders reads this module's NOW)

    store = await enriched_store(tmp_path / "week.db", workers, "wire.example", request.module.NOW,
                                 request.module.ITEMS)
    yield store
    await store.close()
