"""Server status, feed changes and the bot's own notices as Discord messages."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import discord

from cogs import limits
from cogs.limits import Payload, check, escape, fit
from digests.models import Feed, FeedStatus
from digests.servers.deliveries import next_digest_at
from digests.store.servers import GuildSettings, OutboxRow

NAME = 100
REASON = 300
URL = 300


def _when(moment: datetime | None) -> str:
    return f"<t:{int(moment.timestamp())}:f>" if moment else "never"


def _name(feed: Feed) -> str:
    return fit(escape(feed.display_name), NAME)


def render_status(feeds: Sequence[Feed], *, next_digest: datetime | None, digest_channel: int | None,
                  blocked: Sequence[OutboxRow]) -> Payload:
    """Feeds ok / failing / paused, items stored, last poll, next digest, and blocked deliveries."""
    by_status = {s: [f for f in feeds if f.status is s] for s in FeedStatus}
    polled = [f.last_polled_at for f in feeds if f.last_polled_at]
    embed = discord.Embed(title="Newsdesk status")
    embed.add_field(name="Feeds", value=(
        f"{len(by_status[FeedStatus.OK])} ok · {len(by_status[FeedStatus.FAILING])} failing · "
        f"{len(by_status[FeedStatus.PAUSED])} paused"), inline=False)
    embed.add_field(name="Items stored", value=f"{sum(f.item_count for f in feeds):,}", inline=True)
    embed.add_field(name="Last poll", value=_when(max(polled) if polled else None), inline=True)
    digest = (f"{_when(next_digest)} in <#{digest_channel}>" if next_digest and digest_channel
              else "not scheduled — an admin can set one with `/digest schedule`")
    embed.add_field(name="Next digest", value=digest, inline=False)
    problems = [f"{_name(f)}: failing since {_when(f.failing_since)}" for f in by_status[FeedStatus.FAILING]]
    problems += [f"{_name(f)}: paused ({fit(escape(f.paused_reason or 'no reason given'), REASON)})"
                 for f in by_status[FeedStatus.PAUSED]]
    if problems:
        embed.add_field(name="Feeds needing attention", value=fit("\n".join(problems), limits.FIELD_VALUE),
                        inline=False)
    if blocked:
        reasons = dict.fromkeys(fit(escape(r.last_error or "no permission"), REASON) for r in blocked)
        embed.add_field(name="Deliveries paused", value=fit(
            f"{len(blocked)} message(s) wait: " + "; ".join(reasons) +
            ". Give the bot View Channel, Send Messages and Embed Links there; it retries hourly.",
            limits.FIELD_VALUE), inline=False)
    return check(Payload(None, (embed,)))


def render_paused_notice(feed: Feed) -> Payload:
    """Said in the digest channel when the bot pauses a feed, with how to resume it."""
    reason = fit(escape(feed.paused_reason or "it kept failing"), REASON)
    error = fit(escape(feed.last_error or "none recorded"), REASON)
    return check(Payload(
        f"I paused the feed **{_name(feed)}** ({_url(feed)}): {reason}. Its last error: {error}. "
        f"An admin can start it again with `/feeds resume` once it works."))


def _url(feed: Feed) -> str:
    return fit(escape(feed.url), URL)


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
