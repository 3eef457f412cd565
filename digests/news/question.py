"""Reading a member's question: what kind of answer it wants, and the words an answer must meet.

Kinds: a number ("how many", "how much", "what's inflation at"), a person ("who is X"), a
place ("where"), a date ("when", "what day"), or anything else (a sentence that says it). The
question's own words are reduced to lemmas (`lexicon`) so that they meet the article's in other
forms and other words; names (capitalised words, acronyms) are kept apart: an answer must name
them. A question Newsdesk cannot read (empty, or not in English) is refused with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from digests.news.dates import calendar_dates_in
from digests.news.figure_words import DAYS
from digests.news.lexicon import is_news_word, lemma
from digests.news.member_phrases import in_news_words
from digests.news.people_words import NATIONS
from digests.news.text import STOPWORDS, words

KIND_FIGURES = "figures"
KIND_PERSON = "person"
KIND_PLACE = "where"
KIND_DATE = "when"
KIND_SEARCH = "search"
KIND_HOLDER = "holder"  # "who is the mayor of Kherson": a person named by a post
# What a "how ..." question measures, when its words say: the answer's value must be of that kind.
MEASURE_AGE = "age"
MEASURE_DURATION = "duration"
MEASURE_EXTENT = "extent"  # "how long was the putt": a length, or a time
MEASURE_DISTANCE = "distance"
MEASURE_SPEED = "speed"
MEASURE_WEIGHT = "weight"
MEASURE_AREA = "area"
MEASURE_MONEY = "money"
MEASURE_PERCENT = "percent"
MEASURE_COUNT = "count"
MEASURE_SCORE = "score"
MEASURE_TEMPERATURE = "temperature"
_QUESTION_WORDS = frozenset("""how many much number total count what whats what's is was were are
the there have has had did do does so far since until till now currently today yet far who whos who's
where when which whom whose why tell me about know anything any please latest current according
many happen happened happening give us figure figures much tally tallies""".split()) | frozenset(
    # What a member types around a question without asking anything by it.
    """get gets got getting gotten thing things stuff guy guys bloke exactly roughly approximately
    actually really basically officially apparently supposedly ever end finally overall altogether
    old long far fast big large high heavy strong tall deep hot cold warm going pretty much someone somebody
    anyone anybody something lots lot potentially possibly supposedly
    due meant scheduled massive huge enormous randomly literally suddenly little tiny""".split()) | frozenset(
    # A pronoun with its auxiliary: it says who, never what ("which senator said he'd vote").
    """he'd she'd they'd we'd i'd you'd he'll she'll they'll we'll i'll you'll they've we've
    you've i've he’d she’d they’d we’d he’ll she’ll they’ll""".split()) | frozenset(
    # What a member types without its apostrophe.
    """thats theres theyre theyve youre dont doesnt didnt isnt arent wasnt werent hasnt havent
    hadnt wont cant couldnt shouldnt wouldnt ive weve""".split())


_HOW_MANY = re.compile(r"^\s*(?:how\s+(?:many|much)|what\s+(?:is|was|were|are)\s+the\s+"
                       r"(?:number|total|count|amount|size|value|cost|price|level|rate|share|toll)"
                       r"|what\s+number|what\s+percentage|what\s+share|what\s+score|what\s+age|how\s+big|how\s+large"
                       r"|what\s+(?:is|was|were|are)\s+the\s+(?:biggest|highest|strongest|top|maximum|peak|record|"
                       r"fastest)\s+(?:wind\s+)?(?:gust|wind|speed|temperature)s?"
                       r"|how\s+high|how\s+far|how\s+long|how\s+old|how\s+fast|how\s+heavy|how\s+strong"
                       r"|how\s+tall|how\s+deep|in\s+how\s+many|by\s+how\s+(?:much|many)"
                       r"|how\s+(?:hot|cold|warm)|what\s+(?:is|was)\s+the\s+(?:\w+\s+)?temperature"
                       r"|(?:at\s+|to\s+)?what\s+(?:altitude|height|depth|elevation|distance|length|speed|weight"
                       r"|temperature))\b",
                       re.IGNORECASE)
_WHAT_AT = re.compile(r"^\s*what(?:'s|’s|\s+is|\s+was|\s+are|\s+were|\s+r)\s+(?:the\s+)?"
                      r"(?P<thing>[\w\s'-]{2,40}?)\s+(?:at|now|currently|today|running at|standing at)\b",
                      re.IGNORECASE)
# "What's Russia's official death toll?", "What did Russia put its interest rate up to?": a value.
_WHAT_VALUE = re.compile(r"^\s*what(?:['’]?s|\s+is|\s+was|\s+are|\s+were)\s+(?:the\s+)?"  # "whats" too
                         r"(?P<thing>(?:[\w'’-]+\s+){0,5}(?:toll|rate|price|cost|population|salary|inflation|"
                         r"unemployment|tally|turnout|profit|revenue|dividend|majority|margin|magnitude|fee|fine|fare|"
                         r"rise|raise|increase|hike))\b"
                         r"|^\s*what\s+(?:did|has|have|will)\s+(?P<thing2>.+?)\s+(?:up\s+|down\s+)?to\s*[?.!]*$"
                         r"|^\s*what\s+(?P<thing3>(?:[\w'’-]+\s+){0,3}[\w'’-]+)\s+(?:did|does|do|will|would|has|have|"
                         r"had|was|is|were|are)\b",
                         re.IGNORECASE)
# "what did the price rise to", "what has the toll climbed to": a value something went to
_CHANGED_TO = frozenset(lemma(w) for w in """rise fall climb increase cut drop jump raise lower grow shrink
slump soar sink go come amount reduce extend lift boost slash decrease plunge tumble surge swell revise up
down hike""".split())  # lemmas: "risen", "fell" and "gone" are among them


def _went_to_a_value(value: re.Match[str]) -> bool:
    """"What did the boe cut rates to", "what did russia put its interest rate up to": a value
    something was moved to, by its verb or by its measure named last."""
    told = [lemma(w.lower()) for w in words(value.group(0))]
    return bool(_CHANGED_TO & set(told)) or lemma(words(value.group("thing2"))[-1].lower()) in _NUMERIC_THINGS


_NUMERIC_THINGS = frozenset(lemma(w) for w in """inflation rate price cost unemployment gdp growth
toll total number figure percentage share population salary pay wage budget deficit debt value
score temperature target attendance tally turnout profit loss revenue sales dividend majority margin
magnitude fee fine fare""".split())
_WHO = re.compile(r"^\s*(?:who\s+(?:is|was|are|were)|who(?:'s|’s)|whos|tell\s+me\s+about)\s+"
                  r"(?P<name>.+?)\s*[?.!]*\s*$", re.IGNORECASE)
# A name asked about, then what the member remembers of them: "Ryan Brook, the expert warning
# about …", "lord young who got told off …", "steven fuller at yellowstone"
_WHO_SAID = re.compile(r"(?P<name>[^,]+?)(?:\s*,\s*|\s+(?:who|that|at|from|in)\s+)\S", re.IGNORECASE)
_PLACE_WORD = (r"(?:town|city|country|village|region|state|states|constituency|place|venue|stadium|port|"
               r"island|province|county)\b(?!\s+of\s+(?:mind|play|emergency|affairs|the\s+art)\b)")
# "where", "which town", "which belgian town", "… to a doctor in which city?"
_TWO_WORDS = r"(?:(?!(?:is|was|are|were|the|a|an)\b)[\w'’-]+\s+){0,2}?"  # "small ex-soviet"
_WHERE = re.compile(rf"^\s*(?:where\b|(?:in\s+|at\s+|from\s+)?(?:which|what)\s+{_TWO_WORDS}{_PLACE_WORD}"
                    # "what's the little town whose…": not "what is the city council doing"
                    rf"|what(?:['’]s|\s+(?:is|was))\s+the\s+{_TWO_WORDS}{_PLACE_WORD}(?=\s+(?:whose|where|that|"
                    rf"which|who|in|of|near|called)\b|\s*[?.!]*\s*$))"
                    rf"|\b(?:in|at|from|to)\s+(?:which|what)\s+{_TWO_WORDS}{_PLACE_WORD}\s*[?.!]*\s*$",
                    re.IGNORECASE)
_WHEN = re.compile(r"^\s*(?:(?:since|until|till|by|from)\s+)?(?:when\b"
                   r"|(?:what|which)\s+(?:day|date|time|year|month|night|morning|afternoon|evening|weekend)\b"
                   r"|on\s+what\s+(?:day|date)\b)|^\s*in\s+what\s+year\b", re.IGNORECASE)
_VERBISH = re.compile(r"(?:ing|ed)$")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|[A-Z]{2,}")
_POSSESSIVE = re.compile(r"['’]s$")
_ENGLISH_FUNCTION_WORDS = frozenset("""the a an of to in on at for is are was were has have had
did do does how what who where when which many much why this that it be been with from by and or
not any my me you we they he she his her its their our your can could will would should
whats whos wheres whens hows whys wat wot u ur im dont didnt doesnt isnt wasnt arent werent cant
wont about after before over up out just get got new called""".split())  # typed as members type
_LETTER = re.compile(r"[^\W\d_]")
_DATE_WORDS = re.compile(r"\b(?:(?:by|on|since|until|before|after|in)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                         r"(?:of\s+)?[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)\b")
CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec""".split())


