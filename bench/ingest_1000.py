"""Ingest 1,000 feeds (the 200 real ones, each under 5 URLs) over loopback HTTP, three ways.

    python bench/ingest_1000.py [--corpus PATH] [--copies 5] [--workers 2] [--reader-workers 4]

One aiohttp server process (`ingest_real_feeds.serve`) answers every URL with an ETag and a 304
when it matches. Each contender then runs in a fresh process of its own, one after the other:

- the limit: plain feedparser, with the options Newsdesk's workers use, on the same 1,000
  bodies in a `ProcessPoolExecutor(workers)`, nothing fetched or stored;
- Newsdesk: a new SQLite store, every URL added, `Poller.poll_many` cold (fetch → parse in
  `workers` worker processes → store), then warm, where every answer is a 304;
- `reader` (lemon24's library): a new database, every URL added, `update_feeds()` cold, then
  again warm (it sends conditional requests too).

Printed: entries stored per second, wall times, CPU per feed of the warm poll (the contender's
process and its children), peak memory (the process's own high-water mark, its children's, and
the largest sum sampled over the process tree), the CPU each process spent during the cold
ingest (the server's included), and the ratios of the same run.
"""

from __future__ import annotations

import argparse
import io
import multiprocessing
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from queue import Empty
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(BENCH), str(ROOT)]
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "real-feeds" / "benchmark_data"
TICK = os.sysconf("SC_CLK_TCK")

# Heavy imports (digests, aiohttp, feedparser, reader) are made inside the functions below:
# each contender runs in a fresh process, and its memory should hold only what it uses.


# --- process-tree accounting (Linux /proc) -------------------------------------------------

def _stat(pid: int) -> list[str] | None:
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()  # fields from the 3rd (state) on


def descendants(root: int) -> list[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            fields = _stat(int(entry.name))
            if fields:
                children.setdefault(int(fields[1]), []).append(int(entry.name))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, ()))
    return found


def cpu_seconds(pid: int) -> float:
    """User + system CPU of `pid` itself (not of its children)."""
    fields = _stat(pid)
    return (int(fields[11]) + int(fields[12])) / TICK if fields else 0.0


def tree_cpu(root: int) -> dict[int, float]:
    return {pid: cpu_seconds(pid) for pid in descendants(root)}


def memory_kib(pid: int, key: str) -> int:
    """A /proc/PID/status figure in KiB (VmRSS: now; VmHWM: the high-water mark)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def role(pid: int, me: int) -> str:
    """What a process of the tree is: this process, the fork server, a worker, the tracker."""
    if pid == me:
        return "bot"
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return "gone"
    if b"resource_tracker" in command:
        return "resource tracker"
    if b"forkserver" in command:
        fields = _stat(pid)
        return "fork server" if fields and int(fields[1]) == me else "worker"
    return "worker"


def pss_kib(pid: int) -> int:
    """Proportional set size: shared pages split between the processes that map them."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


class TreeMemory:
    """Samples the summed RSS of this process and its descendants; keeps the largest sum, what
    each kind of process held at that moment, and the largest summed PSS (read every second)."""

    def __init__(self, interval: float = 0.2) -> None:
        self.peak_kib = 0
        self.peak_by_role: dict[str, list[int]] = {}
        self.peak_pss_kib = 0
        self._interval = interval
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        me = os.getpid()
        pids = descendants(me)
        rounds = 0
        while not self._stop.wait(self._interval):
            rounds += 1
            if rounds % 5 == 0:
                pids = descendants(me)
                self.peak_pss_kib = max(self.peak_pss_kib, sum(pss_kib(p) for p in pids))
            sizes = {p: memory_kib(p, "VmRSS") for p in pids}
            if sum(sizes.values()) > self.peak_kib:
                self.peak_kib = sum(sizes.values())
                by_role: dict[str, list[int]] = {}
                for pid, kib in sizes.items():
                    if kib:
                        by_role.setdefault(role(pid, me), []).append(kib)
                self.peak_by_role = by_role

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def children_hwm() -> int:
    """The largest high-water mark among this process's live descendants, in KiB."""
    return max((memory_kib(p, "VmHWM") for p in descendants(os.getpid())[1:]), default=0)


