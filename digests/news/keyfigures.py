"""Key figures for `/figures`: the numbers on a topic (or of the day) as series over time.

A series is one measure ("people fled Ukraine", in people) as several reports gave it: one
point per report, oldest first, each with who said it, when, and the item it came from.
With a topic, the figures come from the stored sentences matching it; with none, from the
stories of the last 24 hours, most widely carried first.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from digests.models import Source, StoryRecord
from digests.news.digest import rank_score, small_count
from digests.news.figure_fit import FigureQuestion, figure_date, figure_score
from digests.news.figure_words import FATE_VERBS
from digests.news.figures import format_value, measure_key
from digests.news.text import terms
from digests.readings import CitedFigure, Figure

DAY = timedelta(hours=24)
CANDIDATES = 200
TOPIC_COVERAGE = 0.5  # share of the topic's terms a figure's sentence must hold
_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"})
_SAME_MOVE = {"left": "fled", "leave": "fled", "flee": "fled", "fleeing": "fled", "crossed": "fled",
              "escaped": "fled", "death": "killed", "dead": "killed", "died": "killed",
              "soldier": "troop"}
_IMPLIED = {"refugee": ("people", "fled"), "casualty": ("people", "killed")}
_EVENTS = frozenset({*_SAME_MOVE.values(), *FATE_VERBS})
_PROJECTION = re.compile(r"\b(?:could|may|might|would|will|expected|forecast|projected)\b", re.IGNORECASE)
_NOT_MEASURES = frozenset({"overnight", "together", "earlier", "later", "ago", "week", "day"})
_Measure = tuple[str | None, bool, frozenset[str]]  # unit, a forecast?, the measured terms
_LABEL_FILLER = frozenset("have has had were was are is been now already also reportedly so far".split())


@dataclass(frozen=True, slots=True)
class FigurePoint:
    """One report of a measure: its value, who said it and when, and the item it came from."""

    value: float
    display: str
    as_of: date
    said_by: str | None
    qualifier: str
    sentence: str
    source: Source


@dataclass(frozen=True, slots=True)
class FigureSeries:
    """One measure over time, one point per report, oldest first."""

    label: str
    unit: str | None
    points: tuple[FigurePoint, ...]

    @property
    def latest(self) -> FigurePoint:
        return self.points[-1]

    @property
    def change(self) -> str | None:
        """How the latest value compares with the last report of an earlier day (or, when every
        report is of one day, the one before it): "up from 660,000 on Tue 1 Mar"."""
        if len(self.points) < 2:
            return None
        latest = self.points[-1]
        earlier = [p for p in self.points[:-1] if p.as_of < latest.as_of] or [self.points[-2]]
        before = earlier[-1]
        when = f"{before.as_of:%a %-d %b}"
        if latest.value == before.value:
            return f"unchanged since {when}"
        direction = "up" if latest.value > before.value else "down"
        return f"{direction} from {before.display} on {when}"

    @property
    def chartable(self) -> bool:
        """Three or more values on at least two different dates."""
        return len(self.points) >= 3 and len({p.as_of for p in self.points}) >= 2


@dataclass(frozen=True, slots=True)
class KeyFigures:
    topic: str | None
    series: tuple[FigureSeries, ...]
    window_start: datetime
    window_end: datetime


class FiguresStore(Protocol):
    """What key figures need from the store (the real `Store` provides it)."""

    async def figures_in_sentences_matching(self, terms: Sequence[str],
                                            limit: int = 200) -> list[CitedFigure]: ...
    async def figures_of_items(self, item_ids: Iterable[int]) -> list[CitedFigure]: ...
    async def stories_between(self, start: datetime, end: datetime) -> list[StoryRecord]: ...


async def key_figures(store: FiguresStore, topic: str | None, now: datetime, *,
                      limit: int = 5) -> KeyFigures:
    """The `limit` most important series on `topic`, or of the day before `now` when it is None."""
    wanted = terms(topic or "")
    if topic is not None and topic.strip():
        if not wanted:
            return KeyFigures(topic, (), now, now)
        cited = _until(await store.figures_in_sentences_matching(wanted, limit=CANDIDATES), now)
        series = await asyncio.to_thread(topic_series, cited, wanted, limit)
        start = min((p.source.published_at for s in series for p in s.points), default=now)
        return KeyFigures(topic, tuple(series), min(start, now), now)
    stories = await store.stories_between(now - DAY, now)
    cited = _until(await store.figures_of_items([i.id for s in stories for i in s.items]), now)
    groups = await asyncio.to_thread(day_groups, cited, stories, now, limit)
    wording = sorted({t for g in groups for c in g for t in terms(c.figure.counted or "")})
    history = _until(await store.figures_in_sentences_matching(wording, limit=CANDIDATES), now)
    series = [_series(g) for g in with_history(groups, history)]
    return KeyFigures(None, tuple(series), now - DAY, now)


def _until(cited: list[CitedFigure], now: datetime) -> list[CitedFigure]:
    return [c for c in cited if c.source.published_at <= now]


def topic_series(cited: Sequence[CitedFigure], wanted: Sequence[str], limit: int) -> list[FigureSeries]:
    """Series of the figures whose sentences hold the topic: those carried by most sources first,
    then those counting the topic itself, then the most recent."""
    asked = FigureQuestion(tuple(wanted), None, (), None, None)
    relevant = [c for c in cited if _covers(c.figure, wanted) and _is_key_figure(c.figure)]
    groups = group_figures(relevant)
    ranked = sorted(groups, key=lambda g: (_source_count(g), any(figure_score(c.figure, asked) > 0
                                                                 for c in g), _latest(g)), reverse=True)
    return [_series(g) for g in ranked[:limit]]


def day_groups(cited: Sequence[CitedFigure], stories: Sequence[StoryRecord], now: datetime,
               limit: int) -> list[list[CitedFigure]]:
    """The day's stories' figures by measure, those of the most widely carried story first."""
    story_rank = {i.id: rank_score(s, now) for s in stories for i in s.items}
    groups = group_figures([c for c in cited if _is_key_figure(c.figure)])
    ranked = sorted(groups, key=lambda g: (max(story_rank.get(c.source.item_id, 0.0) for c in g),
                                           _source_count(g), _latest(g)), reverse=True)
    return ranked[:limit]


def with_history(groups: Sequence[list[CitedFigure]],
                 history: Sequence[CitedFigure]) -> list[list[CitedFigure]]:
    """Each group with the earlier reports of its measure, so the day's figures show a change."""
    extended = []
    for group in groups:
        seed = _measure(group[0].figure)
        older = [c for c in history if _is_key_figure(c.figure) and _same_measure(seed, _measure(c.figure))]
        extended.append(_one_per_item([*group, *sorted(older, key=_weight, reverse=True)]))
    return extended


