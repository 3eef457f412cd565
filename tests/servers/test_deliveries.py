"""What is due on Discord: digest times and grace, time zones, and alert matching rules."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from digests.servers.alerts import matches, parse_query
from digests.servers.deliveries import (
    ScheduleError,
    digest_day_due,
    match_alerts,
    next_digest_at,
    parse_clock,
    parse_timezone,
    timezone_suggestions,
)
from digests.store.servers import AlertCandidate, GuildSettings, Subscription

GRACE = timedelta(hours=6)
SET_AT = datetime(2022, 3, 1, 0, 0, tzinfo=UTC)


def settings(at: str = "08:00", tz: str = "UTC", last: str | None = None,
             set_at: datetime = SET_AT) -> GuildSettings:
    return GuildSettings(1, 99, at, tz, set_at, last)


def utc(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2022, 3, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(("text", "expected"), [("08:00", (8, 0)), ("7:05", (7, 5)), (" 23:59 ", (23, 59))])
def test_clock_times_parse(text: str, expected: tuple[int, int]) -> None:
    clock = parse_clock(text)
    assert (clock.hour, clock.minute) == expected


@pytest.mark.parametrize("text", ["24:00", "8", "08:60", "noon", "", "8:5"])
def test_bad_clock_times_say_how_to_write_them(text: str) -> None:
    with pytest.raises(ScheduleError, match="HH:MM"):
        parse_clock(text)


def test_time_zones_are_iana_names() -> None:
    assert parse_timezone("Europe/Kyiv").key == "Europe/Kyiv"
    assert parse_timezone("UTC").key == "UTC"
    for bad in ("Mars/Olympus", "", "../etc/passwd", "europe/kyiv "):
        with pytest.raises(ScheduleError, match="IANA"):
            parse_timezone(bad)


def test_time_zone_suggestions_are_few_and_relevant() -> None:
    found = timezone_suggestions("kyi")
    assert found and found[0] == "Europe/Kyiv"
    assert len(timezone_suggestions("")) == 25
    assert all("new_york" in z.lower() for z in timezone_suggestions("new york"))


def test_digest_is_due_from_its_time_until_the_grace_ends() -> None:
    assert digest_day_due(settings(), utc(2, 7, 59), GRACE) is None
    assert digest_day_due(settings(), utc(2, 8, 0), GRACE) == date(2022, 3, 2)
    assert digest_day_due(settings(), utc(2, 13, 59), GRACE) == date(2022, 3, 2)
    assert digest_day_due(settings(), utc(2, 14, 0), GRACE) is None


def test_a_day_already_posted_is_never_due_again() -> None:
    assert digest_day_due(settings(last="2022-03-02"), utc(2, 9), GRACE) is None
    assert digest_day_due(settings(last="2022-03-01"), utc(2, 9), GRACE) == date(2022, 3, 2)


def test_a_time_already_past_when_scheduled_waits_for_tomorrow() -> None:
    late = settings(set_at=utc(2, 10))
    assert digest_day_due(late, utc(2, 10, 1), GRACE) is None
    assert next_digest_at(late, utc(2, 10, 1)) == utc(3, 8)


def test_local_time_and_yesterday_within_grace() -> None:
    """23:30 in Kyiv (UTC+2) is 21:30 UTC; at 01:00 Kyiv the next day it is still yesterday's."""
    kyiv = settings(at="23:30", tz="Europe/Kyiv")
    assert digest_day_due(kyiv, utc(2, 21, 29), GRACE) is None
    assert digest_day_due(kyiv, utc(2, 21, 30), GRACE) == date(2022, 3, 2)
    assert digest_day_due(kyiv, utc(2, 23, 0), GRACE) == date(2022, 3, 2)


def test_daylight_saving_day_still_has_one_digest() -> None:
    """New York springs forward on 13 March 2022: 02:30 does not exist there that day, and
    the digest still falls due (at 03:30 local), for that day only."""
    ny = GuildSettings(1, 99, "02:30", "America/New_York", SET_AT, None)
    due = [digest_day_due(ny, datetime(2022, 3, 13, 0, tzinfo=UTC) + timedelta(minutes=10 * n), GRACE)
           for n in range(6 * 24)]
    assert {d for d in due if d} == {date(2022, 3, 13)}


