"""When: the day a sentence gives for the event asked about (the event's own day, not the day
it was told), and the day as a member reads it."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from digests.models import SentenceHit
from digests.news.dates import dates_in, is_future, moved_to, without_former_days
from digests.news.extracts import (
    date_in,
    number_of,
    year_before,
)
from digests.news.figure_words import MONTHS
from digests.news.lexicon import lemma
from digests.news.question import (
    ASKS_NOW,
    KIND_DATE,
    Question,
)
from digests.news.support import (
    event_words,
    right_after_the_event,
)
from digests.news.text import WIRE_DATELINE, words
from digests.news.word_matching import lemmas_of, meets


def dates_its_own(asked: Question, text: str) -> bool:
    """A when-question's day from a sentence that has one of the question's own words, not only
    its names: "Maserati unveiled its new SUV Tuesday" gives no day for "when will Maserati be
    fully electric", however much the item around it says of that. (With an event asked about,
    the sentence must say the event anyway.)"""
    if asked.kind != KIND_DATE or asked.verbs:
        return True
    found = lemmas_of(text)
    return not asked.content_terms() or any(meets(t, found) for t in asked.content_terms())


_EVENT_GAP_WORDS = 3  # "died on Friday", "resigned as housing minister last night": right by the event


def dates_the_event(asked: Question, hit: SentenceHit) -> bool:
    """Whether a sentence puts its day right after the event asked about ("who died on
    Friday"), not on something else it tells ("… following his death, the premier announced on
    Saturday"): of two sentences as well supported, the one that dates the event answers."""
    if asked.kind != KIND_DATE or not asked.verbs:
        return False
    days = [at for at, _ in dates_in(hit.text, hit.source.published_at.date())]
    return any(right_after_the_event(asked, hit.text, at, _EVENT_GAP_WORDS) for at in days)


NO_DATE_YET = re.compile(r"\bno\s+(?:new\s+)?date\s+(?:has\s+been\s+|was\s+|had\s+been\s+)?"
                          r"(?:set|fixed|given)"
                          r"|\b(?:new|rescheduled)\s+(?:launch\s+|start\s+)?date\s+(?:would|will)\s+be\s+"
                          r"(?:announced|set|confirmed)|\bpostponed\s+indefinitely\b|\buntil\s+further\s+notice\b",
                          re.IGNORECASE)


def called_off(asked: Question, text: str) -> bool:
    """Whether a sentence tells the event asked about only as called off ("called off the first
    launch of its Garuda-1 rocket on Tuesday seconds before liftoff", "launch scrubbed"): its day
    is not the day the event happened, unless the calling off is what is asked."""
    if not asked.past or _CALLED_OFF_ASKED.search(asked.text):
        return False
    said = event_words(asked, text)
    return bool(said) and all(
        _CALLED_OFF.search(text, max(0, m.start() - _CALLED_OFF_REACH), m.start())
        or _CALLED_OFF_AFTER.match(text, m.end())
        or _BEFORE_IT.search(text, max(0, m.start() - _CALLED_OFF_REACH), m.start()) for m in said)


_CALLED_OFF = re.compile(r"\b(?:call(?:s|ed|ing)?\s+off|scrub(?:s|bed|bing)?|abort(?:s|ed|ing)?"
                         r"|cancell?(?:s|ed|ing)?|stood\s+down)\b"  # not "postponed to Friday": its new day
                         r"(?:\s+[\w'’-]+){0,4}?\s*$", re.IGNORECASE)
_CALLED_OFF_AFTER = re.compile(r"(?:\s+(?:was|were|has\s+been|had\s+been|is|been))?"
                               r"\s+(?:called\s+off|scrubbed|aborted|cancell?ed)\b",
                               re.IGNORECASE)
_CALLED_OFF_REACH = 60  # characters before the event's word read for its calling off
_BEFORE_IT = re.compile(r"\bbefore\s+(?:the\s+|its\s+|their\s+)?$", re.IGNORECASE)  # "seconds before liftoff"
_CALLED_OFF_ASKED = re.compile(r"\b(?:call\w*\s+off|scrub|abort|cancel|stood\s+down)",
                               re.IGNORECASE)


def undated_event(asked: Question, hit: SentenceHit) -> bool:
    """Whether the sentence tells the event asked about as just done, with no year of its own
    ("who has died aged 81"): a year elsewhere in it dates another thing it tells ("in 1979
    became the first woman ...")."""
    said = [m for m in event_words(asked, hit.text) if _JUST_DONE.search(hit.text, 0, m.start())]
    return bool(said) and not any(_year_by(hit.text, m) for m in said)


def _year_by(text: str, said: re.Match[str]) -> bool:
    """A year right by the event's word, in its clause: "died in 1979", "in March 1979 she died";
    not "who led the drilling in 1979, has died"."""
    before = text[max(0, said.start() - _YEAR_NEAR):said.start()]
    after = text[said.end():said.end() + _YEAR_NEAR]
    return any(_A_YEAR.search(part) for part in (before.split(",")[-1], after.split(",")[0]))


_JUST_DONE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$", re.IGNORECASE)  # "has died", "have just left"


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_YEAR_NEAR = 20  # characters: "died in 1979", "in March 1979 she died"


def event_day(asked: Question, hit: SentenceHit) -> date | str | None:
    """The day (or the month, or the year) a sentence gives for the event asked about; a day it
    was due on before a change ("which had been due on Jan. 26") is not it."""
    published = hit.source.published_at.date()
    text = hit.text if _FORMER_ASKED.search(asked.text) else without_former_days(hit.text)
    if not _DEADLINE_ASKED.search(asked.text):  # "has until 14 December to make an offer": not when it will
        text = _DEADLINE.sub(",", text)
    if not SINCE_ASKED.search(asked.text):  # "who has chaired the bank since 2018, is to step down"
        text = _SINCE_A_DAY.sub("", text)
        if not _FORMER_ASKED.search(asked.text):  # "which had been due on 7 March": the day before a change
            text = _ASIDE_CLAUSE.sub(lambda m: m.group() if event_words(asked, m.group()) else ",", text)
    return (_year_of_the_event(asked, text) or _days_after_the_event(asked, text, published)
            or _day_of_the_event(asked, text, published)
            or date_in(_without_said_dates(asked, text), published, bare=False)
            or date_in(text, published, bare=False) or date_in(text, published)
            or year_before(text, published, lambda what: _says_the_verbs(asked, what)))


def _days_after_the_event(asked: Question, text: str, published: date) -> date | None:
    """The day of the event asked about when a sentence counts from it: "reunited with his family
    tonight, two days after his release" was released two days before tonight."""
    for found in _DAYS_AFTER.finditer(text):
        count = 1 if found.group("count").lower() in ("a", "an") else number_of(found.group("count"))
        if count is None or not event_words(asked, found.group("event")):
            continue
        told = date_in(f"{text[:found.start()]} {text[found.end():]}", published, bare=False)
        if isinstance(told, date):
            return told - timedelta(days=count * (7 if found.group("unit").lower().startswith("week") else 1))
    return None


_DAYS_AFTER = re.compile(r"\b(?P<count>\d{1,2}|[a-z]+)\s+(?P<unit>days?|weeks?)\s+after\s+"
                         r"(?P<event>(?:(?:the|his|her|their|its)\s+)?[\w'’-]+)", re.IGNORECASE)


# "has until 5pm on 14 December to make a firm offer or walk away": the last day it may be done on
_DEADLINE = re.compile(r"\b(?:has|have|had|given|gives|giving)\s+until\s+[^,;]{1,60}?\s+to\b", re.IGNORECASE)
_DEADLINE_ASKED = re.compile(r"\bdeadline|\buntil\b|\blast\s+day\b|\bby\s+when\b|\bhave\s+to\b|\bhas\s+to\b"
                             r"|\bmust\b", re.IGNORECASE)


# "Whitcombe, 58, who resigned in 2024, will be sentenced": the year of another event
_ASIDE_CLAUSE = re.compile(r",\s+(?:who|which)\s+[^,;]{1,80},")


def _year_of_the_event(asked: Question, text: str) -> str | None:
    """The year written right after the event asked about: "The building, which opened in 1862
    …, was gutted on Tuesday" opened in 1862."""
    for said in event_words(asked, text):
        found = _IN_A_YEAR.match(text, said.end())
        if found is not None:
            return found.group("year")
    return None


_IN_A_YEAR = re.compile(r"\s+(?:back\s+)?in\s+(?P<year>(?:1[5-9]|20)\d\d)\b(?!\s*[-–/]\d)")


# "since 2018", "since March 2019": when a state began, not the day of the event the sentence tells
_SINCE_A_DAY = re.compile(r",?\s+\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May"
                          r"|June|July|August|September|October|November|December)(?:\s+(?:1[89]|20)\d\d)?"
                          r"|(?:1[89]|20)\d\d)\b")  # "the third by a minister since September"
SINCE_ASKED = re.compile(r"\bsince\b|\bhow\s+long\b|\bfirst\b|\blast\b|\bever\b|\bbeg[ai]n|\bstart",
                          re.IGNORECASE)


# "when was the meeting originally due": the day before the change is what is asked
_FORMER_ASKED = re.compile(r"\b(?:originally|initially|first|supposed|meant|previously|before\s+the\s+"
                           r"(?:delay|change|postponement))\b", re.IGNORECASE)


def as_planned_now(asked: Question, hit: SentenceHit, now: datetime) -> tuple[bool, bool, datetime]:
    """How a report's day of what is still to come ranks, best last: not yet past when "the next"
    one is asked (the strike moved to later, not the one already held), after the day the report
    was published (what a "when is it now" question asks for), then the latest report."""
    day = event_day(asked, hit)
    ahead = (_NEXT_ASKED.search(asked.text) is None or not isinstance(day, date)
             or day >= now.date())
    return ahead, isinstance(day, date) and day > hit.source.published_at.date(), hit.source.published_at


_EVENT_WORDS_SAID = 2  # of the question's words, when it names no event verb ("first appearing on …")


def _says_the_verbs(asked: Question, words_said: str) -> bool:
    """Whether words say the event the question asks the day of ("… after his *death* at the
    Olympics" for "when did he die"; "after first appearing on Wall Street" for "when did
    Fearless Girl first show up on Wall St")."""
    found = lemmas_of(words_said)
    if asked.verbs:
        return all(meets(verb, found) for verb in asked.verbs)
    return sum(meets(t, found) > 0 for t in asked.content_terms()) >= _EVENT_WORDS_SAID


RECENT_DAYS = 14  # how long before its report an event dated by the item's other sentences may be


def dated_around(asked: Question, hit: SentenceHit, item_text: str, now: datetime) -> str | None:
    """A supported sentence that gives no day ("2 Blackhawk helicopters crash during training"),
    dated by its item's own sentences ("… in a training accident Tuesday morning"): only a day
    of the days before the report, news of the event itself; a year or an older day there may
    be another event's. An item that gives no such day and tells the event as just done ("has
    resigned") dates it by its publication."""
    if not asked.past or called_off(asked, hit.text):
        return None
    published = hit.source.published_at.date()
    day = date_in(_without_said_dates(asked, item_text), published, bare=False)
    if not isinstance(day, date) or not 0 <= (published - day).days <= RECENT_DAYS:
        # "Martin Askew has resigned as leader": told the day it was done
        return date_words(published, now) if _done_as_news(asked, hit.text) else None
    return date_words(day, now)


def _done_as_news(asked: Question, text: str) -> bool:
    """Whether a sentence tells the event asked about as just done, as its news ("Askew has
    resigned as leader"), not in an obituary's aside ("Sir Geoffrey Amble, who has died aged
    91, …", written days after)."""
    return any(_JUST_DONE.search(text, 0, said.start()) and not _WHO_HAS.search(text, 0, said.start())
               for said in event_words(asked, text))


_WHO_HAS = re.compile(r"\bwho\s+(?:has|have)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def begins_after(day: date | str, now: datetime) -> bool:
    """Whether a day ("2022-11-01"), a month ("November 2022") or a year is all after `now`."""
    if isinstance(day, date):
        return day > now.date()
    month, _, year = day.rpartition(" ")
    if not year.isdigit():
        return False
    first = date(int(year), MONTHS.get(month.lower()[:3], 1), 1)
    return first > now.date()


_SAID_ON = re.compile(r"\b(?P<verb>said|says|told|tells|reported|announced|stated|added)\s+"
                      r"(?:on\s+|late\s+on\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)\b",
                      re.IGNORECASE)


SAID_DATE_PENALTY = 0.15  # support a sentence dated by its telling only gives up to one dated by the event


def said_only(asked: Question, hit: SentenceHit) -> float:
    """`SAID_DATE_PENALTY` when the only day a sentence gives is the day it was told on."""
    if asked.kind != KIND_DATE or _SAID_ON.search(hit.text) is None:
        return 0.0
    published = hit.source.published_at.date()
    own_day = date_in(_without_said_dates(asked, hit.text), published, bare=False)
    return SAID_DATE_PENALTY if own_day is None else 0.0


_NEXT_ASKED = re.compile(r"\bnext\b(?!\s+(?:year|month|week|season|summer|winter|spring|autumn|fall|"
                         r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)", re.IGNORECASE)
_NEXT_TOLD = re.compile(r"\b(?:next|further|another|again|more)\b", re.IGNORECASE)


def tells_of_the_next(asked: Question, text: str) -> bool:
    """"Where will she race next", "when's the next walkout": a sentence of the one just run
    ("Chebet chases course record in Chicago") does not say where or when the next one is."""
    return (_NEXT_ASKED.search(asked.text) is None or is_future(text)
            or _NEXT_TOLD.search(text) is not None)


def _day_of_the_event(asked: Question, text: str, published: date) -> date | None:
    """Of a sentence's several days, the one written against the event asked about: "rallies
    on Friday ahead of *Sunday's* snap parliamentary *election*" for "when was the election"."""
    event = {*asked.verbs, *asked.thing}
    now_asked = ASKS_NOW.search(asked.text) is not None
    days = dates_in(text, published) if event or now_asked or not asked.past else []
    if len(days) < 2:
        return None
    moved = [when for at, when in days if moved_to(text, at)] if now_asked or not asked.past else []
    if moved:
        return moved[-1]  # "when's the strike now": the day it was moved to
    near = [when for at, when in days
            if any(meets(lemma(w.lower()), event) for w in words(_CLAUSE_AFTER_A_DAY.split(text[at:])[0])
                   [1:_EVENT_WORDS + 1])
            or any(meets(lemma(w.lower()), event) for w in words(text[:at])[-_EVENT_WORDS:])]
    return near[0] if len(set(near)) == 1 else None


# "entered his plea yesterday and will be sentenced on 16 April": what follows "and" is not what
# was done on the day before it
_CLAUSE_AFTER_A_DAY = re.compile(r"[,;]|\s(?:and|but|while|before|after)\s")


_EVENT_WORDS = 4  # words after a day that may say what happened on it


def _without_said_dates(asked: Question, text: str) -> str:
    """The sentence without the days it dates its own telling by ("the band said Friday"):
    they say when it was said, not when what is asked happened, unless the telling is asked.
    A sentence with no other day still answers with that one."""
    typed = {lemma(w.lower()) for w in words(asked.text)}  # "when did X say …": "say" is no term
    telling = bool(typed & _TELLING)  # "when did the regulator announce …": "said yesterday that it would"
    return _SAID_ON.sub(lambda m: m.group(0) if telling or lemma(m.group("verb").lower()) in typed
                        else m.group("verb"), WIRE_DATELINE.sub("", text))


_TELLING = frozenset(lemma(w) for w in "say tell announce confirm reveal declare disclose unveil".split())


def date_words(day: date | str, now: datetime) -> str:
    if isinstance(day, str):
        return day
    return f"{day:%A %-d %B}" if day.year == now.year else f"{day:%A %-d %B %Y}"
