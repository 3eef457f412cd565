"""Answering a member's question from what is stored, with every claim quoted and cited.

The question is read first (`question`): a number is answered from key figures (the latest
value first, with how it changed), a person from key people, a place or a date from the
sentences that give one for what is asked, anything else from the sentence that says it. The
question's words meet the sentences' through lemmas and the word families of news (`lexicon`).
Every answer must be supported: its sentence names every name the question names and covers
enough of the rest of it (`SUPPORTED`), its most specific word among them; it says the event
asked about, with the one the question says did it as its doer, is of the year asked, and does
not say that the thing asked is not known (`says_it`); otherwise the answer says plainly that
nothing stored answers the question. A wrong answer is worse than none.
"""

from __future__ import annotations

import asyncio
import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from digests.models import SentenceHit, Source
from digests.news.dates import dates_in
from digests.news.digest import small_count
from digests.news.figures import format_value
from digests.news.lexicon import family_of_lemma, lemma, other_words
from digests.news.names import describe, merge_names, person_key, surname
from digests.news.people import extract_people, role_near
from digests.news.people_words import DEMONYMS, PLACES
from digests.news.question import (
    KIND_DATE,
    KIND_FIGURES,
    KIND_HOLDER,
    KIND_PERSON,
    KIND_PLACE,
    KIND_SEARCH,
    MEASURE_AGE,
    MEASURE_COUNT,
    MEASURE_DISTANCE,
    MEASURE_DURATION,
    MEASURE_MONEY,
    MEASURE_PERCENT,
    MEASURE_SPEED,
    MEASURE_WEIGHT,
    Question,
    Unreadable,
    read_question,
)
from digests.news.text import words
from digests.readings import CitedFigure, CitedMention, Figure

KIND_REFUSED = "refused"
SERIES_MARGIN = 1.5  # figures scoring this close to the best answer read as one series
FAMILY_MATCH = 0.8  # what a word of the same family counts, where the word itself counts 1
SUPPORTED = 0.6  # weighted share of a question's words (besides its names) a sentence must cover
SPECIFIC = 7.0  # rarity (log of sentences per sentence using a word) of a word that names a thing
NAME_SHARE = 0.5  # what a name the sentence has counts toward support, against a content word
MIN_WEIGHT = 0.2  # the least a question word weighs, however common
SEARCHED = 60  # sentences read for a place, a date or an open question
FIGURE_HITS = 200  # sentences whose figures are read for a number
DONT_KNOW = "I don't know: nothing in the stored news answers that."


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Answer:
    """`found` is False when nothing stored answers the question; `headline` then says so."""

    question: str
    kind: str
    found: bool
    headline: str
    quotes: tuple[Quote, ...] = ()
    values: tuple[float, ...] = ()


class AnswerStore(Protocol):
    """What answering needs from the store (the real `Store` provides it)."""

    async def figures_of_items(self, item_ids: Collection[int]) -> list[CitedFigure]: ...
    async def search_sentences(self, terms: Sequence[str], limit: int = 20) -> list[SentenceHit]: ...
    async def word_rarity(self, words: Sequence[str]) -> dict[str, float]: ...
    async def person_keys(self) -> list[tuple[str, str, int]]: ...
    async def mentions_of(self, keys: Iterable[str]) -> list[CitedMention]: ...


async def answer_question(store: AnswerStore, question: str, now: datetime) -> Answer:
    """The answer to a question in plain English, from stored items only."""
    try:
        asked = read_question(question, now.date())
    except Unreadable as refusal:
        return Answer(question, KIND_REFUSED, False, str(refusal))
    if asked.year is not None and asked.year > now.year and asked.past:
        return Answer(asked.text, asked.kind, False, f"I don't know: the news I keep goes up to "
                      f"{now:%-d %B %Y}, so it cannot say what happened in {asked.year}.")
    if asked.kind == KIND_PERSON:
        return await _answer_person(store, asked)
    rarity = await store.word_rarity(asked.terms)
    if asked.kind == KIND_HOLDER:
        return await _answer_holder(store, asked, rarity)
    if asked.kind == KIND_FIGURES:
        return await _answer_figures(store, asked, now, rarity)
    return await _answer_from_sentences(store, asked, now, rarity)


COMMON = 3.0  # rarity under which a word is in so many sentences that searching for it costs most
REPEATED = 4  # when fewer than one hit in this many is a sentence of its own, search wider
WIDER = 5  # how much wider


async def searched(store: AnswerStore, terms: Sequence[str], limit: int) -> list[SentenceHit]:
    """The best `limit` sentences for the terms, or more when one wire story repeated by many
    outlets fills them: an answer needs sentences that differ."""
    hits = await store.search_sentences(terms, limit=limit)
    if len(hits) == limit and len({h.text for h in hits}) * REPEATED < limit:
        hits = await store.search_sentences(terms, limit=limit * WIDER)
    return hits


def search_terms(asked: Question, rarity: Mapping[str, float] | None = None) -> list[str]:
    """What a full-text search looks for: the question's words and the other words of their
    families ("soldiers" finds "troops" too); with `rarity`, without the words most sentences
    have ("Ukraine" in a store of the war) when two rarer ones remain: they find the same
    sentences, and a full-text search pays for every sentence a word is in."""
    kept = asked.terms
    if rarity is not None:
        rare = tuple(t for t in asked.terms if rarity.get(t, COMMON) >= COMMON)
        kept = rare if len(rare) >= 2 else kept
    written = [w.lower() for w in words(asked.text) if lemma(w.lower()) in kept]
    return list(dict.fromkeys([*written, *(w for t in kept for w in other_words(t))]))


# Support ----------------------------------------------------------------------------------

