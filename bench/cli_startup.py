"""How long the command line takes as a process, against Python's own start in the same run.

    python bench/cli_startup.py [--runs 7]

A store is built once from the bundled samples (the demo's four feeds, read and understood) in
a temporary folder. Then each command below is run `--runs` times as a fresh process, in
turns (one run of each, then the next round), so that a busy machine slows all of them alike;
the table gives the median and the fastest wall time of each, and the median minus the median
of `python -c pass`. The target is `ask` under 0.8 s on this store.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BOT = str(ROOT / "bot.py")
TARGET_ASK = 0.8

COMMANDS: list[tuple[str, list[str]]] = [
    ("python -c pass", [sys.executable, "-c", "pass"]),
    ('python -c "import discord"', [sys.executable, "-c", "import discord"]),
    # What `ask` cannot do without: the store (SQLAlchemy, and alembic for its migrations) and
    # the news wing (answers import the word tables of people_words).
    ('python -c "import digests.store.core"', [sys.executable, "-c", "import digests.store.core"]),
    ('python -c "import alembic.script"', [sys.executable, "-c", "import alembic.script"]),
    ('python -c "import digests.news.answers"', [sys.executable, "-c", "import digests.news.answers"]),
    ("bot.py --help", [sys.executable, BOT, "--help"]),
    ('bot.py ask "How many people have fled Ukraine?"',
     [sys.executable, BOT, "ask", "How many people have fled Ukraine?", "--at", "2022-03-03 12:00"]),
    ("bot.py status", [sys.executable, BOT, "status"]),
    ("bot.py feeds list", [sys.executable, BOT, "feeds", "list"]),
    ("bot.py feeds export", [sys.executable, BOT, "feeds", "export"]),
]


async def build_store(folder: Path) -> None:
    """The demo's samples, ingested and understood, in `folder`/newsdesk.db."""
    sys.path.insert(0, str(ROOT))
    import bot
    from digests.config import Config, StorageConfig
    from digests.samples import DEMO_NOW, sample_feeds

    config = Config(storage=StorageConfig(url=f"sqlite:///{folder / 'newsdesk.db'}"))
    async with bot.open_services(config) as services:
        for sample in sample_feeds():
            feed = await services.store.add_feed(sample.url, now=DEMO_NOW)
            await services.poller.ingest(feed, sample.body, {"content-type": sample.content_type},
                                         DEMO_NOW)
        await services.enricher.run(DEMO_NOW)


def timed(command: list[str], folder: Path) -> float:
    started = time.perf_counter()
    done = subprocess.run(command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          check=False, env={**os.environ, "PYTHONPATH": str(ROOT)})
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newsdesk-startup-") as name:
        folder = Path(name)
        asyncio.run(build_store(folder))
        times: dict[str, list[float]] = {label: [] for label, _ in COMMANDS}
        for _label, command in COMMANDS:  # one warm-up each: the file cache, .pyc files
            timed(command, folder)
        for _ in range(args.runs):
            for label, command in COMMANDS:
                times[label].append(timed(command, folder))
    base = statistics.median(times["python -c pass"])
    width = max(len(label) for label in times)
    print(f"{'command':<{width}}  median s  fastest s  median - python s")
    for label, values in times.items():
        median = statistics.median(values)
        print(f"{label:<{width}}  {median:8.3f}  {min(values):9.3f}  {median - base:17.3f}")
    ask = statistics.median(times['bot.py ask "How many people have fled Ukraine?"'])
    verdict = "met" if ask < TARGET_ASK else "NOT met"
    print(f"\nask median {ask:.3f} s: target {TARGET_ASK} s {verdict} ({args.runs} runs each)")


if __name__ == "__main__":
    main()
