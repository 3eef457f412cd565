"""Where: the place a sentence gives for the event asked about, and which of several places
answers ("the village hall in nearby Sutton St Edmund", not the county of the dateline)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from digests.models import SentenceHit
from digests.news.answer_types import AnswerStore
from digests.news.asked_names import (
    Wanted,
    wanted,
)
from digests.news.extracts import (
    NOT_PLACES,
    given_words,
    is_given,
    place_in,
    placed_in,
)
from digests.news.figure_answers import (
    countries_asked,
)
from digests.news.lexicon import is_verb_form, lemma
from digests.news.people_words import COUNTRIES, PLACES
from digests.news.question import (
    CALENDAR_WORDS,
    KIND_PLACE,
    Question,
)
from digests.news.support import (
    BORN_ASKED,
    NATIONALITIES,
    SUPPORTED,
    event_words,
    given_by_the_question,
    right_after_the_event,
    support,
    texts_of,
)
from digests.news.text import STOPWORDS, words


def countries_of_the_event(asked: Question) -> frozenset[str]:
    """The countries the event asked about is in: every one a question names, but for a place
    asked for only those it is "in" ("where in Tajikistan"; "where did Russian troops land" may
    be answered by a place in Ukraine)."""
    if asked.kind != KIND_PLACE:
        return countries_asked(asked.text)
    return frozenset().union(*(countries_asked(m.group(1)) for m in _IN_A_COUNTRY.finditer(asked.text)))


_IN_A_COUNTRY = re.compile(r"\b(?:in|inside|within|across)\s+((?:the\s+)?[\w'’-]+)", re.IGNORECASE)


async def narrowed_by_place(store: AnswerStore, asked: Question, supported: list[tuple[float, SentenceHit]],
                    rarity: Mapping[str, float], named: frozenset[str],
                    read: dict[int, str]) -> list[tuple[float, SentenceHit]]:
    """A sentence that places the event in a country only ("attacker at Canada mosque") gives
    way to its item's own sentence that places it more narrowly and is itself supported ("a
    mosque in the Canadian city of Mississauga"), which the search kept one sentence an item."""
    broad = {hit.source.item_id: place for _, hit in supported
             if (place := place_in(hit.text, asked) or "").casefold() in _BROAD_PLACES}
    if not broad:
        return supported
    texts = await texts_of(store, set(broad), read)
    narrowed = []
    for score, hit in supported:
        item = hit.source.item_id
        better = _narrower(asked, texts.get(item, ""), rarity, named, broad[item]) if item in broad else None
        narrowed.append((score, SentenceHit(better, hit.source, hit.score) if better else hit))
    return narrowed


def _narrower(asked: Question, item_text: str, rarity: Mapping[str, float],
              named: frozenset[str], than: str) -> str | None:
    """The item's first supported sentence that places what is asked more narrowly than
    `than` (a country, or a continent: "Europe's tallest volcano" is in Italy); its title and
    its opening count as supported (they tell the event the other sentences go on with: "World's
    oldest tennis player staying put in Ukraine war zone" / "… enduring his worst nightmare in
    Kharkiv")."""
    for n, sentence in enumerate(item_text.split("\n\n")):
        place = place_in(sentence, asked)
        if place and breadth(place) < breadth(than) \
                and (n <= 1 or support(asked, sentence, rarity, named, True) >= SUPPORTED):
            return sentence
    return None


def breadth(place: str) -> int:
    """2 for a part of the world, 1 for a country, 0 for anything narrower."""
    folded = place.casefold()
    abbreviated = len(place) <= 3 and place.isupper()  # "lands safely in SA outback": a state or a country
    return 2 if folded in _REGIONS else 1 if folded in _BROAD_PLACES or abbreviated else 0


_ASIDE = re.compile(r"\b(?:whose|which|that)\b", re.IGNORECASE)


def placed_in_an_aside(asked: Question, text: str, place: str | None) -> bool:
    """Whether a where-question's event is told after a place that a clause of its own gives:
    "Kearney, whose bronze group stands at the Spanish Arch in Galway, has died" does not say
    where he died."""
    if place is None or asked.kind != KIND_PLACE or not asked.verbs:
        return False
    at = text.find(place)
    said = [token.start() for token in event_words(asked, text)]
    if said and text.rfind(place) > min(said):
        return False  # "… from Judique to Boston …, died Friday at his home in Judique": placed again
    aside = [found.start() for found in _ASIDE.finditer(text, 0, max(at, 0))]
    return (at >= 0 and bool(aside) and any(start > at for start in said)
            and not any(aside[-1] < start < at for start in said))