def support(asked: Question, text: str, rarity: Mapping[str, float],
            named: frozenset[str] = frozenset(), thing: bool | None = None) -> float:
    """How much of the question a sentence covers, weighing each word by its rarity: 0 when it
    misses a name the question names, or a word typed in lower case that the sentences found
    write as a name (`named`: "serena", "bafta"), or a word no stored sentence has; else the
    weighted share of the question's words it has, a word of the same family counting a little
    less and the names (which it has) counting half: the question's other words say what it
    asks about them. `thing` says whether the sentence holds the kind of thing asked for (a
    value of the measure asked, a place, a date), which counts as one more word when known."""
    if not all(_names_in(name, text) for name in asked.names) or not _places_in(asked, text):
        return 0.0
    found = _lemmas(text)
    content = [t for t in asked.content_terms() if t not in named]
    if any(not _meets(t, found) for t in named):
        return 0.0
    if not content:
        return 1.0 if asked.names or named else 0.0
    weights = {t: max(rarity.get(t, 1.0), MIN_WEIGHT) for t in content}
    name_terms = [t for t in asked.terms if t not in weights]
    given = NAME_SHARE * sum(max(rarity.get(t, 1.0), MIN_WEIGHT) for t in name_terms)
    covered = sum(w * _meets(t, found) for t, w in weights.items())
    total = sum(weights.values()) + given
    if thing is not None:
        asked_for = sum(weights.values()) / len(weights)
        covered, total = covered + asked_for * thing, total + asked_for
    return (covered + given) / total


_ROMAN = re.compile(r"[IVXLCDM]+")  # "Super Bowl LVI" is also "Super Bowl 2022"
_NOT_KNOWN = re.compile(
    r"\b(?:(?:are|is|was|were|has|have)\s+yet\s+to\s+(?:establish|determine|confirm|identify|disclose|"
    r"reveal|announce|be\s+(?:established|determined|confirmed|identified|disclosed|named|released|"
    r"revealed|announced))|not\s+(?:yet\s+)?(?:been\s+)?(?:known|disclosed|released|revealed|"
    r"made\s+public|established|determined)|(?:was|is|remains?|remained)\s+(?:still\s+)?(?:unknown|"
    r"unclear|not\s+clear)|undisclosed|unnamed|no\s+details|(?:did|does|do)\s+not\s+(?:say|disclose|"
    r"reveal|give)|declined\s+to\s+(?:say|disclose|reveal|give|name))\b", re.IGNORECASE)
_PREPOSITION_BEFORE = re.compile(r"(?:^|\W)(?:to|of|for|with|against|from|about|by|on|at|under|"
                                 r"behind|near|around|toward|towards)\s+$", re.IGNORECASE)


def says_it(asked: Question, text: str, published: date, events: bool = True) -> bool:
    """Whether a sentence can answer at all, however much of the question's words it has: it is
    of the year the question names (names it, or was published then), says the event the
    question asks about ("resign": not a resignation's hearing, nor a vigil), with the one the
    question says did it as its doer ("aides to Boris Johnson resigned" is not his
    resignation), and does not say that what is asked is not known ("investigators are yet to
    establish a cause")."""
    if asked.year is not None and str(asked.year) not in text and published.year != asked.year:
        return False
    found = _lemmas(text)
    if events and any(not _meets(verb, found) and not _said_otherwise(verb, text) for verb in asked.verbs):
        return False
    if events and asked.subject and asked.verbs and not _as_doer(asked.subject, text):
        return False
    if asked.past and asked.verbs and _only_expected(asked, text):
        return False
    return _NOT_KNOWN.search(text) is None


_EXPECTED = re.compile(r"\b(?:expected|set|likely|poised|tipped|hoping|hopes?|plans?|planning|aims?|due|bid)"
                       r"\s+to(?:\s+\w+)?\s+$|\b(?:could|may|might|would|will|should|estimated|estimate|forecast|"
                       r"predicted|projected)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _only_expected(asked: Question, text: str) -> bool:
    """A done event asked about ("what did the diamond sell for") and a sentence that only
    expects it ("is expected to sell for $48 million"): every time it says the event, a word of
    expectation comes right before."""
    tokens = list(re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text))
    said = [t for t in tokens if any(_meets(v, {lemma(t.group().lower())}) for v in asked.verbs)]
    return bool(said) and all(_EXPECTED.search(text[:t.start()]) for t in said)


_WIN = lemma("win")
_GONE_TO = re.compile(r"\b(?:went|goes|go|going|awarded|handed|given|presented)\s+to\s+(?:the\s+)?",
                      re.IGNORECASE)


def _said_otherwise(verb: str, text: str) -> bool:
    """A win written as a prize going to someone: "best picture went to Coda"."""
    return verb == _WIN and _GONE_TO.search(text) is not None


def _as_doer(subject: str, text: str) -> bool:
    """Whether a sentence may have `subject` doing something: not when every time it names
    them, a preposition comes first ("aides to Boris Johnson"); a sentence that does not write
    the name as typed cannot be told and may."""
    named = list(re.finditer(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words(subject)) + r"(?!\w)",
                             text, re.IGNORECASE))
    return not named or any(_PREPOSITION_BEFORE.search(text[:m.start()]) is None for m in named)


_SPELLINGS = {"kiev": "kyiv", "odessa": "odesa", "donbass": "donbas", "america": "united states"}


def _places_in(asked: Question, text: str) -> bool:
    """Whether a sentence names the places the question names, however typed ("russia" is met
    by "Russian"): "what did russia put its rate up to" is not answered by a British rate."""
    def spelled(word: str) -> str:
        return _SPELLINGS.get(word, word)
    wanted = {spelled(w.casefold()) for w in words(asked.text) if w.casefold() in PLACES}
    if not wanted:
        return True
    said = {spelled(_POSSESSIVE_END.sub("", w.casefold())) for w in words(text)}
    said |= {spelled(DEMONYMS[w].casefold()) for w in said if w in DEMONYMS}
    return wanted <= said


