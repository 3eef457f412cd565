"""Server status, feed changes and the bot's own notices as Discord messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import discord

from cogs import limits
from cogs.limits import Payload, check, error_text, fit, fit_embed, fit_lines, inert
from digests.models import Feed, FeedStatus
from digests.servers.deliveries import next_digest_at
from digests.servers.status import Backlog
from digests.store.servers import GuildSettings, OutboxRow

NAME = 100
REASON = 300
URL = 300
CAUGHT_UP = Backlog()
BLOCKED_ADVICE = ". Give the bot View Channel, Send Messages and Embed Links there; it retries hourly."


def _when(moment: datetime | None) -> str:
    return f"<t:{int(moment.timestamp())}:f>" if moment else "never"


def _name(feed: Feed) -> str:
    return inert(feed.display_name, NAME)


def render_status(feeds: Sequence[Feed], *, next_digest: datetime | None, digest_channel: int | None,
                  blocked: Sequence[OutboxRow], backlog: Backlog = CAUGHT_UP) -> Payload:
    """Feeds ok / failing / paused, items stored and still to read, last poll, next digest, and
    blocked deliveries."""
    by_status = {s: [f for f in feeds if f.status is s] for s in FeedStatus}
    polled = [f.last_polled_at for f in feeds if f.last_polled_at]
    embed = discord.Embed(title="Newsdesk status")
    embed.add_field(name="Feeds", value=(
        f"{len(by_status[FeedStatus.OK])} ok · {len(by_status[FeedStatus.FAILING])} failing · "
        f"{len(by_status[FeedStatus.PAUSED])} paused"), inline=False)
    embed.add_field(name="Items stored", value=f"{sum(f.item_count for f in feeds):,}", inline=True)
    embed.add_field(name="Last poll", value=_when(max(polled) if polled else None), inline=True)
    embed.add_field(name="Reading", value=_reading(backlog), inline=True)
    digest = (f"{_when(next_digest)} in <#{digest_channel}>" if next_digest and digest_channel
              else "not scheduled — an admin can set one with `/digest schedule`")
    embed.add_field(name="Next digest", value=digest, inline=False)
    attention = [*by_status[FeedStatus.FAILING], *by_status[FeedStatus.PAUSED]]
    if attention:
        embed.add_field(name="Feeds needing attention", value=fit_lines(map(_problem, attention),
                                                                        limits.FIELD_VALUE), inline=False)
    if blocked:
        embed.add_field(name="Deliveries paused", value=_blocked(blocked), inline=False)
    return check(Payload(None, (fit_embed(embed),)))


def _reading(backlog: Backlog) -> str:
    if not backlog.items:
        return "all caught up"
    since = f", the oldest arrived <t:{int(backlog.oldest_arrival.timestamp())}:R>" \
        if backlog.oldest_arrival else ""
    return f"{backlog.items:,} item{'s' if backlog.items != 1 else ''} to read{since}"


def _blocked(rows: Sequence[OutboxRow]) -> str:
    lead = f"{len(rows)} message(s) wait: "
    errors = dict.fromkeys((r.last_error or "no permission")[:2 * REASON] for r in rows)
    room = limits.FIELD_VALUE - len(lead) - len(BLOCKED_ADVICE)
    reasons = fit_lines((error_text(e, REASON) for e in errors), room, separator="; ")
    return fit(lead + reasons + BLOCKED_ADVICE, limits.FIELD_VALUE)


def _problem(feed: Feed) -> str:
    if feed.status is FeedStatus.FAILING:
        return f"{_name(feed)}: failing since {_when(feed.failing_since)}"
    return f"{_name(feed)}: paused ({error_text(feed.paused_reason or 'no reason given', REASON)})"


def render_paused_notice(feed: Feed) -> Payload:
    """Said in the digest channel when the bot pauses a feed, with how to resume it."""
    reason = error_text(feed.paused_reason or "it kept failing", REASON)
    error = error_text(feed.last_error or "none recorded", REASON)
    return check(Payload(fit(
        f"I paused the feed **{_name(feed)}** ({_url(feed)}): {reason}. Its last error: {error}. "
        f"An admin can start it again with `/feeds resume` once it works.", limits.CONTENT)))


def _url(feed: Feed) -> str:
    return inert(feed.url, URL)


def render_feed_added(feed: Feed, *, already: bool) -> Payload:
    title = _name(feed)
    held = f"{feed.item_count:,} item{'s' if feed.item_count != 1 else ''}"
    lead = "This server already follows" if already else "Now following"
    return check(Payload(fit(f"{lead} **{title}** ({_url(feed)}), which holds {held}. "
                             "Items from this first read are kept but never alerted on; new stories "
                             "arrive with the next polls.", limits.CONTENT)))


def render_feed_changed(feed: Feed, verb: str) -> Payload:
    return check(Payload(fit(f"{verb} **{_name(feed)}**.", limits.CONTENT)))


def render_schedule_set(settings: GuildSettings, now: datetime, warning: str | None) -> Payload:
    following = next_digest_at(settings, now)
    text = (f"The daily digest will be posted in <#{settings.digest_channel_id}> at "
            f"{settings.digest_time} ({settings.digest_timezone}); the next one {_when(following)}.")
    if warning:
        text += f"\n⚠️ {warning}"
    return check(Payload(fit(text, limits.CONTENT)))
