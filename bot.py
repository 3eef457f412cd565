"""Newsdesk's entry point and composition root.

`python bot.py demo | digest | check-config | run | ask`. This module loads the configuration,
builds the HTTP session, the store, the worker pool, the poller and the scheduler, and hands
each part exactly what it uses. Nothing here runs at import time.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import sys
import tempfile
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import aiohttp

from digests.config import DEFAULT_PATH, Config, StorageConfig, discord_token, load_config
from digests.errors import DigestError
from digests.feeds import reading
from digests.feeds.addresses import connector_for
from digests.feeds.fetching import Fetcher
from digests.feeds.fulltext import full_text_enricher
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.news import enrichment
from digests.news.enrichment import Enricher
from digests.news.suggestions import PeopleSuggestions
from digests.newsroom import ask, digest_of_last
from digests.runtime import heap
from digests.runtime.loopwatch import LoopWatch
from digests.runtime.scheduling import build_scheduler, utc_now
from digests.runtime.workers import WorkerPool, default_worker_count
from digests.samples import DEMO_NOW, sample_feeds
from digests.servers.scope import as_of
from digests.store.core import Store
from digests.store.retention import Pruned
from digests.terminal import render_answer, render_digest, render_feed_status, render_poll_results

log = logging.getLogger("newsdesk")

DELIVERY_JOB_ID = "deliver:tick"
RETENTION_JOB_ID = "retention:tick"
RETENTION_SECONDS = 3600


@dataclass(frozen=True, slots=True)
class Services:
    """Everything the commands and the bot need, built once from the configuration."""

    config: Config
    store: Store
    fetcher: Fetcher
    workers: WorkerPool
    poller: Poller
    enricher: Enricher

    async def poll_and_enrich(self, now: datetime) -> None:
        """The scheduler's tick: poll the feeds that are due, then read what arrived."""
        await self.poller.poll_due(now)
        await self.enricher.run(now)

    async def prune(self, now: datetime) -> None:
        """What the retention period no longer keeps, deleted (hourly, in small batches)."""
        pruned = await self.store.prune(now, timedelta(days=self.config.storage.retention_days))
        if pruned != Pruned():
            log.info("retention items=%s stories=%s fetch_errors=%s outbox=%s", pruned.items,
                     pruned.stories, pruned.fetch_errors, pruned.outbox)


@asynccontextmanager
async def open_services(config: Config) -> AsyncIterator[Services]:
    """Build the services, and close them in reverse order however the block ends."""
    store = await Store.open(config.storage.url)
    workers = WorkerPool(default_worker_count(config.polling.parse_workers),
                         warm=(*reading.WORKER_MODULES, *enrichment.WORKER_MODULES),
                         memory_limit=reading.WORKER_MEMORY_LIMIT)
    reader = FeedReader(workers, config.polling.parse_timeout_seconds)
    connector = connector_for(config.network.allow_private_addresses, limit=0, ttl_dns_cache=300)
    session = aiohttp.ClientSession(connector=connector, trust_env=False)
    enricher = Enricher(store, workers)
    try:
        fetcher = Fetcher(session, config.network, config.user_agent)
        poller = Poller(store, fetcher, reader.parse, config.polling,
                        full_text=full_text_enricher(fetcher, workers, config.polling),
                        retention=timedelta(days=config.storage.retention_days),
                        on_new_items=enricher.wake)
        await enricher.load(utc_now())
        await _register_operator_feeds(store, config)
        yield Services(config, store, fetcher, workers, poller, enricher)
    finally:
        await enricher.stop()
        await session.close()
        workers.close()
        await store.close()


async def _register_operator_feeds(store: Store, config: Config) -> None:
    now = utc_now()
    for feed in config.feeds:
        await store.add_feed(feed.url, now=now, name=feed.name, full_text=feed.full_text,
                             operator=True)
    await store.set_operator_feeds(f.url for f in config.feeds)


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
    return 0


