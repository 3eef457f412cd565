"""Ingest the 200 real feeds of shared/corpora/real-feeds over loopback HTTP and print figures.

    python bench/ingest_real_feeds.py [--corpus PATH] [--workers N]

Figures, all measured in this run on this machine:
- feeds and items ingested by Newsdesk against what plain feedparser finds in the same bytes;
- exceptions and failed feeds;
- wall time of the cold ingest (HTTP + parse in worker processes + SQLite) against plain
  feedparser parsing the same bytes in one process, as a ratio;
- wall time and CPU per feed of a warm poll where every answer is a 304;
- the largest event-loop lag seen during the cold ingest (target: under 100 ms).

The feed server runs in its own process, so its work does not count as the bot's loop lag.
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import io
import logging
import multiprocessing
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
import feedparser  # noqa: E402
from aiohttp import web  # noqa: E402

from digests.config import NetworkConfig, PollingConfig  # noqa: E402
from digests.feeds.addresses import resolver_for  # noqa: E402
from digests.feeds.fetching import Fetcher  # noqa: E402
from digests.feeds.polling import Poller  # noqa: E402
from digests.feeds.reading import WORKER_MODULES as READING_MODULES  # noqa: E402
from digests.feeds.reading import FeedReader  # noqa: E402
from digests.news.enrichment import WORKER_MODULES as ANALYSIS_MODULES  # noqa: E402
from digests.runtime import heap  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store.core import Store  # noqa: E402

WARM_MODULES = (*READING_MODULES, *ANALYSIS_MODULES)

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "real-feeds" / "benchmark_data"


def content_type(body: bytes) -> str:
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"{"):
        return "application/feed+json"
    if b"<feed" in head:
        return "application/atom+xml"
    return "application/rss+xml"


def serve(folder: str, port_queue: multiprocessing.Queue) -> None:  # type: ignore[type-arg]
    """Serve every file of `folder` at /NAME (and at /ANY/NAME) with an ETag, answering 304
    when it matches."""
    files = {p.name: p.read_bytes() for p in Path(folder).iterdir() if p.is_file()}
    tags = {name: '"' + hashlib.sha1(body).hexdigest() + '"' for name, body in files.items()}

    async def handler(request: web.Request) -> web.Response:
        name = request.match_info["name"]
        if name not in files:
            return web.Response(status=404)
        if request.headers.get("If-None-Match") == tags[name]:
            return web.Response(status=304, headers={"ETag": tags[name]})
        return web.Response(body=files[name], headers={
            "ETag": tags[name], "Content-Type": content_type(files[name])})

    async def main() -> None:
        app = web.Application()
        app.router.add_get("/{name}", handler)
        app.router.add_get("/{copy}/{name}", handler)  # the same feed under other URLs
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0, backlog=1024)
        await site.start()
        port_queue.put(site._server.sockets[0].getsockname()[1])  # type: ignore[union-attr]
        await asyncio.Event().wait()

    asyncio.run(main())


def plain_feedparser(bodies: dict[str, bytes], **options: bool) -> tuple[float, dict[str, int]]:
    start = time.perf_counter()
    counts = {name: len(feedparser.parse(io.BytesIO(body), **options).entries)
              for name, body in bodies.items()}
    return time.perf_counter() - start, counts


class LagMonitor:
    """Samples how late a 5 ms sleep wakes up: the event loop's responsiveness."""

    def __init__(self) -> None:
        self.max_lag = 0.0
        self.samples: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.005)
            lag = time.perf_counter() - before - 0.005
            self.samples.append(lag)
            self.max_lag = max(self.max_lag, lag)

    def __enter__(self) -> LagMonitor:
        self._task = asyncio.get_running_loop().create_task(self._run())
        return self

    def __exit__(self, *_: object) -> None:
        assert self._task is not None
        self._task.cancel()


