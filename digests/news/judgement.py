"""News judgement: how important a story is inside a digest's window, as an editor would judge.

Only what was published inside the window counts. The signals, in the order they weigh:
- independent outlets: the publishers whose reports are in the window (the site an item links
  to, so sister feeds of one publisher, and an aggregator linking to a publisher, count once);
- how many reports, and how fast they came (the window's last quarter against the rest);
- what the piece is: hard news, or soft and service pieces (the URL's section, the feed's
  categories, and wording: guides, deals, reviews, quizzes, clips) that no editor leads with;
- substance: figures that someone is quoted for.
Recency only breaks ties.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from digests.models import Item, StoryRecord
from digests.readings import Figure

OUTLET_WEIGHT = 1.5  # per independent outlet in the window, after the first
REPORT_WEIGHT = 1.0  # per log(1 + reports in the window)
GROWTH_WEIGHT = 0.5  # a story whose reports came late in the window is still growing
FIGURE_WEIGHT = 0.3  # a figure someone is quoted for
SOFT = 0.45  # factor for a soft piece (features, lifestyle, sport results pages, opinion)
SERVICE = 0.15  # factor for a service piece (deals, reviews, quizzes, clips, guides)
RECENCY_WEIGHT = 0.2  # at most, for a story whose last report is at the window's end

_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go gob nic mil".split())
_SOFT_SECTIONS = frozenset("""entertainment entertainment-arts culture lifestyle life-style
travel style food fashion arts books music film tv-and-radio tv showbiz celebrity opinion
commentisfree comment magazine features feature sport sports football tennis cricket golf
rugby-union formula1 motorsport wellness health-fitness science-environment/life""".split())
_SERVICE_SECTIONS = frozenset("""deals deal coupons vouchers reviews review buying-guide
best shopping quiz quizzes games puzzles crossword horoscopes video videos av watch gallery
galleries in-pictures pictures podcast podcasts newsletters live-news how-to""".split())
_SERVICE_WORDS = re.compile(
    r"\b(?:deals?|discount|promo code|coupon|sale|cheapest|bargain|quiz|crossword|puzzle|"
    r"horoscope|review|reviewed|trailer|release date|spoilers?|how to|tips|guide to|explained|"
    r"everything (?:we|you) (?:know|need to know)|what we know|in pictures|watch|video|gallery|"
    r"photos|live:?|as it happened|podcast|newsletter|sign up|best \w+ (?:for|to|of)|"
    r"ranked|recipe)\b", re.IGNORECASE)
_LISTICLE = re.compile(r"^\s*(?:the\s+)?\d{1,2}\s+(?:best|ways|things|reasons|tips|places|of\s+the)\b",
                       re.IGNORECASE)
_PRESS_REVIEW = re.compile(r"^\s*(?:the papers|newspaper headlines|what the papers say|"
                           r"morning briefing|evening briefing|your (?:morning|evening|daily))\b",
                           re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Importance:
    """A story's importance in one window, with the signals it was made of (for tests)."""

    score: float
    outlets: int
    reports: int
    growth: float
    kind: float  # 1 for hard news, SOFT or SERVICE


def in_window(story: StoryRecord, start: datetime, end: datetime) -> list[Item]:
    return [i for i in story.items if start <= i.published_at <= end]


def importance(story: StoryRecord, start: datetime, end: datetime,
               figures: Mapping[int, Sequence[Figure]] | None = None) -> Importance:
    """How much the story matters in the window [start, end]."""
    reports = in_window(story, start, end)
    if not reports:
        return Importance(0.0, 0, 0, 0.0, 1.0)
    outlets = len({outlet_of(i) for i in reports})
    growth = _growth(reports, start, end)
    kind = max(piece_kind(i) for i in reports)
    quoted = sum(1 for i in reports for f in (figures or {}).get(i.id, ()) if f.source)
    score = (OUTLET_WEIGHT * (outlets - 1) + REPORT_WEIGHT * math.log1p(len(reports))
             + GROWTH_WEIGHT * growth + FIGURE_WEIGHT * math.log1p(quoted)) * kind
    score += RECENCY_WEIGHT * _lateness(max(i.published_at for i in reports), start, end)
    return Importance(score, outlets, len(reports), growth, kind)


def outlet_of(item: Item) -> str:
    """The publisher of an item: the registrable domain its link points to ("bbc.co.uk" for
    www.bbc.co.uk and feeds.bbc.co.uk), or its feed's name when it has no link."""
    host = (urlsplit(item.url).hostname or "") if item.url else ""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) < 2:
        return item.feed_name.casefold()
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def piece_kind(item: Item) -> float:
    """1 for hard news; SOFT for features, culture, sport and opinion; SERVICE for deals,
    reviews, quizzes, clips, galleries, guides and press reviews."""
    sections = _sections(item)
    title = item.title
    if (sections & _SERVICE_SECTIONS or _SERVICE_WORDS.search(title) or _LISTICLE.search(title)
            or _PRESS_REVIEW.search(title)):
        return SERVICE
    if sections & _SOFT_SECTIONS or {c.casefold() for c in item.categories} & _SOFT_SECTIONS:
        return SOFT
    return 1.0


def _sections(item: Item) -> set[str]:
    """The section words of an item's link: "/news/world-europe-1234" → {"news", ...};
    "/sport/football/60123" → {"sport", "football"}."""
    if not item.url:
        return set()
    path = urlsplit(item.url).path.lower()
    parts = [p for p in path.split("/") if p and not p[:1].isdigit()][:3]
    return {p for part in parts for p in (part, part.split("-")[0])}


def _growth(reports: Sequence[Item], start: datetime, end: datetime) -> float:
    """The share of the window's reports that came in its last quarter, above what an even
    spread gives (0 for a story that came early and stopped, up to 0.75 for one that is new)."""
    late = start + 0.75 * (end - start)
    share = sum(1 for i in reports if i.published_at >= late) / len(reports)
    return max(0.0, share - 0.25) if len(reports) > 1 else 0.0


def _lateness(moment: datetime, start: datetime, end: datetime) -> float:
    span = (end - start).total_seconds()
    return min(1.0, max(0.0, (moment - start).total_seconds() / span)) if span > 0 else 1.0


def ranked(stories: Iterable[StoryRecord], start: datetime, end: datetime,
           figures: Mapping[int, Sequence[Figure]] | None = None) -> list[StoryRecord]:
    """The stories with a report in the window, most important first."""
    scored = [(importance(s, start, end, figures), s) for s in stories]
    live = [(imp, s) for imp, s in scored if imp.reports]
    live.sort(key=lambda pair: (pair[0].score, pair[1].last_seen_at, -pair[1].id), reverse=True)
    return [s for _, s in live]
