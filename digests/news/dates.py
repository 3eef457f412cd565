"""The days a news text names ("on Monday", "yesterday", "two weeks ago", "3 March"), resolved
against the day it was published."""

from __future__ import annotations

import re
from datetime import date, timedelta

from digests.news import figure_words as vocab


def calendar_dates_in(text: str, today: date) -> list[date]:
    """Explicit calendar dates a text names ("by 3 March", "on March 8"), resolved to `today`'s year."""
    return [when for match in vocab.RELATIVE.finditer(text)
            if (match.group("d1") or match.group("d2")) and (when := _resolve(match, today))]


def dates_in(sentence: str, today: date) -> list[tuple[int, date]]:
    """The dates the sentence names, resolved against the publication day, with their positions."""
    found = []
    matches = list(vocab.RELATIVE.finditer(sentence))
    for n, match in enumerate(matches):
        following = matches[n + 1] if n + 1 < len(matches) else None
        if match.group("day") and _dated_by(sentence, match, following):
            continue  # "on Monday, October 13": the date says which Monday
        ahead = _FUTURE.search(sentence, 0, match.start()) is not None or (
            _FROM_BEFORE.search(sentence, 0, match.start()) is not None
            and (is_future(sentence) or _OBLIGED.search(sentence) is not None)) or (
            match.group("day") is not None and (_AHEAD_OF.search(sentence, 0, match.start()) is not None
                                                or _future_after(sentence, match.end()))) or (
            _MOVED_FROM_TO.search(sentence, max(0, match.start() - 120), match.start()) is not None)
        when = _resolve(match, today, ahead)
        if (when is not None and when < today and not ahead and not match.group("day")
                and not _TOLD_AS_PAST.search(sentence, max(0, match.start() - _PAST_NEAR), match.end() + 20)):
            coming = _resolve(match, today, True)  # "the Platinum Party at the Palace on 4 June", told
            # in February; "would be sentenced on 22 January", told in December: the coming one, the
            # nearer of the two, when nothing says it is past
            if coming is not None and (coming - today).days <= min(_NEARER_AHEAD, (today - when).days - 1):
                when = coming
        if when is not None and not ahead and not match.group("day") \
                and _UNTIL.search(sentence, max(0, match.start() - 40), match.start()):
            later = _resolve(match, today, True)  # "released on bail until 21 August", told in July
            when = later if later is not None and later.year == today.year and later > today else when
        if when is not None:
            found.append((match.start(), when))
    holidays = _holidays_in(sentence, today)
    return sorted([*found, *holidays]) if holidays else found


def _holidays_in(sentence: str, today: date) -> list[tuple[int, date]]:
    """Days named by a fixed feast or holiday ("late on New Year's Eve", "on Boxing Day"): the
    nearest one to the publication day, but a coming one where the sentence tells of what is to
    come and a past one where it tells the day as gone."""
    found = []
    for match in _HOLIDAY.finditer(sentence):
        month, day = _HOLIDAYS[re.sub(r"[\s'’.-]+", " ", match.group().casefold()).strip()]
        years = [today.year - 1, today.year, today.year + 1]
        candidates = [date(year, month, day) for year in years]
        if _TOLD_AS_PAST.search(sentence, max(0, match.start() - _PAST_NEAR), match.end() + 20):
            candidates = [when for when in candidates if when <= today] or candidates
        elif is_future(sentence) or _AHEAD_OF.search(sentence, 0, match.start()):
            candidates = [when for when in candidates if when >= today] or candidates
        found.append((match.start(), min(candidates, key=lambda when: abs((when - today).days))))
    return found


_HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "boxing day": (12, 26),
             "new year s eve": (12, 31), "new years eve": (12, 31), "hogmanay": (12, 31),
             "new year s day": (1, 1), "new years day": (1, 1), "valentine s day": (2, 14),
             "st patrick s day": (3, 17), "saint patrick s day": (3, 17), "halloween": (10, 31),
             "hallowe en": (10, 31),
             "bonfire night": (11, 5), "guy fawkes night": (11, 5), "armistice day": (11, 11),
             "remembrance day": (11, 11), "anzac day": (4, 25), "australia day": (1, 26),
             "waitangi day": (2, 6), "canada day": (7, 1), "fourth of july": (7, 4),
             "burns night": (1, 25)}