class ErrorCounter(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


async def ingest(port: int, names: list[str], workers: int, db: Path) -> dict[str, object]:
    store = await Store.open(f"sqlite:///{db}")
    pool = WorkerPool(workers, warm=WARM_MODULES)
    await pool.run(len, "warm")  # start the worker processes before the clock runs
    network = NetworkConfig(allow_private_addresses=True, per_host_concurrency=32)
    connector = aiohttp.TCPConnector(resolver=resolver_for(True), limit=0)
    polling = PollingConfig()
    now = datetime.now(UTC)
    try:
        async with aiohttp.ClientSession(connector=connector) as session:
            poller = Poller(store, Fetcher(session, network, "Newsdesk-bench"), FeedReader(pool).parse,
                            polling)
            feeds = [await store.add_feed(f"http://127.0.0.1:{port}/{n}", now=now) for n in names]
            heap.settle()  # as `bot.py run` does once it is built
            with LagMonitor() as lag:
                start = time.perf_counter()
                cold = await poller.poll_many(feeds, now)
                cold_wall = time.perf_counter() - start
            feeds = await store.all_feeds()
            cpu0, start = time.process_time(), time.perf_counter()
            warm = await poller.poll_many(feeds, now)
            warm_wall, warm_cpu = time.perf_counter() - start, time.process_time() - cpu0
            stored = {f.url.rsplit("/", 1)[1]: f.item_count for f in await store.all_feeds()}
    finally:
        pool.close()
        await store.close()
    return {"cold": cold, "cold_wall": cold_wall, "lag": lag, "warm": warm,
            "warm_wall": warm_wall, "warm_cpu": warm_cpu, "stored": stored}


def report(bodies: dict[str, bytes], fp_wall: float, fp_counts: dict[str, int],
           run: dict[str, object], errors: ErrorCounter) -> None:
    stored: dict[str, int] = run["stored"]  # type: ignore[assignment]
    cold = run["cold"]
    warm = run["warm"]
    n = len(bodies)
    ingested = sum(1 for r in cold if r.outcome == "fetched")  # type: ignore[attr-defined]
    failed = [r for r in cold if r.outcome != "fetched"]  # type: ignore[attr-defined]
    differ = {k: (fp_counts[k], stored.get(k, 0)) for k in bodies if fp_counts[k] != stored.get(k, 0)}
    lag: LagMonitor = run["lag"]  # type: ignore[assignment]
    ordered = sorted(lag.samples)
    p99 = ordered[int(len(ordered) * 0.99)] if ordered else 0.0
    rows = [
        ("feeds served", f"{n}"),
        ("feeds ingested (Newsdesk)", f"{ingested}"),
        ("feeds with entries (plain feedparser)", f"{sum(1 for c in fp_counts.values() if c)}"),
        ("items stored (Newsdesk)", f"{sum(stored.values())}"),
        ("entries found (plain feedparser)", f"{sum(fp_counts.values())}"),
        ("feeds whose counts differ", f"{len(differ)} {differ if differ else ''}".strip()),
        ("failed feeds", f"{len(failed)} {[(r.url, r.error) for r in failed][:5]}"),  # type: ignore[attr-defined]
        ("exceptions logged", f"{len(errors.records)}"),
        ("plain feedparser, one process", f"{fp_wall:.2f} s"),
        ("cold ingest, wall", f"{run['cold_wall']:.2f} s"),
        ("cold ingest / plain feedparser", f"{run['cold_wall'] / fp_wall:.2f}x"),  # type: ignore[operator]
        ("warm poll (all 304), wall", f"{run['warm_wall']:.3f} s"),
        ("warm poll outcomes", f"{sorted({r.outcome for r in warm})}"),  # type: ignore[attr-defined]
        ("warm poll, wall per feed", f"{run['warm_wall'] / n * 1000:.2f} ms"),  # type: ignore[operator]
        ("warm poll, CPU per feed", f"{run['warm_cpu'] / n * 1000:.2f} ms"),  # type: ignore[operator]
        ("event-loop lag, max (cold ingest)", f"{lag.max_lag * 1000:.1f} ms"),
        ("event-loop lag, p99 (cold ingest)", f"{p99 * 1000:.1f} ms"),
    ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    bodies = {p.name: p.read_bytes() for p in sorted(args.corpus.iterdir()) if p.is_file()}
    errors = ErrorCounter()
    logging.getLogger().addHandler(errors)
    logging.getLogger().setLevel(logging.ERROR)
    fp_wall, fp_counts = plain_feedparser(bodies)
    fast_wall, _ = plain_feedparser(bodies, sanitize_html=False, resolve_relative_uris=False)
    spawn = multiprocessing.get_context("spawn")
    ports: multiprocessing.Queue[int] = spawn.Queue()
    server = spawn.Process(
        target=serve, args=(str(args.corpus), ports), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=30)
        with tempfile.TemporaryDirectory() as folder:
            run = asyncio.run(ingest(port, list(bodies), args.workers, Path(folder) / "bench.db"))
    finally:
        server.terminate()
    report(bodies, fp_wall, fp_counts, run, errors)
    print(f"{'feedparser without sanitising, one process':<42}  {fast_wall:.2f} s "
          f"(cold ingest / this: {run['cold_wall'] / fast_wall:.2f}x)")  # type: ignore[operator]
    return 0


if __name__ == "__main__":
    sys.exit(main())
