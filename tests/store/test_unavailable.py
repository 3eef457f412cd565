"""A database that cannot be used is one plain sentence, never a traceback nor the password:
a PostgreSQL server that is down, a wrong password, a missing database, a driver not
installed; and a SQLite file that another process holds."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from digests.errors import DatabaseUnavailable
from digests.store.core import Store, shown_url, storage_problem

import pg
from conftest import ROOT, needs_postgresql

SECRET = "s3cret-Pa55word"


def _with(url: str, *, password: str | None = None, port: int | None = None,
          database: str | None = None) -> str:
    parts = urlsplit(url)
    user = parts.username
    netloc = f"{user}:{password or parts.password}@{parts.hostname}:{port or parts.port}"
    path = f"/{database}" if database else parts.path
    return urlunsplit(parts._replace(netloc=netloc, path=path))


async def _refusal(url: str) -> str:
    with pytest.raises(DatabaseUnavailable) as caught:
        await Store.open(url)
    message = str(caught.value)
    assert SECRET not in message and "Traceback" not in message
    error = caught.value  # nothing chained to it is shown, as the driver's text may hold the URL
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
    return message


@needs_postgresql
async def test_a_server_that_is_down_is_named_with_what_to_do(postgres_server: str) -> None:
    closed = pg.free_port()  # nothing listens there
    message = await _refusal(_with(postgres_server, password=SECRET, port=closed))
    assert message == (f"the PostgreSQL server at 127.0.0.1:{closed} cannot be reached (connection "
                       "refused): start it, or correct the host and port in [storage] url")


@needs_postgresql
async def test_a_wrong_password_is_refused_without_showing_it(postgres_server: str) -> None:
    message = await _refusal(_with(postgres_server, password=SECRET))
    assert message.startswith("the PostgreSQL server at 127.0.0.1:")
    assert "refused the login of user newsdesk" in message


@needs_postgresql
async def test_a_missing_database_says_how_to_create_it(postgres_server: str) -> None:
    message = await _refusal(_with(postgres_server, database="nowhere"))
    assert message.startswith("the database nowhere does not exist on the PostgreSQL server at ")
    assert "createdb -O newsdesk nowhere" in message


async def test_a_missing_driver_is_found_before_connecting(monkeypatch: pytest.MonkeyPatch) -> None:
    """asyncpg cannot be uninstalled for one test: it is hidden from imports instead (None in
    sys.modules is how Python marks a module that must not be imported)."""
    url = f"postgresql://news:{SECRET}@db.example:5432/newsdesk"
    assert storage_problem(url) is None
    monkeypatch.setitem(sys.modules, "asyncpg", None)
    expected = ('the postgresql database driver (asyncpg) is not installed: '
                'pip install ".[postgresql]" (or pip install asyncpg)')
    assert storage_problem(url) == expected
    assert await _refusal(url) == expected
    assert storage_problem("sqlite:///newsdesk.db") is None


def test_urls_are_shown_without_their_password() -> None:
    assert shown_url(f"postgresql://news:{SECRET}@db.example/newsdesk") == \
        "postgresql://news:***@db.example/newsdesk"


# Real processes on a real SQLite file: the lock is the operating system's, per process.
_OPEN_IN_ANOTHER_PROCESS = textwrap.dedent("""
    import asyncio, sys
    sys.path.insert(0, {root!r})
    from digests.errors import DigestError
    from digests.store.core import Store

    async def main():
        try:
            store = await Store.open({url!r})
        except DigestError as exc:
            print("refused:", exc)
            return
        await store.close()
        print("opened")

    asyncio.run(main())
""")


def _open_elsewhere(url: str) -> str:
    script = _OPEN_IN_ANOTHER_PROCESS.format(root=str(ROOT), url=url)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=True)
    return done.stdout.strip()


async def test_a_second_process_on_one_sqlite_file_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'one.db'}"
    store = await Store.open(url)
    try:
        again = await Store.open(url)  # the same process may open it twice
        await again.close()
        assert _open_elsewhere(url) == (
            f"refused: the database one.db is in use by another Newsdesk process (pid "
            f"{os.getpid()}): a SQLite file serves one process; stop the other "
            "one, or use PostgreSQL to run several")
    finally:
        await store.close()
    assert _open_elsewhere(url) == "opened"


@needs_postgresql
async def test_a_server_that_stops_while_running_is_one_sentence() -> None:
    """A cluster of its own, stopped under an open store: the next query says the connection
    was lost, in a sentence without the password, and not with the driver's traceback; once
    the server is back, the same store works again."""
    try:
        cluster = await asyncio.to_thread(pg.Cluster.start)
    except pg.Unavailable as exc:
        pytest.skip(f"PostgreSQL: no cluster of its own could be started ({exc})")
    try:
        store = await Store.open(cluster.url)
        assert await store.all_feeds() == []
        await asyncio.to_thread(pg.stop_server, cluster.folder)
        with pytest.raises(DatabaseUnavailable) as caught:
            await store.all_feeds()
        port = urlsplit(cluster.url).port
        assert str(caught.value) in {
            f"the connection to the PostgreSQL server at 127.0.0.1:{port} was lost: check that "
            "the server runs; Newsdesk will reconnect",
            f"the PostgreSQL server at 127.0.0.1:{port} cannot be reached (connection refused): "
            "start it, or correct the host and port in [storage] url"}
        await asyncio.to_thread(pg.start_server, cluster.folder)
        assert await store.all_feeds() == []
        await store.close()
    finally:
        await asyncio.to_thread(cluster.stop)
