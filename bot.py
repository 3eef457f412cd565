"""Newsdesk's entry point and composition root.

`python bot.py demo | run | digest | ask | feeds … | status | check-config`. This module loads
the configuration, builds the HTTP session, the store, the worker pool, the poller and the
scheduler, and hands each part exactly what it uses. Nothing here runs at import time, and a
command imports only what it uses: `ask` never loads the HTTP client, the feed machinery or
Discord.

Exit codes: 0 all well, 1 some feeds failed (each listed once), 2 unusable configuration or
storage (or a command line that cannot be used).
"""

from __future__ import annotations

# asyncio is imported by the functions that use it: a worker process spawned from this one
# imports this module, and asyncio's modules would cost each worker 1.6 MiB it never uses.
import argparse
import difflib
import logging
import os
import signal
import sys
from collections.abc import AsyncIterator, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from digests.config import DEFAULT_PATH, Config, StorageConfig, discord_token, load_config
from digests.errors import DigestError

if TYPE_CHECKING:
    from digests.feeds.fetching import Fetcher
    from digests.feeds.polling import Poller
    from digests.models import PollResult
    from digests.news.enrichment import Enricher
    from digests.runtime.metrics import Health, Metrics
    from digests.runtime.progress import Progress
    from digests.runtime.workers import WorkerPool
    from digests.store.core import Store

log = logging.getLogger("newsdesk")

DELIVERY_JOB_ID = "deliver:tick"
RETENTION_JOB_ID = "retention:tick"
METRICS_JOB_ID = "metrics:tick"
ALERTS_AFTER_READ = 1.0
SHARDS_JOB_ID = "shards:beat"
RETENTION_SECONDS = 3600
METRICS_SECONDS = 15.0
ALL_WELL, FEEDS_FAILED, UNUSABLE = 0, 1, 2
GIL_SWITCH_SECONDS = 0.001
"""How long the event loop may wait for the GIL while story assignment holds it in a thread
(Python's default, 5 ms, is paid again after every socket call the loop makes: a convoy)."""


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Observers:
    """Who hears of each poll and of each batch of items read: the progress bar of a command,
    the metrics of the bot. Filled in after the services are built."""

    polled: list[Callable[[PollResult, str | None], None]] = field(default_factory=list)
    read: list[Callable[[int], None]] = field(default_factory=list)

    def on_polled(self, result: PollResult, kind: str | None) -> None:
        for hear in self.polled:
            hear(result, kind)

    def on_read(self, items: int) -> None:
        for hear in self.read:
            hear(items)


@dataclass(frozen=True, slots=True)
class Services:
    """Everything the commands and the bot need, built once from the configuration."""

    config: Config
    store: Store
    fetcher: Fetcher
    workers: WorkerPool
    poller: Poller
    enricher: Enricher
    observers: Observers

    async def poll_tick(self, now: datetime) -> datetime | None:
        """The scheduler's polling tick: start polling the feeds that are due (enrichment
        follows what they store) and return when the next one falls due, for the tick to run
        again then. `catch_up` is the safety net for what a crash left unread."""
        await self.poller.dispatch_due(now)
        self.enricher.catch_up()
        return await self.store.next_check_after(now)

    async def prune(self, now: datetime) -> None:
        """What the retention period no longer keeps, deleted (hourly, in small batches)."""
        from digests.store.retention import Pruned

        pruned = await self.store.prune(now, timedelta(days=self.config.storage.retention_days))
        if pruned != Pruned():
            log.info("retention items=%s stories=%s fetch_errors=%s outbox=%s", pruned.items,
                     pruned.stories, pruned.fetch_errors, pruned.outbox)


@asynccontextmanager
async def open_store(config: Config) -> AsyncIterator[Store]:
    """The store alone, with the operator's feeds of the file registered: for the commands
    that only read it or change a feed's state."""
    from digests.store.core import Store

    store = await Store.open(config.storage.url)
    try:
        await _register_operator_feeds(store, config)
        yield store
    finally:
        await store.close()


STORE_RETRY_FIRST = 1.0
STORE_RETRY_LONGEST = 60.0