@dataclass(frozen=True, slots=True)
class Question:
    """What a question asks, read once for every kind of answer."""

    text: str
    kind: str
    terms: tuple[str, ...]  # lemmas of its content words (names included), in order
    names: tuple[str, ...]  # names an answer must hold, as written
    head: str | None  # for a number: the lemma of what is counted ("how many *troops*")
    by: date | None  # the latest date it asks about ("by 1 March"), if it names one
    person: str | None  # for "who is X": X as written; for "who is the mayor of X", the post
    measure: str | None = None  # for a number: what kind of value it wants (`MEASURE_*`)
    year: int | None = None  # a year it names ("who won in 2023"): an answer must be of that year
    month: int | None = None  # a month it names without a day ("in February"): the same, of that month
    verbs: tuple[str, ...] = ()  # lemmas of the events it asks about ("resign"): an answer must say them
    past: bool = False  # it asks about something done ("who won", "when did"), not coming
    subject: str | None = None  # who did it, as typed ("when did *boris johnson* resign")
    thing: tuple[str, ...] = ()  # lemmas of what the event was done to ("won *best actress*")

    def content_terms(self) -> tuple[str, ...]:
        """The terms that are not part of a name: what the answer must say about the names."""
        in_names = {lemma(w) for n in self.names for w in words(n)}
        return tuple(t for t in self.terms if t not in in_names)


_BY_WEEKDAY = re.compile(rf"\b(?:by|as\s+of|up\s+to|until|till)\s+(?:last\s+)?"
                         rf"(?P<day>{'|'.join(DAYS)})\b", re.IGNORECASE)


def _by_weekday(text: str, today: date) -> tuple[date, str] | None:
    """"By Sunday": the last Sunday up to today (today, if it is one), and the word said."""
    found = _BY_WEEKDAY.search(text)
    if found is None:
        return None
    day = found.group("day")
    back = (today.weekday() - DAYS.index(day.lower())) % 7
    return today - timedelta(days=back), day


class Unreadable(Exception):
    """A question that cannot be answered as asked; the message says why, for the member."""


# What a member types before asking: "so when does…", "ok but who is…", "hey, where…"
_OPENER = re.compile(r"^(?:\s*(?:(?:so|ok(?:ay)?|and|but|hey|hi|um+|uh+|btw|quick\s+q(?:uestion)?:?)\s*[,:]?"
                     r"|(?:well|right|anyway)\s*,)(?=\s))+\s*", re.IGNORECASE)


_TYPED_WHAT = re.compile(r"^(?:wat|wot|wut)\b", re.IGNORECASE)  # "wat made the rocket fail"


