"""Schema upgrades are all-or-nothing and take turns, on real SQLite files."""

from __future__ import annotations

import asyncio
import multiprocessing
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.exc import OperationalError

from digests.store import migrations
from digests.store.core import Store


def _columns(path: Path, table: str) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _version(path: Path) -> list[tuple[int]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version FROM schema_version").fetchall()


async def test_an_upgrade_that_fails_halfway_changes_nothing(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """A migration that fails after adding a column and a table leaves neither behind, and
    the upgrade succeeds once the migration is mended: no repair by hand."""
    path = tmp_path / "half.db"
    await (await Store.open(f"sqlite:///{path}")).close()
    before = migrations.LATEST_VERSION
    added = ["ALTER TABLE feeds ADD COLUMN colour TEXT", "CREATE TABLE extras (x INTEGER)"]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, [*added, "NOT SQL AT ALL"]])
    monkeypatch.setattr(migrations, "LATEST_VERSION", before + 1)
    with pytest.raises(OperationalError):
        await Store.open(f"sqlite:///{path}")
    assert "colour" not in _columns(path, "feeds")
    assert "extras" not in _tables(path)
    assert _version(path) == [(before,)]
    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS[:-1], added])
    await (await Store.open(f"sqlite:///{path}")).close()
    assert "colour" in _columns(path, "feeds") and "extras" in _tables(path)
    assert _version(path) == [(before + 1,)]


def _open_at_once(url: str, barrier: multiprocessing.synchronize.Barrier) -> None:
    async def open_and_close() -> None:
        barrier.wait()
        await (await Store.open(url)).close()

    asyncio.run(open_and_close())


def test_processes_starting_on_one_empty_database_take_turns(tmp_path: Path) -> None:
    """Four processes create the schema of one new file at the same moment: one creates it,
    the others find it made; none fails and the version is recorded once."""
    path = tmp_path / "race.db"
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(4)
    processes = [context.Process(target=_open_at_once, args=(f"sqlite:///{path}", barrier))
                 for _ in range(4)]
    for process in processes:
        process.start()
    for process in processes:
        process.join(60)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0]
    assert _version(path) == [(migrations.LATEST_VERSION,)]
