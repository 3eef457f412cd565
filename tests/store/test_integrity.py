"""A damaged SQLite file is found at start: the derived full-text index is rebuilt, anything
else stops the start with what to do. Files are damaged by hand, as a failing disk would:
SQLite only, since it is the file's pages that are overwritten (PostgreSQL keeps its own)."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from digests.errors import StorageError
from digests.news.enrichment import Enricher
from digests.runtime.workers import WorkerPool
from digests.samples import DEMO_NOW
from digests.store.core import Store

from builders import ingest_samples


@pytest.fixture(scope="module")
def workers() -> Iterator[WorkerPool]:
    pool = WorkerPool(1)
    yield pool
    pool.close()


async def filled(path: Path, workers: WorkerPool) -> None:
    store = await Store.open(f"sqlite:///{path}")
    await ingest_samples(store, workers)
    await Enricher(store, workers).run(DEMO_NOW)
    await store.close()


def damage(path: Path, table: str) -> None:
    """Overwrite the root page of `table` with noise (after folding the WAL into the file)."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        [root] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()
    with path.open("r+b") as file:
        file.seek((root - 1) * page_size + 8)
        file.write(b"\xa5" * (page_size - 16))


def check(path: Path) -> list[tuple[str]]:
    with sqlite3.connect(path) as conn:
        try:
            return conn.execute("PRAGMA integrity_check").fetchall()
        except sqlite3.DatabaseError as exc:
            return [(str(exc),)]


async def test_a_damaged_search_index_is_rebuilt_at_start(tmp_path: Path, workers: WorkerPool) -> None:
    path = tmp_path / "fts.db"
    await filled(path, workers)
    damage(path, "sentences_fts_data")
    assert check(path) != [("ok",)]
    store = await Store.open(f"sqlite:///{path}")
    try:
        hits = await store.search_sentences(["refugees"])
        assert hits and any("refugee" in h.text.lower() for h in hits)
        assert await store.check_whole_file() is None
    finally:
        await store.close()
    assert check(path) == [("ok",)]


async def test_a_damaged_table_stops_the_start_with_what_to_do(tmp_path: Path,
                                                               workers: WorkerPool) -> None:
    path = tmp_path / "feeds.db"
    await filled(path, workers)
    damage(path, "feeds")
    with pytest.raises(StorageError) as caught:
        await Store.open(f"sqlite:///{path}")
    message = str(caught.value)
    assert "feeds.db is damaged (in feeds)" in message
    assert "restore it from a backup" in message and ".recover" in message


async def test_the_whole_file_check_finds_damage_in_a_large_table(tmp_path: Path,
                                                                  workers: WorkerPool) -> None:
    path = tmp_path / "items.db"
    await filled(path, workers)
    damage(path, "items")
    store = await Store.open(f"sqlite:///{path}")  # items are not read at start: too costly
    try:
        found = await store.check_whole_file()
    finally:
        await store.close()
    assert found is not None and "items.db is damaged" in found and "backup" in found
