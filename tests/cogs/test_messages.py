"""Alert, status and notice payloads; the outbox's JSON form; errors as members read them."""

from __future__ import annotations

import asyncio
import re
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import discord
import pytest
from discord import app_commands

from cogs.common import choice
from cogs.errors import UNEXPECTED, NewsdeskTree, error_message
from cogs.limits import Payload, violations
from cogs.outbox import from_body, to_body
from cogs.render import render_feed_list
from cogs.render_alerts import render_alert, render_dms_closed, render_subscriptions
from cogs.render_status import render_paused_notice, render_status
from digests.errors import FetchError
from digests.models import Feed, Source
from digests.news.digest import DigestFigure, DigestQuote, DigestStory
from digests.servers.alerts import QueryError
from digests.servers.following import FeedUnreadable
from digests.servers.status import Backlog
from digests.store.servers import OutboxRow, Subscription

NOW = datetime(2022, 3, 3, 12, tzinfo=UTC)
NASTY = "@everyone <@123> <@&456> [click](http://evil.example) **b** " * 40


def story(n: int) -> DigestStory:
    source = Source(n, "Wire", f"https://wire.example/{n}", NOW)
    return DigestStory(title=f"Story {n} {NASTY}", url=source.url,
                       summary=(DigestQuote(NASTY, source),),
                       figures=(DigestFigure("1 million", "people fled", "UNHCR", source),),
                       people=(), sources=("Wire",), first_seen_at=NOW, last_seen_at=NOW, item_count=1)


def feed(**changes: object) -> Feed:
    base: dict[str, object] = dict(
        id=1, url="https://wire.example/feed?" + "x" * 3000, title=NASTY, name=None, site_url=None,
        full_text=False, etag=None, last_modified=None, body_hash=None, paused=False,
        paused_reason=None, failing_since=None, failure_count=0, last_error=None,
        last_success_at=NOW, last_polled_at=NOW, next_check_at=NOW, first_polled=True, item_count=12)
    base.update(changes)
    return Feed(**base)  # type: ignore[arg-type]


def test_channel_alert_pings_the_member_and_nobody_else() -> None:
    [payload] = render_alert([story(1)], ["ukraine refugees"], mention=42)
    assert payload.content is not None and payload.content.startswith("<@42> A new story matches")
    assert [u.id for u in payload.allowed_mentions.users] == [42]  # type: ignore[union-attr]
    assert not payload.allowed_mentions.everyone and not payload.allowed_mentions.roles
    assert "@everyone" not in (payload.embeds[0].title or "").replace("@\u200beveryone", "")
    assert violations(payload) == []


def test_a_dm_alert_mentions_nobody_and_a_bundle_splits_within_limits() -> None:
    payloads = render_alert([story(n) for n in range(15)], ["a", "b", "a"], mention=None)
    assert payloads[0].content == "15 new stories match your alert `a`, `b`"
    assert sum(len(p.embeds) for p in payloads) == 15 and len(payloads) >= 2
    for payload in payloads:
        assert violations(payload) == [] and payload.allowed_mentions.users is False


def test_the_outbox_keeps_a_payload_exactly() -> None:
    [payload] = render_alert([story(1)], ["q"], mention=42)
    back = from_body(to_body(payload))
    assert back.content == payload.content
    assert [e.to_dict() for e in back.embeds] == [e.to_dict() for e in payload.embeds]
    assert [u.id for u in back.allowed_mentions.users] == [42]  # type: ignore[union-attr]
    plain = from_body(to_body(Payload("hello")))
    assert plain.allowed_mentions.users is False and plain.allowed_mentions.everyone is False


def test_closed_dms_notice_carries_the_alert() -> None:
    [alert] = render_alert([story(1)], ["q"], mention=None)
    notice = render_dms_closed(42, alert)
    assert "DMs are closed" in (notice.content or "") and notice.embeds == alert.embeds
    assert violations(notice) == []


def test_status_and_notices_stay_within_limits_with_hostile_feeds() -> None:
    feeds = [feed(id=n, failing_since=NOW - timedelta(days=1), last_error=NASTY) for n in range(30)]
    feeds += [feed(id=99, paused=True, paused_reason=NASTY)]
    row = OutboxRow(1, "k", 0, "digest", "{}", 1, 2, None, "blocked", 3, "missing permission " + NASTY, NOW)
    payload = render_status(feeds, next_digest=NOW, digest_channel=2, blocked=[row],
                            backlog=Backlog(12_345, NOW - timedelta(minutes=5)))
    assert violations(payload) == []
    text = str(payload.embeds[0].to_dict())
    assert "30 failing" in text and "1 paused" in text and "Deliveries paused" in text
    assert "12,345 items to read, the oldest arrived <t:" in text
    idle = render_status(feeds, next_digest=NOW, digest_channel=2, blocked=[])
    assert "all caught up" in str(idle.embeds[0].to_dict())
    notice = render_paused_notice(feed(paused=True, paused_reason="failing for 3 days", last_error=NASTY))
    assert violations(notice) == [] and "/feeds resume" in (notice.content or "")


