"""The operator's feeds, from the shell: adding, removing, pausing, resuming and importing.

The operator's feeds (`operator` in the store) are followed by every server that has not
removed them. They come from two places, combined:

- `[[feeds]]` in the configuration file, declarative: registered at every start, and a feed
  dropped from the file stops being the operator's (unless it was added as below). They are
  changed in the file, never from the command line.
- `python bot.py feeds add` and `feeds import`: kept in the store until `feeds remove`. They are
  remembered as the follows of the operator's desk, a server id Discord never gives out.

Pausing and resuming from the command line act on any feed of the store, for every server:
the operator runs the bot.
"""

from __future__ import annotations

import asyncio
import difflib
from collections.abc import Awaitable, Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Literal

from digests.errors import BlockedAddress, DigestError, UnknownFeed
from digests.feeds.opml import ExportedFeed, OpmlFeed
from digests.models import Feed
from digests.urls import canonical_url

if TYPE_CHECKING:  # the fetching machinery (aiohttp) is imported where a feed is read, so that
    # the commands that only look at the store start fast
    from digests.feeds.polling import Poller
    from digests.servers.following import FeedAdded
    from digests.store.core import Store

OPERATOR_DESK = 0
"""The server id under which the command line's follows are kept: never a Discord server's."""
PAUSED_BY_OPERATOR = "operator"
PRIVATE_SETTING = "[network] allow_private_addresses = true"

Origin = Literal["config", "command line", "servers"]


class OperatorRefusal(DigestError):
    """What the command line will not do to a feed, and what to do instead."""


@dataclass(frozen=True, slots=True)
class ListedFeed:
    """A feed of the store as the operator sees it: who wants it."""

    feed: Feed
    origin: Origin


async def operator_feed_ids(store: Store) -> frozenset[int]:
    """The operator's feeds: those of the file and those added from the command line."""
    return frozenset(f.id for f in await store.guild_feeds(OPERATOR_DESK, counts=False))


async def register_operator_feeds(store: Store, configured: Iterable[tuple[str, str | None, bool]],
                                  now: datetime) -> None:
    """At every start: the file's feeds (url, name, full_text) are the operator's, with those
    added from the command line; any other feed stops being the operator's."""
    urls = []
    for url, name, full_text in configured:
        await store.add_feed(url, now=now, name=name, full_text=full_text, operator=True)
        urls.append(url)
    await store.set_operator_feeds([*urls, *await _added_urls(store)])


async def _added_urls(store: Store) -> list[str]:
    added = await store.own_follow_ids(OPERATOR_DESK)
    return [f.url for f in await store.all_feeds() if f.id in added]


async def listed_feeds(store: Store, configured: Iterable[str]) -> list[ListedFeed]:
    """Every feed of the store: the operator's first (the file's, then the command line's),
    then those only servers follow."""
    from_file = {canonical_url(u) for u in configured}
    operators = await operator_feed_ids(store)
    order: dict[Origin, int] = {"config": 0, "command line": 1, "servers": 2}
    listed = [ListedFeed(f, _origin(f, operators, from_file)) for f in await store.all_feeds()]
    return sorted(listed, key=lambda lf: (order[lf.origin], lf.feed.id))


def _origin(feed: Feed, operators: frozenset[int], from_file: set[str]) -> Origin:
    if feed.id not in operators:
        return "servers"
    return "config" if canonical_url(feed.url) in from_file else "command line"


def find_feed(feeds: Sequence[Feed], text: str) -> Feed:
    """The feed named by `text`: its id, its name (as configured, else its title) or its URL;
    `UnknownFeed` with the closest names when none matches."""
    wanted = text.strip()
    folded = wanted.casefold()
    url = canonical_url(wanted)
    for feed in feeds:
        if wanted == str(feed.id) or folded == feed.display_name.casefold() or url == feed.url \
                or folded == feed.url.casefold():
            return feed
    names = [f.display_name for f in feeds] + [f.url for f in feeds]
    close = difflib.get_close_matches(wanted, names, n=1, cutoff=0.5)
    hint = f" Did you mean {close[0]!r}?" if close else ""
    raise UnknownFeed(f"No feed is called {wanted[:100]!r}.{hint} "
                      "`python bot.py feeds list` shows every feed.")


async def add_operator_feed(store: Store, poller: Poller, url: str, *, name: str | None,
                            now: datetime, allow_private: bool, rename: bool = True) -> FeedAdded:
    """Make `url` one of the operator's feeds, reading it at once (as `/feeds add` does); a
    feed that cannot be read is refused and left out of the store. An operator's feed added
    again takes the new name only when `rename` (an imported list never renames a feed)."""
    from digests.servers.following import FeedAdded, checked_feed_url, read_first

    wanted = checked_feed_url(url)
    if not allow_private:
        _check_public(wanted)
    operators = await operator_feed_ids(store)
    feed = await store.add_feed(wanted, now=now)
    if feed.id in operators:
        if name is not None and rename:
            await store.add_feed(wanted, now=now, name=name)
        return FeedAdded(await store.get_feed(feed.id), already=True)
    await read_first(store, poller, feed, now, lambda error: _unreadable(wanted, error))
    await store.add_feed(wanted, now=now, name=name, operator=True)
    await store.follow(OPERATOR_DESK, feed.id, now=now)
    return FeedAdded(await store.get_feed(feed.id), already=False)


