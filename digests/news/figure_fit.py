"""Whether a stored figure is what a how-many question asks: of the measure asked (a sum, a
share, a count), counting what is asked ("troops", not "tanks"), by what its sentence says it
counts; and how well it answers (`figure_score`)."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence, Set
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from digests.news.digest import small_count
from digests.news.extracts import POSSESSIVE_END
from digests.news.figure_words import AUXILIARIES, NOT_CONTENT, PERSON_NOUNS
from digests.news.figures import written_in_pence
from digests.news.lexicon import doers_of, family_of_lemma, kinds_of_lemma, lemma
from digests.news.people_words import DEMONYMS, PERSON_POSTS, PLACES, REGION_OF
from digests.news.question import (
    MEASURE_AGE,
    MEASURE_AREA,
    MEASURE_COUNT,
    MEASURE_DISTANCE,
    MEASURE_DURATION,
    MEASURE_EXTENT,
    MEASURE_MONEY,
    MEASURE_PERCENT,
    MEASURE_SPEED,
    MEASURE_TEMPERATURE,
    MEASURE_WEIGHT,
    Question,
)
from digests.news.text import STOPWORDS, words
from digests.news.word_matching import has_name, lemmas_of, meets
from digests.readings import CitedFigure, Figure


@dataclass(frozen=True, slots=True)
class FigureQuestion:
    """What a "how many / how much" question asks for (as lemmas)."""

    terms: tuple[str, ...]
    head: str | None
    names: tuple[str, ...]
    units: frozenset[str | None] | None
    by: date | None
    measure: str | None = None
    verbs: tuple[str, ...] = ()
    latest: bool = False  # "how much do onions cost now": the latest of the values found
    much: bool = False  # "how much damage": a sum or a measure, never a bare number
    magnitude: bool = False  # "what magnitude was the quake": a figure given as a magnitude
    remaining: bool | None = None  # "still without power" asked (True), "lost power" (False), or either


_TIMES: frozenset[str | None] = frozenset({"year", "month", "week", "day", "hour", "minute", "second",
                                           "decade"})
_LENGTHS: frozenset[str | None] = frozenset({"mile", "km", "m", "foot", "inch", "nautical mile", "mm", "cm"})
MEASURE_UNITS: dict[str, frozenset[str | None]] = {
    MEASURE_DURATION: _TIMES,
    MEASURE_EXTENT: _TIMES | _LENGTHS | {"yard"},  # "how long was the putt": a time or a length
    MEASURE_AGE: frozenset({"year", "decade"}),
    MEASURE_DISTANCE: _LENGTHS,
    MEASURE_SPEED: frozenset({"mph", "km/h", "kph"}),
    MEASURE_WEIGHT: frozenset({"kg", "lb", "tonne", "ton", "g", "pound"}),
    MEASURE_AREA: frozenset({"hectare", "acre", "km2", "sq mile", "m2", "sq ft"}),
    MEASURE_PERCENT: frozenset({"percent", "percentage point"}),
    MEASURE_COUNT: frozenset({None}),
    MEASURE_TEMPERATURE: frozenset({"°C", "°F", "degree"}),
}


def unit_fits(unit: str | None, measure: str | None) -> bool:
    """Whether a figure's unit is of the kind the question measures ("how long": a duration)."""
    if measure == MEASURE_MONEY:  # a currency's code, or its hundredth ("151.57p a litre")
        return bool(unit and ((len(unit) == 3 and unit.isupper()) or unit in ("penny", "cent")))
    return measure not in MEASURE_UNITS or unit in MEASURE_UNITS[measure]


# "bringing the total", "taking the outbreak total", "pushing its tally"
THE_TOTAL = (r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|push|pushes|pushing|pushed"
              r"|raise|raises|raising|raised|lift|lifts|lifting|lifted)\s+(?:the|its|their)\s+"
              r"(?:overall\s+|total\s+|official\s+|(?-i:[a-z]+)(?:['’]s)?\s+)?(?:total|tally|number|count)")


# "killing at least eight people", "evacuates about 120,000": the words that may stand before a count
HEDGE = r"(?:(?:at\s+least|up\s+to|more\s+than|about|around|some|nearly|almost|over|an\s+estimated)\s+)?"


