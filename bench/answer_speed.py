"""Answer latency inside the engine at 100,000 stored items, against a baseline in the same run.

    python bench/answer_speed.py [--entries 100000] [--rounds 3]

The store is `engine_speed`'s synthetic one: the news-2022 items copied with distinct links and
earlier dates until there are `--entries` of them, enriched by the real `Enricher`, built once and
cached in `tempfile.gettempdir()/newsdesk-bench/engine-<entries>.db`. This script answers from a
copy of that file, so the cache is never written to.

Every question of `bench/questions_dev.jsonl` (the development set: how many, who is, where,
when, what, answerable or not) is answered `--rounds` times by
`digests.news.answers.answer_question`, one after another on one event loop, as `/ask` does.
The baseline, timed in the same run on the same store, is the one full-text search an answer
from the sentences makes (`Store.search_sentences` of the question's words and their families,
60 hits): the least such an answer pays. Printed: p50, p99 and max in milliseconds, over all
answers and per kind, and the ratio of the answers' p99 to the baseline's. The target is an
answer p99 under 100 ms. `--scoped` answers through a server's view of the store (every feed
followed), as `/ask` does in Discord: each search is then limited to the server's feeds.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from engine_speed import cached_store, percentile  # noqa: E402

from digests.news.answers import answer_question, search_terms, warm  # noqa: E402
from digests.news.question import Unreadable, read_question  # noqa: E402
from digests.servers.scope import ScopedStore  # noqa: E402
from digests.store.core import Store  # noqa: E402

QUESTIONS = Path(__file__).resolve().parent / "questions_dev.jsonl"
NOW = datetime(2022, 3, 31, 23, 59, tzinfo=UTC)
TARGET_MS = 100.0


async def timed(call: Callable[[], Awaitable[object]]) -> float:
    started = time.perf_counter()
    await call()
    return (time.perf_counter() - started) * 1000


def row(label: str, times: Sequence[float]) -> str:
    return (f"{label:<24}{len(times):>6}{percentile(list(times), 0.5):>10.1f}"
            f"{percentile(list(times), 0.99):>10.1f}{max(times):>10.1f}")


async def measure(path: Path, rounds: int, scoped: bool = False) -> None:
    rows = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    opened = await Store.open(f"sqlite:///{path}")
    store: Store | ScopedStore = opened
    if scoped:  # as `/ask` in a server: its search limited to the feeds the server follows
        store = ScopedStore(opened, frozenset(f.id for f in await opened.all_feeds()))
    try:
        warm()  # as the bot does at its start: the patterns answers read with, compiled
        await answer_question(store, "How many people have fled Ukraine?", NOW)  # warm caches
        answers: dict[str, list[float]] = {}
        baseline: list[float] = []
        for _ in range(rounds):
            for question in rows:
                text = str(question["question"])
                answers.setdefault(str(question["kind"]), []).append(
                    await timed(partial(answer_question, store, text, NOW)))
                try:
                    terms = search_terms(read_question(text, NOW.date()))
                except Unreadable:
                    continue
                baseline.append(await timed(partial(store.search_sentences, terms, 60)))
    finally:
        await opened.close()
    every = [t for times in answers.values() for t in times]
    print(f"{'':<24}{'n':>6}{'p50 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    print(row("answers, all", every))
    for kind, times in sorted(answers.items()):
        print(row(f"  {kind}", times))
    print(row("baseline: one FTS search", baseline))
    ratio = percentile(every, 0.99) / percentile(baseline, 0.99)
    verdict = "met" if percentile(every, 0.99) < TARGET_MS else "NOT met"
    print(f"\nanswer p99 / baseline p99: {ratio:.1f}x; target p99 < {TARGET_MS:.0f} ms: {verdict}")


async def main_async(args: argparse.Namespace) -> None:
    cached = await cached_store(args.entries)
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "answers.db"
        shutil.copyfile(cached, copy)
        print(f"store: {args.entries:,} entries (a copy of {cached}), {args.rounds} rounds of "
              f"{QUESTIONS.name}{', searches limited to every feed (as a server)' if args.scoped else ''}\n")
        await measure(copy, args.rounds, args.scoped)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--scoped", action="store_true",
                        help="answer through a server's view of the store (every feed), as /ask does")
    asyncio.run(main_async(parser.parse_args(argv)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
