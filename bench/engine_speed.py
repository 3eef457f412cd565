"""Engine speed at 100,000 stored entries, alert matching, and memory.

    python bench/engine_speed.py [--entries 100000] [--runs 60] [--only queries|alerts|digest|polling]

The order of the sections is the order below, so the query process's RSS is of a fresh process.

1. Queries: `/ask`, `/figures` and `/who` inside the engine (no Discord) on a store of
   `--entries` enriched entries: the news-2022 items copied with distinct links and earlier
   dates (`slash_latency.copies`), built once and cached in
   `tempfile.gettempdir()/newsdesk-bench/engine-100000.db`. p50 and p99 in milliseconds.
2. Digest: a 24-hour digest from 5,000 entries all inside the window (enrichment_speed's
   worst case), and with the corpus's real spread.
3. Memory: RSS of this process before and after opening the 100k store and answering every
   query; the SQLite file size per 100,000 entries; and RSS around a simulated day of polling
   1,000 feeds (144 polls each through the real Store, see `simulate_polling`).
4. Alerts: new stories per second matched by `match_alerts` against 10,000 and 100,000
   subscriptions of 100 servers, called in batches of 500 items as `collect_alert_matches`
   does, with the naive loop (`matches(query, tokens)` for every pair, each query parsed once
   and each item tokenised once: what `match_alerts` did before its word index) as the
   baseline in the same run, and a check that both find the same pairs.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import random
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from enrichment_speed import DIGEST_ENTRIES, redated, time_digest  # noqa: E402
from eval_answers import read_jsonl, store_items, to_entry  # noqa: E402
from slash_latency import copies  # noqa: E402

from digests.feeds.reading import WORKER_MODULES as READING_MODULES  # noqa: E402
from digests.models import ParsedFeed  # noqa: E402
from digests.news.enrichment import WORKER_MODULES as ANALYSIS_MODULES  # noqa: E402
from digests.news.enrichment import Enricher  # noqa: E402
from digests.news.keyfigures import key_figures  # noqa: E402
from digests.newsroom import ask  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.servers.alerts import matches, parse_query, tokenise  # noqa: E402
from digests.servers.deliveries import IndexedQueries, match_alerts  # noqa: E402
from digests.store.core import Store  # noqa: E402
from digests.store.items import FetchState  # noqa: E402
from digests.store.servers import AlertCandidate, Subscription  # noqa: E402

WARM_MODULES = (*READING_MODULES, *ANALYSIS_MODULES)

ITEMS = ROOT.parent / "shared" / "corpora" / "news-2022" / "items.jsonl"
QUESTIONS = ROOT / "bench" / "questions_ukraine.jsonl"
CACHE = Path(tempfile.gettempdir()) / "newsdesk-bench"
BATCH = 500
TOPICS: list[str | None] = [None, "refugees", "troops", "civilians killed", "sanctions", "oil"]


def rss_mib() -> float:
    """Resident set size of this process now, in MiB (Linux /proc)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# The store -----------------------------------------------------------------------------------

async def build_store(path: Path, entries: int) -> None:
    rows = copies(read_jsonl(ITEMS), entries)
    store = await Store.open(f"sqlite:///{path}")
    started = time.perf_counter()
    await store_items(store, rows)
    print(f"stored {entries:,} entries in {time.perf_counter() - started:.0f} s; enriching…", flush=True)
    workers = WorkerPool(2, warm=WARM_MODULES)
    done = asyncio.Event()

    async def progress() -> None:
        while not done.is_set():
            try:
                await asyncio.wait_for(done.wait(), 30)
            except TimeoutError:
                with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
                    count = conn.execute("SELECT count(*) FROM items WHERE enriched").fetchone()[0]
                print(f"  {count:,} / {entries:,} enriched after "
                      f"{time.perf_counter() - started:.0f} s", flush=True)

    watcher = asyncio.create_task(progress())
    enriched = await Enricher(store, workers).run(datetime.now(UTC))
    done.set()
    await watcher
    print(f"built the store: {enriched:,} entries enriched, {time.perf_counter() - started:.0f} s "
          "in all", flush=True)
    workers.close()
    await store.close()


async def cached_store(entries: int) -> Path:
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"engine-{entries}.db"
    if not path.exists():
        partial = path.with_suffix(".building")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        await build_store(partial, entries)
        with sqlite3.connect(partial) as conn:  # fold the WAL in: only the main file is renamed
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        for leftover in CACHE.glob(partial.name + "-*"):
            leftover.unlink()
        partial.rename(path)
    return path


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