def read_question(text: str, today: date) -> Question:
    """The question read, or `Unreadable` (empty, or not in English)."""
    stripped = _TYPED_WHAT.sub("what", _OPENER.sub("", " ".join(text.split())))
    if not _LETTER.search(stripped):
        raise Unreadable("Ask me a question in words: what would you like to know?")
    if not _reads_as_english(stripped):
        raise Unreadable("I can only read questions in English, and the news I keep is in "
                         "English too: could you ask in English?")
    kind, person = _kind(stripped)
    dates = calendar_dates_in(stripped, today)
    weekday = _by_weekday(stripped, today)  # "how many had died by sunday"
    month, month_words = month_named(stripped)
    worded = in_news_words(stripped)  # "how many ppl": people are counted
    if kind == KIND_SEARCH and _kind(worded)[0] == KIND_FIGURES:
        kind = KIND_FIGURES  # "whats the body count": the death toll
    kept = _COUNT_NOUNS if kind in (KIND_PLACE, KIND_DATE) else frozenset()  # "where was the count held"
    terms = tuple(t for t in _terms_of(_REVISION_WORDS.sub(" ", worded), kept) if t not in month_words
                  and not (weekday and t == lemma(weekday[1])))
    dates = [*dates, weekday[0]] if weekday else dates
    head = ((_counted_head(worded) or _rate_named(worded) or _size_named(worded))
            if kind == KIND_FIGURES else None)
    measure = measure_of(worded, terms, head) if kind == KIND_FIGURES else None
    if measure in (MEASURE_DURATION, MEASURE_EXTENT, MEASURE_AGE) and head in _TIME_UNITS:
        head = None  # "how many years": the unit is what is counted
    if measure in (MEASURE_WEIGHT, MEASURE_AREA) or (measure == MEASURE_MONEY and head in _MONEY_WORDS):
        head = None  # "how many tons of cheese": the cheese is weighed, not counted; "how much money"
    if measure == MEASURE_PERCENT:  # "by what percent": a sentence writes "54%"
        terms = tuple(t for t in terms if t not in _PERCENT_WORDS) or terms
    if measure == MEASURE_AGE and len(terms) > 2:  # "how old is jude hill the kid from belfast"
        terms = tuple(t for t in terms if t not in SOMEONE) or terms
    names = tuple(_names(stripped))
    events = EVENT_VERBS | (_day_events(worded) if kind == KIND_DATE else frozenset()) \
        | (_who_did(stripped) | _what_done(stripped) if kind == KIND_SEARCH else frozenset()) \
        | (_to_be_done(stripped) if kind in (KIND_DATE, KIND_PLACE) else frozenset())
    in_names = {lemma(w.lower()) for name in names for w in words(name)}  # the "Dead" of "Dead Sea"
    return Question(text=stripped, kind=kind, terms=terms, names=names,
                    head=head, by=max(dates) if dates else None, person=person, measure=measure,
                    year=year_named(stripped), month=month,
                    verbs=tuple(t for t in terms if t in events and t not in in_names and t != head
                                and not _a_noun_here(t, stripped)),
                    past=_asks_about_the_past(stripped), subject=_subject(stripped),
                    thing=_object(stripped))


# Words that ask for a number in a how-many question, and name a thing in a where or when one
_COUNT_NOUNS = frozenset("count total figure figures tally number".split())
_PERCENT_WORDS = frozenset(lemma(w) for w in ("percent", "percentage", "pc", "pct"))


def _a_noun_here(term: str, question: str) -> bool:
    """Whether the question writes an event verb's word as a noun: "what started the Hallow Moor
    fire" (a fire, not a sacking); "did the board fire the CEO" keeps the verb."""
    if term not in _NOUNS_TOO:
        return False
    for match in re.finditer(r"[\w'’-]+", question):
        if lemma(match.group().lower()) != term:
            continue
        before = question[:match.start()]
        if _NOUN_BEFORE.search(before) and not _AN_OBJECT_AFTER.match(question, match.end()):
            return True
    return False