async def command_digest(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    async with open_services(config) as services:
        if args.poll:
            feeds = [f for f in await services.store.all_feeds() if not f.paused]
            services.enricher.start(utc_now)  # reads what arrives while the rest is fetched
            results = await services.poller.poll_many(feeds, utc_now())
            print(render_poll_results(results), file=sys.stderr)
        await services.enricher.run(utc_now())
        at = args.at or utc_now()
        view = as_of(services.store, at) if args.at else services.store
        print(render_digest(await digest_of_last(view, args.hours, at)))
        problems = [f for f in await services.store.all_feeds() if f.status.value != "ok"]
        if problems:
            print("\nFeeds needing attention:\n" + render_feed_status(problems), file=sys.stderr)
    return 0


async def command_check_config(args: argparse.Namespace) -> int:
    if args.path is None and not DEFAULT_PATH.exists():
        print(f"No {DEFAULT_PATH} here: the built-in defaults apply "
              "(see config.example.toml for every key).")
        return 0
    config = load_config(args.path or DEFAULT_PATH)
    print(f"{config.source}: OK — {len(config.feeds)} feeds, storage {config.storage.shown_url}, "
          f"polling every {config.polling.interval_seconds} s")
    return 0


async def command_ask(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    async with open_services(config) as services:
        await services.enricher.run(utc_now())
        at = args.at or utc_now()
        view = as_of(services.store, at) if args.at else services.store
        answer = await ask(view, args.question, at)
    print(render_answer(answer))
    return 0


async def command_run(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    token = discord_token()
    if token is None:
        print("DISCORD_TOKEN is not set: export the bot's token in the environment "
              "(it is never read from the configuration file).", file=sys.stderr)
        return 2
    async with open_services(config) as services:
        await run_discord(services, token)
    return 0


async def run_discord(services: Services, token: str) -> None:
    """Build the Discord side from the services, each cog with exactly what it uses, and run it."""
    from cogs.alerts import AlertsCog
    from cogs.bot import NewsdeskBot, run_until_stopped
    from cogs.charts import warm_up
    from cogs.delivery import DeliveryDesk
    from cogs.digest import DigestCog
    from cogs.feeds import FeedsCog
    from cogs.outbox import OutboxSender
    from cogs.questions import QuestionsCog
    from cogs.status import StatusCog

    settings = services.config.discord
    store = services.store
    # Charts for /figures get a process of their own: in the shared pool they would queue
    # behind parse and enrichment batches while the poller is busy.
    charts = WorkerPool(1)
    await charts.run(warm_up)
    bot = NewsdeskBot(guild_ready_timeout=settings.guild_ready_timeout)
    desk = DeliveryDesk(store, OutboxSender(store, bot),
                        grace=timedelta(hours=settings.digest_grace_hours),
                        alerts_per_hour=settings.alerts_per_hour)
    ticks = build_scheduler(services.poll_and_enrich, services.config.polling.tick_seconds)
    ticks.add(DELIVERY_JOB_ID, desk.run, settings.delivery_seconds)
    ticks.add(RETENTION_JOB_ID, services.prune, RETENTION_SECONDS)
    bot.equip([
        FeedsCog(store, services.poller, utc_now, reading=services.enricher),
        DigestCog(store, utc_now),
        QuestionsCog(store, charts, PeopleSuggestions(store), utc_now),
        AlertsCog(store, utc_now, per_member=settings.alerts_per_member),
        StatusCog(store, utc_now),
    ], ticks)
    heap.settle()
    watch = LoopWatch()
    watch.start()
    checking = asyncio.create_task(_check_store(store))
    services.enricher.start(utc_now)
    services.enricher.wake()  # what a stop left unread
    try:
        await run_until_stopped(bot, token)
    finally:
        checking.cancel()
        log.info("largest event-loop lag: %.0f ms", await watch.stop() * 1000)
        charts.close()


async def _check_store(store: Store) -> None:
    """The whole database file checked once, in the background: too slow for the start."""
    problem = await store.check_whole_file()
    if problem:
        log.error("%s", problem)


# Command line ------------------------------------------------------------------------------

def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python bot.py", description=__doc__.splitlines()[0])
    parser.add_argument("-v", "--verbose", action="store_true", help="log at INFO level")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    sub.add_parser("demo", help="ingest the bundled sample feeds and print their digest")
    run = sub.add_parser("run", help="run the Discord bot (token from DISCORD_TOKEN)")
    _config_option(run)
    digest = sub.add_parser("digest", help="print the digest of the configured store")
    _config_option(digest)
    digest.add_argument("--hours", type=_hours, default=24,
                        help="the window, in hours ending at --at (default: %(default)s)")
    _at_option(digest, "the end of the window")
    digest.add_argument("--poll", action="store_true", help="fetch the feeds first")
    ask = sub.add_parser("ask", help="answer a question from the store")
    ask.add_argument("question")
    _config_option(ask)
    _at_option(ask, "answer from what was published by then")
    check = sub.add_parser("check-config", help="validate a configuration file")
    check.add_argument("path", nargs="?", default=None,
                       help="the file to check (default: config.toml)")
    return parser


def _config_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", default=None, metavar="PATH",
                        help="configuration file (default: config.toml if present)")


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


COMMANDS = {"demo": command_demo, "digest": command_digest, "check-config": command_check_config,
            "ask": command_ask, "run": command_run}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if args.verbose or args.command == "run" else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("apscheduler").setLevel(logging.ERROR)  # our jobs log their own outcome
    try:
        code = asyncio.run(COMMANDS[args.command](args))
        if args.command == "run":  # shut down already: a repeated Ctrl-C must not break the exit
            signal.signal(signal.SIGINT, signal.SIG_IGN)
        return code
    except DigestError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader went away (`| head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    sys.exit(main())