# 1. Queries ----------------------------------------------------------------------------------

async def timed(call: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await call()
    return (time.perf_counter() - started) * 1000


async def query_times(store: Store, path: Path, runs: int,
                      now: datetime) -> dict[str, tuple[float, list[float]]]:
    """Per command: the first (cold) call's time and the times of `runs` further calls, in ms."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        people = [r[0] for r in conn.execute(
            "SELECT max(name) FROM mentions GROUP BY person_key ORDER BY count(*) DESC LIMIT 40")]
    questions = [json.loads(line)["question"] for line in QUESTIONS.read_text().splitlines() if line]
    calls: dict[str, Callable[[int], Callable[[], Awaitable[object]]]] = {
        "ask": lambda n: lambda: ask(store, questions[n % len(questions)], now),
        "figures": lambda n: lambda: key_figures(store, TOPICS[n % len(TOPICS)], now),
        "who": lambda n: lambda: ask(store, f"Who is {people[n % len(people)]}?", now),
    }
    results = {}
    for name, make in calls.items():
        first = await timed(make(0))
        results[name] = (first, [await timed(make(n)) for n in range(1, runs + 1)])
    return results


# 2. Digest -----------------------------------------------------------------------------------

async def digest_times(rows: list[dict[str, object]], folder: Path,
                       entries: int) -> list[tuple[str, float, int]]:
    last = max(datetime.fromisoformat(str(r["published"])) for r in rows)
    cases = [(f"24-hour digest, {entries:,} entries all in the window", redated(rows, entries, last)),
             (f"24-hour digest, {entries:,} entries, real spread", copies(rows, entries))]
    workers = WorkerPool(2, warm=WARM_MODULES)
    out = []
    for n, (label, case) in enumerate(cases):
        store = await Store.open(f"sqlite:///{folder / f'digest{n}.db'}")
        await store_items(store, case)
        await Enricher(store, workers).run(datetime.now(UTC))
        seconds, stories = await time_digest(store, last)
        out.append((label, seconds * 1000, stories))
        await store.close()
    workers.close()
    return out


# 3. A day of polling ---------------------------------------------------------------------------

async def simulate_polling(folder: Path, rows: list[dict[str, object]], feeds: int, polls: int,
                           new_every: int) -> tuple[int, int, float]:
    """`feeds` feeds polled `polls` times each, 10 minutes apart, through the real Store.

    Each poll is a 304 (`record_not_modified`), except every `new_every`-th poll of a feed,
    which brings one new entry (a corpus item with a fresh link: `save_poll`, as polling does
    after a 200). Returns (304s, entries saved, seconds).
    """
    store = await Store.open(f"sqlite:///{folder / 'polling.db'}")
    start = datetime(2022, 4, 1, tzinfo=UTC)
    ids = [(await store.add_feed(f"https://feeds{n}.example/rss", now=start)).id for n in range(feeds)]
    not_modified = saved = 0
    began = time.perf_counter()
    for poll in range(polls):
        now = start + timedelta(minutes=10 * poll)
        later = now + timedelta(minutes=10)
        for number, feed_id in enumerate(ids):
            if (poll + number) % new_every:
                await store.record_not_modified(feed_id, now=now, next_check_at=later,
                                                etag=f'"{poll}"', last_modified=None)
                not_modified += 1
                continue
            row = dict(rows[(poll * feeds + number) % len(rows)])
            row["link"] = f"{row['link']}#feed{number}-poll{poll}"
            row["published"] = now.isoformat()
            parsed = ParsedFeed(None, None, None, None, (to_entry(row),))
            result = await store.save_poll(feed_id, parsed, now=now, first_poll=False,
                                           next_check_at=later,
                                           state=FetchState(f'"{poll}"', None, None, 200))
            saved += result.new
        if (poll + 1) % 24 == 0:
            print(f"  polling: {poll + 1} / {polls} rounds, {time.perf_counter() - began:.0f} s, "
                  f"RSS {rss_mib():.0f} MiB", flush=True)
    await store.close()
    return not_modified, saved, time.perf_counter() - began


# 4. Alerts ---------------------------------------------------------------------------------------

def alert_queries(titles: list[str], count: int, chooser: random.Random) -> list[str]:
    """Queries as members write them: 1-3 title words, some phrases, some OR, some exclusions.

    Words of five letters or more from the corpus titles, each distinct word equally likely.
    """
    title_words = [re.findall(r"[A-Za-z]{5,}", t) for t in titles]
    title_words = [w for w in title_words if len(w) >= 2]
    vocabulary = sorted({w.lower() for ws in title_words for w in ws})

    def group() -> str:
        if chooser.random() < 0.15:  # a phrase: two consecutive words of a title
            ws = chooser.choice(title_words)
            at = chooser.randrange(len(ws) - 1)
            return f'"{ws[at].lower()} {ws[at + 1].lower()}"'
        return " ".join(chooser.sample(vocabulary, chooser.choice((1, 1, 1, 2, 2, 3))))

    out = []
    for _ in range(count):
        query = group()
        if chooser.random() < 0.15:
            query += " OR " + group()
        if chooser.random() < 0.1:
            query += " -" + chooser.choice(vocabulary)
        out.append(query)
    return out


def naive_match(candidates: list[AlertCandidate], subscriptions: list[Subscription],
                guild_feeds: dict[int, frozenset[int]]) -> set[tuple[int, int]]:
    """The baseline: every subscription checked against every item (the same rules)."""
    queries = {s.id: parse_query(s.query) for s in subscriptions}
    pairs = set()
    for item in candidates:
        if item.story_id is None or item.seen_at_first_poll:
            continue
        tokens = tokenise(f"{item.title}\n{item.text}")
        for sub in subscriptions:
            if item.feed_id in guild_feeds[sub.guild_id] and item.first_seen_at >= sub.created_at \
                    and matches(queries[sub.id], tokens):
                pairs.add((sub.id, item.story_id))
    return pairs


async def alert_speed(path: Path, titles: list[str], counts: list[int], items: int,
                      naive_items: int) -> list[str]:
    store = await Store.open(f"sqlite:///{path}")
    candidates = [c for c in await store.alert_candidates(0, items * 2) if c.story_id is not None][:items]
    feed_ids = sorted({f.id for f in await store.all_feeds()})
    await store.close()
    chooser = random.Random(17)
    created = min(c.first_seen_at for c in candidates) - timedelta(days=1)
    servers = 100
    guild_feeds = {g: frozenset(chooser.sample(feed_ids, len(feed_ids) // 2)) for g in range(servers)}
    lines = [f"{len(candidates):,} corpus items with stories; 100 servers, each following a random "
             f"half of the {len(feed_ids)} feeds"]
    for count in counts:
        queries = alert_queries(titles, count, chooser)
        subs = [Subscription(n + 1, n % servers, 1000 + n, q, "channel", 1, created)
                for n, q in enumerate(queries)]
        batches = [candidates[at:at + BATCH] for at in range(0, len(candidates), BATCH)]
        pairs: set[tuple[int, int]] = set()
        seconds = []
        indexed = IndexedQueries()  # kept between batches, as the delivery job keeps it
        for batch in batches:  # as collect_alert_matches calls it, 500 items at a time
            started = time.perf_counter()
            pairs |= match_alerts(batch, subs, guild_feeds, indexed)
            seconds.append(time.perf_counter() - started)
        cold = len(batches[0]) / seconds[0]
        fast = sum(len(b) for b in batches[1:]) / sum(seconds[1:])
        sample = candidates[:naive_items]
        started = time.perf_counter()
        naive = naive_match(sample, subs, guild_feeds)
        slow = time.perf_counter() - started
        same = naive == match_alerts(sample, subs, guild_feeds, indexed)
        fast_rate, slow_rate = fast, len(sample) / slow
        lines.append(f"{count:>8,} subscriptions: match_alerts {fast_rate:>9,.0f} items/s "
                     f"(first batch, queries not yet parsed: {cold:,.0f} items/s; "
                     f"{len(pairs):,} pairs over {len(candidates):,} items); naive loop "
                     f"{slow_rate:>7,.1f} items/s (over {len(sample)} items); "
                     f"{fast_rate / slow_rate:,.0f}x; same pairs: {same}")
    return lines


# Main --------------------------------------------------------------------------------------------

async def queries_and_memory(args: argparse.Namespace, now: datetime) -> None:
    gc.collect()
    rss_start = rss_mib()
    path = await cached_store(args.entries)
    size = path.stat().st_size
    gc.collect()
    rss_before = rss_mib()
    store = await Store.open(f"sqlite:///{path}")
    rss_open = rss_mib()
    times = await query_times(store, path, args.runs, now)
    gc.collect()
    rss_after = rss_mib()
    await store.close()
    gc.collect()
    rss_closed = rss_mib()
    print(f"\nQueries inside the engine, {args.entries:,} stored entries, {args.runs} runs each "
          "after one cold call (ms)")
    print(f"{'command':<10}{'cold':>10}{'p50':>10}{'p99':>10}{'max':>10}")
    for name, (first, values) in times.items():
        print(f"{name:<10}{first:>10.1f}{statistics.median(values):>10.1f}"
              f"{percentile(values, 0.99):>10.1f}{max(values):>10.1f}")
    per_100k = 100_000 / args.entries
    print("\nMemory of the querying process (RSS, MiB)")
    print(f"{'at start (imports done)':<52}{rss_start:>8.0f}")
    print(f"{'before opening the store':<52}{rss_before:>8.0f}")
    print(f"{'after opening it':<52}{rss_open:>8.0f}")
    print(f"{'after all the queries':<52}{rss_after:>8.0f}  (+{rss_after - rss_before:.0f})")
    print(f"{'after closing it':<52}{rss_closed:>8.0f}")
    print(f"{'growth per 100,000 stored entries':<52}{(rss_after - rss_before) * per_100k:>8.0f}")
    print(f"{'SQLite file per 100,000 entries (MiB)':<52}{size / 2**20 * per_100k:>8.0f}")


async def alerts_section(args: argparse.Namespace, rows: list[dict[str, object]]) -> None:
    path = await cached_store(args.entries)
    lines = await alert_speed(path, [str(r["title"]) for r in rows], [10_000, 100_000],
                              args.alert_items, args.naive_items)
    print("\nAlert matching")
    for line in lines:
        print(line)


async def digest_section(args: argparse.Namespace, rows: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory(prefix="newsdesk-engine-") as folder:
        digests = await digest_times(rows, Path(folder), args.digest_entries)
    print("\nDigest")
    for label, ms, stories in digests:
        print(f"{label:<52}{ms:>8.0f} ms  {stories:,} stories")


async def polling_section(args: argparse.Namespace, rows: list[dict[str, object]]) -> None:
    with tempfile.TemporaryDirectory(prefix="newsdesk-engine-") as folder:
        gc.collect()
        before = rss_mib()
        not_modified, saved, seconds = await simulate_polling(Path(folder), rows, args.feeds,
                                                              args.polls, 6)
        after = rss_mib()
        gc.collect()
        collected = rss_mib()
    print(f"\nA day of polling: {args.feeds:,} feeds x {args.polls} polls through the Store "
          f"({not_modified:,} record_not_modified, {saved:,} entries saved with save_poll), "
          f"{seconds:.0f} s, {(not_modified + saved) / seconds:,.0f} polls/s")
    print(f"{'RSS before / after / after gc.collect() (MiB)':<52}{before:>8.0f} / "
          f"{after:.0f} / {collected:.0f}")


async def main_async(args: argparse.Namespace) -> None:
    rows = read_jsonl(ITEMS)
    now = max(datetime.fromisoformat(str(r["published"])) for r in rows) + timedelta(minutes=10)
    sections = args.only or ["queries", "alerts", "digest", "polling"]
    if args.build_only:
        await cached_store(args.entries)
        return
    if "queries" in sections:
        await queries_and_memory(args, now)  # first: its RSS figures are of a fresh process
    if "alerts" in sections:
        await alerts_section(args, rows)
    if "digest" in sections:
        await digest_section(args, rows)
    if "polling" in sections:
        await polling_section(args, rows)
    print(f"{'peak RSS of the process (MiB)':<52}"
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:>8.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--alert-items", type=int, default=2000)
    parser.add_argument("--naive-items", type=int, default=100)
    parser.add_argument("--digest-entries", type=int, default=DIGEST_ENTRIES)
    parser.add_argument("--feeds", type=int, default=1000)
    parser.add_argument("--polls", type=int, default=144)
    parser.add_argument("--only", action="append",
                        choices=["queries", "alerts", "digest", "polling"])
    parser.add_argument("--build-only", action="store_true")
    args = parser.parse_args()
    if not ITEMS.exists():
        print(f"corpus not found: {ITEMS}")
        return 0
    asyncio.run(main_async(args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
