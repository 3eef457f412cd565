"""What goes wrong around the bot, not in it: the database locked by another process, the disk
full while writing, a configuration broken by an upgrade. Each is one clear `error: …` line and
exit code 2 (never a traceback), and what was stored before is still there afterwards."""

from __future__ import annotations

import asyncio
import hashlib
import os
import resource
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest

from digests.errors import StorageError
from digests.models import Entry
from digests.store.core import Store

from conftest import ROOT, page_limit
from feedserver import FeedServer

NOW = datetime(2022, 3, 2, 12, 0, tzinfo=UTC)


async def bot(*args: str, cwd: Path, env: dict[str, str] | None = None,
              preexec: Callable[[], None] | None = None) -> tuple[int, str, str]:
    """`python bot.py …` in a subprocess, as an operator runs it (no token unless given)."""
    environment = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    environment.update(env or {})
    process = await asyncio.create_subprocess_exec(
        sys.executable, str(ROOT / "bot.py"), *args, cwd=cwd, env=environment, preexec_fn=preexec,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await asyncio.wait_for(process.communicate(), 120)
    assert process.returncode is not None
    return process.returncode, out.decode(), err.decode()


def assert_clear_error(code: int, err: str, *words: str) -> None:
    assert code == 2, err
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and lines[-1].startswith("error: "), err
    for word in words:
        assert word in lines[-1], err


def rss(prefix: str, count: int, *, size: int = 200) -> str:
    now = datetime.now(UTC)
    items = "".join(
        f"<item><title>{prefix} story {n}</title><link>https://news.example/{prefix}/{n}</link>"
        f"<guid>{prefix}-{n}</guid><pubDate>{format_datetime(now - timedelta(minutes=n))}</pubDate>"
        f"<description>{prefix} report {n}: " + "the harbour reopened after the storm. " * (size // 38)
        + "</description></item>"
        for n in range(count))
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Loopback</title>{items}</channel></rss>'


def write_config(folder: Path, feed_url: str) -> Path:
    config = folder / "config.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{folder / "newsdesk.db"}"\n\n'
                      "[network]\nallow_private_addresses = true\n\n"
                      f'[[feeds]]\nurl = "{feed_url}"\nname = "Loopback"\n')
    return config


def stored(database: Path) -> list[tuple[Any, ...]]:
    with closing(sqlite3.connect(database)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        return conn.execute("SELECT entry_key, title, content_hash FROM items ORDER BY id").fetchall()


async def filled_store(folder: Path, feeds: FeedServer, count: int = 5) -> tuple[Path, list[tuple[Any, ...]]]:
    """A store that `digest --poll` filled from the loopback feed, and what it holds."""
    feeds.serve("/news.xml", rss("first", count))
    config = write_config(folder, feeds.url("/news.xml"))
    code, _, err = await bot("digest", "--poll", "--config", str(config), cwd=folder)
    assert code == 0, err
    rows = stored(folder / "newsdesk.db")
    assert len(rows) == count
    return config, rows


# The database locked by another process ----------------------------------------------------------

HOLDER = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN EXCLUSIVE")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


@contextmanager
def locked(database: Path) -> Iterator[None]:
    """Another process holds an exclusive lock on the database until the block ends."""
    holder = subprocess.Popen([sys.executable, "-c", HOLDER, str(database)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        yield
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(10)


@pytest.mark.parametrize("command", [["digest"], ["ask", "When did the harbour reopen?"]])
async def test_a_database_locked_by_another_process_is_a_clear_error(
        tmp_path: Path, feed_server: FeedServer, command: list[str]) -> None:
    config, before = await filled_store(tmp_path, feed_server)
    with locked(tmp_path / "newsdesk.db"):
        code, out, err = await bot(*command, "--config", str(config), cwd=tmp_path)
    assert_clear_error(code, err, "newsdesk.db", "locked by another program")
    assert stored(tmp_path / "newsdesk.db") == before
    code, out, err = await bot("digest", "--config", str(config), cwd=tmp_path)  # free again
    assert code == 0, err
    assert "harbour reopened" in out and "Loopback" in out


async def test_the_bot_does_not_start_on_a_locked_database(tmp_path: Path, feed_server: FeedServer) -> None:
    config, before = await filled_store(tmp_path, feed_server)
    with locked(tmp_path / "newsdesk.db"):
        code, _, err = await bot("run", "--config", str(config), cwd=tmp_path,
                                 env={"DISCORD_TOKEN": "not-used"})
    assert_clear_error(code, err, "locked by another program")
    assert stored(tmp_path / "newsdesk.db") == before


# The disk full while writing -------------------------------------------------------------------

def entry(key: str, text: str) -> Entry:
    return Entry(key=key, guid=key, url=f"https://news.example/{key}", title=f"Story {key}", text=text,
                 author=None, categories=(), language="en", published_at=NOW, dated=True,
                 content_hash=hashlib.sha256(text.encode()).hexdigest())


async def test_a_full_disk_while_saving_entries_loses_nothing_stored_before(tmp_path: Path) -> None:
    database = tmp_path / "newsdesk.db"
    url = f"sqlite:///{database}"
    store = await Store.open(url)
    feed = await store.add_feed("https://news.example/feed.xml", now=NOW)
    first = [entry(f"early-{n}", f"Early report {n}. " * 20) for n in range(20)]
    await store.save_entries(feed.id, first, now=NOW, first_poll=True)
    await store.close()
    before = stored(database)
    with closing(sqlite3.connect(database)) as conn:
        pages = conn.execute("PRAGMA page_count").fetchone()[0]

    big = [entry(f"late-{n}", f"Late report {n} on the storm. " * 200) for n in range(200)]
    with page_limit(pages + 2):
        full = await Store.open(url)
        try:
            with pytest.raises(StorageError) as raised:
                await full.save_entries(feed.id, big, now=NOW, first_poll=False)
            assert "newsdesk.db" in str(raised.value) and "disk is full" in str(raised.value)
            assert "free some space" in str(raised.value)
            assert len(await full.items_published_between(NOW - timedelta(days=1), NOW)) == 20
        finally:
            await full.close()
    assert stored(database) == before  # the failed batch left nothing half-written

    store = await Store.open(url)  # space again: the same batch goes in whole
    try:
        result = await store.save_entries(feed.id, big, now=NOW, first_poll=False)
        assert result.new == 200
    finally:
        await store.close()
    assert stored(database)[:20] == before and len(stored(database)) == 220


def _file_size_limit(limit: int) -> Callable[[], None]:
    def apply() -> None:  # in the child: files may not grow past `limit` bytes (Python ignores SIGXFSZ)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


async def test_a_full_disk_during_a_poll_loses_nothing_and_the_next_poll_catches_up(
        tmp_path: Path, feed_server: FeedServer) -> None:
    config, before = await filled_store(tmp_path, feed_server)
    database = tmp_path / "newsdesk.db"
    feed_server.serve("/news.xml", rss("late", 300, size=3000))  # ~1 MB of new items to write
    limit = database.stat().st_size + 16 * 1024
    code, _, err = await bot("digest", "--poll", "--config", str(config), cwd=tmp_path,
                             preexec=_file_size_limit(limit))
    assert "disk may be full" in err, err
    assert stored(database) == before  # the batch that did not fit left nothing behind
    code, _, err = await bot("digest", "--poll", "--config", str(config), cwd=tmp_path)
    assert code == 0, err
    after = stored(database)
    assert after[:len(before)] == before and len(after) == len(before) + 300


async def test_a_full_disk_during_a_poll_is_a_clear_error_not_a_failing_feed(
        tmp_path: Path, feed_server: FeedServer) -> None:
    config, _ = await filled_store(tmp_path, feed_server)
    database = tmp_path / "newsdesk.db"
    feed_server.serve("/news.xml", rss("late", 300, size=3000))
    limit = database.stat().st_size + 16 * 1024
    code, _, err = await bot("digest", "--poll", "--config", str(config), cwd=tmp_path,
                             preexec=_file_size_limit(limit))
    assert_clear_error(code, err, "newsdesk.db", "disk")
    with closing(sqlite3.connect(database)) as conn:
        assert conn.execute("SELECT failure_count FROM feeds").fetchall() == [(0,)]


# A configuration broken by an upgrade ------------------------------------------------------------

BROKEN = {
    "invalid TOML": ("[polling\ninterval_seconds = 600\n",
                     ["file", "expected valid TOML", "found a syntax error"]),
    "a wrong type": ('[polling]\ninterval_seconds = "ten minutes"\n',
                     ["[polling] interval_seconds", "expected a whole number",
                      "found a string 'ten minutes'"]),
    "a key from a newer version": ("[polling]\ninterval_seconds = 600\njitter_seconds = 30\n",
                                   ["[polling] jitter_seconds", "expected one of the keys",
                                    "found an unknown key"]),
    "a table from a newer version": ('[search]\nengine = "embeddings"\n',
                                     ["[search]", "expected one of the tables", "found an unknown table"]),
    "a wrong type in a feed": ('[[feeds]]\nurl = "https://news.example/feed.xml"\nfull_text = "yes"\n',
                               ["[[feeds]] #1 full_text", "expected true or false", "found a string 'yes'"]),
}


@pytest.mark.parametrize("case", list(BROKEN))
async def test_a_broken_configuration_says_file_key_expected_and_found(tmp_path: Path, case: str) -> None:
    text, words = BROKEN[case]
    database = tmp_path / "newsdesk.db"
    store = await Store.open(f"sqlite:///{database}")
    await store.add_feed("https://news.example/feed.xml", now=NOW, name="Kept")
    await store.close()
    kept = database.read_bytes()
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{database}"\n' + text if "TOML" not in case else text)
    commands = [["check-config", str(config)], ["run", "--config", str(config)]]
    if case == "a key from a newer version":  # the other commands read it the same way
        commands += [["check-config"], ["digest", "--config", str(config)],
                     ["ask", "Who?", "--config", str(config)]]
    for args in commands:
        code, out, err = await bot(*args, cwd=tmp_path, env={"DISCORD_TOKEN": "not-used"})
        assert_clear_error(code, err, str(config.name), *words)
        assert out == ""
    assert database.read_bytes() == kept  # nothing was opened, let alone changed


async def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    database = tmp_path / "newsdesk.db"
    store = await Store.open(f"sqlite:///{database}")
    await store.close()
    with closing(sqlite3.connect(database)) as conn, conn:
        conn.execute("UPDATE alembic_version SET version_num = '99'")
    kept = database.read_bytes()
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{database}"\n')
    code, _, err = await bot("digest", "--config", str(config), cwd=tmp_path)
    assert_clear_error(code, err, "schema version 99", "upgrade Newsdesk")
    assert database.read_bytes() == kept


async def test_a_damaged_database_file_is_a_clear_error(tmp_path: Path) -> None:
    database = tmp_path / "newsdesk.db"
    database.write_bytes(b"not a database at all, " * 400)
    kept = database.read_bytes()
    config = tmp_path / "config.toml"
    config.write_text(f'[storage]\nurl = "sqlite:///{database}"\n')
    code, _, err = await bot("ask", "Who is Mykhailo Podolyak?", "--config", str(config), cwd=tmp_path)
    assert_clear_error(code, err, "newsdesk.db", "not a SQLite database")
    assert database.read_bytes() == kept