def lowercase_names(asked: Question, texts: Iterable[str], rarity: Mapping[str, float]) -> frozenset[str]:
    """Question words an answer must have although the question does not write them as names:
    words typed in lower case that the sentences found write as names ("serena", "tesco",
    "bafta": capitalised inside a sentence twice at least, and twice in three times; a rare word
    wherever a sentence has it inside: "the yacht, named Phi"), and rare words that no sentence
    found has (what the question asks about is not stored)."""
    content = set(asked.content_terms())
    capitalised: dict[str, int] = {}
    inside: dict[str, int] = {}
    in_longer: set[str] = set()  # "Jes" of "Jes Staley": a first name, not the name itself
    seen: dict[str, int] = {}
    for text in texts:
        found = words(text)
        headline_case = _title_case(found)
        for position, word in enumerate(found):
            base = lemma(word.lower())
            for term in content:
                if _meets(term, {base}):
                    seen[term] = seen.get(term, 0) + 1
            if base in content and position and not headline_case:
                inside[base] = inside.get(base, 0) + 1
                if word[:1].isupper() and not word.isupper():
                    capitalised[base] = capitalised.get(base, 0) + 1
                    if position + 1 < len(found) and found[position + 1][:1].isupper():
                        in_longer.add(base)
    absent = {t for t in content if t not in seen and t.isalpha() and rarity.get(t, 0.0) >= SPECIFIC}
    rare_names = {t for t, n in inside.items() if capitalised.get(t, 0) == n and t not in in_longer
                  and rarity.get(t, 0.0) >= SPECIFIC}
    names = {t for t, n in seen.items() if capitalised.get(t, 0) >= max(2, 2 * n / 3)}
    return frozenset(names | absent | rare_names)


def _title_case(found: Sequence[str]) -> bool:
    """A headline written in title case, where capitals say nothing of names."""
    long = [w for w in found[1:] if len(w) >= 4]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.75 * len(long)


def _names_in(name: str, text: str) -> bool:
    """Whether a name the question gives is in the text (case aside): a one-word name whole,
    a longer one by most of its words ("Bafta Film Awards" in "the Bafta awards")."""
    lowered = text.casefold()
    parts = words(name)
    present = sum(1 for w in parts if re.search(rf"(?<![\w]){re.escape(w.casefold())}(?![\w])", lowered))
    if any(len(w) >= 2 and w.isupper() and not _ROMAN.fullmatch(w) and not re.search(
            rf"(?<![\w]){re.escape(w.casefold())}(?![\w])", lowered) for w in parts):
        return False  # the "FIFA" of "FIFA World Cup" is what tells it from other World Cups
    if len(parts) <= 2:  # "Felicity Ace" is not any ace; "Marian Vajda" may be "Vajda"
        last = parts[-1].casefold()
        return present == len(parts) or (len(last) >= 5 and re.search(
            rf"(?<![\w]){re.escape(last)}(?![\w])", lowered) is not None)
    return present * 2 >= len(parts)


# How many / how much -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FigureQuestion:
    """What a "how many / how much" question asks for (as lemmas)."""

    terms: tuple[str, ...]
    head: str | None
    names: tuple[str, ...]
    units: frozenset[str | None] | None
    by: date | None
    measure: str | None = None


_MEASURE_UNITS: dict[str, frozenset[str | None]] = {
    MEASURE_DURATION: frozenset({"year", "month", "week", "day", "hour", "minute", "second", "decade"}),
    MEASURE_AGE: frozenset({"year", "decade"}),
    MEASURE_DISTANCE: frozenset({"mile", "km", "m", "foot", "inch", "nautical mile", "mm", "cm"}),
    MEASURE_SPEED: frozenset({"mph", "km/h", "kph"}),
    MEASURE_WEIGHT: frozenset({"kg", "lb", "tonne", "ton", "g", "pound"}),
    MEASURE_PERCENT: frozenset({"percent", "percentage point"}),
    MEASURE_COUNT: frozenset({None}),
}


def figure_question(asked: Question) -> FigureQuestion:
    return FigureQuestion(asked.terms, asked.head, asked.names, _expected_units(asked), asked.by,
                          asked.measure)


def unit_fits(unit: str | None, measure: str | None) -> bool:
    """Whether a figure's unit is of the kind the question measures ("how long": a duration)."""
    if measure == MEASURE_MONEY:
        return bool(unit and len(unit) == 3 and unit.isupper())
    return measure not in _MEASURE_UNITS or unit in _MEASURE_UNITS[measure]


async def _answer_figures(store: AnswerStore, asked: Question, now: datetime,
                          rarity: Mapping[str, float]) -> Answer:
    if not asked.terms:
        return _unknown(asked.text, KIND_FIGURES)
    if asked.measure == MEASURE_AGE:
        aged = await _answer_age(store, asked, rarity)
        if aged is not None:
            return aged
    wanted = figure_question(asked)
    hits = await searched(store, search_terms(asked, rarity), FIGURE_HITS)
    quoted = {(h.source.item_id, h.text) for h in hits}
    found = [f for f in await store.figures_of_items({item_id for item_id, _ in quoted})
             if (f.source.item_id, f.figure.sentence) in quoted]
    named = lowercase_names(asked, {h.text for h in hits[:SEARCHED]}, rarity)
    candidates = [c for c in found if support(asked, c.figure.sentence, rarity, named,
                                              _asked_for(c.figure, asked)) >= SUPPORTED
                  and says_it(asked, c.figure.sentence, c.source.published_at.date(), events=False)]
    series = best_series(candidates, wanted) or _best_supported_figure(candidates, wanted)
    if not series:
        return _unknown(asked.text, KIND_FIGURES)
    headline = _figure_headline(series[0], series[1:], now)
    quotes = tuple(Quote(f.figure.sentence, f.source) for f in series[:3])
    return Answer(asked.text, KIND_FIGURES, True, headline, quotes,
                  tuple(f.figure.value for f in series))


