"""Replays the 2022 news corpus into a temporary store, hour by hour, with the project's own code.

Shared by `eval_digest.py` and the story-pairs part of `eval_stories.py`. Not a benchmark itself.

The items of `../shared/corpora/news-2022/items.jsonl` are stored as the bot stores polled
entries: one feed per distinct `source` (named as in `eval_answers.py`: BBC, CNN, Guardian...),
`Store.save_entries` at every whole hour for the items published during that hour, then
`Enricher.run` (analysis in a pool of two worker processes, stories assigned by
`digests.news.stories.StoryIndex`). An hour's items fit in one enrichment batch, so stories
are assigned in publication order, exactly. Items are sorted by (published, source, link) first,
so the replay, its item ids and its story ids are the same at every run.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from types import TracebackType

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from eval_answers import WARM_MODULES, feed_name, to_entry  # noqa: E402

from digests.models import Entry, Item  # noqa: E402
from digests.news.enrichment import Enricher  # noqa: E402
from digests.news.text import terms  # noqa: E402
from digests.runtime.workers import WorkerPool  # noqa: E402
from digests.store.core import Store  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "news-2022" / "items.jsonl"
WORKERS = 2
TICK = timedelta(hours=1)


def read_items(path: Path = CORPUS) -> list[dict[str, object]]:
    """The corpus rows in replay order: (published, source, link)."""
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return sorted(rows, key=lambda r: (datetime.fromisoformat(str(r["published"])),
                                       str(r["source"]), str(r["link"])))


def item_text(item: Item) -> str:
    """What the reference patterns are searched in: title, a line break, the stored text."""
    return f"{item.title}\n{item.text}"


@dataclass
class Replay:
    """A temporary store fed with the corpus up to a moment; `advance` moves the moment on."""

    rows: Sequence[dict[str, object]]
    store: Store = field(init=False)
    _workers: WorkerPool = field(init=False)
    _enricher: Enricher = field(init=False)
    _folder: tempfile.TemporaryDirectory[str] = field(init=False)
    _feeds: dict[str, int] = field(init=False, default_factory=dict)
    _entries: list[tuple[datetime, str, Entry]] = field(init=False, default_factory=list)
    _next: int = field(init=False, default=0)
    clock: datetime = field(init=False)

    async def __aenter__(self) -> Replay:
        self._folder = tempfile.TemporaryDirectory(prefix="newsdesk-replay-")
        self.store = await Store.open(f"sqlite:///{Path(self._folder.name) / 'replay.db'}")
        self._workers = WorkerPool(WORKERS, warm=WARM_MODULES)
        self._enricher = Enricher(self.store, self._workers)
        self._entries = [(datetime.fromisoformat(str(r["published"])), str(r["source"]), to_entry(r))
                         for r in self.rows]
        first = self._entries[0][0].replace(minute=0, second=0, microsecond=0)
        self.clock = first
        for _, source, _ in self._entries:
            if source not in self._feeds:
                feed = await self.store.add_feed(source, now=first, name=feed_name(source))
                self._feeds[source] = feed.id
        return self

    async def __aexit__(self, kind: type[BaseException] | None, error: BaseException | None,
                        trace: TracebackType | None) -> None:
        self._workers.close()
        await self.store.close()
        self._folder.cleanup()

    async def advance(self, until: datetime) -> None:
        """Store and enrich every item published up to `until`, one whole hour at a time (the
        last step ends at `until`)."""
        while self.clock < until:
            step = min(self.clock.replace(minute=0, second=0, microsecond=0) + TICK, until)
            await self._tick(step)
            self.clock = step

    async def _tick(self, now: datetime) -> None:
        batch: dict[str, list[Entry]] = {}
        while self._next < len(self._entries) and self._entries[self._next][0] <= now:
            _, source, entry = self._entries[self._next]
            batch.setdefault(source, []).append(entry)
            self._next += 1
        if not batch:
            return
        for source, entries in batch.items():
            await self.store.save_entries(self._feeds[source], entries, now=now, first_poll=False)
        await self._enricher.run(now)

    async def story_of_link(self) -> dict[str, int]:
        """The story each stored item ended in, by the item's link."""
        pairs = await self.store.story_assignments_since(datetime.fromisoformat("2000-01-01T00:00:00+00:00"))
        return {item.url: story for item, story in pairs if item.url}


# The title-word baseline, shared by both evaluations ---------------------------------------

def title_words(title: str) -> frozenset[str]:
    """A title's content words: the project's own `terms` (stop words dropped, plurals folded)."""
    return frozenset(terms(title))


def titles_match(a: frozenset[str], b: frozenset[str]) -> bool:
    """Baseline rule: two titles tell the same story when they share at least half of the content
    words of each (so at least half of the longer one's)."""
    shared = len(a & b)
    return shared > 0 and 2 * shared >= max(len(a), len(b))


def group_by_titles(items: Iterable[Item]) -> list[list[Item]]:
    """Greedy single pass in publication order: an item joins the earliest group holding a title
    that matches its own (`titles_match`), or starts a group."""
    groups: list[tuple[list[frozenset[str]], list[Item]]] = []
    for item in sorted(items, key=lambda i: (i.published_at, i.id)):
        words = title_words(item.title)
        for members_words, members in groups:
            if any(titles_match(words, other) for other in members_words):
                members_words.append(words)
                members.append(item)
                break
        else:
            groups.append(([words], [item]))
    return [members for _, members in groups]


_SPACE = re.compile(r"\s+")


def one_line(text: str, width: int = 96) -> str:
    """A title on one line, cut to `width` characters (for printing, never for storing)."""
    text = _SPACE.sub(" ", text).strip()
    return text if len(text) <= width else text[: width - 1] + "…"
