"""Schema upgrades with Alembic: one history for SQLite and PostgreSQL, in `revisions/`
(inside the package, so an installed Newsdesk carries them), applied at start-up.

An upgrade is one transaction under a lock, all revisions or none: PostgreSQL runs DDL in
transactions and the upgrade holds an advisory lock; SQLite's driver handling is switched off
(it would run each CREATE or ALTER outside any transaction) and the upgrade runs inside BEGIN
IMMEDIATE, the file's write lock. So a failure halfway leaves the database as it was, and
processes starting on one database take turns. A database already up to date is only read.

A new revision is a file in `revisions/versions/` whose `down_revision` is the current head;
`schema.py` changes with it, and tests/store/test_schema_drift.py proves the two agree.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import os
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import exc as sql_errors
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from digests.errors import StorageError
from digests.store.connection import BUSY_TIMEOUT_MS
from digests.store.legacy import legacy_version
from digests.store.schema import metadata

if TYPE_CHECKING:  # Alembic costs a command ~0.2 s to import: only an upgrade loads it
    from alembic.config import Config
    from alembic.script import ScriptDirectory

log = logging.getLogger(__name__)

REVISIONS = Path(__file__).resolve().parent / "revisions"
MIGRATION_LOCK = 0x4E657773  # PostgreSQL advisory lock key: "News"
LATEST = "0006"
"""The newest revision in `revisions/versions/` (a test keeps the two equal): a database
already there is opened without importing Alembic."""
LOCK_WAIT_MS = 30_000
"""How long a process waits for another one's upgrade (SQLite's busy timeout meanwhile)."""


def _config() -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(REVISIONS))
    return config


@functools.cache
def script_directory() -> ScriptDirectory:
    """The revisions, read once: they are part of the installed package."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(_config())


def head() -> str:
    """The latest revision this Newsdesk knows."""
    return str(script_directory().get_current_head())


def current_revision(connection: Connection) -> str | None:
    """The database's revision; "legacy" for a database of the numbered migrations that
    Alembic has not adopted yet; None for a new one."""
    from alembic.runtime.migration import MigrationContext

    current = MigrationContext.configure(connection).get_current_revision()
    if current is None and legacy_version(connection):
        return "legacy"
    return current


def _pending(connection: Connection) -> list[str]:
    """The revisions still to apply, oldest first; a revision unknown here (made by a newer
    Newsdesk) is refused with what to do."""
    from alembic.script.revision import RevisionError
    from alembic.util.exc import CommandError

    script = script_directory()
    current = current_revision(connection)
    if current == "legacy":
        current = None
    try:
        steps = list(script.iterate_revisions(script.get_current_head(), current))
    except (CommandError, RevisionError):
        raise StorageError(
            f"the database is at schema version {current}, newer than this Newsdesk "
            f"({head()}); upgrade Newsdesk instead of downgrading the database") from None
    return [s.revision for s in reversed(steps)]


def _apply(connection: Connection) -> list[str]:
    """Run the pending revisions on `connection`, inside the caller's transaction (as
    `alembic upgrade head` would, with the connection handed in)."""
    from alembic.runtime.environment import EnvironmentContext

    pending = _pending(connection)
    if not pending:
        return []
    config = _config()
    script = script_directory()

    def steps(revision: Any, _context: Any) -> Any:
        return script._upgrade_revs("head", revision)

    with EnvironmentContext(config, script, fn=steps, destination_rev="head") as environment:
        environment.configure(connection=connection, target_metadata=metadata,
                              render_as_batch=connection.dialect.name == "sqlite",
                              transaction_per_migration=False)
        environment.run_migrations()
    log.info("database upgraded: revisions %s applied", ", ".join(pending))
    return pending


