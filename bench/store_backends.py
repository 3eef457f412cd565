"""The store on SQLite and on PostgreSQL side by side, on the same news: ingest, enrichment,
and the latency (p50/p99) of full-text search, word rarity and whole answers.

    python bench/store_backends.py [--copies N] [--postgres-url URL] [--questions N]

The corpus is shared/corpora/news-2022/items.jsonl (4,510 items), stored `--copies` times under
distinct feeds (4,510 x N items). PostgreSQL: a database made for the run on the server at
`--postgres-url` (a user that may create databases), or on a throw-away cluster started with
tests/pg.py (PostgreSQL must be installed). Single process, 2 worker processes for reading.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench"), str(ROOT / "tests")]

from eval_answers import (  # noqa: E402
    BENCH,
    CORPORA,
    NOW,
    WARM_MODULES,
    WORKERS,
    enrich,
    load_questions,
    read_jsonl,
    store_items,
)

from digests.news.answers import answer_question  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store.core import Store  # noqa: E402

import pg  # noqa: E402


def copies_of(rows: list[dict[str, Any]], copies: int) -> list[dict[str, Any]]:
    """The rows `copies` times, each copy under feeds of its own (a source suffix)."""
    return [{**row, "source": f"{row['source']}#copy{n}", "link": f"{row['link']}#copy{n}"}
            if n else row for n in range(copies) for row in rows]


async def timed(calls: Sequence[Callable[[], Awaitable[Any]]]) -> tuple[float, float]:
    """p50 and p99 of the calls' wall times, in milliseconds."""
    seconds = []
    for call in calls:
        start = time.perf_counter()
        await call()
        seconds.append(time.perf_counter() - start)
    ordered = sorted(seconds)
    return (1000 * statistics.median(ordered),
            1000 * ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))])


async def measure(url: str, rows: list[dict[str, Any]], questions: list[str]) -> dict[str, str]:
    store = await Store.open(url)
    workers = WorkerPool(WORKERS, warm=WARM_MODULES)
    try:
        start = time.perf_counter()
        items = await store_items(store, rows)
        ingest = time.perf_counter() - start
        enrichment = await enrich(store, workers)
        words = [[w for w in q.lower().split() if len(w) > 3][:6] for q in questions]
        search = await timed([lambda w=w: store.search_sentences(w, limit=50) for w in words])
        rarity = await timed([lambda w=w: store.word_rarity(w) for w in words])
        answers = await timed([lambda q=q: answer_question(store, q, NOW) for q in questions])
    finally:
        workers.close()
        await store.close()
    return {
        "items": f"{items}",
        "ingest": f"{ingest:.1f} s ({items / ingest:.0f} items/s)",
        "enrichment": f"{enrichment:.1f} s ({items / enrichment:.0f} items/s)",
        "search p50/p99": f"{search[0]:.1f} / {search[1]:.1f} ms",
        "word rarity p50/p99": f"{rarity[0]:.1f} / {rarity[1]:.1f} ms",
        "answer p50/p99": f"{answers[0]:.1f} / {answers[1]:.1f} ms",
    }


async def on_postgresql(server: str | None, rows: list[dict[str, Any]],
                        questions: list[str]) -> dict[str, str]:
    import asyncpg

    cluster = None
    if server is None:
        cluster = await asyncio.to_thread(pg.Cluster.start)
        server = cluster.url
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(server)
    try:
        await admin.execute(f"CREATE DATABASE {name}")
        return await measure(server.rsplit("/", 1)[0] + "/" + name, rows, questions)
    finally:
        await admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        await admin.close()
        if cluster is not None:
            await asyncio.to_thread(cluster.stop)


async def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--copies", type=int, default=1, help="times the corpus is stored")
    parser.add_argument("--questions", type=int, default=100, help="dev questions timed")
    parser.add_argument("--postgres-url", default=None,
                        help="a PostgreSQL server to make the run's database on")
    arguments = parser.parse_args(argv)
    corpus = CORPORA / "items.jsonl"
    if not corpus.exists():
        print(f"corpus not found: {corpus}")
        return 0
    rows = copies_of(read_jsonl(corpus), arguments.copies)
    questions = [q.question for q in load_questions(BENCH / "questions_dev.jsonl")][:arguments.questions]
    with tempfile.TemporaryDirectory() as folder:
        sqlite = await measure(f"sqlite:///{Path(folder) / 'bench.db'}", rows, questions)
    postgresql = await on_postgresql(arguments.postgres_url, rows, questions)
    print(f"{len(rows)} items ({arguments.copies} x the corpus), {len(questions)} questions, "
          f"{WORKERS} reading workers\n")
    print(f"{'':22}{'SQLite':>30}{'PostgreSQL':>30}")
    for key in sqlite:
        print(f"{key:22}{sqlite[key]:>30}{postgresql[key]:>30}")
    return 0


if __name__ == "__main__":
    sys.exit(asyncio.run(main()))
