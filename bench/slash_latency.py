"""Slash-command response times through the fake Discord, with 50,000 stored entries.

    python bench/slash_latency.py [--entries 50000] [--rounds 40]

The real `python bot.py run` (a subprocess) answers /ask, /figures and /who sent by the fake
Discord of tests/e2e over 127.0.0.1, on a store of `--entries` enriched entries (the news-2022
items, copied with distinct links and earlier dates; built once and cached in the temp folder).
Two phases, each on a fresh copy of that store:

- idle: nothing to poll;
- ingesting: the 200 real feeds of shared/corpora/real-feeds, served from a separate process,
  are all due at start, so the bot fetches, parses and enriches them while commands arrive.
  Only the commands answered while that work is still going on are counted.
- loaded: 100 servers, 10,000 alert subscriptions, and 1,000 feeds (the 200 served five times
  under different URLs) all due at start; counted the same way.

The bot logs the largest event-loop lag it saw (digests/loopwatch.py); it is printed too.

Printed per phase and command: INTERACTION_CREATE to the first response (the bot defers at
once: Discord's 3-second deadline is about this) and to the complete answer, median and 99th
percentile, in milliseconds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "bench")]

from e2e.botprocess import BotProcess  # noqa: E402
from e2e.fakediscord import FakeDiscord  # noqa: E402
from eval_answers import read_jsonl, store_items  # noqa: E402
from ingest_real_feeds import DEFAULT_CORPUS as FEEDS_FOLDER  # noqa: E402
from ingest_real_feeds import serve  # noqa: E402

from digests.feeds.reading import WORKER_MODULES as READING_MODULES  # noqa: E402
from digests.news.enrichment import WORKER_MODULES as ANALYSIS_MODULES  # noqa: E402
from digests.news.enrichment import Enricher  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store.core import Store  # noqa: E402

WARM_MODULES = (*READING_MODULES, *ANALYSIS_MODULES)

ITEMS = ROOT.parent / "shared" / "corpora" / "news-2022" / "items.jsonl"
QUESTIONS = ROOT / "bench" / "questions_ukraine.jsonl"
CACHE = Path(tempfile.gettempdir()) / "newsdesk-bench"
TOPICS = [None, "refugees", "troops", "civilians killed", "sanctions", "oil"]
PACE = 0.25
LAG = re.compile(r"largest event-loop lag: (\d+) ms")


@dataclass(frozen=True)
class Load:
    name: str
    live: list[str]
    servers: int = 1
    subscriptions: int = 0
    wait_for_ingest: bool = True


@dataclass
class Samples:
    first: dict[str, list[float]] = field(default_factory=dict)
    done: dict[str, list[float]] = field(default_factory=dict)

    def add(self, command: str, first: float, done: float) -> None:
        self.first.setdefault(command, []).append(first * 1000)
        self.done.setdefault(command, []).append(done * 1000)


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# The store -----------------------------------------------------------------------------------

def copies(rows: list[dict[str, object]], count: int) -> list[dict[str, object]]:
    """`count` rows: the corpus, then copies of it with distinct links, each a week earlier."""
    out = []
    for n in range(count):
        row = dict(rows[n % len(rows)])
        copy = n // len(rows)
        if copy:
            row["link"] = f"{row['link']}#copy{copy}"
            row["published"] = (datetime.fromisoformat(str(row["published"]))
                                - timedelta(days=7 * copy)).isoformat()
        out.append(row)
    return out


async def build_store(path: Path, entries: int) -> list[str]:
    """Store and enrich the entries; returns the feed URLs (paused: they are never polled)."""
    rows = copies(read_jsonl(ITEMS), entries)
    store = await Store.open(f"sqlite:///{path}")
    await store_items(store, rows)
    now = datetime.now(UTC)
    feeds = await store.all_feeds()
    for feed in feeds:
        await store.pause_feed(feed.id, now=now, reason="benchmark archive", by="bench")
        if not feed.url.startswith(("http://", "https://")):  # a few corpus sources are bare hosts
            await store.move_feed(feed.id, f"https://{feed.url}/")
    feeds = await store.all_feeds()
    workers = WorkerPool(2, warm=WARM_MODULES)
    started = time.perf_counter()
    enriched = await Enricher(store, workers).run(now)
    print(f"built the store: {enriched:,} entries enriched in {time.perf_counter() - started:.0f} s")
    workers.close()
    await store.close()
    return [f.url for f in feeds]


async def cached_store(entries: int) -> tuple[Path, list[str]]:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"latency-{entries}.db"
    urls_file = path.with_suffix(".json")
    if not path.exists() or not urls_file.exists():
        path.unlink(missing_ok=True)
        urls_file.write_text(json.dumps(await build_store(path, entries)))
    return path, json.loads(urls_file.read_text())


# One phase -----------------------------------------------------------------------------------

def write_config(folder: Path, database: Path, archive: list[str], live: list[str]) -> Path:
    feeds = "".join(f'\n[[feeds]]\nurl = "{url}"\n' for url in [*archive, *live])
    config = folder / "config.toml"
    config.write_text(f"""
