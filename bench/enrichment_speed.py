"""Speed of the understanding engine on real items, and of building a digest.

    python bench/enrichment_speed.py

1. Stores the 4,510 items of shared/corpora/news-2022/items.jsonl in a new SQLite store and
   times the whole enrichment (sentences, figures, people, stories, FTS index) with two
   worker processes: items per second. The baseline in the same run is the pure analysis
   alone in one process (no storage, no stories), to show what the pipeline adds.
2. Times `digest_of_last(store, 24, now)` (24-hour digest: stories, summaries, figures)
   from a store of 5,000 enriched entries: once with the corpus's real spread over two months
   (now = the last item), and once with all 5,000 re-dated into the same 24 hours (worst case).
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from eval_answers import read_jsonl, store_items  # noqa: E402
from ingest_real_feeds import LagMonitor  # noqa: E402

from digests.feeds.htmltext import html_to_text  # noqa: E402
from digests.feeds.reading import WORKER_MODULES as READING_MODULES  # noqa: E402
from digests.news.analysis import analyse_items  # noqa: E402
from digests.news.enrichment import WORKER_MODULES as ANALYSIS_MODULES  # noqa: E402
from digests.news.enrichment import Enricher  # noqa: E402
from digests.newsroom import digest_of_last  # noqa: E402
from digests.readings import ItemText  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store.core import Store  # noqa: E402

WARM_MODULES = (*READING_MODULES, *ANALYSIS_MODULES)

CORPUS = ROOT.parent / "shared" / "corpora" / "news-2022" / "items.jsonl"
DIGEST_ENTRIES = 5000


def redated(rows: list[dict[str, object]], count: int, end: datetime) -> list[dict[str, object]]:
    """`count` rows (cycling, with distinct links) spread evenly over the 24 hours before `end`."""
    out = []
    for n in range(count):
        row = dict(rows[n % len(rows)])
        row["link"] = f"{row['link']}#copy{n // len(rows)}"
        row["published"] = (end - timedelta(seconds=86400 * (n + 1) / (count + 1))).isoformat()
        out.append(row)
    return out


async def enrich_all(rows: list[dict[str, object]], folder: Path, name: str,
                     workers: WorkerPool) -> tuple[Store, int, float]:
    store = await Store.open(f"sqlite:///{folder / name}")
    await store_items(store, rows)
    with LagMonitor() as lag:
        started = time.perf_counter()
        count = await Enricher(store, workers).run(datetime.now(UTC))
        elapsed = time.perf_counter() - started
    print(f"{'event-loop lag during enrichment, max (ms) ' + name:<52}{lag.max_lag * 1000:>10.0f}")
    return store, count, elapsed


async def time_digest(store: Store, now: datetime) -> tuple[float, int]:
    best = float("inf")
    stories = 0
    for _ in range(3):
        started = time.perf_counter()
        digest = await digest_of_last(store, 24, now)
        best = min(best, time.perf_counter() - started)
        stories = digest.story_total
    return best, stories


def plain_analysis(rows: list[dict[str, object]]) -> float:
    texts = [ItemText(n, str(r["title"]), html_to_text(str(r["description"] or "")),
                      datetime.fromisoformat(str(r["published"]))) for n, r in enumerate(rows)]
    started = time.perf_counter()
    analyse_items(texts)
    return time.perf_counter() - started


async def main_async(rows: list[dict[str, object]]) -> None:
    workers = WorkerPool(2, warm=WARM_MODULES)
    await workers.run(len, "warm")
    with tempfile.TemporaryDirectory() as folder:
        store, count, seconds = await enrich_all(rows, Path(folder), "all.db", workers)
        last = max(datetime.fromisoformat(str(r["published"])) for r in rows)
        spread_time, spread_stories = await time_digest(store, last)
        await store.close()
        worst_rows = redated(rows, DIGEST_ENTRIES, last)
        worst, _, _ = await enrich_all(worst_rows, Path(folder), "worst.db", workers)
        worst_time, worst_stories = await time_digest(worst, last)
        await worst.close()
    workers.close()
    baseline = plain_analysis(rows)
    print(f"{'items enriched':<52}{count:>10}")
    print(f"{'whole enrichment, 2 workers (items/s)':<52}{count / seconds:>10.0f}")
    print(f"{'analysis alone, 1 process, no storage (items/s)':<52}{len(rows) / baseline:>10.0f}")
    print(f"{'24-hour digest, real spread (ms, stories)':<52}{spread_time * 1000:>10.0f}"
          f"  {spread_stories} stories")
    print(f"{'24-hour digest, 5,000 entries in the window (ms)':<52}{worst_time * 1000:>10.0f}"
          f"  {worst_stories} stories")


def main() -> int:
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS}")
        return 0
    asyncio.run(main_async(read_jsonl(CORPUS)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