def test_subscription_list_shows_how_each_is_delivered() -> None:
    subs = [Subscription(n, 1, 5, f'"topic {n}" OR x', "dm" if n % 2 else "channel", 9, NOW)
            for n in range(25)]
    payload = render_subscriptions(subs)
    assert violations(payload) == []
    assert "by direct message" in (payload.embeds[0].description or "")
    assert "<#9>" in (payload.embeds[0].description or "")


def test_errors_read_as_plain_sentences() -> None:
    assert error_message(QueryError("A quote is not closed.")) == "A quote is not closed."
    wrapped = app_commands.CommandInvokeError.__new__(app_commands.CommandInvokeError)
    wrapped.original = RuntimeError("Traceback (most recent call last)")
    assert error_message(wrapped) == UNEXPECTED
    assert error_message(app_commands.CheckFailure("Only admins.")) == "Only admins."


# Errors carry what a feed's server said ---------------------------------------------------------

SERVER_SAID = ("HTTP 500 [Log in again](https://phish.example/login) @everyone <@&456>\n# Urgent\n"
               "\u202egnp.exe\u202c " + "E" * 5000)
_LIVE_LINK = re.compile(r"(?<!\\)\[[^\]]*\]\([^)]*\)")


def _assert_inert_and_bounded(text: str, limit: int) -> None:
    assert len(text) <= limit
    assert not _LIVE_LINK.search(text) and "@everyone" not in text and "<@&456>" not in text
    assert "\u202e" not in text and "\n#" not in text


@pytest.mark.parametrize("error", [
    FeedUnreadable(f"I could not read a feed at https://wire.example/feed: {SERVER_SAID}"),
    FetchError("redirect-loop", "redirect loop at https://wire.example/[x](https://phish.example) "
               + "@here " * 1000),
    app_commands.TransformerError("[x](https://phish.example) @everyone " * 200, 3,
                                  app_commands.transformers.IdentityTransformer(discord.AppCommandOptionType.string)),
])
def test_command_errors_are_inert_and_fit_a_message(error: Exception) -> None:
    """What a feed's server said (a status line, a Location header) reached the member as
    markdown (a masked link rendered) and unbounded (over 2,000 characters, nothing arrived)."""
    shown = error_message(error)
    _assert_inert_and_bounded(shown, 2000)
    assert shown.endswith("…")


def test_the_error_handler_sends_the_inert_words() -> None:
    sent: list[str] = []

    class Response:
        def is_done(self) -> bool:
            return False

        async def send_message(self, message: str, *, ephemeral: bool) -> None:
            sent.append(message)

    interaction = SimpleNamespace(response=Response(), command=None)
    tree = NewsdeskTree.__new__(NewsdeskTree)
    error = app_commands.CommandInvokeError.__new__(app_commands.CommandInvokeError)
    error.original = FeedUnreadable(SERVER_SAID)
    asyncio.run(tree.on_error(interaction, error))  # type: ignore[arg-type]
    [message] = sent
    _assert_inert_and_bounded(message, 2000)
    assert "\\[Log in again\\](https://phish.example/login)" in message


def test_feed_errors_in_lists_status_and_notices_are_inert_lines() -> None:
    failing = feed(id=1, failing_since=NOW, last_error=SERVER_SAID)
    paused = feed(id=2, paused=True, paused_reason=SERVER_SAID, last_error=SERVER_SAID)
    row = OutboxRow(1, "k", 0, "digest", "{}", 1, 2, None, "blocked", 3, SERVER_SAID, NOW)
    status = render_status([failing, paused], next_digest=NOW, digest_channel=2, blocked=[row])
    listing = render_feed_list([failing, paused])
    notice = render_paused_notice(paused)
    for payload in [status, notice, *listing]:
        assert violations(payload) == []
        for text in [payload.content or "", *(f.value or "" for e in payload.embeds for f in e.fields)]:
            _assert_inert_and_bounded(text, 2000)
    assert "gnp.exe" in (notice.content or "") and "\\[Log in again\\]" in (notice.content or "")


def test_autocomplete_names_from_feeds_are_short_and_visible() -> None:
    """A feed's title is the feed server's words: a megabyte of it, or bidi overrides, must not
    reach the member's autocomplete list."""
    shown = choice("\u202egnp.exe\u202c Wire  " + "W" * 1_000_000, "7")
    assert len(shown.name) <= 100 and shown.name.startswith("gnp.exe Wire W") and shown.name.endswith("…")
    assert shown.value == "7"
    assert choice("  Kyiv Wire (ok) ", "1").name == "Kyiv Wire (ok)"
    assert choice("\u200b", "1").name == "1"
