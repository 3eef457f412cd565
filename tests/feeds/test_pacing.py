"""Pacing: spread polls, back off on failure, honour cache hints and Retry-After."""

from __future__ import annotations

from datetime import timedelta

import pytest

from digests.feeds.pacing import (
    backoff_delay,
    cache_lifetime,
    next_check_after_success,
    next_regular_check,
    retry_after_seconds,
    slot_offset,
)

from conftest import NOW


def test_polls_spread_over_the_interval() -> None:
    """A thousand feeds land in every tenth of the interval, not on one second."""
    offsets = [slot_offset(f"https://feeds{i}.example/rss", 600) for i in range(1000)]
    buckets = [0] * 10
    for offset in offsets:
        buckets[offset // 60] += 1
    assert min(buckets) > 60


def test_regular_check_is_stable_and_about_one_interval_away() -> None:
    """The next check sits on the feed's own slot, between half and one and a half intervals."""
    url = "https://a.example/rss"
    first = next_regular_check(url, NOW, 600)
    assert timedelta(seconds=300) <= first - NOW <= timedelta(seconds=900)
    second = next_regular_check(url, first, 600)
    assert second - first == timedelta(seconds=600)


def test_cache_hints_lengthen_up_to_the_cap() -> None:
    """A max-age longer than the interval is honoured, but never beyond the cap."""
    url = "https://a.example/rss"
    assert next_check_after_success(url, NOW, 600, 3600, 1800) == NOW + timedelta(seconds=1800)
    assert next_check_after_success(url, NOW, 600, 3600, 99999) == NOW + timedelta(seconds=3600)
    assert next_check_after_success(url, NOW, 600, 3600, 60) == next_regular_check(url, NOW, 600)


@pytest.mark.parametrize(("failures", "expected"), [(1, 600), (2, 1200), (3, 2400), (9, 21600)])
def test_backoff_doubles_up_to_the_cap(failures: int, expected: int) -> None:
    """Each failure doubles the wait, which never exceeds the cap."""
    assert backoff_delay(failures, 600, 21600) == expected


@pytest.mark.parametrize(("headers", "expected"), [
    ({"cache-control": "public, max-age=3600"}, 3600),
    ({"cache-control": "max-age=60, s-maxage=900"}, 900),
    ({"cache-control": "no-cache, max-age=3600"}, None),
    ({"expires": "Thu, 03 Mar 2022 13:00:00 GMT", "date": "Thu, 03 Mar 2022 12:00:00 GMT"}, 3600),
    ({"expires": "Thu, 03 Mar 2022 14:00:00 GMT"}, 7200),
    ({"expires": "0"}, None),
    ({}, None),
])
def test_cache_lifetime(headers: dict[str, str], expected: int | None) -> None:
    """Cache-Control max-age wins over Expires; nonsense gives no hint."""
    assert cache_lifetime(headers, NOW) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("120", 120), ("Thu, 03 Mar 2022 12:05:00 GMT", 300), ("soon", None), (None, None),
])
def test_retry_after(value: str | None, expected: int | None) -> None:
    """Retry-After is read as seconds or as an HTTP date."""
    assert retry_after_seconds(value, NOW) == expected
