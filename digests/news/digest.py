"""Digests as plain data: the stories of a window, ranked, each summarised, with its figures.

Stories are ranked by how many independent sources carry them, then by how recent they are.
The terminal and Discord each render the same `Digest` their own way.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from digests.models import Item, Source, StoryRecord
from digests.news.figures import format_value, measure_key
from digests.news.names import describe, merge_names
from digests.news.summaries import SummaryDoc, summarise
from digests.readings import Figure, Mention

STORY_LIMIT = 12
FIGURES_PER_STORY = 3
PEOPLE_PER_STORY = 3


@dataclass(frozen=True, slots=True)
class DigestQuote:
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class DigestFigure:
    """One key number: "1 million people have fled Ukraine — UNHCR"."""

    value: str
    counted: str | None
    said_by: str | None
    source: Source


@dataclass(frozen=True, slots=True)
class DigestPerson:
    """A key person of the story, as the sources describe them."""

    name: str
    role: str | None
    affiliation: str | None
    mentions: int


@dataclass(frozen=True, slots=True)
class DigestStory:
    title: str
    url: str | None
    summary: tuple[DigestQuote, ...]
    figures: tuple[DigestFigure, ...]
    people: tuple[DigestPerson, ...]
    sources: tuple[str, ...]
    first_seen_at: datetime
    last_seen_at: datetime
    item_count: int


@dataclass(frozen=True, slots=True)
class Digest:
    window_start: datetime
    window_end: datetime
    stories: tuple[DigestStory, ...]
    story_total: int
    source_total: int


def build_digest(stories: Sequence[StoryRecord], figures: Mapping[int, Sequence[Figure]],
                 start: datetime, end: datetime, limit: int = STORY_LIMIT,
                 mentions: Mapping[int, Sequence[Mention]] | None = None) -> Digest:
    """The top `limit` stories of the window; `figures` and `mentions` map item ids to what
    was read in each item."""
    live = [s for s in stories if any(start <= i.published_at <= end for i in s.items)]
    ranked = sorted(live, key=lambda s: rank_score(s, end), reverse=True)
    sources = {i.feed_name for s in live for i in s.items}
    people = mentions or {}
    return Digest(start, end, tuple(story_card(s, figures, people, start) for s in ranked[:limit]),
                  story_total=len(live), source_total=len(sources))


def rank_score(story: StoryRecord, end: datetime) -> float:
    """Independent sources count most; more items and recency break ties."""
    sources = len({i.feed_name for i in story.items})
    hours_old = max((end - story.last_seen_at).total_seconds() / 3600, 0.0)
    return sources + 0.3 * math.log1p(len(story.items)) + 1.0 / (1.0 + hours_old / 12)


def story_card(story: StoryRecord, figures: Mapping[int, Sequence[Figure]],
               mentions: Mapping[int, Sequence[Mention]], start: datetime, *,
               newest_lead: bool = False) -> DigestStory:
    """The story as the digest tells it, led by its first report inside the window (or, for an
    alert about what just happened, by its newest report)."""
    items = list(story.items)
    recent = [i for i in items if i.published_at >= start] or items
    if newest_lead:
        recent = sorted(recent, key=lambda i: (i.first_seen_at, i.published_at), reverse=True)
    lead = next((i for i in recent if i.url), recent[0])
    return DigestStory(
        title=lead.title or story.title, url=lead.url, summary=_summary(items),
        figures=_key_figures(items, figures),
        people=key_people([m for i in items for m in mentions.get(i.id, ())]),
        sources=tuple(dict.fromkeys(i.feed_name for i in items)),
        first_seen_at=story.first_seen_at, last_seen_at=story.last_seen_at,
        item_count=len(items))


def _summary(items: list[Item]) -> tuple[DigestQuote, ...]:
    docs = [SummaryDoc(title=i.title, text=i.text or i.title, source=i.feed_name) for i in items]
    picked = summarise(docs, max_sentences=2)
    return tuple(DigestQuote(p.text, _source(items[p.doc])) for p in picked)


def _key_figures(items: list[Item], figures: Mapping[int, Sequence[Figure]]) -> tuple[DigestFigure, ...]:
    """The most telling figures: attributed and sizeable first, one per measure and value."""
    candidates = [(figure, item) for item in items for figure in figures.get(item.id, ())
                  if figure.counted and not small_count(figure)]
    candidates.sort(key=lambda fi: _figure_weight(fi[0], fi[1]), reverse=True)
    chosen: list[DigestFigure] = []
    seen: set[object] = set()
    for figure, item in candidates:
        keys = {measure_key(figure), (figure.value, figure.unit)}
        if keys & seen:
            continue
        seen |= keys
        chosen.append(DigestFigure(format_value(figure), figure.counted, figure.source,
                                   _source(item)))
    return tuple(chosen[:FIGURES_PER_STORY])


def small_count(figure: Figure) -> bool:
    """"two sides", "five hours": news spells out small numbers, and they are rarely key."""
    measured = figure.unit == "percent" or (figure.unit or "").isupper()  # a share or a sum
    return not measured and figure.value < 10 and not any(c.isdigit() for c in figure.surface)


def _figure_weight(figure: Figure, item: Item) -> tuple[bool, bool, datetime]:
    """Who said it matters most, then size (small counts are rarely the story), then recency."""
    sizeable = figure.unit is not None or figure.value >= 100
    return (figure.source is not None, sizeable, item.published_at)


def key_people(mentions: Sequence[Mention], limit: int = PEOPLE_PER_STORY) -> tuple[DigestPerson, ...]:
    """The most mentioned people, short and full names merged, with their described role."""
    canonical = merge_names(m.name for m in mentions)
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(canonical.get(mention.name, mention.name), []).append(mention)
    ranked = sorted(grouped.items(), key=lambda kv: (-len(kv[1]), kv[0]))
    return tuple(DigestPerson(name, *describe(group), mentions=len(group))
                 for name, group in ranked[:limit])


def _source(item: Item) -> Source:
    return Source(item.id, item.feed_name, item.url, item.published_at)