# "Shares in Quillon fell 18pc to 94p", "Marlow Precision finished at 261p": where the market priced
# a share, said by a move and "to" or "at" right before the price; "jumped 22pc": the move itself
_MOVES = (r"\b(?:fell|falls?|dropped|drops?|slid|slides|slipped|slips|sank|sinks|tumbled|plunged|plunges|"
          r"lost|rose|rises|climbed|climbs|jumped|jumps|gained|gains|added|recovered|rallied|soared|surged|"
          r"finished|closed|ended|opened|traded|trading|down|up)\b")
_MARKET_PRICE = re.compile(_MOVES + r"(?:[^.;:]|\.(?=\d)){0,30}?\b(?:to|at)\s+$", re.IGNORECASE)
_MARKET_MOVE = re.compile(_MOVES + r"\s+(?:by\s+|as\s+much\s+as\s+|nearly\s+|almost\s+|about\s+|some\s+)?$",
                          re.IGNORECASE)
_MARKET_WORDS = re.compile(r"\b(?:shares?|stock|stocks|FTSE|index|market)\b", re.IGNORECASE)
_PRICE_ASKED = frozenset(lemma(w) for w in """share shares stock price priced close closed finish finished
open opened trade trading market fell fall rise rose drop jump climb""".split())


def a_market_price(figure: Figure) -> bool:
    """A share's price on the market after a move ("fell 18pc to 94p", "finished at 261p"), or
    the move ("Castlegate shares jumped 22pc"): no offer, profit or fine, whatever the
    sentence's other words."""
    before = max(0, figure.start - 50)
    market = _MARKET_WORDS.search(figure.sentence) is not None
    if figure.unit == "percent":
        return market and _MARKET_MOVE.search(figure.sentence, before, figure.start) is not None
    if figure.unit is None:
        return False
    return ((market or written_in_pence(figure))
            and _MARKET_PRICE.search(figure.sentence, before, figure.start) is not None)


def asks_a_market_price(asked: FigureQuestion) -> bool:
    return bool(_PRICE_ASKED & set(asked.terms))


def places_named(text: str) -> frozenset[str]:
    """The known places a sentence names, demonyms read as their country ("Ukrainian": ukraine)."""
    found = set()
    for word in words(text):
        lowered = POSSESSIVE_END.sub("", word.casefold())  # "Manitoba's measles cluster"
        if word[:1].isupper() and lowered in PLACES:
            found.add(lowered)
        elif word[:1].isupper() and lowered in DEMONYMS:
            found.add(DEMONYMS[lowered].casefold())
    return frozenset(found)


def one_within_another(these: frozenset[str], those: frozenset[str]) -> bool:
    """Whether places of one set are in those of the other, or the same: Powys and Wales."""
    return bool(these & those or {REGION_OF.get(p) for p in these} & those
                or these & {REGION_OF.get(p) for p in those})


def best_supported_figure(candidates: Sequence[CitedFigure], asked: FigureQuestion) -> list[CitedFigure]:
    """When no figure counts what the question names ("how many noms" and "four nominations"),
    the figure of the best-supporting sentence, of the kind asked (a count, a sum, a share),
    most like the question in what it counts, latest first (up to its date, if it has one)."""
    fitting = [c for c in candidates if unit_fits(c.figure.unit, asked.measure)
               and not (asked.much and c.figure.unit is None)
               and (asked.by is None or figure_date(c)[0] <= asked.by)
               and all(has_name(n, c.figure.sentence) for n in asked.names)
               and not small_count(c.figure) and not _counts_people_or_things_instead(c.figure, asked)
               and not _counts_a_rival(c.figure, asked.head) and not _sizes_a_thing(c.figure)
               and (asks_a_market_price(asked) or not a_market_price(c.figure))]
    if not fitting:
        return []
    best = max(fitting, key=lambda c: (_counted_overlap(c.figure, asked), figure_date(c)))
    return [best]


def _sizes_a_thing(figure: Figure) -> bool:
    """"A 16-member team flew to Zambia": a count glued to the noun it sizes, which says how big
    the team is, not how many of anything else the question asks about."""
    return figure.unit is None and _GLUED_TO_A_NOUN.match(figure.sentence, figure.end) is not None