def group_figures(cited: Sequence[CitedFigure]) -> list[list[CitedFigure]]:
    """Figures grouped by what they measure, newest first within a group, one per report.

    A figure joins the group whose first figure has its unit, is equally a forecast or not,
    names the same event (fled, killed…) and shares at least two of its measured terms, or
    all of them when it has one, or holds all the terms of the other and an event among them
    ("fled" and "people fled Ukraine").
    """
    ordered = sorted(cited, key=_weight, reverse=True)
    groups: list[tuple[_Measure, list[CitedFigure]]] = []
    for figure in ordered:
        key = _measure(figure.figure)
        for seed, members in groups:
            if _same_measure(seed, key):
                members.append(figure)
                break
        else:
            groups.append((key, [figure]))
    return [_one_per_item(members) for _, members in groups]


def _measure(figure: Figure) -> _Measure:
    wording = measure_key(figure).rpartition("|")[0].split()
    projected = bool(_PROJECTION.search(figure.counted or "")) or (
        figure.qualifier == "upper_bound" and bool(_PROJECTION.search(figure.sentence)))
    measured = {_SAME_MOVE.get(w, w) for w in wording}
    measured.update(*(_IMPLIED.get(w, ()) for w in wording))
    return figure.unit, projected, frozenset(measured)


