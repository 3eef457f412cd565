"""Where the memory of the bot's process tree goes, process by process and import by import.

    python bench/memory_breakdown.py [--only imports,documents,bot,pools,run] [--day-json PATH]

Five parts, each in fresh interpreters so that nothing measured was loaded by this script:

1. imports: what each kind of process of the tree imports, step by step, in the order the bot
   imports it; RSS and USS (private pages: what the process alone costs) after each step, and
   which heavy libraries the bot's own process ends up holding;
2. pools: the bot's two worker pools started in the order `bot.py run` starts them (the charts
   pool first), in the other order, and without the charts pool (workers are spawned now, so
   the order no longer changes what they hold; with the fork server of before it did); PSS of
   every process (pages shared by several processes are split between them) after a warm-up
   job, after parsing the 200 real feeds and enriching 2,000 news-2022 items, and after
   `malloc_trim(0)` in the workers;
3. documents: what one parse costs a worker: the largest growth of a worker's resident size
   while it reads one of the 200 real feeds (each in a forked copy of a warm worker), and a
   worker's size after reading all 200 one after the other, with and without handing the freed
   heap back after each (`digests.runtime.heap.give_back`, what the pool's workers do);
4. bot: the bot's own process polling the 1,000 feeds of bench/ingest_1000.py once (fetch,
   parse in two workers, store), its resident size before, after, after `malloc_trim`, after
   SQLite's page cache is shrunk and after its connections are closed (what is left is the
   prepared statements and page cache of the connection), with the mappings holding most;
5. run: the per-process figures (RSS, PSS, private, shared) that bench/newsroom_day.py recorded
   for a bot at steady state and at its peak (`--day-json`, written by its `--json`).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
FEEDS = ROOT.parent / "shared" / "corpora" / "real-feeds" / "benchmark_data"
ITEMS = ROOT.parent / "shared" / "corpora" / "news-2022" / "items.jsonl"

STEPS = {
    "bot process (launcher, bot.py run and its cogs)": [
        ("python 3.11, nothing imported", ""),
        ("discord (the launcher imports it first)", "import discord"),
        ("aiohttp", "import aiohttp"),
        ("SQLAlchemy + aiosqlite: digests.store.core", "import digests.store.core"),
        ("APScheduler: digests.runtime.scheduling", "import digests.runtime.scheduling"),
        ("digests.feeds.polling, fetching, reading, fulltext",
         "import digests.feeds.polling, digests.feeds.fetching, digests.feeds.reading, "
         "digests.feeds.fulltext"),
        ("digests.news.enrichment (+ stories)", "import digests.news.enrichment"),
        ("digests.newsroom, suggestions (answers, digest)",
         "import digests.newsroom, digests.news.suggestions"),
        ("bot", "import bot"),
        ("cogs (all, as run_discord imports them)",
         "import cogs.alerts, cogs.bot, cogs.charts, cogs.delivery, cogs.digest, cogs.feeds, "
         "cogs.outbox, cogs.questions, cogs.status"),
    ],
    "parse/enrich worker (a spawned interpreter)": [
        ("python 3.11, nothing imported", ""),
        ("digests.runtime.lifeline", "import digests.runtime.lifeline"),
        ("digests.feeds.parsing (feedparser, sax)", "import digests.feeds.parsing"),
        ("digests.news.analysis (syntok, word tables)", "import digests.news.analysis"),
    ],
    "chart worker": [
        ("python 3.11, nothing imported", ""),
        ("digests.runtime.lifeline", "import digests.runtime.lifeline"),
        ("cogs.charts.warm_up() (matplotlib, Agg)", "import cogs.charts; cogs.charts.warm_up()"),
    ],
}

HEAVY = ("feedparser", "syntok", "matplotlib", "numpy", "PIL", "trafilatura", "lxml", "sgmllib",
         "text2num", "discord", "sqlalchemy", "aiohttp", "apscheduler", "zoneinfo", "tzdata")


def _probe_script(steps: list[tuple[str, str]]) -> str:
    return textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(ROOT)!r})
        def figures():
            out = {{}}
            for line in open("/proc/self/smaps_rollup").read().splitlines()[1:]:
                key, value = line.split(":", 1)
                out[key] = int(value.split()[0])
            return out["Rss"], out["Private_Clean"] + out["Private_Dirty"]
        for label, code in {steps!r}:
            exec(code)
            rss, uss = figures()
            print(json.dumps([label, rss, uss, len(sys.modules)]), flush=True)
        print(json.dumps(["heavy", sorted(m for m in {HEAVY!r} if m in sys.modules)]), flush=True)
    """)


