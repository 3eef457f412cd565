"""Stories: items that tell the same event, grouped incrementally as they arrive.

Each new item is turned into a sparse TF-IDF vector and compared with the centroids of the
stories that are still open (whose published times lie within `window` of the item's). It joins
the most similar one when the cosine, lowered by the time between the item and the story
(down to half as much a whole window away), reaches `threshold`; or it starts a story of its own.

"Same event", not just "same topic": two earthquakes or two rehab check-ins share most of their
vocabulary, so the vector leans on specific evidence. Names (runs of capitalised words, kept as
word pairs so that "actress Tara Reid" still meets "Tara Reid") and numbers weigh more than plain
words, title words weigh more than body words, and every feature is weighted by its rarity (IDF)
among the items the index holds, learned as they arrive. Candidates come from an inverted index
over each item's most telling features, so an item is compared with a handful of stories, not
with all of them. Story ids are assigned here, from 1, and survive a restart through `restore`;
or, when several processes share the database, taken from ids it handed out (`supply_ids`).
"""

from __future__ import annotations

import heapq
import math
import re
from collections import Counter, deque
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import pairwise

from digests.news.lexicon import canonical
from digests.news.text import STOPWORDS, terms

THRESHOLD = 0.25  # cosine with a story's centroid from which an item joins it
TITLE_WEIGHT = 1.5  # added to the weight of a word that is also in the title
ENTITY_WEIGHT = 2.0  # factor on name features ("@tara reid")
NUMBER_WEIGHT = 1.5  # factor on numeric words ("33", "2008")
TIME_DECAY = 0.5  # share of the similarity lost by a doc a whole window away from a story
MAX_WORDS = 500  # the lead of a long item tells its event; the rest dilutes it
QUERY_FEATURES = 30  # an item's most telling features, looked up in the inverted index
CANDIDATES = 12  # stories scored exactly, the best of the inverted-index look-up
BUCKET_SECONDS = 7 * 86400.0  # the inverted index is kept per week of a story's time span
COMMON_POSTING = 2000  # a feature shared by more open stories than this tells no event apart

# "U.S" but not the full stop of "Malibu." The lookbehind and the possessive repeat keep it
# linear: without them a 100,000-character capitalised word took minutes.
_CAPITALISED = r"(?<![\w'’.-])[A-Z](?:[\w'’-]|\.(?=\w))*+"
_NAME_RUN = re.compile(rf"{_CAPITALISED}(?:[ \t]+{_CAPITALISED})+")
_TOKEN = re.compile(r"\S+")
_NUMBER = re.compile(r"\d")

Vector = dict[str, float]


@dataclass(frozen=True, slots=True)
class StoryDoc:
    """One stored item as the clustering sees it."""

    id: int
    title: str
    text: str  # plain text, paragraphs separated by a blank line
    source: str
    published: datetime  # UTC-aware


@dataclass(slots=True)
class _Story:
    """A story's members, centroid (sum of member vectors) and time span."""

    members: list[int]
    centroid: Vector
    norm2: float
    first: datetime
    last: datetime


