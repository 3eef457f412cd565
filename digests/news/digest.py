"""Digests as plain data: the stories of a window, ranked, each summarised, with its figures.

Stories are ranked by news judgement inside the window (`judgement`). A story's card is led by
the report that tells the event best (hard news first, early, informative), summarised from its
reports inside the window, with the figures and people they give. The terminal and Discord each
render the same `Digest` their own way.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from digests.models import Item, Source, StoryRecord
from digests.news.figure_words import TIME_UNITS
from digests.news.figures import format_value, measure_key
from digests.news.judgement import SERVICE, WEIGHTS, Weights, importance, in_window, piece_kind, ranked
from digests.news.names import describe, merge_names
from digests.news.people_words import NATIONS, PLACES
from digests.news.summaries import SummaryDoc, summarise
from digests.readings import Figure, Mention

DAY = timedelta(hours=24)
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
                 mentions: Mapping[int, Sequence[Mention]] | None = None,
                 before: Sequence[Item] = (), weights: Weights = WEIGHTS) -> Digest:
    """The top `limit` stories of the window; `figures` and `mentions` map item ids to what
    was read in each item; `before` holds the reports of the previous window, for what is new
    and for a source's standing; `weights` are the ranking's (see `judgement.Weights`)."""
    ordered = ranked(stories, start, end, figures, before, weights)
    return digest_of_ranked(ordered, figures, mentions or {}, start, end, limit)


def digest_of_ranked(ordered: Sequence[StoryRecord], figures: Mapping[int, Sequence[Figure]],
                     mentions: Mapping[int, Sequence[Mention]], start: datetime, end: datetime,
                     limit: int = STORY_LIMIT) -> Digest:
    """The digest of stories already ranked: the first `limit` told as cards (`mentions` need
    hold only their reports' people)."""
    sources = {i.feed_name for s in ordered for i in in_window(s, start, end)}
    cards = tuple(story_card(s, figures, mentions, start, end=end) for s in ordered[:limit])
    return Digest(start, end, cards, story_total=len(ordered), source_total=len(sources))


def rank_score(story: StoryRecord, end: datetime) -> float:
    """The story's importance in the day before `end` (for ranking figures by their story)."""
    return importance(story, end - DAY, end).score


def story_card(story: StoryRecord, figures: Mapping[int, Sequence[Figure]],
               mentions: Mapping[int, Sequence[Mention]], start: datetime, *,
               end: datetime | None = None, newest_lead: bool = False) -> DigestStory:
    """The story as the digest tells it from its reports inside the window, led by the one
    that tells the event best (or, for an alert about what just happened, by its newest)."""
    items = in_window(story, start, end or story.last_seen_at) or list(story.items)
    if newest_lead:
        lead = max(items, key=lambda i: (i.first_seen_at, i.published_at))
    else:
        lead = max(items, key=_lead_quality)
    return DigestStory(
        title=lead.title or story.title, url=lead.url, summary=_summary(items, lead),
        figures=_key_figures(items, figures),
        people=key_people([m for i in items for m in mentions.get(i.id, ())]),
        sources=tuple(dict.fromkeys(i.feed_name for i in items)),
        first_seen_at=story.first_seen_at, last_seen_at=story.last_seen_at,
        item_count=len(items))


def _lead_quality(item: Item) -> tuple[float, bool, int, float]:
    """What makes a report the best lead: hard news, a link to follow, a text that informs
    (a teaser of a few words tells little), then the earliest (whoever broke it)."""
    informative = min(len(item.text), 600)
    return (piece_kind(item), item.url is not None, informative, -item.published_at.timestamp())


def _summary(items: list[Item], lead: Item) -> tuple[DigestQuote, ...]:
    """Two sentences at most, quoted from the story's reports, the lead's first; a service piece
    (a press review, a gallery's caption, a clip) is quoted only when it leads: "The growing crisis
    leads Tuesday's front pages" tells nothing of the event a news report leads."""
    news = piece_kind(lead) > SERVICE
    ordered = [lead, *(i for i in items if i.id != lead.id and not (news and piece_kind(i) <= SERVICE))]
    docs = [SummaryDoc(title=i.title, text=i.text or i.title, source=i.feed_name) for i in ordered]
    picked = summarise(docs, max_sentences=2)
    return tuple(DigestQuote(p.text, _source(ordered[p.doc])) for p in picked)


def _key_figures(items: list[Item], figures: Mapping[int, Sequence[Figure]]) -> tuple[DigestFigure, ...]:
    """The most telling figures: attributed and sizeable first, one per measure and value. A
    place is no source ("Kyiv said 21" keeps the figure, unattributed)."""
    candidates = [(_sourced(figure), item) for item in items for figure in figures.get(item.id, ())
                  if figure.counted and not small_count(figure) and not _unsaid_duration(figure)
                  and not _asked(figure)]
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


# Bodies that speak, though their names are among the places: "the Pentagon said", "Nato says".
_INSTITUTIONS = frozenset("""nato pentagon kremlin white house congress senate parliament bundestag
duma rada westminster downing capitol""".split())


def is_place(name: str) -> bool:
    """Whether a name is a place or a people ("Kyiv", "the United States", "Ukrainians"), not
    someone who can be quoted: every word is one, and none is an institution's."""
    words = [w for w in name.casefold().replace("'s", "").split() if w not in ("the", "of")]
    return bool(words) and all(w in PLACES or w in NATIONS for w in words) and not _INSTITUTIONS & set(words)


def _asked(figure: Figure) -> bool:
    """A number in a question ("Did the UK sanction 100 people last week?") is what a report
    checks, not what it finds."""
    return figure.sentence.rstrip(" '\"’”").endswith("?")


def _unsaid_duration(figure: Figure) -> bool:
    """A length of time no one is quoted for ("32 weeks pregnant", "his 13-year career"): the
    colour of a report, seldom its key figure; a sentence someone gives ("jailed for 13 years, the
    judge said") stays."""
    return figure.unit in TIME_UNITS and figure.source is None


def _sourced(figure: Figure) -> Figure:
    return replace(figure, source=None) if figure.source and is_place(figure.source) else figure


def small_count(figure: Figure) -> bool:
    """"two sides", "five hours": news spells out small numbers, and they are rarely key."""
    measured = figure.unit == "percent" or (figure.unit or "").isupper()  # a share or a sum
    return not measured and figure.value < 10 and not any(c.isdigit() for c in figure.surface)


def _figure_weight(figure: Figure, item: Item) -> tuple[bool, bool, datetime]:
    """Who said it matters most, then size (small counts are rarely the story), then recency."""
    sizeable = figure.unit is not None or figure.value >= 100
    return (figure.source is not None, sizeable, item.published_at)


def key_people(mentions: Sequence[Mention], limit: int = PEOPLE_PER_STORY) -> tuple[DigestPerson, ...]:
    """The most mentioned people, short and full names merged, with their described role.
    Only who the items show to be people: a place is none, and a single word with no role
    given ("Adidas", "Archives") may be a brand or a body."""
    canonical = merge_names((m.name for m in mentions), two_word_surnames=True)
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(canonical.get(mention.name, mention.name), []).append(mention)
    people = [(name, group, describe(group)) for name, group in grouped.items()
              if not is_place(name)]
    people = [(name, group, said) for name, group, said in people
              if said[0] is not None or (len(name.split()) >= 2 and not _a_place_or_firm(name))]
    people.sort(key=lambda p: (-len(p[1]), p[0]))
    return tuple(_styled(DigestPerson(name, *said, mentions=len(group)))
                 for name, group, said in people[:limit])


# The last word of a place ("Drum Inlet", "Outer Banks") or a firm ("Purdue Pharma"): with no role
# given, such a name is not shown as a person's
_PLACE_OR_FIRM_ENDS = frozenset("""inlet banks bay beach coast valley peninsula canyon harbour harbor
creek strait falls hills heights forest desert gulf reef glacier ridge islands island county pharma
pharmaceuticals holdings partners capital motors labs technologies industries airlines""".split())
# Titles that are part of how a royal or a pope is named: "Prince Andrew", not "Andrew (prince)"
_NAMED_WITH_TITLE = frozenset("prince princess king queen duke duchess pope emperor empress".split())


def _a_place_or_firm(name: str) -> bool:
    return name.split()[-1].casefold() in _PLACE_OR_FIRM_ENDS


def _styled(person: DigestPerson) -> DigestPerson:
    """The person as a reader names them: a royal's title before their one name."""
    if person.role in _NAMED_WITH_TITLE and len(person.name.split()) == 1:
        return replace(person, name=f"{person.role.title()} {person.name}", role=None)
    return person


def _source(item: Item) -> Source:
    return Source(item.id, item.feed_name, item.url, item.published_at)