def test_no_schedule_no_digest() -> None:
    off = GuildSettings(1, None, None, None, SET_AT, None)
    assert digest_day_due(off, utc(2, 9), GRACE) is None and next_digest_at(off, utc(2, 9)) is None


NOON_2ND = utc(2, 12)
MIDNIGHT_2ND = utc(2, 0)


def candidate(item_id: int, text: str, *, feed: int = 1, story: int | None = 10,
              first_poll: bool = False, seen: datetime = NOON_2ND) -> AlertCandidate:
    return AlertCandidate(item_id, feed, story, text, "", seen, first_poll, True)


def sub(sub_id: int, query: str, *, guild: int = 7, created: datetime = MIDNIGHT_2ND) -> Subscription:
    return Subscription(sub_id, guild, 100 + sub_id, query, "dm", None, created)


def test_alerts_match_new_stories_of_followed_feeds_only() -> None:
    feeds = {7: frozenset({1}), 8: frozenset({2})}
    subs = [sub(1, "refugees"), sub(2, "refugees", guild=8), sub(3, "tanks -parade")]
    items = [candidate(1, "Refugees cross into Poland"),
             candidate(2, "Refugees seen at first poll", story=11, first_poll=True),
             candidate(3, "Tanks at the parade", story=12),
             candidate(4, "Tanks advance on Kyiv", story=13),
             candidate(5, "More refugees", story=10),
             candidate(6, "Refugees before the alert existed", story=14, seen=utc(1, 12)),
             candidate(7, "Refugees without a story yet", story=None)]
    assert match_alerts(items, subs, feeds) == {(1, 10), (3, 13)}


def test_a_stored_query_that_no_longer_parses_never_matches() -> None:
    assert match_alerts([candidate(1, "anything")], [sub(1, '"unclosed')], {7: frozenset({1})}) == set()


def test_indexed_alert_matching_gives_exactly_the_pairs_of_checking_every_subscription() -> None:
    chooser = random.Random(11)
    words = ["ukraine", "refugees", "kyiv", "tanks", "oil", "prices", "war", "talks", "gas", "cup"]

    def query() -> str:
        groups = []
        for _ in range(chooser.choice((1, 1, 2))):
            terms = [chooser.choice(words) for _ in range(chooser.choice((1, 2, 3)))]
            if chooser.random() < 0.2:
                terms.append('"' + " ".join(chooser.sample(words, 2)) + '"')
            groups.append(" ".join(terms))
        exclusion = f" -{chooser.choice(words)}" if chooser.random() < 0.3 else ""
        return " OR ".join(groups) + exclusion

    subs = [sub(n, query(), guild=chooser.choice((7, 8, 9)), created=utc(chooser.choice((1, 2, 3)), 0))
            for n in range(300)]
    subs.append(sub(300, '"unclosed'))
    feeds = {7: frozenset({1}), 8: frozenset({1, 2}), 9: frozenset({3})}
    items = [candidate(n, " ".join(chooser.choice([*words, "the"]) for _ in range(chooser.randint(1, 10))),
                       feed=chooser.choice((1, 2, 3)), story=chooser.choice((None, *range(40))),
                       first_poll=chooser.random() < 0.1, seen=utc(2, chooser.randint(0, 23)))
             for n in range(300)]
    parsed = {s.id: parse_query(s.query) for s in subs if s.query != '"unclosed'}
    naive = {(s.id, i.story_id) for i in items for s in subs
             if i.story_id is not None and not i.seen_at_first_poll and s.id in parsed
             and i.feed_id in feeds[s.guild_id] and i.first_seen_at >= s.created_at
             and matches(parsed[s.id], f"{i.title}\n{i.text}")}
    assert naive  # the random cases do match something
    assert match_alerts(items, subs, feeds) == naive
