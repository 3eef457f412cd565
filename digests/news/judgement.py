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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from digests.models import Item, StoryRecord
from digests.news.lexicon import lemma
from digests.news.text import terms
from digests.readings import Figure

OUTLET_WEIGHT = 1.5  # per independent outlet in the window, after the first
REPORT_WEIGHT = 1.0  # per log(1 + reports in the window)
GROWTH_WEIGHT = 0.5  # a story whose reports came late in the window is still growing
FIGURE_WEIGHT = 0.3  # a figure someone is quoted for
SOFT = 0.45  # factor for a soft piece (features, lifestyle, sport results pages, opinion)
SERVICE = 0.1  # factor for a service piece (deals, reviews, quizzes, clips, guides)
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
# Headlines of features, explainers and opinion: a question, "why / how / what ...", "the life
# of", "moments", "inside ...", "analysis", "opinion", "timeline", "who is".
_FEATURE_TITLE = re.compile(
    r"\?\s*$|^\s*(?:why|how|what|who|when|where|is|are|can|could|should|does|do|will)\b|"
    r"\b(?:explainer|analysis|opinion|comment|timeline|profile|the life of|moments|"
    r"inside the|behind the|a look at|the story of|lessons|letters?)\b"
    r"|^\s*[\w\s'’-]{2,30}:\s*(?:why|how|what|who)\b", re.IGNORECASE)
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
    if (sections & _SOFT_SECTIONS or {c.casefold() for c in item.categories} & _SOFT_SECTIONS
            or _FEATURE_TITLE.search(title)):
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
           figures: Mapping[int, Sequence[Figure]] | None = None,
           before: Iterable[Item] = ()) -> list[StoryRecord]:
    """The stories with a report in the window, most important first, one event once: a story
    telling the same event as one ranked above it is folded into that one. `before`: reports
    of the window before this one, against which the day's words are judged new or usual."""
    live = [s for s in stories if in_window(s, start, end)]
    scores = {s.id: importance(s, start, end, figures) for s in live}
    near = neighbours(story_vectors(live, start, end))
    outlets = {s.id: {outlet_of(i) for i in in_window(s, start, end)} for s in live}
    news = bursts(live, start, end, before)
    total = {s.id: scores[s.id].score + scores[s.id].kind * (
        CENTRALITY_WEIGHT * math.log1p(sum(cosine * len(outlets[o]) for o, cosine in near[s.id].items()))
        + BURST_WEIGHT * _story_burst(s, start, end, news)) for s in live}
    order = sorted(live, key=lambda s: (total[s.id], s.last_seen_at, -s.id), reverse=True)
    return _one_event_once(order, near)


BURST_WEIGHT = 0.1  # for a story whose headline words the day uses far more than the day before


def bursts(stories: Sequence[StoryRecord], start: datetime, end: datetime,
           before: Iterable[Item]) -> dict[str, float]:
    """How much more the window's headlines use each word than the previous window's did:
    log((outlets × stories using it today + 1) / (stories using it before + 1)), for words of
    at least two of today's stories."""
    today: dict[str, set[int]] = {}
    reach: dict[str, set[str]] = {}
    for story in stories:
        for item in in_window(story, start, end):
            for word in set(_lemmas(item.title)):
                today.setdefault(word, set()).add(story.id)
                reach.setdefault(word, set()).add(outlet_of(item))
    usual = Counter(word for item in before for word in set(_lemmas(item.title)))
    return {word: math.log((len(ids) * len(reach[word]) + 1) / (usual[word] + 1))
            for word, ids in today.items() if len(ids) >= 2}


def _story_burst(story: StoryRecord, start: datetime, end: datetime, news: Mapping[str, float]) -> float:
    """The story's two most bursting headline words, averaged (0 when none bursts)."""
    words = {w for item in in_window(story, start, end) for w in _lemmas(item.title)}
    top = sorted((news.get(w, 0.0) for w in words), reverse=True)[:2]
    return max(0.0, sum(top) / 2) if top else 0.0


