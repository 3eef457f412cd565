"""What a sentence gives for a question to lead its answer with: a place, a name, a day or a year, an age."""

from __future__ import annotations

import re
from datetime import date

from digests.news.dates import dates_in
from digests.news.lexicon import lemma
from digests.news.people_words import DEMONYMS, PLACES
from digests.news.question import Question
from digests.news.text import words

# A place's name: capitalised words, "of", "de", "on" or "upon" between them ("Newcastle upon Tyne")
_PLACE_NAME = r"(?P<place>(?:[A-Z][\w'’.-]+)(?:\s+(?:of\s+|de\s+|on\s+|upon\s+)?[A-Z][\w'’.-]+){0,3})"
_PLACE_AFTER = re.compile(r"\b(?:(?i:in|at|near|outside|inside|beneath|underneath)"  # "In Kyiv, …" too
                          r"|on(?=\s+(?:the\s+)?(?:Isle|Island)\s+of\b)"
                          r"|(?i:welcome)\s+to"
                          r"|(?:city|town|village|port|region|province|island|state|county|district)\s+of)"
                          r"\s+(?:[Tt]he\s+)?" + _PLACE_NAME)
# A run of capitalised words (a name, a place), a trailing possessive, and capitalised words
# that are never places: also what `support` reads a name in a sentence by.
CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}")
POSSESSIVE_END = re.compile(r"['’]s?$")
NOT_PLACES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december the a an this that i we he she
they it his her their its our christmas easter""".split())


def place_in(text: str, asked: Question) -> str | None:
    """The first place the sentence puts something in ("in the Gomel region", "at Wembley"),
    else the first known place it names, other than a place the question itself gives. For
    "where is X from", only a place the sentence gives as where someone or something comes
    from: where a man died is not where he is from."""
    placed = placed_in(text, asked)
    return placed if placed or asks_origin(asked) else _known_place_in(text, asked)


def asks_origin(asked: Question) -> bool:
    """"Where is X from", "where does she come from", "where did the flight take off from"."""
    return _ORIGIN_ASKED.match(asked.text) is not None


_ORIGIN_ASKED = re.compile(r"^\s*where\b.*\bfrom\s*[?.!]*\s*$", re.IGNORECASE)
# "from Leeds", "John Smith, 24, of Leeds", "a native of Leeds", "Leeds-born": where one is from
_ORIGIN = re.compile(r"(?:\bfrom|,\s+of|\bnative\s+of|\bborn\s+in|\bhometown\s+of|\bgrew\s+up\s+in)"
                     r"\s+(?:the\s+)?" + _PLACE_NAME
                     + r"|\b(?!(?:The|A|An)\s)(?P<born>[A-Z][\w'’.]+(?:\s+[A-Z][\w'’.]+)?)-born\b")


def placed_in(text: str, asked: Question) -> str | None:
    """The first place the sentence puts something in ("in the Gomel region", "at Wembley"),
    or for "where is X from", the first it gives as where X comes from."""
    given = given_words(asked)
    for match in (_ORIGIN if asks_origin(asked) else _PLACE_AFTER).finditer(text):
        place = match.group("place") or match.group("born")
        first = words(place)[0].casefold() if words(place) else ""
        if (first in NOT_PLACES or place.casefold() in DEMONYMS or _EVENT_END.search(place)
                or all(is_given(w, given) for w in words(place))):
            continue
        place = re.split(r"['’]s\s+", place)[-1]  # "Belarus's Brest": Brest
        return POSSESSIVE_END.sub("", place.rstrip(".,"))
    return None


# "at the World Indoor Athletics Championships": an event, not a place ("… in Belgrade" is)
_EVENT_END = re.compile(r"\b(?:Championships?|Games|Olympics|Paralympics|Cup|Open|Awards|Festival|Summit|"
                        r"Conference|Tournament|Finals?|Grand\s+Prix|Marathon|Show|Expo|Congress)$")


def given_words(asked: Question) -> set[str]:
    """What the question itself gives: the words of its names, its terms, and the countries
    of its nationalities ("which Indian state": not India)."""
    countries = {w.casefold() for t in words(asked.text) if t.casefold() in DEMONYMS
                 for w in words(DEMONYMS[t.casefold()])}
    return {w.casefold() for name in asked.names for w in words(name)} | set(asked.terms) | countries


def is_given(word: str, given: set[str]) -> bool:
    return word.casefold() in given or lemma(word.lower()) in given


def new_words(run: str, given: set[str]) -> list[str]:
    """The words of a capitalised run that the question does not give, small words and
    nationalities left out: what a name the sentence adds is made of."""
    return [w for w in words(POSSESSIVE_END.sub("", run))
            if not is_given(w, given) and w.casefold() not in NOT_PLACES and w.casefold() not in DEMONYMS]


def _known_place_in(text: str, asked: Question) -> str | None:
    """The first place the sentence names that the question does not ("Liverpool's win")."""
    given = given_words(asked)
    for match in CAPITALISED_RUN.finditer(text):
        found = [POSSESSIVE_END.sub("", w) for w in words(match.group())]  # "Colombia's Attorney…"
        if found and found[0].casefold() == "the":
            found = found[1:]  # "…: The West calls for …": the run's article is no part of it
        known = [i for i, w in enumerate(found) if w.casefold() in PLACES or w.casefold() in DEMONYMS]
        if not known:
            continue
        start = known[0]
        while known[-1] == len(found) - 1 and start > 0 and known[-1] - start < 2 \
                and found[start - 1].casefold() not in NOT_PLACES | _NAME_WORDS_BEFORE:
            start -= 1  # "Uttar Pradesh", "Madhya Pradesh": the run's words before a known last one
        place = found[start:known[-1] + 1]  # "Colombia" of "Colombia AG"
        if len(place) == 1 and place[0].casefold() in _COMPASS:
            if not known[0]:
                continue  # "the West calls for …": no place
            place = found[:known[0] + 1]  # "Southend West"
        if place[-1].casefold() not in PLACES:  # "an Italian port": the demonym and its noun
            noun = re.match(r"\s+([a-z]+)", text[match.end():]) if known[-1] == len(found) - 1 else None
            if not (noun and noun.group(1) in _PLACE_NOUNS):
                continue
            place = [*place, noun.group(1)]
        if not all(is_given(w, given) for w in place):
            return " ".join(place)
    return None


_NAME_WORDS_BEFORE = frozenset("""mayor governor president minister leader king queen prince general
mr mrs ms dr sir""".split())
_COMPASS = frozenset("west east north south western eastern northern southern central".split())
_PLACE_NOUNS = frozenset("""port marina city town village coast island border capital region
province county harbour harbor resort airport base""".split())


def name_in(text: str, asked: Question) -> str | None:
    """The first name a sentence gives that the question does not ("Coda", "Joe Manchin"):
    what a "which" or "who won" question asks for."""
    given = given_words(asked)
    for match in CAPITALISED_RUN.finditer(text):
        found = new_words(match.group(), given)
        opens = match.start() == 0 or text[:match.start()].rstrip().endswith((":", "-", "–", "—", "\"", "“"))
        if found and (not opens or len(found) > 1 or text[match.end():match.end() + 1] in ":,"):
            return " ".join(found)
    return None


def date_in(text: str, published: date) -> date | str | None:
    """The first day the sentence names, read against the day it was published; else a year it
    gives ("in 1986", "until 2028")."""
    found = dates_in(text, published)
    if found:
        return found[0][1]
    year = _YEAR.search(text)
    return year.group("year") if year else None


_YEAR = re.compile(r"\b(?:in|since|until|till|from|by|before|after|of|back to|dating to|through)\s+"
                   r"(?:the\s+(?:year\s+)?)?(?P<year>1[0-9]{3}|20[0-9]{2})\b", re.IGNORECASE)


_AGE = re.compile(r"\baged\s+(?P<a>\d{1,3})\b|(?<![\d,.])(?P<b>\d{1,3}(?:,\d{3})*)-year-old\b"
                  r"|\bat\s+(?:the\s+)?age\s+of\s+(?P<c>\d{1,3})\b"
                  r"|\b(?:dies|died|dead|passes\s+away|passed\s+away)\s+at\s+(?P<d>\d{1,3})\b"
                  r"|(?<![\d,.])(?P<e>\d{1,3}(?:,\d{3})*)\s+years?\s+old\b"
                  r"|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*,\s+(?P<f>\d{1,3}),")


def age_in(text: str) -> int | None:
    """The first age a sentence gives a person or a thing: "aged 52", "a 16-year-old", ", 45,",
    "dies at 87", "a 5,000-year-old drum"."""
    found = _AGE.search(text)
    return int(next(v for v in found.groupdict().values() if v).replace(",", "")) if found else None