async def upgrade(engine: AsyncEngine) -> list[str]:
    """Bring the database to the latest revision, all at once or not at all; returns the
    revisions applied (none when it was up to date: then no lock is taken)."""
    alembic_log = logging.getLogger("alembic")
    if alembic_log.level == logging.NOTSET:  # its INFO lines (plugins set up, the dialect's
        alembic_log.setLevel(logging.WARNING)  # DDL habits) tell an operator nothing; ours do
    async with engine.connect() as conn:
        if await _at_latest(conn) or not await conn.run_sync(_pending):
            return []
    async with _upgrade_transaction(engine) as conn:
        return await conn.run_sync(_apply)


UPGRADE_URL_VARIABLE = "NEWSDESK_UPGRADE_URL"
"""How `upgrade_in_child` hands the child its database (not in its arguments: a password there
is shown to every user of the machine)."""
_FAILED = 2  # the child's exit status for an upgrade refused with a sentence (on stderr)
_PACKAGE_HOME = str(REVISIONS.parents[2])  # the child finds `digests` however this process did


async def upgrade_in_child(engine: AsyncEngine, url: str) -> None:
    """Bring the database to the latest revision from a short-lived child process when it is
    not there yet, so that this process never imports Alembic (9.8 MiB kept for its life, a
    long-running bot's after its first start). The child's refusal comes back as the same
    `StorageError` sentence; a database already at the latest revision costs one query."""
    async with engine.connect() as conn:
        if await _at_latest(conn):
            return
    paths = os.pathsep.join(p for p in (_PACKAGE_HOME, os.environ.get("PYTHONPATH")) if p)
    child = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "digests.store.migrations", stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
        env={**os.environ, UPGRADE_URL_VARIABLE: url, "PYTHONPATH": paths})
    _, said = await child.communicate()
    if child.returncode:
        lines = said.decode("utf-8", "replace").strip().splitlines()
        raise StorageError(lines[-1] if lines else f"the schema upgrade failed (status {child.returncode})")


def _upgrade_here() -> int:
    """The child of `upgrade_in_child`: upgrade the database it was handed, say why not."""
    from digests.store.core import engine_for  # core imports this module

    async def upgraded() -> None:
        engine = engine_for(os.environ[UPGRADE_URL_VARIABLE])
        try:
            await upgrade(engine)
        finally:
            await engine.dispose()

    try:
        asyncio.run(upgraded())
    except StorageError as refused:  # DatabaseUnavailable included: one sentence, no password
        print(refused, file=sys.stderr)
        return _FAILED
    return 0


async def _at_latest(conn: AsyncConnection) -> bool:
    """Whether the database is already at `LATEST`, read with plain SQL."""
    try:
        found = await conn.scalar(text("SELECT version_num FROM alembic_version"))
    except sql_errors.DBAPIError:  # no such table: a new database, or one of before Alembic
        await conn.rollback()
        return False
    return bool(found == LATEST)


@asynccontextmanager
async def _upgrade_transaction(engine: AsyncEngine) -> AsyncIterator[AsyncConnection]:
    """One transaction that holds the database's upgrade lock, committed only if the block
    ends well."""
    if engine.dialect.name != "sqlite":
        async with engine.begin() as conn:
            await conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            yield conn
        return
    async with engine.connect() as conn:
        # pysqlite begins transactions only before INSERT/UPDATE/DELETE and so would run each
        # CREATE or ALTER on its own: its handling is switched off and this one is explicit.
        await conn.execution_options(isolation_level="AUTOCOMMIT")
        await conn.exec_driver_sql(f"PRAGMA busy_timeout = {LOCK_WAIT_MS}")
        await conn.exec_driver_sql("BEGIN IMMEDIATE")  # the write lock: others wait here
        try:
            yield conn
        except BaseException:
            with contextlib.suppress(Exception):  # the upgrade's own error is the one to report
                await conn.exec_driver_sql("ROLLBACK")
            raise
        else:
            await conn.exec_driver_sql("COMMIT")
        finally:
            with contextlib.suppress(Exception):
                await conn.exec_driver_sql(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


if __name__ == "__main__":
    raise SystemExit(_upgrade_here())
