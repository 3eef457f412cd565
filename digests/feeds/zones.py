"""The publisher's own clock: the UTC offset a feed's date is written in ("+1300", "-05:00",
"EST"), kept so that "last night" and "today" in the text are read on the publisher's day."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

_NUMERIC = re.compile(r"(?P<sign>[+-])(?P<hours>\d\d):?(?P<minutes>[0-5]\d)\s*$")
# RFC 822's named zones, the only names a feed's date may use (RFC 5322 keeps them obsolete).
_NAMED = {"UT": 0, "UTC": 0, "GMT": 0, "Z": 0, "EST": -300, "EDT": -240, "CST": -360, "CDT": -300,
          "MST": -420, "MDT": -360, "PST": -480, "PDT": -420}
_NAME_AT_END = re.compile(r"\b(?P<name>[A-Z]{1,3})\s*$")
_WIDEST = 14 * 60  # UTC-12 to UTC+14 are the clocks in use; anything wider is a typo


def stated_offset(stated: str | None) -> timedelta | None:
    """The offset a date's text ends with, or None when it names none (or an impossible one)."""
    if not stated:
        return None
    text = stated.strip()
    if match := _NUMERIC.search(text):
        minutes = int(match["hours"]) * 60 + int(match["minutes"])
        minutes = -minutes if match["sign"] == "-" else minutes
    elif (named := _NAME_AT_END.search(text.upper())) and named["name"] in _NAMED:
        minutes = _NAMED[named["name"]]
    elif text.upper().endswith("Z"):
        minutes = 0
    else:
        return None
    return timedelta(minutes=minutes) if abs(minutes) <= _WIDEST else None


def on_publisher_clock(moment: datetime, stated: str | None) -> datetime:
    """`moment` (aware) on the clock its date's text states; unchanged when the text states none."""
    return on_clock(moment, stated_offset(stated))


def on_clock(moment: datetime, offset: timedelta | None) -> datetime:
    """`moment` (aware) on the clock `offset` east of UTC; unchanged for none, or one no clock uses."""
    if offset is None or abs(offset) > timedelta(minutes=_WIDEST):
        return moment
    try:
        return moment.astimezone(timezone(offset))
    except OverflowError:  # a moment at the very edge of what datetime holds
        return moment
