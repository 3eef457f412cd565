"""The operator's round, end to end: `/feeds import` and `/feeds export` through the fake
Discord, and the metrics and health endpoint of the real `python bot.py run`, scraped over
loopback while it works."""

from __future__ import annotations

import json
import re
import socket
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from digests.feeds.opml import read_opml
from e2e.newsroom import FIRST_NEWS, LATER_NEWS, Newsroom, answered, open_newsroom, rss


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


PORT_HOLDER: dict[str, int] = {}


@pytest.fixture
async def room(tmp_path: Path) -> AsyncIterator[Newsroom]:
    port = free_port()
    PORT_HOLDER["port"] = port
    async with open_newsroom(tmp_path, FIRST_NEWS,
                             extra=f'\n[metrics]\nlisten = "127.0.0.1:{port}"\n') as newsroom:
        yield newsroom


def opml(*outlines: tuple[str, str]) -> bytes:
    body = "".join(f'<outline text="{name}" type="rss" xmlUrl="{url}"/>' for name, url in outlines)
    return (f'<?xml version="1.0"?><opml version="2.0"><head><title>Reader export</title></head>'
            f'<body><outline text="Folder">{body}</outline></body></opml>').encode()


async def test_feeds_are_imported_and_exported_as_opml(room: Newsroom) -> None:
    await room.start_bot()
    fake = room.fake
    room.feeds.serve("/second.xml", rss("Second", LATER_NEWS))
    room.feeds.status("/gone.xml", 410)
    document = opml(("Second Wire", room.feeds.url("/second.xml")), ("Wire", room.feeds.url("/wire.xml")),
                    ("Gone", room.feeds.url("/gone.xml")), ("Script", "javascript:alert(1)"))
    refused = await fake.invoke("feeds import", {"file": ("list.opml", document)}, user=fake.member,
                                enforce_default_permissions=False)
    await refused.wait_done(timeout=10)
    assert refused.ephemeral and "Manage Server" in refused.text()
    imported = await answered(fake, "feeds import", {"file": ("list.opml", document)}, user=fake.admin,
                              within=30)
    text = imported.text()
    assert "Imported Reader export" in text and "1 added · 1 already followed · 2 refused" in text
    assert "**Second Wire**: 2 items" in text and "**Wire**" in text
    assert "gone (HTTP 410)" in text and "not a web address" in text
    exported = await answered(fake, "feeds export", user=fake.member)
    assert exported.ephemeral and "This server's 2 feeds, as OPML" in exported.text()
    [message] = exported.messages
    listed = read_opml(fake.attachment_bytes(message, "newsdesk-feeds.opml"))
    assert [(f.title, f.url) for f in listed.feeds] == [
        ("Wire", room.feeds.url("/wire.xml")), ("Second Wire", room.feeds.url("/second.xml"))]
    listing = await answered(fake, "feeds list")
    assert "Second Wire" in listing.text()


async def test_a_hostile_list_is_refused_with_a_sentence(room: Newsroom) -> None:
    await room.start_bot()
    fake = room.fake
    laughs = b'<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa">]><opml><body/></opml>'
    record = await answered(fake, "feeds import", {"file": ("laughs.opml", laughs)}, user=fake.admin)
    assert record.ephemeral and "declares a DTD" in record.text()
    page = await answered(fake, "feeds import", {"file": ("page.html", b"<html>hello</html>")},
                          user=fake.admin)
    assert page.ephemeral and "not an OPML feed list" in page.text()
    many = opml(*((f"Feed {n}", f"https://f{n}.example/rss") for n in range(101)))
    record = await answered(fake, "feeds import", {"file": ("many.opml", many)}, user=fake.admin)
    assert record.ephemeral and "lists 101 feeds; one import reads at most 100" in record.text()


async def scrape(path: str) -> tuple[int, str]:
    url = f"http://127.0.0.1:{PORT_HOLDER['port']}{path}"
    async with aiohttp.ClientSession() as session, session.get(url) as response:
        return response.status, await response.text()


async def test_metrics_and_health_of_the_running_bot(room: Newsroom) -> None:
    bot = await room.start_bot()
    await room.wait_enriched(3)
    fake = room.fake
    await answered(fake, "status")
    fake.rate_limit_next("POST", "/interactions/*/*/callback", retry_after=0.3)
    await answered(fake, "ask", {"question": "How many refugees have fled Ukraine?"}, within=20)
    denied = await fake.invoke("feeds pause", {"feed": "Wire"}, user=fake.member,
                               enforce_default_permissions=False)
    await denied.wait_done(timeout=10)
    status, body = await scrape("/health")
    report = json.loads(body)
    assert status == 200, report
    assert report == {"status": "ok", "gateway_connected": True, "store_writable": True,
                      "scheduler_ticking": True, "problems": []}
    status, text = await scrape("/metrics")
    assert status == 200
    assert 'newsdesk_polls_total{outcome="fetched"}' in text
    assert "newsdesk_items_stored_total 3.0" in text
    assert "newsdesk_items_understood_total 3.0" in text
    assert 'newsdesk_command_latency_seconds_count{command="status"} 1.0' in text
    assert 'newsdesk_command_latency_seconds_count{command="ask"} 1.0' in text
    assert "newsdesk_discord_rate_limit_waits_total 1.0" in text
    assert "newsdesk_event_loop_lag_seconds_count" in text
    assert 'newsdesk_command_errors_total{command="feeds pause"} 1.0' in text
    assert 'newsdesk_feeds{state="ok"} 1.0' in text and "newsdesk_outbox_depth 0.0" in text
    await bot.stop()
    with pytest.raises(aiohttp.ClientConnectionError):
        await scrape("/health")  # the listener went with the bot
    log = room.log()
    assert "Traceback" not in log
    event = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ INFO digests.feeds.polling polled feeds=1 "
    assert re.search(event, log, re.MULTILINE)
