"""Newsdesk end to end: the real `python bot.py run` in a subprocess, against the fake Discord
on 127.0.0.1 and a loopback feed server. What reached "Discord" is what is asserted."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from digests.store.core import Store
from e2e.newsroom import FIRST_NEWS, LATER_NEWS, Newsroom, Story, answered, open_newsroom, rss


@pytest.fixture
async def room(tmp_path: Path) -> AsyncIterator[Newsroom]:
    async with open_newsroom(tmp_path, FIRST_NEWS) as newsroom:
        yield newsroom


async def seed_schedule(room: Newsroom, channel: int, *, minutes_ago: int = 2) -> None:
    """A daily digest due a moment ago, set an hour before: as if the bot had been down."""
    now = datetime.now(UTC)
    store = await Store.open(f"sqlite:///{room.database}")
    await store.set_digest_schedule(room.fake.guild.id, channel_id=channel,
                                    time=f"{now - timedelta(minutes=minutes_ago):%H:%M}",
                                    timezone="UTC", now=now - timedelta(hours=1))
    await store.close()


def option_names(command: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {o["name"]: o for o in command.get("options", [])}


async def test_commands_are_synced_exactly_as_the_contract_names_them(room: Newsroom) -> None:
    await room.start_bot()
    synced = {c["name"]: c for c in room.fake.commands[None]}
    assert set(synced) == {"feeds", "digest", "ask", "figures", "who", "alerts", "status"}
    feeds = option_names(synced["feeds"])
    assert set(feeds) == {"add", "list", "remove", "pause", "resume", "import", "export"}
    assert [(o["name"], o["type"], o.get("required", False)) for o in feeds["import"]["options"]] == [
        ("file", 11, True)]
    assert [(o["name"], o.get("required", False)) for o in feeds["add"]["options"]] == [
        ("url", True), ("name", False)]
    for sub in ("remove", "pause", "resume"):
        assert feeds[sub]["options"][0]["name"] == "feed" and feeds[sub]["options"][0]["autocomplete"]
    digest = option_names(synced["digest"])
    hours = digest["now"]["options"][0]
    assert (hours["name"], hours["min_value"], hours["max_value"], hours.get("required", False)) == (
        "hours", 1, 168, False)
    schedule = option_names(digest["schedule"])
    assert set(schedule) == {"channel", "time", "timezone"} and schedule["timezone"]["autocomplete"]
    assert schedule["channel"]["type"] == 7 and not schedule["timezone"].get("required", False)
    alerts = option_names(synced["alerts"])
    deliver = option_names(alerts["add"])["deliver"]
    assert [c["value"] for c in deliver["choices"]] == ["dm", "channel"]
    mute = alerts["mute"]["options"][0]
    assert (mute["min_value"], mute["max_value"]) == (1, 168)
    assert option_names(synced["who"])["name"]["autocomplete"]
    assert option_names(synced["figures"])["topic"]["autocomplete"]
    assert not option_names(synced["figures"])["topic"].get("required", False)
    assert all(c.get("contexts") == [0] or c.get("dm_permission") is False for c in synced.values())


async def test_members_get_cited_answers_digests_and_status(room: Newsroom) -> None:
    await room.start_bot()
    await room.wait_enriched(3)
    fake = room.fake
    ask = await answered(fake, "ask", {"question": "How many refugees have fled Ukraine?"})
    assert "500,000" in ask.text() and "https://wire.example/refugees-1" in ask.text()
    who = await answered(fake, "who", {"name": "Mykhailo Podolyak"})
    assert "adviser to the president" in who.text() and "wire.example/talks-1" in who.text()
    figures = await answered(fake, "figures")
    assert "3,800" in figures.text() and "500,000" in figures.text()
    digest = await answered(fake, "digest now", {"hours": 24})
    assert "3 stories from 1 source" in digest.text() and not digest.ephemeral
    status = await answered(fake, "status")
    assert status.ephemeral and "1 ok · 0 failing · 0 paused" in status.text()
    listing = await answered(fake, "feeds list")
    assert "Wire" in listing.text() and "3 items stored" in listing.text()
    unknown = await answered(fake, "ask", {"question": "How many penguins live on Mars?"})
    assert "don't know" in unknown.text().lower() or "nothing" in unknown.text().lower()
    names = await fake.autocomplete("who", {"name": "Pod"}, "name")
    assert [c["name"] for c in names] == ["Mykhailo Podolyak"]
    zones = await fake.autocomplete("digest schedule", {"timezone": "kyi"}, "timezone",
                                    user=fake.admin)
    assert zones[0]["value"] == "Europe/Kyiv" and len(zones) <= 25


async def test_admin_commands_are_refused_to_members_whatever_the_overrides(room: Newsroom) -> None:
    await room.start_bot()
    fake = room.fake
    news = fake.guild.channels["news"]
    room.feeds.serve("/second.xml", rss("Second", LATER_NEWS))
    attempts = [("feeds add", {"url": room.feeds.url("/second.xml")}), ("feeds remove", {"feed": "Wire"}),
                ("feeds pause", {"feed": "Wire"}), ("feeds resume", {"feed": "Wire"}),
                ("digest schedule", {"channel": news, "time": "08:00"}), ("digest off", {})]
    for command, options in attempts:
        record = await fake.invoke(command, options, user=fake.member, enforce_default_permissions=False)
        await record.wait_done(timeout=10)
        assert record.ephemeral and "Manage Server" in record.text(), command
    added = await answered(fake, "feeds add", {"url": room.feeds.url("/second.xml"), "name": "Second"},
                           user=fake.admin)
    assert "Now following **Second**" in added.text() and "2 items" in added.text()
    choices = await fake.autocomplete("feeds pause", {"feed": ""}, "feed", user=fake.admin)
    assert [c["name"].split(" (")[0] for c in choices] == ["Wire", "Second"]
    paused = await answered(fake, "feeds pause", {"feed": choices[1]["value"]}, user=fake.admin)
    assert "Paused **Second**" in paused.text()
    resumed = await answered(fake, "feeds resume", {"feed": "Second"}, user=fake.admin)
    assert "Resumed" in resumed.text()
    scheduled = await answered(fake, "digest schedule",
                               {"channel": news, "time": "07:30", "timezone": "Europe/Kyiv"}, user=fake.admin)
    assert f"<#{news}>" in scheduled.text() and "07:30 (Europe/Kyiv)" in scheduled.text()
    bad = await answered(fake, "digest schedule", {"channel": news, "time": "25:99"}, user=fake.admin)
    assert bad.ephemeral and "HH:MM" in bad.text()
    status = await answered(fake, "status", user=fake.admin)
    assert f"in <#{news}>" in status.text()
    removed = await answered(fake, "feeds remove", {"feed": "Second"}, user=fake.admin)
    assert "No longer following **Second**" in removed.text()
    off = await answered(fake, "digest off", user=fake.admin)
    assert "off" in off.text()


async def test_scheduled_digest_is_posted_once_across_restarts_a_429_and_a_502(room: Newsroom) -> None:
    bot = await room.start_bot()
    await room.wait_enriched(3)
    await bot.stop()
    news = room.fake.guild.channels["news"]
    await seed_schedule(room, news)
    room.fake.rate_limit_next("POST", "/channels/*/messages", retry_after=0.5)
    room.fake.fail_next("POST", "/channels/*/messages", status=502, code=0, message="Bad Gateway")
    await room.start_bot()
    [posted] = await room.fake.wait_for_messages(news, 1, timeout=20)
    assert posted["content"].startswith("Daily digest") and "3 stories" in posted["content"]
    assert posted["embeds"] and posted["nonce"].startswith("newsdesk-")
    statuses = [r.status for r in room.fake.requests_to("POST", "/channels/*/messages")]
    assert statuses == [429, 502, 200]
    await room.stop_all()
    await room.start_bot()
    await asyncio.sleep(3)  # a few delivery ticks
    assert len(room.fake.channel_messages(news)) == 1
    assert room.query("SELECT status, count(*) FROM outbox GROUP BY status") == [("sent", 1)]


async def test_alerts_arrive_once_and_only_for_matching_new_stories(room: Newsroom) -> None:
    await room.start_bot()
    await room.wait_enriched(3)
    fake = room.fake
    general = fake.guild.channels["general"]
    await answered(fake, "alerts add", {"query": "refugees -markets"}, user=fake.member)
    await answered(fake, "alerts add", {"query": '"stock markets" OR oil', "deliver": "channel"},
                   user=fake.admin, channel=general)
    await answered(fake, "alerts add", {"query": "tanks"}, user=fake.admin)
    await room.after_two_polls()
    room.publish(FIRST_NEWS + LATER_NEWS)
    [dm] = await fake.wait_for_dms(fake.member, 1, timeout=30)
    assert "One million refugees" in dm["embeds"][0]["title"] and "refugees -markets" in dm["content"]
    [ping] = await fake.wait_for_messages(general, 1, timeout=30)
    assert ping["content"].startswith(f"<@{fake.admin}>")
    assert "Stock markets fall" in ping["embeds"][0]["title"]
    assert ping["allowed_mentions"]["users"] == [str(fake.admin)] or \
        ping["allowed_mentions"]["users"] == [fake.admin]
    await asyncio.sleep(2)
    await room.stop_all()
    await room.start_bot()
    sport = Story("sport-3", "Football final postponed", "The final was moved.", 1)
    room.publish([*FIRST_NEWS, *LATER_NEWS, sport])
    await room.wait_enriched(6)
    await asyncio.sleep(2)
    assert len(fake.dm_messages(fake.member)) == 1
    assert len(fake.channel_messages(general)) == 1
    assert fake.dm_messages(fake.admin) == []  # "tanks" matched nothing


async def test_closed_dms_are_told_once_in_the_channel(room: Newsroom) -> None:
    await room.start_bot()
    await room.wait_enriched(3)
    fake = room.fake
    general = fake.guild.channels["general"]
    fake.close_dms(fake.member)
    await answered(fake, "alerts add", {"query": "refugees"}, user=fake.member, channel=general)
    room.publish(FIRST_NEWS + LATER_NEWS)
    [notice] = await fake.wait_for_messages(general, 1, timeout=30)
    assert notice["content"].startswith(f"<@{fake.member}>") and "DMs are closed" in notice["content"]
    assert "One million refugees" in notice["embeds"][0]["title"]
    room.publish(FIRST_NEWS + LATER_NEWS + [
        Story("refugees-3", "Refugees reach Moldova", "Refugees crossed into Moldova overnight.", 1)])
    await room.wait_enriched(6)
    await asyncio.sleep(2)
    assert len(fake.channel_messages(general)) == 1


async def test_a_missing_permission_pauses_delivery_and_shows_in_status(room: Newsroom) -> None:
    bot = await room.start_bot()
    await room.wait_enriched(3)
    await bot.stop()
    news = room.fake.guild.channels["news"]
    await seed_schedule(room, news)
    room.fake.forbid_channel(news)
    await room.start_bot()
    await room.wait_for("SELECT 1 FROM outbox WHERE status = 'blocked'")
    status = await answered(room.fake, "status", user=room.fake.admin)
    assert "Deliveries paused" in status.text() and "missing permission" in status.text()
    assert room.fake.channel_messages(news) == []


async def test_a_crash_between_sending_and_recording_posts_the_digest_once(room: Newsroom) -> None:
    """SIGKILL while Discord has the message but the bot has not recorded it: the restart sends
    again with the same nonce, and Discord answers with the message it already has."""
    bot = await room.start_bot()
    await room.wait_enriched(3)
    await bot.stop()
    news = room.fake.guild.channels["news"]
    await seed_schedule(room, news)
    room.fake.hold_next("POST", "/channels/*/messages", seconds=4)
    crashing = await room.start_bot()
    await room.fake.wait_for_messages(news, 1, timeout=20)
    crashing.kill()
    await asyncio.sleep(0.3)
    assert room.query("SELECT status FROM outbox") == [("pending",)]
    await room.start_bot()
    await room.wait_for("SELECT message_id FROM outbox WHERE status = 'sent'")
    [message] = room.fake.channel_messages(news)
    assert room.query("SELECT message_id FROM outbox") == [(int(message["id"]),)]


async def test_gateway_drops_are_resumed_and_sigterm_stops_cleanly(room: Newsroom) -> None:
    bot = await room.start_bot()
    await room.fake.drop_connection()
    await answered(room.fake, "status")
    await room.fake.reconnect()
    await answered(room.fake, "alerts list")
    assert room.fake.resumes >= 2
    assert bot.process is not None
    bot.process.send_signal(signal.SIGTERM)
    assert await asyncio.wait_for(bot.process.wait(), 15) == 0
    assert "SIGTERM received" in room.log()
