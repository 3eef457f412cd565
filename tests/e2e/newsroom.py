# ruff: noqa: ASYNC109  -- plain ``timeout=`` arguments read best in tests
"""The real `python bot.py run` against the fake Discord and a loopback feed server.

A `Newsroom` owns one working folder (configuration and SQLite file), serves news feeds whose
items are dated relative to the real clock (the bot runs on real time), and starts, stops and
kills bot processes on the same store, as an operator restarting it would.
"""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from e2e.botprocess import BotProcess
from e2e.fakediscord import FakeDiscord

from feedserver import FeedServer


@dataclass(frozen=True)
class Story:
    key: str
    title: str
    text: str
    minutes_ago: int = 30


def rss(title: str, stories: list[Story]) -> str:
    now = datetime.now(UTC)
    items = "".join(
        f"<item><guid>{s.key}</guid><title>{escape(s.title)}</title>"
        f"<link>https://wire.example/{s.key}</link><description>{escape(s.text)}</description>"
        f"<pubDate>{format_datetime(now - timedelta(minutes=s.minutes_ago))}</pubDate></item>"
        for s in stories)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>https://wire.example/</link><description>news</description>{items}</channel></rss>")


FIRST_NEWS = [
    Story("talks-1", "Delegations meet for talks on the Belarus border",
          "Ukrainian and Russian delegations met on the Belarus border on Monday for a first round "
          "of talks, officials said. Mykhailo Podolyak, an adviser to the president, said the talks "
          "were difficult.", 90),
    Story("troops-1", "Pentagon orders 3,800 more US troops to Europe",
          "The Pentagon ordered about 3,800 additional US troops to Europe on Tuesday, officials "
          "said, as allies moved to reassure eastern members of the alliance.", 80),
    Story("refugees-1", "Half a million refugees have fled Ukraine, UNHCR says",
          "More than 500,000 refugees have fled Ukraine into neighbouring countries, UNHCR said on "
          "Monday, as queues grew at the Polish border.", 70),
]

LATER_NEWS = [
    Story("refugees-2", "One million refugees have now fled Ukraine",
          "One million refugees have fled Ukraine in a week, UNHCR said on Wednesday, warning "
          "that four million may follow.", 5),
    Story("markets-2", "Stock markets fall as oil prices climb",
          "Stock markets in Europe fell sharply on Wednesday while oil prices climbed to a "
          "seven-year high, traders said.", 4),
]


def bot_config(database: Path | str, feeds: dict[str, str], extra: str = "") -> str:
    """A configuration for a bot under test: fast ticks, loopback feeds allowed, `feeds` by URL
    and name, and `extra` lines in the [discord] table. `database` is a SQLite file, or the
    URL of any store."""
    url = database if isinstance(database, str) else f"sqlite:///{database}"
    listed = "".join(f'\n[[feeds]]\nurl = "{url}"\nname = "{name}"\n' for url, name in feeds.items())
    return f"""
[storage]
url = "{url}"

[polling]
interval_seconds = 2
tick_seconds = 1
max_interval_seconds = 60
parse_workers = 1

[network]
allow_private_addresses = true

[discord]
guild_ready_timeout = 0.05
delivery_seconds = 0.5
{extra}
{listed}"""


@dataclass
class Newsroom:
    fake: FakeDiscord
    feeds: FeedServer
    folder: Path
    bots: list[BotProcess] = field(default_factory=list)

    @property
    def database(self) -> Path:
        return self.folder / "newsdesk.db"

    @property
    def config(self) -> Path:
        return self.folder / "config.toml"

    def write_config(self, *, operator_feed: str = "/wire.xml", extra: str = "") -> None:
        self.config.write_text(bot_config(self.database, {self.feeds.url(operator_feed): "Wire"}, extra))

    def publish(self, stories: list[Story], path: str = "/wire.xml") -> None:
        self.feeds.serve(path, rss("Wire", stories))

    async def after_two_polls(self, path: str = "/wire.xml", timeout: float = 30) -> None:
        """Until the feed is fetched twice more. A poll dated a moment before something the
        test just did (an alert set up) may fetch just after it, and its items count as seen
        before it; the second fetch began once the first had ended, so it is dated after."""
        fetched = self.feeds.hits(path)
        await self.fake.wait_until(lambda: self.feeds.hits(path) >= fetched + 2, timeout,
                                   f"two more polls of {path}")

    async def start_bot(self) -> BotProcess:
        bot = BotProcess(self.fake, ["run", "--config", str(self.config)], cwd=self.folder,
                         log_path=self.folder / "bot.log")
        self.bots.append(bot)
        await bot.start()
        await bot.wait_identified(timeout=30)
        await self.fake.wait_synced(timeout=30)
        return bot

    async def stop_all(self) -> None:
        for bot in self.bots:
            if bot.returncode is None:
                await bot.stop()

    def query(self, sql: str, *args: object) -> list[tuple[object, ...]]:
        with sqlite3.connect(self.database) as conn:
            return conn.execute(sql, args).fetchall()

    async def wait_for(self, sql: str, timeout: float = 30) -> list[tuple[object, ...]]:
        """Rows of `sql` once there are any (the bot works on its own schedule)."""
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            try:
                rows = self.query(sql)
            except sqlite3.OperationalError:
                rows = []
            if rows:
                return rows
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"nothing for {sql!r} within {timeout} s; log:\n{self.log()}")
            await asyncio.sleep(0.1)

    async def wait_enriched(self, items: int, timeout: float = 30) -> None:
        await self.wait_for(f"SELECT 1 FROM items WHERE enriched GROUP BY 1 HAVING count(*) >= {items}",
                            timeout)

    def log(self) -> str:
        path = self.folder / "bot.log"
        return path.read_text(errors="replace")[-6000:] if path.exists() else ""


@asynccontextmanager
async def open_newsroom(folder: Path, stories: list[Story], *, extra: str = "") -> AsyncIterator[Newsroom]:
    """A started fake Discord and feed server publishing `stories`; afterwards every bot is
    stopped, and the fake must have seen no unknown route and rejected nothing."""
    fake = FakeDiscord(heartbeat_interval_ms=1000)
    await fake.start()
    feeds = FeedServer()
    await feeds.start()
    newsroom = Newsroom(fake, feeds, folder)
    newsroom.write_config(extra=extra)
    newsroom.publish(stories)
    try:
        yield newsroom
    finally:
        await newsroom.stop_all()
        await feeds.stop()
        await fake.stop()
    assert fake.unknown_routes == []
    assert fake.rejected == []


async def answered(fake: FakeDiscord, command: str, options: dict[str, Any] | None = None,
                   within: float = 15, **who: Any) -> Any:
    """The interaction once its answer is complete; its first response came within Discord's 3 s."""
    record = await fake.invoke(command, options, **who)
    await record.wait_done(timeout=within)
    assert record.first_response_at is not None
    assert record.first_response_at - record.sent_at < 3.0  # Discord's deadline
    return record