async def open_store_patiently(url: str) -> Store:
    """The store, waiting for a database server that is down or refusing: one log line per
    try, with back-off (1 s doubling to 60 s). A file held by another process, a missing driver
    or an unusable schema is not waited for: the error goes up at once."""
    import asyncio

    from digests.errors import DatabaseUnavailable
    from digests.store.core import Store, storage_problem

    pause = STORE_RETRY_FIRST
    while True:
        try:
            return await Store.open(url, upgrade_apart=True)  # Alembic stays out of the bot
        except DatabaseUnavailable as error:
            if url.startswith("sqlite") or storage_problem(url) is not None:
                raise
            log.warning("store unavailable=%r retry_in=%.2fs", str(error), pause)
            await asyncio.sleep(pause)
            pause = min(pause * 2, STORE_RETRY_LONGEST)


@asynccontextmanager
async def open_services(config: Config, *, patient: bool = False) -> AsyncIterator[Services]:
    """Build the services, and close them in reverse order however the block ends; `patient`
    (the bot) waits for a database server that is down rather than giving up."""
    import aiohttp

    from digests.feeds import reading
    from digests.feeds.addresses import connector_for
    from digests.feeds.fetching import Fetcher
    from digests.feeds.fulltext import full_text_enricher
    from digests.feeds.polling import Poller
    from digests.feeds.reading import FeedReader
    from digests.news import enrichment
    from digests.news.enrichment import Enricher
    from digests.runtime.workers import WorkerPool, default_worker_count
    from digests.store.core import Store

    store = await (open_store_patiently if patient else Store.open)(config.storage.url)
    workers = WorkerPool(default_worker_count(config.polling.parse_workers),
                         warm=(*reading.WORKER_MODULES, *enrichment.WORKER_MODULES),
                         memory_limit=reading.WORKER_MEMORY_LIMIT)
    reader = FeedReader(workers, config.polling.parse_timeout_seconds)
    connector = connector_for(config.network.allow_private_addresses, limit=0, ttl_dns_cache=300)
    session = aiohttp.ClientSession(connector=connector, trust_env=False)
    observers = Observers()
    enricher = Enricher(store, workers, on_read=observers.on_read)
    poller: Poller | None = None
    try:
        fetcher = Fetcher(session, config.network, config.user_agent)
        poller = Poller(store, fetcher, reader.parse, config.polling,
                        full_text=full_text_enricher(fetcher, workers, config.polling),
                        retention=timedelta(days=config.storage.retention_days),
                        on_new_items=enricher.wake, on_polled=observers.on_polled)
        await enricher.load(utc_now())
        await _register_operator_feeds(store, config)
        yield Services(config, store, fetcher, workers, poller, enricher, observers)
    finally:
        if poller is not None:
            await poller.drain()
        await enricher.stop()
        await session.close()
        workers.close()
        await store.close()


async def _register_operator_feeds(store: Store, config: Config) -> None:
    from digests.servers.operator import register_operator_feeds

    await register_operator_feeds(store, ((f.url, f.name, f.full_text) for f in config.feeds),
                                  utc_now())


# Commands ----------------------------------------------------------------------------------

DEMO_QUESTIONS = (
    "How many people have fled Ukraine?",
    "Who is Mykhailo Podolyak?",
    "How many US troops were ordered to Europe?",
    "How many civilians have been killed?",
    "Where were the talks held?",
    "How many tanks has Ukraine captured?",
)


async def command_demo(_: argparse.Namespace) -> int:
    """Ingest the bundled samples into a temporary store, print their digest, answer questions."""
    import tempfile

    from digests.newsroom import ask, digest_of_last
    from digests.samples import DEMO_NOW, sample_feeds
    from digests.terminal import render_answer, render_digest

    with tempfile.TemporaryDirectory(prefix="newsdesk-demo-") as folder:
        config = Config(storage=_sqlite_in(folder), source="demo")
        async with open_services(config) as services:
            for sample in sample_feeds():
                feed = await services.store.add_feed(sample.url, now=DEMO_NOW)
                result = await services.poller.ingest(
                    feed, sample.body, {"content-type": sample.content_type}, DEMO_NOW)
                print(f"ingested {result.entries:>2} items from {result.title}")
            await services.enricher.run(DEMO_NOW)
            print()
            print(render_digest(await digest_of_last(services.store, 24 * 8, DEMO_NOW)))
            for question in DEMO_QUESTIONS:
                print()
                print(render_answer(await ask(services.store, question, DEMO_NOW)))
    return ALL_WELL


