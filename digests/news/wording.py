"""How the engine's values are worded for readers, the same in the terminal and in Discord:
dates, counts, source lines and the digest's heading. Renderers add their own markup."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from digests.models import Source
from digests.news.digest import Digest


def day(moment: datetime) -> str:
    """"Wed 2 Mar 2022"."""
    return f"{moment:%a %-d %b %Y}"


def count(n: int, one: str, many: str) -> str:
    """"1 story", "14 stories"."""
    return f"{n} {one if n == 1 else many}"


def sources_line(sources: Sequence[str], shown: int = 2) -> str:
    """"BBC, Guardian +2"."""
    head = ", ".join(sources[:shown])
    rest = len(sources) - shown
    return f"{head} +{rest}" if rest > 0 else head


def source_label(source: Source) -> str:
    """"Kyiv Wire, Wed 2 Mar 2022": a quote's or a figure's source and date."""
    return f"{source.feed_name}, {day(source.published_at)}"


def digest_heading(digest: Digest, end: datetime) -> str:
    """"Daily digest · Wed 2 Mar 2022 · 14 stories from 5 sources", with `end` the window's
    end in the reader's time zone: "Last 12 hours" or "Last 7 days" for other windows, and
    "10 of 60 stories" when the digest shows fewer than it counted."""
    shown, total = len(digest.stories), digest.story_total
    stories = (f"{shown} of {total} stories" if shown < total
               else count(total, "story", "stories"))
    return (f"{window_name(digest.window_end - digest.window_start)} · {day(end)} · {stories}"
            f" from {count(digest.source_total, 'source', 'sources')}")


def window_name(span: timedelta) -> str:
    """"Daily digest" for a day; "Last 12 hours", "Last 7 days" otherwise."""
    hours = span.total_seconds() / 3600
    if round(hours, 6) == 24:
        return "Daily digest"
    if hours >= 48 and round(hours, 6) % 24 == 0:
        return f"Last {round(hours) // 24} days"
    return f"Last {hours:g} hours" if hours != 1 else "Last hour"