def imports() -> None:
    print("1. Imports, by kind of process (MiB; USS = private pages)")
    for kind, steps in STEPS.items():
        done = subprocess.run([sys.executable, "-c", _probe_script(steps)], capture_output=True,
                              text=True, cwd=ROOT, check=True)
        print(f"\n{kind}")
        print(f"  {'step':<62}{'RSS':>7}{'USS':>7}{'+USS':>7}{'modules':>9}")
        previous = 0
        for line in done.stdout.splitlines():
            record = json.loads(line)
            if record[0] == "heavy":
                print(f"  libraries present at the end: {', '.join(record[1])}")
                continue
            label, rss, uss, modules = record
            print(f"  {label:<62}{rss / 1024:>7.1f}{uss / 1024:>7.1f}{(uss - previous) / 1024:>+7.1f}"
                  f"{modules:>9}")
            previous = uss


_DOCUMENTS_SCRIPT = textwrap.dedent(f"""
    import json, os, pickle, resource, sys
    from datetime import UTC, datetime
    from pathlib import Path
    sys.path.insert(0, {str(ROOT)!r})
    from digests.feeds.parsing import parse_capped
    import digests.news.analysis
    from digests.runtime import heap
    now = datetime.now(UTC)
    parse_capped(b"<rss><channel><item><title>x</title></item></channel></rss>", {{}}, "https://x/", now)
    files = sorted(p for p in Path({str(FEEDS)!r}).iterdir() if p.is_file())
    growth = []
    for path in files:
        body = path.read_bytes()
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:
            start = heap.resident_bytes()
            parsed, _ = parse_capped(body, {{}}, "https://feeds.example/" + path.name, now)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
            os.write(write, json.dumps([peak - start, len(body), len(pickle.dumps(parsed)),
                                        len(parsed.entries)]).encode())
            os._exit(0)
        os.close(write)
        grown, size, pickled, entries = json.loads(os.read(read, 200))
        os.close(read)
        os.waitpid(pid, 0)
        growth.append([grown, size, pickled, entries, path.name])
    started = heap.resident_bytes()
    give_back = sys.argv[1] == "give-back"
    heap.note_resident()
    for path in files:
        parse_capped(path.read_bytes(), {{}}, "https://feeds.example/" + path.name, now)
        if give_back:
            heap.give_back()
    print(json.dumps({{"growth": sorted(growth, reverse=True)[:6], "started": started,
                      "ended": heap.resident_bytes(),
                      "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}}))
""")


_CHARDET_SCRIPT = textwrap.dedent(f"""
    import json, sys
    from pathlib import Path
    sys.path.insert(0, {str(ROOT)!r})
    from digests.runtime.heap import resident_bytes
    sizes = [resident_bytes()]
    import chardet
    sizes.append(resident_bytes())
    chardet.detect((Path({str(FEEDS)!r}) / "9e0834333e854116").read_bytes())
    sizes.append(resident_bytes())
    print(json.dumps(sizes))
""")


