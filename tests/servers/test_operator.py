"""The operator's feeds on a real store and a loopback feed server: how the file's feeds and
the command line's combine across restarts, what the command line refuses, and importing a
list with a result for every feed."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import timedelta
from functools import partial

import pytest

from digests.config import PollingConfig
from digests.errors import UnknownFeed
from digests.feeds.fetching import Fetcher
from digests.feeds.opml import OpmlFeed
from digests.feeds.polling import Poller
from digests.feeds.reading import FeedReader
from digests.runtime.workers import WorkerPool
from digests.servers.following import FeedUnreadable, add_guild_feed
from digests.servers.operator import (
    OperatorRefusal,
    add_operator_feed,
    find_feed,
    import_feeds,
    listed_feeds,
    pause_everywhere,
    register_operator_feeds,
    remove_operator_feed,
    resume_everywhere,
)
from digests.store.core import Store
from digests.store.servers import OutboxMessage

from conftest import NOW, fixture_bytes
from feedserver import FeedServer

RSS = fixture_bytes("rss20.xml")


@pytest.fixture(scope="module")
def workers() -> AsyncIterator[WorkerPool]:
    pool = WorkerPool(1)
    yield pool  # type: ignore[misc]
    pool.close()


@pytest.fixture
def poller(store: Store, fetcher: Fetcher, workers: WorkerPool) -> Poller:
    return Poller(store, fetcher, FeedReader(workers).parse, PollingConfig())


def origins(listed: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(entry.feed.display_name, entry.origin) for entry in listed]


async def test_the_file_and_the_command_line_combine_across_restarts(
        store: Store, poller: Poller, feed_server: FeedServer) -> None:
    feed_server.serve("/file.xml", RSS)
    feed_server.serve("/shell.xml", RSS)
    file_feed = (feed_server.url("/file.xml"), "From the file", False)
    await register_operator_feeds(store, [file_feed], NOW)
    added = await add_operator_feed(store, poller, feed_server.url("/shell.xml"), name="From the shell",
                                    now=NOW, allow_private=True)
    assert not added.already and added.feed.item_count > 0 and added.feed.first_polled
    await add_guild_feed(store, poller, 42, feed_server.url("/shell.xml"), name="Theirs", now=NOW)
    # A restart with the file's feed gone: the shell's stays the operator's, the file's does not.
    await register_operator_feeds(store, [], NOW)
    listed = await listed_feeds(store, [])
    assert origins(listed) == [("From the shell", "command line"), ("From the file", "servers")]
    assert {f.display_name for f in await store.guild_feeds(7)} == {"From the shell"}  # any server
    again = await add_operator_feed(store, poller, feed_server.url("/shell.xml"), name=None, now=NOW,
                                    allow_private=True)
    assert again.already and feed_server.hits("/shell.xml") == 1


async def test_the_command_line_refuses_what_it_does_not_own(
        store: Store, poller: Poller, feed_server: FeedServer) -> None:
    feed_server.serve("/file.xml", RSS)
    feed_server.serve("/server.xml", RSS)
    await register_operator_feeds(store, [(feed_server.url("/file.xml"), "Filed", False)], NOW)
    await add_guild_feed(store, poller, 5, feed_server.url("/server.xml"), name=None, now=NOW)
    feeds = await store.all_feeds()
    with pytest.raises(OperatorRefusal, match=r"listed in the configuration file \(\[\[feeds\]\]\)"):
        await remove_operator_feed(store, find_feed(feeds, "filed"), [feed_server.url("/file.xml")], NOW)
    with pytest.raises(OperatorRefusal, match="servers follow it"):
        await remove_operator_feed(store, find_feed(feeds, feed_server.url("/server.xml")),
                                   [feed_server.url("/file.xml")], NOW)
    with pytest.raises(UnknownFeed, match="Did you mean 'Filed'"):
        find_feed(feeds, "Fyled")


async def test_removing_pausing_and_resuming(store: Store, poller: Poller, feed_server: FeedServer) -> None:
    feed_server.serve("/shell.xml", RSS)
    await add_operator_feed(store, poller, feed_server.url("/shell.xml"), name="Shell", now=NOW,
                            allow_private=True)
    feed = find_feed(await store.all_feeds(), "shell")
    assert await pause_everywhere(store, feed, NOW)
    paused = await store.get_feed(feed.id)
    assert paused.paused and paused.paused_reason == "paused by the operator"
    assert not await pause_everywhere(store, paused, NOW)
    assert await resume_everywhere(store, paused, NOW)
    assert not (await store.get_feed(feed.id)).paused
    await remove_operator_feed(store, feed, [], NOW)
    gone = await store.get_feed(feed.id)
    assert gone.paused and gone.paused_reason == "no server follows it any more"
    assert await listed_feeds(store, []) == [] or origins(await listed_feeds(store, [])) == [
        ("Shell", "servers")]
    assert await store.guild_feeds(7) == []


async def test_a_private_address_is_refused_naming_the_setting(store: Store, poller: Poller,
                                                              feed_server: FeedServer) -> None:
    feed_server.serve("/feed.xml", RSS)
    with pytest.raises(FeedUnreadable, match=r"allow_private_addresses = true"):
        await add_operator_feed(store, poller, feed_server.url("/feed.xml"), name=None, now=NOW,
                                allow_private=False)
    assert feed_server.hits("/feed.xml") == 0 and await store.all_feeds() == []


async def test_importing_a_list_settles_every_feed_once(store: Store, poller: Poller,
                                                         feed_server: FeedServer) -> None:
    feed_server.serve("/one.xml", RSS)
    feed_server.serve("/two.xml", RSS)
    feed_server.status("/broken.xml", 404)
    await add_guild_feed(store, poller, 9, feed_server.url("/two.xml"), name=None, now=NOW)
    entries = [
        OpmlFeed(feed_server.url("/one.xml"), "One"),
        OpmlFeed(feed_server.url("/two.xml"), "Two"),
        OpmlFeed(feed_server.url("/one.xml?utm_source=opml").replace("http://", "HTTP://"), "One, shouted"),
        OpmlFeed("javascript:alert(1)", "Script"),
        OpmlFeed("ftp://files.example/feed.xml", "By FTP"),
        OpmlFeed(feed_server.url("/broken.xml"), "Broken"),
    ]
    heard = []
    add = partial(_add_for, store, poller, 9)
    results = await import_feeds(entries, add, allow_private=False, concurrency=2,
                                 private_hint=" (private)", done=heard.append)
    assert len(heard) == len(entries)
    settled = [(r.name, r.outcome) for r in results]
    assert settled[:4] == [("One", "refused"), ("Two", "refused"), ("One, shouted", "refused"),
                           ("Script", "refused")]  # loopback, without allow_private
    assert "127.0.0.1 is a private or reserved address (private)" in results[0].detail
    assert "not a web address" in results[3].detail
    results = await import_feeds(entries, add, allow_private=True, concurrency=2)
    by_name = {r.name: r for r in results}
    assert [r.outcome for r in results] == ["added", "already", "already", "refused", "refused", "refused"]
    assert results[0].detail.endswith("items") and results[2].detail == "listed twice in the file (as One)"
    assert "404" in by_name["Broken"].detail
    assert feed_server.hits("/one.xml") == 1


async def _add_for(store: Store, poller: Poller, guild: int, url: str, name: str | None):  # type: ignore[no-untyped-def]
    return await add_guild_feed(store, poller, guild, url, name=name, now=NOW)


async def test_the_health_probe_and_outbox_depth_read_the_store(store: Store) -> None:
    """What the metrics and the health check ask of the store: a write, and a count."""
    await store.set_state("health.probe", "one")
    await store.set_state("health.probe", "two")
    assert await store.state("health.probe") == "two"
    messages = [OutboxMessage(f"digest:{n}", 0, "digest", "{}", guild_id=1, channel_id=2) for n in range(3)]
    await store.enqueue(messages, NOW)
    assert await store.outbox_depth(NOW) == 3
    [first, *_] = await store.due_outbox(NOW)
    await store.mark_sent(first.id, 99, NOW)
    assert await store.outbox_depth(NOW) == 2
    assert await store.outbox_depth(NOW - timedelta(seconds=1)) == 0  # not due yet then


async def test_an_imported_list_never_renames_a_feed_already_there(store: Store, poller: Poller,
                                                                   feed_server: FeedServer) -> None:
    feed_server.serve("/kept.xml", RSS)
    url = feed_server.url("/kept.xml")
    add = partial(add_operator_feed, store, poller, now=NOW, allow_private=True)
    await add(url, name="Kyiv desk")
    results = await import_feeds([OpmlFeed(url, "Someone else's title")],
                                 lambda u, n: add(u, name=n, rename=False),
                                 allow_private=True, concurrency=1)
    assert [(r.name, r.outcome) for r in results] == [("Kyiv desk", "already")]
    assert [f.display_name for f in await store.all_feeds()] == ["Kyiv desk"]
    await add(url, name="Renamed on purpose")
    assert [f.display_name for f in await store.all_feeds()] == ["Renamed on purpose"]
