# ruff: noqa: ASYNC109  -- plain ``timeout=`` arguments read best in tests

"""Newsdesk as several processes, each running some of the bot's Discord shards.

The real `python bot.py run`, against the fake Discord (which sends each server's events and
slash commands to the connection of its shard only, as Discord does) and a loopback feed server.
Several processes need a store they can share: PostgreSQL (SQLite refuses a second process).
One process alone on SQLite shows the other half: it leaves other shards' servers alone.
"""

from __future__ import annotations

import asyncio
import json
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from digests.servers.shards import SILENT_AFTER
from digests.store.core import Store
from digests.store.servers import OutboxMessage
from e2e.botprocess import BotProcess
from e2e.fakediscord import FakeDiscord, FakeGuild
from e2e.newsroom import FIRST_NEWS, LATER_NEWS, answered, bot_config, rss

from conftest import postgres_database
from feedserver import FeedServer

SHARDS = 2


def config_text(url: str, feed: str, shard_ids: list[int]) -> str:
    return bot_config(url, {feed: "Wire"},
                      extra=f"shard_count = {SHARDS}\nshard_ids = {json.dumps(shard_ids)}")


@dataclass
class Cluster:
    """A fake Discord with two servers on each shard, a feed, a store, bot processes."""

    fake: FakeDiscord
    feeds: FeedServer
    folder: Path
    url: str
    servers: dict[int, list[FakeGuild]]  # by shard
    bots: dict[int, BotProcess] = field(default_factory=dict)  # by the shard each runs

    async def start(self, shard: int) -> BotProcess:
        """A bot process running `shard` of the two; returns once it has identified."""
        config = self.folder / f"shard{shard}.toml"
        config.write_text(config_text(self.url, self.feeds.url("/wire.xml"), [shard]))
        bot = BotProcess(self.fake, ["run", "--config", str(config)], cwd=self.folder,
                         log_path=self.folder / f"shard{shard}.log")
        self.bots[shard] = bot
        await bot.start()
        await bot.wait_identified(timeout=30)
        await self.fake.wait_synced(timeout=30)
        return bot

    async def wait_enriched(self, items: int, timeout: float = 30) -> None:
        """Until `items` items are read (the store is shared: either process may have read them)."""
        store = await Store.open(self.url)
        try:
            deadline = asyncio.get_running_loop().time() + timeout
            while (await store.counts()).items < items or (await store.enrichment_backlog())[0]:
                assert asyncio.get_running_loop().time() < deadline, self.logs()
                await asyncio.sleep(0.2)
        finally:
            await store.close()

    def log(self, shard: int) -> str:
        return self.bots[shard].log_text() if shard in self.bots else ""

    def logs(self) -> str:
        return "\n".join(f"--- shard {s}:\n{self.log(s)[-4000:]}" for s in self.bots)

    async def stop(self) -> None:
        for bot in self.bots.values():
            if bot.returncode is None:
                await bot.stop()


@asynccontextmanager
async def open_cluster(folder: Path, url: str) -> AsyncIterator[Cluster]:
    fake = FakeDiscord(heartbeat_interval_ms=1000, shard_count=SHARDS)
    await fake.start()
    feeds = FeedServer()
    await feeds.start()
    feeds.serve("/wire.xml", rss("Wire", FIRST_NEWS))
    servers = {s: [fake.add_guild_on_shard(s, SHARDS, name=f"Shard {s} server {n}")
                   for n in range(2)] for s in range(SHARDS)}
    cluster = Cluster(fake, feeds, folder, url, servers)
    try:
        yield cluster
    finally:
        await cluster.stop()
        await feeds.stop()
        await fake.stop()
    assert fake.unknown_routes == []
    assert fake.rejected == []


