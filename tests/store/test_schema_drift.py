"""The tables in `schema.py` and the database the Alembic revisions make are the same, on both
backends: Alembic's own comparison (what `alembic check` runs) finds nothing to change."""

from __future__ import annotations

from typing import Any

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy.engine import Connection

from digests.store import migrations
from digests.store.core import Store
from digests.store.schema import metadata

OUTSIDE_THE_MODELS = {"alembic_version", "search_vector", "ix_sentences_search"}
"""Alembic's own table, and the full-text data, read by `textsearch` only: PostgreSQL's
generated column and its index; SQLite's FTS5 table `sentences_fts` and the shadow tables
FTS5 makes for it (SQLAlchemy has no model for a virtual table)."""


def _ours(obj: Any, name: str | None, kind: str, reflected: bool, _compared: Any) -> bool:
    return name is None or (name not in OUTSIDE_THE_MODELS and not name.startswith("sentences_fts"))


def _differences(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(connection, opts={
        "compare_type": True, "include_object": _ours, "target_metadata": metadata})
    found = list(compare_metadata(context, metadata))
    return [d for d in found if not _unseen_by_sqlite(connection, d, found)]


def _unseen_by_sqlite(connection: Connection, difference: Any, found: list[Any]) -> bool:
    """What SQLite's reflection cannot see rather than a difference: the ON DELETE of a
    REFERENCES written on a column (SQLAlchemy parses it only on table-level FOREIGN KEY
    clauses), and NOT NULL on primary key columns (SQLite reports them nullable). PostgreSQL
    reflects both, and there they are compared."""
    if connection.dialect.name != "sqlite":
        return False
    if isinstance(difference, list) and len(difference) == 1:
        difference = difference[0]
    kind = difference[0]
    if kind == "modify_nullable":
        table, column = difference[2], difference[3]
        return bool(metadata.tables[table].c[column].primary_key)
    if kind in {"remove_fk", "add_fk"}:
        other = "add_fk" if kind == "remove_fk" else "remove_fk"
        return any(isinstance(d, tuple) and d[0] == other and _same_reference(d[1], difference[1])
                   for d in found)
    return False


def _same_reference(one: Any, other: Any) -> bool:
    def reference(fk: Any) -> tuple[str, list[str], list[str]]:
        return (fk.table.name, [c.name for c in fk.columns],
                [e.target_fullname for e in fk.elements])
    return reference(one) == reference(other)


async def test_the_models_are_what_the_migrations_make(database_url: str) -> None:
    store = await Store.open(database_url)
    try:
        async with store._engine.connect() as conn:
            differences = await conn.run_sync(_differences)
            revision = await conn.run_sync(migrations.current_revision)
    finally:
        await store.close()
    assert differences == []
    assert revision == migrations.head()


def test_every_index_and_unique_key_is_in_the_models() -> None:
    """The comparison above sees indexes and unique keys only when the models declare some:
    these are the ones the migrations make (besides the full-text ones)."""
    indexes = {i.name for t in metadata.tables.values() for i in t.indexes}
    uniques = {(t.name, tuple(c.name for c in u.columns)) for t in metadata.tables.values()
               for u in t.constraints if u.__class__.__name__ == "UniqueConstraint"}
    assert len(indexes) == 20 and "ux_sentences_item_position" in indexes
    assert {("items", ("feed_id", "entry_key")), ("outbox", ("key", "part"))} <= uniques
