"""How long the story index takes to file a long history read newest first, as a cold start
on many feeds reads it (the bottleneck py-spy found in bench/newsroom_day.py).

    python bench/story_index_speed.py [--copies 6] [--spacing-hours 744] [--days D] [--rename]
                                      [--arrivals 2000] [--save assignments.json]

The news-2022 items are copied `--copies` times, each copy `--spacing-hours` earlier than the
one before (a month by default), and added newest first to one `StoryIndex`.
`--days 3 --spacing-hours 1 --rename` gives a dense history instead: many feeds on one news
cycle, as in bench/newsroom_day.py at 10,000 feeds. Then `--arrivals` more items (the newest
copy again, an hour later, oldest first) arrive one at a time, each followed by the
`forget_before` the enricher calls after every batch: the steady state's cost per item.
Prints the times per 1,000 items and a fingerprint of the assignments; `--save` writes them,
so two versions of the index can be shown to file every item alike (`cmp` the two files).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from string import ascii_lowercase

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.news.stories import StoryDoc, StoryIndex

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "news-2022" / "items.jsonl"


def docs(copies: int, spacing: timedelta, rename: bool = False,
         days: float | None = None) -> list[StoryDoc]:
    rows = [json.loads(line) for line in CORPUS.open(encoding="utf-8")]
    made: list[StoryDoc] = []
    span = _span(rows)
    for copy in range(copies):
        for row in rows:
            published = _published(row)
            if published is None:
                continue
            if days is not None and span is not None:  # the corpus's weeks squeezed into `days`
                published = span[1] - (span[1] - published) * (days * 86400 / max(1.0, span[2]))
            text = re.sub(r"<[^>]+>", " ", html.unescape(row.get("description") or ""))
            title = row.get("title") or ""
            if rename and copy:  # other names, the same words: other events of the same kind
                text, title = (_renamed(t, copy) for t in (text, title))
            made.append(StoryDoc(len(made) + 1, title, text, row.get("source") or "",
                                 published - spacing * copy))
    return sorted(made, key=lambda d: (d.published, d.id), reverse=True)


def _span(rows: list[dict[str, object]]) -> tuple[datetime, datetime, float] | None:
    """The corpus's first and last publication times, and the seconds between them."""
    times = [moment for row in rows if (moment := _published(row)) is not None]
    if not times:
        return None
    return min(times), max(times), (max(times) - min(times)).total_seconds()


def _published(row: dict[str, object]) -> datetime | None:
    """A corpus row's publication time (UTC when it gives no zone); None when unreadable."""
    try:
        moment = datetime.fromisoformat(str(row.get("published")).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _renamed(text: str, copy: int) -> str:
    """Every capitalised word with a two-letter suffix of its own per copy."""
    suffix = ascii_lowercase[copy % 26] + ascii_lowercase[copy // 26 % 26]
    return re.sub(r"\b([A-Z][a-z]+)", lambda m: m.group(1) + suffix, text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=6)
    parser.add_argument("--spacing-hours", type=float, default=31 * 24)
    parser.add_argument("--arrivals", type=int, default=2000)
    parser.add_argument("--days", type=float,
                        help="squeeze the corpus's weeks into this many days (a denser news cycle)")
    parser.add_argument("--rename", action="store_true",
                        help="copies get other proper nouns (distinct events sharing words)")
    parser.add_argument("--save", type=Path)
    options = parser.parse_args()
    if not CORPUS.exists():
        raise SystemExit(f"{CORPUS} is not here: this benchmark needs ../shared")
    history = docs(options.copies, timedelta(hours=options.spacing_hours), options.rename, options.days)
    index = StoryIndex()
    began = time.perf_counter()
    filed = [index.add(doc) for doc in history]
    seconds = time.perf_counter() - began
    fingerprint = hashlib.sha256(json.dumps(filed).encode()).hexdigest()[:16]
    print(f"{len(history):,} items newest first into {len(set(filed)):,} stories: {seconds:.1f} s, "
          f"{1000 * seconds / len(history):.2f} s per 1,000 items; assignments {fingerprint}")
    arrivals = arriving(history, options.arrivals)
    began = time.perf_counter()
    for doc in arrivals:
        filed.append(index.add(doc))
        index.forget_before(doc.published - 2 * index.window)
    seconds = time.perf_counter() - began
    fingerprint = hashlib.sha256(json.dumps(filed).encode()).hexdigest()[:16]
    print(f"then {len(arrivals):,} arrivals one at a time, each with forget_before: {seconds:.2f} s, "
          f"{1000 * seconds / max(1, len(arrivals)):.2f} s per 1,000 items; all assignments "
          f"{fingerprint}")
    if options.save:
        options.save.write_text(json.dumps(filed))


def arriving(history: list[StoryDoc], count: int) -> list[StoryDoc]:
    """The newest `count` docs again, as new ids an hour later, oldest first."""
    newest = sorted(history[:count], key=lambda d: (d.published, d.id))
    first_id = max((d.id for d in history), default=0) + 1
    return [StoryDoc(first_id + n, d.title, d.text, d.source, d.published + timedelta(hours=1))
            for n, d in enumerate(newest)]


if __name__ == "__main__":
    main()