async def seed(url: str, cluster: Cluster) -> dict[int, int]:
    """A daily digest due a moment ago in every server (set an hour before, as if the bot had
    been down), and a notice waiting in the outbox of each; the outbox row id of each notice.
    The rows of shard 1 are written first: a process that sent them would send them first."""
    now = datetime.now(UTC)
    store = await Store.open(url)
    try:
        guilds = [g for shard in sorted(cluster.servers, reverse=True) for g in cluster.servers[shard]]
        for guild in guilds:
            await store.set_digest_schedule(guild.id, channel_id=guild.channels["news"],
                                            time=f"{now - timedelta(minutes=2):%H:%M}",
                                            timezone="UTC", now=now - timedelta(hours=1))
            body = json.dumps({"content": f"Notice for {guild.name}", "embeds": []})
            await store.enqueue([OutboxMessage(f"notice:{guild.id}", 0, "notice", body,
                                               guild_id=guild.id,
                                               channel_id=guild.channels["general"])], now)
        rows = await store.outbox_rows("notice:")
        return {int(r.key.split(":")[1]): r.id for r in rows}
    finally:
        await store.close()


def posts_of(fake: FakeDiscord, channel: int) -> list[dict[str, Any]]:
    """Every message the bots asked to post in `channel` (a repeated nonce included)."""
    return [r.json for r in fake.requests_to("POST", f"/channels/{channel}/messages")
            if r.status == 200]


async def digest_claimed(url: str, guild: int) -> bool:
    """Whether a process wrote this server's digest of today (read beside the running bots:
    SQLite's file is read directly, its lock refusing a second Store)."""
    if url.startswith("sqlite:///"):
        with sqlite3.connect(url.removeprefix("sqlite:///")) as conn:
            rows = conn.execute("SELECT last_digest_on FROM guild_settings WHERE guild_id = ?",
                                (guild,)).fetchall()
        return bool(rows and rows[0][0] is not None)
    store = await Store.open(url)
    try:
        settings = await store.guild_settings(guild)
        return settings is not None and settings.last_digest_on is not None
    finally:
        await store.close()


async def assert_each_server_posted_once(cluster: Cluster, shard: int, notices: dict[int, int]) -> None:
    fake = cluster.fake
    for guild in cluster.servers[shard]:
        [digest] = await fake.wait_for_messages(guild.channels["news"], 1, timeout=30)
        [notice] = await fake.wait_for_messages(guild.channels["general"], 1, timeout=30)
        assert digest["content"].startswith("Daily digest"), cluster.logs()
        assert notice["content"] == f"Notice for {guild.name}"
        assert notice["nonce"] == f"newsdesk-{notices[guild.id]}"


@pytest.fixture
async def shared_database(request: pytest.FixtureRequest) -> AsyncIterator[str]:
    server = request.getfixturevalue("postgres_server")  # skips, saying why, without PostgreSQL
    async with postgres_database(server) as url:
        yield url


