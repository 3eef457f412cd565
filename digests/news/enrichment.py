"""Enrichment: reading new items (sentences, figures, people) and grouping them into stories.

Analysis runs in the worker pool; story assignment, which needs the index of recent stories,
runs in a thread. Items are marked enriched in the same transaction that stores what was read,
so a crash midway leaves them pending and the next run picks them up again. An item that fails
(its analysis, or storing it: a full disk, say) stays pending and is tried again later, at
growing intervals (`RETRY_DELAYS`); after the last it is given up, with its reason kept; it is
shown meanwhile in a story of its own.

Enrichment follows arrival: whatever stores new items calls `wake`, and the enricher started
with `start` reads them at once (a scheduler tick only catches what a crash left behind). When
more waits than it can take, the newest items go first: those are what members ask about.

On a database several processes share (PostgreSQL), each batch is claimed before it is read
and released once stored, so an item is read by one process; new stories take their ids from
the database (`reserve_story_ids`), so two processes never give one id to unrelated items.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from contextlib import AbstractAsyncContextManager
from datetime import datetime, timedelta
from functools import partial
from typing import TYPE_CHECKING, Protocol

from digests.models import Item
from digests.news.stories import StoryDoc, StoryIndex, restore
from digests.readings import ItemAnalysis, ItemText
from digests.runtime.workers import InWorker, WorkerPool

if TYPE_CHECKING:
    from digests.store.news import StoryTurn

log = logging.getLogger(__name__)

BATCH = 200
RETRY_DELAYS = tuple(timedelta(minutes=m) for m in (1, 5, 30, 120, 360, 720, 1440))
"""After the n-th failure to read an item it is tried again `RETRY_DELAYS[n - 1]` later; the
failure after the last delay (about two days in all) gives it up."""
WORKER_MODULES = ("digests.news.analysis",)
"""What a worker should import before its first analysis (syntok, text2num, the word tables)."""
_ANALYSE = InWorker("digests.news.analysis", "analyse_items")
"""Named, not imported: the analysis tables are the workers' alone."""
ITEM_LEASE = timedelta(minutes=3)
"""How long a process holds the items it claimed (shared database): a batch is claimed while
the one before it is stored and read in seconds, so this is a wide margin; the items of a
process that dies are read by another after it (a lease that runs out on a live process
costs a second reading, never a second copy: saving replaces what an item had)."""
SAFETY_NET_SECONDS = 30.0
"""`catch_up` wakes the enricher at most this often: arrivals wake it themselves, so the net is
only for what a crash or another process left unread."""
RECHECK_SECONDS = 1.0
"""Shared database: how often `read` looks whether another process has read its items."""


class EnrichmentStore(Protocol):
    """What enrichment needs from the store (the real `Store` provides it)."""

    async def pending_items(self, limit: int, *, before: Item | None = None,
                            now: datetime | None = None) -> list[Item]: ...
    async def save_enrichment(self, analyses: Sequence[ItemAnalysis], story_of: Mapping[int, int],
                              items_by_id: Mapping[int, Item]) -> None: ...
    async def record_enrichment_failure(self, item: Item, reason: str, *, story_id: int,
                                        retry_at: Callable[[int], datetime | None]) -> int: ...
    async def enrichment_backlog(self) -> tuple[int, datetime | None]: ...
    async def pending_items_among(self, item_ids: Collection[int]) -> list[Item]: ...
    async def highest_story_id(self) -> int: ...
    async def story_assignments_since(self, moment: datetime) -> list[tuple[Item, int]]: ...

    @property
    def several_processes(self) -> bool: ...
    async def claim_pending_items(self, limit: int, *, owner: str, now: datetime,
                                  lease: timedelta) -> list[Item]: ...
    async def claim_items_among(self, item_ids: Collection[int], *, owner: str, now: datetime,
                                lease: timedelta) -> list[Item]: ...
    async def release_items(self, item_ids: Collection[int], owner: str) -> None: ...
    async def reserve_story_ids(self, count: int) -> range: ...
    def story_turn(self, after: int) -> AbstractAsyncContextManager[StoryTurn]: ...
    async def latest_story_turn(self) -> int: ...