async def command_digest(args: argparse.Namespace) -> int:
    from digests.newsroom import digest_of_last
    from digests.servers.scope import as_of
    from digests.terminal import NO_FEEDS, render_digest

    config = _load(args, args.config)
    code = ALL_WELL
    async with open_services(config) as services:
        feeds = await services.store.all_feeds()
        if not feeds:
            print(NO_FEEDS, file=sys.stderr)
        if args.poll and feeds:
            code = await _poll_with_progress(services, [f for f in feeds if not f.paused], args)
        await _read_with_progress(services, args)
        at = args.at or utc_now()
        view = as_of(services.store, at) if args.at else services.store
        print(render_digest(await digest_of_last(view, args.hours, at)))
        if not args.poll:
            _print_attention(await services.store.all_feeds())
    return code


async def _poll_with_progress(services: Services, feeds: Sequence[Any],
                              args: argparse.Namespace) -> int:
    """Poll `feeds`, reading what arrives meanwhile, with a progress bar; print the summary
    (each failure once, by name); FEEDS_FAILED when any failed."""
    from digests.terminal import FAILED_OUTCOMES, render_poll_summary

    with _progress("poll", args, len(feeds)) as progress:
        services.observers.polled.append(_count_polls(progress))
        services.observers.read.append(lambda n: progress.advance("items understood", n))
        services.enricher.start(utc_now)  # reads what arrives while the rest is fetched
        results = await services.poller.poll_many(feeds, utc_now())
        await services.enricher.run(utc_now())
    names = {f.id: f.display_name for f in feeds}
    if not args.quiet or any(r.outcome in FAILED_OUTCOMES for r in results):
        print(render_poll_summary(results, names), file=sys.stderr)
    return FEEDS_FAILED if any(r.outcome in FAILED_OUTCOMES for r in results) else ALL_WELL


async def _read_with_progress(services: Services, args: argparse.Namespace) -> None:
    """Read what waits (a poll by the bot stored it, or a run stopped before reading it)."""
    waiting, _ = await services.store.enrichment_backlog()
    if not waiting:
        return
    with _progress("read", args, None, read=waiting) as progress:
        services.observers.read.append(lambda n: progress.advance("items understood", n))
        await services.enricher.run(utc_now())


async def _read_pending(store: Store, config: Config, args: argparse.Namespace) -> None:
    """What waits to be read, read with workers of its own: no HTTP client, no poller."""
    waiting, _ = await store.enrichment_backlog()
    if not waiting:
        return
    from digests.news import enrichment
    from digests.news.enrichment import Enricher
    from digests.runtime.workers import WorkerPool, default_worker_count

    workers = WorkerPool(default_worker_count(config.polling.parse_workers),
                         warm=enrichment.WORKER_MODULES)
    try:
        with _progress("read", args, None, read=waiting) as progress:
            await Enricher(store, workers, on_read=lambda n: progress.advance(
                "items understood", n)).run(utc_now())
    finally:
        workers.close()


def _count_polls(progress: Progress) -> Callable[[PollResult, str | None], None]:
    def heard(result: PollResult, _kind: str | None) -> None:
        progress.advance("feeds fetched")
        progress.advance("items stored", result.new)
    return heard


def _progress(what: str, args: argparse.Namespace, feeds: int | None, *,
              read: int | None = None) -> Progress:
    from digests.runtime.progress import Progress

    counters: dict[str, int | None] = {}
    if feeds is not None:
        counters = {"feeds fetched": feeds, "items stored": None}
    counters["items understood"] = read
    interactive = None if not args.quiet else False
    return Progress(what, counters, interactive=interactive)


def _print_attention(feeds: Sequence[Any]) -> None:
    from digests.terminal import render_feed_status

    problems = [f for f in feeds if f.status.value != "ok"]
    if problems:
        print("\nFeeds needing attention:\n" + render_feed_status(problems), file=sys.stderr)


async def command_check_config(args: argparse.Namespace) -> int:
    if args.path is None and not DEFAULT_PATH.exists():
        print(f"No {DEFAULT_PATH} here: the built-in defaults apply "
              "(see config.example.toml for every key).")
        return ALL_WELL
    config = load_config(args.path or DEFAULT_PATH)
    from digests.store.core import storage_problem

    if (problem := storage_problem(config.storage.url)) is not None:
        print(f"error: {config.source}: [storage] url: {problem}", file=sys.stderr)
        return UNUSABLE
    print(f"{config.source}: OK — {len(config.feeds)} feeds, storage {config.storage.shown_url}, "
          f"polling every {config.polling.interval_seconds} s")
    return ALL_WELL