_AGE = re.compile(r"\baged\s+(?P<a>\d{1,3})\b|\b(?P<b>\d{1,3})-year-old\b"
                  r"|\bat\s+(?:the\s+)?age\s+of\s+(?P<c>\d{1,3})\b"
                  r"|\b(?:dies|died|dead|passes\s+away|passed\s+away)\s+at\s+(?P<d>\d{1,3})\b"
                  r"|\b(?P<e>\d{1,3})\s+years?\s+old\b"
                  r"|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*,\s+(?P<f>\d{1,3}),")


def age_in(text: str) -> int | None:
    """The first age a sentence gives a person: "aged 52", "a 16-year-old", ", 45,", "dies at 87"."""
    found = _AGE.search(text)
    return int(next(v for v in found.groupdict().values() if v)) if found else None


async def _answer_age(store: AnswerStore, asked: Question, rarity: Mapping[str, float]) -> Answer | None:
    """"How old": the best-supported sentence that gives an age, the age first."""
    hits = _distinct(await searched(store, search_terms(asked, rarity), SEARCHED))
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    ranked = sorted(((support(asked, h.text, rarity, named, age_in(h.text) is not None), h) for h in hits),
                    key=lambda pair: (pair[0], pair[1].score), reverse=True)
    aged = [(age, h) for score, h in ranked if score >= SUPPORTED and (age := age_in(h.text)) is not None
            and says_it(asked, h.text, h.source.published_at.date(), events=False)]
    if not aged:
        return None
    age, best = aged[0]
    headline = f"{age} years old ({best.source.feed_name}, {best.source.published_at:%a %-d %b %Y})"
    quotes = tuple(Quote(h.text, h.source) for _, h in aged[:3])
    return Answer(asked.text, KIND_FIGURES, True, headline, quotes, (float(age),))


def best_series(candidates: Sequence[CitedFigure], asked: FigureQuestion) -> list[CitedFigure]:
    """The figures that answer the question best, latest first (up to its date, if it has one).

    A figure qualifies only if it counts the question's head noun (or a word of its family), its
    sentence names every name the question names and its unit fits; among those, the ones of
    the best's unit and scoring close to it form the series, so one measure worded differently
    by several outlets still reads as one series, and another measure never joins it.
    """
    scored = [(figure_score(c.figure, asked), c) for c in candidates if _fits(c, asked)]
    scored = [(score, c) for score, c in scored if score > 0]
    if not scored:
        return []
    best_score, best = max(scored, key=lambda pair: (pair[0], figure_date(pair[1])))
    where = places_named(best.figure.sentence)
    series = [(score, c) for score, c in scored if score >= best_score - SERIES_MARGIN
              and c.figure.unit == best.figure.unit and _same_place(where, c.figure.sentence)]
    if asked.by is not None:
        series = [(score, c) for score, c in series if figure_date(c)[0] <= asked.by]
    # Latest day first; on one day, the report worded most like the question first.
    ordered = sorted(series, key=lambda pair: (figure_date(pair[1])[0], pair[0],
                                                figure_date(pair[1])[1]), reverse=True)
    return _one_per_report([c for _, c in ordered])


def places_named(text: str) -> frozenset[str]:
    """The known places a sentence names, demonyms read as their country ("Ukrainian": ukraine)."""
    found = set()
    for word in words(text):
        lowered = word.casefold()
        if word[:1].isupper() and lowered in PLACES:
            found.add(lowered)
        elif word[:1].isupper() and lowered in DEMONYMS:
            found.add(DEMONYMS[lowered].casefold())
    return frozenset(found)


def _same_place(where: frozenset[str], text: str) -> bool:
    """One series is about one place: a figure whose sentence names places, none of them the
    best figure's, measures something else (a shooting in one city, a war in a country)."""
    other = places_named(text)
    return not where or not other or bool(where & other)


def _best_supported_figure(candidates: Sequence[CitedFigure], asked: FigureQuestion) -> list[CitedFigure]:
    """When no figure counts what the question names ("how many noms" and "four nominations"),
    the figure of the best-supporting sentence, of the kind asked (a count, a sum, a share),
    most like the question in what it counts, latest first."""
    fitting = [c for c in candidates if unit_fits(c.figure.unit, asked.measure)
               and all(_names_in(n, c.figure.sentence) for n in asked.names)
               and not small_count(c.figure)]
    if not fitting:
        return []
    best = max(fitting, key=lambda c: (_counted_overlap(c.figure, asked), figure_date(c)))
    return [best]


def _counted_overlap(figure: Figure, asked: FigureQuestion) -> float:
    counted = _lemmas(f"{figure.counted or ''} {figure.sentence}")
    return sum(_meets(t, counted) for t in asked.terms)


def _fits(cited: CitedFigure, asked: FigureQuestion) -> bool:
    figure = cited.figure
    if not unit_fits(figure.unit, asked.measure):
        return False
    if asked.head is not None and not family_of_lemma(asked.head) & _counted_words(figure):
        return False
    return all(_names_in(name, figure.sentence) for name in asked.names)


def _asked_for(figure: Figure, asked: Question) -> bool:
    """Whether a figure is the kind of value asked: of the measure asked, counting what is asked."""
    if not unit_fits(figure.unit, asked.measure) or (small_count(figure) and asked.measure is None):
        return False
    about = _counted_words(figure) | _lemmas(figure.sentence)  # "how many teslas": vehicles of Tesla
    return asked.head is None or bool(family_of_lemma(asked.head) & about)


_NEAR_BEFORE = 3  # words before a figure that may name what it counts ("nominations with 11")
_NEAR_AFTER = 4


def _counted_words(figure: Figure) -> set[str]:
    """Lemmas of what a figure counts: its `counted` words, and when the extractor found none,
    the words right around it in its sentence."""
    if figure.counted:
        return _lemmas(figure.counted)
    before = words(figure.sentence[:figure.start])[-_NEAR_BEFORE:]
    after = words(figure.sentence[figure.end:])[:_NEAR_AFTER]
    return {lemma(w.lower()) for w in (*before, *after)}


