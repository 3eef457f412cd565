"""Key figures as a Discord message: one embed, a field per series, the chart as its image."""

from __future__ import annotations

import discord

from cogs import limits
from cogs.limits import Payload, check, cite, fit, fit_embed, inert, one_line
from digests.news.keyfigures import FigurePoint, FigureSeries, KeyFigures

EMPTY_TOPIC = "No figures are stored on “{topic}”."
EMPTY_DAY = "No figures are stored from the last 24 hours."
TOPIC_CHARS = 200
FEED_CHARS = 80
SAID_BY_CHARS = 120
MIN_QUOTE = 40  # a shorter quote is left out rather than cut to nothing
MIN_NAME = 16
VALUE_CHARS = 100
QUALIFIER_WORDS = {"lower_bound": "over", "approximate": "about", "upper_bound": "up to"}


def render_key_figures(report: KeyFigures, *, chart_name: str | None = None) -> Payload:
    """A field per series (latest value, who said it and when, the change, a quote, the source);
    with `chart_name`, the attached chart (of the first chartable series) as the embed's image."""
    if not report.series:
        return check(Payload(fit(_nothing_stored(report), limits.CONTENT)))
    title = f"Key figures: {report.topic[:limits.EMBED_TITLE]}" if report.topic else "Today's key figures"
    embed = discord.Embed(title=inert(title, limits.EMBED_TITLE))
    series = report.series[:limits.EMBED_FIELDS]
    charted = next((s for s in series if s.chartable), None)
    if chart_name and charted is not None:
        embed.set_image(url=f"attachment://{chart_name}")
        embed.set_footer(text=inert(f"Chart: {charted.label[:limits.FOOTER]}", limits.FOOTER))
    room = (limits.EMBED_TOTAL - len(embed)) // len(series)  # characters each field may take
    for one in series:
        name = inert(one.label, max(MIN_NAME, min(limits.FIELD_NAME, room // 4)))
        embed.add_field(name=name, value=series_value(one, min(limits.FIELD_VALUE, room - len(name))),
                        inline=False)
    return check(Payload(None, (fit_embed(embed),)))


def _nothing_stored(report: KeyFigures) -> str:
    if report.topic is None:
        return EMPTY_DAY
    return EMPTY_TOPIC.format(topic=inert(one_line(report.topic, TOPIC_CHARS), TOPIC_CHARS))


def series_value(series: FigureSeries, room: int) -> str:
    """Latest value with its qualifier, who said it and when, the change, a quote, the source."""
    latest = series.latest
    lines = [f"**{inert(qualified(latest), VALUE_CHARS)}** ({_said(latest)}, {latest.as_of:%a %-d %b %Y})"]
    if series.change:
        lines.append(inert(series.change, room))
    citation = cite(latest.source)
    fixed = "\n".join([*lines, citation])
    quote_room = room - len(fixed) - len("\n> “”")
    if quote_room >= MIN_QUOTE:
        lines.append(f"> “{inert(one_line(latest.sentence, quote_room), quote_room)}”")
    return fit("\n".join([*lines, citation]), room)


def qualified(point: FigurePoint) -> str:
    """ "over 2,000", "about 3,800", "up to 4 million", or the bare value when exact."""
    word = QUALIFIER_WORDS.get(point.qualifier)
    return f"{word} {point.display}" if word else point.display


def _said(point: FigurePoint) -> str:
    return inert(point.said_by or point.source.feed_name, SAID_BY_CHARS)