async def command_ask(args: argparse.Namespace) -> int:
    from digests.newsroom import ask
    from digests.servers.scope import as_of
    from digests.terminal import render_answer

    question = " ".join(args.question.split())
    if not question:
        print("error: the question is empty: ask one in quotes, such as "
              '`python bot.py ask "How many people have fled Ukraine?"`.', file=sys.stderr)
        return UNUSABLE
    config = _load(args, args.config)
    async with open_store(config) as store:
        await _read_pending(store, config, args)  # the answer may be among what waits
        at = args.at or utc_now()
        view = as_of(store, at) if args.at else store
        answer = await ask(view, question, at)
    print(render_answer(answer))
    return ALL_WELL


async def command_status(args: argparse.Namespace) -> int:
    from digests.terminal import render_status

    config = _load(args, args.config)
    now = utc_now()
    async with open_store(config) as store:
        counts = await store.counts()
        backlog = await store.enrichment_backlog()
        schedules = await store.digest_schedules()
        problems = [f for f in await store.all_feeds() if f.status.value != "ok"]
    due = _next_digests(schedules, now) if schedules else []
    print(render_status(counts, backlog, due, problems, now))
    return FEEDS_FAILED if counts.feeds_failing or any(_paused_by_bot(f) for f in problems) \
        else ALL_WELL


def _next_digests(schedules: Sequence[Any], now: datetime) -> list[tuple[int, datetime]]:
    from digests.servers.deliveries import next_digest_at  # only when a server has a schedule

    moments = [(s.guild_id, next_digest_at(s, now)) for s in schedules]
    return [(guild, at) for guild, at in moments if at is not None]


PAUSED_BY_BOT = "newsdesk"  # digests.feeds.polling's, not imported: `status` stays light


def _paused_by_bot(feed: Any) -> bool:
    return bool(feed.paused and feed.paused_by == PAUSED_BY_BOT)


async def command_run(args: argparse.Namespace) -> int:
    config = _load(args, args.config)
    token = discord_token()
    if token is None:
        print("DISCORD_TOKEN is not set: export the bot's token in the environment "
              "(it is never read from the configuration file).", file=sys.stderr)
        return UNUSABLE
    sys.setswitchinterval(GIL_SWITCH_SECONDS)
    async with open_services(config, patient=True) as services:
        await run_discord(services, token)
    return ALL_WELL


async def run_discord(services: Services, token: str) -> None:
    """Build the Discord side from the services, each cog with exactly what it uses, and run it."""
    import asyncio

    from cogs.alerts import AlertsCog
    from cogs.bot import build_bot, run_until_stopped
    from cogs.charts import warm_up
    from cogs.delivery import DeliveryDesk
    from cogs.digest import DigestCog
    from cogs.feeds import FeedsCog
    from cogs.outbox import OutboxSender
    from cogs.questions import QuestionsCog
    from cogs.status import StatusCog
    from digests.feeds.polling import process_owner
    from digests.news.suggestions import PeopleSuggestions
    from digests.runtime import heap
    from digests.runtime.loopwatch import LoopWatch
    from digests.runtime.scheduling import POLL_JOB_ID, build_scheduler
    from digests.servers.shards import BEAT_SECONDS, ShardCover, Shards

    settings = services.config.discord
    # Several processes on one database: each runs its shards, and does the digests and the
    # outbox of their servers only (Discord sends each server's commands to its shard).
    shards = Shards(settings.shard_count, settings.shard_ids)
    store = services.store
    # Charts for /figures get a process of their own: in the shared pool they would queue
    # behind parse and enrichment batches while the poller is busy.
    from digests.runtime.workers import WorkerPool

    charts = WorkerPool(1)
    await charts.run(warm_up)
    from digests.news.answers import warm as warm_answers

    await asyncio.to_thread(warm_answers)  # answers run on the loop: compile their patterns off it
    bot = build_bot(guild_ready_timeout=settings.guild_ready_timeout, shards=shards)
    log.info("discord: %s", shards.describe())
    watching = _Watching(services)
    # The shards whose servers' digests, outbox and alerts are this process's: its own, and
    # those of a process of the bot that has gone silent.
    cover = ShardCover(shards, store, process_owner())
    desk = DeliveryDesk(store, OutboxSender(store, bot, on_outcome=watching.sent, shards=cover),
                        grace=timedelta(hours=settings.digest_grace_hours),
                        alerts_per_hour=settings.alerts_per_hour, shards=cover)
    ticks = build_scheduler(services.poll_tick, services.config.polling.tick_seconds)
    ticks.add(DELIVERY_JOB_ID, desk.run, settings.delivery_seconds)
    # A round's feeds know their next check only when it ends: the tick looks again then.
    services.poller.when_a_round_ends(lambda: ticks.nudge(POLL_JOB_ID))
    # Alerts follow the reading of new items, not the timer (a second gathers the batches).
    services.observers.read.append(lambda _items: ticks.nudge(DELIVERY_JOB_ID, ALERTS_AFTER_READ))
    ticks.add(RETENTION_JOB_ID, services.prune, RETENTION_SECONDS)
    if not shards.everything:
        ticks.add(SHARDS_JOB_ID, cover.beat, BEAT_SECONDS)
    bot.equip([
        FeedsCog(store, services.poller, utc_now, reading=services.enricher,
                 allow_private=services.config.network.allow_private_addresses,
                 concurrency=services.config.polling.concurrency),
        DigestCog(store, utc_now),
        QuestionsCog(store, charts, PeopleSuggestions(store), utc_now),
        AlertsCog(store, utc_now, per_member=settings.alerts_per_member),
        StatusCog(store, utc_now),
    ], ticks)
    listener = await watching.start(bot, ticks)
    heap.settle()
    watch = LoopWatch(on_lag=watching.lag)
    watch.start()
    checking = asyncio.create_task(_check_store(store))
    services.enricher.start(utc_now)
    services.enricher.wake()  # what a stop left unread
    try:
        await run_until_stopped(bot, token)
    finally:
        checking.cancel()
        log.info("event_loop_lag_largest_ms=%.0f", await watch.stop() * 1000)
        if listener is not None:
            await listener.cleanup()
        charts.close()


