"""Polling: fetch a feed, parse it off the loop, store what is new, and pace the next poll.

Every outcome is written to the store (success, 304, failure, pause), so nothing about a
feed's state lives in memory or in scheduler jobs and a restart picks up where it stopped.

On a database several processes share (PostgreSQL), each due feed is claimed before it is
polled and released after, so one process polls it; the claim is a lease that a process that
dies gives up by expiry. Feeds are claimed a few at a time as poll slots free up, not the
whole batch at once, so the lease only has to outlast about one poll; a fetch that would
outlast it (queued behind a slow host) is given up and deferred rather than fetched twice.
"""

from __future__ import annotations

import asyncio
import collections
import hashlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Awaitable, Callable, Mapping, Sequence
from datetime import UTC, datetime, timedelta

from digests.config import PollingConfig
from digests.errors import FetchError, StorageError
from digests.feeds.fetching import Fetched, Fetcher, HostCoolingDown, RateLimited
from digests.feeds.pacing import backoff_delay, next_check_after_success
from digests.models import Feed, ParsedFeed, PollResult
from digests.store.core import Store
from digests.store.items import FetchState

log = logging.getLogger(__name__)

ParseFn = Callable[[bytes, Mapping[str, str], str, datetime], Awaitable[ParsedFeed]]
FullTextFn = Callable[[Store, Feed, Sequence[int], datetime], Awaitable[None]]
PAUSED_BY_BOT = "newsdesk"
LEASE = timedelta(minutes=5)
"""How long a process holds a feed it claimed (shared database): well over a fetch (60 s by
default, a redirect or a discovered feed link at most doubling it) and a parse (30 s). A
process that dies delays its feeds by this much at most."""
SAVE_MARGIN = timedelta(minutes=1)
"""Of the lease, what is kept for parsing and storing: the fetch gets the rest."""
DOCUMENTS_IN_HAND = 8
"""Fetched documents not yet stored from which no new fetch starts until one is stored (the
polling concurrency bounds the fetches themselves, which are not counted: a slow network is
never held up). When parsing is the bottleneck, as in a cold start on fast feeds, fetching
further ahead only holds bodies and parsed items in memory: with 32 fetches at a time the bot
peaked at 118 MiB reading 1,000 feeds, with this 109 (bench/ingest_1000.py), in the same time."""
SLOW_FETCH_SECONDS = 1.0
"""A fetch let through while the hand was full counts as a document from its start, so that
the ones let through do not all bring one at once; still under way after this long, it stops
counting: a slow server holds up nobody."""
CLAIMS_PER_ROUND = 4
"""Due feeds are claimed `concurrency / CLAIMS_PER_ROUND` at a time: fewer round trips than
one by one, and no process holds many more feeds than it is polling."""