class Enricher:
    """Keeps the stored understanding up to date with the stored items; one run at a time."""

    def __init__(self, store: EnrichmentStore, workers: WorkerPool, stories: StoryIndex | None = None,
                 *, batch: int = BATCH, on_read: Callable[[int], None] | None = None) -> None:
        """`on_read` hears how many items each batch read (metrics, progress)."""
        self._store = store
        self._on_read = on_read
        self._workers = workers
        self._stories = stories if stories is not None else StoryIndex()
        self._batch = batch
        self._lock = asyncio.Lock()
        self._loaded = False
        self._arrived = asyncio.Event()
        self._saved = asyncio.Condition()
        self._follower: asyncio.Task[None] | None = None
        self._urgent: dict[int, None] = {}  # ids to read before anything else, in order
        self._in_flight: set[int] = set()  # ids of batches taken but not stored yet
        self._shared = store.several_processes
        self._owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._started = time.monotonic()  # of the current run: leases count from the clock
        self._turn_seen = 0  # shared database: the last turn of story placing this index knows
        self._last_net: float | None = None  # monotonic time of the last `catch_up` wake

    def wake(self, item_ids: Iterable[int] = ()) -> None:
        """New items were stored: read them as soon as possible (calls are coalesced); the
        items named are read before whatever else waits."""
        self._urgent.update(dict.fromkeys(item_ids))
        self._arrived.set()

    def catch_up(self) -> None:
        """The scheduler's safety net, called at every tick: wake the enricher if it was not
        woken for that reason in the last `SAFETY_NET_SECONDS` (ticks can run every second)."""
        moment = time.monotonic()
        if self._last_net is None or moment - self._last_net >= SAFETY_NET_SECONDS:
            self._last_net = moment
            self.wake()

    async def read(self, item_ids: Collection[int], now: datetime) -> None:
        """Read these items before anything else (a feed just added), and return once they are
        read; the caller bounds the wait (`asyncio.timeout`): one that fails waits for a retry."""
        if not item_ids:
            return
        if self._follower is None:
            self.wake(item_ids)
            await self.run(now)
            return
        async with self._saved:
            self.wake(item_ids)
            while await self._store.pending_items_among(item_ids):
                await self._saved_here_or_elsewhere()

    async def _saved_here_or_elsewhere(self) -> None:
        """Until this enricher saves a batch or, on a shared database, another process may have
        (it tells nobody here), for a while."""
        if not self._shared:
            await self._saved.wait()
            return
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(RECHECK_SECONDS):
                await self._saved.wait()

    def start(self, clock: Callable[[], datetime]) -> None:
        """Follow arrivals in a task of the running loop until `stop`."""
        if self._follower is None:
            self._follower = asyncio.create_task(self._follow(clock), name="enrichment")

    async def stop(self) -> None:
        if self._follower is not None:
            self._follower.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._follower
            self._follower = None

    async def _follow(self, clock: Callable[[], datetime]) -> None:
        while True:
            await self._arrived.wait()
            self._arrived.clear()
            try:
                await self.run(clock())
            except Exception:
                log.exception("enrichment failed; the next arrival or tick tries again")

    async def load(self, now: datetime) -> None:
        """Rebuild the index of recent stories from the store (after a start or restart); the
        first run does it if nobody did, so that new stories never reuse stored ids."""
        self._loaded = True
        if self._shared:  # read first: what is placed meanwhile comes with the next turn
            self._turn_seen = await self._store.latest_story_turn()
        pairs = await self._store.story_assignments_since(now - self._stories.window)
        restore(self._stories, [(_story_doc(item), story_id) for item, story_id in pairs],
                highest_id=await self._store.highest_story_id())

    async def run(self, now: datetime, limit: int | None = None) -> int:
        """Enrich every pending item (the newest `limit` only, when given); returns how many
        were enriched. The workers analyse the next batch while this one is stored."""
        done = 0
        async with self._lock:
            self._started = time.monotonic()
            if not self._loaded:
                await self.load(now)
            try:
                done = await self._run_batches(now, limit)
            finally:
                await self._release_unsaved()
        if done:
            log.info("enriched items=%s", done)
        return done

    async def _run_batches(self, now: datetime, limit: int | None) -> int:
        done = 0
        batch, cursor = await self._next_batch(now, None, limit)
        if len(batch) == self._batch:
            await self._log_backlog()
        analysing = self._analyse(batch)
        while analysing is not None:
            analyses = await self._analysed(analysing, batch)
            left = None if limit is None else limit - done - len(batch)
            following, cursor = (await self._next_batch(now, cursor, left) if left != 0
                                 else ([], cursor))
            analysing = self._analyse(following)  # overlaps with saving this batch
            try:
                await self._save_or_isolate(batch, analyses, now)
            finally:
                self._in_flight.difference_update(i.id for i in batch)
                await self._release([i.id for i in batch])
            done += len(batch)
            if self._on_read is not None:
                self._on_read(len(batch))
            batch = following
            async with self._saved:
                self._saved.notify_all()
        return done

    async def _release(self, item_ids: list[int]) -> None:
        """Give up the claims on items stored (or tried) on a shared database; if that fails,
        their leases run out by themselves."""
        if not self._shared or not item_ids:
            return
        try:
            await self._store.release_items(item_ids, self._owner)
        except Exception as exc:
            log.warning("claims on %s items not released (%s)", len(item_ids), _reason(exc))

    async def _release_unsaved(self) -> None:
        """After a run that stopped early (an error, a cancel), on a shared database: the items
        it still holds go back to the others at once (a run only ends with its batches done)."""
        if self._shared and self._in_flight:
            held, self._in_flight = list(self._in_flight), set()
            await self._release(held)

    async def _next_batch(self, now: datetime, cursor: Item | None,
                          left: int | None) -> tuple[list[Item], Item | None]:
        """The next items to read: those named urgent first, then the newest waiting, after
        `cursor` in that order (never one already taken); and the cursor after them."""
        size = self._batch if left is None else min(self._batch, left)
        if self._shared:
            return await self._claimed_batch(now, size), cursor
        while self._urgent:
            ids = [self._urgent.popitem()[0] for _ in range(min(size, len(self._urgent)))]
            urgent = [i for i in await self._store.pending_items_among(ids) if i.id not in self._in_flight]
            if urgent:
                self._in_flight.update(i.id for i in urgent)
                return urgent, cursor
        while True:
            batch = await self._store.pending_items(size, before=cursor, now=now)
            fresh = [i for i in batch if i.id not in self._in_flight]
            cursor = batch[-1] if batch else cursor
            if fresh or len(batch) < size:
                self._in_flight.update(i.id for i in fresh)
                return fresh, cursor

    async def _claimed_batch(self, now: datetime, size: int) -> list[Item]:
        """The next items to read on a shared database, claimed so that no other process
        reads them: those named urgent first, then the newest waiting."""
        moment = now + timedelta(seconds=time.monotonic() - self._started)
        claimed: list[Item] = []
        while self._urgent and not claimed:
            ids = [self._urgent.popitem()[0] for _ in range(min(size, len(self._urgent)))]
            claimed = await self._store.claim_items_among(ids, owner=self._owner, now=moment,
                                                          lease=ITEM_LEASE)
        if not claimed:
            claimed = await self._store.claim_pending_items(size, owner=self._owner, now=moment,
                                                            lease=ITEM_LEASE)
        self._in_flight.update(i.id for i in claimed)
        return claimed

    async def _story_ids_for(self, docs: int) -> None:
        """On a shared database, enough ids from it in the index's hands for `docs` new
        stories (a batch's worth at least, so most batches need no round trip)."""
        missing = docs - self._stories.ids_in_hand()
        if self._shared and missing > 0:
            self._stories.supply_ids(await self._store.reserve_story_ids(max(missing, self._batch)))

    async def _log_backlog(self) -> None:
        waiting, oldest = await self._store.enrichment_backlog()
        log.info("enrichment backlog items=%s oldest_arrival=%s", waiting,
                 oldest.isoformat(timespec="seconds") if oldest else "-")

    async def _analysed(self, analysing: asyncio.Future[list[ItemAnalysis]],
                        batch: list[Item]) -> list[ItemAnalysis | str]:
        """The batch's analyses; if the batch fails, each item alone (for one that fails, the
        reason)."""
        try:
            return list(await analysing)
        except Exception:
            log.exception("analysing a batch failed; analysing its items one by one")
        results: list[ItemAnalysis | str] = []
        for item in batch:
            single = self._analyse([item])
            try:
                results.append((await single)[0] if single else "nothing to analyse")
            except Exception as exc:
                log.exception("item %s cannot be analysed", item.id)
                results.append(f"its analysis failed ({_reason(exc)})")
        return results

    async def _save_or_isolate(self, batch: list[Item], analyses: list[ItemAnalysis | str],
                               now: datetime) -> None:
        """Save the batch; if that fails, item by item, so one bad item never blocks the rest.
        An item that fails is left to be tried again later."""
        pairs = [(i, a) for i, a in zip(batch, analyses, strict=True) if not isinstance(a, str)]
        try:
            await self._save([i for i, _ in pairs], [a for _, a in pairs], now)
        except Exception as exc:
            log.warning("saving a batch of %s items failed (%s); saving them one by one",
                        len(pairs), _reason(exc))
            for item, analysis in pairs:
                try:
                    await self._save([item], [analysis], now)
                except Exception as single:
                    await self._failed(item, f"it could not be stored ({_reason(single)})", now)
        for item, result in zip(batch, analyses, strict=True):
            if isinstance(result, str):
                await self._failed(item, result, now)

    async def _failed(self, item: Item, reason: str, now: datetime) -> None:
        """Record a failure to read `item`: tried again later, or given up after the last try."""
        try:
            await self._story_ids_for(1)
            attempts = await self._store.record_enrichment_failure(
                item, reason, story_id=self._stories.new_id(), retry_at=partial(retry_time, now))
        except Exception as exc:
            log.error("item %s was not enriched: %s; nor could that be recorded (%s): it stays "
                      "pending and is tried again at the next run", item.id, reason, _reason(exc))
            return
        if attempts > len(RETRY_DELAYS):
            log.error("item %s given up after %s attempts: %s", item.id, attempts, reason)
        else:
            log.warning("item %s was not enriched: %s; attempt %s of %s, tried again after %s",
                        item.id, reason, attempts, len(RETRY_DELAYS) + 1, retry_time(now, attempts))

    def _analyse(self, batch: list[Item]) -> asyncio.Future[list[ItemAnalysis]] | None:
        """Start analysing a batch in the workers; None when there is nothing to analyse."""
        if not batch:
            return None
        texts = [ItemText(i.id, i.title, i.text, i.published_at) for i in batch]
        return asyncio.ensure_future(self._workers.run(_ANALYSE, texts))

    async def _save(self, batch: list[Item], analyses: list[ItemAnalysis], now: datetime) -> None:
        if not batch:
            return
        await self._story_ids_for(len(batch))
        if self._shared:
            await self._save_in_turn(batch, analyses)
        else:
            story_of = await asyncio.to_thread(self._assign, batch)
            await self._store.save_enrichment(analyses, story_of, {i.id: i for i in batch})
        newest = max(i.published_at for i in batch)
        with contextlib.suppress(OverflowError):  # a year-1 date from an old store
            cutoff = min(newest, now) - 2 * self._stories.window
            # Many stories can expire at once (a day's worth): in a thread, like `_assign`.
            await asyncio.to_thread(self._stories.forget_before, cutoff)

    async def _save_in_turn(self, batch: list[Item], analyses: list[ItemAnalysis]) -> None:
        """Shared database: place the batch in stories in a turn of its own, after learning
        what the other processes placed since this one's last turn, so that two processes
        reading reports of one event put them in one story."""
        async with self._store.story_turn(after=self._turn_seen) as turn:
            if turn.placed_by_others:
                await asyncio.to_thread(self._learn, turn.placed_by_others)
            story_of = await asyncio.to_thread(self._assign, batch)
            await turn.save(analyses, story_of, {i.id: i for i in batch})
        self._turn_seen = turn.number

    def _learn(self, placed: list[tuple[Item, int]]) -> None:
        for item, story_id in placed:
            self._stories.assign(_story_doc(item), story_id)

    def _assign(self, pending: list[Item]) -> dict[int, int]:
        """Story ids in publication order; an item already placed keeps its story (a retry)."""
        ordered = sorted(pending, key=lambda i: (i.published_at, i.id))
        return {item.id: self._stories.add(_story_doc(item)) for item in ordered}


def retry_time(now: datetime, attempts: int) -> datetime | None:
    """When an item that failed `attempts` times is tried again; None: never (given up)."""
    if attempts > len(RETRY_DELAYS):
        return None
    return now + RETRY_DELAYS[attempts - 1]


def _reason(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}"[:300]


def _story_doc(item: Item) -> StoryDoc:
    return StoryDoc(id=item.id, title=item.title, text=item.text, source=item.feed_name,
                    published=item.published_at)
