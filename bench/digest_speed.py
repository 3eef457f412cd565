"""How fast a digest is built from a large store: 100,000 items in SQLite.

    python bench/digest_speed.py [--entries 100000] [--days 30] [--runs 5] [--hours 24 168] [--rebuild]

The store: the 4,510 items of `../shared/corpora/news-2022/items.jsonl` copied (distinct links)
until there are `--entries`, spread evenly over the `--days` days before the corpus's last
moment (100,000 over 30 days: about 3,300 items in a 24-hour window), stored through the real
`Store` and enriched by the real `Enricher` (sentences, figures, people, stories), two worker
processes. Each copy after the first has its words marked as that copy's ("Kyiv" becomes
"Kyivqb"): plain copies of one text, a day and a half apart, would all join one story that runs
for the whole month, which no real feed makes. Built once and cached in
`tempfile.gettempdir()/newsdesk-bench/`; `--rebuild` makes it again.

Timed, best and median of `--runs` (after one warm-up call each), in one run:
- baseline: the plain query of the window's items (`Store.items_published_between`), what
  any digest has to read at least;
- the digest: `digest_of_last(store, hours, end)`, as `/digest now` and the command line call
  it (stories of the window, their figures and mentions, the previous window for what is new,
  ranking, summaries, cards);
- its two halves: the store reads alone, and the ranking and cards alone (`build_digest` on
  what was read).
For a 24-hour window (the daily digest; `--hours` adds others, such as 168 for a week).
Target: the daily digest under 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from eval_answers import WARM_MODULES, read_jsonl, store_items  # noqa: E402
from eval_digest import inputs_of  # noqa: E402

from digests.news.digest import STORY_LIMIT, build_digest  # noqa: E402
from digests.news.enrichment import Enricher  # noqa: E402
from digests.newsroom import digest_of_last  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store.core import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "news-2022" / "items.jsonl"
CACHE = Path(tempfile.gettempdir()) / "newsdesk-bench"


_TAG = re.compile(r"(<[^>]*>)")
_WORD = re.compile(r"\b([A-Za-z]{4,})\b")


def variant(text: str, copy: int) -> str:
    """The text with its words (of four letters or more, outside HTML tags) marked as the
    copy's own: copy 0 is the text itself, copy 1 appends "qb", copy 27 "qch" (a letter a digit)."""
    if copy == 0:
        return text
    mark = "q" + "".join(chr(ord("a") + int(d)) for d in str(copy))
    parts = _TAG.split(text)
    return "".join(part if part.startswith("<") else _WORD.sub(lambda m: m.group(1) + mark, part)
                   for part in parts)


def spread(rows: list[dict[str, object]], count: int, end: datetime, days: float) -> list[dict[str, object]]:
    """`count` rows (the corpus cycled, links and words made distinct per copy) spread evenly
    over `days` before `end`."""
    out = []
    span = days * 86400
    for n in range(count):
        row = dict(rows[n % len(rows)])
        copy = n // len(rows)
        row["link"] = f"{row['link']}#copy{copy}"
        row["title"] = variant(str(row["title"]), copy)
        row["description"] = variant(str(row["description"] or ""), copy)
        row["published"] = (end - timedelta(seconds=span * (count - n) / (count + 1))).isoformat()
        out.append(row)
    return out


async def built_store(rows: list[dict[str, object]], entries: int, days: float,
                      rebuild: bool) -> tuple[Store, datetime]:
    """The cached store (and its last moment), made first when absent or asked to."""
    CACHE.mkdir(parents=True, exist_ok=True)
    name = f"digest-{entries}-{days:g}d-v2"  # v2: words marked per copy
    path, meta = CACHE / f"{name}.db", CACHE / f"{name}.json"
    end = max(datetime.fromisoformat(str(r["published"])) for r in rows)
    if rebuild or not (path.exists() and meta.exists()):
        path.unlink(missing_ok=True)
        store = await Store.open(f"sqlite:///{path}")
        began = time.perf_counter()
        await store_items(store, spread(rows, entries, end, days))
        workers = WorkerPool(2, warm=WARM_MODULES)
        try:
            await Enricher(store, workers).run(datetime.now(UTC))
        finally:
            workers.close()
        meta.write_text(json.dumps({"end": end.isoformat(), "seconds": time.perf_counter() - began}))
        print(f"built {path} in {time.perf_counter() - began:.0f} s")
        await store.close()
    return await Store.open(f"sqlite:///{path}"), datetime.fromisoformat(json.loads(meta.read_text())["end"])


async def timed(call: Callable[[], Awaitable[object]], runs: int) -> tuple[float, float]:
    """Best and median seconds of `runs` calls, after one warm-up call."""
    await call()
    seconds = []
    for _ in range(runs):
        began = time.perf_counter()
        await call()
        seconds.append(time.perf_counter() - began)
    return min(seconds), statistics.median(seconds)


Row = tuple[str, float, float, str]


async def measure(store: Store, end: datetime, hours: float, runs: int) -> list[Row]:
    start = end - timedelta(hours=hours)
    items = await store.items_published_between(start, end)
    inputs = await inputs_of(store, end, hours)
    digest = await digest_of_last(store, hours, end)
    scale = f"{len(items):,} items, {digest.story_total:,} stories"
    rows = []
    for label, call in (
            ("baseline: the window's items, plain query", lambda: store.items_published_between(start, end)),
            ("digest_of_last (what /digest now runs)", lambda: digest_of_last(store, hours, end)),
            ("  its store reads alone", lambda: inputs_of(store, end, hours)),
            ("  its ranking and cards alone", lambda: asyncio.to_thread(
                build_digest, inputs.stories, inputs.figures, start, end, STORY_LIMIT,
                inputs.mentions, inputs.before))):
        best, median = await timed(call, runs)
        rows.append((label, best, median, scale))
    return rows


async def main_async(options: argparse.Namespace) -> None:
    rows = read_jsonl(CORPUS)
    store, end = await built_store(rows, options.entries, options.days, options.rebuild)
    try:
        print(f"store: {options.entries:,} items over {options.days:g} days, "
              f"windows ending {end:%Y-%m-%d %H:%M}\n")
        print("| window | what | best (ms) | median (ms) | in the window |")
        print("|---|---|---:|---:|---|")
        for hours in options.hours:
            for label, best, median, scale in await measure(store, end, hours, options.runs):
                print(f"| {hours:g} h | {label} | {best * 1000:,.0f} | {median * 1000:,.0f} | {scale} |")
    finally:
        await store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--days", type=float, default=30.0)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--hours", type=float, nargs="+", default=[24.0])
    parser.add_argument("--rebuild", action="store_true")
    options = parser.parse_args()
    if not CORPUS.exists():
        print(f"corpus not found: {CORPUS} (nothing to measure)")
        return 0
    asyncio.run(main_async(options))
    return 0


if __name__ == "__main__":
    sys.exit(main())
