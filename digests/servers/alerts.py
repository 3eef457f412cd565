"""Topic alerts, the pure core: query parsing and matching, muting, rate limiting and bundling.

Query syntax: words (all must match), ``"exact phrases"``, ``OR`` between alternatives and
``-word`` / ``-"phrase"`` to exclude. ``OR`` binds loosest: it separates groups of AND-ed terms,
so ``ukraine refugees OR "humanitarian corridor" -sport`` means
(ukraine AND refugees) OR ("humanitarian corridor"), NOT sport. Exclusions apply to the whole
query wherever they are written: a member who writes ``-sport`` means "never about sport", and
per-group exclusions would let a story through another alternative.

Matching is case-insensitive, on whole words, with the plural stemming of `digests.news.text.stem`;
a phrase matches consecutive words.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from digests.errors import DigestError
from digests.models import Deliver, PendingAlert
from digests.news.text import stem, words

MAX_QUERY_CHARS = 200
MAX_QUERY_TERMS = 20
WINDOW = timedelta(hours=1)

_TOKEN = re.compile(r'-?"[^"]*"|[^\s"]+')


class QueryError(DigestError):
    """An alert query that cannot be used; the message says what to fix."""


@dataclass(frozen=True, slots=True)
class Term:
    """A word (one normalised token) or a phrase (several, to be found consecutively)."""

    tokens: tuple[str, ...]
    phrase: bool

    def __str__(self) -> str:
        return f'"{" ".join(self.tokens)}"' if self.phrase else self.tokens[0]


@dataclass(frozen=True, slots=True)
class Query:
    """Groups of AND-ed terms joined by OR, and terms excluded from the whole query."""

    groups: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]
    text: str


def _normalise(text: str) -> tuple[str, ...]:
    return tuple(stem(word.lower()) for word in words(text))


def _term(raw: str, quoted: bool) -> Term | None:
    tokens = _normalise(raw)
    if not tokens:
        return None
    return Term(tokens, quoted or len(tokens) > 1)


def parse_query(text: str) -> Query:
    """Parse an alert query, raising QueryError with what to fix."""
    if not text.strip():
        raise QueryError("The query is empty: give at least one word to watch for.")
    if len(text) > MAX_QUERY_CHARS:
        raise QueryError(f"The query is too long: keep it under {MAX_QUERY_CHARS} characters.")
    if text.count('"') % 2:
        raise QueryError('A quote is not closed: put a " at the end of the phrase.')
    groups: list[tuple[Term, ...]] = []
    current: list[Term] = []
    excluded: list[Term] = []
    count = 0
    for token in _TOKEN.findall(text):
        if token == "OR":
            if not current:
                raise QueryError("OR needs words on both sides, as in: ukraine OR russia.")
            groups.append(tuple(current))
            current = []
            continue
        negative = token.startswith("-")
        body = token[1:] if negative else token
        quoted = body.startswith('"')
        term = _term(body.strip('"'), quoted)
        if term is None:
            continue
        count += 1
        (excluded if negative else current).append(term)
    if count > MAX_QUERY_TERMS:
        raise QueryError(f"The query has too many terms: use at most {MAX_QUERY_TERMS}.")
    if current:
        groups.append(tuple(current))
    elif groups:
        raise QueryError("OR needs words on both sides, as in: ukraine OR russia.")
    if not groups:
        if excluded:
            raise QueryError("The query only excludes: add a word that stories must contain.")
        raise QueryError("The query is empty: give at least one word to watch for.")
    return Query(tuple(groups), tuple(excluded), text)


def describe(query: Query) -> str:
    """The canonical form shown back: ``a AND b  OR  "c d"  NOT e``."""
    shown = "  OR  ".join(" AND ".join(str(term) for term in group) for group in query.groups)
    if query.excluded:
        shown += "  NOT " + " NOT ".join(str(term) for term in query.excluded)
    return shown


@dataclass(frozen=True, slots=True)
class Tokens:
    """A text read once for matching against many queries."""

    sequence: tuple[str, ...]
    distinct: frozenset[str]


def tokenise(text: str) -> Tokens:
    sequence = _normalise(text)
    return Tokens(sequence, frozenset(sequence))


def _contains(tokens: Tokens, term: Term) -> bool:
    if term.tokens[0] not in tokens.distinct:
        return False
    size = len(term.tokens)
    if size == 1:
        return True
    sequence = tokens.sequence
    return any(sequence[i:i + size] == term.tokens for i in range(len(sequence) - size + 1))


def matches(query: Query, text: str | Tokens) -> bool:
    """Whether a story's text (title, summary, item titles and texts) matches the query."""
    tokens = tokenise(text) if isinstance(text, str) else text
    if any(_contains(tokens, term) for term in query.excluded):
        return False
    return any(all(_contains(tokens, term) for term in group) for group in query.groups)