class _Watching:
    """The metrics and health endpoint of a running bot, when `[metrics] listen` is set:
    hooks on the poller, the enricher, the outbox, the loop watch and discord.py's events."""

    def __init__(self, services: Services) -> None:
        self._services = services
        self.metrics: Metrics | None = None
        self.health: Health | None = None
        if services.config.metrics.address is None:
            return
        from digests.runtime.metrics import Health, Metrics

        self.metrics = metrics = Metrics()
        services.observers.polled.append(lambda r, kind: metrics.polled(r.outcome, r.new, kind))
        services.observers.read.append(metrics.understood)
        self.health = Health(self._probe_store, services.config.polling.tick_seconds, gateway=False)

    def sent(self, outcome: str) -> None:
        if self.metrics is not None:
            self.metrics.sent(outcome)

    def lag(self, seconds: float) -> None:
        if self.metrics is not None:
            self.metrics.lag(seconds)

    async def _probe_store(self) -> None:
        await self._services.store.set_state("health.probe", utc_now().isoformat())

    async def start(self, bot: Any, ticks: Any) -> Any:
        """Listen, hook discord.py's events and add the refresh job; the listener, or None."""
        address = self._services.config.metrics.address
        if self.metrics is None or self.health is None or address is None:
            return None
        from digests.runtime.metrics import RateLimitCounter, serve

        metrics, health = self.metrics, self.health
        logging.getLogger("discord").addHandler(RateLimitCounter(metrics))
        _hook_discord(bot, metrics, health)
        ticks.add(METRICS_JOB_ID, self._refresh, min(METRICS_SECONDS,
                                                     self._services.config.polling.tick_seconds))
        return await serve(metrics, health, *address)

    async def _refresh(self, now: datetime) -> None:
        assert self.metrics is not None and self.health is not None
        self.health.ticked()
        store = self._services.store
        counts = await store.counts()
        waiting, oldest = await store.enrichment_backlog()
        self.metrics.set_state(
            feeds={"ok": counts.feeds_ok, "failing": counts.feeds_failing,
                   "paused": counts.feeds_paused},
            items=counts.items, backlog=waiting,
            backlog_age=(now - oldest).total_seconds() if oldest else 0.0,
            outbox=await store.outbox_depth(now))


APPLICATION_COMMAND = 2  # discord.InteractionType.application_command
PENDING_COMMANDS = 1000