def figure_score(figure: Figure, asked: FigureQuestion) -> float:
    """Question terms found in what is counted count most; counted words the question did not
    ask for count against (children fled ≠ people fled). Money is often counted vaguely ("a
    package"), so a sum of money may match by its sentence alone, on stricter terms."""
    wanted = set(asked.terms)
    counted = _counted_words(figure)
    counted_hits = sum(_meets(t, counted) for t in wanted)
    sentence = _lemmas(figure.sentence)
    context_hits = sum(_meets(t, sentence) for t in wanted)
    coverage = sum(1 for t in wanted if family_of_lemma(t) & sentence) / len(wanted) if wanted else 0.0
    measured = asked.measure not in (None, MEASURE_COUNT) and unit_fits(figure.unit, asked.measure)
    by_sentence = (asked.head is None and (_is_money(figure) or measured)
                   and context_hits >= 2 and coverage >= 0.5)
    if (counted_hits == 0 and not by_sentence) or coverage < 0.5:
        return 0.0
    extra = len({c for c in counted if not any(c in family_of_lemma(t) for t in wanted)})
    return 2.0 * counted_hits + context_hits - 0.75 * extra


def _meets(term: str, found: set[str]) -> float:
    """1 when the lemma itself is found, a little less for a word of its family: the article's
    own words answer best, other words still answer."""
    if term in found:
        return 1.0
    if family_of_lemma(term) & found or (len(term) >= 5 and any(
            w.startswith(term) and len(w) - len(term) <= 3 for w in found)):
        return FAMILY_MATCH  # a word of the family, or one made from it ("conductor")
    return 0.0


def _lemmas(text: str) -> set[str]:
    return {lemma(w.lower()) for w in words(text)}


def _is_money(figure: Figure) -> bool:
    return bool(figure.unit and len(figure.unit) == 3 and figure.unit.isupper())


def _one_per_report(series: Sequence[CitedFigure]) -> list[CitedFigure]:
    """One figure per item and value: a story repeating its number is one report of it."""
    kept: dict[tuple[int, float], CitedFigure] = {}
    for cited in series:
        kept.setdefault((cited.source.item_id, cited.figure.value), cited)
    return list(kept.values())


def _expected_units(asked: Question) -> frozenset[str | None] | None:
    if asked.measure == MEASURE_MONEY or asked.measure is None:
        return None  # any currency (checked by `unit_fits`), or any unit at all
    return _MEASURE_UNITS.get(asked.measure)


def figure_date(cited: CitedFigure) -> tuple[date, datetime]:
    when = cited.figure.as_of or cited.source.published_at.date()
    return (when, cited.source.published_at)


def _figure_headline(latest: CitedFigure, older: Sequence[CitedFigure], now: datetime) -> str:
    figure = latest.figure
    said = figure.source or latest.source.feed_name
    when = figure_date(latest)[0]
    qualifier = f"{figure.qualifier_text} " if figure.qualifier_text else ""
    line = (f"{qualifier}{format_value(figure)} {figure.counted or ''}".strip()
            + f" ({said}, {when:%a %-d %b %Y})")
    trend = [f"{format_value(f.figure)} ({_day(figure_date(f)[0], now)})" for f in older[:4]
             if f.figure.value != figure.value]
    if trend:
        line += " — earlier: " + ", ".join(dict.fromkeys(trend))
    return line


def _day(when: date, now: datetime) -> str:
    """"2 Mar", or "2 Mar 2021" when it is not this year's."""
    return f"{when:%-d %b}" if when.year == now.year else f"{when:%-d %b %Y}"


# Who ----------------------------------------------------------------------------------------

async def _answer_person(store: AnswerStore, asked: Question) -> Answer:
    """A full name is read from its own mentions and its surname's (indexed look-ups: a full
    name that is not stored is never someone else with that surname); a surname alone is
    looked for among every stored person, surnames merged into full names."""
    wanted = person_key((asked.person or "").strip(" ?.!\"'"))
    if len(wanted.split()) > 1:
        mentions = await store.mentions_of([wanted])
        if not mentions:
            return await _person_from_sentences(store, asked)
        role, affiliation = await asyncio.to_thread(_describe, mentions)
        if role is None:  # "Podolyak, an adviser to …": the surname's mentions may say it
            by_surname = await store.mentions_of([surname(wanted)])
            role, affiliation = await asyncio.to_thread(_describe, [*mentions, *by_surname])
    else:
        people = await store.person_keys()
        # Merging tens of thousands of names is CPU work: in a thread, so the event loop gets turns.
        key = await asyncio.to_thread(_find_person, asked.person or "", people)
        if key is None:
            return await _person_from_sentences(store, asked)
        mentions = await store.mentions_of(await asyncio.to_thread(same_person_keys, key, people))
        if not mentions:
            return _unknown(asked.text, KIND_PERSON)
        role, affiliation = await asyncio.to_thread(_describe, mentions)
    full_name = max((m.mention.name for m in mentions), key=len)
    if role and affiliation and affiliation in role:
        affiliation = None  # "Los Angeles Dodgers co-owner" already says it
    described = ", ".join(p for p in (role, affiliation) if p)
    headline = f"{full_name} — {described}" if described else full_name
    said = [m for m in mentions if m.mention.statement]
    chosen = (said or mentions)[:3]
    quotes = tuple(Quote(m.mention.statement or m.mention.sentence, m.source) for m in chosen)
    return Answer(asked.text, KIND_PERSON, True, headline, quotes)


def _describe(mentions: Sequence[CitedMention]) -> tuple[str | None, str | None]:
    """Role and affiliation as most mentions give them, else a role read loosely."""
    role, affiliation = describe([m.mention for m in mentions])
    return role or _loose_role([(m.mention.name, m.mention.sentence) for m in mentions]), affiliation


def _loose_role(named: Sequence[tuple[str, str]]) -> str | None:
    """The role most of a person's sentences give, read loosely (`role_near`)."""
    roles = Counter(r for name, text in named if (r := role_near(name, text)))
    return roles.most_common(1)[0][0] if roles else None


