"""Schema upgrades with Alembic, on both backends: all-or-nothing, taking turns, refusing a
newer database, and adopting a database made before Alembic with its data."""

from __future__ import annotations

import asyncio
import json
import multiprocessing
import multiprocessing.synchronize
import shutil
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlalchemy.exc import DBAPIError

from digests.errors import StorageError
from digests.samples import DEMO_NOW
from digests.store import legacy, migrations
from digests.store.core import Store, engine_for

from conftest import FIXTURES, needs_postgresql, postgres_database

BEFORE_ALEMBIC = FIXTURES / "store-before-alembic.db"
"""Made by the store as it was before Alembic (tests/fixtures/make_store_before_alembic.py)."""


async def _tables(url: str) -> set[str]:
    engine = engine_for(url)
    try:
        async with engine.connect() as conn:
            return set(await conn.run_sync(lambda sync: inspect(sync).get_table_names()))
    finally:
        await engine.dispose()


async def test_an_upgrade_that_fails_halfway_changes_nothing(empty_database_url: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The first revision fails at its last statement, after creating every table: none is
    left behind, nor Alembic's table, and the upgrade succeeds once it is mended."""
    broken = [*legacy.MIGRATIONS[-1], "NOT SQL AT ALL"]
    monkeypatch.setattr(legacy, "MIGRATIONS", [*legacy.MIGRATIONS[:-1], broken])
    with pytest.raises(DBAPIError):
        await Store.open(empty_database_url)
    assert await _tables(empty_database_url) == set()
    monkeypatch.undo()
    await (await Store.open(empty_database_url)).close()
    assert {"feeds", "items", "outbox", "alembic_version"} <= await _tables(empty_database_url)


@pytest.mark.parametrize("apart", [False, True], ids=["here", "in a child"])
async def test_a_database_from_a_newer_newsdesk_is_refused(database_url: str, apart: bool) -> None:
    """Upgraded here or in a child process (the bot's way), with the same sentence."""
    await (await Store.open(database_url)).close()
    engine = engine_for(database_url)
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    await engine.dispose()
    with pytest.raises(StorageError, match="schema version 9999, newer than this Newsdesk"):
        await Store.open(database_url, upgrade_apart=apart)


_OPEN_APART = """
import asyncio, json, sys
from digests.store.core import Store

async def main():
    store = await Store.open(sys.argv[1], upgrade_apart=True)
    await store.close()
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "alembic")))

asyncio.run(main())
"""


async def test_an_upgrade_apart_leaves_alembic_out_of_the_process(empty_database_url: str) -> None:
    """The bot upgrades a new (or older) database from a child process: the schema is made,
    and the bot never imports Alembic, whose 9.8 MiB it would keep for its life."""
    opened = await asyncio.to_thread(subprocess.run, [sys.executable, "-c", _OPEN_APART, empty_database_url],
                                     capture_output=True, text=True, timeout=120)
    assert opened.returncode == 0, opened.stderr
    assert json.loads(opened.stdout) == []
    assert {"feeds", "items", "outbox", "alembic_version"} <= await _tables(empty_database_url)


def _open_at_once(url: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    async def open_and_close() -> None:
        barrier.wait()
        await (await Store.open(url)).close()

    asyncio.run(open_and_close())


@needs_postgresql
async def test_processes_starting_on_one_empty_database_take_turns(postgres_server: str) -> None:
    """Four processes create the schema of one new PostgreSQL database at the same moment:
    the advisory lock makes one create it and the others find it made; none fails. (On
    SQLite a second process is refused outright: see test_unavailable.py.)"""
    async with postgres_database(postgres_server, empty=True) as url:
        context = multiprocessing.get_context("spawn")
        barrier = context.Barrier(4)
        processes = [context.Process(target=_open_at_once, args=(url, barrier)) for _ in range(4)]
        for process in processes:
            process.start()
        for process in processes:
            await asyncio.to_thread(process.join, 120)
        assert [p.exitcode for p in processes] == [0, 0, 0, 0]
        engine = engine_for(url)
        async with engine.connect() as conn:
            versions = (await conn.execute(text("SELECT version_num FROM alembic_version"))).all()
        await engine.dispose()
        assert [tuple(v) for v in versions] == [(migrations.head(),)]


def _row_counts(path: Path) -> dict[str, int]:
    with closing(sqlite3.connect(path)) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sentences_fts%' "
            "AND name NOT IN ('schema_version', 'alembic_version')")]
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


# A file made by the code of before Alembic, so SQLite only: it is what operators have.
async def test_a_database_made_before_alembic_is_upgraded_in_place_with_its_data(tmp_path: Path) -> None:
    path = tmp_path / "newsdesk.db"
    shutil.copy(BEFORE_ALEMBIC, path)
    before = _row_counts(path)
    assert before["items"] > 0 and before["sentences"] > 0 and before["outbox"] > 0
    store = await Store.open(f"sqlite:///{path}")
    try:
        hits = await store.search_sentences(["Kyiv"], limit=50)
        assert hits and all("kyiv" in h.text.lower() for h in hits)
        assert await store.state("alert_cursor") == "7"
        schedule = await store.guild_settings(1001)
        assert schedule is not None and schedule.digest_timezone == "Europe/Kyiv"
        assert (await store.counts()).items == before["items"]
        assert len(await store.items_published_between(DEMO_NOW.replace(year=2000), DEMO_NOW)) > 0
    finally:
        await store.close()
    after = _row_counts(path)
    assert after.pop("counters") == 1  # where story ids are handed out from now on
    assert after.pop("shard_holders") == 0  # no process of a sharded bot has beaten yet
    assert after == before
    with closing(sqlite3.connect(path)) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrations.head(),)]
        assert conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'"
                            ).fetchone() == (0,)
        assert conn.execute("SELECT value FROM counters WHERE name = 'stories'").fetchone() == \
            conn.execute("SELECT max(id) FROM stories").fetchone()


def test_the_latest_revision_named_in_code_is_the_head_of_the_revisions() -> None:
    """`migrations.LATEST` lets an up-to-date database open without importing Alembic; it
    must name the newest revision file, or databases would be upgraded needlessly (or not)."""
    assert migrations.head() == migrations.LATEST