def _hook_discord(bot: Any, metrics: Metrics, health: Health) -> None:
    """Gateway state for the health check and slash-command latency for the metrics."""
    import time

    arrived: dict[int, float] = {}

    def connected(state: bool) -> Callable[[], Any]:
        async def hear() -> None:
            health.gateway = state
        return hear

    async def interaction(event: Any) -> None:
        if event.type.value != APPLICATION_COMMAND:  # autocomplete never "completes"
            return
        if len(arrived) >= PENDING_COMMANDS:  # one that neither completed nor failed
            arrived.pop(next(iter(arrived)))
        arrived[event.id] = time.monotonic()

    async def completed(event: Any, command: Any) -> None:
        started = arrived.pop(event.id, None)
        if started is not None:
            metrics.command_done(command.qualified_name, time.monotonic() - started)

    def failed(event: Any) -> None:
        started = arrived.pop(event.id, None)
        name = event.command.qualified_name if event.command else "unknown"
        metrics.command_done(name, time.monotonic() - started if started else 0.0, failed=True)

    for name, state in (("on_ready", True), ("on_resumed", True), ("on_connect", True),
                        ("on_disconnect", False)):
        bot.add_listener(connected(state), name)
    bot.add_listener(interaction, "on_interaction")
    bot.add_listener(completed, "on_app_command_completion")
    bot.tree.failed = failed


async def _check_store(store: Store) -> None:
    """The whole database file checked once, in the background: too slow for the start."""
    problem = await store.check_whole_file()
    if problem:
        log.error("%s", problem)


# The operator's feeds ------------------------------------------------------------------------

async def command_feeds(args: argparse.Namespace) -> int:
    config = _load(args, args.config)
    action: Callable[[argparse.Namespace, Config], Any] = FEED_ACTIONS[args.action]
    return int(await action(args, config))


async def feeds_list(_: argparse.Namespace, config: Config) -> int:
    from digests.servers.operator import listed_feeds
    from digests.terminal import render_feed_table

    async with open_store(config) as store:
        listed = await listed_feeds(store, [f.url for f in config.feeds])
    print(render_feed_table(listed))
    return ALL_WELL


async def feeds_add(args: argparse.Namespace, config: Config) -> int:
    from digests.servers.operator import add_operator_feed

    async with open_services(config) as services:
        added = await add_operator_feed(services.store, services.poller, args.url, name=args.name,
                                        now=utc_now(),
                                        allow_private=config.network.allow_private_addresses)
    feed = added.feed
    if added.already:
        print(f"{feed.display_name} is already one of the operator's feeds ({feed.url}).")
    else:
        print(f"Added {feed.display_name}: {feed.item_count:,} items ({feed.url}); every server "
              "follows it unless it removes it.")
    return ALL_WELL


async def feeds_remove(args: argparse.Namespace, config: Config) -> int:
    from digests.servers.operator import find_feed, remove_operator_feed

    async with open_store(config) as store:
        feed = find_feed(await store.all_feeds(), args.feed)
        await remove_operator_feed(store, feed, [f.url for f in config.feeds], utc_now())
    print(f"Removed {feed.display_name} from the operator's feeds.")
    return ALL_WELL


async def feeds_pause(args: argparse.Namespace, config: Config) -> int:
    return await _pause_or_resume(args, config, pause=True)


async def feeds_resume(args: argparse.Namespace, config: Config) -> int:
    return await _pause_or_resume(args, config, pause=False)


async def _pause_or_resume(args: argparse.Namespace, config: Config, *, pause: bool) -> int:
    from digests.servers.operator import find_feed, pause_everywhere, resume_everywhere

    change = pause_everywhere if pause else resume_everywhere
    async with open_store(config) as store:
        feed = find_feed(await store.all_feeds(), args.feed)
        changed = await change(store, feed, utc_now())
    if pause:
        print(f"Paused {feed.display_name} for every server." if changed
              else f"{feed.display_name} was paused already ({feed.paused_reason}).")
    else:
        print(f"Resumed {feed.display_name}: polled at the bot's next tick." if changed
              else f"{feed.display_name} is not paused.")
    return ALL_WELL


async def feeds_import(args: argparse.Namespace, config: Config) -> int:
    from functools import partial

    from digests.feeds.opml import read_opml
    from digests.servers.operator import add_operator_feed, import_feeds
    from digests.terminal import PRIVATE_HINT, render_import

    feed_list = read_opml(_read_list(Path(args.file)))
    async with open_services(config) as services:
        add = partial(_add_named, partial(add_operator_feed, services.store, services.poller,
                                          allow_private=config.network.allow_private_addresses,
                                          rename=False))
        with _progress("import", args, len(feed_list.feeds)) as progress:
            services.observers.polled.append(lambda r, _: progress.advance("items stored", r.new))
            services.observers.read.append(lambda n: progress.advance("items understood", n))
            services.enricher.start(utc_now)
            results = await import_feeds(
                feed_list.feeds, add, allow_private=config.network.allow_private_addresses,
                concurrency=config.polling.concurrency, private_hint=f"; {PRIVATE_HINT}",
                done=lambda _: progress.advance("feeds fetched"))
            await services.enricher.run(utc_now())
    print(render_import(results))
    return FEEDS_FAILED if any(r.outcome == "refused" for r in results) else ALL_WELL