def _one_event_once(order: Sequence[StoryRecord],
                    near: Mapping[int, Mapping[int, float]]) -> list[StoryRecord]:
    """Stories folded into the first (highest) one that tells the same event: similar reports,
    headlines sharing at least two words (a shared topic word alone is no same event), and
    reports within a day of each other (the same topic on another day is another event)."""
    kept: dict[int, list[StoryRecord]] = {}
    by_id = {s.id: s for s in order}
    headline = {s.id: {w for i in s.items for w in _lemmas(i.title)} for s in order}
    for story in order:
        same = [k for k in kept if near[story.id].get(k, 0.0) >= SAME_EVENT
                and len(headline[story.id] & headline[k]) >= SHARED_HEADLINE_WORDS
                and _apart(story, by_id[k]) <= SAME_EVENT_SPAN]
        if same:
            kept[same[0]].append(story)
        else:
            kept[story.id] = [story]
    return [_folded(group) for group in kept.values()]


def _apart(one: StoryRecord, other: StoryRecord) -> timedelta:
    """How far apart in time two stories' reports are (zero when their spans overlap)."""
    return max(one.first_seen_at - other.last_seen_at, other.first_seen_at - one.last_seen_at,
               timedelta(0))


def _folded(group: Sequence[StoryRecord]) -> StoryRecord:
    """One story of the event's stories: the first one's id and title, all their reports."""
    if len(group) == 1:
        return group[0]
    items = sorted({i.id: i for s in group for i in s.items}.values(), key=lambda i: (i.published_at, i.id))
    return StoryRecord(group[0].id, group[0].title, items[0].published_at, items[-1].published_at,
                       tuple(items))


# The day's shape: how central a story is, and one event once ------------------------------

CENTRALITY_WEIGHT = 0.8  # per log(1 + the outlets of the stories that tell the same thing)
RELATED = 0.2  # cosine from which two stories of the window tell of the same thing
SAME_EVENT = 0.2
SHARED_HEADLINE_WORDS = 2
SAME_EVENT_SPAN = timedelta(hours=24)  # cosine from which two stories tell one event: the digest shows one
_VECTOR_WORDS = 60  # a story is read by its titles and the opening of its reports


def story_vectors(stories: Sequence[StoryRecord], start: datetime,
                  end: datetime) -> dict[int, dict[str, float]]:
    """Unit TF-IDF vectors of the stories' reports inside the window (titles twice, and the
    first words of each text), IDF over these stories."""
    counts: dict[int, Counter[str]] = {}
    for story in stories:
        bag: Counter[str] = Counter()
        for item in in_window(story, start, end):
            bag.update(_lemmas(item.title) * 2)
            bag.update(_lemmas(" ".join(item.text.split()[:_VECTOR_WORDS])))
        counts[story.id] = bag
    document_frequency = Counter(t for bag in counts.values() for t in bag)
    total = len(counts)
    vectors = {}
    for story_id, bag in counts.items():
        vector = {t: (1 + math.log(n)) * math.log(1 + total / document_frequency[t])
                  for t, n in bag.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors[story_id] = {t: w / norm for t, w in vector.items()}
    return vectors


def _lemmas(text: str) -> list[str]:
    return [lemma(t) for t in terms(text)]


def neighbours(vectors: Mapping[int, Mapping[str, float]], floor: float = RELATED,
               telling: int = 15) -> dict[int, dict[int, float]]:
    """For each story, the others whose cosine with it reaches `floor`. Pairs come from an
    inverted index over each story's most telling words, so the work grows with the number of
    related pairs, not with the square of the stories."""
    postings: dict[str, list[int]] = {}
    for story_id, vector in vectors.items():
        for word, _ in sorted(vector.items(), key=lambda kv: -kv[1])[:telling]:
            postings.setdefault(word, []).append(story_id)
    found: dict[int, dict[int, float]] = {story_id: {} for story_id in vectors}
    for story_id, vector in vectors.items():
        candidates = {other for word in vector for other in postings.get(word, ()) if other != story_id}
        for other in candidates:
            if other in found[story_id]:
                continue
            similarity = _cosine(vector, vectors[other])
            if similarity >= floor:
                found[story_id][other] = found[other][story_id] = similarity
    return found


def _cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    if len(left) > len(right):
        left, right = right, left
    return sum(weight * right.get(word, 0.0) for word, weight in left.items())
