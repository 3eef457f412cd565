"""What is due to be said on Discord: daily digests, alert matches and paused-feed notices.

The decisions are pure functions of stored state and the time passed in; the Discord layer
renders what they return, writes it to the outbox and sends it.
"""

from __future__ import annotations

import asyncio
import functools
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from digests.errors import DigestError
from digests.feeds.polling import PAUSED_BY_BOT
from digests.models import Feed
from digests.servers.alerts import Query, QueryIndex, matches, parse_query, tokenise
from digests.store.core import Store
from digests.store.servers import AlertCandidate, GuildSettings, Subscription

ALERT_CURSOR = "alerts.item_cursor"
_CLOCK = re.compile(r"^\s*(\d{1,2}):(\d{2})\s*$")


class ScheduleError(DigestError):
    """A digest time or time zone that cannot be used; the message says what to give."""


# Daily digests -----------------------------------------------------------------------------

def parse_clock(text: str) -> time:
    match = _CLOCK.match(text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ScheduleError(f"{text!r} is not a time of day: give it as HH:MM, like 08:30 or 18:00.")
    return time(int(match[1]), int(match[2]))


def parse_timezone(name: str) -> ZoneInfo:
    try:
        if name.strip() and name in _zone_names():
            return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        pass
    raise ScheduleError(f"{name!r} is not a time zone: pick an IANA name such as Europe/Kyiv, "
                        "America/New_York or UTC.")


@functools.cache
def _zone_names() -> frozenset[str]:
    return frozenset(available_timezones() | {"UTC"})


def timezone_suggestions(typed: str, limit: int = 25) -> list[str]:
    """Time zone names for autocomplete: those starting with what was typed, then containing it."""
    wanted = typed.strip().lower().replace(" ", "_")
    names = sorted(_zone_names())
    starts = [n for n in names if n.lower().startswith(wanted)]
    within = [n for n in names if wanted in n.lower() and n not in starts]
    return (starts + within)[:limit]


def scheduled_moment(day: date, settings: GuildSettings) -> datetime:
    """When the digest of `day` (local to the server's time zone) is due, as an aware time."""
    clock = parse_clock(settings.digest_time or "00:00")
    return datetime.combine(day, clock, ZoneInfo(settings.digest_timezone or "UTC"))


def digest_day_due(settings: GuildSettings, now: datetime, grace: timedelta) -> date | None:
    """The local day whose digest should be posted now, if any.

    Due from its scheduled time until `grace` after it (a digest missed while the bot was down
    is still posted within the grace); never for a day already posted, and never for a time
    that had passed when the schedule was set.
    """
    if settings.digest_channel_id is None or settings.digest_time is None:
        return None
    today = now.astimezone(ZoneInfo(settings.digest_timezone or "UTC")).date()
    for day in (today, today - timedelta(days=1)):
        due = scheduled_moment(day, settings)
        if settings.last_digest_on is not None and day.isoformat() <= settings.last_digest_on:
            continue
        if settings.digest_set_at is not None and due < settings.digest_set_at:
            continue
        if due <= now < due + grace:
            return day
    return None


def next_digest_at(settings: GuildSettings, now: datetime) -> datetime | None:
    """When the next daily digest will be posted, for /status."""
    if settings.digest_channel_id is None or settings.digest_time is None:
        return None
    today = now.astimezone(ZoneInfo(settings.digest_timezone or "UTC")).date()
    for day in (today, today + timedelta(days=1), today + timedelta(days=2)):
        due = scheduled_moment(day, settings)
        done = settings.last_digest_on is not None and day.isoformat() <= settings.last_digest_on
        if due >= now and not done:
            return due
    return None


@dataclass(frozen=True, slots=True)
class DueDigest:
    guild_id: int
    channel_id: int
    day: date
    timezone: ZoneInfo


async def due_digests(store: Store, now: datetime, grace: timedelta) -> list[DueDigest]:
    due = []
    for settings in await store.digest_schedules():
        day = digest_day_due(settings, now, grace)
        if day is not None and settings.digest_channel_id is not None:
            due.append(DueDigest(settings.guild_id, settings.digest_channel_id, day,
                                 ZoneInfo(settings.digest_timezone or "UTC")))
    return due


# Alerts ------------------------------------------------------------------------------------

async def collect_alert_matches(store: Store, now: datetime, *, batch: int = 500,
                                indexed: IndexedQueries | None = None) -> int:
    """Match the items not checked yet against every subscription; returns new matches.

    Each item is marked checked in the transaction that stores its matches: an item whose
    transaction committed late (another process stored it while larger ids were checked) is
    still unchecked when it shows up, where a cursor on ids would have passed it; and two
    processes checking one item store its matches once. The first call ever starts after the
    items stored: subscriptions are about news that arrives from then on. Items not ready yet
    (being read) stay unchecked for a later call.
    """
    saved = await store.state(ALERT_CURSOR)
    if saved is None:
        await _start_after_stored(store, now, batch)
        return 0
    newest = int(saved)  # the newest item checked: kept for operators, never a bound
    found = 0
    while True:
        candidates = await store.unchecked_alert_candidates(batch)
        ready = [c for c in candidates if _ready(c)]
        if not ready:
            return found
        guilds = await store.guilds_with_subscriptions()
        subscriptions = await store.subscriptions_in(guilds)
        feeds = await store.guild_feed_ids(guilds, among={c.feed_id for c in ready})
        pairs = await asyncio.to_thread(match_alerts, ready, subscriptions, feeds, indexed)
        newest = max(newest, ready[-1].item_id)
        found += await store.record_alert_matches(
            pairs, cursor_name=ALERT_CURSOR, cursor=newest, now=now,
            checked_item_ids=[c.item_id for c in ready])
        if len(candidates) < batch:
            return found


async def _start_after_stored(store: Store, now: datetime, batch: int) -> None:
    """Mark every item stored so far checked, without matching: alerts start now."""
    last = await store.last_item_id()
    while True:
        page = [c.item_id for c in await store.unchecked_alert_candidates(batch)
                if c.item_id <= last]
        await store.record_alert_matches((), cursor_name=ALERT_CURSOR, cursor=last, now=now,
                                         checked_item_ids=page)
        if len(page) < batch:
            return


def _ready(candidate: AlertCandidate) -> bool:
    """Whether alerts can judge the item: in a story (read, or shown plainly while its reading
    is retried), or stored at a first poll (never alerted, so never waited for, or a cold
    start's backlog would hold every alert back). One still being read waits, unchecked."""
    return candidate.enriched or candidate.story_id is not None or candidate.seen_at_first_poll


class IndexedQueries:
    """The subscriptions' parsed queries and their word index, rebuilt only when the
    subscriptions change: every batch of new items is matched against the same ones."""

    def __init__(self) -> None:
        self._key: tuple[tuple[int, str], ...] | None = None
        self._queries: dict[int, Query] = {}
        self._index = QueryIndex({})

    def of(self, subscriptions: Sequence[Subscription]) -> tuple[dict[int, Query], QueryIndex]:
        key = tuple((sub.id, sub.query) for sub in subscriptions)
        if key != self._key:
            self._key, self._queries = key, _parsed(subscriptions)
            self._index = QueryIndex(self._queries)
        return self._queries, self._index


def match_alerts(candidates: Iterable[AlertCandidate], subscriptions: Sequence[Subscription],
                 guild_feeds: Mapping[int, frozenset[int]],
                 indexed: IndexedQueries | None = None) -> set[tuple[int, int]]:
    """(subscription, story) pairs: an item matches a subscription of a server that follows its
    feed, when it arrived after the subscription and not at its feed's first poll.

    The queries are indexed by word (`QueryIndex`), so an item is only checked against the
    subscriptions filed under a word it contains, not against every subscription. Pass the same
    `indexed` to successive calls to keep the index between them.
    """
    queries, index = (indexed or IndexedQueries()).of(subscriptions)
    by_id = {sub.id: sub for sub in subscriptions}
    pairs: set[tuple[int, int]] = set()
    for item in candidates:
        if item.story_id is None or item.seen_at_first_poll:
            continue
        tokens = tokenise(f"{item.title}\n{item.text}")
        for sub_id in index.candidates(tokens):
            if (sub_id, item.story_id) in pairs:
                continue
            sub = by_id[sub_id]
            if item.feed_id not in guild_feeds.get(sub.guild_id, ()) or item.first_seen_at < sub.created_at:
                continue
            if matches(queries[sub_id], tokens):
                pairs.add((sub_id, item.story_id))
    return pairs


def _parsed(subscriptions: Iterable[Subscription]) -> dict[int, Query]:
    parsed = {}
    for sub in subscriptions:
        query = _parse_stored(sub.query)
        if query is not None:
            parsed[sub.id] = query
    return parsed


@functools.lru_cache(maxsize=1 << 18)
def _parse_stored(text: str) -> Query | None:
    """A stored query parsed once per process: matching runs every batch against every query."""
    try:
        return parse_query(text)
    except DigestError:
        return None  # stored before a stricter parser: never matches, the member can remove it


# Feeds the bot paused ----------------------------------------------------------------------

async def paused_feed_notices(store: Store) -> list[tuple[GuildSettings, Feed]]:
    """(server, feed) for every feed the bot paused that a server with a digest channel
    follows: what that channel must be told (the outbox sends each notice once)."""
    paused = [f for f in await store.feeds_paused_by(PAUSED_BY_BOT) if f.paused_at]
    if not paused:
        return []
    servers = [s for s in await store.digest_schedules() if s.digest_channel_id is not None]
    followed = await store.guild_feed_ids([s.guild_id for s in servers], among={f.id for f in paused})
    return [(s, f) for s in servers for f in paused if f.id in followed[s.guild_id]]