async def _add_named(add: Any, url: str, name: str | None) -> Any:
    return await add(url, name=name, now=utc_now())


def _read_list(path: Path) -> bytes:
    from digests.feeds.opml import MAX_OPML_BYTES, OpmlError

    try:
        if path.stat().st_size > MAX_OPML_BYTES:
            raise OpmlError(f"{path} is {path.stat().st_size:,} bytes; a feed list may have at "
                            f"most {MAX_OPML_BYTES:,}.")
        return path.read_bytes()
    except OSError as exc:
        raise OpmlError(f"{path} cannot be read: {exc.strerror or exc}.") from None


async def feeds_export(_: argparse.Namespace, config: Config) -> int:
    from digests.feeds.opml import write_opml
    from digests.servers.operator import OPERATOR_DESK, exported

    async with open_store(config) as store:
        feeds = await store.guild_feeds(OPERATOR_DESK, counts=False)
    sys.stdout.buffer.write(write_opml(exported(feeds), title="Newsdesk feeds", created=utc_now()))
    sys.stdout.flush()
    return ALL_WELL


FEED_ACTIONS: dict[str, Callable[[argparse.Namespace, Config], Any]] = {
    "list": feeds_list, "add": feeds_add, "remove": feeds_remove, "pause": feeds_pause,
    "resume": feeds_resume, "import": feeds_import, "export": feeds_export}


# Command line ------------------------------------------------------------------------------

DESCRIPTION = """\
Newsdesk runs a newsroom for a Discord server: it polls news feeds, groups the items that tell
the same story, posts a short daily digest, answers questions about the figures and people in
the news with cited quotes, and alerts members who follow a topic. From the shell it shows the
same digests and answers, and manages the feeds."""

EPILOG = """\
exit codes: 0 all well, 1 some feeds failed (each listed once), 2 unusable configuration or
storage. Start with `python bot.py demo`; `python bot.py COMMAND -h` tells more."""


class _Parser(argparse.ArgumentParser):
    """argparse, with "did you mean" for a mistyped command."""

    def error(self, message: str) -> NoReturn:
        if "invalid choice: '" in message:
            typed = message.split("invalid choice: '", 1)[1].split("'", 1)[0]
            choices = [c for c in message.split("choose from ", 1)[-1].replace("'", "").rstrip(")")
                       .split(", ")]
            close = difflib.get_close_matches(typed, choices, n=1)
            if close:
                message += f" — did you mean {close[0]!r}?"
        super().error(message)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python bot.py", description=DESCRIPTION, epilog=EPILOG,
                     formatter_class=argparse.RawDescriptionHelpFormatter)
    _verbosity(parser, top=True)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                parser_class=_Parser)
    _verbosity(sub.add_parser("demo", help="try it offline: the bundled sample feeds, their "
                                           "digest and a few answers"))
    run = sub.add_parser("run", help="run the Discord bot (the token comes from DISCORD_TOKEN)")
    _common(run)
    digest = sub.add_parser("digest", help="print the digest of the configured store")
    _common(digest)
    digest.add_argument("--hours", type=_hours, default=24,
                        help="the window, in hours ending at --at (default: %(default)s)")
    _at_option(digest, "the end of the window")
    digest.add_argument("--poll", action="store_true", help="fetch the feeds first")
    ask = sub.add_parser("ask", help="answer a question from the store, with cited quotes")
    ask.add_argument("question", help='the question, in quotes: "How many people have fled?"')
    _common(ask)
    _at_option(ask, "answer from what was published by then")
    feeds = sub.add_parser("feeds", help="the operator's feeds: list, add, remove, pause, resume, "
                                         "import, export")
    _feeds_actions(feeds)
    status = sub.add_parser("status", help="feeds ok / failing / paused, items, last poll, "
                                           "next digests")
    _common(status)
    check = sub.add_parser("check-config", help="validate a configuration file")
    check.add_argument("path", nargs="?", default=None,
                       help="the file to check (default: config.toml)")
    _verbosity(check)
    return parser