class QueryIndex:
    """Queries indexed by one word of each OR-group, to match a story against many at once.

    A group can only match a text that contains every word of its terms, so each group is filed
    under one of them (the longest, usually the rarest); a text need only be checked against the
    queries filed under a word it contains. `lookup` gives exactly the keys whose query
    `matches` the text.
    """

    __slots__ = ("_by_word", "_queries")

    def __init__(self, queries: Mapping[int, Query]) -> None:
        self._queries = dict(queries)
        self._by_word: dict[str, set[int]] = {}
        for key, query in self._queries.items():
            for group in query.groups:
                self._by_word.setdefault(_index_word(group), set()).add(key)

    def __len__(self) -> int:
        return len(self._queries)

    def candidates(self, tokens: Tokens) -> set[int]:
        """Keys of the queries that may match: a superset of `lookup`, without checking."""
        found: set[int] = set()
        by_word = self._by_word
        if len(tokens.distinct) <= len(by_word):
            for word in tokens.distinct:
                keys = by_word.get(word)
                if keys:
                    found |= keys
        else:
            for word, keys in by_word.items():
                if word in tokens.distinct:
                    found |= keys
        return found

    def lookup(self, text: str | Tokens) -> set[int]:
        """Keys of the queries that match the text."""
        tokens = tokenise(text) if isinstance(text, str) else text
        return {key for key in self.candidates(tokens) if matches(self._queries[key], tokens)}


def _index_word(group: tuple[Term, ...]) -> str:
    return max((token for term in group for token in term.tokens), key=lambda t: (len(t), t))


def is_muted(muted_until: datetime | None, now: datetime) -> bool:
    """Whether a member's alerts are silenced at `now`."""
    return muted_until is not None and now < muted_until


@dataclass(frozen=True, slots=True)
class Bundle:
    """One message to send: a single story, or several bundled together."""

    member_id: int
    guild_id: int
    deliver: Deliver
    channel_id: int | None
    story_ids: tuple[int, ...]


_Destination = tuple[int, Deliver, int | None]


def plan_deliveries(pending: Sequence[PendingAlert], sent_recently: Mapping[int, list[datetime]],
                    now: datetime, *, per_hour: int = 5) -> list[Bundle]:
    """The messages to send now, at most `per_hour` per member over the rolling hour.

    `sent_recently` maps member ids to when their earlier alert messages went out. Repeated
    (subscription, story) pairs collapse, and so does a story reaching the same destination
    through two subscriptions. When a member has more stories than messages left, the last
    message bundles the rest per destination; stories left out (no message left at all, or more
    destinations than messages) stay pending for the caller to plan again later.
    """
    items: dict[int, dict[tuple[_Destination, int], None]] = {}
    seen: set[tuple[int, int]] = set()
    for alert in pending:
        if (alert.subscription_id, alert.story_id) in seen:
            continue
        seen.add((alert.subscription_id, alert.story_id))
        channel = alert.channel_id if alert.deliver == "channel" else None
        destination: _Destination = (alert.guild_id, alert.deliver, channel)
        items.setdefault(alert.member_id, {})[(destination, alert.story_id)] = None
    bundles: list[Bundle] = []
    for member, member_items in items.items():
        recent = sum(1 for sent in sent_recently.get(member, []) if now - sent < WINDOW)
        bundles.extend(_member_bundles(member, list(member_items), per_hour - recent))
    return bundles


def _member_bundles(member: int, items: list[tuple[_Destination, int]], left: int) -> list[Bundle]:
    if left <= 0:
        return []
    if len(items) <= left:
        return [Bundle(member, *dest, (story,)) for dest, story in items]
    singles = left - 1
    while singles > 0 and singles + len({dest for dest, _ in items[singles:]}) > left:
        singles -= 1
    bundles = [Bundle(member, *dest, (story,)) for dest, story in items[:singles]]
    rest: dict[_Destination, list[int]] = {}
    for dest, story in items[singles:]:
        rest.setdefault(dest, []).append(story)
    for dest, stories in list(rest.items())[:left - singles]:
        bundles.append(Bundle(member, *dest, tuple(stories)))
    return bundles