[storage]
url = "sqlite:///{database}"

[polling]
interval_seconds = 3600
max_interval_seconds = 21600
tick_seconds = 1

[network]
allow_private_addresses = true

[discord]
guild_ready_timeout = 0.05
{feeds}""")
    return config


def busy(database: Path, live: int) -> bool:
    """Whether the bot is still polling the live feeds or enriching what they brought."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        polled = conn.execute("SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL "
                              "AND paused = 0").fetchone()[0]
        pending = conn.execute("SELECT count(*) FROM items WHERE NOT enriched").fetchone()[0]
    return polled < live or pending > 0


def highest_item_id(database: Path) -> int:
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        return int(conn.execute("SELECT coalesce(max(id), 0) FROM items").fetchone()[0])


def progress(database: Path, first_new_id: int) -> str:
    """How far the bot got with the live feeds: feeds polled, and how many of the items they
    brought (ids from `first_new_id` on) are enriched."""
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as conn:
        polled = conn.execute("SELECT count(*) FROM feeds WHERE last_polled_at IS NOT NULL "
                              "AND paused = 0").fetchone()[0]
        new, done = conn.execute("SELECT count(*), sum(enriched) FROM items WHERE id >= ?",
                                 (first_new_id,)).fetchone()
    return f"{polled} feeds polled, {done or 0:,} of {new:,} new items enriched"


def invocations(rounds: int, questions: list[str], people: list[str]) -> list[tuple[str, dict[str, str]]]:
    calls: list[tuple[str, dict[str, str]]] = []
    for n in range(rounds):
        calls.append(("ask", {"question": questions[n % len(questions)]}))
        topic = TOPICS[n % len(TOPICS)]
        calls.append(("figures", {"topic": topic} if topic else {}))
        calls.append(("who", {"name": people[n % len(people)]}))
        calls.append(("who (autocomplete)", {"name": people[(n * 7) % len(people)][:3]}))
    return calls


async def seed_subscriptions(database: Path, fake: FakeDiscord, count: int, words: list[str]) -> None:
    """`count` channel alerts spread over the fake's servers, with queries made of title words."""
    store = await Store.open(f"sqlite:///{database}")
    guilds = list(fake.guilds.values())
    chooser = random.Random(7)
    now = datetime.now(UTC)
    for n in range(count):
        guild = guilds[n % len(guilds)]
        query = " ".join(chooser.sample(words, chooser.choice((1, 1, 2))))
        await store.add_subscription(guild.id, fake.snowflakes.next(), query=query, deliver="channel",
                                     channel_id=guild.channels["news"], now=now, cap=10**6)
    await store.close()


async def run_phase(load: Load, store_file: Path, archive: list[str],
                    calls: list[tuple[str, dict[str, str]]], words: list[str],
                    keep_logs: Path | None = None) -> tuple[Samples, str]:
    name, live = load.name, load.live
    samples = Samples()
    with tempfile.TemporaryDirectory(prefix="newsdesk-latency-") as folder_name:
        folder = Path(folder_name)
        database = folder / "newsdesk.db"
        shutil.copy(store_file, database)
        config = write_config(folder, database, archive, live)
        fake = FakeDiscord()
        for number in range(load.servers - 1):
            fake.add_guild(name=f"Server {number + 2}")
        if load.subscriptions:
            await seed_subscriptions(database, fake, load.subscriptions, words)
        first_new_id = highest_item_id(database) + 1
        await fake.start()
        bot = BotProcess(fake, ["run", "--config", str(config)], cwd=folder, log_path=folder / "bot.log")
        await bot.start()
        try:
            await bot.wait_identified(timeout=60)
            await fake.wait_synced(timeout=60)
            ingest_started = time.perf_counter()
            print(f"{name}: bot ready, sending {len(calls)} commands at most", flush=True)
            for command, options in calls:
                if live and not busy(database, len(live)):
                    break
                await asyncio.sleep(PACE)  # members ask now and then; a closed loop would be a DoS
                if command.endswith("(autocomplete)"):
                    started = time.monotonic()
                    choices = await fake.autocomplete("who", options, "name", timeout=60)
                    assert len(choices) <= 25
                    took = time.monotonic() - started
                    samples.add(command, took, took)
                    continue
                record = await fake.invoke(command, options)
                await record.wait_done(timeout=60)
                finished = time.monotonic()
                assert record.first_response_at is not None
                samples.add(command, record.first_response_at - record.sent_at,
                            finished - record.sent_at)
            if live and load.wait_for_ingest:
                await fake.wait_until(lambda: not busy(database, len(live)), 900, "the ingest to end")
                print(f"{name}: ingest and enrichment of the live feeds took "
                      f"{time.perf_counter() - ingest_started:.1f} s")
            elif live:
                took = time.perf_counter() - ingest_started
                print(f"{name}: {progress(database, first_new_id)} after {took:.0f} s")
            assert not fake.rejected and not fake.unknown_routes, (fake.rejected, fake.unknown_routes)
        finally:
            await bot.stop()
            await fake.stop()
        lag = LAG.search((folder / "bot.log").read_text(errors="replace"))
        if keep_logs is not None:
            keep_logs.mkdir(parents=True, exist_ok=True)
            shutil.copy(folder / "bot.log", keep_logs / f"bot-{name}.log")
    return samples, f"{lag.group(1)} ms" if lag else "not logged"