def born_there(asked: Question, text: str, place: str | None) -> bool:
    """Whether the place is where someone was born, which a question of another event does not
    ask: "the pianist, who was born in Saltmouth and has died" does not say where he died."""
    if place is None or asked.kind != KIND_PLACE or BORN_ASKED.search(asked.text):
        return False
    named = re.escape(place)
    return re.search(rf"\bborn\s+(?:[\w'’-]+\s+){{0,3}}?(?:in|at)\s+(?:the\s+)?{named}|{named}-born\b",
                     text) is not None


_PLACE_GAP_WORDS = 6  # "died peacefully at his home in Spiddal": the place of the event


def places_the_event(asked: Question, hit: SentenceHit, place: str) -> bool:
    """Whether a sentence puts its place right after the event asked about ("he died at his
    home in Spiddal"), not on something else it tells ("whose sculpture stands at the Spanish
    Arch in Galway, has died"): of two sentences as well supported, the one that places the
    event answers."""
    if asked.kind != KIND_PLACE or not asked.verbs:
        return False
    return right_after_the_event(asked, hit.text, hit.text.find(place), _PLACE_GAP_WORDS)


def place_fits(asked: Question, want: Wanted | None, place: str) -> bool:
    """Whether a place is of the kind asked for (`want`: what the question wants, read once)."""
    if place.casefold() in _COUNTRIES_AND_STATES and _SMALLER_THAN_A_COUNTRY.search(asked.text):
        return False  # "which town": not "Ukraine", nor "Virginia"
    if place.casefold() in _COUNTRIES and _PART_OF_A_COUNTRY.search(asked.text):
        return False  # "which Mexican state": not "Thailand"
    if want is not None and want.said and place.split()[-1].islower():
        return False  # "which city": not "a Ukrainian town"
    # "which street": not "London"
    return not (want is not None and want.head in _STREETS and not _STREET_NAME.search(place))


def placed_after_the_event(asked: Question, text: str) -> str | None:
    """The place a sentence gives right after the event asked about, where it names another
    first: "a smokejumper based in Missoula …, died Nov. 22 at his home in Hamilton"."""
    if not asked.verbs:
        return None
    for said in event_words(asked, text):
        place = placed_in(text[said.end():], asked)
        if place and right_after_the_event(asked, text, text.find(place, said.end()), _PLACE_GAP_WORDS):
            return place if place_fits(asked, wanted(asked), place) else None
    return None


# "which town", "what's the little town whose …", "in which city": the kind of place asked for
# ("where is the 'city within a city' planned" asks where the city is: a country will do).
_SMALLER_THAN_A_COUNTRY = re.compile(r"\b(?:which|what)(?:['’]?s|\s+is|\s+was|\s+are|\s+were)?"
                                     r"(?:\s+(?:the|a|an))?(?:\s+[\w'’-]+){0,3}?\s+(?:town|city|village|"
                                     r"constituency|venue|stadium|port|district)s?\b", re.IGNORECASE)
_COUNTRIES = frozenset(c.casefold() for c in COUNTRIES)
_PART_OF_A_COUNTRY = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:state|province|region|county|"
                                r"prefecture|territory)(?=\s+(?:is|was|are|were|does|did|do|has|had|will|in|of|"
                                r"that|where)\b|\s*[?.!]*\s*$)", re.IGNORECASE)  # not "state TV channel"
# States and provinces no one calls a town (not "New York" or "Washington", which are cities too).
_STATES = frozenset(name.strip() for name in """alabama, alaska, arizona, arkansas, california,
colorado, connecticut, delaware, florida, georgia, hawaii, idaho, illinois, indiana, iowa, kansas,
kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana,
nebraska, nevada, new hampshire, new jersey, new mexico, north carolina, north dakota, ohio, oklahoma,
oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas, utah, vermont,
virginia, west virginia, wisconsin, wyoming, ontario, quebec, alberta, british columbia, manitoba,
saskatchewan, nova scotia, queensland, victoria, tasmania, new south wales""".split(","))
_COUNTRIES_AND_STATES = _COUNTRIES | _STATES
_REGIONS = frozenset("""europe asia africa america americas middle east west east north south the west
oceania antarctica arctic""".split())
_BROAD_PLACES = _COUNTRIES | _REGIONS | frozenset("britain uk us usa eu".split())