async def test_two_processes_share_the_servers_by_shard(shared_database: str, tmp_path: Path) -> None:
    async with open_cluster(tmp_path, shared_database) as cluster:
        fake = cluster.fake
        notices = await seed(shared_database, cluster)
        await cluster.start(0)
        # The process of shard 0 posts its servers' digests and notices, and leaves shard 1's:
        # their digests were due in the same delivery runs and their notices older in the outbox.
        await assert_each_server_posted_once(cluster, 0, notices)
        for guild in cluster.servers[1]:
            assert not await digest_claimed(shared_database, guild.id), cluster.logs()
            assert fake.channel_messages(guild.channels["news"]) == []
            assert fake.channel_messages(guild.channels["general"]) == []
        assert fake.live_shards() == [(0, SHARDS)]

        await cluster.start(1)
        await assert_each_server_posted_once(cluster, 1, notices)
        assert sorted(fake.live_shards()) == [(0, SHARDS), (1, SHARDS)]
        assert sorted(p["shard"] for p in fake.identify_payloads) == [[0, SHARDS], [1, SHARDS]]

        # Each server's slash commands reach the process of its shard, and are answered once.
        for shard, guilds in cluster.servers.items():
            for guild in guilds:
                record = await answered(fake, "digest now", {"hours": 24}, guild=guild.id,
                                        channel=guild.channels["general"])
                assert record.shard == (shard, SHARDS)
                assert record.text() and not record.error_codes
                callbacks = fake.requests_to("POST", f"/interactions/{record.id}/*/callback")
                assert len(callbacks) == 1

        # Alerts by DM: sent by the process of the server they were set up in, once.
        await cluster.wait_enriched(len(FIRST_NEWS))
        readers = {shard: fake.add_user(f"reader on shard {shard}") for shard in cluster.servers}
        for shard, reader in readers.items():
            guild = cluster.servers[shard][0]
            await answered(fake, "alerts add", {"query": "refugees"}, user=reader, guild=guild.id,
                           channel=guild.channels["general"])
        # A poll dated a moment before the alerts were set up may fetch just after them, and its
        # items count as seen before them: the news comes after two more fetches (the second
        # began once the first had ended, so it is dated after the alerts; Newsroom does the same).
        fetched = cluster.feeds.hits("/wire.xml")
        await fake.wait_until(lambda: cluster.feeds.hits("/wire.xml") >= fetched + 2, 30,
                              "two polls of the wire after the alerts were set up")
        cluster.feeds.serve("/wire.xml", rss("Wire", FIRST_NEWS + LATER_NEWS))
        for reader in readers.values():
            [dm] = await fake.wait_for_dms(reader, 1, timeout=40)
            assert "One million refugees" in dm["embeds"][0]["title"]

        await cluster.stop()  # every delivery run in flight has ended
        for guilds in cluster.servers.values():
            for guild in guilds:
                for channel in ("news", "general"):
                    assert len(posts_of(fake, guild.channels[channel])) == 1, (guild.name, channel)
        for reader in readers.values():
            assert len(posts_of(fake, fake.dm_channel_id(reader) or 0)) == 1
        for shard in range(SHARDS):
            queued = {int(line.split("guild=")[1].split()[0]) for line in cluster.log(shard).splitlines()
                      if "digest queued guild=" in line}
            assert queued == {g.id for g in cluster.servers[shard]}, cluster.logs()


async def test_the_work_of_a_killed_process_is_taken_over(shared_database: str,
                                                         tmp_path: Path) -> None:
    """Shard 1's process is killed: after it has been silent for a while, shard 0's process
    sends shard 1's servers' outbox (and would write their digests), once; and stops when a
    new process of shard 1 is back."""
    async with open_cluster(tmp_path, shared_database) as cluster:
        fake = cluster.fake
        await cluster.start(0)
        killed = await cluster.start(1)
        guild = cluster.servers[1][0]
        await asyncio.sleep(2)  # both have beaten
        killed.kill()
        store = await Store.open(shared_database)
        try:
            body = json.dumps({"content": "After the crash", "embeds": []})
            await store.enqueue([OutboxMessage(f"notice:{guild.id}", 0, "notice", body,
                                               guild_id=guild.id,
                                               channel_id=guild.channels["general"])],
                                datetime.now(UTC))
        finally:
            await store.close()
        [notice] = await fake.wait_for_messages(guild.channels["general"], 1,
                                                timeout=SILENT_AFTER.total_seconds() + 40)
        assert notice["content"] == "After the crash"
        assert "shards taken over: 1" in cluster.log(0), cluster.logs()
        await cluster.start(1)  # a new process for shard 1: shard 0's gives it back
        await cluster.stop()
        assert len(posts_of(fake, guild.channels["general"])) == 1