def report(name: str, samples: Samples) -> None:
    for command in ("ask", "figures", "who", "who (autocomplete)"):
        first, done = samples.first.get(command, []), samples.done.get(command, [])
        if not first:
            print(f"{name:<10}{command:<20} no samples")
            continue
        print(f"{name:<10}{command:<20}{len(first):>5}"
              f"{statistics.median(first):>10.1f}{percentile(first, 0.99):>10.1f}"
              f"{statistics.median(done):>10.1f}{percentile(done, 0.99):>10.1f}")


async def main_async(entries: int, rounds: int, phases: set[str],
                     keep_logs: Path | None = None) -> None:
    store_file, archive = await cached_store(entries)
    with sqlite3.connect(store_file) as conn:
        people = [r[0] for r in conn.execute(
            "SELECT max(name) FROM mentions GROUP BY person_key ORDER BY count(*) DESC LIMIT 40")]
        titles = [r[0] for r in conn.execute("SELECT title FROM items LIMIT 3000")]
    words = sorted({w.lower() for t in titles for w in re.findall(r"[A-Za-z]{5,}", t)})
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line]
    calls = invocations(rounds, questions, people)
    ports: multiprocessing.Queue[int] = multiprocessing.Queue()
    server = multiprocessing.Process(target=serve, args=(str(FEEDS_FOLDER), ports), daemon=True)
    server.start()
    port = ports.get(timeout=30)
    names = sorted(p.name for p in FEEDS_FOLDER.iterdir() if p.is_file())
    feeds = {copy: [f"http://127.0.0.1:{port}/{copy}/{name}" for name in names] for copy in range(5)}
    loads = [Load("idle", []), Load("ingesting", feeds[0]),
             Load("loaded", [u for copy in range(5) for u in feeds[copy]], servers=100,
                  subscriptions=10_000, wait_for_ingest=False)]
    results = []
    try:
        for load in [load for load in loads if load.name in phases]:
            results.append((load.name, *await run_phase(load, store_file, archive, calls, words,
                                                             keep_logs)))
            name, samples, lag = results[-1]
            report(name, samples)
            print(f"largest event-loop lag in the bot, {name}: {lag}", flush=True)
    finally:
        server.terminate()
    print(f"\n{entries:,} stored entries; times in ms from INTERACTION_CREATE")
    print(f"{'phase':<10}{'command':<20}{'n':>5}{'first p50':>10}{'first p99':>10}"
          f"{'done p50':>10}{'done p99':>10}")
    for name, samples, _ in results:
        report(name, samples)
    for name, _, lag in results:
        print(f"largest event-loop lag in the bot, {name}: {lag}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--keep-logs", type=Path, default=None,
                        help="copy each phase's bot log into this folder")
    parser.add_argument("--phases", default="idle,ingesting,loaded",
                        help="comma-separated: idle, ingesting, loaded")
    args = parser.parse_args()
    if not ITEMS.exists() or not FEEDS_FOLDER.exists():
        print("needs ../shared/corpora (news-2022 and real-feeds) next to the project")
        return 2
    asyncio.run(main_async(args.entries, args.rounds, set(args.phases.split(",")), args.keep_logs))
    return 0


if __name__ == "__main__":
    sys.exit(main())