class StoryIndex:
    """Incremental: a new doc joins the best-matching recent story or starts one."""

    def __init__(self, *, window: timedelta = timedelta(days=3), threshold: float = THRESHOLD) -> None:
        self.window = window
        self.threshold = threshold
        self._stories: dict[int, _Story] = {}
        self._doc_story: dict[int, int] = {}
        self._doc_features: dict[int, tuple[str, ...]] = {}
        self._df: Counter[str] = Counter()
        # (feature, week) -> stories: a look-up reads only the weeks a doc's window touches, so
        # reading a long history newest first does not walk every story ever filed.
        self._postings: dict[tuple[str, int], set[int]] = {}
        self._next_id = 1
        self._supplied: deque[int] | None = None
        # (last, story id) whenever a story's last doc moves: `forget_before` pops the expired
        # ones instead of walking every story (it runs after every batch read).
        self._expiry: list[tuple[datetime, int]] = []

    def reserve_ids_through(self, story_id: int) -> None:
        """New stories get ids above `story_id`."""
        self._next_id = max(self._next_id, story_id + 1)

    def supply_ids(self, ids: Iterable[int]) -> None:
        """From now on, new stories take their ids from these (and later supplies), in order,
        never from the index's own count: ids the database handed out, which no other process
        sharing it is given. Keep `ids_in_hand` at least the number of docs about to be added."""
        if self._supplied is None:
            self._supplied = deque()
        self._supplied.extend(ids)

    def ids_in_hand(self) -> int:
        """How many supplied ids are left for new stories (0 when none was ever supplied)."""
        return len(self._supplied) if self._supplied is not None else 0

    def new_id(self) -> int:
        """An id no story of this index has or will get: for a story made outside it."""
        if self._supplied is not None:
            if not self._supplied:
                raise LookupError("no supplied story id left: supply more before adding docs")
            return self._supplied.popleft()
        self._next_id += 1
        return self._next_id - 1

    def add(self, doc: StoryDoc) -> int:
        """Places the doc in the best-matching open story, or a new one; returns the story id."""
        if doc.id in self._doc_story:
            return self._doc_story[doc.id]
        _check_time(doc)
        vector = self._vector(doc)
        story_id = self._best_story(vector, doc.published)
        if story_id is None:
            story_id = self.new_id()
        self._join(story_id, doc, vector)
        return story_id

    def assign(self, doc: StoryDoc, story_id: int) -> None:
        """Puts the doc in the given story without deciding (rebuilding after a restart).

        A doc the index already holds stays where it is.
        """
        if story_id < 1:
            raise ValueError(f"story ids start at 1, got {story_id}")
        if doc.id in self._doc_story:
            return
        _check_time(doc)
        self._join(story_id, doc, self._vector(doc))

    def __len__(self) -> int:
        """How many docs the index holds."""
        return len(self._doc_story)

    def story_of(self, doc_id: int) -> int:
        """The story the doc belongs to (KeyError when the doc is unknown or forgotten)."""
        return self._doc_story[doc_id]

    def members(self, story_id: int) -> tuple[int, ...]:
        """The story's doc ids in the order they joined (KeyError when unknown)."""
        return tuple(self._stories[story_id].members)

    def stories(self) -> dict[int, tuple[int, ...]]:
        """Every story held, by id, with its doc ids."""
        return {story_id: tuple(story.members) for story_id, story in self._stories.items()}

    def forget_before(self, moment: datetime) -> None:
        """Drops the stories whose last doc is older than `moment`, with their docs and counts."""
        while self._expiry and self._expiry[0][0] < moment:
            last, story_id = heapq.heappop(self._expiry)
            story = self._stories.get(story_id)
            if story is not None and story.last == last:  # else a later entry stands for it
                self._drop(story_id)

    def _vector(self, doc: StoryDoc) -> Vector:
        """The doc's features counted into the IDF, then weighted by it and L2-normalised."""
        raw = doc_features(doc)
        self._doc_features[doc.id] = tuple(raw)
        self._df.update(raw.keys())
        total = len(self._doc_features)
        vector = {feature: weight * math.log(1.0 + total / self._df[feature])
                  for feature, weight in raw.items()}
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        return {feature: weight / norm for feature, weight in vector.items()}

    def _best_story(self, vector: Vector, published: datetime) -> int | None:
        """The open story most similar to the vector, if similar enough."""
        best: tuple[float, int] | None = None
        for story_id in self._candidates(vector, published):
            story = self._stories[story_id]
            score = self._similarity(vector, story) * self._closeness(story, published)
            if score >= self.threshold and (best is None or score > best[0]):
                best = (score, story_id)
        return None if best is None else best[1]

    def _candidates(self, vector: Vector, published: datetime) -> list[int]:
        """Open stories sharing the vector's most telling features, best partial overlap first."""
        telling = sorted(vector.items(), key=lambda item: (-item[1], item[0]))[:QUERY_FEATURES]
        moment, reach = published.timestamp(), self.window.total_seconds()
        weeks = range(_week(moment - reach), _week(moment + reach) + 1)
        partial: dict[int, float] = {}
        for feature, weight in telling:
            postings = [p for week in weeks if (p := self._postings.get((feature, week)))]
            if sum(map(len, postings)) > COMMON_POSTING:
                continue  # a common word: its share of any cosine is small, walking it is not
            sharing = postings[0] if len(postings) == 1 else set().union(*postings)
            for story_id in sharing:
                story = self._stories[story_id]
                partial[story_id] = partial.get(story_id, 0.0) + weight * story.centroid[feature]
        open_ids = [sid for sid in partial if self._is_open(self._stories[sid], published)]
        open_ids.sort(key=lambda sid: (-partial[sid] / math.sqrt(self._stories[sid].norm2), sid))
        return open_ids[:CANDIDATES]

    def _is_open(self, story: _Story, published: datetime) -> bool:
        """Whether a doc published then may still join the story."""
        # Differences of datetimes never overflow; published ± window would for year-1 dates.
        return published - story.last <= self.window and story.first - published <= self.window

    def _closeness(self, story: _Story, published: datetime) -> float:
        """1 for a doc within the story's time span, down to 1 - TIME_DECAY a window away."""
        gap = max(story.first - published, published - story.last, timedelta(0))
        return 1.0 - TIME_DECAY * min(1.0, gap / self.window) if self.window else 1.0

    def _similarity(self, vector: Vector, story: _Story) -> float:
        """Cosine between the (unit) vector and the story's centroid."""
        dot = _dot(vector, story.centroid)
        return dot / math.sqrt(story.norm2) if story.norm2 > 0 else 0.0

    def _join(self, story_id: int, doc: StoryDoc, vector: Vector) -> None:
        """Adds the doc's vector to the story (creating it), updating postings and ids."""
        story = self._stories.get(story_id)
        if story is None:
            story = _Story([], {}, 0.0, doc.published, doc.published)
            self._stories[story_id] = story
        held = _weeks(story) if story.members else range(0)
        story.norm2 += 2.0 * _dot(vector, story.centroid) + _dot(vector, vector)
        centroid = story.centroid
        new_features = [feature for feature in vector if feature not in centroid]
        for feature, weight in vector.items():
            centroid[feature] = centroid.get(feature, 0.0) + weight
        story.members.append(doc.id)
        story.first = min(story.first, doc.published)
        if doc.published > story.last or len(story.members) == 1:
            story.last = doc.published
            heapq.heappush(self._expiry, (story.last, story_id))
        spanned = _weeks(story)
        added_weeks = [week for week in spanned if week not in held]
        fresh = set(new_features)
        for feature in centroid:
            for week in spanned if feature in fresh else added_weeks:
                self._postings.setdefault((feature, week), set()).add(story_id)
        self._doc_story[doc.id] = story_id
        self._next_id = max(self._next_id, story_id + 1)

    def _drop(self, story_id: int) -> None:
        """Forgets a story: its postings, its docs and their share of the IDF counts."""
        story = self._stories.pop(story_id)
        for feature in story.centroid:
            for week in _weeks(story):
                posting = self._postings.get((feature, week))
                if posting is None:
                    continue
                posting.discard(story_id)
                if not posting:
                    del self._postings[(feature, week)]
        for doc_id in story.members:
            del self._doc_story[doc_id]
            for feature in self._doc_features.pop(doc_id):
                self._df[feature] -= 1
                if self._df[feature] <= 0:
                    del self._df[feature]