def process_owner() -> str:
    """A name for this poller in the leases it takes: host, process and a random part (two
    pollers in one process are two owners)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Poller:
    """Polls feeds with bounded concurrency; one bad feed never sinks the batch."""

    def __init__(self, store: Store, fetcher: Fetcher, parse: ParseFn, config: PollingConfig,
                 *, full_text: FullTextFn | None = None, retention: timedelta | None = None,
                 on_new_items: Callable[[Sequence[int]], None] | None = None,
                 on_polled: Callable[[PollResult, str | None], None] | None = None,
                 lease: timedelta = LEASE) -> None:
        """`retention`: entries dated longer ago than that are stored quietly (no alerts).
        `on_new_items` is called with the ids of whatever a poll stores (enrichment wakes up);
        `on_polled` with every poll's result and, for a failure, its kind (metrics, progress)."""
        self._store = store
        self._fetcher = fetcher
        self._parse = parse
        self._config = config
        self._full_text = full_text
        self._retention = retention
        self._on_new_items = on_new_items
        self._on_polled = on_polled
        self._limit = asyncio.Semaphore(config.concurrency)
        self._hand = _Hand(DOCUMENTS_IN_HAND)
        self._lease = lease
        self._owner = process_owner()
        self._in_flight: set[int] = set()  # feeds being polled by `dispatch_due`'s rounds
        self._rounds: set[asyncio.Task[None]] = set()
        self._round_ended: list[Callable[[], None]] = []

    async def poll_due(self, now: datetime, limit: int = 10_000) -> list[PollResult]:
        """Poll every feed whose next check has come (on a shared database, those no other
        process is polling, each claimed first)."""
        if self._store.several_processes:
            return await self._poll_claimed(now, limit)
        return await self.poll_many(await self._store.due_feeds(now, limit), now)

    async def dispatch_due(self, now: datetime, limit: int = 10_000) -> None:
        """Start polling the due feeds this process is not polling yet, without waiting for
        them: a slow feed never holds back one that falls due after it. On a shared database
        the round claims them as it goes (a claimed feed is nobody else's, rounds included).
        `drain` waits for the rounds started."""
        if self._store.several_processes:
            self._start_round(self._poll_claimed(now, limit))
            return
        due = await self._store.due_feeds(now, limit, excluding=self._in_flight)
        if due:
            self._start_round(self.poll_many(due, now))

    def when_a_round_ends(self, hear: Callable[[], None]) -> None:
        """Call `hear` after each round `dispatch_due` started: its feeds have their next
        check now, which the scheduler may want to wake for."""
        self._round_ended.append(hear)

    def _start_round(self, polls: Awaitable[list[PollResult]]) -> None:
        async def run() -> None:
            try:
                await polls
            except StorageError as exc:
                log.error("polling stopped by the store: %s; the next tick tries again", exc)
            except Exception:
                log.exception("polling failed; the next tick tries again")
            for hear in self._round_ended:
                hear()

        task = asyncio.create_task(run(), name="poll round")
        self._rounds.add(task)
        task.add_done_callback(self._rounds.discard)

    async def drain(self, grace: float = 5.0) -> None:
        """Wait up to `grace` seconds for the rounds `dispatch_due` started, then cancel the
        rest (what a poll stores is one transaction: a cancelled one is polled again)."""
        rounds = set(self._rounds)
        if not rounds:
            return
        _, late = await asyncio.wait(rounds, timeout=grace)
        for task in late:
            task.cancel()
        if late:
            await asyncio.wait(late)

    async def poll_many(self, feeds: Sequence[Feed], now: datetime) -> list[PollResult]:
        ids = {feed.id for feed in feeds}
        self._in_flight |= ids
        since = _elapsed_since(now)
        try:
            results = await asyncio.gather(*(self._poll_bounded(f, since) for f in feeds))
        finally:
            self._in_flight -= ids
        _log_summary(results)
        return list(results)

    async def poll_feed(self, feed: Feed, now: datetime) -> PollResult:
        """Poll one feed now, whatever its next check says; failures are recorded, not raised.
        On a shared database the feed is claimed first: one another process is polling at this
        moment is left to it ("deferred", no error: its items arrive through that poll)."""
        if not self._store.several_processes:
            return await self._poll(feed, now, fetch_within=None)
        # The lease counts from the wall clock too: `now` may be a batch's start, long past.
        moment = max(now, datetime.now(UTC))
        if not await self._store.claim_feed(feed.id, owner=self._owner, now=moment,
                                            lease=self._lease):
            log.info("feed polled by another process feed=%s", feed.url)
            return PollResult(feed.id, feed.url, "deferred")
        try:
            return await self._poll(feed, now, fetch_within=self._fetch_budget)
        finally:
            await self._release(feed)

    async def _poll(self, feed: Feed, now: datetime, *, fetch_within: float | None) -> PollResult:
        kind: str | None = None
        place = await self._hand.place(SLOW_FETCH_SECONDS)
        try:
            fetched = await self._fetch(feed, now, fetch_within)
            place.keep_while_in_hand(fetched is not None and not fetched.not_modified)
            result = (await self._outlasted(feed, now) if fetched is None
                      else await self._take(feed, fetched, now, stored=place.give_back))
        except FetchError as exc:
            kind = exc.kind
            result = await self._fail(feed, exc, now)
        except StorageError:
            raise  # the store's trouble (disk full, locked), not the feed's: never count it against it
        except Exception as exc:
            log.exception("unexpected error polling feed=%s", feed.url)
            kind = "internal"
            result = await self._fail(feed, FetchError("internal", f"internal error: {exc}"), now)
        finally:
            place.give_back()
        if self._on_polled is not None:
            self._on_polled(result, kind)
        return result

    async def ingest(self, feed: Feed, body: bytes, headers: Mapping[str, str],
                     now: datetime) -> PollResult:
        """Parse and store a document already in hand (the demo's bundled samples use this)."""
        fetched = Fetched(feed.url, 200, body, {k.lower(): v for k, v in headers.items()})
        return await self._take(feed, fetched, now)

    async def _poll_bounded(self, feed: Feed, since: Callable[[], datetime]) -> PollResult:
        async with self._limit:
            return await self.poll_feed(feed, since())

    async def _poll_claimed(self, now: datetime, limit: int) -> list[PollResult]:
        """Poll the due feeds no other process holds, `concurrency` at a time, claimed a few
        at a time as slots free up and each released once polled."""
        since = _elapsed_since(now)
        results: list[PollResult] = []
        waiting: list[tuple[Feed, float]] = []  # claimed, not polled yet; when claimed
        claims = [0]
        claiming = asyncio.Lock()
        chunk = max(1, self._config.concurrency // CLAIMS_PER_ROUND)

        async def next_feed() -> tuple[Feed, float] | None:
            async with claiming:
                if not waiting and claims[0] < limit:
                    claimed = await self._store.claim_due_feeds(
                        since(), min(chunk, limit - claims[0]), owner=self._owner,
                        lease=self._lease)
                    claims[0] += len(claimed)
                    waiting.extend((feed, time.monotonic()) for feed in reversed(claimed))
                return waiting.pop() if waiting else None

        async def slot() -> None:
            while (next_one := await next_feed()) is not None:
                feed, claimed_at = next_one
                try:
                    async with self._limit:
                        held = time.monotonic() - claimed_at
                        results.append(await self._poll(
                            feed, since(), fetch_within=self._fetch_budget - held))
                finally:
                    await self._release(feed)

        await asyncio.gather(*(slot() for _ in range(max(1, min(self._config.concurrency, limit)))))
        _log_summary(results)
        return results

    @property
    def _fetch_budget(self) -> float:
        """Seconds a claimed feed's fetch may take: its lease, less the time to store it."""
        return (self._lease - SAVE_MARGIN).total_seconds()

    async def _release(self, feed: Feed) -> None:
        try:
            await self._store.release_feed(feed.id, self._owner)
        except StorageError as exc:  # the lease runs out by itself
            log.warning("feed lease not released feed=%s error=%s", feed.url, exc)

    async def _fetch(self, feed: Feed, now: datetime, within: float | None) -> Fetched | None:
        """The feed's document; None when it could not be had `within` seconds (its lease)."""
        fetching = self._fetcher.fetch_feed(
            feed.url, now=now, etag=feed.etag, last_modified=feed.last_modified)
        if within is None:
            return await fetching
        try:
            async with asyncio.timeout(within):
                return await fetching
        except TimeoutError:
            return None

    async def _outlasted(self, feed: Feed, now: datetime) -> PollResult:
        """A fetch that would have outlived the feed's lease (another process could have
        claimed the feed meanwhile): not the feed's fault, tried again after the lease."""
        await self._store.reschedule(feed.id, now + self._lease)
        log.warning("fetch outlasted its lease feed=%s; deferred", feed.url)
        return PollResult(feed.id, feed.url, "deferred", error="the fetch outlasted its lease")

    async def _take(self, feed: Feed, fetched: Fetched, now: datetime,
                    stored: Callable[[], None] | None = None) -> PollResult:
        """Parse and store `fetched`; `stored` is called once its items are stored, before
        any full-text fetch."""
        url = await self._follow_move(feed, fetched)
        if fetched.not_modified:
            await self._unchanged(feed, fetched, now)
            return PollResult(feed.id, url, "not-modified")
        body_hash = hashlib.sha256(fetched.body).hexdigest()
        if body_hash == feed.body_hash:
            await self._unchanged(feed, fetched, now)
            return PollResult(feed.id, url, "unchanged")
        parsed = await self._parse(fetched.body, fetched.headers, url, now)
        if parsed.ill_formed:
            if not parsed.entries:
                raise FetchError("malformed", f"not a readable feed: {parsed.ill_formed}")
            log.warning("ill-formed feed used anyway feed=%s problem=%s", url, parsed.ill_formed)
        hint = max(fetched.cache_seconds or 0, parsed.ttl_seconds or 0) or None
        saved = await self._store.save_poll(
            feed.id, parsed, now=now, first_poll=not feed.first_polled,
            next_check_at=self._next_check(url, now, hint),
            state=FetchState(fetched.etag, fetched.last_modified, body_hash, fetched.status),
            quiet_before=now - self._retention if self._retention else None)
        if stored is not None:
            stored()
        if self._full_text and feed.full_text and saved.new_item_ids:
            await self._full_text(self._store, feed, saved.new_item_ids, now)
        if saved.new_item_ids and self._on_new_items is not None:
            self._on_new_items(saved.new_item_ids)
        return PollResult(feed.id, url, "fetched", new=saved.new, updated=saved.updated,
                          new_item_ids=saved.new_item_ids,
                          entries=len(parsed.entries), title=parsed.title)

    async def _follow_move(self, feed: Feed, fetched: Fetched) -> str:
        if not fetched.moved_to or fetched.moved_to == feed.url:
            return feed.url
        if await self._store.move_feed(feed.id, fetched.moved_to):
            log.info("feed moved feed=%s to=%s", feed.url, fetched.moved_to)
            return fetched.moved_to
        log.warning("feed moved to a URL already followed feed=%s to=%s", feed.url,
                    fetched.moved_to)
        return feed.url

    async def _unchanged(self, feed: Feed, fetched: Fetched, now: datetime) -> None:
        await self._store.record_not_modified(
            feed.id, now=now, next_check_at=self._next_check(feed.url, now, fetched.cache_seconds),
            etag=fetched.etag, last_modified=fetched.last_modified)

    async def _fail(self, feed: Feed, error: FetchError, now: datetime) -> PollResult:
        if isinstance(error, HostCoolingDown):
            await self._store.reschedule(feed.id, error.until)  # not the feed's fault: wait
            return PollResult(feed.id, feed.url, "deferred", error=str(error))
        delay = backoff_delay(feed.failure_count + 1, self._config.interval_seconds,
                              self._config.max_interval_seconds)
        if isinstance(error, RateLimited) and error.retry_after:
            delay = max(delay, min(error.retry_after, self._config.max_interval_seconds))
        updated = await self._store.record_failure(
            feed.id, now=now, next_check_at=now + timedelta(seconds=delay), kind=error.kind,
            message=str(error), status=error.status)
        log.warning("poll failed feed=%s kind=%s error=%s", feed.url, error.kind, error)
        reason = self._pause_reason(updated, error, now)
        if reason:
            await self._store.pause_feed(feed.id, now=now, reason=reason, by=PAUSED_BY_BOT)
            log.warning("feed paused feed=%s reason=%s", feed.url, reason)
            return PollResult(feed.id, feed.url, "paused", error=reason)
        return PollResult(feed.id, feed.url, "failed", error=str(error))

    def _pause_reason(self, feed: Feed, error: FetchError, now: datetime) -> str | None:
        if error.kind == "gone":
            return "the feed is gone (HTTP 410)"
        limit = timedelta(seconds=self._config.pause_after_failing_seconds)
        if feed.failing_since is not None and now - feed.failing_since >= limit:
            days = limit.total_seconds() / 86400
            return f"failing for more than {days:g} days; last error: {error}"
        return None

    def _next_check(self, url: str, now: datetime, hint: int | None) -> datetime:
        return next_check_after_success(url, now, self._config.interval_seconds,
                                        self._config.max_interval_seconds, hint)


def _elapsed_since(start: datetime) -> Callable[[], datetime]:
    """A clock that reads `start` plus the time gone by since it was made. A round lasts
    while feeds wait for a slot: each poll is dated when it runs, or its items would be seen
    before a subscription made meanwhile and its next check fall due again at once."""
    started = time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - started)