# What a place written in lower case after its name is: "Buru island", "the Vilcabamba mountains"
KIND_OF_PLACE = (r"(?-i:island|islands|mountains|hills|peninsula|archipelago|province|district|county"
                  r"|region)\b")


def bare_place(lead: str) -> str:
    """A place without the kind written after it: "Idukki" for "Idukki district"."""
    return re.sub(rf"\s+{KIND_OF_PLACE}$", "", lead)


# "where was the villa": "to pay for a villa in the Algarve"
_THING_ASKED = re.compile(r"^\s*where(?:['’]s|\s+(?:is|was|are|were))\s+"
                          r"(?:the|that|this|his|her|their|its)\s+(?:[a-z]+(?:['’]s)?\s+){0,3}?(?P<noun>[a-z]+)\b"
                          r"(?=\s+(?:that|which|who|where|whose|of|in|at|for|to|being)\b|\s*[?,.!]|\s*$"
                          r"|\s+(?:held|played|staged)\s*[?.!]*\s*$)",
                          re.IGNORECASE)  # "where is the beef plant that …": the plant; "where was the
# world men's curling championship held": the championship
GENERIC_PLACES = frozenset("""church hospital school court station airport stadium park hotel museum centre
center hall street road bridge river lake estate plant factory village town city""".split())


def where_the_thing_is(asked: Question, text: str) -> str | None:
    """The place a sentence puts the thing a "where was the villa" question asks about in."""
    thing = _THING_ASKED.match(asked.text)
    if thing is None or is_verb_form(thing.group("noun")):
        return None  # "where was the cocaine seized": the seizure's place, no thing's
    noun = re.escape(thing.group("noun"))
    placed = re.search(rf"\b{noun}s?\s+(?:in|at|near|on)\s+(?:the\s+)?"
                       r"(?P<place>[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+(?:(?:de|la|du|des|del|di|da|of)\s+)*[A-ZÀ-ÖØ-Þ][\w'’-]+){0,3})",
                       text)  # "the Stade de la Paix"
    if placed is not None and placed.group("place").split()[0].casefold() in CALENDAR_WORDS:
        placed = None  # "the final on Saturday": a day, no place
    if placed is None:  # "closes its Cimarron Flats beef plant": the place names the thing
        naming = re.finditer(rf"(?<![\w'’-])(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})"
                             rf"\s+(?:[a-z]+\s+){{0,2}}{noun}s?\b", text)
        placed = next((m for m in naming if m.start() > 0 and not m.group("place").isupper()  # a dateline
                       and m.group("place").split()[0].casefold() not in NOT_PLACES  # "An explosion"
                       and not given_by_the_question(asked, m.group("place"))), None)
    if placed is None or any(lemma(w.casefold()) in NATIONALITIES for w in placed.group("place").split()):
        return None  # "a mosque in the Canadian city of Mississauga": the name is further on
    return placed.group("place")


# "where is Lumora based": where it is based, not where its glasses were sold
BASED_ASKED = re.compile(r"^\s*where(?:['’]s|\s+(?:is|are|r|was|were))\b.*\b(?:based|headquartered|hq"
                          r"|headquarters|head\s+office)\s*[?.!]*\s*$", re.IGNORECASE)
_HEAD_OFFICE = r"(?:head\s+office|headquarters|(?-i:HQ))"
_BASED = re.compile(r"(?<![\w-])(?:(?-i:The|A|An)\s+)?"  # "The Harrogate-based society": Harrogate
                    r"(?P<place>(?-i:[A-Z])[\w.'’]*(?:[ -](?-i:[A-Z])[\w.'’]*){0,2})-based\b"
                    rf"|\b(?:based|headquartered|{_HEAD_OFFICE})\s+(?:(?:is|are|was|were|remains?|stays?)\s+)?"
                    r"in\s+(?:the\s+)?(?P<in>(?-i:[A-Z])[\w.'’]*(?:\s+(?-i:[A-Z])[\w.'’]*){0,2})"
                    # "its Milton Keynes head office", "the company's Leicester headquarters"
                    r"|\b(?:its|their|the|(?:the\s+)?(?-i:[a-z]+)['’]s|(?-i:[A-Z])[\w&]*['’]s)\s+(?P<before>(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,2})\s+"
                    rf"{_HEAD_OFFICE}\b", re.IGNORECASE)