def _week(seconds: float) -> int:
    return math.floor(seconds / BUCKET_SECONDS)


def _weeks(story: _Story) -> range:
    """The weeks a story's time span touches: where its postings are kept."""
    return range(_week(story.first.timestamp()), _week(story.last.timestamp()) + 1)


def restore(index: StoryIndex, assignments: Iterable[tuple[StoryDoc, int]], *,
            highest_id: int = 0) -> None:
    """Rebuilds an index from stored (doc, story id) pairs, keeping every id as it was.

    New stories get ids above `highest_id` (the highest stored), even when no recent story was
    loaded: reusing an old id would fold new items into a story from long ago."""
    index.reserve_ids_through(highest_id)
    for doc, story_id in sorted(assignments, key=lambda pair: (pair[0].published, pair[0].id)):
        index.assign(doc, story_id)


def doc_features(doc: StoryDoc) -> dict[str, float]:
    """A doc's raw feature weights: words (title words more), numbers and names (more still)."""
    body = _lead(doc.text)
    counts = Counter(_words(body))
    title_terms = set(_words(doc.title))
    counts.update(title_terms - counts.keys())
    features: dict[str, float] = {}
    for term, count in counts.items():
        weight = 1.0 + math.log(count) + (TITLE_WEIGHT if term in title_terms else 0.0)
        features[term] = weight * (NUMBER_WEIGHT if _NUMBER.search(term) else 1.0)
    names = Counter(names_in(body))
    if not _headline_case(doc.title):
        names.update(names_in(doc.title))
    for name, count in names.items():
        features[name] = ENTITY_WEIGHT * (1.0 + math.log(count))
    return features


def _words(text: str) -> list[str]:
    """The text's content words, each as its news family: "seized" meets "seizes", and
    "soldiers" meets "troops"."""
    return [canonical(term) for term in terms(text)]


def names_in(text: str) -> list[str]:
    """Name features: each pair of adjacent capitalised words, stop words breaking a run."""
    found = []
    for run in _NAME_RUN.findall(text):
        parts = run.split()
        for left, right in pairwise(parts):
            if left.lower() not in STOPWORDS and right.lower() not in STOPWORDS:
                found.append(f"@{left.lower()} {right.lower()}")
    return found


def _lead(text: str) -> str:
    """The first MAX_WORDS words of the text."""
    for count, match in enumerate(_TOKEN.finditer(text), start=1):
        if count == MAX_WORDS:
            return text[:match.end()]
    return text


def _headline_case(title: str) -> bool:
    """Whether most of the title's words are capitalised, so capitals say nothing of names."""
    tokens = [t for t in title.split() if t[:1].isalpha()]
    return bool(tokens) and sum(t[0].isupper() for t in tokens) > 0.6 * len(tokens)


def _check_time(doc: StoryDoc) -> None:
    """Refuses a naive published time, which could not be compared with the others."""
    if doc.published.tzinfo is None:
        raise ValueError(f"doc {doc.id}: published time must be timezone-aware, got {doc.published}")


def _dot(small: Vector, large: Vector) -> float:
    """Dot product of two sparse vectors, iterating over the first."""
    return sum(weight * large.get(feature, 0.0) for feature, weight in small.items())
