# ruff: noqa: ASYNC109  -- plain ``timeout=`` arguments read best here
"""SIGKILL the real bot many times in a row, then check that nothing was lost or repeated.

    python bench/kill_storm.py [--kills N] [--seed S] [--feeds N] [--guilds N] [--keep]

The real `python bot.py run` runs as a subprocess against the fake Discord on 127.0.0.1
(tests/e2e/fakediscord.py) and a loopback feed server whose feeds publish new items all
through the run. Members of the first server have two alert subscriptions (one by DM, one
with a mention in a channel); every server gets a daily digest that falls due at some point
of the storm (its schedule is written into the store while the bot is down, as
tests/e2e/test_newsdesk.py does). Each round starts the bot and kills it with SIGKILL:

- "startup": a random 0.2-3 s after the process was spawned (often during start-up);
- "working": a random 0.2-3 s after it identified to the gateway (polling, enriching,
  matching alerts, writing and sending the outbox);
- "held": the fake Discord creates the next message but holds its answer back
  (`hold_next`), and the bot is killed in that window, between sending and recording.

After the storm the bot is started once more and left to settle, then stopped. Checked
against what was published and what reached the fake Discord:

- no (feed, entry) is stored twice, and every published item is stored;
- every outbox row is 'sent', and its message exists exactly once (per nonce `newsdesk-<id>`);
- each server's daily digest was posted exactly once (per nonce and per header text);
- each (subscription, story) alert reached the member exactly once (per story link);
- no alert match is left pending.

Prints the figures; exits 1 if any loss or repeat was seen.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from e2e import fakediscord  # noqa: E402
from e2e.botprocess import BotProcess  # noqa: E402
from e2e.fakediscord import FakeDiscord  # noqa: E402
from e2e.newsroom import bot_config  # noqa: E402

from digests.store.core import Store  # noqa: E402

from feedserver import FeedServer  # noqa: E402

DM_WORD = "volcano"
CHANNEL_WORD = "harbour"
START_TIMEOUT = 30.0
SETTLE_TIMEOUT = 120.0
HOLD_SECONDS = 4.0

SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vu", "dor", "pel", "quin", "sar", "tov", "bri",
             "gan", "hel", "jor", "nix", "ost", "ulm", "zed", "fra", "wen", "yas", "cor", "dru")


@dataclass(frozen=True)
class Published:
    feed: int
    guid: str
    title: str
    text: str
    link: str
    published_at: datetime


@dataclass
class Wire:
    """Feeds on the loopback server that gain items over time; each item is its own story."""

    server: FeedServer
    count: int
    rng: random.Random
    items: list[Published] = field(default_factory=list)
    _serial: int = 0

    def path(self, feed: int) -> str:
        return f"/wire-{feed}.xml"

    def url(self, feed: int) -> str:
        return self.server.url(self.path(feed))

    def _word(self) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(self.rng.randint(2, 4)))

    def add(self, feed: int) -> Published:
        self._serial += 1
        n = self._serial
        topic = self.rng.choice((DM_WORD, CHANNEL_WORD, "", ""))
        words = [self._word() for _ in range(4)]
        title = " ".join(w.capitalize() for w in ([topic] if topic else []) + words[:3]) + f" {n}"
        body = " ".join(self._word() for _ in range(18))
        text = f"{words[0].capitalize()} {words[3]} {body}. Officials in {words[1].capitalize()} said {n}."
        item = Published(feed, f"storm-{feed}-{n}", title, text, f"https://storm.example/{feed}/{n}",
                         datetime.now(UTC).replace(microsecond=0))
        self.items.append(item)
        self.serve(feed)
        return item

    def serve(self, feed: int) -> None:
        entries = "".join(
            f"<item><guid>{i.guid}</guid><title>{escape(i.title)}</title><link>{i.link}</link>"
            f"<description>{escape(i.text)}</description>"
            f"<pubDate>{format_datetime(i.published_at)}</pubDate></item>"
            for i in self.items if i.feed == feed)
        self.server.serve(self.path(feed), f'<?xml version="1.0"?><rss version="2.0"><channel>'
                          f"<title>Storm wire {feed}</title><link>https://storm.example/{feed}</link>"
                          f"<description>news</description>{entries}</channel></rss>")

    async def publish_forever(self, every: float) -> None:
        while True:
            await asyncio.sleep(self.rng.uniform(0.5, 1.5) * every)
            self.add(self.rng.randrange(self.count))


@dataclass
class Storm:
    fake: FakeDiscord
    wire: Wire
    folder: Path
    rng: random.Random
    bots: list[BotProcess] = field(default_factory=list)
    phases: Counter[str] = field(default_factory=Counter)
    held_kills: int = 0
    survived: int = 0
    down_after_held: float = 0.0
    lives_polling: int = 0
    lives_sending: int = 0

    @property
    def database(self) -> Path:
        return self.folder / "newsdesk.db"

    @property
    def config(self) -> Path:
        return self.folder / "config.toml"

    def write_config(self) -> None:
        feeds = {self.wire.url(n): f"Storm {n}" for n in range(self.wire.count)}
        self.config.write_text(bot_config(self.database, feeds, "alerts_per_hour = 100000"))

    def query(self, sql: str, *args: object) -> list[tuple[Any, ...]]:
        with contextlib.closing(sqlite3.connect(self.database, timeout=10)) as conn:
            return conn.execute(sql, args).fetchall()

    def bot_messages(self) -> int:
        return sum(len(self.fake.channel_messages(c)) for c in list(self.fake.channels))

    async def spawn(self) -> BotProcess:
        bot = BotProcess(self.fake, ["run", "--config", str(self.config)], cwd=self.folder,
                         log_path=self.folder / "bot.log")
        self.bots.append(bot)
        await bot.start()
        return bot

    async def identified_after(self, bot: BotProcess, seen: int, timeout: float) -> bool:
        """Wait for a new IDENTIFY; False if the bot died first or the time ran out."""
        deadline = time.monotonic() + timeout
        while len(self.fake.identify_payloads) <= seen:
            if bot.returncode is not None or time.monotonic() > deadline:
                return False
            await asyncio.sleep(0.02)
        return True

    async def start_ready(self) -> BotProcess:
        seen, synced = len(self.fake.identify_payloads), self.fake.sync_count
        bot = await self.spawn()
        if not await self.identified_after(bot, seen, START_TIMEOUT):
            raise RuntimeError(f"the bot did not identify:\n{self.log()}")
        await self.fake.wait_until(lambda: self.fake.sync_count > synced, START_TIMEOUT, "a command sync")
        return bot

    async def kill(self, bot: BotProcess) -> None:
        if bot.returncode is not None:  # it died on its own: not a survived kill, and worth a look
            raise RuntimeError(f"the bot exited by itself with {bot.returncode}:\n{self.log()}")
        bot.kill()
        assert bot.process is not None
        await bot.process.wait()
        bot._close_log()

    async def round(self) -> str:
        phase = self.rng.choices(("startup", "working", "held"), weights=(2, 2, 2))[0]
        seen = len(self.fake.identify_payloads)
        polls = len(self.wire.server.requests)
        sent = len(self.fake.requests_to("POST", "/channels/*/messages"))
        if phase == "held":
            before = self.bot_messages()
            self.fake.hold_next("POST", "/channels/*/messages", seconds=HOLD_SECONDS)
            bot = await self.spawn()
            with contextlib.suppress(TimeoutError):
                await self.fake.wait_until(lambda: self.bot_messages() > before or bot.returncode is not None,
                                           8, "a message to hold")
            if self.bot_messages() > before:
                await asyncio.sleep(self.rng.uniform(0, 0.5))  # still inside the held answer
                self.held_kills += 1
            else:
                phase = "held (nothing to send)"
            self.fake._holds.clear()  # an unused hold must not leak into the next round
        else:
            bot = await self.spawn()
            if phase == "working" and not await self.identified_after(bot, seen, START_TIMEOUT):
                raise RuntimeError(f"the bot did not identify:\n{self.log()}")
            await asyncio.sleep(self.rng.uniform(0.2, 3.0))
            if phase == "startup" and len(self.fake.identify_payloads) == seen:
                phase = "startup (before IDENTIFY)"
        await self.kill(bot)
        self.phases[phase] += 1
        self.lives_polling += len(self.wire.server.requests) > polls
        self.lives_sending += len(self.fake.requests_to("POST", "/channels/*/messages")) > sent
        if phase == "held" and self.down_after_held:
            await asyncio.sleep(self.down_after_held)  # down longer than Discord remembers nonces?
        return phase

    async def seed_digest(self, guild_id: int, channel_id: int) -> None:
        """A daily digest due two minutes ago, set an hour before: as if the bot had been down."""
        now = datetime.now(UTC)
        store = await Store.open(f"sqlite:///{self.database}")
        try:
            await store.set_digest_schedule(guild_id, channel_id=channel_id,
                                            time=f"{now - timedelta(minutes=2):%H:%M}",
                                            timezone="UTC", now=now - timedelta(hours=1))
        finally:
            await store.close()

    def settled(self, guilds: list[int]) -> bool:
        try:
            stored = self.query("SELECT count(*), coalesce(sum(enriched), 0) FROM items")[0]
            waiting = self.query("SELECT count(*) FROM outbox WHERE status IN ('pending', 'blocked')")[0][0]
            pending = self.query("SELECT count(*) FROM alert_matches WHERE state = 'pending'")[0][0]
            undone = self.query("SELECT count(*) FROM guild_settings WHERE digest_channel_id IS NOT NULL "
                                "AND last_digest_on IS NULL")[0][0]
            cursor = self.query("SELECT value FROM bot_state WHERE name = 'alerts.item_cursor'")
            last = self.query("SELECT coalesce(max(id), 0) FROM items")[0][0]
        except sqlite3.OperationalError:
            return False
        return (stored[0] >= len(self.wire.items) and stored[1] == stored[0] and waiting == 0
                and pending == 0 and undone == 0 and bool(cursor) and int(cursor[0][0]) >= last
                and len(guilds) > 0)

    def log(self) -> str:
        path = self.folder / "bot.log"
        return path.read_text(errors="replace")[-6000:] if path.exists() else ""


# Checks --------------------------------------------------------------------------------------

@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    figures: dict[str, Any] = field(default_factory=dict)

    def problem(self, text: str) -> None:
        self.problems.append(text)


def _moment(value: Any) -> datetime:
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check(storm: Storm, guilds: list[tuple[int, int]], general: int) -> Report:
    report = Report()
    fake, wire = storm.fake, storm.wire
    q = storm.query

    duplicates = q("SELECT feed_id, entry_key, count(*) FROM items GROUP BY feed_id, entry_key "
                   "HAVING count(*) > 1")
    for feed_id, key, n in duplicates:
        report.problem(f"entry {key!r} of feed {feed_id} stored {n} times")
    stored_links = Counter(r[0] for r in q("SELECT url FROM items"))
    missing = [i.link for i in wire.items if i.link not in stored_links]
    for link in missing:
        report.problem(f"published item {link} was never stored")
    report.figures.update(published=len(wire.items), stored=sum(stored_links.values()),
                          duplicates=len(duplicates), missing=len(missing))

    # Every outbox row sent, each message created once, under its nonce.
    rows = q("SELECT id, key, part, kind, status, message_id, last_error FROM outbox ORDER BY id")
    by_nonce: dict[str, list[dict[str, Any]]] = {}
    for channel in list(fake.channels):
        for message in fake.channel_messages(channel):
            by_nonce.setdefault(str(message.get("nonce")), []).append(message)
    for row_id, key, part, _kind, status, message_id, error in rows:
        posted = by_nonce.get(f"newsdesk-{row_id}", [])
        if status != "sent":
            report.problem(f"outbox row {row_id} ({key} part {part}) is {status}: {error}")
        if len(posted) != 1:
            report.problem(f"outbox row {row_id} ({key} part {part}) reached Discord {len(posted)} times")
        elif status == "sent" and int(posted[0]["id"]) != int(message_id):
            report.problem(f"outbox row {row_id} recorded message {message_id}, "
                           f"Discord has {posted[0]['id']}")
    unknown = [n for n in by_nonce if not n.startswith("newsdesk-") or
               int(n.removeprefix("newsdesk-")) not in {r[0] for r in rows}]
    for nonce in unknown:
        report.problem(f"{len(by_nonce[nonce])} message(s) with nonce {nonce} that no outbox row wrote")
    report.figures.update(outbox_rows=len(rows), outbox_sent=sum(1 for r in rows if r[4] == "sent"),
                          messages=sum(len(v) for v in by_nonce.values()))

    # Digests: one per server that had one due, each part once, one header per channel.
    delivered = repeated = 0
    for guild_id, channel in guilds:
        parts = [r for r in rows if r[1].startswith(f"digest:{guild_id}:")]
        headers = Counter(m["content"] for m in fake.channel_messages(channel)
                          if m["content"].startswith("Daily digest"))
        keys = {r[1] for r in parts}
        if len(keys) != 1:
            report.problem(f"server {guild_id}: {len(keys)} digests queued ({sorted(keys)})")
        headers_posted = sum(headers.values())
        copies = [len(by_nonce.get(f"newsdesk-{r[0]}", [])) for r in parts]
        if headers_posted == 1 and copies and all(c == 1 for c in copies):
            delivered += 1
        elif headers_posted == 0 or not copies or min(copies) == 0:
            report.problem(f"server {guild_id}: the due digest was not posted whole "
                           f"(header {headers_posted} times, parts {copies})")
        else:
            repeated += 1
            report.problem(f"server {guild_id}: digest repeated (header {headers_posted} times, "
                           f"parts {copies})")
    report.figures.update(digests_expected=len(guilds), digests_delivered=delivered,
                          digests_repeated=repeated)

    # Alerts: every (subscription, story) once, found by the story's links in the embeds.
    subs = q("SELECT id, member_id, query, deliver, channel_id, created_at FROM subscriptions")
    story_items = q("SELECT i.url, i.title, i.seen_at_first_poll, i.first_seen_at, s.story_id "
                    "FROM items i LEFT JOIN story_items s ON s.item_id = i.id")
    links_of: dict[int, set[str]] = {}
    for url, _title, _first, _seen, story in story_items:
        if story is not None:
            links_of.setdefault(story, set()).add(url)
    expected = delivered_alerts = repeated_alerts = lost_alerts = 0
    for _sub, member, query, deliver, channel_id, created in subs:
        wanted = {story for url, title, first, seen, story in story_items
                  if query in title.lower() and not first and story is not None
                  and _moment(seen) >= _moment(created)}
        if deliver == "dm":
            messages = fake.dm_messages(member)
        else:
            messages = [m for m in fake.channel_messages(channel_id or general)
                        if m["content"].startswith(f"<@{member}>") or not m["content"]]
        shown = Counter(e.get("url") for m in messages for e in m.get("embeds", []))
        for story in sorted(wanted):
            expected += 1
            times = sum(shown[link] for link in links_of.get(story, ()))
            if times == 1:
                delivered_alerts += 1
            elif times == 0:
                lost_alerts += 1
                report.problem(f"alert {query!r}: story {story} ({sorted(links_of[story])}) never delivered")
            else:
                delivered_alerts += 1
                repeated_alerts += 1
                report.problem(f"alert {query!r}: story {story} delivered {times} times")
        extra = {link for link in shown if link and not any(link in links_of.get(s, ()) for s in wanted)}
        for link in sorted(extra):
            report.problem(f"alert {query!r}: {link} delivered although nothing expected it")
    pending = q("SELECT count(*) FROM alert_matches WHERE state = 'pending'")[0][0]
    if pending:
        report.problem(f"{pending} alert matches still pending")
    merged = q("SELECT count(*) FROM (SELECT story_id FROM story_items GROUP BY story_id "
               "HAVING count(*) > 1)")[0][0]
    report.figures.update(alerts_expected=expected, alerts_delivered=delivered_alerts,
                          alerts_repeated=repeated_alerts, alerts_lost=lost_alerts,
                          stories_with_several_items=merged)
    return report


# The run -------------------------------------------------------------------------------------

async def storm_run(args: argparse.Namespace) -> int:
    started = time.monotonic()
    rng = random.Random(args.seed)
    folder = Path(tempfile.mkdtemp(prefix="newsdesk-killstorm-"))
    fake = FakeDiscord(heartbeat_interval_ms=1000)
    for n in range(1, args.guilds):
        fake.add_guild(name=f"Storm guild {n}")
    await fake.start()
    server = FeedServer()
    await server.start()
    wire = Wire(server, args.feeds, rng)
    storm = Storm(fake, wire, folder, rng, down_after_held=args.down_after_held)
    if args.nonce_window is not None:
        fakediscord.NONCE_WINDOW_SECONDS = args.nonce_window
    storm.write_config()
    publisher: asyncio.Task[None] | None = None
    try:
        for feed in range(args.feeds):
            for _ in range(3):
                wire.add(feed)
        # Set-up: first polls (never alerted), then the members subscribe.
        bot = await storm.start_ready()
        await _wait(lambda: storm.settled([0]), 60, "the first polls", storm)
        general = fake.guild.channels["general"]
        for options, user, channel in (({"query": DM_WORD}, fake.member, None),
                                       ({"query": CHANNEL_WORD, "deliver": "channel"}, fake.admin, general)):
            record = await fake.invoke("alerts add", options, user=user, channel=channel)
            await record.wait_done(timeout=15)
            if "Alert added" not in record.text():
                raise RuntimeError(f"/alerts add answered {record.text()!r}")
        await bot.stop()

        guilds = [(g.id, g.channels["news"]) for g in fake.guilds.values()]
        seed_at: dict[int, list[tuple[int, int]]] = {}  # round -> the servers whose digest falls due
        for i, guild in enumerate(guilds):
            seed_at.setdefault(min(i * args.kills // len(guilds), args.kills), []).append(guild)
        publisher = asyncio.create_task(wire.publish_forever(args.publish_every))
        print(f"storm: {args.kills} kills, {args.feeds} feeds, {len(guilds)} servers, folder {folder}",
              flush=True)
        for n in range(args.kills):
            for guild_id, channel_id in seed_at.get(n, []):
                await storm.seed_digest(guild_id, channel_id)
            phase = await storm.round()
            storm.survived += 1  # the next start must come up on what the kill left
            print(f"  kill {n + 1:>3}: {phase}", flush=True)
        publisher.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await publisher

        # Once more, left to settle: everything published must arrive, everything due go out.
        fake._holds.clear()
        bot = await storm.start_ready()
        await _wait(lambda: storm.settled([g for g, _ in guilds]), SETTLE_TIMEOUT, "the store to settle",
                    storm)
        await asyncio.sleep(3)  # a few more delivery ticks: a repeat would show now
        code = await bot.stop()
        if code != 0:
            print(f"the last bot exited with {code}", flush=True)
        report = check(storm, guilds, general)
    finally:
        if publisher is not None:
            publisher.cancel()
        for bot in storm.bots:
            bot.kill()
        await server.stop()
        await fake.stop()

    f = report.figures
    print()
    print(f"kills: {sum(storm.phases.values())} ({', '.join(f'{k} {v}' for k, v in storm.phases.items())});"
          f" {storm.held_kills} between send and record; {storm.lives_polling} lives fetched feeds, "
          f"{storm.lives_sending} posted messages")
    print(f"restarts survived: {storm.survived} of {args.kills} (+1 final run to settle)")
    print(f"entries: {f['stored']} stored of {f['published']} published; duplicates {f['duplicates']}, "
          f"missing {f['missing']}")
    print(f"outbox: {f['outbox_sent']} of {f['outbox_rows']} rows sent; {f['messages']} messages on Discord")
    print(f"digests: expected {f['digests_expected']}, delivered {f['digests_delivered']}, "
          f"repeated {f['digests_repeated']}")
    print(f"alerts: expected {f['alerts_expected']}, delivered {f['alerts_delivered']}, "
          f"repeated {f['alerts_repeated']}, lost {f['alerts_lost']}"
          f" (stories with several items: {f['stories_with_several_items']})")
    if fake.rejected or fake.unknown_routes:
        print(f"fake Discord rejected {fake.rejected} / unknown routes {fake.unknown_routes}")
    print(f"wall time: {time.monotonic() - started:.1f} s")
    for problem in report.problems:
        print(f"PROBLEM: {problem}")
    if report.problems:
        print(f"bot log: {folder / 'bot.log'}")
    elif not args.keep:
        shutil.rmtree(folder, ignore_errors=True)
    return 1 if report.problems else 0


async def _wait(predicate: Any, timeout: float, what: str, storm: Storm) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError(f"timed out after {timeout} s waiting for {what}; log:\n{storm.log()}")
        await asyncio.sleep(0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=30, help="how many SIGKILLs (default 30)")
    parser.add_argument("--seed", type=int, default=None, help="random seed (default: random)")
    parser.add_argument("--feeds", type=int, default=3, help="feeds publishing during the storm")
    parser.add_argument("--guilds", type=int, default=4, help="servers, each with one digest due")
    parser.add_argument("--publish-every", type=float, default=0.5,
                        help="mean seconds between new items (over all feeds)")
    parser.add_argument("--nonce-window", type=float, default=None,
                        help="seconds the fake Discord remembers a nonce (default: its own, 300)")
    parser.add_argument("--down-after-held", type=float, default=0.0,
                        help="seconds the bot stays down after a kill between send and record")
    parser.add_argument("--keep", action="store_true", help="keep the working folder")
    args = parser.parse_args()
    if args.seed is None:
        args.seed = random.randrange(1_000_000)
    print(f"seed {args.seed}", flush=True)
    return asyncio.run(storm_run(args))


if __name__ == "__main__":
    sys.exit(main())