async def test_one_process_leaves_the_servers_of_other_shards_alone(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'newsdesk.db'}"
    async with open_cluster(tmp_path, url) as cluster:
        fake = cluster.fake
        notices = await seed(url, cluster)
        await cluster.start(0)
        await assert_each_server_posted_once(cluster, 0, notices)
        for guild in cluster.servers[1]:
            assert not await digest_claimed(url, guild.id), cluster.logs()
            assert fake.channel_messages(guild.channels["news"]) == []
            assert fake.channel_messages(guild.channels["general"]) == []
            # Discord sends this server's commands to shard 1, which no process runs yet.
            assert fake.connection_for(guild.id) is None
        for guild in cluster.servers[0]:
            record = await answered(fake, "status", guild=guild.id, user=fake.admin)
            assert record.shard == (0, SHARDS) and record.ephemeral


async def next_dispatch(ws: aiohttp.ClientWebSocketResponse) -> dict[str, Any]:
    while True:
        frame = await ws.receive_json(timeout=5)
        if frame.get("op") == 0:
            return dict(frame)


async def identify(ws: aiohttp.ClientWebSocketResponse, shard: list[int]) -> list[dict[str, Any]]:
    """IDENTIFY on `shard`; READY and the GUILD_CREATEs that follow it."""
    assert (await ws.receive_json(timeout=5))["op"] == 10
    await ws.send_json({"op": 2, "d": {"token": "t", "intents": 1, "properties": {}, "shard": shard}})
    ready = await next_dispatch(ws)
    frames = [ready]
    for _ in ready["d"]["guilds"]:
        frames.append(await next_dispatch(ws))
    return frames


async def test_the_fake_discord_sends_each_guild_to_its_shard_only() -> None:
    fake = FakeDiscord(shard_count=SHARDS)
    await fake.start()
    servers = {s: fake.add_guild_on_shard(s, SHARDS).id for s in range(SHARDS)}
    everyone = set(fake.guilds)
    try:
        async with aiohttp.ClientSession() as http:
            async with http.get(f"{fake.api_base}/gateway/bot") as answer:
                assert (await answer.json())["shards"] == SHARDS
            async with http.ws_connect(fake.gateway_url) as zero, http.ws_connect(fake.gateway_url) as one:
                got = {0: await identify(zero, [0, SHARDS]), 1: await identify(one, [1, SHARDS])}
                for shard, frames in got.items():
                    ready, *created = frames
                    assert ready["t"] == "READY" and ready["d"]["shard"] == [shard, SHARDS]
                    listed = {int(g["id"]) for g in ready["d"]["guilds"]}
                    assert listed == {g for g in everyone if (g >> 22) % SHARDS == shard}
                    assert {int(f["d"]["id"]) for f in created} == listed
                    assert [f["s"] for f in frames] == list(range(1, len(frames) + 1))  # per session
                assert listed and servers[1] in listed
                late = fake.add_guild_on_shard(1, SHARDS, name="Joined later")
                created_late = await next_dispatch(one)
                assert (created_late["t"], int(created_late["d"]["id"])) == ("GUILD_CREATE", late.id)
                # A RESUME picks up the session (and so the shard) it names, on a new connection.
                session = got[1][0]["d"]["session_id"]
                await one.close()
                async with http.ws_connect(fake.gateway_url) as again:
                    assert (await again.receive_json(timeout=5))["op"] == 10
                    await again.send_json({"op": 6, "d": {"token": "t", "session_id": session, "seq": 4}})
                    resumed = await next_dispatch(again)
                    assert resumed["t"] == "RESUMED" and fake.connection_for(late.id) is not None
                    assert fake.connection_for(servers[0]) is not fake.connection_for(late.id)
            async with http.ws_connect(fake.gateway_url) as wrong:
                assert (await wrong.receive_json(timeout=5))["op"] == 10
                await wrong.send_json({"op": 2, "d": {"token": "t", "intents": 1, "properties": {},
                                                      "shard": [2, SHARDS]}})
                closed = await wrong.receive(timeout=5)
                assert closed.type is aiohttp.WSMsgType.CLOSE and closed.data == 4010
    finally:
        await fake.stop()