def feed_urls(port: int, names: list[str], copies: int) -> list[str]:
    return [f"http://127.0.0.1:{port}/c{copy}/{name}" for copy in range(copies) for name in names]


# --- the limit: plain feedparser on both cores ---------------------------------------------

def _count_entries(body: bytes, headers: dict[str, str]) -> int:
    import feedparser
    return len(feedparser.parse(io.BytesIO(body), response_headers=headers, sanitize_html=False,
                                resolve_relative_uris=False).entries)


def _import_feedparser(_: int) -> int:
    import feedparser  # noqa: F401
    return os.getpid()


def run_limit(corpus: str, urls: list[str], workers: int) -> dict[str, Any]:
    from concurrent.futures import ProcessPoolExecutor

    from ingest_real_feeds import content_type
    files = {p.name: p.read_bytes() for p in Path(corpus).iterdir() if p.is_file()}
    bodies = [files[url.rsplit("/", 1)[1]] for url in urls]
    headers = [{"content-type": content_type(b), "content-location": u}
               for b, u in zip(bodies, urls, strict=True)]
    context = multiprocessing.get_context("fork")
    with TreeMemory() as memory, ProcessPoolExecutor(workers, mp_context=context) as pool:
        list(pool.map(_import_feedparser, range(workers * 4)))  # workers started, warm
        cpu0 = tree_cpu(os.getpid())
        start = time.perf_counter()
        counts = list(pool.map(_count_entries, bodies, headers))
        wall = time.perf_counter() - start
        cpu1 = tree_cpu(os.getpid())
        child_hwm = children_hwm()
    return {"entries": sum(counts), "feeds_with_entries": sum(1 for c in counts if c),
            "wall": wall, "cpu": sum(cpu1[p] - cpu0.get(p, 0.0) for p in cpu1),
            "peak_tree_kib": memory.peak_kib, "self_hwm_kib": memory_kib(os.getpid(), "VmHWM"),
            "child_hwm_kib": child_hwm}


# --- Newsdesk ------------------------------------------------------------------------------

def run_newsdesk(urls: list[str], workers: int, folder: str, server_pid: int) -> dict[str, Any]:
    import asyncio
    return asyncio.run(_newsdesk(urls, workers, Path(folder) / "newsdesk.db", server_pid))