def _same_measure(seed: _Measure, other: _Measure) -> bool:
    if seed[:2] != other[:2] or seed[2] & _EVENTS != other[2] & _EVENTS:
        return False
    shared = seed[2] & other[2]
    if len(shared) >= 2 or (shared and seed[2] == other[2]):
        return True
    return bool(shared & _EVENTS) and (seed[2] <= other[2] or other[2] <= seed[2])


def _one_per_item(members: list[CitedFigure]) -> list[CitedFigure]:
    kept: dict[int, CitedFigure] = {}
    for cited in members:
        kept.setdefault(cited.source.item_id, cited)
    return list(kept.values())


def _weight(cited: CitedFigure) -> tuple[date, datetime, bool, bool]:
    """Newest first; within one report, attributed and exact figures first."""
    return (*figure_date(cited), cited.figure.source is not None, cited.figure.qualifier == "exact")


def _covers(figure: Figure, wanted: Sequence[str]) -> bool:
    found = set(terms(figure.sentence))
    return len(found & set(wanted)) >= TOPIC_COVERAGE * len(set(wanted))


def _is_key_figure(figure: Figure) -> bool:
    """A measure worth showing: of something named, not a duration, not a small spelled-out count."""
    if not figure.counted or figure.unit in _TIME_UNITS or small_count(figure):
        return False
    return bool(set(measure_key(figure).rpartition("|")[0].split()) - _NOT_MEASURES)


def _source_count(group: Sequence[CitedFigure]) -> int:
    return len({c.source.feed_name for c in group})


def _latest(group: Sequence[CitedFigure]) -> tuple[date, datetime]:
    return max(figure_date(c) for c in group)


def _series(group: Sequence[CitedFigure]) -> FigureSeries:
    points = sorted((_point(c) for c in group), key=lambda p: (p.as_of, p.source.published_at))
    return FigureSeries(_label(group), group[0].figure.unit, tuple(points))


def _point(cited: CitedFigure) -> FigurePoint:
    figure = cited.figure
    return FigurePoint(figure.value, format_value(figure), figure_date(cited)[0], figure.source,
                       figure.qualifier, figure.sentence, cited.source)


def _label(group: Sequence[CitedFigure]) -> str:
    """The wording most reports use for what is counted, without auxiliaries ("have now")."""
    phrases = [_tidy(c.figure.counted or "") for c in group]
    return max(phrases, key=lambda p: (phrases.count(p), -phrases.index(p)))


def _tidy(counted: str) -> str:
    return " ".join(w for w in counted.split() if w.lower() not in _LABEL_FILLER) or counted


def topic_suggestions(labels: Iterable[str], typed: str, limit: int = 25) -> list[str]:
    """Autocomplete choices: labels starting with what was typed, then those with a word
    starting with it, then those containing it; case-insensitive, each label once."""
    wanted = " ".join(typed.casefold().split())
    unique = list(_first_of_each(labels).values())
    if not wanted:
        return unique[:limit]
    tiers: tuple[list[str], list[str], list[str]] = ([], [], [])
    for label in unique:
        folded = label.casefold()
        if folded.startswith(wanted):
            tiers[0].append(label)
        elif any(word.startswith(wanted) for word in re.split(r"[\s\-/]+", folded)):
            tiers[1].append(label)
        elif wanted in folded:
            tiers[2].append(label)
    return [*tiers[0], *tiers[1], *tiers[2]][:limit]


def _first_of_each(labels: Iterable[str]) -> dict[str, str]:
    """Labels by their case- and space-insensitive form, first spelling kept, order kept."""
    kept: dict[str, str] = {}
    for label in labels:
        shown = " ".join(label.split())
        if shown:
            kept.setdefault(shown.casefold(), shown)
    return kept