async def _person_from_sentences(store: AnswerStore, asked: Question) -> Answer:
    """A person no mention was read for ("Steve Dickson"): the sentences naming them in full,
    with the role one of them gives; else "I don't know"."""
    name = (asked.person or "").strip(" ?.!\"'")
    if len(words(name)) < 2:
        return _unknown(asked.text, KIND_PERSON)
    hits = await searched(store, words(name), SEARCHED)
    written = [h for h in hits if _names_in(name, h.text) and re.search(
        r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words(name)) + r"(?!\w)", h.text, re.IGNORECASE)]
    if not written:
        return _unknown(asked.text, KIND_PERSON)
    as_written = [(m.group(), h.text) for h in written if (m := re.search(
        r"\s+".join(re.escape(w) for w in words(name)), h.text, re.IGNORECASE))]
    role = _loose_role(as_written)
    headline = f"{as_written[0][0]} — {role}" if role else as_written[0][0]
    return Answer(asked.text, KIND_PERSON, True, headline,
                  tuple(Quote(h.text, h.source) for h in written[:3]))


async def _answer_holder(store: AnswerStore, asked: Question, rarity: Mapping[str, float]) -> Answer:
    """"Who is the mayor of Kherson": a person a supported sentence names with that post; a
    sentence about the post that names no one in it answers nothing."""
    post = [lemma(w.lower()) for w in words(asked.person or "")]
    heads = {t for t in post if t in _POST_HEADS}
    hits = _distinct(await searched(store, search_terms(asked, rarity), SEARCHED))
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    ranked = sorted(((support(asked, h.text, rarity, named), h) for h in hits),
                    key=lambda pair: (pair[0], pair[1].score), reverse=True)
    for score, hit in ranked:
        if score < SUPPORTED:
            break
        if not says_it(asked, hit.text, hit.source.published_at.date()):
            continue
        for mention in extract_people(hit.text):
            role = mention.role or role_near(mention.name, hit.text) or ""
            if heads & {lemma(w.lower()) for w in words(role)}:
                of = f", {mention.affiliation}" if mention.affiliation else ""
                headline = f"{mention.name} — {role}{of}"
                return Answer(asked.text, KIND_PERSON, True, headline, (Quote(hit.text, hit.source),))
    return _unknown(asked.text, KIND_PERSON)


_POST_HEADS = frozenset(lemma(w) for w in """mayor governor head leader president minister ceo chief
boss commissioner chair chairman director captain manager coach owner spokesman spokesperson
secretary ambassador king queen pope premier chancellor founder""".split())


def same_person_keys(key: str, people: Sequence[tuple[str, str, int]]) -> list[str]:
    """Every stored key naming the same person: "podolyak" alongside "mykhailo podolyak"."""
    canonical = merge_names(name for _, name, _ in people)
    names = {k: name for k, name, _ in people}
    target = person_key(canonical.get(names.get(key, key), names.get(key, key)))
    return [k for k, name, _ in people if person_key(canonical.get(name, name)) == target] or [key]


def _find_person(name: str, people: Sequence[tuple[str, str, int]]) -> str | None:
    """The stored person a name means: the full key, else a unique surname match."""
    wanted = person_key(name.strip(" ?.!\"'"))
    if not wanted:
        return None
    for key, _, _ in people:
        if key == wanted:
            return key
    if len(wanted.split()) > 1:
        return None  # a full name that is not stored: never someone else with that surname
    matches = [key for key, _, _ in people if key.split()[-1] == wanted]
    full = [k for k in matches if len(k.split()) > 1]
    if len(set(full)) == 1:
        return full[0]
    return matches[0] if len(matches) == 1 else None


# Where, when and anything else ---------------------------------------------------------------

async def _answer_from_sentences(store: AnswerStore, asked: Question, now: datetime,
                                 rarity: Mapping[str, float]) -> Answer:
    """The best-supported sentence; for a place or a date, the best-supported one that gives
    one, which then leads the answer line. A sentence is read with the other sentences found in
    its item: a title names the people and the place that its body's sentences only call "the
    drummer" and "there"."""
    if not asked.terms:
        return _unknown(asked.text, asked.kind)
    hits = _distinct(await searched(store, search_terms(asked, rarity), SEARCHED))
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    hits = [h for h in hits if not _asks(h.text)]
    if asked.kind in (KIND_PLACE, KIND_DATE) or _ASKS_FOR_NAME.match(asked.text):
        return _lead_from_items(asked, hits, rarity, named, now)
    ranked = sorted(((support(asked, h.text, rarity, named), h) for h in hits),
                    key=lambda pair: (pair[0], pair[1].score), reverse=True)
    supported = [h for score, h in ranked if score >= SUPPORTED
                 and says_it(asked, h.text, h.source.published_at.date()) and _completes(asked, h.text)]
    if not supported:
        return _unknown(asked.text, asked.kind)
    quotes = tuple(Quote(h.text, h.source) for h in supported[:3])
    return Answer(asked.text, KIND_SEARCH, True, quotes[0].text, quotes)


_ENDS_ON_PREPOSITION = re.compile(r"^\s*what\s+(?:did|does|do|has|have|had|was|were|is|are)\s+.+?\s+"
                                  r"(?P<verb>[a-z]+)\s+(?P<prep>of|from|with|up|for|about|on|by)\s*[?.!]*$",
                                  re.IGNORECASE)


def _completes(asked: Question, text: str) -> bool:
    """"What did X die of": the sentence says the event with its preposition ("died of …",
    "held up …"); "X dies aged 50" does not say of what."""
    ends = _ENDS_ON_PREPOSITION.match(asked.text)
    if ends is None:
        return True
    verb, preposition = lemma(ends.group("verb").lower()), ends.group("prep").lower()
    subject = {w.lower() for w in words(asked.subject or "")}
    tokens = [w.lower() for w in words(text)]
    for i, word in enumerate(tokens):
        after = tokens[i + 1:i + 3]
        if _meets(verb, {lemma(word)}) and preposition in after:
            said = tokens[i + 2 + after.index(preposition):][:2]
            if not subject & set(said):  # "the death of Taylor Hawkins" says of whom, not of what
                return True
    return False