# "the Hallow Moor fire", "a fire": a determiner, then up to three words of its name or kind
_NOUNS_TOO = frozenset({lemma("fire")})  # the event verbs as often a thing that happens as a deed
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|their|his|her)\s+(?:[\w'’-]+\s+){0,3}$",
                          re.IGNORECASE)
# "did the board fire the CEO", "fire 300 staff", "fire its manager": a verb, with its object after
# it; "the Wandiligong fire open", "the alpine fire tues morning", "the Carrow Ridge fire get": a fire
_AN_OBJECT_AFTER = re.compile(r"\s+(?:(?:the|a|an|his|her|their|its|him|them|me|us|my|our|your|some|all"
                              r"|every|any|both|more|another)\b|\d)", re.IGNORECASE)


# Verbs of news events: a question asking who, when or where one happened is answered only by a
# sentence that says it happened (a sentence about the same people doing something else is not).
EVENT_VERBS = frozenset(lemma(w) for w in """win beat defeat lose buy acquire sell resign quit retire
die kill join leave confirm elect appoint sack fire replace succeed sink crash arrest release jail
sentence ban marry divorce launch invade capture liberate withdraw cancel postpone remove oust
sign fine convict charge take become""".split())
# What a day is asked of besides `EVENT_VERBS`: "when did the bushfire start", "when does the
# exhibition open"; a sentence that gives a day must say it ("declared under control on Sunday" is
# not when the fire started)
_DAY_EVENT = re.compile(r"\b(?P<verb>start|starts|starting|started|begin|begins|beginning|began|begun|open|"
                        r"opens|opening|opened|reopen|reopens|reopening|reopened|close|closes|closing|closed|shut|shuts|shutting|"
                        r"end|ends|ending|ended|finish|finishes|finished|vote|votes|voting|voted|premiere|premieres|"
                        r"premiered|land|lands|landed|arrive|arrives|arrived|expire|expires|expired|reschedule|"
                        r"rescheduled|reschedules|rescheduling|collapse|collapses|collapsed|erupt|erupts|erupted|"
                        r"explode|explodes|exploded|capsize|capsizes|capsized|derail|derails|derailed|"
                        r"complete|completes|completed|sworn|founded|established|built|lift|lifts|lifted)\b"
                        r"(?!\s+(?:to\s+(?!(?:the|a|an|his|her|their|its|our|all|public)\b)[a-z]+|[a-z]+ing)\b)",
                        re.IGNORECASE)  # "start packing in", "begin to drop": the event is what follows
# the day asked is of what was said or got going: "when did X announce it would reopen", "get started"
_DAY_OF_ANOTHER = re.compile(r"\b(?:announc\w*|sa(?:y|ys|id)|confirm\w*|reveal\w*|decid\w*|agree\w*|"
                             r"plan|plans|planned|planning|get|gets|got|getting)\b", re.IGNORECASE)


# "who chairs the bank", "who refereed the match": what the one asked for does is the event
_WHO_DID = re.compile(r"^\s*who\s+(?P<verb>(?!(?:is|was|are|were|will|would|did|does|do|has|have|had|can|"
                      r"could|should|might|may|must|shall|else|exactly|actually|really|just|now|then)\b)"
                      r"[a-z]+(?:s|ed))\b", re.IGNORECASE)


def _who_did(text: str) -> frozenset[str]:
    found = _WHO_DID.match(text)
    if found is None or found.group("verb").lower() in _LEADING_VERBS:
        return frozenset()  # "who decided to kick Russian banks out": the event is what follows
    return frozenset({lemma(found.group("verb").lower())})


# "what did the review find", "what do the drawings show", "what did Peru's government declare
# after the earthquake": what was found, shown or declared is asked for, and a sentence that does
# not say the finding does not give it
_WHAT_DONE = re.compile(r"^\s*what\s+(?:did|does|do|will|would|has|have|had)\s+.+?\s+(?P<verb>[a-z]+)"
                        r"(?:\s+(?:in|on|about|for|to|with|of|up|out|over))?"
                        r"(?:\s+(?:after|before|during|following|over|amid|at|in|on)\s+[^?.!]+)?"
                        r"\s*[?.!]*\s*$", re.IGNORECASE)
# Verbs whose object is what such a question asks for, and which a sentence that gives it says
_FINDINGS = frozenset("""find show reveal conclude discover recommend suggest propose demand offer
promise pledge unveil depict declare announce impose order approve""".split())


def _what_done(text: str) -> frozenset[str]:
    found = _WHAT_DONE.match(text)
    verb = found.group("verb").lower() if found else ""
    if verb not in _FINDINGS:
        return frozenset()
    return frozenset({lemma(verb)})


# "when will the final be replayed", "where will the talks be held": what is still to be done is
# the event asked about, and a sentence that gives a day or a place must say it
_TO_BE_DONE = re.compile(r"\bwill\s+(?:[\w'’-]+\s+){0,10}?be\s+"
                         r"(?P<verb>[a-z]{3,}ed|built|rebuilt|sold|shown)\b", re.IGNORECASE)
_STATES = frozenset("""based located called named allowed required expected needed used situated
housed""".split())


def _to_be_done(text: str) -> frozenset[str]:
    found = _TO_BE_DONE.search(text)
    if found is None or found.group("verb").lower() in _STATES:
        return frozenset()
    return frozenset({lemma(found.group("verb").lower())})


def _day_events(text: str) -> frozenset[str]:
    """The event whose day a when-question asks, when it is no verb of `EVENT_VERBS`: "when
    did the bushfire start", "when does the exhibition open to the public"."""
    found = _DAY_EVENT.search(text)
    if found is None or _DAY_OF_ANOTHER.search(text, 0, found.start()):
        return frozenset()
    return frozenset({lemma(found.group("verb").lower())})
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_PAST_WORDS = re.compile(r"\b(?:did|was|were|had|won|lost|bought|sold|took|died|beat|quit|fled|went|"
                         r"came|gave|chose|ran|got)\b|^\s*(?:who|which\s+\w+)\s+\w+ed\b", re.IGNORECASE)
_AUXILIARY_THEN = re.compile(r"\b(?:did|does|do|has|have|had|was|were|is|will)\s+(?P<rest>.+)$",
                             re.IGNORECASE)


# How a member describes someone ("the kid", "that guy"): whose age is asked, or who is asked
# for; no item need call them so.
SOMEONE = frozenset(lemma(w) for w in """kid kids boy girl lad lass guy bloke man woman child teen
teenager youngster person fella dude""".split())
_ADVERBS = frozenset("""last first ever finally just already actually really officially eventually
recently once still also never""".split())
# Verbs that lead into the event ("when did Southwest stop selling alcohol"): the one who does it
# is named before them.
_LEADING_VERBS = frozenset("""stop stopped start started begin began try tried agree agreed refuse refused
decide decided want wanted fail failed resume resumed cease ceased threaten threatened vow vowed
plan planned get gets got gotten be been being""".split())  # "when did Zelensky get elected": Zelensky


def year_named(text: str) -> int | None:
    """The year a question names ("the 2023 Super Bowl", "in 2022"), if it names one; not a
    target's year ("aim to cut methane by 2030"), which says nothing of when it was said."""
    found = next((m for m in _YEAR.finditer(text) if not _TARGET_BEFORE.search(text, 0, m.start())), None)
    return int(found.group()) if found else None


_TARGET_BEFORE = re.compile(r"\b(?:by|until|till|through|before)\s+(?:the\s+end\s+of\s+)?$", re.IGNORECASE)


_MONTH_NUMBERS = {m: n for n, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}


_MONTH_NAMES = (r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
                r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_MONTH_YEAR = re.compile(rf"\b(?:{_MONTH_NAMES}|(?P<may>may))(?![a-z])\.?\s+(?P<year>(?:19|20)\d\d)\b",
                         re.IGNORECASE)  # "in April 2022", not "marathon 2022"
# "in February", "late march", "since early feb", "in may": a month as a time, not "the march on
# Kyiv" nor "may". A day beside it ("march 3", "3 march") makes it a date, read as one elsewhere.
_MONTH_ONLY = re.compile(rf"(?<![\w-])(?P<when>(?:in|during|since|until|till|by|from|throughout|through|"
                         rf"last|this|next|early|late|mid|end\s+of|start\s+of|beginning\s+of)[\s-]+"
                         rf"(?:(?:early|late|mid)[\s-]+)?)(?:{_MONTH_NAMES}|(?P<may>(?<=in\s)may))"
                         rf"(?!\s*\d{{1,2}}(?!\d))(?![\w-])", re.IGNORECASE)


def month_named(text: str) -> tuple[int | None, frozenset[str]]:
    """The month a question names as its time without a day ("in February", "late march"), and
    the lemmas of the words that name it (the month, "late"): an answer must be of that month,
    and need not write those words. (None, nothing) when it names none, or more than one."""
    found = list(_MONTH_ONLY.finditer(text))
    if len(found) != 1:
        return None, frozenset()
    month = (found[0].group("month") or found[0].group("may")).lower()[:3]
    number = _MONTH_NUMBERS[month]
    said = f"{found[0].group('when')} {date(2000, number, 1):%B} {found[0].group(0).split()[-1]}"
    return number, frozenset(lemma(w) for w in words(said))


def period_named(text: str) -> tuple[date, str] | None:
    """The first day of the month ("in April 2022") or else of the year ("in 2023") a question
    names, with how to say it; None when it names neither."""
    month = _MONTH_YEAR.search(text)
    if month is not None:
        name = (month.group("month") or month.group("may")).lower()[:3]
        first = date(int(month.group("year")), _MONTH_NUMBERS[name], 1)
        return first, f"{first:%B %Y}"
    year = year_named(text)
    return (date(year, 1, 1), str(year)) if year is not None else None


def _asks_about_the_past(text: str) -> bool:
    return _PAST_WORDS.search(text) is not None


_OBJECT_ENDS = frozenset("""at in on of for with from to by during after before this last since as
when where while""".split())
_MEDALS = frozenset(lemma(w) for w in "gold silver bronze medal".split())


def _object(text: str) -> tuple[str, ...]:
    """What the question's event was done to: the words after its verb up to a preposition
    ("who won best actress at the Oscars": best, actress)."""
    found = words(text)
    for position, word in enumerate(found):
        if lemma(word.lower()) in EVENT_VERBS:
            thing: list[str] = []
            for following in found[position + 1:]:
                lowered = following.lower()
                if lowered in ("in", "at") and thing and set(thing) <= _MEDALS:
                    continue  # "won gold in the men's snowboard cross": the event is what was won
                if lowered in _OBJECT_ENDS or _YEAR.fullmatch(following):
                    break
                roman = re.fullmatch(r"[IVXLCDM]+", following) is not None  # "Super Bowl LVI"
                if lowered not in STOPWORDS and lowered not in _QUESTION_WORDS and not roman:
                    thing.append(lemma(lowered))
            return tuple(thing)
    return ()


_NO_ONE_NAMED = frozenset("""the a an it they he she there someone somebody anyone anybody people
we you i one""".split())


def _subject(text: str) -> str | None:
    """Who a "when did X resign" question says did it: the words between "did" and the event."""
    found = _AUXILIARY_THEN.search(text)
    if found is None:
        return None
    following = words(found.group("rest"))
    for position in range(1, min(len(following), 5)):
        if lemma(following[position].lower()) in EVENT_VERBS:
            subject = following[:position]
            while len(subject) > 1 and subject[-1].lower() in _ADVERBS | _LEADING_VERBS:
                subject = subject[:-1]  # "had Belgium last won": Belgium
            named = subject[0].lower() not in _NO_ONE_NAMED  # "when did someone buy …": no one
            return " ".join(subject) if named else None
    return None


_TIME_UNITS = frozenset(lemma(w) for w in "year years month months week weeks day days hour hours "
                        "minute minutes second seconds decade decades century centuries".split())
_MONEY_WORDS = frozenset(lemma(w) for w in """money cost costs pay paid spend spent worth sell sold
fine fined price raise raised bonus salary wage fee deal bid offer package aid loan debt budget
fund funding donate donated cash amassed bill compensation payout settlement valued value
revenue profit loss lose lost wipe wiped fortune wealth auction""".split())
_RATE_NAMED = re.compile(r"^\s*what(?:['’]?s|\s+(?:is|was|were|are))\s+(?:the\s+)?(?:\w+\s+)?"
                         r"(?P<rate>inflation|unemployment|turnout)\b", re.IGNORECASE)


_HOW_LONG_AGO = re.compile(r"\bhow\s+long\s+ago\b|\bhow\s+many\s+(?:years|decades|centuries|months)\s+ago\b",
                           re.IGNORECASE)


def asks_how_long_ago(asked: Question) -> bool:
    """"How long ago did …", "how many years (or yrs) ago …": the answer says how long ago."""
    return asked.measure == MEASURE_AGE and _ANY_AGO.search(asked.text) is not None


_ANY_AGO = re.compile(r"\bhow\s+(?:long|many\s+\w+)\s+ago\b", re.IGNORECASE)  # as typed, before news words


_MEASURES = (
    (re.compile(r"\bhow\s+old\b|\bwhat\s+age\b", re.I), MEASURE_AGE),
    (_HOW_LONG_AGO, MEASURE_AGE),
    # "how long is the route": a length, not a time ("how long is the flight" stays a time)
    (re.compile(r"\bhow\s+long\s+(?:is|was|are|were|will\s+be)\s+(?:the|that|this|its|their|his|her)\s+"
                r"(?:[\w'’-]+\s+){0,3}?(?:route|road|bridge|river|tunnel|border|line|wall|runway|coastline|"
                r"track|trail|pipeline|cable|queue|convoy|motorway|canal|beach|course|fence|pier)s?\b", re.I),
     MEASURE_DISTANCE),
    (re.compile(r"\bhow\s+long\s+(?:is|was|are|were)\s+(?:the|that|this|a|an|(?:[\w'’-]+\s+){0,2}[\w'’-]+['’]s?)\s+(?!(?:war|wait|"
                r"delay|gap|lockdown|ban|sentence|strike|siege|trip|journey|flight|show|film|movie|season|"
                r"career|reign|term|stay|break|game|match|speech)\b)", re.I), MEASURE_EXTENT),
    (re.compile(r"\bhow\s+long\b|\bhow\s+many\s+(?:more\s+)?(?:years|months|weeks|days|hours|minutes|"
                r"seconds|decades)\b", re.I), MEASURE_DURATION),
    (re.compile(r"\bwhat\s+(?:altitude|height|depth|elevation|distance|length)\b", re.I), MEASURE_DISTANCE),
    (re.compile(r"\bhow\s+(?:far|deep|tall|high\s+up|wide)\b|\bhow\s+(?:many|much)\s+(?:miles|kilometres|"
                r"kilometers|km|metres|meters|feet)\b", re.I), MEASURE_DISTANCE),
    (re.compile(r"\bhow\s+fast\b|\bhow\s+strong\b|\bspeed\b|\bgusts?\b|\bwinds?\b", re.I),
     MEASURE_SPEED),
    (re.compile(r"\bhow\s+heavy\b|\bweigh|\bhow\s+(?:many|much)\s+(?:metric\s+)?(?:tons|tonnes|kilos|"
                r"kilograms|kg|lbs|grams)\b", re.I), MEASURE_WEIGHT),
    (re.compile(r"\bhow\s+(?:many|much)\s+(?:hectares|acres|square\s+(?:miles|kilometres|kilometers|km|metres|"
                r"meters|feet)|sq\s+(?:miles|km|m|ft))\b|\bhow\s+(?:big|large|much)\s+(?:an\s+)?area\b"
                r"|\bin\s+(?:hectares|acres|square\s+(?:miles|kilometres|kilometers|km))\b"  # ", in acres"
                # "how big did the Carrow Ridge fire get": a fire's size is the area it burned
                r"|\bhow\s+(?:big|large|much\s+land)\b.*\b(?:fire|blaze|wildfire|bushfire|burn)s?\b"
                r"(?!\s+(?:service|brigade|station|crews?|fighters?|engines?)\b)",
                re.I), MEASURE_AREA),
    (re.compile(r"\bwhat\s+score\b", re.I), MEASURE_SCORE),
    # (not "in how many counties has the heatwave temperature threshold been raised")
    (re.compile(r"\bhow\s+(?:hot|cold|warm)\b|^(?!.*\bhow\s+(?:many|much)\b).*\btemperature\b", re.I),
     MEASURE_TEMPERATURE),
    # "what are interest rates at" (not "how many members voted to keep rates on hold", nor an
    # exchange rate)
    (re.compile(r"%|\bper\s*cent|\bpercentage\b|\bwhat\s+share\b|\bproportion\b"
                r"|^(?!.*\bhow\s+many\b).*(?<!exchange\s)\brates?\b", re.I),
     MEASURE_PERCENT),
    (_RATE_NAMED, MEASURE_PERCENT),  # "what was UK inflation": a rate
)


_CHANGE = re.compile(r"\b(?:fall|fell|fallen|drop|dropped|rise|rose|risen|climb|climbed|jump|jumped|"
                     r"slump|slumped|plunge|plunged|sink|sank|soar|soared|surge|surged|gain|gained|"
                     r"up|down)\b", re.IGNORECASE)


_PRICE_ASKED = re.compile(r"\s*how\s+much\s+(?:is|are|was|were)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,2}?"
                          r"(?:tickets?|seats?|pints?|bills?|fares?|fees?|subscriptions?|pass(?:es)?)\b")
""""How much are tickets for …", "how much is a pint": a price."""


_PAY_RISE = re.compile(r"\b(?:pay|wage|salary)\s+(?:rise|raise|increase|hike|offer|deal)s?\b")


def measure_of(text: str, terms: tuple[str, ...], head: str | None) -> str | None:
    """What kind of value a number question wants: "how old" an age, "how long" a duration,
    "how much did it cost" a sum of money, "how many people" a count; None when it does not say
    ("how far did shares fall": a share or a sum)."""
    if re.search(r"\bhow\s+(?:far|much)\b", text, re.IGNORECASE) and _CHANGE.search(text):
        return MEASURE_PERCENT if re.search(r"\bper\s*cent|%|percentage", text, re.I) else None
    for pattern, measure in _MEASURES:
        if pattern.search(text):
            return measure
    lowered = text.lower()
    if re.search(r"\bhow\s+many\b", lowered) or lemma("toll") in terms:  # "what's the death toll"
        return MEASURE_COUNT
    if _PAY_RISE.search(lowered):
        return None  # "what pay rise is on offer": a share ("6.2% over two years") or a sum
    if set(terms) & _MONEY_WORDS or re.search(r"\bhow\s+much\b.*\b(?:cost|pay|paid|worth|sell|sold|"
                                             r"spend|spent|fine|charge|raise|collect|earn|receiv|pocket|insur|"
                                             r"invest|putting\s+in|put\s+in|win(?:s|ning)?\b(?!.*\bby\b)|won\b"
                                             r"(?!.*\bby\b))", lowered) \
            or _PRICE_ASKED.match(lowered):
        return MEASURE_MONEY
    return None


# "when's the strike now", "how much do onions cost now", "how many cases rn", "the latest offer":
# the latest value, after any change ("rn" is read as "now" too, before a member's shorthand is
# dropped)
ASKS_NOW = re.compile(r"\b(?:now|rn|currently|at\s+the\s+moment|these\s+days|in\s+the\s+end|latest"
                      r"|most\s+recent)\b"
                      r"(?!\s+(?:that|famous|former|defunct|closed|retired|infamous)\b)", re.IGNORECASE)


# "the final count", "the newest estimate", "how many ended up", "how strong after they corrected it",
# "so far": the value in the end, after any revision. Its words ask when, not what: they are no terms.
_REVISION_NOUNS = r"(?:count|number|figure|tally|toll|total|estimate|reckoning)s?"
_REVISED = r"(?:final|newest|updated|revised|corrected)"  # "the final (death) toll"
_AFTER_CORRECTED = (r"\bafter\s+(?:they|it|the\s+\w+)\s+(?:(?:was|were|got|had)\s+)?"
                    r"(?:corrected|revised|fixed|updated|recounted|re-counted)")
ASKS_REVISED = re.compile(rf"\b{_REVISED}\s+(?:[\w-]+\s+)?{_REVISION_NOUNS}\b|\bso\s+far\b|\bnewest\b"
                          rf"|{_AFTER_CORRECTED}\b", re.IGNORECASE)
_REVISION_WORDS = re.compile(rf"\b{_REVISED}\b(?=\s+(?:[\w-]+\s+)?{_REVISION_NOUNS}\b)"
                             r"|\bended\s+up(?=\s+(?:\w+ing|without)\b)|\bso\s+far\b"
                             rf"|{_AFTER_CORRECTED}(?:\s+(?:it|them))?\b", re.IGNORECASE)


# "according to the very first reports", "initially", "its first offer": the first value given,
# before any change
ASKS_FIRST = re.compile(r"\b(?:at\s+first|initially|originally|initial|original|(?:very\s+)?first\s+"
                        r"(?:reports?|reported|estimates?|estimated|counts?|figures?|tally|toll|offer|bid|"
                        r"proposal|approach|forecast))\b", re.IGNORECASE)


def _terms_of(text: str, kept: frozenset[str] = frozenset()) -> list[str]:
    """Lemmas of the content words of a question already read in news words (`in_news_words`:
    "in early feb" is a date once read as "in early February"), question words (but those
    `kept`) and stop words left out."""
    found = []
    dates = {w.lower() for match in _DATE_WORDS.finditer(text) for w in words(match.group())}
    for word in words(text):
        lowered = _POSSESSIVE.sub("", word.lower())
        if ((lowered in _QUESTION_WORDS and lowered not in kept) or lowered in dates
                or (lowered in STOPWORDS and not word.isupper())):
            continue
        found.append(lemma(lowered))
    return list(dict.fromkeys(found))


# "Russia and Ukraine make up what percentage of wheat exports": the figure asked mid-question
_HOW_MANY_INSIDE = re.compile(r"\bhow\s+(?:many|much)\b|^(?!\s*(?:who|where|when|which|why)\b).*"
                              r"\bwhat\s+(?:percentage|proportion|fraction|share)\s+of\b", re.IGNORECASE)
_HOLDER = re.compile(r"^\s*(?:who\s+(?:is|was|are|were)|who(?:'s|’s)|whos)\s+(?:the\s+)?(?:new\s+|current\s+"
                     r"|former\s+|acting\s+)?(?P<post>(?:[\w'’-]+\s+){0,3}?(?:mayor|governor|head|leader|"
                     r"president|minister|ceo|chief|boss|commissioner|chair|chairman|director|captain|"
                     r"manager|coach|owner|spokesman|spokesperson|secretary|ambassador|king|queen|pope|"
                     r"premier|chancellor|founder)(?:\s+(?:of|for|at)\s+.+?)?)\s*[?.!]*\s*$", re.IGNORECASE)


# "what % voted yes", "what target were they chasing": a figure asked by its measure
_WHAT_MEASURE = re.compile(r"^\s*(?:by\s+)?what\s+(?:%|per\s*cent(?:age)?\b|pc\b|proportion\b|fraction\b|"
                           r"target\b|attendance\b)", re.IGNORECASE)


# "how contained is the fire now, percent": a figure asked by the unit it ends on
_UNIT_LAST = re.compile(r"(?:,|\bin)\s*(?:percent|per\s*cent|%|pc)\s*[?.!]*\s*$", re.IGNORECASE)
# A margin asked: "by how many did …", "what did india win the kolkata test by" (a figure question)
MARGIN_ASKED = re.compile(r"^\s*by\s+how\s+(?:many|much)\b"
                          r"|\b(?:win|won|lose|lost|beat|lead|led|trail|trailed)\b.*\bby\s*[?.!]*\s*$",
                          re.IGNORECASE)
_WHAT_WITH_AUXILIARY = re.compile(r"^\s*what\s+(?:did|does|do|will|has|have)\s", re.IGNORECASE)


def _kind(text: str) -> tuple[str, str | None]:
    if (_HOW_MANY.search(text) or _HOW_MANY_INSIDE.search(text) or _WHAT_MEASURE.match(text)
            or _UNIT_LAST.search(text)
            or (_WHAT_WITH_AUXILIARY.match(text) and MARGIN_ASKED.search(text))):
        return KIND_FIGURES, None
    holder = _HOLDER.match(text)
    if holder:
        return KIND_HOLDER, holder.group("post")
    thing = _WHAT_AT.search(text)
    value = _WHAT_VALUE.search(text)
    named = (thing.group("thing") if thing
             else value and next(filter(None, value.group("thing", "thing2", "thing3")), None))
    if value and value.group("thing2") and not _went_to_a_value(value):
        named = None  # "what did the union say the pay offer was tied to": not a value it went to
    if named and {lemma(w.lower()) for w in words(named)} & _NUMERIC_THINGS:
        return KIND_FIGURES, None
    put = _PUT_AT.match(text)
    if put and {lemma(w.lower()) for w in words(put.group("thing"))} & _NUMERIC_THINGS:
        return KIND_FIGURES, None
    who = _WHO.match(text)
    said = _WHO_SAID.match(who.group("name")) if who else None
    if said and _looks_like_a_name(said.group("name")):  # "who is Ryan Brook, the expert …"
        return KIND_PERSON, _POST_NOMINALS.sub("", said.group("name"))
    if who and _looks_like_a_name(who.group("name")):
        return KIND_PERSON, _POST_NOMINALS.sub("", who.group("name"))  # "Helena Marchbank KC": her name
    if _WHERE.search(text):
        return KIND_PLACE, None
    if _WHEN.search(text):
        return KIND_DATE, None
    return KIND_SEARCH, None


# "What do the Treasury's costings put the cost of the freeze at?": a value put on something
_PUT_AT = re.compile(r"^\s*what\s+(?:do|does|did|has|have|had|will|would)\s+.+?\s+(?:put|puts|putting|"
                     r"estimate|estimates|estimated|value|values|valued|peg|pegs|pegged)\s+"
                     r"(?P<thing>.+?)\s+at\s*[?.!]*$", re.IGNORECASE)
_POST_NOMINALS = re.compile(r"(?:,?\s+(?-i:KC|QC|MP|MEP|MSP|MLA|MS|OBE|MBE|CBE|DBE|KBE))+\s*$")


def _looks_like_a_name(text: str) -> bool:
    """Whether "who is ___" asks about someone named (not "who is buying Mandiant")."""
    found = words(text)
    if not 1 <= len(found) <= 5 or found[0].lower() in ("the", "a", "an", "in", "behind"):
        return False
    return not any(_VERBISH.search(w) and w.islower() and len(w) > 4 for w in found)


def who_is_maybe(text: str) -> str | None:
    """"who is samira ahmed", read as no name because "ahmed" ends like "killed": the words
    after "who is" when they could still be a name (two or three words, letters only), for
    the stored people to decide."""
    who = _WHO.match(text)
    found = words(who.group("name")) if who else []
    if who is None or not 2 <= len(found) <= 3 or not all(w.isalpha() for w in found):
        return None
    return who.group("name")


def _names(text: str) -> list[str]:
    """Runs of capitalised words after the first word, and acronyms anywhere ("US", "UNHCR")."""
    names: list[str] = []
    run: list[str] = []
    for position, word in enumerate(words(text)):
        capitalised = _NAME_WORD.fullmatch(word) is not None
        first_word = position == 0 and not word.isupper()
        ordinary = word.lower() in _QUESTION_WORDS or word.lower().rstrip(".") in CALENDAR_WORDS
        if capitalised and not first_word and not ordinary:
            run.append(_POSSESSIVE.sub("", word))
            if _POSSESSIVE.search(word):  # "the UK's Ukrainian family scheme": the UK's, then another
                names.append(" ".join(run))
                run = []
            continue
        if run:
            names.append(" ".join(run))
            run = []
    if run:
        names.append(" ".join(run))
    # "Russian", "Ukrainian": what the question is about, not a name an answer must repeat.
    return list(dict.fromkeys(n for n in names if n.casefold() not in NATIONS))


_HOW_MANY_OF = r"how\s+(?:many|much)\s+(?:of\s+(?:the|those|these|its|their)\s+)?"  # "how many of the miners"
_COUNT_PHRASE = re.compile(_HOW_MANY_OF + r"(?P<phrase>(?:[\w'-]+(?:\.[\w'-]+)*\.?\s+){0,3}?[\w'-]+?)"
                           r"(?=\s+(?:have|has|had|were|was|are|is|did|do|does|will|would|could"
                           r"|can|should|must|might|in|on|at|to|from|by|since|before|after|until|according|so|still|now"
                           r"|across|near|around|throughout|within|inside|outside|among|along|without)\b"
                           r"|\s*[?,]|\.(?!\s*[a-z])|\s*$)",  # not "E. coli"'s stop
                           re.IGNORECASE)
# "how many aftershocks followed the earthquake off Peru": what is counted comes before its verb
_COUNT_THEN_VERB = re.compile(_HOW_MANY_OF + r"(?P<phrase>(?:[\w'-]+\s+){0,3}[\w'-]+)", re.IGNORECASE)


def _counted_head(text: str) -> str | None:
    phrase = _COUNT_PHRASE.search(text) or _COUNT_THEN_VERB.search(text)
    if phrase is None:
        return None
    found = words(_RATE_OF_TIME.sub("", phrase.group("phrase")))
    if found and (found[0].lower() in _AUXILIARIES or found[0].lower() in _GOT):
        return None  # "how much was X going to pay", "how many got rescued": nothing is named as counted
    if "of" in (lowered := [w.lower() for w in found]) and lowered.index("of") > 0:
        found = found[:lowered.index("of")]  # "how many glasses of wine": glasses
    if "and" in (lowered := [w.lower() for w in found]) and lowered.index("and") > 0:
        found = found[:lowered.index("and")]  # "how many students and staff": students, first named
    before_a_preposition = next((i for i in range(1, len(found) - 1) if found[i].islower()
                                 and found[i] not in STOPWORDS and found[i + 1] in _VERB_PREPOSITIONS), None)
    if before_a_preposition is not None:  # "how many people deliver for Dashly": people
        found = found[:before_a_preposition]
    counted = [w for w in found if w.lower() not in STOPWORDS and w.lower() not in _QUESTION_WORDS
               and w.lower() not in _EVERYWHERE]  # "how many hospitals worldwide": hospitals
    verb = next((i for i, w in enumerate(counted) if i and (_verb_form(w) or (
        i == len(counted) - 1 and _PARTICIPLE.search(w)))), len(counted))
    counted = counted[:verb]  # "how many people died", "how many people lost their homes": people
    return lemma(counted[-1].lower()) if counted else None


_VERB_PREPOSITIONS = frozenset("for in at on with from into".split())  # "work for", "live in", "deliver for"


# "how many new clothes a year": clothes are counted, per year
_RATE_OF_TIME = re.compile(r"\s+(?:a|an|per|each|every)\s+(?:year|month|week|day|hour|minute|second|decade)"
                           r"\b.*$", re.IGNORECASE)
_EVERYWHERE = frozenset("worldwide nationwide globally overall altogether total abroad".split())


def _size_named(text: str) -> str | None:
    """"How big was the crowd at …": the crowd is what the figure must count."""
    found = _SIZE_NAMED.match(text)
    return lemma(found.group("noun").lower()) if found else None


_SIZE_NAMED = re.compile(r"^\s*how\s+(?:big|large|huge)\s+(?:was|is|were|are|will\s+be)\s+(?:the\s+)?"
                         r"(?:[\w'’-]+\s+){0,2}?(?P<noun>crowd|attendance|audience|gate)\b", re.IGNORECASE)


def _rate_named(text: str) -> str | None:
    """"What was UK inflation in …": the rate is what the figure must measure."""
    found = _RATE_NAMED.match(text)
    return lemma(found.group("rate").lower()) if found else None


_PARTICIPLE = re.compile(r"^[a-z]{3,}ing$")  # "how many Indian nationals living in …": nationals


def _verb_form(word: str) -> bool:
    lowered = word.lower()
    return lowered.endswith("ed") or lowered in _VERB_FORMS


_VERB_FORMS = frozenset("""fled left sent died lost won sold bought paid fell rose grew spent struck
hit shot caught brought built cut led took gave made went came saw found fought quit ran got broke
burnt learnt spilt leapt knelt felt kept lent bent dealt meant
speak speaks spoke
die dies flee flees leave leaves lose loses win wins sell sells buy buys pay pays fall falls rise rises
grow grows spend spends get gets go goes come comes live work works use uses need needs want wants
make makes take takes attend attends visit visits play plays watch watches""".split())
# ("how many farmers die each day": the farmers are counted, not the day)


_AUXILIARIES = frozenset("""is was were are did do does has have had will would could can should
might may must""".split())
_GOT = frozenset("got get gets getting gotten".split())


def _reads_as_english(text: str) -> bool:
    """A question of several words with not one English function word nor a news word ("bridge
    collapse death toll latest" has no function word), or written mostly in letters English does
    not use, is not English."""
    found = [re.split(r"['’]", w.lower())[0] for w in words(text)]
    if len(found) < 3:
        return True
    letters = [c for c in text if c.isalpha()]
    ascii_share = sum(c.isascii() for c in letters) / max(len(letters), 1)
    return ascii_share >= 0.8 and any(w in _ENGLISH_FUNCTION_WORDS or is_news_word(w) for w in found)