async def _newsdesk(urls: list[str], workers: int, db: Path, server_pid: int) -> dict[str, Any]:
    import asyncio
    import logging
    from datetime import UTC, datetime

    import aiohttp
    from ingest_real_feeds import ErrorCounter, LagMonitor

    from digests.config import NetworkConfig, PollingConfig
    from digests.feeds.addresses import resolver_for
    from digests.feeds.fetching import Fetcher
    from digests.feeds.polling import Poller
    from digests.feeds.reading import WORKER_MODULES as READING_MODULES
    from digests.feeds.reading import FeedReader
    from digests.news.enrichment import WORKER_MODULES as ANALYSIS_MODULES
    from digests.runtime import heap
    from digests.runtime.workers import WorkerPool
    from digests.store.core import Store

    errors = ErrorCounter()
    logging.getLogger().addHandler(errors)
    logging.getLogger().setLevel(logging.ERROR)
    me = os.getpid()
    store = await Store.open(f"sqlite:///{db}", upgrade_apart=True)  # as `bot.py run` opens it
    pool = WorkerPool(workers, warm=(*READING_MODULES, *ANALYSIS_MODULES))
    for _ in range(workers * 2):  # start the worker processes before the clock runs
        await pool.run(len, "warm")
    # As in ingest_real_feeds: every feed is on one host here, so the per-host limit is raised.
    network = NetworkConfig(allow_private_addresses=True, per_host_concurrency=32)
    connector = aiohttp.TCPConnector(resolver=resolver_for(True), limit=0)
    now = datetime.now(UTC)
    try:
        with TreeMemory() as memory:
            async with aiohttp.ClientSession(connector=connector) as session:
                poller = Poller(store, Fetcher(session, network, "Newsdesk-bench"),
                                FeedReader(pool).parse, PollingConfig())
                feeds = [await store.add_feed(url, now=now) for url in urls]
                heap.settle()  # as `bot.py run` does once it is built
                bot_before = memory_kib(me, "VmRSS")
                cpu0 = tree_cpu(me) | {server_pid: cpu_seconds(server_pid)}
                with LagMonitor() as lag:
                    start = time.perf_counter()
                    cold = await poller.poll_many(feeds, now)
                    cold_wall = time.perf_counter() - start
                cpu1 = tree_cpu(me) | {server_pid: cpu_seconds(server_pid)}
                feeds = await store.all_feeds()
                stored = sum(f.item_count for f in feeds)
                warm0 = sum(tree_cpu(me).values())
                start = time.perf_counter()
                warm = await poller.poll_many(feeds, now)
                warm_wall = time.perf_counter() - start
                warm_cpu = sum(tree_cpu(me).values()) - warm0
                await asyncio.sleep(1)
                settled = [(role(p, me), memory_kib(p, "VmRSS")) for p in descendants(me)]
                trimmed = _bot_after_trim()
            child_hwm = children_hwm()
    finally:
        pool.close()
        await store.close()
    return {"entries": stored, "cold_wall": cold_wall, "warm_wall": warm_wall,
            "warm_cpu": warm_cpu, "cold_outcomes": dict(Counter(r.outcome for r in cold)),
            "warm_outcomes": dict(Counter(r.outcome for r in warm)),
            "failed": [(r.url, r.error) for r in cold if r.outcome != "fetched"][:5],
            "errors_logged": len(errors.records), "lag_max": lag.max_lag,
            "cold_cpu": _cpu_by_role(cpu0, cpu1, me, server_pid),
            "peak_tree_kib": memory.peak_kib, "self_hwm_kib": memory_kib(me, "VmHWM"),
            "child_hwm_kib": child_hwm, "peak_by_role": memory.peak_by_role,
            "peak_pss_kib": memory.peak_pss_kib, "bot_before_kib": bot_before,
            "settled_kib": settled, "trimmed_kib": trimmed}


def _bot_after_trim() -> int:
    """This process's RSS once the C heap's free pages are handed back (what is free, not used)."""
    import ctypes
    import gc
    gc.collect()
    ctypes.CDLL("libc.so.6").malloc_trim(0)
    return memory_kib(os.getpid(), "VmRSS")


def _cpu_by_role(before: dict[int, float], after: dict[int, float], me: int,
                 server: int) -> dict[str, float]:
    roles: Counter[str] = Counter()
    for pid, cpu in after.items():
        role = "bot" if pid == me else "server" if pid == server else "workers"
        roles[role] += cpu - before.get(pid, 0.0)
    return dict(roles)


# --- reader --------------------------------------------------------------------------------