def _asks(text: str) -> bool:
    """A sentence that asks ("Who are the potential bidders…") answers nothing."""
    if re.match(r"^\s*what\s+we\s+(?:know|don['’]t\s+know)\b", text, re.IGNORECASE):
        return True  # "What we know about …": a heading, not an answer
    return text.rstrip(" \"'’”").endswith("?") or re.match(
        r"^\s*(?:who|what|which|where|when|why|how)\s+(?:are|is|was|were|will|would|could|can|do|does|did)\b",
        text, re.IGNORECASE) is not None


SPECIFIC_MARGIN = 0.1  # support a narrower place may lack and still come before a country
CONTEXT_SHARE = 0.85  # what an item's other sentences may lend a sentence's support, at most
CONTEXT_LIFT = 0.25  # how far above the mean of its own and its item's support a sentence may rise


def _lead_from_items(asked: Question, hits: Sequence[SentenceHit], rarity: Mapping[str, float],
                     named: frozenset[str], now: datetime) -> Answer:
    """A place or a date: from each item, its sentence that gives one and is best supported,
    read with the item's other sentences found (its own support weighing most)."""
    by_item: dict[int, list[SentenceHit]] = {}
    for hit in hits:
        by_item.setdefault(hit.source.item_id, []).append(hit)
    found: list[tuple[float, float, str, SentenceHit]] = []
    for item_hits in by_item.values():
        context = " ".join(h.text for h in item_hits)
        for hit in item_hits:
            if not (says_it(asked, hit.text, hit.source.published_at.date())
                    and _about_it(asked, hit.text, context, rarity)):
                continue
            lead = _lead(asked, hit, now)
            if lead is None:
                continue
            own = support(asked, hit.text, rarity, named, True)
            lent = CONTEXT_SHARE * support(asked, context, rarity, named, True)
            score = max(own, min(lent, (own + lent) / 2 + CONTEXT_LIFT))
            if score >= SUPPORTED:
                found.append((score, hit.score, lead, hit))
    found.sort(key=lambda entry: (entry[0], entry[1]), reverse=True)
    if asked.kind == KIND_PLACE and found:  # "Kharkiv" over "Ukraine", said about as well
        near = [entry for entry in found if entry[0] >= found[0][0] - SPECIFIC_MARGIN]
        narrow = [entry for entry in near if entry[2].casefold() not in _BROAD_PLACES]
        found = [*narrow, *[entry for entry in found if entry not in narrow]]
    return _with_lead(asked, [(lead, hit) for _, _, lead, hit in found])


_ASKS_FOR_NAME = re.compile(r"^\s*(?:which|whose|whom|who\b(?!\s+(?:is|was|are|were)\b|['’]s)"
                            r"|what\s+(?:is|was)\s+the\s+name|what\s+(?:film|movie|team|country|city|town|"
                            r"company|firm|song|album|show|book|club|band)\b)", re.IGNORECASE)


_SMALLER_THAN_A_COUNTRY = re.compile(r"\b(?:town|city|village|constituency|venue|stadium|port|district)\b",
                                     re.IGNORECASE)
_COUNTRIES = frozenset(c.casefold() for c in DEMONYMS.values())
_BROAD_PLACES = _COUNTRIES | frozenset("""europe asia africa america americas middle east west east north
south the west britain uk us usa eu""".split())


def _about_it(asked: Question, text: str, context: str, rarity: Mapping[str, float]) -> bool:
    """Whether a sentence that leads with a place, a date or a name is about what the question
    asks of: a name's sentence has what the event was done to, its rarest word ("won best
    *actress*"), and its item
    names the one the question says did it as typed ("Jamal Edwards", not "Edward Bronstein";
    the title may name him, the sentence the place), or the sentence itself has one of the
    question's words besides the event ("the queen", not only "death")."""
    found = _lemmas(text)
    thing = [t for t in asked.thing if t.isalpha()]
    if asked.kind not in (KIND_PLACE, KIND_DATE) and thing and not _meets(
            max(thing, key=lambda t: rarity.get(t, SPECIFIC)), found):
        return False  # "who won best *actress*": not a sentence about best picture
    if asked.subject:
        last = words(asked.subject)[-1]
        return re.search(rf"(?<!\w){re.escape(last)}(?!\w)", context, re.IGNORECASE) is not None
    about = [t for t in asked.terms if t not in asked.verbs]
    return not about or any(_meets(t, found) for t in about)


_CLAUSE_BREAK = re.compile(r"[,;:—–(\"“”]|\b(?:say|says|said|tell|tells|told|who|that|which|while|as|but|"
                           r"if|whether|after|before|because)\b", re.IGNORECASE)
_NOT_DONE = re.compile(r"\b(?:will|would|could|can|may|might|should|must|bid|bids|bidding|plan|plans|"
                       r"hope|hopes|aim|aims|want|wants|try|tries|trying|set|shortlist|shortlisted|deserve|"
                       r"deserves|chance|bidders?|race|battle|hunt|bid|favourites?|favorites?)\b",
                       re.IGNORECASE)
_GAP_WORDS = 6  # words between a name and the event it did, at most ("Rams beat Bengals to win")


