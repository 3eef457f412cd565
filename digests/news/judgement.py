"""News judgement: how important a story is inside a digest's window, as an editor would judge.

Only what was published inside the window counts. The signals, in the order they weigh:
- independent outlets: the publishers whose reports are in the window (the site an item links
  to, so sister feeds of one publisher, and an aggregator linking to a publisher, count once);
- how many reports, and how fast they came (the window's last quarter against the rest);
- what the piece is: hard news, or soft and service pieces (the URL's section and slug, the
  feed's categories, and wording: guides, deals, reviews, quizzes, clips, a headline told as a
  story in two sentences) that no editor leads with; a sport or culture desk's event (a death, a
  ban, an arrest) weighs more than its features;
- substance: figures that someone is quoted for, and reports that give an official's word
  ("police said", "the ministry confirmed");
- the day's shape: how much of the window's coverage, in other stories too, tells of the same
  thing (`support`, item by item, and `centrality`, story by story), and the headline words that
  burst against the previous window;
- standing: a source that published next to nothing in the two windows (a blog post, a link
  shared once) is no outlet an editor leads from.
Recency only breaks ties. Diversity: a story that tells of what a story ranked above it already
tells is folded into it (the same event) or moved down (the same topic).
Every weight is in `Weights`; `bench/eval_digest.py --ablation` measures what each one adds.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from functools import lru_cache
from urllib.parse import urlsplit

from digests.models import Item, StoryRecord
from digests.news.lexicon import lemma
from digests.news.text import split_sentences, terms
from digests.readings import Figure

SOFT = 0.45  # factor for a soft piece (features, lifestyle, sport results pages, opinion)
SECTION_NEWS = 0.8  # factor for an event reported by a soft section (a death, a ban, an arrest)
SERVICE = 0.1  # factor for a service piece (deals, reviews, quizzes, clips, guides)


@dataclass(frozen=True, slots=True)
class Weights:
    """What each signal weighs; a weight of 0 (or a factor of 1) turns the signal off."""

    outlets: float = 1.5  # per independent outlet in the window, after the first
    reports: float = 1.0  # per log(1 + reports in the window)
    growth: float = 0.5  # a story whose reports came late in the window is still growing
    figures: float = 0.3  # per log(1 + figures someone is quoted for)
    support: float = 1.0  # per log(1 + similar reports of other stories in the window)
    centrality: float = 0.8  # per log(1 + outlets of the stories that tell the same thing)
    burst: float = 0.1  # for headline words the day uses far more than the day before
    recency: float = 0.2  # at most, for a story whose last report is at the window's end
    kind: bool = True  # soft and service pieces weigh SOFT and SERVICE times as much
    minor_source: float = 0.5  # factor for a story told only by sources of next to no standing
    diversity: float = 1.0  # how far a story is moved down per cosine with one ranked above
    diversity_floor: float = 0.15  # the cosine from which two stories are of one topic
    fold: bool = True  # a story telling the event of one ranked above is folded into it
    official: float = 0.3  # for the share of its reports that give an official's word


WEIGHTS = Weights()
ABLATIONS: dict[str, Weights] = {
    "outlets": replace(WEIGHTS, outlets=0.0), "reports": replace(WEIGHTS, reports=0.0),
    "growth": replace(WEIGHTS, growth=0.0), "figures": replace(WEIGHTS, figures=0.0),
    "support": replace(WEIGHTS, support=0.0), "centrality": replace(WEIGHTS, centrality=0.0),
    "burst": replace(WEIGHTS, burst=0.0), "recency": replace(WEIGHTS, recency=0.0),
    "kind": replace(WEIGHTS, kind=False), "minor source": replace(WEIGHTS, minor_source=1.0),
    "diversity": replace(WEIGHTS, diversity=0.0), "fold": replace(WEIGHTS, fold=False),
    "official": replace(WEIGHTS, official=0.0),
}
SUPPORT_FLOOR = 0.12  # cosine from which a report of another story supports this one
MINOR_SOURCE_ITEMS = 5  # fewer reports than this in the window and the one before: a minor source
MINOR_SOURCE_SHARE = 0.02  # ... and less than this share of them

_SECOND_LEVEL = frozenset("co com org net gov ac edu ne or go gob nic mil".split())
_SOFT_SECTIONS = frozenset("""entertainment entertainment-arts culture lifestyle life-style
travel style food fashion arts books music film tv-and-radio tv showbiz celebrity opinion
commentisfree comment opinions magazine features feature sport sports football tennis cricket golf
rugby-union formula1 motorsport wellness health-fitness science-environment/life""".split())
_SERVICE_SECTIONS = frozenset("""deals deal coupons vouchers reviews review buying-guide
best shopping quiz quizzes games puzzles crossword horoscopes video videos av watch gallery
galleries in-pictures pictures podcast podcasts newsletters live-news how-to""".split())
_SERVICE_WORDS = re.compile(
    r"\b(?:deals?|discount|promo code|coupon|sale|cheapest|bargain|quiz|crossword|puzzle|"
    r"horoscope|review|reviewed|trailer|release date|spoilers?|how to|tips|guide to|explained|"
    r"everything (?:we|you) (?:know|need to know)|what we know|in pictures|watch|video|gallery|"
    r"photos|live:?|as it happened|podcast|newsletter|sign up|best \w+ (?:for|to|of)|"
    r"ranked|recipe|upcoming (?:\w+\s+){0,2}releases?|all the (?:upcoming|new|best)|"
    r"all the (?:\w+\s+){0,2}(?:game|film|movie|album|show|tv|console)s? releases|"
    r"news,? (?:rumou?rs|leaks)|what we want to see)\b|,? and more\s*$", re.IGNORECASE)
# Listicles and buying guides: "10 best...", "The best phones...", "best X for March 2022".
_LISTICLE = re.compile(r"^\s*(?:the\s+)?\d{1,2}\s+(?:best|ways|things|reasons|tips|places|of\s+the)\b"
                       r"|^\s*the\s+best\s+(?!of\b)|\bbest\b.*\b(?:in|for|of)\s+(?:\w+\s+)?20\d\d\b",
                       re.IGNORECASE)
# Headlines of features, explainers and opinion: a question, "why / how / what ...", "the life
# of", "moments", "inside ...", "analysis", "opinion", "timeline", "who is".
_FEATURE_TITLE = re.compile(
    r"\?\s*$|^\s*(?:why|how|what|who|when|where)\b|"
    r"\b(?:explainer|analysis|opinion|comment|timeline|profile|the life of|moments|"
    r"inside the|behind the|a look at|the story of|lessons|letters?)\b"
    r"|^\s*[\w\s'’-]{2,30}:\s*(?:why|how|what|who)\b", re.IGNORECASE)
# A headline in a person's own voice: first person ("'I felt anxious going back'", "Telling my
# children why…", "We need support, say…"): a feature told through someone, not the event.
_OWN_VOICE = re.compile(r"(?<!\w)(?:(?<!War )I(?=\s+[a-z])|I['’](?:m|ve|ll|d)|[Mm]y|me|[Ww]e(?:['’]re)?"
                        r"|[Oo]ur|us)(?![\w'’])")  # "I" only before a verb: not "World War I", "Elizabeth I"
_PRESS_REVIEW = re.compile(r"^\s*(?:the papers|newspaper headlines|what the papers say|"
                           r"morning briefing|evening briefing|your (?:morning|evening|daily))\b",
                           re.IGNORECASE)


_OPENING = 400  # characters of a report read for an official's word


@lru_cache(maxsize=4096)
def _quotes_an_official(title: str, opening: str) -> bool:
    """Whether a report gives the word of an official source ("police said", "the ministry
    confirmed", "said officials"): hard news is attributed; features and clips seldom are."""
    return _OFFICIAL.search(f"{title} {opening}") is not None


# "the ministry confirmed", "officials said on Monday", "said the police"
_OFFICIAL = re.compile(r"\b(?:police|officials?|ministry|minister|government|president"
                       r"|spokes(?:man|woman|person)|authorities|army|military|chancellor|(?-i:UN)|nato"
                       r"|white house|pentagon|kremlin|court|judge|prosecutors?|regulator)\b[^.]{0,60}"
                       r"\b(?:said|says|confirmed|announced|told|warned|reported)\b"
                       r"|\b(?:said|says|confirmed|announced|warned)\s+(?:the\s+)?(?:police|officials?"
                       r"|ministry|government|president|authorities|army|military|spokes\w+)\b",
                       re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Importance:
    """A story's importance in one window, with the signals it was made of (for tests)."""

    score: float  # news + recency
    outlets: int
    reports: int
    growth: float
    kind: float  # 1 for hard news, SOFT or SERVICE
    news: float = 0.0  # the signals of the story's own reports, weighed by its kind


def in_window(story: StoryRecord, start: datetime, end: datetime) -> list[Item]:
    return [i for i in story.items if start <= i.published_at <= end]


def importance(story: StoryRecord, start: datetime, end: datetime,
               figures: Mapping[int, Sequence[Figure]] | None = None,
               weights: Weights = WEIGHTS) -> Importance:
    """How much the story matters in the window [start, end], from its own reports alone.
    A headline one outlet lists twice (in two of its feeds, or under two forms of one link)
    is one report."""
    reports = in_window(story, start, end)
    if not reports:
        return Importance(0.0, 0, 0, 0.0, 1.0)
    outlets = len(_reporting({outlet_of(i) for i in reports})) or 1
    growth = _growth(reports, start, end)
    kind = _kind_of(reports) if weights.kind else 1.0
    quoted = sum(1 for i in reports for f in (figures or {}).get(i.id, ()) if f.source)
    distinct = len({(outlet_of(i), i.title.casefold().strip()) for i in reports})
    official = sum(1 for i in reports if _quotes_an_official(i.title, i.text[:_OPENING])) / len(reports)
    news = (weights.outlets * (outlets - 1) + weights.reports * math.log1p(distinct)
            + weights.growth * growth + weights.figures * math.log1p(quoted)
            + weights.official * official) * kind
    recency = weights.recency * _lateness(max(i.published_at for i in reports), start, end)
    return Importance(news + recency, outlets, distinct, growth, kind, news)


# Link sites whose own pages are members' discussions of a report elsewhere: no outlet of their own
AGGREGATORS = frozenset({"ycombinator.com", "reddit.com", "lobste.rs", "slashdot.org", "digg.com",
                         "fark.com", "metafilter.com"})


def _reporting(outlets: set[str]) -> set[str]:
    """The outlets that report, without the link sites that only discuss a report."""
    return outlets - AGGREGATORS


def outlet_of(item: Item) -> str:
    """The publisher of an item: the registrable domain its link points to ("bbc.co.uk" for
    www.bbc.co.uk and feeds.bbc.co.uk), or its feed's name when it has no link."""
    return _outlet(item.url, item.feed_name)


@lru_cache(maxsize=1 << 14)
def _outlet(url: str | None, feed_name: str) -> str:
    host = (urlsplit(url).hostname or "") if url else ""
    labels = [label for label in host.lower().split(".") if label]
    if len(labels) < 2:
        return feed_name.casefold()
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def piece_kind(item: Item) -> float:
    """1 for hard news; SOFT for features, culture, sport and opinion; SERVICE for deals,
    reviews, quizzes, clips, galleries, guides and press reviews."""
    return _piece_kind(item.url, item.title, item.categories)


@lru_cache(maxsize=1 << 12)  # a day's digests read the same reports again and again
def _piece_kind(url: str | None, title: str, categories: tuple[str, ...]) -> float:
    sections = _sections(url)
    if (sections & _SERVICE_SECTIONS or _SERVICE_WORDS.search(title) or _LISTICLE.search(title)
            or _PRESS_REVIEW.search(title)):
        return SERVICE
    if (_FEATURE_TITLE.search(title) or _OWN_VOICE.search(title) or _told_as_a_story(title)
            or _OPINION_SLUG.search(url or "")):
        return SOFT
    if sections & _SOFT_SECTIONS or {c.casefold() for c in categories} & _SOFT_SECTIONS:
        return SECTION_NEWS if _HARD_EVENT.search(title) else SOFT
    return 1.0


def _told_as_a_story(title: str) -> bool:
    """A headline told as a story in two sentences ("A man was stabbed in 1994. It took 30 years
    to ..."): a feature's opening, not an event. Sentences as `text.split_sentences` reads them
    ("Gov. Ron DeSantis" is one); a question mark already makes a feature."""
    return any(s.text.rstrip("'\"’”").endswith(".") for s in split_sentences(title)[:-1])


# "/2022/03/02/europe/russia-ukraine-shifting-map-analysis-intl/": an outlet's own word for opinion
_OPINION_SLUG = re.compile(r"[-/_](?:analysis|opinion|commentary|comment)[-/_.]", re.IGNORECASE)
# What a culture or sport desk reports as news ("Shane Warne dies", "Fifa bans Russian clubs",
# "Will Smith apologises"): an event of the section, more than its features and results.
_HARD_EVENT = re.compile(
    r"\b(?:dies|died|dead|death|killed|kills|arrested|charged|jailed|convicted|sentenced|banned|bans|ban"
    r"|suspended|suspends|sacked|fired|resigns|quits|steps down|retires|apologi[sz]es|apology"
    r"|to sell|sells|sold"
    r"|terminates?|cancels?|cancelled|scrapped|to end|ends|condemned|condemns|fined|sues|sued|settles?"
    r"|boycotts?|refuses?|expelled|stripped|barred|withdraws?|pulls? out|accused|investigation|probe)\b",
    re.IGNORECASE)


def _kind_of(reports: Sequence[Item]) -> float:
    """The hardest kind among the reports: one hard-news report makes the story news (the
    look stops there; a busy day's digest reads hundreds of thousands of reports)."""
    kind = 0.0
    for report in reports:
        kind = max(kind, piece_kind(report))
        if kind >= 1.0:
            break
    return kind


def _sections(url: str | None) -> set[str]:
    """The section words of an item's link: "/news/world-europe-1234" → {"news", ...};
    "/sport/football/60123" → {"sport", "football"}."""
    if not url:
        return set()
    path = urlsplit(url).path.lower()
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
           before: Iterable[Item] = (), weights: Weights = WEIGHTS) -> list[StoryRecord]:
    """The stories with a report in the window, most important first, one event once: a story
    telling the same event as one ranked above it is folded into that one, and one telling of
    the same thing is moved down. `before`: reports of the window before this one, against
    which the day's words are judged new or usual and a source's standing is judged."""
    live = [s for s in stories if in_window(s, start, end)]
    earlier = list(before)
    scores = {s.id: importance(s, start, end, figures, weights) for s in live}
    close = neighbours(story_vectors(live, start, end), floor=min(SUPPORT_FLOOR, weights.diversity_floor))
    near = _at_least(close, RELATED)
    outlets = {s.id: {outlet_of(i) for i in in_window(s, start, end)} for s in live}
    news = bursts(live, start, end, earlier)
    support = report_support(live, start, end, close)
    minor = minor_sources(live, start, end, earlier)
    total = {}
    for s in live:
        shape = (weights.centrality * math.log1p(sum(cosine * len(outlets[o])
                                                     for o, cosine in near[s.id].items()))
                 + weights.burst * _story_burst(s, start, end, news)
                 + weights.support * math.log1p(support[s.id]))
        standing = weights.minor_source if _reporting(outlets[s.id]) <= minor else 1.0
        own = scores[s.id]
        total[s.id] = (own.news + own.kind * shape) * standing + (own.score - own.news)
    order = sorted(live, key=lambda s: (total[s.id], s.last_seen_at, -s.id), reverse=True)
    if weights.fold:
        order = _one_event_once(order, near)
    return _diverse(order, total, _at_least(close, weights.diversity_floor), weights.diversity)


def report_support(stories: Sequence[StoryRecord], start: datetime, end: datetime,
                   close: Mapping[int, Mapping[int, float]]) -> dict[int, float]:
    """For each story, how many reports of OTHER stories in the window tell of much the same
    thing: their reports counted by the cosine (at least SUPPORT_FLOOR) of their story with
    this one. The grouping keeps apart what it is unsure of; the day's coverage still counts."""
    reports = {s.id: len(in_window(s, start, end)) for s in stories}
    return {s.id: sum(cosine * reports[other] for other, cosine in close[s.id].items()
                      if cosine >= SUPPORT_FLOOR) for s in stories}


def minor_sources(stories: Sequence[StoryRecord], start: datetime, end: datetime,
                  before: Sequence[Item]) -> set[str]:
    """The outlets of next to no standing here: fewer than MINOR_SOURCE_ITEMS reports in this
    window and the one before, and less than MINOR_SOURCE_SHARE of all of them (a blog post, a
    page shared once on a link site). With few feeds followed, no outlet is minor."""
    counts = Counter(outlet_of(i) for s in stories for i in in_window(s, start, end))
    counts.update(outlet_of(i) for i in before)
    everything = sum(counts.values())
    return {outlet for outlet, n in counts.items()
            if n < MINOR_SOURCE_ITEMS and n < MINOR_SOURCE_SHARE * everything}


def _at_least(close: Mapping[int, Mapping[int, float]], floor: float) -> dict[int, dict[int, float]]:
    return {story_id: {o: c for o, c in found.items() if c >= floor} for story_id, found in close.items()}


DIVERSE_HEAD = 50  # diversity reorders the head of the list: no digest shows more


def _diverse(order: Sequence[StoryRecord], total: Mapping[int, float],
             near: Mapping[int, Mapping[int, float]], diversity: float) -> list[StoryRecord]:
    """The head of the list picked greedily: each next story is the one whose score, lowered
    by its highest cosine with a story already picked, is highest (one topic does not fill
    the digest while other news waits)."""
    if diversity <= 0:
        return list(order)
    pool, rest = list(order[:DIVERSE_HEAD]), list(order[DIVERSE_HEAD:])
    picked: list[StoryRecord] = []
    while pool:
        def lowered(story: StoryRecord) -> float:
            overlap = max((near[story.id].get(p.id, 0.0) for p in picked), default=0.0)
            score = total.get(story.id, 0.0)
            return score - diversity * overlap * (1.0 + abs(score))
        best = max(pool, key=lowered)
        picked.append(best)
        pool.remove(best)
    return picked + rest


def bursts(stories: Sequence[StoryRecord], start: datetime, end: datetime,
           before: Iterable[Item]) -> dict[str, float]:
    """How much more the window's headlines use each word than the previous window's did:
    log((outlets × stories using it today + 1) / (stories using it before + 1)), for words of
    at least two of today's stories."""
    today: dict[str, set[int]] = {}
    reach: dict[str, set[str]] = {}
    for story in stories:
        for item in in_window(story, start, end):
            outlet = outlet_of(item)
            for word in set(_lemmas(item.title)):
                today.setdefault(word, set()).add(story.id)
                reach.setdefault(word, set()).add(outlet)
    shared = {word for word, ids in today.items() if len(ids) >= 2}
    usual = Counter(word for item in before for word in set(_lemmas(item.title)) if word in shared)
    return {word: math.log((len(today[word]) * len(reach[word]) + 1) / (usual[word] + 1))
            for word in shared}


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
    place: dict[int, int] = {}  # a kept story's place in the order
    by_id = {s.id: s for s in order}
    headline = {s.id: {w for i in s.items for w in _lemmas(i.title)} for s in order}
    for story in order:
        same = [k for k, cosine in near[story.id].items() if k in kept and cosine >= SAME_EVENT
                and len(headline[story.id] & headline[k]) >= SHARED_HEADLINE_WORDS
                and _apart(story, by_id[k]) <= SAME_EVENT_SPAN]
        if same:
            kept[min(same, key=place.__getitem__)].append(story)
        else:
            place[story.id] = len(place)
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
            bag.update(_bag(item))
        counts[story.id] = bag
    return _unit_tfidf(counts)


def _unit_tfidf(counts: Mapping[int, Counter[str]]) -> dict[int, dict[str, float]]:
    document_frequency = Counter(t for bag in counts.values() for t in bag)
    total = len(counts)
    vectors = {}
    for story_id, bag in counts.items():
        vector = {t: (1 + math.log(n)) * math.log(1 + total / document_frequency[t])
                  for t, n in bag.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors[story_id] = {t: w / norm for t, w in vector.items()}
    return vectors


def _bag(item: Item) -> Counter[str]:
    """An item's words as the vectors count them: the title's twice, the text's opening once
    (never changed by a caller: the same report is read by every digest of its day)."""
    return _bag_of(item.title, item.text)


@lru_cache(maxsize=1 << 12)  # about a day's reports: 3 MiB on a 3,000-report day
def _bag_of(title: str, text: str) -> Counter[str]:
    bag = Counter(_lemmas(title) * 2)
    bag.update(_lemmas(" ".join(text.split()[:_VECTOR_WORDS])))
    return bag


_lemma = lru_cache(maxsize=1 << 16)(lemma)  # stemming is the costly part of reading words


@lru_cache(maxsize=1 << 14)
def _lemmas(text: str) -> tuple[str, ...]:
    """The text's words, stemmed (a title is read by several signals: once is enough)."""
    return tuple(_lemma(t) for t in terms(text))


CANDIDATES = 20  # others whose cosine with a story is computed: those sharing most telling words
COMMON_WORD = 50  # a word among the telling ones of more stories than this finds no candidates
COMMON_SHARE = 0.02  # ... nor one of more than this share of them, in a large window


def neighbours(vectors: Mapping[int, Mapping[str, float]], floor: float = RELATED,
               telling: int = 15) -> dict[int, dict[int, float]]:
    """For each story, the others whose cosine with it reaches `floor`. Candidates come from an
    inverted index over each story's most telling words (minus the words telling for very many
    stories, which tell little), the CANDIDATES sharing most weight first, so the work grows
    with the number of stories, not with its square."""
    postings: dict[str, list[tuple[int, float]]] = {}
    tops: dict[int, list[tuple[str, float]]] = {}
    for story_id, vector in vectors.items():
        # the heaviest words, ties by the word: (-weight, word) pairs compare without a key
        tops[story_id] = [(word, -weight) for weight, word in
                          sorted([(-weight, word) for word, weight in vector.items()])[:telling]]
        for word, weight in tops[story_id]:
            postings.setdefault(word, []).append((story_id, weight))
    common = max(COMMON_WORD, COMMON_SHARE * len(vectors))
    found: dict[int, dict[int, float]] = {story_id: {} for story_id in vectors}
    checked: set[tuple[int, int]] = set()  # a pair is a candidate from both sides: one cosine
    for story_id, vector in vectors.items():
        shared: dict[int, float] = {}
        for word, weight in tops[story_id]:
            posting = postings[word]
            if len(posting) > common or len(posting) == 1:  # too common, or this story's alone
                continue
            for other, other_weight in posting:
                shared[other] = shared.get(other, 0.0) + weight * other_weight
        shared.pop(story_id, None)
        for other in heapq.nlargest(CANDIDATES, shared, key=shared.__getitem__):
            pair = (story_id, other) if story_id < other else (other, story_id)
            if pair in checked:
                continue
            checked.add(pair)
            similarity = _cosine(vector, vectors[other])
            if similarity >= floor:
                found[story_id][other] = found[other][story_id] = similarity
    return found


def _cosine(left: Mapping[str, float], right: Mapping[str, float]) -> float:
    """The dot product of two unit vectors, over the words they share (found by the keys'
    set intersection, which is done in C)."""
    return sum(left[word] * right[word] for word in left.keys() & right.keys())
