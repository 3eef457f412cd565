"""Autocomplete for people: what a member has typed, matched against the names in the news."""

from __future__ import annotations

import asyncio
import functools
import logging
from collections import OrderedDict
from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from typing import Protocol

from digests.news.names import merge_names

log = logging.getLogger(__name__)

SUGGESTIONS = 25
"""Discord shows at most 25 choices."""
_MATCHED_ON_THE_LOOP = 2_000
"""Ranked lists up to this long are matched against what was typed on the event loop (a few
milliseconds); longer ones in a thread."""


class PeopleSource(Protocol):
    async def person_keys(self, feed_ids: Collection[int] | None = None) -> list[tuple[str, str, int]]: ...


def ranked_people(people: Sequence[tuple[str, str, int]]) -> list[str]:
    """Every person's fullest name, most mentioned first (a surname counted with its name);
    `matching_names` then picks what a member's typing asks for."""
    canonical = merge_names(name for _, name, _ in people)
    counts: dict[str, int] = {}
    for _, name, count in people:
        full = canonical.get(name, name)
        counts[full] = counts.get(full, 0) + count
    return sorted(counts, key=lambda n: (-counts[n], n))


def matching_names(ranked: Sequence[str], typed: str, limit: int = SUGGESTIONS) -> list[str]:
    """Up to `limit` of the ranked names: those with a word starting with what was typed first,
    then those merely containing it."""
    wanted = typed.strip().casefold()
    if not wanted:
        return list(ranked[:limit])
    starts = [n for n in ranked if any(w.startswith(wanted) for w in n.casefold().split())
              or n.casefold().startswith(wanted)]
    chosen = set(starts)
    within = [n for n in ranked if wanted in n.casefold() and n not in chosen]
    return (starts + within)[:limit]


class PeopleSuggestions:
    """/who's autocomplete: each set of feeds' people, ranked once and kept.

    Discord asks again at every keystroke, and reading and ranking the tens of thousands of
    people that a thousand feeds name costs a few tenths of a second. So a server's ranked list
    is kept: younger than `max_age` it is used as it is; older, but younger than `stale_limit`,
    it is still used while a fresh one is read in the background for the next keystroke; older
    still (or missing), the call waits for the reading. Calls that arrive during a reading share
    it. Suggestions may therefore miss a person first named since the last reading; /who's
    answers never do, they read the store. At most `servers_kept` lists are kept, the least
    recently used dropped first."""

    def __init__(self, store: PeopleSource, *, max_age: timedelta = timedelta(minutes=1),
                 stale_limit: timedelta = timedelta(hours=1), servers_kept: int = 256) -> None:
        self._store = store
        self._max_age = max_age
        self._stale_limit = stale_limit
        self._servers_kept = servers_kept
        self._kept: OrderedDict[frozenset[int] | None, tuple[datetime, list[str]]] = OrderedDict()
        self._reading: dict[frozenset[int] | None, asyncio.Future[list[str]]] = {}

    async def names(self, feed_ids: frozenset[int] | None, typed: str, now: datetime) -> list[str]:
        ranked = await self._ranked(feed_ids, now)
        if len(ranked) <= _MATCHED_ON_THE_LOOP:
            return matching_names(ranked, typed)
        return await asyncio.to_thread(matching_names, ranked, typed)

    async def _ranked(self, feed_ids: frozenset[int] | None, now: datetime) -> list[str]:
        kept = self._kept.get(feed_ids)
        age = now - kept[0] if kept is not None else None
        if not _younger(age, self._max_age):
            self._start_reading(feed_ids, now)
        if kept is not None and _younger(age, self._stale_limit):
            self._kept.move_to_end(feed_ids)
            return kept[1]
        return await asyncio.shield(self._reading[feed_ids])

    def _start_reading(self, feed_ids: frozenset[int] | None, now: datetime) -> None:
        if feed_ids in self._reading:
            return
        reading = asyncio.ensure_future(self._read(feed_ids))
        self._reading[feed_ids] = reading
        reading.add_done_callback(functools.partial(self._finished, feed_ids, now))

    async def _read(self, feed_ids: frozenset[int] | None) -> list[str]:
        people = await self._store.person_keys(feed_ids)
        return await asyncio.to_thread(ranked_people, people)  # CPU work: off the loop

    def _finished(self, feed_ids: frozenset[int] | None, now: datetime,
                  reading: asyncio.Future[list[str]]) -> None:
        self._reading.pop(feed_ids, None)
        if reading.cancelled():
            return
        error = reading.exception()
        if error is not None:  # the callers waiting have it; one refreshing in the background not
            log.warning("reading the people of %s feeds failed: %s",
                        "all" if feed_ids is None else len(feed_ids), error)
            return
        self._kept[feed_ids] = (now, reading.result())
        self._kept.move_to_end(feed_ids)
        while len(self._kept) > self._servers_kept:
            self._kept.popitem(last=False)


def _younger(age: timedelta | None, limit: timedelta) -> bool:
    """Whether a list of this age (None: there is none) is young enough; a negative age (the
    clock went back) is not."""
    return age is not None and timedelta(0) <= age < limit
