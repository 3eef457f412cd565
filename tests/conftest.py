"""Shared fixtures: a loopback feed server, a store in a temporary folder, a fetcher."""

from __future__ import annotations

import sys
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
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
from digests.store.core import Store  # noqa: E402

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


@pytest.fixture
async def feed_server() -> AsyncIterator[FeedServer]:
    server = FeedServer()
    await server.start()
    yield server
    await server.stop()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    opened = await Store.open(f"sqlite:///{tmp_path / 'newsdesk.db'}")
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