def _feeds_actions(feeds: argparse.ArgumentParser) -> None:
    actions = feeds.add_subparsers(dest="action", required=True, metavar="ACTION",
                                   parser_class=_Parser)
    _common(actions.add_parser("list", help="every feed: state, items, last poll, who follows it"))
    add = actions.add_parser("add", help="add an operator feed (every server follows it); it "
                                         "is read at once")
    add.add_argument("url", help="the feed's address, or a web page that links to its feed")
    add.add_argument("--name", default=None, help="a short name shown instead of its title")
    _common(add)
    for action, meaning in (("remove", "stop an operator feed added here"),
                            ("pause", "stop polling a feed, for every server"),
                            ("resume", "poll a paused feed again")):
        parser = actions.add_parser(action, help=meaning)
        parser.add_argument("feed", metavar="FEED", help="the feed's name or address")
        _common(parser)
    imported = actions.add_parser("import", help="add every feed of an OPML file, read at once")
    imported.add_argument("file", metavar="FILE.opml")
    _common(imported)
    _common(actions.add_parser("export", help="the operator's feeds as OPML, on standard output"))


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", default=None, metavar="PATH",
                        help="configuration file (default: config.toml if present)")
    _verbosity(parser)


def _verbosity(parser: argparse.ArgumentParser, *, top: bool = False) -> None:
    """-v and -q, before the command or after it: a subcommand's default never overrides
    what was given before it."""
    default: Any = False if top else argparse.SUPPRESS
    parser.add_argument("-v", "--verbose", action="store_true", default=default,
                        help="say more: log every event")
    parser.add_argument("-q", "--quiet", action="store_true", default=default,
                        help="say less: no progress, only failures")


def _at_option(parser: argparse.ArgumentParser, meaning: str) -> None:
    parser.add_argument("--at", type=_moment, default=None, metavar="TIME",
                        help=f'{meaning}: a date and time such as "2022-03-02 23:59", UTC unless '
                             "an offset is given (default: now)")


def _hours(text: str) -> float:
    try:
        hours = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number of hours, got {text!r}") from None
    if not 0 < hours < float("inf"):
        raise argparse.ArgumentTypeError(f"expected a positive number of hours, got {text}")
    return hours


def _moment(text: str) -> datetime:
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f'expected a date and time such as "2022-03-02 23:59", got {text!r}') from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _sqlite_in(folder: str) -> StorageConfig:
    return StorageConfig(url=f"sqlite:///{Path(folder) / 'demo.db'}")


def _load(args: argparse.Namespace, path: str | None) -> Config:
    """The configuration, with its log format applied from here on."""
    config = load_config(path)
    if config.logging.format != "text":
        _configure_logging(args, config.logging.format)
    return config


def _log_format(args: argparse.Namespace) -> str:
    """The configured log format, known before a command imports anything that logs; a file
    that cannot be read is the command's to report."""
    if not hasattr(args, "config"):
        return "text"
    try:
        return load_config(args.config).logging.format
    except DigestError:
        return "text"


def _configure_logging(args: argparse.Namespace, style: str = "text") -> None:
    from digests.runtime.logformat import configure_logging

    service = args.command == "run"
    level = logging.ERROR if args.quiet else logging.INFO if args.verbose or service \
        else logging.WARNING
    configure_logging(level, style, secrets=[discord_token() or ""])
    logging.getLogger("apscheduler").setLevel(logging.ERROR)  # our jobs log their own outcome
    logging.getLogger("alembic").setLevel(logging.WARNING)  # its INFO lines come at every start
    if not service and not args.verbose:
        # The command prints each failed feed once, in words: the poller's own lines would repeat it.
        logging.getLogger("digests.feeds.polling").setLevel(logging.ERROR)
    if not args.quiet:
        logging.getLogger("newsdesk.progress").setLevel(logging.INFO)


COMMANDS = {"demo": command_demo, "digest": command_digest, "check-config": command_check_config,
            "ask": command_ask, "run": command_run, "feeds": command_feeds,
            "status": command_status}


def main(argv: Sequence[str] | None = None) -> int:
    import asyncio
    args = build_parser().parse_args(argv)
    _configure_logging(args, _log_format(args))
    try:
        code = asyncio.run(COMMANDS[args.command](args))
        if args.command == "run":  # shut down already: a repeated Ctrl-C must not break the exit
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        return code
    except DigestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return _code_of(exc)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return ALL_WELL


def _code_of(error: DigestError) -> int:
    """A feed that could not be read is a failed feed (1); anything else made the command
    unusable (2): the configuration, the storage, or what was asked."""
    from digests.servers.following import FeedUnreadable

    return FEEDS_FAILED if isinstance(error, FeedUnreadable) else UNUSABLE


if __name__ == "__main__":
    sys.exit(main())