def documents() -> None:
    print("\n3. One worker reading the 200 real feeds (MiB)")
    done = subprocess.run([sys.executable, "-c", _CHARDET_SCRIPT], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    if done.returncode == 0:
        bare, imported, guessed = json.loads(done.stdout)
        print(f"  chardet, which feedparser uses when it is installed (Newsdesk hides it): import "
              f"+{(imported - bare) / 2**20:.1f}, first guess (a document declared UTF-16 that is "
              f"UTF-8) +{(guessed - imported) / 2**20:.1f}")
    runs = {}
    for mode in ("keep", "give-back"):
        done = subprocess.run([sys.executable, "-c", _DOCUMENTS_SCRIPT, mode], capture_output=True,
                              text=True, cwd=ROOT, check=True)
        runs[mode] = json.loads(done.stdout.strip().splitlines()[-1])
    print("  largest growth of a warm worker while it reads one document:")
    for grown, size, pickled, entries, name in runs["keep"]["growth"]:
        print(f"    +{grown / 2**20:5.1f}  {name}: {size / 1e6:.2f} MB body, {entries} entries, "
              f"{pickled / 1e6:.2f} MB result sent back")
    for mode, label in (("keep", "as glibc leaves it"), ("give-back", "free heap handed back after each")):
        r = runs[mode]
        print(f"  all 200 in a row, {label}: {r['started'] / 2**20:.0f} at start, "
              f"{r['ended'] / 2**20:.0f} at the end, {r['peak'] / 2**20:.0f} at most")


def bot() -> None:
    done = subprocess.run([sys.executable, __file__, "--bot-child"], capture_output=True, text=True,
                          cwd=ROOT, check=False)
    print("\n4. The bot's process polling 1,000 feeds once (MiB)")
    if done.returncode:
        print(done.stderr[-3000:])
        return
    result = json.loads(done.stdout.strip().splitlines()[-1])
    for label, kib in result["steps"]:
        print(f"  {label:<58}{kib / 1024:>7.1f}")
    print("  mappings holding most after the trim (RSS):")
    for name, kib in result["maps"]:
        print(f"    {kib / 1024:6.1f}  {name}")


def _bot_child() -> None:
    import asyncio
    import ctypes
    import gc
    import multiprocessing
    import tempfile
    import threading

    sys.path[:0] = [str(BENCH), str(ROOT)]
    from ingest_1000 import DEFAULT_CORPUS, feed_urls, memory_kib
    from ingest_real_feeds import serve

    async def poll(urls: list[str]) -> dict[str, object]:
        from datetime import UTC, datetime

        import aiohttp

        from digests.config import NetworkConfig, PollingConfig
        from digests.feeds.addresses import resolver_for
        from digests.feeds.fetching import Fetcher
        from digests.feeds.polling import Poller
        from digests.feeds.reading import WORKER_MODULES as READING
        from digests.feeds.reading import FeedReader
        from digests.news.enrichment import WORKER_MODULES as ANALYSIS
        from digests.runtime import heap
        from digests.runtime.workers import WorkerPool
        from digests.store.core import Store

        me = os.getpid()
        steps: list[tuple[str, int]] = []
        store = await Store.open(f"sqlite:///{Path(tempfile.mkdtemp()) / 'bot.db'}")
        pool = WorkerPool(2, warm=(*READING, *ANALYSIS))
        await asyncio.gather(*(pool.run(len, "warm") for _ in range(4)))
        network = NetworkConfig(allow_private_addresses=True, per_host_concurrency=32)
        connector = aiohttp.TCPConnector(resolver=resolver_for(True), limit=0)
        now = datetime.now(UTC)
        peak = [0]
        halt = threading.Event()

        def watch() -> None:
            while not halt.wait(0.2):
                peak[0] = max(peak[0], memory_kib(me, "VmRSS"))

        async with aiohttp.ClientSession(connector=connector) as session:
            poller = Poller(store, Fetcher(session, network, "Newsdesk-bench"),
                            FeedReader(pool).parse, PollingConfig())
            feeds = [await store.add_feed(url, now=now) for url in urls]
            heap.settle(trim_every=None)  # trims are measured below, not left to the timer
            steps.append(("before the poll (store, workers, HTTP session)", memory_kib(me, "VmRSS")))
            threading.Thread(target=watch, daemon=True).start()
            await poller.poll_many(feeds, now)
            halt.set()
            gc.collect()
            steps.append(("largest during the poll (sampled every 0.2 s)", peak[0]))
            steps.append(("after the poll", memory_kib(me, "VmRSS")))
            ctypes.CDLL("libc.so.6").malloc_trim(0)
            steps.append(("after malloc_trim(0): free heap handed back", memory_kib(me, "VmRSS")))
            maps = _largest_mappings()
            async with store._engine.connect() as conn:
                await conn.exec_driver_sql("PRAGMA shrink_memory")
            ctypes.CDLL("libc.so.6").malloc_trim(0)
            steps.append(("after SQLite's page cache is shrunk", memory_kib(me, "VmRSS")))
            await store._engine.dispose()
            ctypes.CDLL("libc.so.6").malloc_trim(0)
            steps.append(("after the connection is closed (its prepared statements)",
                          memory_kib(me, "VmRSS")))
        pool.close()
        await store.close()
        return {"steps": steps, "maps": maps}

    names = sorted(p.name for p in DEFAULT_CORPUS.iterdir() if p.is_file())
    spawn = multiprocessing.get_context("spawn")
    ports = spawn.Queue()
    server = spawn.Process(target=serve, args=(str(DEFAULT_CORPUS), ports), daemon=True)
    server.start()
    try:
        result = asyncio.run(poll(feed_urls(ports.get(timeout=60), names, 5)))
    finally:
        server.terminate()
    print(json.dumps(result))


def _largest_mappings(count: int = 6) -> list[tuple[str, int]]:
    sizes: dict[str, int] = {}
    name = ""
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if fields and "-" in fields[0] and not fields[0].endswith(":"):
            name = f"{fields[0]} {fields[5] if len(fields) > 5 else '[anonymous]'}"
        elif fields and fields[0] == "Rss:":
            sizes[name] = int(fields[1])
    return sorted(sizes.items(), key=lambda kv: -kv[1])[:count]


def _rollup(pid: int) -> dict[str, int] | None:
    out = {}
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
            key, value = line.split(":", 1)
            out[key] = int(value.split()[0])
    except OSError:
        return None
    return out


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
                found.append(int(entry))
    return found


def _tree() -> list[dict[str, object]]:
    table = {}
    for child in _children(os.getpid()):
        command = Path(f"/proc/{child}/cmdline").read_text(errors="replace")
        kind = ("resource tracker" if "resource_tracker" in command
                else "fork server" if "forkserver" in command
                else "spawned" if "multiprocessing.spawn" in command else "other")
        table[child] = kind
        if kind == "spawned":  # a worker the pool started itself (no fork server since 2026-12)
            maps = Path(f"/proc/{child}/maps").read_text(errors="replace")
            table[child] = "chart worker" if "matplotlib" in maps else "parse/enrich worker"
        if kind == "fork server":
            for worker in _children(child):
                maps = Path(f"/proc/{worker}/maps").read_text(errors="replace")
                table[worker] = "chart worker" if "matplotlib" in maps else "parse/enrich worker"
    rows = []
    for pid, kind in table.items():
        r = _rollup(pid)
        if r:
            rows.append({"kind": kind, "rss": r["Rss"], "pss": r["Pss"],
                         "uss": r["Private_Clean"] + r["Private_Dirty"]})
    return rows


def trim() -> int:
    """In a worker: collect, then hand the heap's free pages back to the system."""
    import ctypes
    import gc
    gc.collect()
    return int(ctypes.CDLL("libc.so.6").malloc_trim(0))


async def _pools_in_order(order: list[str]) -> None:
    import asyncio
    import time
    from datetime import UTC, datetime

    sys.path.insert(0, str(ROOT))
    from cogs.charts import warm_up
    from digests.feeds import reading
    from digests.feeds.parsing import parse_capped
    from digests.news import enrichment
    from digests.news.analysis import analyse_items
    from digests.readings import ItemText
    from digests.runtime.workers import WorkerPool

    pools = {}
    for name in order:
        if name == "charts":
            pools[name] = WorkerPool(1)
            await pools[name].run(warm_up)
        else:
            pools[name] = WorkerPool(2, warm=(*reading.WORKER_MODULES, *enrichment.WORKER_MODULES),
                                     memory_limit=reading.WORKER_MEMORY_LIMIT)
            await asyncio.gather(*(pools[name].run(len, "x") for _ in range(4)))
    snapshots = {"after start": _tree()}
    parse = pools["parse"]
    bodies = [p.read_bytes() for p in sorted(FEEDS.iterdir()) if p.is_file()]
    now = datetime.now(UTC)
    started = time.perf_counter()
    await asyncio.gather(*(parse.run(parse_capped, b, {}, f"https://feeds.example/{n}", now)
                           for n, b in enumerate(bodies)))
    parse_s = time.perf_counter() - started
    snapshots["after parsing the 200 real feeds"] = _tree()
    rows = [json.loads(line) for line in ITEMS.read_text().splitlines()[:2000] if line.strip()]
    texts = [ItemText(n, r.get("title") or "", r.get("description") or "", now)
             for n, r in enumerate(rows)]
    await asyncio.gather(*(parse.run(analyse_items, texts[k:k + 200]) for k in range(0, len(texts), 200)))
    snapshots["after enriching 2,000 items"] = _tree()
    await asyncio.gather(*(parse.run(trim) for _ in range(8)))
    snapshots["after gc + malloc_trim(0) in the workers"] = _tree()
    for pool in pools.values():
        pool.close()
    print(json.dumps({"snapshots": snapshots, "parse_s": parse_s}))


def pools() -> None:
    print("\n2. The worker pools (MiB): PSS splits shared pages between the processes that map them")
    orders = {"as bot.py run does today: charts pool first": "charts,parse",
              "parse/enrich pool first (its fork server preloads feedparser, syntok)": "parse,charts",
              "parse/enrich pool only (charts drawn elsewhere)": "parse"}
    for title, order in orders.items():
        done = subprocess.run([sys.executable, __file__, "--pool-order", order], capture_output=True,
                              text=True, cwd=ROOT, check=False)
        if done.returncode:
            print(done.stderr[-3000:])
            continue
        result = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"\n{title} (200 feeds parsed in {result['parse_s']:.1f} s)")
        kinds = ["fork server", "parse/enrich worker", "chart worker", "resource tracker"]
        print(f"  {'moment':<44}" + "".join(f"{k[:20]:>22}" for k in kinds) + f"{'tree PSS':>10}")
        for moment, rows in result["snapshots"].items():
            cells = []
            for kind in kinds:
                chosen = [r for r in rows if r["kind"] == kind]
                shares = " + ".join(f"{r['pss'] / 1024:.0f}" for r in chosen)
                rss = sum(r["rss"] for r in chosen) / 1024
                cells.append(f"{shares} ({rss:.0f})" if chosen else "")
            pss = sum(r["pss"] for r in rows) / 1024
            print(f"  {moment:<44}" + "".join(f"{c:>22}" for c in cells) + f"{pss:>10.0f}")
        print("  cells: PSS of each process (their RSS summed); tree PSS: all of them, without "
              "the process that holds the pools")


