"""Tests for topic alerts: query parsing, matching, muting, rate limiting and bundling."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from digests.models import Deliver, PendingAlert
from digests.servers.alerts import (
    Bundle,
    QueryError,
    QueryIndex,
    describe,
    is_muted,
    matches,
    parse_query,
    plan_deliveries,
    tokenise,
)

NOW = datetime(2022, 3, 2, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(("text", "shown"), [
    ("ukraine", "ukraine"),
    ("Ukraine Refugees", "ukraine AND refugee"),
    ('"humanitarian corridor"', '"humanitarian corridor"'),
    ('ukraine refugees OR "humanitarian corridor" -sport',
     'ukraine AND refugee  OR  "humanitarian corridor"  NOT sport'),
    ('-sport ukraine -"world cup"', 'ukraine  NOT sport NOT "world cup"'),
    ("a OR b OR c", "a  OR  b  OR  c"),
    ("covid-19 vaccine", "covid-19 AND vaccine"),
])
def test_parse_describe(text: str, shown: str) -> None:
    """Valid queries parse to the canonical description."""
    assert describe(parse_query(text)) == shown


def test_parse_structure() -> None:
    """Groups and exclusions are kept apart; the original text is kept."""
    query = parse_query('a b OR "c d" -e')
    assert len(query.groups) == 2 and len(query.groups[0]) == 2
    assert query.groups[1][0].phrase and query.groups[1][0].tokens == ("c", "d")
    assert query.excluded[0].tokens == ("e",) and query.text == 'a b OR "c d" -e'


@pytest.mark.parametrize(("text", "message"), [
    ("", "The query is empty"),
    ("   ", "The query is empty"),
    ('""', "The query is empty"),
    ("-sport -football", "only excludes"),
    ('ukraine "humanitarian corridor', "quote is not closed"),
    ("ukraine OR", "OR needs words on both sides"),
    ("OR ukraine", "OR needs words on both sides"),
    ("a OR OR b", "OR needs words on both sides"),
    ("x" * 201, "too long"),
    (" ".join(f"w{i}" for i in range(21)), "too many terms"),
])
def test_parse_errors(text: str, message: str) -> None:
    """Unusable queries raise QueryError saying what to fix."""
    with pytest.raises(QueryError, match=message):
        parse_query(text)


@pytest.mark.parametrize(("query", "text", "expected"), [
    ("ukraine refugees", "Refugees flee Ukraine", True),
    ("ukraine refugees", "Ukraine talks resume", False),
    ("refugee", "Thousands of refugees crossed", True),
    ("refugees", "one refugee crossed", True),
    ("UKRAINE", "news from ukraine", True),
    ("war", "a warning was issued", False),
    ("war", "the war, day 7", True),
    ('"humanitarian corridor"', "a humanitarian corridor opened", True),
    ('"humanitarian corridor"', "a corridor, humanitarian aid", False),
    ('"humanitarian corridors"', "Humanitarian Corridor agreed", True),
    ('ukraine refugees OR "humanitarian corridor"', "humanitarian corridor in Mariupol", True),
    ('ukraine refugees OR "humanitarian corridor"', "ukraine sanctions", False),
    ("ukraine -sport", "Ukraine sport federation banned", False),
    ("ukraine -sport", "Ukraine sanctions", True),
    ('ukraine OR russia -"world cup"', "Russia barred from World Cup", False),
    ('ukraine OR russia -"world cup"', "Russia hosts a cup for the world", True),
])
def test_matches(query: str, text: str, expected: bool) -> None:
    """Words, phrases, OR, exclusions, stemming, case and word boundaries."""
    assert matches(parse_query(query), text) is expected


def test_is_muted() -> None:
    """Muted strictly before muted_until, not after, and never when unset."""
    assert is_muted(NOW + timedelta(hours=1), NOW)
    assert not is_muted(NOW, NOW)
    assert not is_muted(None, NOW)


def _alert(story: int, *, sub: int = 1, member: int = 10, deliver: Deliver = "dm",
           channel: int | None = None) -> PendingAlert:
    return PendingAlert(sub, member, 100, story, deliver, channel)


def test_under_limit_one_message_each() -> None:
    """Under the limit every story is its own message."""
    plan = plan_deliveries([_alert(1), _alert(2)], {}, NOW)
    assert plan == [Bundle(10, 100, "dm", None, (1,)), Bundle(10, 100, "dm", None, (2,))]


def test_rate_limit_bundles_extra() -> None:
    """Past the limit the extra stories are bundled into the last allowed message."""
    plan = plan_deliveries([_alert(s) for s in range(1, 9)], {}, NOW, per_hour=3)
    assert [b.story_ids for b in plan] == [(1,), (2,), (3, 4, 5, 6, 7, 8)]


def test_rolling_hour_counts_recent_only() -> None:
    """Messages sent within the hour use up the allowance; older ones do not."""
    sent = {10: [NOW - timedelta(minutes=10), NOW - timedelta(minutes=30), NOW - timedelta(hours=2)]}
    plan = plan_deliveries([_alert(s) for s in range(1, 5)], sent, NOW, per_hour=3)
    assert [b.story_ids for b in plan] == [(1, 2, 3, 4)]
    full = {10: [NOW - timedelta(minutes=m) for m in range(5)]}
    assert plan_deliveries([_alert(1)], full, NOW) == []


def test_dedup_subscription_story() -> None:
    """A repeated (subscription, story) pair, or two subscriptions on one story, send once."""
    plan = plan_deliveries([_alert(1), _alert(1), _alert(1, sub=2), _alert(2)], {}, NOW)
    assert [b.story_ids for b in plan] == [(1,), (2,)]


def test_members_independent() -> None:
    """One member's limit does not affect another member."""
    sent = {10: [NOW - timedelta(minutes=1)] * 5}
    plan = plan_deliveries([_alert(1), _alert(1, sub=2, member=20)], sent, NOW)
    assert plan == [Bundle(20, 100, "dm", None, (1,))]