_HOLIDAY = re.compile(r"\b(?:Christmas\s+(?:Eve|Day)|Boxing\s+Day|New\s+Year['’]?s\s+(?:Eve|Day)|Hogmanay"
                      r"|Valentine['’]s\s+Day|(?:St\.?|Saint)\s+Patrick['’]s\s+Day|Hallowe['’]?en"
                      r"|Bonfire\s+Night|Guy\s+Fawkes\s+Night|Armistice\s+Day|Remembrance\s+Day|Anzac\s+Day"
                      r"|Australia\s+Day|Waitangi\s+Day|Canada\s+Day|Fourth\s+of\s+July|Burns\s+Night)\b")


# What tells a day as gone: "was held on 3 May", "took place", "died on", "opened in" (not "will be
# sentenced on")
_TOLD_AS_PAST = re.compile(r"\b(?:was|were|had|did|took|held|happened|died|won|lost|came|went|began|ended|"
                           r"last|ago|since)\b|(?<!\bbe\s)\b[a-z]{3,}ed\s+(?:on|in)\b", re.IGNORECASE)
_PAST_NEAR = 60  # characters before a day that may tell it as past ("was held on 3 May")
_NEARER_AHEAD = 182  # days ahead a day told without a year may be, before last year's is nearer
# "on bail until 21 August", "closed till 3 May": a day to come, though more than a month ahead
_UNTIL = re.compile(r"\b(?:until|till)\s+(?:at\s+least\s+)?$", re.IGNORECASE)


_FROM_BEFORE = re.compile(r"\b(?:from|starting|as\s+of|beginning)\s+(?:on\s+)?$", re.IGNORECASE)
# "From Monday, visitors will be allowed …": the day a change to come starts
_OBLIGED = re.compile(r"\b(?:must|have\s+to|has\s+to|(?:is|are)\s+(?:required|ordered|told)\s+to)\b",
                      re.IGNORECASE)  # "birds must be kept indoors from Saturday": a rule to come
_DAY_THEN_DATE = re.compile(r",?\s+(?:the\s+)?")
# "ahead of Sunday's election", "before Sunday vote", "until Monday", "pushed back to Wednesday":
# a day still to come
_AHEAD_OF = re.compile(r"\b(?:ahead\s+of|before|until|till|in\s+time\s+for|(?:pushed|put|moved)\s+back\s+to|"
                       r"(?:postponed|delayed|deferred|moved|rescheduled|brought\s+forward)\s+(?:to|until|till|for)"
                       r")\s+(?:this\s+|next\s+)?$", re.IGNORECASE)
# "move homecoming gig to 20 June", "moved the show from Saturday 13 June to Saturday 20 June": a
# day something is moved from or to is one still to come
_MOVED = (r"\b(?:move[sd]?|moving|postpone[sd]?|postponing|push(?:es|ed)?\s+back|put\s+back|"
          r"reschedul(?:e[sd]?|ing)|delay(?:s|ed)?|bring(?:s)?\s+forward|brought\s+forward|shift(?:s|ed)?)\b"
          r"(?:[^.;:!?]|\.(?=\s*\d)){{0,120}}?\b(?:{ends})\s+(?:[A-Z][a-z]+day\s+)?$")  # "Sept. 18" goes on
_MOVED_FROM_TO = re.compile(_MOVED.format(ends="from|to|until"))
_MOVED_TO = re.compile(_MOVED.format(ends="to|until"))


def without_former_days(sentence: str) -> str:
    """The sentence without the days something was due on before a change ("which had been due
    on Jan. 26", "a week later than the revised date of Feb. 2", "postponed from Thursday to
    Saturday"): they are no longer its day."""
    def kept(day: re.Match[str]) -> str:
        return " " if _FORMER.search(sentence, max(0, day.start() - 80), day.start()) else day.group()
    return vocab.RELATIVE.sub(kept, sentence)


_FORMER = re.compile(rf"(?:\b(?:had\s+been|(?:was|were)\s+(?:originally|initially|first)|originally"
                     rf"|initially|previously)\s+(?:due|set|scheduled|planned|expected|slated)"
                     rf"(?:\s+to\s+[a-z]+)?(?:\s+(?:on|for|in))?"
                     rf"|\b(?:original|revised|previous|earlier|old)\s+(?:date|deadline)(?:\s+of)?"
                     rf"|\b(?:postponed|delayed|moved|pushed\s+back|put\s+back|brought\s+forward|rescheduled)"
                     rf"\b[^.]{{0,60}}?\bfrom"  # "postponed the launch from Thursday to Saturday"
                     rf"|\b(?:stood\s+down|scrubbed|called\s+off|cancell?ed|abandoned)\s+(?:the|its|their|a)"
                     rf"(?:\s+planned)?)"  # "has stood down the Sept. 24 launch attempt"
                     rf"\s+(?:(?:{'|'.join(vocab.DAYS)}),?\s+)?$", re.IGNORECASE)