def run(path: Path) -> None:
    data = json.loads(path.read_text())["newsdesk"]
    print(f"\n5. The bot at {data['feeds']:,} feeds (bench/newsroom_day.py; MiB)")
    for name in ("rollup_steady", "rollup_peak"):
        rollup = data.get(name)
        if not rollup:
            continue
        print(f"\n  {name.replace('rollup_', '')}: tree PSS {rollup['pss_kib'] / 1024:.0f}, "
              f"RSS {sum(p['rss'] for p in rollup['processes']) / 1024:.0f}")
        print(f"  {'process':<24}{'RSS':>7}{'PSS':>7}{'private':>9}{'shared':>8}{'anon':>7}{'peak RSS':>10}")
        for p in sorted(rollup["processes"], key=lambda p: -p["pss"]):
            print(f"  {p['role']:<24}{p['rss'] / 1024:>7.0f}{p['pss'] / 1024:>7.0f}"
                  f"{p['private'] / 1024:>9.0f}{p['shared'] / 1024:>8.0f}{p['anon'] / 1024:>7.0f}"
                  f"{p['hwm'] / 1024:>10.0f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="imports,documents,bot,pools,run")
    parser.add_argument("--day-json", type=Path, default=Path("/tmp/nd_runs/day1000.json"))
    parser.add_argument("--pool-order", default=None, help=argparse.SUPPRESS)
    parser.add_argument("--bot-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bot_child:
        _bot_child()
        return 0
    if args.pool_order:
        import asyncio
        asyncio.run(_pools_in_order(args.pool_order.split(",")))
        return 0
    parts = set(args.only.split(","))
    os.chdir(ROOT)
    if "imports" in parts:
        imports()
    if "pools" in parts:
        pools()
    if "documents" in parts:
        documents()
    if "bot" in parts:
        bot()
    if "run" in parts and args.day_json.exists():
        run(args.day_json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