def test_channel_and_dm_kept_apart() -> None:
    """Bundles never mix destinations: a DM and a channel get separate messages."""
    alerts = [_alert(1), _alert(2, sub=2, deliver="channel", channel=7), _alert(3),
              _alert(4, sub=2, deliver="channel", channel=7)]
    plan = plan_deliveries(alerts, {}, NOW, per_hour=2)
    assert plan == [Bundle(10, 100, "dm", None, (1, 3)), Bundle(10, 100, "channel", 7, (2, 4))]


# The word index ------------------------------------------------------------------------------

_WORDS = ["ukraine", "refugees", "refugee", "kyiv", "tanks", "oil", "price", "prices", "war",
          "sanctions", "talks", "border", "poland", "gas", "world", "cup"]


def _random_query(chooser: random.Random) -> str:
    def term() -> str:
        if chooser.random() < 0.25:
            return '"' + " ".join(chooser.sample(_WORDS, chooser.choice((2, 3)))) + '"'
        return chooser.choice(_WORDS)

    groups = [" ".join(term() for _ in range(chooser.choice((1, 1, 2, 3))))
              for _ in range(chooser.choice((1, 1, 1, 2, 3)))]
    query = " OR ".join(groups)
    if chooser.random() < 0.3:
        query += " -" + term()
    return query


def _random_text(chooser: random.Random) -> str:
    return " ".join(chooser.choice([*_WORDS, "the", "a", "in"]) for _ in range(chooser.randint(0, 12)))


def test_the_word_index_finds_exactly_what_matching_every_query_finds() -> None:
    chooser = random.Random(5)
    queries = {n: parse_query(_random_query(chooser)) for n in range(400)}
    index = QueryIndex(queries)
    assert len(index) == 400
    for _ in range(300):
        text = _random_text(chooser)
        naive = {n for n, query in queries.items() if matches(query, text)}
        assert index.lookup(text) == naive
        assert naive <= index.candidates(tokenise(text))


def test_the_word_index_on_small_cases() -> None:
    index = QueryIndex({1: parse_query('ukraine refugees OR "humanitarian corridor" -sport'),
                        2: parse_query("tanks"), 3: parse_query('"world cup"')})
    assert index.lookup("Refugees leave Ukraine") == {1}
    assert index.lookup("A humanitarian corridor opens; tanks wait") == {1, 2}
    assert index.lookup("Refugees and sport in Ukraine") == set()
    assert index.lookup("The cup of the world") == set()
    assert index.lookup("") == set()
    assert QueryIndex({}).lookup("anything") == set()