def based_in(asked: Question, text: str) -> str | None:
    """The place a sentence says something is based in ("Leeds-based Halden Foods", "based in
    Boston"), which names the question's own words."""
    given = given_words(asked)
    head = _based_one(asked)
    for found in _BASED.finditer(text):
        place = found.group("place") or found.group("in") or found.group("before")
        based = _named_after(text, found.end()) if found.group("place") else None
        if based is not None and not any(is_given(w, given) for w in words(based.group("name"))):
            continue  # "Denver-based Granite Peak Capital made an approach for Harlow Foods": Granite Peak's
        if based is None and found.group("place") and _AFTER_A_PREPOSITION.search(text, 0, found.start()):
            continue  # "an approach from the Copenhagen-based private equity firm": the bidder's
        other = _APPOSED_TO.search(text, max(0, found.start() - _APPOSED_REACH), found.start())
        if other is not None and not any(is_given(w, given) for w in words(other.group("name"))):
            continue  # "Vantaro Systems, an IT support contractor based in Reading": Vantaro's base
        owner = based.group("name") if based is not None else other.group("name") if other is not None else ""
        kind = re.match(r"\s+(?-i:([a-z][\w-]*))", text[found.end():]) if found.group("place") else None
        if not owner and kind is not None and head and lemma(head) in _DOERS:
            owner = kind.group(1)  # "the Baltimore-based insurer": the insurer's base, not the hackers'
        if head and owner and head not in owner.casefold() and lemma(head) != lemma(owner.casefold()):
            continue  # "where were the Quillon hackers based": not "Quillon, the London-based bank"
        if not all(is_given(w, given) for w in words(place)):
            return place
    return None


def only_a_base(asked: Question, text: str, place: str) -> bool:
    """Whether a sentence gives a place only as where someone is based ("London start-up
    Quillfeather", "the Seattle-based app"), which answers where they are based or from, not
    where what the question asks about happened."""
    if BASED_ASKED.search(asked.text) or FROM_ASKED.search(asked.text):
        return False
    named = re.escape(place)
    told = list(re.finditer(rf"(?<![\w'’-]){named}(?![\w'’])", text))
    return bool(told) and all(_a_firm_after(text, found.end()) for found in told)


def _a_firm_after(text: str, at: int) -> bool:
    """Whether a place written at `at` says where a firm is: "-based", or a firm's kind within
    three words ("London start-up", "a Leeds ready meal maker"), not one in a place ("London
    firms in Paris")."""
    if text.startswith("-based", at):
        return True
    following = _WORDS_AFTER.match(text, at)
    kinds = following.group().split() if following else []
    return any(lemma(word) in _FIRM_KINDS and (n + 1 == len(kinds) or kinds[n + 1] not in _PLACED_BY)
               for n, word in enumerate(kinds[:3]))


FROM_ASKED = re.compile(r"^\s*where(?:['’]?s|\s+(?:is|are|was|were))\b.*\bfrom\s*[?.!]*\s*$", re.IGNORECASE)
_WORDS_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,4}")  # the kind and the word after it
_PLACED_BY = frozenset({"in", "at", "near", "of"})
# Kinds of firm a place is written before when it says where the firm is based
_FIRM_KINDS = frozenset(lemma(w) for w in """start-up startup firm company group chain retailer lender insurer
maker manufacturer developer operator carrier airline bank business""".split())


def _based_one(asked: Question) -> str | None:
    """What a "where is X based" question asks the base of, when it is a kind of thing or people
    ("the hackers behind the PulseTrack breach"): the last word of the question's subject, unless
    it is an organisation's kind or the last word of its name ("the payments company whose
    systems …", "bluewren airways")."""
    subject = _BASED_SUBJECT.match(asked.text)
    if subject is None:
        return None
    head = subject.group("head").casefold()
    return None if lemma(head) in _ORGANISATIONS else head


