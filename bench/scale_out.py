"""Newsdesk as 1, 2, 3... bot processes on one PostgreSQL database (issue 16, "Measure").

    python bench/scale_out.py [--feeds 2000] [--processes 1,2,3] [--interval 120]
                              [--steady 240] [--kill] [--json PATH]

For each process count N, on a fresh database of one PostgreSQL server (NEWSDESK_TEST_POSTGRES_URL,
or a throw-away cluster started here): N real `python bot.py run` processes (through tests/e2e's
launcher, against one fake Discord with `--shards` shards; the shards split evenly between the
processes), polling the loopback feeds of bench/newsroom_day.py's mix (304s, unchanged 200s,
active feeds gaining 1-3 items an interval, slow, failing and redirecting feeds), served by
bench/scale_out_feeds.py, which logs every answer. `--servers` servers spread over the shards
follow 1-3 feeds each; each has two topic alerts, and tracer alerts: a made-up word that exactly
one future item carries, so that every tracer item stored after its feed's first poll must end
in exactly one DM. Each server's daily digest is set, when the steady window starts, to fall
due during it.

Per N: the cold start (every feed's first poll and the reading of all it brought; ingest and
enrichment throughput, CPU of each bot process and of PostgreSQL), the wait for the schedule
(half an interval after the last first poll, no feed overdue), the steady window (`--steady`
seconds: fetches per feed per interval from the feed server's log), then a drain (everything
due is delivered, or `--drain` seconds), the bots stopped, and the checks: duplicate derived
rows, outbox rows sent twice (a nonce posted twice), tracer alerts lost or repeated, digests per
server. With `--kill` and N >= 2, the last process is SIGKILLed in the middle of the steady
window, and a notice is queued for one of its servers at that moment: how long until the notice
arrives (its shards' work taken over), until the feeds it held are fetched again and the items
it had claimed are read (their leases run out), and what was lost. The kill waits (up to
`--kill-wait` s from mid-window) for that process to hold a feed or item lease, so that lease
expiry is exercised; the drain then lasts up to the feed lease (5 min) plus an interval.

Fetches per feed per interval: from the gaps between each healthy feed's fetches in the steady
window (which needs a window of two intervals or more), beside the plain count in the window
(noisy: the window's edges cut a fetch in or out). Throughput of the cold start: items stored
(read) divided by the time from the first to the last one stored (read) before every feed had
its first poll (before all was read).

The full run (about 35-45 min on 2 cores):
    python bench/scale_out.py --feeds 2000 --processes 1,2,3 --interval 120 --steady 240 --kill \
        --json scale_out.json
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
import json
import math
import os
import random
import re
import shutil
import signal
import sys
import tempfile
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
sys.path[:0] = [str(BENCH)]

from ingest_1000 import descendants  # noqa: E402
from newsroom_day import (  # noqa: E402  (puts the project and tests/ on sys.path)
    ITEMS,
    TOPIC_WORDS,
    FeedPlan,
    Settings,
    build_plans,
    feed_url,
    link_key,
    pct,
    tracer_word,
)
from scale_out_feeds import LoggedFeedServer  # noqa: E402

from pg import admin, database_url  # noqa: E402

TICK = os.sysconf("SC_CLK_TCK")
CORES = os.cpu_count() or 2
HEALTHY = ("conditional", "unconditional", "active", "slow", "redirect")
REDIRECTS = (301, 302, 303, 307, 308)


# PostgreSQL ---------------------------------------------------------------------------------

@dataclass
class Server:
    url: str  # the maintenance database
    folder: Path | None  # the throw-away cluster's, when this bench started one

    def postmaster(self) -> int | None:
        if self.folder is None:
            return None
        with contextlib.suppress(OSError, ValueError):
            return int((self.folder / "data" / "postmaster.pid").read_text().split()[0])
        return None


# CPU from /proc -------------------------------------------------------------------------------

def cpu_seconds(root: int | None) -> float:
    """User + system CPU of `root` and its descendants (the living ones), in seconds."""
    if root is None:
        return 0.0
    total = 0
    for pid in descendants(root):
        with contextlib.suppress(OSError, IndexError, ValueError):
            text = Path(f"/proc/{pid}/stat").read_text()
            fields = text[text.rindex(")") + 2:].split()
            total += int(fields[11]) + int(fields[12])
    return total / TICK


# Seeding the store and the fake Discord -----------------------------------------------------

@dataclass
class World:
    guilds: dict[int, list[int]]  # shard -> its servers
    news: dict[int, int]  # server -> its #news channel
    general: dict[int, int]  # server -> its #general channel
    feed_plan: dict[int, int]  # feed id -> plan index
    tracer_member: dict[tuple[int, int], int]  # (plan index, item number) -> member
    subscriptions: int = 0
    digest_due: dict[int, datetime] = field(default_factory=dict)

    def shard_of(self, guild: int) -> int:
        return next(s for s, gs in self.guilds.items() if guild in gs)


async def seed(store: Any, fake: Any, plans: list[FeedPlan], port: int,
               args: argparse.Namespace, tracers_until: float) -> World:
    from sqlalchemy import insert, select

    from digests.store.schema import feeds as feeds_table
    from digests.store.schema import follows as follows_table

    rng = random.Random(args.seed)
    guilds: dict[int, list[int]] = {s: [] for s in range(args.shards)}
    news, general = {}, {}
    for k in range(args.servers):
        shard = k % args.shards
        guild = fake.add_guild_on_shard(shard, args.shards, name=f"Newsroom {k + 1}")
        guilds[shard].append(guild.id)
        news[guild.id], general[guild.id] = guild.channels["news"], guild.channels["general"]
    every = [g for s in guilds.values() for g in s]
    follows = {p.index: rng.sample(every, min(len(every), rng.choice((1, 1, 2, 3)))) for p in plans}
    now = datetime.now(UTC)
    engine = store._engine  # the set-up is written in bulk; the bots read it through Store
    async with engine.begin() as conn:
        rows = [{"url": feed_url(p, port), "name": None, "full_text": False, "operator": False,
                 "next_check_at": now, "created_at": now, "failure_count": 0, "paused": False,
                 "first_polled": False} for p in plans]
        for chunk in range(0, len(rows), 2000):
            await conn.execute(insert(feeds_table), rows[chunk:chunk + 2000])
        by_url = {feed_url(p, port): p.index for p in plans}
        ids = {int(i): by_url[u] for i, u in (await conn.execute(
            select(feeds_table.c.id, feeds_table.c.url))).all()}
        plan_feed = {index: feed_id for feed_id, index in ids.items()}
        links = [{"guild_id": g, "feed_id": plan_feed[p.index], "name": None, "removed": False,
                  "paused": False, "created_at": now} for p in plans for g in follows[p.index]]
        for chunk in range(0, len(links), 2000):
            await conn.execute(insert(follows_table), links[chunk:chunk + 2000])
    # One subscription per tracer item, in a server that follows its feed; at most four per
    # member (a member gets five alert messages an hour: none is bundled with another).
    tracers = sorted((p.published(n, 0.0), p.index, n) for p in plans for n in p.tracers
                     if p.published(n, 0.0) <= tracers_until)
    members = [fake.add_user(f"tracer{m}") for m in range(max(1, math.ceil(len(tracers) / 4)))]
    tracer_member: dict[tuple[int, int], int] = {}
    for k, (_, index, n) in enumerate(tracers):
        member = members[k % len(members)]
        await store.add_subscription(follows[index][0], member, query=tracer_word(plans[index], n).lower(),
                                     deliver="dm", channel_id=None, now=now, cap=10**6)
        tracer_member[(index, n)] = member
    readers = [fake.add_user(f"reader{m}") for m in range(max(3, args.servers // 2))]
    count = len(tracer_member)
    for j, guild in enumerate(every):
        for k in range(args.topic_subs):
            await store.add_subscription(guild, readers[(k + j) % len(readers)],
                                         query=TOPIC_WORDS[(k * 7 + j) % len(TOPIC_WORDS)],
                                         deliver="dm" if k % 2 else "channel",
                                         channel_id=news[guild], now=now, cap=10**6)
            count += 1
    return World(guilds, news, general, ids, tracer_member, count)


async def schedule_digests(url: str, world: World, start: float, steady: float) -> None:
    """Every server's daily digest due at a whole minute within the steady window (spread)."""
    from digests.store.core import Store

    store = await Store.open(url)
    try:
        every = [g for gs in world.guilds.values() for g in gs]
        span = max(0.0, steady - 30)
        for k, guild in enumerate(every):
            moment = datetime.fromtimestamp(start + 5 + k * span / max(1, len(every)), UTC)
            due = (moment + timedelta(seconds=59.999)).replace(second=0, microsecond=0)
            await store.set_digest_schedule(guild, channel_id=world.news[guild], time=f"{due:%H:%M}",
                                            timezone="UTC", now=datetime.now(UTC))
            world.digest_due[guild] = due
    finally:
        await store.close()


