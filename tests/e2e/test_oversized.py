"""Oversized feeds, end to end: a feed title of ~4,000 characters, an item link of 10,024, and
a feed server whose redirects carry markdown and run for thousands of characters. The real
`python bot.py run` against the fake Discord, which here also refuses links over 2,048
characters, as Discord does."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest

from digests.store.core import Store
from e2e.newsroom import FIRST_NEWS, Newsroom, Story, answered, bot_config, open_newsroom

URL_LIMIT = 2048
HUGE_TITLE = ("Kyiv Wire **Breaking** _news_ @everyone " * 100)[:4000].strip()  # a feed title
LONG_LINK = "https://wire.example/moldova/" + "a" * 9_995  # an item link of 10,024 characters
MARKDOWN = "*a* _b_ ~~c~~ ||d|| `e` [f](https://phish.example/f) " * 400
OVERSIZED = [("moldova", "Refugees cross into Moldova " + "**[x](https://phish.example)** " * 200, LONG_LINK,
              f"<p>UNHCR said 300,000 refugees have crossed into Moldova. {MARKDOWN}</p>", 20),
             ("romania", "Refugees reach Romania " + MARKDOWN, "https://wire.example/romania",
              f"<p>UNHCR said 100,000 refugees reached Romania, officials said. {MARKDOWN}</p>", 10)]
_LIVE_LINK = re.compile(r"(?<!\\)\[((?:\\.|[^\]\\])*)\]\((\S*?)\)")


def hostile_rss(title: str, items: list[tuple[str, str, str, str, int]]) -> str:
    """A feed with `title` and (guid, title, link, html, minutes ago) items."""
    now = datetime.now(UTC)
    body = "".join(f"<item><guid>{guid}</guid><title>{escape(head)}</title><link>{escape(link)}</link>"
                   f"<description>{escape(html)}</description>"
                   f"<pubDate>{format_datetime(now - timedelta(minutes=ago))}</pubDate></item>"
                   for guid, head, link, html, ago in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>{escape(title)}</title>'
            f"<link>https://wire.example/</link><description>news</description>{body}</channel></rss>")


@pytest.fixture
async def room(tmp_path: Path) -> AsyncIterator[Newsroom]:
    async with open_newsroom(tmp_path, FIRST_NEWS) as newsroom:
        yield newsroom


async def schedule_digest(room: Newsroom, channel: int) -> None:
    """A daily digest due two minutes ago, set an hour before. In plain SQL: the running bot
    holds the SQLite file, which serves one Newsdesk process (a second Store is refused)."""
    now = datetime.now(UTC)
    set_at = (now - timedelta(hours=1)).replace(tzinfo=None).isoformat(sep=" ")
    room.query("INSERT INTO guild_settings (guild_id, digest_channel_id, digest_time, digest_timezone,"
               " digest_set_at) VALUES (?, ?, ?, 'UTC', ?) ON CONFLICT (guild_id) DO UPDATE SET"
               " digest_channel_id = excluded.digest_channel_id, digest_time = excluded.digest_time,"
               " digest_timezone = 'UTC', digest_set_at = excluded.digest_set_at",
               room.fake.guild.id, channel, f"{now - timedelta(minutes=2):%H:%M}", set_at)


def rendered(message: dict[str, Any]) -> list[str]:
    """The parts where Discord renders markdown and mentions (not footers: they show as typed)."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds") or []:
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f.get(k) or "" for f in embed.get("fields") or [] for k in ("name", "value")]
    return parts


def assert_deliverable(message: dict[str, Any]) -> None:
    for embed in message.get("embeds") or []:
        assert len(embed.get("url") or "") <= URL_LIMIT
    for text in rendered(message):
        assert "@everyone" not in text
        assert all("phish.example" not in target for _, target in _LIVE_LINK.findall(text))


async def test_stories_at_every_limit_reach_every_channel(room: Newsroom) -> None:
    """One oversized story (a source named in ~4,000 characters makes an embed of title 256 +
    description 4,096 + footer 2,048) used to make the digest fail to render: `/digest now`
    said "Something went wrong" and the delivery job stopped before sending anything, to any
    server, for as long as the story was in the window."""
    wire = room.feeds.url("/wire.xml")
    # Configuration and ingest now cap names and titles; a store written before they did may
    # hold such a name, and renderers must cope with whatever is stored.
    store = await Store.open(f"sqlite:///{room.database}")
    await store.add_feed(wire, now=datetime.now(UTC), name=HUGE_TITLE, operator=True)
    await store.close()
    room.config.write_text(bot_config(room.database, {wire: "Kyiv Wire"}).replace(
        'name = "Kyiv Wire"\n', ""))
    await room.start_bot()
    fake = room.fake
    general = fake.guild.channels["general"]
    await answered(fake, "alerts add", {"query": "refugees", "deliver": "channel"}, user=fake.member,
                   channel=general)
    await room.wait_enriched(3, timeout=60)
    now = await answered(fake, "digest now", {"hours": 24}, within=30)
    assert "went wrong" not in now.text()
    embeds = [e for m in now.messages for e in m.get("embeds") or []]
    assert len(embeds) == 3 and all("Kyiv Wire" in (e.get("footer") or {}).get("text", "") for e in embeds)
    for message in now.messages:
        assert_deliverable(message)
    news = fake.guild.channels["news"]
    await schedule_digest(room, news)
    room.feeds.serve("/wire.xml", hostile_rss(HUGE_TITLE, [*map(as_item, FIRST_NEWS), *OVERSIZED]))
    scheduled = await fake.wait_for_messages(news, 1, timeout=60)
    [alert, *_] = await fake.wait_for_messages(general, 1, timeout=60)
    for message in [*scheduled, alert]:
        assert_deliverable(message)
    assert alert["content"].startswith(f"<@{fake.member}>")
    assert room.query("SELECT count(*) FROM outbox WHERE status = 'dropped'") == [(0,)]


def as_item(story: Story) -> tuple[str, str, str, str, int]:
    return story.key, story.title, f"https://wire.example/{story.key}", story.text, story.minutes_ago


async def test_feed_errors_that_quote_the_server_arrive_inert_and_whole(room: Newsroom) -> None:
    """A redirect target is the feed server's words: it reached the member with its markdown
    live, and over 2,000 characters the member got nothing at all."""
    await room.start_bot()
    target = "/loop.xml?next=[Log in again](https://phish.example/login)&who=@everyone&" + "x" * 3000
    room.feeds.redirect("/loop.xml", target)
    refused = await answered(room.fake, "feeds add", {"url": room.feeds.url("/loop.xml")}, within=40,
                             user=room.fake.admin)
    [message] = refused.messages
    text = message.get("content") or ""
    assert "could not read a feed" in text and "redirect" in text, text
    assert 100 < len(text) <= 2000 and text.endswith("…")
    assert not _LIVE_LINK.search(text) and "@everyone" not in text