_MOVED_REACH = 160  # characters before a day read for the move that leads to it ("moved a hearing on
# the planned demolition of homes in Nairobi's Mukuru kwa Njenga settlement from Feb. 4 to Feb. 11")


def moved_to(sentence: str, at: int) -> bool:
    """Whether the day written at `at` is the one something was moved to ("moved back a week to
    Wednesday 18 March")."""
    return _MOVED_TO.search(sentence, max(0, at - _MOVED_REACH), at) is not None


# "On Tuesday she will play …", "On Friday, the council will vote": what the day's clause does
# next is still to come
_WILL_AFTER = re.compile(r",?\s+(?:[\w'’-]+\s+){0,3}?(?:will|shall)\b")


def _future_after(sentence: str, end: int) -> bool:
    return _WILL_AFTER.match(sentence, end) is not None


def _dated_by(sentence: str, day: re.Match[str], following: re.Match[str] | None) -> bool:
    """Whether a weekday is written with its calendar date right after it."""
    return (following is not None and bool(following.group("d1") or following.group("d2"))
            and _DAY_THEN_DATE.fullmatch(sentence, day.end(), following.start()) is not None)


# What a sentence says is still to come: "will address MPs on Tuesday", "X to address MPs on
# Tuesday" (a headline's future), "is due to", "set to", "set for", "plans to"; not "appears to
# have crashed Friday".
def is_future(sentence: str) -> bool:
    """Whether the sentence tells of what is still to come ("will", "is set to", "set for")."""
    return _FUTURE.search(sentence) is not None


_FUTURE = re.compile(r"\b(?:set|scheduled|slated|planned|due)\s+for\b|"
                     r"\b(?:scheduled|slated|due|expected)\s+(?:in|on)\b|"
                     r"\b(?:(?-i:will|shall)|(?:is|are|was|were)\s+(?:due|set|expected|scheduled|going)\s+to|"
                     r"(?:plans?|bids?|hopes?|aims?|vows?|seeks?|prepares?|preparing)\s+to|(?:is|are)\s+to)\b|^[^,;:]{0,60}?(?<!ed)(?<!was)(?<!were)\s+to\s+"
                     r"(?!(?:be|have|the|a|an|his|her|their|its|this|that|these|those)\b)(?-i:[a-z]+)\b"
                     r"(?!\s+(?:on|at|in)\b)",
                     re.IGNORECASE)


def _resolve(match: re.Match[str], today: date, ahead: bool = False) -> date | None:
    if match.group("day"):
        weekday = vocab.DAYS.index(match.group("day").lower())
        relation = (match.group("rel") or "").lower()
        if relation == "next":
            return today + timedelta(days=(weekday - today.weekday()) % 7 or 7)
        if ahead and relation != "last":  # "will meet on Thursday" written on a Thursday: that day
            return today + timedelta(days=(weekday - today.weekday()) % 7)
        back = (today.weekday() - weekday) % 7
        return today - timedelta(days=back or (7 if relation == "last" else 0))
    if match.group("yesterday") or match.group("today"):
        return today - timedelta(days=1 if match.group("yesterday") else 0)
    if match.group("ago"):
        count = vocab.SMALL.get(match.group("ago").lower()) or int(match.group("ago"))
        return today - timedelta(days=count * (7 if match.group("agounit").lower().startswith("w") else 1))
    day, month, year = ((match.group("d1"), match.group("m1"), match.group("y1")) if match.group("d1")
                        else (match.group("d2"), match.group("m2"), match.group("y2")))
    return _calendar_date(int(day), vocab.MONTHS[month.lower()[:3]], year, today, ahead)


def _calendar_date(day: int, month: int, year: str | None, today: date, ahead: bool = False) -> date | None:
    """A day and month without a year: this year's, but for one more than a month ahead in a
    sentence that does not speak of what is to come ("was held on 3 December" in March: last
    year's; "will vote on 3 April" in February: this year's), and one more than a month gone in a
    sentence that does (next year's)."""
    try:
        when = date(int(year) if year else today.year, month, day)
    except ValueError:
        return None
    if not year and when > today + timedelta(days=31) and not ahead:
        return when.replace(year=when.year - 1) if not (month == 2 and day == 29) else None
    if not year and ahead and when < today - timedelta(days=31):  # "is set for January 15" in October
        return when.replace(year=when.year + 1) if not (month == 2 and day == 29) else None
    return when