def write_config(folder: Path, url: str, shard_ids: list[int], args: argparse.Namespace,
                 name: str) -> Path:
    config = folder / f"{name}.toml"
    config.write_text(f"""
[storage]
url = "{url}"

[polling]
interval_seconds = {args.interval}
tick_seconds = {args.tick}
parse_workers = {args.workers}
concurrency = {args.concurrency}

[network]
allow_private_addresses = true

[discord]
guild_ready_timeout = 0.5
delivery_seconds = {args.delivery}
shard_count = {args.shards}
shard_ids = {json.dumps(shard_ids)}
""")
    return config


def split_shards(shards: int, processes: int) -> list[list[int]]:
    return [list(range(i * shards // processes, (i + 1) * shards // processes))
            for i in range(processes)]


# Watching the shared store ------------------------------------------------------------------

class Watcher:
    """Reads the database every second: feeds polled, items stored and read, feeds overdue."""

    def __init__(self, url: str, late_after: float) -> None:
        self.url = url
        self.late_after = late_after
        self.timeline: list[dict[str, float]] = []
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        import asyncpg

        self.conn = await asyncpg.connect(self.url)
        self._task = asyncio.create_task(self._run())

    async def _run(self) -> None:
        while True:
            row = await self.conn.fetchrow(
                "SELECT (SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL) AS polled,"
                " (SELECT count(*) FROM items) AS items,"
                " (SELECT count(*) FROM items WHERE enriched) AS read,"
                " (SELECT count(*) FROM feeds WHERE NOT paused"
                "   AND next_check_at < now() - make_interval(secs => $1)) AS overdue",
                self.late_after)
            self.timeline.append({"t": time.time(), **{k: float(v) for k, v in row.items()}})
            await asyncio.sleep(1.0)

    @property
    def last(self) -> dict[str, float]:
        if self._task is not None and self._task.done():
            self._task.result()  # the watcher failed: say why
        return self.timeline[-1] if self.timeline else {}

    async def stop(self) -> None:
        if self._task is None:
            return
        self._task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self._task
        await self.conn.close()

    def last_change(self, key: str, until: float) -> tuple[float | None, float | None, float]:
        """First time `key` was above zero, last time it changed (both up to `until`), its value."""
        rows = [e for e in self.timeline if e["t"] <= until]
        first = next((e["t"] for e in rows if e[key] > 0), None)
        changed = None
        for before, after in itertools.pairwise(rows):
            if after[key] != before[key]:
                changed = after["t"]
        return first, changed, rows[-1][key] if rows else 0.0


# One process count --------------------------------------------------------------------------

@dataclass
class Run:
    n: int
    url: str
    folder: Path
    fake: Any
    world: World
    bots: list[Any] = field(default_factory=list)
    shards: list[list[int]] = field(default_factory=list)
    marks: dict[str, float] = field(default_factory=dict)
    kill: dict[str, Any] = field(default_factory=dict)
    cpu_cold: dict[str, Any] = field(default_factory=dict)

    def logs(self) -> str:
        return "\n".join(f"--- process {i}:\n{b.log_text()[-3000:]}" for i, b in enumerate(self.bots))

    def check_alive(self) -> None:
        for i, bot in enumerate(self.bots):
            if bot.returncode is not None and not (self.kill and i == self.kill["process"]):
                raise RuntimeError(f"bot process {i} exited with {bot.returncode}:\n"
                                   f"{bot.log_text()[-4000:]}")


async def run_count(n: int, args: argparse.Namespace, plans: list[FeedPlan], feeds: LoggedFeedServer,
                    server: Server, top: Path) -> dict[str, Any]:
    from e2e.fakediscord import FakeDiscord

    from digests.store.core import Store

    name = f"scale_out_{n}_{uuid.uuid4().hex[:8]}"
    await admin(server.url, f"CREATE DATABASE {name}")
    url = database_url(server.url, name)
    folder = top / f"n{n}"
    folder.mkdir()
    fake = FakeDiscord(heartbeat_interval_ms=args.heartbeat_ms, shard_count=args.shards)
    watcher = Watcher(url, late_after=2 * args.tick + 30)
    try:
        store = await Store.open(url)  # the schema, by the product's migrations
        try:
            world = await seed(store, fake, plans, feeds.port, args, args.horizon)
        finally:
            await store.close()
        print(f"N={n}: seeded {len(plans):,} feeds, {args.servers} servers on {args.shards} shards, "
              f"{world.subscriptions:,} alert subscriptions ({len(world.tracer_member):,} tracers)",
              flush=True)
        await fake.start()
        run = Run(n, url, folder, fake, world, shards=split_shards(args.shards, n))
        try:
            await _day(run, args, plans, feeds, server, watcher)
        finally:
            for bot in run.bots:
                with contextlib.suppress(Exception):
                    await bot.stop(timeout=30)
            run.marks["stopped"] = time.time()
            await watcher.stop()
            await fake.stop()
        return await analyse(run, args, plans, feeds.fetches(), watcher)
    finally:
        await admin(server.url, f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


async def _day(run: Run, args: argparse.Namespace, plans: list[FeedPlan], feeds: LoggedFeedServer,
               server: Server, watcher: Watcher) -> None:
    from e2e.botprocess import BotProcess

    marks, fake = run.marks, run.fake
    t0 = time.time()
    feeds.start_clock(t0)
    marks["start"] = t0
    for i, shard_ids in enumerate(run.shards):
        config = write_config(run.folder, run.url, shard_ids, args, f"process{i}")
        bot = BotProcess(fake, ["run", "--config", str(config)], cwd=run.folder,
                         log_path=run.folder / f"process{i}.log")
        run.bots.append(bot)
        await bot.start()
    await watcher.start()
    cpu: dict[str, Any] = {"bots": [cpu_seconds(b.process.pid) for b in run.bots],
                           "pg": cpu_seconds(server.postmaster())}
    await fake.wait_until(lambda: len(set(fake.live_shards())) >= args.shards or
                          any(b.returncode is not None for b in run.bots), 180, "every shard live")
    run.check_alive()
    marks["ready"] = time.time()
    print(f"N={run.n}: {args.shards} shards live after {marks['ready'] - t0:.1f} s "
          f"({', '.join(str(s) for s in run.shards)}); cold start", flush=True)
    last_print = time.time()
    while True:
        await asyncio.sleep(1)
        run.check_alive()
        now, last = time.time(), watcher.last
        if "all_polled" not in marks and last.get("polled", 0) >= len(plans):
            marks["all_polled"] = now
        if "all_polled" in marks and last.get("read", -1) >= last.get("items", 0):
            break
        if now - t0 > args.max_cold:
            marks["cold_unfinished"] = now
            print("  the cold start did not finish within --max-cold", flush=True)
            break
        if now - last_print >= 20:
            last_print = now
            print(f"  {now - t0:5.0f} s: {last.get('polled', 0):,.0f} feeds polled, "
                  f"{last.get('items', 0):,.0f} items, {last.get('read', 0):,.0f} read", flush=True)
    marks["cold_end"] = time.time()
    run.cpu_cold = {"bots": [cpu_seconds(b.process.pid) - c for b, c in zip(run.bots, cpu["bots"],
                                                                                       strict=True)],
                            "pg": cpu_seconds(server.postmaster()) - cpu["pg"]}
    earliest = marks.get("all_polled", marks["cold_end"]) + args.interval / 2
    print(f"  cold start done after {marks['cold_end'] - t0:.0f} s; steady window from "
          f"{max(earliest, time.time()) - t0:.0f} s at the earliest", flush=True)
    while time.time() < earliest or watcher.last.get("overdue", 1) > 0:
        run.check_alive()
        if time.time() - marks["cold_end"] > args.max_settle:
            marks["not_settled"] = time.time()
            print("  the bots did not keep up with the schedule within --max-settle", flush=True)
            break
        await asyncio.sleep(1)
    marks["steady_start"] = time.time()
    await schedule_digests(run.url, run.world, marks["steady_start"], args.steady)
    print(f"  steady window: {marks['steady_start'] - t0:.0f} s to "
          f"{marks['steady_start'] - t0 + args.steady:.0f} s", flush=True)
    if args.kill and run.n >= 2:
        await asyncio.sleep(args.steady / 2)
        waited = await until_busy(run, watcher, min(args.kill_wait, args.steady / 2 - 5))
        await kill_one(run, watcher)
        run.kill["waited_for_a_lease_s"] = waited
        await asyncio.sleep(marks["steady_start"] + args.steady - time.time())
    else:
        await asyncio.sleep(args.steady)
    marks["steady_end"] = time.time()
    await drain(run, args, plans, feeds, watcher)


LEASES_OF = ("SELECT (SELECT count(*) FROM feeds WHERE lease_owner LIKE $1 AND lease_until > now())"
             " + (SELECT count(*) FROM items WHERE lease_owner LIKE $1 AND lease_until > now()"
             " AND NOT enriched)")


async def until_busy(run: Run, watcher: Watcher, at_most: float) -> float:
    """Wait (at most `at_most` s) for the process to be killed to hold a feed or item lease,
    so that the kill shows leases running out; the seconds waited."""
    started = time.time()
    owner = f"%:{run.bots[-1].process.pid}:%"
    while time.time() - started < at_most:
        if await (await _conn(run)).fetchval(LEASES_OF, owner):
            break
        await asyncio.sleep(0.1)
    return time.time() - started


async def kill_one(run: Run, watcher: Watcher) -> None:
    """SIGKILL the last process; note the leases it held; queue a notice for one of its servers."""
    from digests.store.core import Store
    from digests.store.servers import OutboxMessage

    victim = len(run.bots) - 1
    bot = run.bots[victim]
    pid = bot.process.pid
    bot.kill()
    await bot.process.wait()
    killed_at = time.time()
    owner = f"%:{pid}:%"
    rows = {}
    for table, extra in (("feeds", ""), ("items", " AND NOT enriched"), ("outbox", " AND status <> 'sent'")):
        rows[table] = [int(r[0]) for r in await (await _conn(run)).fetch(
            f"SELECT id FROM {table} WHERE lease_owner LIKE $1 AND lease_until > now(){extra}", owner)]
    guild = run.world.guilds[run.shards[victim][0]][0]
    store = await Store.open(run.url)
    try:
        body = json.dumps({"content": "After the kill", "embeds": []})
        await store.enqueue([OutboxMessage(f"notice:{guild}:kill", 0, "notice", body, guild_id=guild,
                                           channel_id=run.world.general[guild])], datetime.now(UTC))
    finally:
        await store.close()
    run.kill.update({"process": victim, "pid": pid, "shards": run.shards[victim], "at": killed_at,
                     "notice_guild": guild, "held_feeds": rows["feeds"], "held_items": rows["items"],
                     "held_outbox": rows["outbox"]})
    print(f"  SIGKILL process {victim} (shards {run.shards[victim]}) at "
          f"{killed_at - run.marks['start']:.0f} s; it held {len(rows['feeds'])} feed leases, "
          f"{len(rows['items'])} item leases, {len(rows['outbox'])} outbox leases", flush=True)


def notice_arrival(run: Run) -> float | None:
    from e2e.fakediscord import snowflake_time

    if not run.kill:
        return None
    channel = run.world.general[run.kill["notice_guild"]]
    posted = [m for m in run.fake.channel_messages(channel) if m.get("content") == "After the kill"]
    return snowflake_time(int(posted[0]["id"])) if posted else None


async def drain(run: Run, args: argparse.Namespace, plans: list[FeedPlan], feeds: LoggedFeedServer,
                watcher: Watcher) -> None:
    """Until everything due is delivered, the killed process's feeds fetched again and its
    items read; at most --drain seconds."""
    deadline = time.time() + args.drain
    kill = run.kill
    held_plans = {run.world.feed_plan[f] for f in kill.get("held_feeds", [])}
    while True:
        run.check_alive()
        waiting = []
        if kill:
            if kill.get("notice_at") is None:
                kill["notice_at"] = notice_arrival(run)
                if kill["notice_at"] is None:
                    waiting.append("the notice")
            if kill["held_items"] and kill.get("items_read_at") is None:
                unread = await (await _conn(run)).fetchval(
                    "SELECT count(*) FROM items WHERE id = ANY($1::int[]) AND NOT enriched",
                    kill["held_items"])
                if unread == 0:
                    kill["items_read_at"] = time.time()
                else:
                    waiting.append(f"{unread} claimed items")
            if held_plans:
                fetched = {i for t, i, s in feeds.fetches() if t > kill["at"] and s not in REDIRECTS}
                if held_plans - fetched:
                    waiting.append(f"{len(held_plans - fetched)} held feeds")
        digested = digest_posts(run)
        missing = [g for g, due in run.world.digest_due.items() if not digested.get(g)]
        if missing:
            waiting.append(f"{len(missing)} digests")
        expected = await expected_tracers(run, plans, before=run.marks["steady_end"] - 30)
        undelivered = [k for k, (_, member) in expected.items() if not dms_with(run, plans, k, member)]
        if undelivered:
            waiting.append(f"{len(undelivered)} tracer DMs")
        if not waiting:
            break
        if time.time() > deadline:
            run.marks["drain_unfinished"] = time.time()
            print(f"  drain: still waiting for {', '.join(waiting)} after --drain", flush=True)
            break
        await asyncio.sleep(2)
    run.marks["drained"] = time.time()


def digest_posts(run: Run) -> dict[int, int]:
    """Per server, the daily digests posted in #news (their first message)."""
    return {guild: len(digest_times(run, guild)) for guild in run.world.news}


def digest_times(run: Run, guild: int) -> list[float]:
    from e2e.fakediscord import snowflake_time

    return [snowflake_time(int(m["id"])) for m in run.fake.channel_messages(run.world.news[guild])
            if str(m.get("content", "")).startswith("Daily digest")]


def digest_lateness(run: Run, guilds: list[int]) -> list[float]:
    """Seconds from each server's digest falling due to its post (posted ones only)."""
    return [min(digest_times(run, g)) - run.world.digest_due[g].timestamp()
            for g in guilds if g in run.world.digest_due and digest_times(run, g)]


async def expected_tracers(run: Run, plans: list[FeedPlan],
                           before: float) -> dict[tuple[int, int], tuple[int, int]]:
    """Tracer items stored after their feed's first poll (those alert) before `before`:
    (plan index, item number) -> (item id, member)."""
    rows = await (await _conn(run)).fetch(
        "SELECT id, url FROM items WHERE NOT seen_at_first_poll AND first_seen_at < to_timestamp($1)",
        before)
    out = {}
    for item_id, link in rows:
        key = link_key(link)
        if key is not None and key in run.world.tracer_member:
            out[key] = (int(item_id), run.world.tracer_member[key])
    return out


_connections: dict[str, Any] = {}


async def _conn(run: Run) -> Any:
    import asyncpg

    if run.url not in _connections or _connections[run.url].is_closed():
        _connections[run.url] = await asyncpg.connect(run.url)
    return _connections[run.url]


def dms_with(run: Run, plans: list[FeedPlan], key: tuple[int, int], member: int) -> list[dict[str, Any]]:
    word = re.compile(rf"\b{tracer_word(plans[key[0]], key[1]).lower()}\b")
    return [m for m in run.fake.dm_messages(member) if word.search(json.dumps(m).lower())]


# The figures of one process count -----------------------------------------------------------

DUPLICATES = {
    "items (feed, entry key)": "SELECT feed_id, entry_key FROM items GROUP BY 1, 2",
    "items (feed, link)": "SELECT feed_id, url FROM items WHERE url IS NOT NULL GROUP BY 1, 2",
    "sentences (item, position)": "SELECT item_id, position FROM sentences GROUP BY 1, 2",
    "figures (item, span, measure)": "SELECT item_id, start_offset, end_offset, measure_key FROM figures "
                                     "GROUP BY 1, 2, 3, 4",
    "mentions (item, span, person)": "SELECT item_id, start_offset, end_offset, person_key FROM mentions "
                                     "GROUP BY 1, 2, 3, 4",
    "story_items (item)": "SELECT item_id FROM story_items GROUP BY 1",
    "outbox (key, part)": "SELECT key, part FROM outbox GROUP BY 1, 2",
    "alert_matches (subscription, story)": "SELECT subscription_id, story_id FROM alert_matches "
                                           "GROUP BY 1, 2",
}


async def analyse(run: Run, args: argparse.Namespace, plans: list[FeedPlan],
                  fetches: list[tuple[float, int, int]], watcher: Watcher) -> dict[str, Any]:
    conn = await _conn(run)
    marks, t0 = run.marks, run.marks["start"]
    out: dict[str, Any] = {"processes": run.n, "shards": run.shards,
                           "marks": {k: round(v - t0, 1) for k, v in marks.items()}}
    out["cold"] = cold_figures(run, watcher)
    out["fetches"] = fetch_figures(run, args, plans, fetches)
    dup = {}
    for label, grouped in DUPLICATES.items():
        dup[label] = int(await conn.fetchval(
            f"SELECT count(*) FROM ({grouped} HAVING count(*) > 1) AS d"))
    out["duplicates"] = dup
    store_rows = await conn.fetchrow(
        "SELECT (SELECT count(*) FROM items) AS items, (SELECT count(*) FROM items WHERE enriched) AS read,"
        " (SELECT count(*) FROM items WHERE NOT enriched AND enrich_error IS NOT NULL) AS unread_with_error,"
        " (SELECT count(*) FROM stories) AS stories, (SELECT count(*) FROM story_items) AS story_items,"
        " (SELECT count(*) FROM items i WHERE enriched AND NOT EXISTS"
        "   (SELECT 1 FROM story_items s WHERE s.item_id = i.id)) AS read_not_in_story,"
        " (SELECT count(*) FROM stories s WHERE NOT EXISTS"
        "   (SELECT 1 FROM story_items x WHERE x.story_id = s.id)) AS empty_stories,"
        " (SELECT count(*) FROM sentences) AS sentences, (SELECT count(*) FROM figures) AS figures,"
        " (SELECT count(*) FROM mentions) AS mentions")
    out["store"] = {k: int(v) for k, v in store_rows.items()}
    out["store"]["unread_at_end"] = out["store"]["items"] - out["store"]["read"]
    out["outbox"] = await outbox_figures(run, conn)
    out["alerts"] = await alert_figures(run, plans)
    digested = digest_posts(run)
    out["digests"] = {"servers": len(run.world.digest_due),
                      "per_server": dict(Counter(digested.get(g, 0) for g in run.world.digest_due)),
                      "late_s_p50": pct(digest_lateness(run, list(run.world.digest_due)), 0.5),
                      "late_s_max": max(digest_lateness(run, list(run.world.digest_due)), default=None)}
    out["logs"] = log_figures(run)
    if run.kill:
        out["kill"] = kill_figures(run, plans, fetches)
    out["cpu_cold"] = run.cpu_cold
    await conn.close()
    _connections.pop(run.url, None)
    if args.keep:
        print(f"  kept: {run.folder}")
    return out


def cold_figures(run: Run, watcher: Watcher) -> dict[str, Any]:
    end = run.marks["cold_end"]
    first_item, last_item, items = watcher.last_change("items", run.marks.get("all_polled", end))
    first_read, last_read, read = watcher.last_change("read", end)
    ingest_s = (last_item or end) - (first_item or run.marks["start"])
    read_s = (last_read or end) - (first_read or run.marks["start"])
    out = {"seconds": end - run.marks["start"], "items": items, "read": read,
           "ingest_seconds": ingest_s, "read_seconds": read_s,
           "ingest_per_s": items / ingest_s if ingest_s > 0 else None,
           "read_per_s": read / read_s if read_s > 0 else None}
    out["ingest_per_s_per_process"] = (out["ingest_per_s"] or 0) / run.n
    out["read_per_s_per_process"] = (out["read_per_s"] or 0) / run.n
    return out


def fetch_figures(run: Run, args: argparse.Namespace, plans: list[FeedPlan],
                  fetches: list[tuple[float, int, int]]) -> dict[str, Any]:
    """Fetches per healthy feed per interval in the steady window, and polls closer together
    than half an interval there (a feed polled twice)."""
    start, end = run.marks["steady_start"], run.marks["steady_end"]
    times: dict[int, list[float]] = {}
    for t, index, status in fetches:
        if status not in REDIRECTS:
            times.setdefault(index, []).append(t)
    held = {run.world.feed_plan[f] for f in run.kill.get("held_feeds", [])}
    healthy = [p.index for p in plans if p.kind in HEALTHY]
    counts = {i: sum(1 for t in times.get(i, []) if start <= t <= end) for i in healthy}
    intervals = (end - start) / args.interval
    doubles, gaps = 0, []
    for i in healthy:
        inside = sorted(t for t in times.get(i, []) if start <= t <= end)
        doubles += sum(1 for a, b in itertools.pairwise(inside) if b - a < args.interval / 2)
        gaps += [(b - a) / args.interval for a, b in itertools.pairwise(inside)]
    unheld = [c for i, c in counts.items() if i not in held]
    stop = run.marks["stopped"]
    stale = [i for i in healthy if stop - max(times.get(i, [0.0])) > args.interval + 2 * args.tick + 30]
    return {"healthy_feeds": len(healthy), "window_s": end - start, "intervals": intervals,
            # a feed's fetches per interval, from the gaps between its fetches in the window
            # (the window's edges cut a fetch in or out at random: counts alone are noisy)
            "per_feed_per_interval": len(gaps) / sum(gaps) if gaps else None,
            "per_feed_per_interval_by_count": (sum(counts.values()) / len(healthy) / intervals
                                               if healthy else None),
            "per_feed_per_interval_not_held": (sum(unheld) / len(unheld) / intervals) if unheld else None,
            "distribution": dict(sorted(Counter(counts.values()).items())),
            "polled_twice_within_half_interval": doubles,
            "gap_intervals_p50": pct(gaps, 0.5), "gap_intervals_p99": pct(gaps, 0.99),
            "gap_intervals_max": max(gaps, default=None),
            "unfetched_in_window": sum(1 for c in counts.values() if c == 0),
            "not_fetched_in_last_interval_at_stop": len(stale),
            "all_requests": len(fetches)}


async def outbox_figures(run: Run, conn: Any) -> dict[str, Any]:
    posts = [r for r in run.fake.requests_to("POST", "/channels/*/messages") if r.status == 200]
    nonces = Counter(str((r.json or {}).get("nonce")) for r in posts)
    twice = {n: c for n, c in nonces.items() if c > 1}
    sent = await conn.fetch("SELECT id, kind FROM outbox WHERE status = 'sent'")
    never = [int(r["id"]) for r in sent if f"newsdesk-{r['id']}" not in nonces]
    statuses = dict(await conn.fetch("SELECT status, count(*) FROM outbox GROUP BY 1"))
    return {"posts": len(posts), "nonces_posted_twice": len(twice),
            "examples_twice": dict(list(twice.items())[:5]),
            "rows_by_status": {k: int(v) for k, v in statuses.items()},
            "sent_rows_never_posted": len(never)}


async def alert_figures(run: Run, plans: list[FeedPlan]) -> dict[str, Any]:
    stop = run.marks["stopped"]
    expected = await expected_tracers(run, plans, before=stop)
    settled = await expected_tracers(run, plans, before=stop - 60)
    delivered, lost, repeated = 0, [], []
    for key, (item_id, member) in expected.items():
        shown = dms_with(run, plans, key, member)
        if len(shown) == 1:
            delivered += 1
        elif len(shown) > 1:
            repeated.append({"item": item_id, "dms": len(shown),
                             "nonces": [m.get("nonce") for m in shown]})
        elif key in settled:
            lost.append(item_id)
    return {"tracer_items_alerting": len(expected), "delivered_once": delivered,
            "lost": len(lost), "lost_items": lost[:20], "repeated": len(repeated),
            "repeated_examples": repeated[:5],
            "in_flight_at_stop": len(expected) - delivered - len(lost) - len(repeated)}


def log_figures(run: Run) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for i, bot in enumerate(run.bots):
        text = bot.log_text()
        out[f"process{i}"] = {
            "taken_over": [line.split("shards taken over:")[1].strip()[:80]
                           for line in text.splitlines() if "shards taken over:" in line],
            # what this process did, from its own log lines (the whole run)
            "items_stored": sum(int(m) for m in re.findall(r"polled feeds=\d+ new_items=(\d+)", text)),
            "items_read": sum(int(m) for m in re.findall(r"enriched items=(\d+)", text)),
            "tracebacks": text.count("Traceback"),
            "gateway_behind": text.count("Can't keep up"),  # discord.py: the event loop lagged
            "errors": sum(1 for line in text.splitlines() if " ERROR " in line),
        }
    return out


def kill_figures(run: Run, plans: list[FeedPlan], fetches: list[tuple[float, int, int]]) -> dict[str, Any]:
    kill = run.kill
    at = kill["at"]
    held_plans = {run.world.feed_plan[f] for f in kill["held_feeds"]}
    refetched: dict[int, float] = {}
    for t, index, status in sorted(fetches):
        if t > at and index in held_plans and index not in refetched and status not in REDIRECTS:
            refetched[index] = t
    notice = kill.get("notice_at")
    theirs = [g for shard in kill["shards"] for g in run.world.guilds[shard]
              if run.world.digest_due.get(g) and run.world.digest_due[g].timestamp() > at]
    late = digest_lateness(run, theirs)
    return {"process": kill["process"], "shards": kill["shards"], "at_s": round(at - run.marks["start"], 1),
            "waited_for_a_lease_s": kill.get("waited_for_a_lease_s"),
            "notice_delivered_after_s": None if notice is None else notice - at,
            "held_feeds": len(kill["held_feeds"]), "held_feeds_refetched": len(refetched),
            "held_feeds_detail": [{"plan": i, "kind": plans[i].kind,
                                   "fetches_from_kill_s": [round(t - at, 1) for t, j, _ in fetches
                                                           if j == i and t > at - 15]}
                                  for i in sorted(held_plans)][:20],
            "held_feeds_refetched_after_s": (max(refetched.values()) - at) if refetched else None,
            "held_items": len(kill["held_items"]),
            "held_items_read_after_s": (kill["items_read_at"] - at) if kill.get("items_read_at") else None,
            "held_outbox": len(kill["held_outbox"]),
            "its_digests_due_after_kill": len(theirs), "of_them_posted": len(late),
            "their_lateness_s_max": max(late, default=None)}


# Report -------------------------------------------------------------------------------------

def fmt(value: Any, digits: int = 1) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:,.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def report(results: list[dict[str, Any]], args: argparse.Namespace) -> None:
    base = next((r for r in results if r["processes"] == 1), None)
    print(f"\n== scale-out: {args.feeds:,} feeds, interval {args.interval} s, {args.shards} shards, "
          f"{args.servers} servers, {CORES} cores ==")
    for r in results:
        n, cold, f = r["processes"], r["cold"], r["fetches"]
        print(f"\nN={n} processes (shards {r['shards']}):")
        ratio_in = ratio_read = None
        if base and base["cold"]["ingest_per_s"] and cold["ingest_per_s"]:
            ratio_in = cold["ingest_per_s"] / base["cold"]["ingest_per_s"]
        if base and base["cold"]["read_per_s"] and cold["read_per_s"]:
            ratio_read = cold["read_per_s"] / base["cold"]["read_per_s"]
        print(f"  cold start {fmt(cold['seconds'], 0)} s: {fmt(cold['items'], 0)} items stored in "
              f"{fmt(cold['ingest_seconds'], 0)} s = {fmt(cold['ingest_per_s'])}/s "
              f"({fmt(cold['ingest_per_s_per_process'])}/s per process, x{fmt(ratio_in, 2)} of N=1); "
              f"{fmt(cold['read'], 0)} read in {fmt(cold['read_seconds'], 0)} s = "
              f"{fmt(cold['read_per_s'])}/s "
              f"({fmt(cold['read_per_s_per_process'])}/s per process, x{fmt(ratio_read, 2)} of N=1)")
        cpu = r.get("cpu_cold")
        if cpu:
            wall = cold["seconds"]
            print(f"  CPU in the cold start: bots {' + '.join(fmt(c, 0) for c in cpu['bots'])} s, "
                  f"PostgreSQL {fmt(cpu['pg'], 0)} s, of {fmt(CORES * wall, 0)} core-seconds "
                  f"({fmt(100 * (sum(cpu['bots']) + cpu['pg']) / (CORES * wall), 0)} % of the machine)")
        print(f"  steady window {fmt(f['window_s'], 0)} s ({fmt(f['intervals'], 2)} intervals): "
              f"{fmt(f['per_feed_per_interval'], 3)} fetches per healthy feed per interval (from the "
              f"gaps between fetches; by counts in the window {fmt(f['per_feed_per_interval_by_count'], 3)}, "
              f"{fmt(f['per_feed_per_interval_not_held'], 3)} leaving out feeds leased by a killed "
              f"process); per-feed counts {f['distribution']}; gap between a feed's fetches "
              f"{fmt(f['gap_intervals_p50'], 2)} intervals (p50), {fmt(f['gap_intervals_p99'], 2)} (p99), "
              f"{fmt(f['gap_intervals_max'], 2)} (max); polled twice within half an interval: "
              f"{f['polled_twice_within_half_interval']}; healthy feeds not fetched in the last interval "
              f"before stop: {f['not_fetched_in_last_interval_at_stop']}")
        dup = r["duplicates"]
        which = ", ".join(f"{k} {v}" for k, v in dup.items() if v) or f"none of {len(dup)} kinds"
        print(f"  duplicate derived rows: {sum(dup.values())} ({which})")
        o, a, d, s = r["outbox"], r["alerts"], r["digests"], r["store"]
        print(f"  outbox: {o['posts']} posts, nonces posted twice {o['nonces_posted_twice']}, rows marked "
              f"sent never posted {o['sent_rows_never_posted']}; rows {o['rows_by_status']}")
        print(f"  tracer alerts: {a['tracer_items_alerting']} expected, "
              f"{a['delivered_once']} delivered once, "
              f"lost {a['lost']}, repeated {a['repeated']}, in flight at stop {a['in_flight_at_stop']}")
        print(f"  digests: {d['servers']} servers, posts per server {d['per_server']}, posted "
              f"{fmt(d['late_s_p50'])} s after due (p50), {fmt(d['late_s_max'])} s (max)")
        print(f"  store: {s['items']:,} items ({s['unread_at_end']} unread at stop), "
              f"{s['stories']:,} stories "
              f"holding {s['story_items']:,} items ({s['read_not_in_story']} read items in no story, "
              f"{s['empty_stories']} empty stories)")
        logs = r["logs"]
        print("  logs: " + "; ".join(f"{k}: stored {v['items_stored']:,} items, read {v['items_read']:,}, "
                                     f"{v['tracebacks']} tracebacks, {v['errors']} errors, "
                                     f"{v['gateway_behind']} 'Can't keep up' gateway warnings"
                                     + (f", took over {v['taken_over']}" if v["taken_over"] else "")
                                     for k, v in logs.items()))
        k = r.get("kill")
        if k:
            print(f"  SIGKILL of process {k['process']} (shards {k['shards']}) at {k['at_s']} s "
                  f"(after waiting {fmt(k['waited_for_a_lease_s'])} s for it to hold a lease): notice for "
                  f"one of its servers delivered after {fmt(k['notice_delivered_after_s'])} s; "
                  f"{k['held_feeds']} feed leases held, {k['held_feeds_refetched']} fetched again "
                  f"(last after {fmt(k['held_feeds_refetched_after_s'])} s); {k['held_items']} item leases "
                  f"held, read after {fmt(k['held_items_read_after_s'])} s; {k['held_outbox']} outbox "
                  f"leases; {k['its_digests_due_after_kill']} of its servers' digests due after the kill, "
                  f"{k['of_them_posted']} posted, at most {fmt(k['their_lateness_s_max'])} s after due")
        unfinished = [m for m in ("cold_unfinished", "not_settled", "drain_unfinished") if m in r["marks"]]
        if unfinished:
            print(f"  NOT FINISHED: {', '.join(unfinished)} (see marks {r['marks']})")


def summary(results: list[dict[str, Any]]) -> None:
    """Throughput against N, and what each item costs in CPU: when the cost per item stays
    flat as N grows, throughput grows with the cores there are to spend it on."""
    base = next((r for r in results if r["processes"] == 1), None)
    print("\n  N  ingest/s  x N=1   read/s  x N=1  machine busy  bot CPU ms/item  PG CPU ms/item")
    for r in results:
        cold, cpu = r["cold"], r.get("cpu_cold") or {"bots": [0.0], "pg": 0.0}
        ratios = []
        for key in ("ingest_per_s", "read_per_s"):
            mine, theirs = cold[key], base["cold"][key] if base else None
            ratios.append(mine / theirs if mine and theirs else None)
        items = max(1.0, cold["items"])
        busy = (sum(cpu["bots"]) + cpu["pg"]) / (CORES * cold["seconds"]) if cold["seconds"] else None
        print(f"  {r['processes']}  {fmt(cold['ingest_per_s']):>8}  {fmt(ratios[0], 2):>5}  "
              f"{fmt(cold['read_per_s']):>7}  {fmt(ratios[1], 2):>5}  "
              f"{fmt(None if busy is None else 100 * busy, 0):>10} %  "
              f"{fmt(1000 * sum(cpu['bots']) / items, 2):>15}  {fmt(1000 * cpu['pg'] / items, 2):>14}")


# Main ---------------------------------------------------------------------------------------

def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--feeds", type=int, default=2000)
    p.add_argument("--processes", default="1,2,3", help="process counts to run, comma-separated")
    p.add_argument("--interval", type=int, default=120, help="the bots' polling interval (s)")
    p.add_argument("--steady", type=int, default=None, help="steady window (s; default two intervals)")
    p.add_argument("--kill", action="store_true", help="SIGKILL one process mid-window when N >= 2")
    p.add_argument("--kill-wait", type=float, default=30.0,
                   help="from mid-window, wait at most this (s) for the process to hold a lease")
    p.add_argument("--heartbeat-ms", type=int, default=41_250, help="the fake gateway's heartbeat "
                   "interval (Discord's; a kill is noticed by the shard holders' beats, not by this)")
    p.add_argument("--shards", type=int, default=6)
    p.add_argument("--servers", type=int, default=24)
    p.add_argument("--topic-subs", type=int, default=2, help="topic alerts per server")
    p.add_argument("--tracers", type=int, default=20, help="tracer items per interval (about)")
    p.add_argument("--tick", type=int, default=10, help="the bots' tick_seconds")
    p.add_argument("--delivery", type=float, default=5.0, help="the bots' delivery_seconds")
    p.add_argument("--workers", type=int, default=0, help="the bots' parse_workers (0: per core)")
    p.add_argument("--concurrency", type=int, default=32, help="the bots' polling concurrency")
    p.add_argument("--max-cold", type=int, default=900, help="give each cold start at most this (s)")
    p.add_argument("--max-settle", type=int, default=None, help="(s; default two intervals)")
    p.add_argument("--drain", type=int, default=None,
                   help="after the window, wait at most this for what is due (s; default 90, "
                        "or with --kill the feed lease (5 min) plus an interval)")
    p.add_argument("--seed", type=int, default=20261204)
    p.add_argument("--json", type=Path, default=None, help="write every figure here")
    p.add_argument("--keep", action="store_true", help="keep the working folder (configs, logs)")
    return p


def start_server() -> tuple[Server, Any]:
    import pg

    given = os.environ.get("NEWSDESK_TEST_POSTGRES_URL")
    if given:
        return Server(given, None), None
    cluster = pg.Cluster.start()
    return Server(cluster.url, cluster.folder), cluster


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    counts = [int(c) for c in args.processes.split(",") if c.strip()]
    if any(c < 1 or c > args.shards for c in counts):
        print("each process count must be between 1 and --shards")
        return 2
    if not ITEMS.exists():
        print(f"needs {ITEMS} (../shared/corpora next to the project)")
        return 2
    if args.steady is None:
        args.steady = 2 * args.interval
    if args.max_settle is None:
        args.max_settle = 2 * args.interval
    if args.drain is None:
        args.drain = 300 + args.interval + 60 if args.kill else 90
    args.horizon = args.max_cold + args.max_settle + args.steady + args.drain + 3 * args.interval
    settings = Settings(args.feeds, 0, args.interval, args.horizon, args.seed, args.tracers)
    plans = build_plans(settings)
    kinds = Counter(p.kind for p in plans)
    print(f"{time.strftime('%Y-%m-%d %H:%M')}; load {os.getloadavg()[0]:.2f}; {len(plans):,} feeds "
          f"{dict(sorted(kinds.items()))}; {sum(p.initial for p in plans):,} items listed at start; "
          f"process counts {counts}", flush=True)
    top = Path(tempfile.mkdtemp(prefix="newsdesk-scale-"))
    feeds: LoggedFeedServer | None = None
    cluster = None
    results: list[dict[str, Any]] = []
    started = time.time()
    try:
        server, cluster = start_server()
        feeds = LoggedFeedServer(settings)
        for n in counts:
            results.append(asyncio.run(run_count(n, args, plans, feeds, server, top)))
            if args.json:  # every figure so far, should a later count fail
                write_json(args, results, started)
    finally:
        if feeds is not None:
            feeds.stop()
        if cluster is not None:
            cluster.stop()
        if not args.keep:
            shutil.rmtree(top, ignore_errors=True)
    report(results, args)
    summary(results)
    print(f"\nwhole bench: {(time.time() - started) / 60:.1f} min")
    if args.json:
        write_json(args, results, started)
    return 0


def write_json(args: argparse.Namespace, results: list[dict[str, Any]], started: float) -> None:
    args.json.write_text(json.dumps({"args": {k: str(v) for k, v in vars(args).items()},
                                     "cores": CORES, "wall_s": time.time() - started,
                                     "runs": results}, indent=1, default=str))


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    sys.exit(main())
