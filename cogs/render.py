"""Engine values as Discord messages: pure functions from digests, answers and feeds to payloads."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

import discord

from cogs import limits
from cogs.limits import Payload, check, cite, escape, fit
from digests.models import Feed, FeedStatus
from digests.news.answers import Answer, Quote
from digests.news.digest import Digest, DigestFigure, DigestStory
from digests.news.wording import count, day, digest_heading, sources_line

EMPTY_DIGEST = "Nothing was published in this window."
FEED_NAME = 100
FEED_ERROR = 300


def render_digest(digest: Digest, *, tz: ZoneInfo | None = None) -> list[Payload]:
    """A header message, then one embed per story, packed into as few messages as the limits allow."""
    header = fit(_digest_header(digest, tz), limits.CONTENT)
    if not digest.stories:
        return [check(Payload(f"{header}\n{EMPTY_DIGEST}"))]
    embeds = [story_embed(story, tz) for story in digest.stories]
    return [check(Payload(header if n == 0 else None, tuple(group)))
            for n, group in enumerate(pack_embeds(embeds))]


def _digest_header(digest: Digest, tz: ZoneInfo | None) -> str:
    return digest_heading(digest, _local(digest.window_end, tz))


def _local(moment: datetime, tz: ZoneInfo | None) -> datetime:
    return moment.astimezone(tz) if tz is not None else moment


def story_embed(story: DigestStory, tz: ZoneInfo | None) -> discord.Embed:
    lines = [f"> {escape(q.text)}\n— {escape(q.source.feed_name)}" for q in story.summary]
    lines += [_figure_line(f) for f in story.figures]
    embed = discord.Embed(title=fit(escape(story.title), limits.EMBED_TITLE), url=story.url,
                          description=fit("\n".join(lines), limits.EMBED_DESCRIPTION) or None)
    when = _local(story.last_seen_at, tz)
    return embed.set_footer(text=fit(f"{sources_line(story.sources)} · {day(when)}", limits.FOOTER))


def _figure_line(figure: DigestFigure) -> str:
    said = f" — {figure.said_by}" if figure.said_by else ""
    return "▸ " + escape(f"{figure.value} {figure.counted or ''}".rstrip() + said)


def pack_embeds(embeds: Iterable[discord.Embed]) -> list[list[discord.Embed]]:
    """Embeds in order, grouped so no message exceeds 10 embeds or 6,000 embed characters."""
    groups: list[list[discord.Embed]] = [[]]
    size = 0
    for embed in embeds:
        if len(groups[-1]) == limits.EMBEDS_PER_MESSAGE or size + len(embed) > limits.EMBED_TOTAL:
            groups.append([])
            size = 0
        groups[-1].append(embed)
        size += len(embed)
    return groups


def render_answer(answer: Answer) -> Payload:
    """The headline, then up to three quotes with source, date and link; plain words when not found."""
    if not answer.found or not answer.quotes:
        return check(Payload(fit(escape(answer.headline), limits.CONTENT)))
    embed = discord.Embed(title=fit(escape(answer.headline), limits.EMBED_TITLE))
    for number, quote in enumerate(answer.quotes[:3], start=1):
        embed.add_field(name=f"Quote {number}", value=_quote_value(quote), inline=False)
    return check(Payload(None, (embed,)))


def _quote_value(quote: Quote) -> str:
    citation = cite(quote.source)
    room = limits.FIELD_VALUE - len(citation) - len("“”\n— ")
    return f"“{fit(escape(quote.text), room)}”\n— {citation}"


def render_feed_list(feeds: Sequence[Feed]) -> list[Payload]:
    """Each feed's name, status, last successful poll and items stored, in as many embeds as needed."""
    if not feeds:
        return [check(Payload("No feeds are followed yet."))]
    fields = [(fit(escape(feed.display_name), FEED_NAME), _feed_value(feed)) for feed in feeds]
    return [check(Payload(None, tuple(group))) for group in pack_embeds(_field_embeds("Feeds", fields))]


def _field_embeds(title: str, fields: Sequence[tuple[str, str]]) -> list[discord.Embed]:
    """Fields spread over embeds, each under 25 fields and 6,000 characters."""
    embeds = [discord.Embed(title=title)]
    for name, value in fields:
        full = len(embeds[-1].fields) == limits.EMBED_FIELDS
        if full or len(embeds[-1]) + len(name) + len(value) > limits.EMBED_TOTAL:
            embeds.append(discord.Embed())
        embeds[-1].add_field(name=name, value=value, inline=False)
    return embeds


def _feed_value(feed: Feed) -> str:
    status = feed.status.value
    if feed.status is FeedStatus.FAILING and feed.failing_since is not None:
        error = fit(escape(feed.last_error or "unknown error"), FEED_ERROR)
        status = f"failing since {feed.failing_since:%a %-d %b %H:%M}: {error}"
    elif feed.status is FeedStatus.PAUSED:
        status = f"paused: {fit(escape(feed.paused_reason or 'no reason given'), FEED_ERROR)}"
    polled = f"{feed.last_success_at:%a %-d %b %Y %H:%M}" if feed.last_success_at else "never"
    return f"{status}\nLast successful poll: {polled}\n{count(feed.item_count, 'item', 'items')} stored"