_GLUED_TO_A_NOUN = re.compile(r"-(?-i:[a-z]+)\s+(?-i:[a-z]+)")


# Words for people that a figure may count, besides the posts a person holds ("nurses")
_GROUPS = frozenset(lemma(w) for w in """people person passenger worker employee staff troop soldier
civilian pupil student patient refugee migrant voter member fan customer resident victim player
speaker tourist visitor spectator delegate user subscriber shopper adult elderly family household
citizen inhabitant survivor evacuee casualty crew job""".split())  # "210 jobs": the people in them
_MODIFIERS = frozenset(lemma(w) for w in "former current new other more additional extra".split())
_KINDS_OF_PEOPLE = kinds_of_lemma(lemma("people"))
_PERSONS = (_GROUPS | frozenset(lemma(w) for w in PERSON_POSTS | PERSON_NOUNS if " " not in w)
            | _KINDS_OF_PEOPLE)


def _counts_people_or_things_instead(figure: Figure, asked: FigureQuestion) -> bool:
    """Whether a figure that names what it counts counts people where the question asks for
    things, or things where it asks for people: "900 people have been evacuated" does not say
    how many houses flooded, nor "more than 60 departures" how many passengers."""
    if asked.head is None or not figure.counted:
        return False
    counted = lemmas_of(figure.counted) - _MODIFIERS  # "more than 70 former": gymnasts
    if not counted:
        return False
    counts_people = bool(counted & _PERSONS) or counts_one_of(figure, _WHAT_HAPPENS_TO_PEOPLE)
    return (asked.head in _PERSONS) != counts_people


def _counted_overlap(figure: Figure, asked: FigureQuestion) -> float:
    counted = lemmas_of(f"{figure.counted or ''} {figure.sentence}")
    return sum(meets(t, counted) for t in asked.terms)


def fits_the_question(cited: CitedFigure, asked: FigureQuestion, context: str = "") -> bool:
    """Of the measure asked, counting what is asked, in a sentence that (with its item's other
    sentences found, `context`: "Oscars 2022: …" over "Ten films are up for…") names every
    name the question names."""
    figure = cited.figure
    if not unit_fits(figure.unit, asked.measure):
        return False
    if asked.magnitude and not _given_as_magnitude(figure):
        return False
    if _counts_a_rival(figure, asked.head):
        return False
    if asked.head is not None and not (family_of_lemma(asked.head) & counted_words(figure)
                                       or _counts_the_event(figure, asked)
                                       or counts_people_asked(figure, asked, context)
                                       or measures_the_stuff(figure, asked.head, context)
                                       or counts_the_goods_named(figure, asked.head)):
        return False
    return all(has_name(name, f"{figure.sentence} {context}") for name in asked.names)


# Nouns a maker's goods are counted in, whatever they are
_GOODS = frozenset(lemma(w) for w in """units vehicles cars suvs trucks vans devices handsets products
appliances machines""".split())


def counts_the_goods_named(figure: Figure, head: str, counted: Set[str] | None = None) -> bool:
    """"How many QuickPot cookers are recalled": "expanded its recall of QuickPot Pro pressure
    cookers to about 2.3 million units" counts the cookers it names before the figure (`counted`:
    the figure's `counted_words`, when already read)."""
    counted = counted_words(figure) if counted is None else counted
    return bool(counted & _GOODS) and head in lemmas_of(figure.sentence[:figure.start])


def counted_as_asked(figure: Figure, asked: FigureQuestion) -> Set[str]:
    """What a figure counts, goods counted in units read as the goods its sentence names."""
    counted = counted_words(figure)
    if asked.head is not None and counts_the_goods_named(figure, asked.head, counted):
        return (counted - _GOODS) | {asked.head}
    return counted


_STUFF_UNITS = frozenset({"tonne", "ton", "kg", "lb", "pound", "litre", "liter", "gallon", "barrel",
                          "cubic metre", "m3"})


