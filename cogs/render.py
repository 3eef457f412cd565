"""Engine values as Discord messages: pure functions from digests, answers and feeds to payloads."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import discord

from cogs import limits
from cogs.limits import (
    Payload,
    check,
    cite,
    error_text,
    fit_embed,
    fit_lines,
    inert,
    pack_embeds,
    plain,
    split_message,
)
from digests.models import Feed, FeedStatus
from digests.news.answers import Answer, Quote
from digests.news.digest import Digest, DigestFigure, DigestStory
from digests.news.wording import count, day, digest_heading, sources_line

EMPTY_DIGEST = "Nothing was published in this window."
FEED_NAME = 100
FEED_ERROR = 300
SOURCES_SHOWN = 2


def render_digest(digest: Digest, *, tz: ZoneInfo | None = None) -> list[Payload]:
    """A header message, then one embed per story, packed into as few messages as the limits allow."""
    header = _digest_header(digest, tz)
    if not digest.stories:
        return split_message(f"{header}\n{EMPTY_DIGEST}", ())
    return split_message(header, (story_embed(story, tz) for story in digest.stories))


def _digest_header(digest: Digest, tz: ZoneInfo | None) -> str:
    return digest_heading(digest, _local(digest.window_end, tz))


def _local(moment: datetime, tz: ZoneInfo | None) -> datetime:
    return moment.astimezone(tz if tz is not None else UTC)  # an item's time may be on its publisher's clock


def story_embed(story: DigestStory, tz: ZoneInfo | None) -> discord.Embed:
    """The story's title (linked when Discord takes its link), quotes, figures and sources,
    within every limit of an embed whatever the feeds wrote."""
    embed = discord.Embed(title=inert(story.title, limits.EMBED_TITLE), url=story.url,
                          description=fit_lines(_story_lines(story), limits.EMBED_DESCRIPTION) or None)
    names = (*(plain(name, FEED_NAME) for name in story.sources[:SOURCES_SHOWN]),
             *story.sources[SOURCES_SHOWN:])
    when = _local(story.last_seen_at, tz)
    footer = f"{sources_line(names, SOURCES_SHOWN)} · {day(when)}"
    return fit_embed(embed.set_footer(text=plain(footer, limits.FOOTER)))


def _story_lines(story: DigestStory) -> Iterator[str]:
    for quote in story.summary:
        yield (f"> {inert(quote.text, limits.EMBED_DESCRIPTION)}\n"
               f"— {inert(quote.source.feed_name, FEED_NAME)}")
    yield from map(_figure_line, story.figures)


def _figure_line(figure: DigestFigure) -> str:
    room = limits.EMBED_DESCRIPTION
    said = f" — {figure.said_by[:room]}" if figure.said_by else ""
    return "▸ " + inert(f"{figure.value[:room]} {(figure.counted or '')[:room]}".rstrip() + said, room)


def render_answer(answer: Answer) -> Payload:
    """The headline, then up to three quotes with source, date and link; plain words when there
    is nothing to quote (an "I don't know" may quote where the news names what was asked about)."""
    if not answer.quotes:
        return check(Payload(inert(answer.headline, limits.CONTENT)))
    embed = discord.Embed(title=inert(answer.headline, limits.EMBED_TITLE))
    for number, quote in enumerate(answer.quotes[:3], start=1):
        embed.add_field(name=f"Quote {number}", value=_quote_value(quote), inline=False)
    return check(Payload(None, (fit_embed(embed),)))


def _quote_value(quote: Quote) -> str:
    citation = cite(quote.source)
    room = limits.FIELD_VALUE - len(citation) - len("“”\n— ")
    return f"“{inert(quote.text, room)}”\n— {citation}"


def render_feed_list(feeds: Sequence[Feed]) -> list[Payload]:
    """Each feed's name, status, last successful poll and items stored, in as many embeds as needed."""
    if not feeds:
        return [check(Payload("No feeds are followed yet."))]
    fields = [(inert(feed.display_name, FEED_NAME), _feed_value(feed)) for feed in feeds]
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
        error = error_text(feed.last_error or "unknown error", FEED_ERROR)
        status = f"failing since {feed.failing_since:%a %-d %b %H:%M}: {error}"
    elif feed.status is FeedStatus.PAUSED:
        status = f"paused: {error_text(feed.paused_reason or 'no reason given', FEED_ERROR)}"
    polled = f"{feed.last_success_at:%a %-d %b %Y %H:%M}" if feed.last_success_at else "never"
    return f"{status}\nLast successful poll: {polled}\n{count(feed.item_count, 'item', 'items')} stored"
