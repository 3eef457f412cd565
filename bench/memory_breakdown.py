"""Where the memory of the bot's process tree goes, process by process and import by import.

    python bench/memory_breakdown.py [--only imports,pools,run] [--day-json PATH]

Four parts, each in fresh interpreters so that nothing measured was loaded by this script:

1. imports: what each kind of process of the tree imports, step by step, in the order the bot
   imports it; RSS and USS (private pages: what the process alone costs) after each step, and
   which heavy libraries the bot's own process ends up holding;
2. pools: the bot's two worker pools started in the order `bot.py run` starts them (the charts
   pool first, whose fork server then preloads nothing of the parse/enrich pool's modules), in
   the other order, and without the charts pool; PSS of every process (pages shared by forked
   processes are split between them) after a warm-up job, after parsing the 200 real feeds and
   enriching 2,000 news-2022 items, and after `malloc_trim(0)` in the workers;
3. run: the per-process figures (RSS, PSS, private, shared) that bench/newsroom_day.py recorded
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
    "parse/enrich worker (forked from the fork server)": [
        ("python 3.11, nothing imported", ""),
        ("digests.runtime.lifeline (the fork server's preload today)", "import digests.runtime.lifeline"),
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
                else "fork server" if "forkserver" in command else "other")
        table[child] = kind
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
    print(f"\n3. The bot at {data['feeds']:,} feeds (bench/newsroom_day.py; MiB)")
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
    parser.add_argument("--only", default="imports,pools,run")
    parser.add_argument("--day-json", type=Path, default=Path("/tmp/nd_runs/day1000.json"))
    parser.add_argument("--pool-order", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
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
    if "run" in parts and args.day_json.exists():
        run(args.day_json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