def _does_it(name: str, text: str, asked: Question) -> bool:
    """Whether a sentence has `name` doing what the question asks about ("who won"): the name
    comes before the event's word, a few words before it, in the same clause, and the event is
    done, not hoped for ("the shortlist to buy Chelsea", "deserve a title win")."""
    at = text.find(name)
    if at < 0:
        return False
    clause = _CLAUSE_BREAK.split(text[:at])[-1]
    if asked.past and _NOT_DONE.search(clause):
        return False  # "stars who probably deserve a Premier League title win"
    if _WIN in asked.verbs and re.search(rf"{_GONE_TO.pattern}$", text[:at], re.IGNORECASE):
        return True  # "best picture went to Coda"
    rest = text[at + len(name):]
    for token in re.finditer(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", rest):
        if not any(_meets(verb, {lemma(token.group().lower())}) for verb in asked.verbs):
            continue
        gap = rest[:token.start()]
        possessor = re.match(r"['’]s?\s", gap) is not None  # "Liverpool's winning run"
        return (len(words(gap)) <= _GAP_WORDS and not possessor and _CLAUSE_BREAK.search(gap) is None
                and not (asked.past and _NOT_DONE.search(gap)))
    return False


def _name_doing_it(text: str, asked: Question) -> str | None:
    """For "who won …": the first name the sentence gives that does what is asked."""
    given = {w.casefold() for name in asked.names for w in words(name)} | set(asked.terms)
    for match in _CAPITALISED_RUN.finditer(text):
        found = [w for w in words(_POSSESSIVE_END.sub("", match.group()))
                 if w.casefold() not in given and lemma(w.lower()) not in given
                 and w.casefold() not in _NOT_PLACES and w.casefold() not in DEMONYMS]
        run = _POSSESSIVE_END.sub("", match.group())
        if found and not any(w.casefold() in given or lemma(w.lower()) in given for w in words(run)) \
                and _does_it(run, text, asked):
            return " ".join(found)  # not "Premier" of "Premier League": a name the question gives
    return None


def _lead(asked: Question, hit: SentenceHit, now: datetime) -> str | None:
    if asked.kind == KIND_PLACE:
        place = place_in(hit.text, asked)
        if place and place.casefold() in _COUNTRIES and _SMALLER_THAN_A_COUNTRY.search(asked.text):
            return None  # "which town": not "Ukraine"
        return place
    if asked.kind != KIND_DATE:
        return _name_doing_it(hit.text, asked) if asked.verbs else name_in(hit.text, asked)
    day = date_in(hit.text, hit.source.published_at.date())
    return _date_words(day, now) if day else None


def _with_lead(asked: Question, found: Sequence[tuple[str, SentenceHit]]) -> Answer:
    if not found:
        return _unknown(asked.text, asked.kind)
    lead, best = found[0]
    quotes = tuple(Quote(h.text, h.source) for _, h in found[:3])
    return Answer(asked.text, asked.kind, True, f"{lead} — {best.text}", quotes)


_PLACE_AFTER = re.compile(r"\b(?:in|at|near|outside|inside)\s+(?:the\s+)?"
                          r"(?P<place>(?:[A-Z][\w'’.-]+)(?:\s+(?:of\s+|de\s+|on\s+)?[A-Z][\w'’.-]+){0,3})")
_CAPITALISED_RUN = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}")
_POSSESSIVE_END = re.compile(r"['’]s?$")
_NOT_PLACES = frozenset("""monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december the a an this that i we he she
they it his her their its our christmas easter""".split())


def place_in(text: str, asked: Question) -> str | None:
    """The first place the sentence puts something in ("in the Gomel region", "at Wembley"),
    else the first known place it names, other than a place the question itself gives."""
    given = {w.casefold() for name in asked.names for w in words(name)} | set(asked.terms)
    for match in _PLACE_AFTER.finditer(text):
        place = match.group("place")
        first = words(place)[0].casefold() if words(place) else ""
        if first in _NOT_PLACES or all(w.casefold() in given or lemma(w.lower()) in given
                                       for w in words(place)):
            continue
        place = re.split(r"['’]s\s+", place)[-1]  # "Belarus's Brest": Brest
        return _POSSESSIVE_END.sub("", place.rstrip(".,"))
    for match in _CAPITALISED_RUN.finditer(text):
        found = words(_POSSESSIVE_END.sub("", match.group()))
        known = [i for i, w in enumerate(found) if w.casefold() in PLACES or w.casefold() in DEMONYMS]
        if not known:
            continue
        place = found[known[0]:known[-1] + 1]  # "Colombia" of "Colombia AG"
        if len(place) == 1 and place[0].casefold() in _COMPASS:
            if not known[0]:
                continue  # "the West calls for …": no place
            place = found[:known[0] + 1]  # "Southend West"
        if place[-1].casefold() not in PLACES:  # "an Italian port": the demonym and its noun
            noun = re.match(r"\s+([a-z]+)", text[match.end():]) if known[-1] == len(found) - 1 else None
            if not (noun and noun.group(1) in _PLACE_NOUNS):
                continue
            place = [*place, noun.group(1)]
        if not all(w.casefold() in given or lemma(w.lower()) in given for w in place):
            return " ".join(place)
    return None


_COMPASS = frozenset("west east north south western eastern northern southern central".split())
_PLACE_NOUNS = frozenset("""port marina city town village coast island border capital region
province county harbour harbor resort airport base""".split())


def name_in(text: str, asked: Question) -> str | None:
    """The first name a sentence gives that the question does not ("Coda", "Joe Manchin"):
    what a "which" or "who won" question asks for."""
    given = {w.casefold() for name in asked.names for w in words(name)} | set(asked.terms)
    for match in _CAPITALISED_RUN.finditer(text):
        found = [w for w in words(_POSSESSIVE_END.sub("", match.group()))
                 if w.casefold() not in given and lemma(w.lower()) not in given
                 and w.casefold() not in _NOT_PLACES and w.casefold() not in DEMONYMS]
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


def _date_words(day: date | str, now: datetime) -> str:
    if isinstance(day, str):
        return day
    return f"{day:%A %-d %B}" if day.year == now.year else f"{day:%A %-d %B %Y}"


def _distinct(hits: Sequence[SentenceHit]) -> list[SentenceHit]:
    seen: set[str] = set()
    kept = []
    for hit in hits:
        key = " ".join(sorted(_lemmas(hit.text)))
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept


def _unknown(question: str, kind: str) -> Answer:
    return Answer(question, kind, False, DONT_KNOW)