def measures_the_stuff(figure: Figure, head: str, context: str) -> bool:
    """"How much oil leaked": "is now estimated at 5,500 tonnes" weighs the oil its report names."""
    return figure.unit in _STUFF_UNITS and head in lemmas_of(f"{figure.sentence} {context}")


# Counts an election keeps side by side, whose words share a family ("elected seats", "votes")
_RIVALS = {lemma("vote"): frozenset({lemma("seat")}), lemma("ballot"): frozenset({lemma("seat")}),
           lemma("seat"): frozenset({lemma("vote"), lemma("ballot")})}


def _counts_a_rival(figure: Figure, head: str | None) -> bool:
    """"How many votes": not "won 63 of the 165 directly elected seats" (nor the 63 it won)."""
    rivals = _RIVALS.get(head or "", frozenset())
    counted = counted_words(figure) | lemmas_of(figure.sentence[figure.end:][:_RIVAL_AFTER])
    return bool(rivals & counted) and head not in counted


_RIVAL_AFTER = 40  # characters after a figure that may name what it counts ("63 of the 165 … seats")


_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of(?:\s+[\w'’]+){1,3}?\s+to)?(?:\s+(?:of|to|at|was|is|as))*"
                               r"[\s-]*$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude\b|on\s+the\s+richter\b)", re.IGNORECASE)


def _given_as_magnitude(figure: Figure) -> bool:
    """"magnitude 6.4", "revises quake magnitude to 6.2", "a 6.2-magnitude quake": not the toll
    of the same quake."""
    sentence = figure.sentence
    return (_MAGNITUDE_BEFORE.search(sentence, 0, figure.start) is not None
            or _MAGNITUDE_AFTER.match(sentence, figure.end) is not None)


PEOPLE_WORDS = frozenset(lemma(w) for w in ("people", "person"))
_WHAT_HAPPENS_TO_PEOPLE = frozenset(lemma(w) for w in """displaced evacuated killed dead injured
wounded missing arrested detained rescued infected hospitalised hospitalized homeless toll""".split())


def counts_people_asked(figure: Figure, asked: FigureQuestion, context: str = "") -> bool:
    """"How many people lost their homes": "nearly 50,000 displaced" counts people by what
    happened to them; "how many miners have died": "the death toll rose to 27", in an item
    that is about miners, counts the miners who died (not so for a kind of people: children)."""
    if asked.head in PEOPLE_WORDS:
        return counts_one_of(figure, _WHAT_HAPPENS_TO_PEOPLE)
    fates = ones_counted(figure, _WHAT_HAPPENS_TO_PEOPLE) - {TOLL}
    return (asked.head in _PERSONS and asked.head not in _KINDS_OF_PEOPLE and bool(fates)
            and any(family_of_lemma(term) & fates for term in asked.terms)
            and asked.head in lemmas_of(f"{figure.sentence} {context}"))


def counts_one_of(figure: Figure, lemmas: frozenset[str]) -> bool:
    """Whether what the figure counts has one of these words, or a word of their families."""
    return bool(ones_counted(figure, lemmas))


def ones_counted(figure: Figure, lemmas: frozenset[str]) -> frozenset[str]:
    """Those of these words that what the figure counts has (itself or a word of its family)."""
    counted = counted_words(figure)
    return frozenset(t for t in lemmas if family_of_lemma(t) & counted or t in counted)


def _counts_the_event(figure: Figure, asked: FigureQuestion) -> bool:
    """"How many Brits did Adele win": "Adele's three wins at the Brit Awards" counts the
    event asked about, and its sentence names what was won."""
    counted = counted_words(figure)
    return (asked.head is not None and any(family_of_lemma(verb) & counted for verb in asked.verbs)
            and bool(family_of_lemma(asked.head) & lemmas_of(figure.sentence)))


def of_the_kind_asked(figure: Figure, asked: Question) -> bool:
    """Whether a figure is the kind of value asked: of the measure asked, counting what is asked."""
    if not unit_fits(figure.unit, asked.measure) or (small_count(figure) and asked.measure is None):
        return False
    if _counts_a_rival(figure, asked.head):
        return False
    about = counted_words(figure) | lemmas_of(figure.sentence)  # "how many teslas": vehicles of Tesla
    return (asked.head is None or bool(family_of_lemma(asked.head) & about)
            or (asked.head in PEOPLE_WORDS
                and (_agents_of(asked, figure) or _counts_the_fate_asked(asked, figure))))


def _counts_the_fate_asked(asked: Question, figure: Figure) -> bool:
    """"How many people have died": "with 15 deaths" counts people by the fate the question's
    verb names."""
    return bool(ones_counted(figure, _WHAT_HAPPENS_TO_PEOPLE) & set(asked.verbs))


_NEAR_BEFORE = 3  # words before a figure that may name what it counts ("nominations with 11")
_NEAR_AFTER = 4
_NOUN_OF = re.compile(r"\b(?:a|an|the)\s+(?:[\w-]+\s+)?(?P<noun>[a-z]+)\s+of\s+(?:about\s+|around\s+|"
                      r"some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+|at\s+least\s+|just\s+)?$",
                      re.IGNORECASE)
_GENERIC = frozenset("""number total tally maximum minimum average sum figure rate estimate record peak
high low count group team fleet series string batch handful dozens hundreds thousands millions""".split())
_ADDED_BEFORE = 5  # words before "bringing the total to" that say what was added
_ADDED_AFTER_A_NUMBER = 15  # ... or (at most) those after the number added
_NUMBER_ADDED = re.compile(r"\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"dozens?|hundreds?|thousands?)\b", re.IGNORECASE)


def _what_was_added(before: str) -> str:
    """The words that say what was added before "bringing the total to": those after the number
    added ("a further 700,000 people, mostly former prepaid customers, had data exposed"), else
    the last few ("three more homes were destroyed")."""
    numbers = list(_NUMBER_ADDED.finditer(before))
    if numbers:
        return " ".join(words(before[numbers[-1].end():])[-_ADDED_AFTER_A_NUMBER:])
    return " ".join(words(before)[-_ADDED_BEFORE:])


_TOTAL_TO = re.compile(THE_TOTAL + r"(?:\s+of\s+(?P<of>[\w'’ -]{1,40}?))?\s+(?:so\s+far\s+)?to\s+"
                       r"(?:about\s+|around\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|at\s+least\s+)?$",
                       re.IGNORECASE)
_NOT_ADDED = frozenset((*STOPWORDS, *NOT_CONTENT, *AUXILIARIES,
                        *"more further another additional new".split()))


def _agents_of(asked: Question, figure: Figure) -> bool:
    """"How many people speak Swahili": "200 million speakers" counts the people who do what
    is asked."""
    counted = counted_words(figure)
    return any(doers_of(term) & counted for term in asked.terms)


@lru_cache(maxsize=4096)  # read by every test of a figure; a how-many answer tests hundreds
def counted_words(figure: Figure) -> frozenset[str]:
    """Lemmas of what a figure counts: its `counted` words, and when the extractor found none,
    the words right around it in its sentence; a figure a count rose to counts what rose ("the
    number of people killed in floods in northern Italy rose to 21")."""
    return frozenset(_counted_words(figure))


def _counted_words(figure: Figure) -> set[str]:
    told = figure.sentence[:figure.start]
    risen = _RISEN_TO.search(told) or RAISED_TO.search(told)
    grown = lemmas_of(_CLAUSE_START.split(risen.group("what"))[-1]) if risen else set()
    if not figure.counted and (total := _TOTAL_TO.search(figure.sentence[:figure.start])):
        # "three more homes were destroyed, bringing the total to 17": homes
        added = total.group("of") or _what_was_added(figure.sentence[:total.start()])
        return {lemma(w.lower()) for w in words(added) if w.lower() not in _NOT_ADDED}
    if figure.counted or risen:
        named = _NOUN_OF.search(figure.sentence[:figure.start])  # "a crowd of 51,212 watched": a crowd
        noun = named.group("noun").lower() if named else None
        size = {lemma(noun)} if noun and noun not in _GENERIC else set()
        counted = lemmas_of(figure.counted) | _joined_kin(figure.counted) if figure.counted else set()
        return counted | grown | size
    before = words(figure.sentence[:figure.start])[-_NEAR_BEFORE:]
    after = words(figure.sentence[figure.end:])[:_NEAR_AFTER]
    near = {lemma(w.lower()) for w in (*before, *after)}
    head = head_of_its_list(figure)
    return near | {lemma(head)} if head else near


def head_of_its_list(figure: Figure) -> str | None:
    """What a place's share of a count listed by place counts: the noun of the list's first
    figure ("71,000 properties cut off, including 29,500 in Cornwall, followed by Wales on
    52,000": properties), when the figure itself is told with a place and no noun."""
    told = figure.sentence[:figure.start]
    if not (_PLACE_RIGHT_AFTER.match(figure.sentence[figure.end:]) or place_told_before(figure)):
        return None
    heads = [m for m in _COUNT_AND_NOUN.finditer(told) if m.group("noun").lower() not in _NOT_ADDED]
    if not heads:
        return None
    between = told[heads[-1].end():]
    if len(words(between)) > _LIST_SPAN or not _LISTED.search(between):
        return None
    return heads[-1].group("noun").lower()


_LIST_SPAN = 30  # words from the list's first figure to a later one
_COUNT_AND_NOUN = re.compile(r"\d[\d,.]*(?:\s*(?:m|bn|k|million|billion|thousand)\b)?"
                             r"\s+(?P<noun>[a-z]{3,})\b")
_PLACE_RIGHT_AFTER = re.compile(r"\s+(?:in|across)\s+(?:the\s+)?[A-Z]")  # "29,500 in Cornwall"


def place_told_before(figure: Figure) -> str | None:
    """The place a list writes before one of its counts ("followed by Wales on 52,000", "the
    north-west on 39,000")."""
    found = _PLACE_ON.search(figure.sentence, 0, figure.start)
    return (found.group("place") or found.group("side")) if found else None


_PLACE_ON = re.compile(r"(?:\b(?P<place>[A-Z][\w-]*)|\bthe\s+(?P<side>(?:north|south|east|west)[\w-]*))"
                       r"\s+(?:on|with)\s+(?:about\s+|around\s+|some\s+)?$")
_LISTED = re.compile(r"\b(?:including|followed by|of which|of them|among them)\b|,")


def _joined_kin(counted: str) -> set[str]:
    """The words whose family two neighbouring words make when written as one ("dock workers":
    dockworkers, so dockers): a question may ask for the one word."""
    parts = [w.lower() for w in words(counted)]
    return {kin for a, b in itertools.pairwise(parts) if a.isalpha() and b.isalpha()
            for kin in family_of_lemma(lemma(a + b)) if kin != lemma(a + b)}


# (not "and" before a name: "cases in Leicester and Leicestershire have reached 78")
_CLAUSE_START = re.compile(r"\b(?:(?i:as|after|when|while|but|with|since|because)|(?i:and)(?!\s+[A-Z]))\b")


# A count someone revises: "raises stranded passenger estimate to 92,000", "has cut the number of
# jobs it plans to axe from 600 to 420"
RAISED_TO = re.compile(r"\b(?:raises|raised|raising|lifts|lifted|revises|revised|increases|increased|"
                        r"cuts|cut|lowers|lowered|reduces|reduced|ups|upped)\s+(?:its\s+|the\s+|their\s+)?"
                        r"(?P<what>[^,;:()]{3,60}?)\s+(?:estimate\s+|forecast\s+|figure\s+|count\s+|tally\s+)?"
                        r"(?:from\s+\S+\s+)?to\s+(?:about\s+|around\s+|more\s+than\s+|over\s+|nearly\s+|"
                        r"almost\s+)?$", re.IGNORECASE)
# "Army sent in as death toll reaches 17": what rose is the death toll
_FROM_A_NUMBER = r"(?:from\s+[$£€]?\d[\d,.]*(?:[a-z%]+)?\s+)?"
_RISEN_TO = re.compile(r"(?P<what>(?:[^,;:()\-–—]|(?<=\w)-(?=\w)){3,80}?)\s+(?:has\s+|had\s+|have\s+)?"
                       r"(?:(?:rose|rises|risen|climbed|climbs|reached|reaches|jumped|jumps|increased|increases|"
                       r"stood|stands|grew|grows|grown|soared|soars|hit|hits|"
                       r"(?:been\s+)?revised(?:\s+(?:up|down)(?:wards)?)?|"
                       r"fell|falls|fallen|dropped|drops|declined|declines|narrowed|narrows|shrank|shrunk)"
                       rf"\s+{_FROM_A_NUMBER}(?:to\s+|at\s+)?"
                       # "saw its majority cut from 9,870 to" (not "plans to cut 600 jobs")
                       rf"|(?:was\s+|been\s+)?(?:cut|slashed|halved)\s+{_FROM_A_NUMBER}to\s+)"
                       r"(?:at\s+least\s+|about\s+|around\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?$",
                       re.IGNORECASE)


def figure_score(figure: Figure, asked: FigureQuestion, context: str = "", item: str = "") -> float:
    """Question terms found in what is counted count most; counted words the question did not
    ask for count against (children fled ≠ people fled). Money is often counted vaguely ("a
    package"), so a sum of money may match by its sentence alone, on stricter terms. The
    sentence is read with its item's other sentences found (`context`): "The 32-year-old is
    calling it a day after nine years" under "Aljaž Škorjanec is leaving Strictly"; and its
    item's sentences found (`item`) count towards how much of the question it covers: "Green
    light for 6,500-seat stadium" over "… a new stadium for Wearmouth Town FC"."""
    wanted = set(asked.terms)
    counted = counted_as_asked(figure, asked)  # "2.3 million units" of "QuickPot Pro pressure cookers"
    counted_hits = sum(meets(t, counted) for t in wanted)
    sentence = lemmas_of(f"{figure.sentence} {context}")
    context_hits = sum(meets(t, sentence) for t in wanted)
    told = sentence | _lemmas_of_item(item) if item else sentence  # the item's sentences found cover it too
    coverage = sum(1 for t in wanted if family_of_lemma(t) & told) / len(wanted) if wanted else 0.0
    measured = asked.measure not in (None, MEASURE_COUNT) and unit_fits(figure.unit, asked.measure)
    by_sentence = (asked.head is None and (is_money(figure) or measured)
                   and sum(meets(t, told) for t in wanted) >= 2 and coverage >= 0.5)
    if (counted_hits == 0 and not by_sentence) or coverage < 0.5:
        return 0.0
    extra = len({c for c in counted if not any(c in family_of_lemma(t) for t in wanted)})
    if by_sentence and not figure.counted:
        extra = 0  # "suspended X for two weeks": the words around a duration count nothing
    return 2.0 * counted_hits + context_hits - 0.75 * extra


@lru_cache(maxsize=256)
def _lemmas_of_item(text: str) -> frozenset[str]:
    """An item's sentences found, read once for all its figures."""
    return frozenset(lemmas_of(text))


def is_money(figure: Figure) -> bool:
    return bool(figure.unit and len(figure.unit) == 3 and figure.unit.isupper())


def figure_date(cited: CitedFigure) -> tuple[date, datetime]:
    """The day a figure is of: the day its sentence gives, unless that is after the report (a
    strike "planned for 22 October" dates no figure of the report), else the report's."""
    published = cited.source.published_at
    as_of = cited.figure.as_of
    return (as_of if as_of is not None and as_of <= published.date() else published.date(), published)


TOLLS = frozenset(lemma(w) for w in """killed died dead injured wounded fled displaced arrested detained
cases""".split())


TOLL = lemma("toll")


def asks_a_toll(terms: Sequence[str]) -> bool:
    """Whether the question asks a death toll: "die" and "kill" have "toll" in their family,
    "injured" does not."""
    return any(TOLL in family_of_lemma(term) for term in terms)


def tolls_of(figure: Figure) -> frozenset[str]:
    """What a running count counts ("killed", "fled"), none for any other figure."""
    return frozenset() if figure.unit is not None else ones_counted(figure, TOLLS)


def cumulative(figure: Figure) -> bool:
    """Whether a figure is a running count (killed, fled, arrested, cases so far): the UN's
    confirmed 227 dead and a rescue service's "more than 2,000" are two counts, not a fall."""
    return bool(tolls_of(figure))
