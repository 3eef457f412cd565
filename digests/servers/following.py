"""Which feeds a server follows: adding (fetched at once), removing, pausing and resuming.

A feed row is shared by every server that follows its URL, so it is fetched once per interval
however many follow it. Pausing and removing act for one server; the fetching stops only when
no server (and not the operator) still wants the feed.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from urllib.parse import SplitResult, urlsplit

from digests.errors import DigestError, InvalidFeedURL, UnknownFeed
from digests.feeds.polling import Poller
from digests.models import Feed, PollResult
from digests.store.core import Store
from digests.store.follows import PAUSED_BY_SERVER
from digests.urls import canonical_url, is_http_url

PAUSED_UNFOLLOWED = "unfollowed"
MAX_URL = 2000


class FeedUnreadable(DigestError):
    """`/feeds add` could not read anything at the URL."""


@dataclass(frozen=True, slots=True)
class FeedAdded:
    feed: Feed
    already: bool


class Reading(Protocol):
    """What understands stored items (the Enricher): asked to read a new feed's items first."""

    async def read(self, item_ids: Collection[int], now: datetime) -> None: ...


READ_WAIT_SECONDS = 10.0
"""How long /feeds add waits for the new feed's items to be read before it answers: long
enough for the few dozen items of a feed, so the member's next question finds them."""


async def add_guild_feed(store: Store, poller: Poller, guild_id: int, url: str, *,
                         name: str | None, now: datetime, reading: Reading | None = None) -> FeedAdded:
    """Follow `url` for the server, reading it at once (a web page is searched for its feed),
    and, given `reading`, understanding its items before answering (up to READ_WAIT_SECONDS).

    Items of this first read are stored as seen at the feed's first poll: never alerted on.
    """
    wanted = checked_feed_url(url)
    known = {f.id for f in await store.guild_feeds(guild_id, counts=False)
             if f.paused_by != PAUSED_BY_SERVER}
    feed = await store.add_feed(wanted, now=now)
    if feed.id in known:
        return FeedAdded(await store.get_feed(feed.id), already=True)
    result = await read_first(store, poller, feed, now, lambda error: _unreadable(wanted, error))
    if result is not None and reading is not None and result.new_item_ids:
        with contextlib.suppress(TimeoutError):  # still read soon after; the answer goes out
            async with asyncio.timeout(READ_WAIT_SECONDS):
                await reading.read(result.new_item_ids, now)
    await store.follow(guild_id, feed.id, now=now, name=name)
    return FeedAdded(await _guild_feed(store, guild_id, feed.id), already=False)


async def read_first(store: Store, poller: Poller, feed: Feed, now: datetime,
                     refusal: Callable[[str], str]) -> PollResult | None:
    """Resume a paused feed and read it now when it was never read or was paused; `None` when
    it needs no read. A feed that gives nothing readable is forgotten and refused, in the
    words `refusal` makes of the error."""
    if feed.paused:
        await store.resume_feed(feed.id, now=now)
    if feed.first_polled and not feed.paused:
        return None
    result = await poller.poll_feed(await store.get_feed(feed.id), now)
    if result.error and not (await store.get_feed(feed.id)).item_count:
        await store.forget_feed(feed.id)
        raise FeedUnreadable(refusal(result.error))
    return result


def checked_feed_url(url: str) -> str:
    """The canonical form of a URL a member gave for `/feeds add`, or `InvalidFeedURL` saying
    what is wrong with it. An address with a user name or password is refused (never echoed):
    feed URLs are shown to every member of the server."""
    wanted = canonical_url(url)
    parts = _split(wanted)
    port_ok = parts is not None and _port_ok(parts)
    if parts is not None and (parts.username is not None or parts.password is not None):
        raise InvalidFeedURL("Feed addresses with a user name or password are not supported: "
                             "every member can see a feed's address. Give the feed's public "
                             "address, without the part before @.")
    shown = repr(_printable(url)[:100])
    if len(wanted) > MAX_URL:
        raise InvalidFeedURL(f"That address is {len(wanted):,} characters long; a feed address "
                             f"may have at most {MAX_URL:,}.")
    if parts is not None and parts.scheme.lower() in ("http", "https") and not port_ok:
        raise InvalidFeedURL(f"{shown} has no valid port: a port is a number from 1 to 65535.")
    if not is_http_url(wanted):
        raise InvalidFeedURL(f"{shown} is not a web address: give one starting with "
                             "https:// or http://.")
    return wanted


def _split(url: str) -> SplitResult | None:
    try:
        return urlsplit(url)
    except ValueError:  # an unbalanced "[" in the host
        return None


def _port_ok(parts: SplitResult) -> bool:
    try:
        return parts.port != 0
    except ValueError:  # not a number, or over 65535
        return False


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else " " for c in text)


_BLOCKED_WORDS = ("private or reserved address", "loopback name")  # as `addresses` words them


def _unreadable(url: str, error: str | None) -> str:
    if error and any(words in error for words in _BLOCKED_WORDS):
        return (f"I cannot follow {url[:200]}: {error}. This bot only reads feeds on the public "
                "internet.")
    return f"I could not read a feed at {url[:200]}: {error}"


async def remove_guild_feed(store: Store, guild_id: int, feed: Feed, now: datetime) -> None:
    await store.unfollow(guild_id, feed.id, now=now)
    await _stop_if_unwanted(store, feed, now, "no server follows it any more", PAUSED_UNFOLLOWED)


async def pause_guild_feed(store: Store, guild_id: int, feed: Feed, now: datetime) -> Feed:
    await store.set_follow_paused(guild_id, feed.id, True, now=now)
    await _stop_if_unwanted(store, feed, now, "paused by every server that follows it",
                            PAUSED_BY_SERVER)
    return await _guild_feed(store, guild_id, feed.id)


async def resume_guild_feed(store: Store, guild_id: int, feed: Feed, now: datetime) -> Feed:
    """Resume for this server; a feed stopped for everyone (or by the bot) is polled again."""
    await store.set_follow_paused(guild_id, feed.id, False, now=now)
    if (await store.get_feed(feed.id)).paused:
        await store.resume_feed(feed.id, now=now)
    return await _guild_feed(store, guild_id, feed.id)


async def _stop_if_unwanted(store: Store, feed: Feed, now: datetime, reason: str, by: str) -> None:
    if await store.active_followers(feed.id) == 0 and not (await store.get_feed(feed.id)).paused:
        await store.pause_feed(feed.id, now=now, reason=reason, by=by)


async def _guild_feed(store: Store, guild_id: int, feed_id: int) -> Feed:
    return next(f for f in await store.guild_feeds(guild_id) if f.id == feed_id)


async def find_guild_feed(store: Store, guild_id: int, text: str) -> Feed:
    """The server's feed named by an autocomplete value (its id), its name or its URL."""
    feeds = await store.guild_feeds(guild_id)
    wanted = text.strip()
    for feed in feeds:
        if wanted == str(feed.id) or wanted.casefold() in (feed.display_name.casefold(), feed.url.casefold()):
            return feed
    raise UnknownFeed(f"This server follows no feed called {wanted[:100]!r}: pick one from the list "
                      "that appears as you type, or see /feeds list.")


def feed_suggestions(feeds: list[Feed], typed: str, limit: int = 25) -> list[tuple[str, str]]:
    """(shown name, value) pairs for autocomplete: names or URLs containing what was typed."""
    wanted = typed.strip().casefold()
    chosen = [f for f in feeds if wanted in f.display_name.casefold() or wanted in f.url.casefold()]
    return [(f"{f.display_name} ({f.status.value})", str(f.id)) for f in chosen[:limit]]