def _check_public(url: str) -> None:
    from digests.feeds.addresses import check_url_host
    from digests.servers.following import FeedUnreadable

    try:
        check_url_host(url)
    except BlockedAddress as exc:
        raise FeedUnreadable(f"{url[:200]} was refused: {exc}. {PRIVATE_SETTING} in the "
                             "configuration allows it.") from None


def _unreadable(url: str, error: str) -> str:
    if "private or reserved address" in error or "loopback name" in error:
        return f"{url[:200]} was refused: {error}. {PRIVATE_SETTING} in the configuration allows it."
    return f"No feed could be read at {url[:200]}: {error}"


async def remove_operator_feed(store: Store, feed: Feed, configured: Sequence[str],
                               now: datetime) -> None:
    """Stop `feed` being the operator's; when no server follows it either, it is no longer
    polled (what it stored stays until the retention period ends)."""
    from_file = [canonical_url(u) for u in configured]
    if canonical_url(feed.url) in from_file:
        raise OperatorRefusal(f"{feed.display_name} is listed in the configuration file "
                              "([[feeds]]): remove it there; the file is read at every start.")
    if feed.id not in await store.own_follow_ids(OPERATOR_DESK):
        raise OperatorRefusal(f"{feed.display_name} is not one of the operator's feeds: servers "
                              "follow it. `feeds pause` stops it for everyone.")
    from digests.servers.following import PAUSED_UNFOLLOWED

    await store.unfollow(OPERATOR_DESK, feed.id, now=now)
    await store.set_operator_feeds([*configured, *await _added_urls(store)])
    if await store.active_followers(feed.id) == 0 and not (await store.get_feed(feed.id)).paused:
        await store.pause_feed(feed.id, now=now, reason="no server follows it any more",
                               by=PAUSED_UNFOLLOWED)


async def pause_everywhere(store: Store, feed: Feed, now: datetime) -> bool:
    """Stop polling `feed` for every server; False when it was paused already."""
    if feed.paused:
        return False
    await store.pause_feed(feed.id, now=now, reason="paused by the operator", by=PAUSED_BY_OPERATOR)
    return True


async def resume_everywhere(store: Store, feed: Feed, now: datetime) -> bool:
    """Poll `feed` again at the next tick, its run of failures forgotten; False when it was
    not paused."""
    if not feed.paused:
        return False
    await store.resume_feed(feed.id, now=now)
    return True


# Importing and exporting feed lists --------------------------------------------------------

Outcome = Literal["added", "already", "refused"]


@dataclass(frozen=True, slots=True)
class Imported:
    """What became of one feed of an imported list."""

    url: str
    name: str
    outcome: Outcome
    detail: str = ""


AddFeed = Callable[[str, str | None], Awaitable["FeedAdded"]]


async def import_feeds(entries: Sequence[OpmlFeed], add: AddFeed, *, allow_private: bool,
                       concurrency: int, private_hint: str = "",
                       done: Callable[[Imported], None] | None = None) -> list[Imported]:
    """Add every feed of a list through `add` (at most `concurrency` at a time), in the list's
    order: each added, already there (in the store, or twice in the list) or refused and why.
    `done` hears of each as it is settled (a progress bar)."""
    limit = asyncio.Semaphore(concurrency)
    seen: dict[str, str] = {}

    async def settle(entry: OpmlFeed) -> Imported:
        result = await _import_one(entry, add, limit, seen, allow_private, private_hint)
        if done is not None:
            done(result)
        return result

    return list(await asyncio.gather(*(settle(e) for e in entries)))


async def _import_one(entry: OpmlFeed, add: AddFeed, limit: asyncio.Semaphore,
                      seen: dict[str, str], allow_private: bool, private_hint: str) -> Imported:
    from digests.feeds.addresses import check_url_host
    from digests.servers.following import checked_feed_url

    shown = entry.title or entry.url[:200]
    try:
        url = checked_feed_url(entry.url)
        if not allow_private:
            check_url_host(url)
    except BlockedAddress as exc:
        return Imported(entry.url[:200], shown, "refused", f"{exc}{private_hint}")
    except DigestError as exc:
        return Imported(entry.url[:200], shown, "refused", str(exc))
    if url in seen:
        return Imported(url, shown, "already", f"listed twice in the file (as {seen[url]})")
    seen[url] = shown
    async with limit:
        try:
            added = await add(url, entry.title)
        except DigestError as exc:
            return Imported(url, shown, "refused", str(exc))
    feed = added.feed
    if added.already:
        return Imported(url, feed.display_name, "already")
    return Imported(url, feed.display_name, "added", f"{feed.item_count:,} items")


def exported(feeds: Iterable[Feed]) -> list[ExportedFeed]:
    """Feeds as an OPML list holds them: name, address and site."""
    return [ExportedFeed(f.display_name, f.url, f.site_url) for f in feeds]