# "where are the greylantern hackers based", "where were the hackers behind the breach based"
_BASED_SUBJECT = re.compile(r"^\s*where(?:['’]s|\s+(?:is|are|r|was|were))\s+(?:(?:the|a|an)\s+)?"
                            r"(?:[\w&'’-]+\s+){0,3}?(?P<head>[\w&'’-]+)"
                            r"(?=\s+(?:behind|that|which|who|whose|of|in|at|for|based|headquartered)\b)",
                            re.IGNORECASE)
# People asked about by what they did, whose base is not that of the firm they did it to
_DOERS = frozenset(lemma(w) for w in """hacker attacker gang crew thief scammer fraudster criminal raider
burglar smuggler militant rebel kidnapper""".split())
_ORGANISATIONS = _FIRM_KINDS | frozenset(lemma(w) for w in """owner fund grocer contractor consultancy club
team side charity agency brand supplier airways airlines foods holdings systems industries motors energy
mining health capital partners labs stores brands pharma therapeutics robotics aerospace space logistics
media studios games insurance""".split())


def _named_after(text: str, at: int) -> re.Match[str] | None:
    """The name an "X-based" is written before, over a few words of what it is ("Denver-based
    private equity firm Cobalt Ridge"), but not over a verb ("the Swindon-based company
    collapsed in November")."""
    named = _NAME_AFTER.match(text, at)
    if named is None or any(is_verb_form(w) or w in STOPWORDS for w in named.group("kind").split()):
        return None
    return named


_NAME_AFTER = re.compile(r"(?P<kind>(?:\s+(?-i:[a-z])[\w-]*){0,3}?)"
                         r"\s+(?P<name>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*){0,3})")
_AFTER_A_PREPOSITION = re.compile(r"\b(?:from|by|to|with|for|against|of|at|on|into|over|than)\s+"
                                  r"(?:(?:the|a|an)\s+)?$", re.IGNORECASE)
# A name, then what it is up to "based": "Vantaro Systems, an IT support contractor based in …"
_APPOSED_TO = re.compile(r"(?P<name>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*){0,3}),\s+"
                         r"(?:a|an|the)\s+(?:[\w-]+\s+){0,4}$")
_APPOSED_REACH = 90


_STREETS = frozenset({"street", "road", "avenue", "square"})
_STREET_NAME = re.compile(r"\b(?:Street|St|Road|Rd|Lane|Avenue|Ave|Way|Square|Place|Drive|Close|Crescent|"
                          r"Terrace|Row|Boulevard|Gardens|Hill|Walk|Parade|Broadway|Circus)\.?$")


# Things a place's name may name ("which club": Barcelona); any other thing asked for by its
# name is not a place ("the name of the cruise ship": not the Caribbean of its voyage).
_NAMED_AFTER_PLACES = frozenset(lemma(w) for w in """club team side franchise outfit city town country
nation state place region area venue stadium ground airport station port university school college
hospital race open tournament festival cup league county province district""".split())
KNOWN_PLACES = PLACES | _COUNTRIES


def placed_thing(name: str, nouns: Sequence[str]) -> bool:
    """A known place given as the name of a thing that is never named after one."""
    return name.casefold() in KNOWN_PLACES and not {lemma(n) for n in nouns} & _NAMED_AFTER_PLACES


# "where's the trial being heard", "where was he sentenced": a court, not a place the case tells of
_CASE_ASKED = re.compile(r"\b(?:trials?|tried|hearings?|heard|sentenc(?:ed|ing)|court|case"
                         r"|appear(?:s|ed)?)\b", re.IGNORECASE)
_SERVED = re.compile(r"\bserv(?:e|es|ed|ing)\b", re.IGNORECASE)
_COURT = re.compile(r"\b(?:(?-i:[A-Z])[\w'’-]*\s+){1,4}(?:Court(?:house)?|Tribunal)\b")


def court_of_the_case(asked: Question, text: str) -> str | None:
    """The court a sentence names, for a question about where a case is heard (not where a
    sentence is served: a prison)."""
    if not _CASE_ASKED.search(asked.text) or _SERVED.search(asked.text):
        return None
    court = _COURT.search(text)
    return court.group().removeprefix("The ").removeprefix("A ") if court else None