def _log_summary(results: Sequence[PollResult]) -> None:
    if not results:
        return
    counts: dict[str, int] = {}
    for r in results:
        counts[r.outcome] = counts.get(r.outcome, 0) + 1
    new = sum(r.new for r in results)
    # Rounds start whenever feeds fall due: one that brought nothing new is not worth a line.
    log.log(logging.INFO if new else logging.DEBUG,
            "polled feeds=%s new_items=%s %s", len(results), new,
            " ".join(f"{k}={v}" for k, v in sorted(counts.items())))


class _Hand:
    """The documents fetched and not yet stored, and the fetches waiting for their number to
    fall under `most`: each document stored lets one waiting fetch start, in order."""

    def __init__(self, most: int) -> None:
        self._most = most
        self._held = 0
        self._waiting: collections.deque[asyncio.Future[None]] = collections.deque()

    async def place(self, slow_after: float) -> _Place:
        if self._held < self._most and not self._waiting:
            return _Place(self, counted=False, slow_after=None)
        turn = asyncio.get_running_loop().create_future()
        self._waiting.append(turn)
        try:
            await turn  # counted when given
        except asyncio.CancelledError:
            if turn.done() and not turn.cancelled():
                self.give()  # the turn it was given goes to the next
            else:
                self._waiting.remove(turn)
            raise
        return _Place(self, counted=True, slow_after=slow_after)

    def take(self) -> None:
        self._held += 1

    def give(self) -> None:
        self._held -= 1
        while self._waiting and self._held < self._most:
            turn = self._waiting.popleft()
            if not turn.done():
                self._held += 1
                turn.set_result(None)


class _Place:
    """One fetch's part in the hand: counted while its document is in hand (and, when it had
    to wait, from its start until `slow_after` seconds into the fetch); given back once."""

    def __init__(self, hand: _Hand, *, counted: bool, slow_after: float | None) -> None:
        self._hand = hand
        self._counted = counted
        self._timer: asyncio.TimerHandle | None = (
            asyncio.get_running_loop().call_later(slow_after, self.give_back)
            if counted and slow_after is not None else None)

    def keep_while_in_hand(self, document: bool) -> None:
        """The fetch ended: count it while its document is in hand, if it brought one."""
        self._stop_timer()
        if document and not self._counted:
            self._counted = True
            self._hand.take()
        elif not document:
            self.give_back()

    def give_back(self) -> None:
        self._stop_timer()
        if self._counted:
            self._counted = False
            self._hand.give()

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