def run_reader(urls: list[str], workers: int, folder: str, server_pid: int) -> dict[str, Any]:
    import logging

    import reader
    from reader import make_reader
    logging.getLogger().setLevel(logging.CRITICAL)
    me = os.getpid()
    db = make_reader(str(Path(folder) / "reader.sqlite"))
    with TreeMemory() as memory:
        for url in urls:
            db.add_feed(url)
        cpu0 = {me: cpu_seconds(me), server_pid: cpu_seconds(server_pid)}
        start = time.perf_counter()
        cold = Counter(_outcome(r.value) for r in db.update_feeds_iter(workers=workers))
        cold_wall = time.perf_counter() - start
        cpu1 = {me: cpu_seconds(me), server_pid: cpu_seconds(server_pid)}
        stored = db.get_entry_counts().total
        warm0 = cpu_seconds(me)
        start = time.perf_counter()
        warm = Counter(_outcome(r.value)
                       for r in db.update_feeds_iter(workers=workers, scheduled=False))
        warm_wall = time.perf_counter() - start
        warm_cpu = cpu_seconds(me) - warm0
    db.close()
    return {"version": reader.__version__, "entries": stored, "cold_wall": cold_wall,
            "warm_wall": warm_wall, "warm_cpu": warm_cpu, "cold_outcomes": dict(cold),
            "warm_outcomes": dict(warm), "cold_cpu": _cpu_by_role(cpu0, cpu1, me, server_pid),
            "peak_tree_kib": memory.peak_kib, "self_hwm_kib": memory_kib(me, "VmHWM"),
            "child_hwm_kib": 0}


def _outcome(value: object) -> str:
    if value is None:
        return "not-modified"
    if isinstance(value, Exception):
        return f"error {type(value).__name__}"
    new, modified = getattr(value, "new", 0), getattr(value, "modified", 0)
    return "updated" if new or modified else "unchanged"


# --- running and reporting -----------------------------------------------------------------

def _child(queue: multiprocessing.Queue, function: Any, args: tuple[Any, ...]) -> None:  # type: ignore[type-arg]
    queue.put(function(*args))


def in_fresh_process(function: Any, *args: Any) -> dict[str, Any]:
    spawn = multiprocessing.get_context("spawn")
    queue = spawn.Queue()
    process = spawn.Process(target=_child, args=(queue, function, args))
    process.start()
    try:
        while True:
            try:
                return queue.get(timeout=1)  # type: ignore[no-any-return]
            except Empty:
                if not process.is_alive():
                    raise RuntimeError(f"{function.__name__} failed: see above") from None
    finally:
        process.join()


def mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def report(feeds: int, limit: dict[str, Any], news: dict[str, Any],
           rdr: dict[str, Any] | None) -> None:
    limit_rate = limit["entries"] / limit["wall"]
    news_rate = news["entries"] / news["cold_wall"]
    rows: list[tuple[str, str]] = [
        ("feeds served", f"{feeds:,}"),
        ("limit: entries found by plain feedparser", f"{limit['entries']:,} in "
         f"{limit['feeds_with_entries']:,} feeds"),
        ("limit: wall (parse only, 2 processes)", f"{limit['wall']:.2f} s"),
        ("limit: entries/s", f"{limit_rate:,.0f}"),
        ("limit: CPU (all processes)", f"{limit['cpu']:.1f} s "
         f"({limit['entries'] / limit['cpu']:,.0f} entries per CPU second)"),
        ("Newsdesk: items stored", f"{news['entries']:,}"),
        ("Newsdesk: cold outcomes", f"{news['cold_outcomes']} {news['failed'][:2]}"),
        ("Newsdesk: exceptions logged", f"{news['errors_logged']}"),
        ("Newsdesk: cold wall", f"{news['cold_wall']:.2f} s"),
        ("Newsdesk: entries/s", f"{news_rate:,.0f}"),
        ("Newsdesk: cold CPU by process", _cpu_text(news["cold_cpu"])),
        ("Newsdesk: event-loop lag, max (cold)", f"{news['lag_max'] * 1000:.0f} ms"),
        ("Newsdesk: warm outcomes", f"{news['warm_outcomes']}"),
        ("Newsdesk: warm wall", f"{news['warm_wall']:.2f} s "
         f"({news['warm_wall'] / feeds * 1000:.2f} ms per feed)"),
        ("Newsdesk: warm CPU per feed (process + children)",
         f"{news['warm_cpu'] / feeds * 1000:.2f} ms"),
        ("Newsdesk: peak RSS: bot / largest worker / tree sum",
         f"{mib(news['self_hwm_kib'])} / {mib(news['child_hwm_kib'])} / "
         f"{mib(news['peak_tree_kib'])}"),
        ("Newsdesk: at the peak of the tree sum: " + ", ".join(news["peak_by_role"]),
         " + ".join("/".join(f"{k / 1024:.0f}" for k in sizes)
                    for sizes in news["peak_by_role"].values()) + " MiB"),
        ("Newsdesk: peak PSS of the tree (shared pages split; sampled every second)",
         mib(news["peak_pss_kib"])),
        ("Newsdesk: bot RSS before the cold poll / after the warm poll / then after malloc_trim",
         f"{mib(news['bot_before_kib'])} / {mib(dict(news['settled_kib']).get('bot', 0))} / "
         f"{mib(news['trimmed_kib'])}"),
        ("Newsdesk: tree RSS after the warm poll, by process",
         ", ".join(f"{r} {mib(k)}" for r, k in news["settled_kib"])),
        ("Newsdesk: entries per CPU second (bot + workers + server)",
         f"{news['entries'] / sum(news['cold_cpu'].values()):,.0f}"),
        ("Newsdesk / feedparser limit (target >= 0.8)", f"**{news_rate / limit_rate:.2f}**"),
        ("same, per CPU second (robust to other load)",
         f"{news['entries'] / sum(news['cold_cpu'].values()) / (limit['entries'] / limit['cpu']):.2f}"),
    ]
    if rdr is not None:
        reader_rate = rdr["entries"] / rdr["cold_wall"]
        rows += [
            (f"reader {rdr['version']}: entries stored", f"{rdr['entries']:,}"),
            ("reader: cold outcomes", f"{rdr['cold_outcomes']}"),
            ("reader: cold wall", f"{rdr['cold_wall']:.2f} s"),
            ("reader: entries/s", f"{reader_rate:,.0f}"),
            ("reader: cold CPU by process", _cpu_text(rdr["cold_cpu"])),
            ("reader: entries per CPU second (process + server)",
             f"{rdr['entries'] / sum(rdr['cold_cpu'].values()):,.0f}"),
            ("reader: warm outcomes", f"{rdr['warm_outcomes']}"),
            ("reader: warm wall", f"{rdr['warm_wall']:.2f} s "
             f"({rdr['warm_wall'] / feeds * 1000:.2f} ms per feed)"),
            ("reader: warm CPU per feed", f"{rdr['warm_cpu'] / feeds * 1000:.2f} ms"),
            ("reader: peak RSS: process / tree sum",
             f"{mib(rdr['self_hwm_kib'])} / {mib(rdr['peak_tree_kib'])}"),
            ("Newsdesk / reader, entries/s (target > 1)", f"**{news_rate / reader_rate:.2f}**"),
        ]
    width = max(len(k) for k, _ in rows)
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


def _cpu_text(cpu: dict[str, float]) -> str:
    return ", ".join(f"{role} {seconds:.1f} s" for role, seconds in sorted(cpu.items()))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--copies", type=int, default=5)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--reader-workers", type=int, default=4)
    parser.add_argument("--no-reader", action="store_true")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"corpus not found: {args.corpus}", file=sys.stderr)
        return 2
    from ingest_real_feeds import serve
    names = sorted(p.name for p in args.corpus.iterdir() if p.is_file())
    spawn = multiprocessing.get_context("spawn")
    ports: multiprocessing.Queue[int] = spawn.Queue()
    server = spawn.Process(target=serve, args=(str(args.corpus), ports), daemon=True)
    server.start()
    try:
        port = ports.get(timeout=30)
        assert server.pid is not None
        urls = feed_urls(port, names, args.copies)
        limit = in_fresh_process(run_limit, str(args.corpus), urls, args.workers)
        with tempfile.TemporaryDirectory() as folder:
            news = in_fresh_process(run_newsdesk, urls, args.workers, folder, server.pid)
            rdr = None if args.no_reader else in_fresh_process(
                run_reader, urls, args.reader_workers, folder, server.pid)
    finally:
        server.terminate()
    report(len(urls), limit, news, rdr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
