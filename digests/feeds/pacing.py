"""When to poll a feed next: pure functions of the feed, the response and the time."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

_MAX_AGE = re.compile(r"(?:^|,)\s*(s-maxage|max-age)\s*=\s*\"?(\d+)", re.IGNORECASE)


def slot_offset(url: str, interval: int) -> int:
    """A stable second within the interval for this URL, so feeds spread instead of bunching."""
    digest = hashlib.blake2b(url.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") % interval


def next_regular_check(url: str, now: datetime, interval: int) -> datetime:
    """The feed's slot about one interval from now, at least half an interval away."""
    epoch = int(now.timestamp())
    offset = slot_offset(url, interval)
    target = epoch + interval
    aligned = target - ((target - offset) % interval)
    if aligned < epoch + interval // 2:
        aligned += interval
    return now + timedelta(seconds=aligned - epoch)


def next_check_after_success(url: str, now: datetime, interval: int, cap: int,
                             hint_seconds: int | None) -> datetime:
    """The regular slot, or later when the feed's own cache hints ask for more (up to `cap`)."""
    regular = next_regular_check(url, now, interval)
    if hint_seconds is None or hint_seconds <= interval:
        return regular
    return max(regular, now + timedelta(seconds=min(hint_seconds, cap)))


def backoff_delay(failures: int, interval: int, cap: int) -> int:
    """Exponential back-off: one interval after the first failure, doubling, capped."""
    exponent = min(max(failures - 1, 0), 20)
    return int(min(interval * 2**exponent, cap))


def cache_lifetime(headers: Mapping[str, str], now: datetime) -> int | None:
    """Seconds the response says it stays fresh (Cache-Control max-age, else Expires)."""
    control = headers.get("cache-control", "")
    if re.search(r"(?:^|,)\s*(no-cache|no-store)\b", control, re.IGNORECASE):
        return None
    ages = [int(m.group(2)) for m in _MAX_AGE.finditer(control)]
    if ages:
        return max(ages)
    expires = _http_date(headers.get("expires"))
    if expires is None:
        return None
    served = _http_date(headers.get("date")) or now
    return max(int((expires - served).total_seconds()), 0)


def retry_after_seconds(value: str | None, now: datetime) -> int | None:
    """A Retry-After header, in seconds from now (it may be seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return int(value)
    when = _http_date(value)
    if when is None:
        return None
    return max(int((when - now).total_seconds()), 0)


def _http_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        return None
    return parsed
