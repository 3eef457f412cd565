"""Answering a member's question from what is stored, with every claim quoted and cited.

The question is read first (`question`): a number is answered from key figures (the latest
value first, with how it changed), a person from key people, a place or a date from the
sentences that give one for what is asked, anything else from the sentence that says it. The
question's words meet the sentences' through lemmas and the word families of news (`lexicon`).
Every answer must be supported: its sentence names every name the question names and covers
enough of the rest of it (`SUPPORTED`); otherwise the answer says plainly that nothing stored
answers the question. A wrong answer is worse than none.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from digests.models import SentenceHit, Source
from digests.news.dates import dates_in
from digests.news.digest import small_count
from digests.news.figures import format_value
from digests.news.lexicon import family_of_lemma, lemma, other_words
from digests.news.names import describe, merge_names, person_key
from digests.news.people_words import PLACES
from digests.news.question import (
    KIND_DATE,
    KIND_FIGURES,
    KIND_PERSON,
    KIND_PLACE,
    KIND_SEARCH,
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
SPECIFIC = 7.0  # rarity (log of sentences per sentence using a word) from which a word is required
MIN_WEIGHT = 0.2  # the least a question word weighs, however common
SEARCHED = 60  # sentences read for a place, a date or an open question
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

    async def figures_in_sentences_matching(self, terms: Sequence[str],
                                            limit: int = 200) -> list[CitedFigure]: ...
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
    if asked.kind == KIND_PERSON:
        return await _answer_person(store, asked)
    rarity = await store.word_rarity(asked.terms)
    if asked.kind == KIND_FIGURES:
        return await _answer_figures(store, asked, now, rarity)
    return await _answer_from_sentences(store, asked, now, rarity)


def search_terms(asked: Question) -> list[str]:
    """What a full-text search looks for: the question's words and the other words of their
    families ("soldiers" finds "troops" too)."""
    written = [w.lower() for w in words(asked.text) if lemma(w.lower()) in asked.terms]
    return list(dict.fromkeys([*written, *(w for t in asked.terms for w in other_words(t))]))


# Support ----------------------------------------------------------------------------------

def support(asked: Question, text: str, rarity: Mapping[str, float]) -> float:
    """How much of the question a sentence covers, weighing each word by its rarity: 0 when it
    misses a name the question names, or a word so rare it must be a name or the thing itself
    ("serena", "bafta" typed in lower case); else the weighted share of the question's other
    words it has (a word of the same family counting a little less)."""
    if not all(_names_in(name, text) for name in asked.names):
        return 0.0
    content = asked.content_terms()
    if not content:
        return 1.0 if asked.names else 0.0
    found = _lemmas(text)
    if any(rarity.get(t, 0.0) >= SPECIFIC and t.isalpha() and not _meets(t, found) for t in content):
        return 0.0
    weights = {t: max(rarity.get(t, 1.0), MIN_WEIGHT) for t in content}
    return sum(w * _meets(t, found) for t, w in weights.items()) / sum(weights.values())


def _names_in(name: str, text: str) -> bool:
    """Whether a name the question gives is in the text (case aside): a one-word name whole,
    a longer one by most of its words ("Bafta Film Awards" in "the Bafta awards")."""
    lowered = text.casefold()
    parts = words(name)
    present = sum(1 for w in parts if re.search(rf"(?<![\w]){re.escape(w.casefold())}(?![\w])", lowered))
    return present == len(parts) if len(parts) == 1 else present * 2 >= len(parts)


# How many / how much -----------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class FigureQuestion:
    """What a "how many / how much" question asks for (as lemmas)."""

    terms: tuple[str, ...]
    head: str | None
    names: tuple[str, ...]
    units: frozenset[str | None] | None
    by: date | None


_PERCENT_WORDS = frozenset({"percent", "percentag", "share", "proport", "rate", "%"})


def figure_question(asked: Question) -> FigureQuestion:
    return FigureQuestion(asked.terms, asked.head, asked.names, _expected_units(asked), asked.by)


async def _answer_figures(store: AnswerStore, asked: Question, now: datetime,
                          rarity: Mapping[str, float]) -> Answer:
    if not asked.terms:
        return _unknown(asked.text, KIND_FIGURES)
    wanted = figure_question(asked)
    candidates = [c for c in await store.figures_in_sentences_matching(search_terms(asked))
                  if support(asked, c.figure.sentence, rarity) >= SUPPORTED]
    series = best_series(candidates, wanted) or _best_supported_figure(candidates, wanted)
    if not series:
        return _unknown(asked.text, KIND_FIGURES)
    headline = _figure_headline(series[0], series[1:], now)
    quotes = tuple(Quote(f.figure.sentence, f.source) for f in series[:3])
    return Answer(asked.text, KIND_FIGURES, True, headline, quotes,
                  tuple(f.figure.value for f in series))


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
    series = [(score, c) for score, c in scored if score >= best_score - SERIES_MARGIN
              and c.figure.unit == best.figure.unit]
    if asked.by is not None:
        series = [(score, c) for score, c in series if figure_date(c)[0] <= asked.by]
    # Latest day first; on one day, the report worded most like the question first.
    ordered = sorted(series, key=lambda pair: (figure_date(pair[1])[0], pair[0],
                                                figure_date(pair[1])[1]), reverse=True)
    return _one_per_report([c for _, c in ordered])


def _best_supported_figure(candidates: Sequence[CitedFigure], asked: FigureQuestion) -> list[CitedFigure]:
    """When no figure counts what the question names ("how many noms" and "four nominations"),
    the figure of the best-supporting sentence, of the kind asked (a count, a sum, a share),
    most like the question in what it counts, latest first."""
    fitting = [c for c in candidates if (asked.units is None or c.figure.unit in asked.units)
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
    if asked.units is not None and figure.unit not in asked.units:
        return False
    if asked.head is not None and not family_of_lemma(asked.head) & _lemmas(figure.counted or ""):
        return False
    return all(_names_in(name, figure.sentence) for name in asked.names)


def figure_score(figure: Figure, asked: FigureQuestion) -> float:
    """Question terms found in what is counted count most; counted words the question did not
    ask for count against (children fled ≠ people fled). Money is often counted vaguely ("a
    package"), so a sum of money may match by its sentence alone, on stricter terms."""
    wanted = set(asked.terms)
    counted = _lemmas(figure.counted or "")
    counted_hits = sum(_meets(t, counted) for t in wanted)
    sentence = _lemmas(figure.sentence)
    context_hits = sum(_meets(t, sentence) for t in wanted)
    coverage = sum(1 for t in wanted if family_of_lemma(t) & sentence) / len(wanted) if wanted else 0.0
    by_sentence = asked.head is None and _is_money(figure) and context_hits >= 2 and coverage >= 0.6
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
    lowered = asked.text.lower()
    if set(asked.terms) & _PERCENT_WORDS or "%" in lowered or "per cent" in lowered:
        return frozenset({"percent"})
    if lowered.lstrip().startswith("how many"):
        return frozenset({None})
    return None


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
    people = await store.person_keys()
    # Merging tens of thousands of names is CPU work: in a thread, so the event loop gets turns.
    key = await asyncio.to_thread(_find_person, asked.person or "", people)
    if key is None:
        return _unknown(asked.text, KIND_PERSON)
    mentions = await store.mentions_of(await asyncio.to_thread(same_person_keys, key, people))
    if not mentions:
        return _unknown(asked.text, KIND_PERSON)
    full_name = max((m.mention.name for m in mentions), key=len)
    role, affiliation = await asyncio.to_thread(describe, [m.mention for m in mentions])
    described = ", ".join(p for p in (role, affiliation) if p)
    headline = f"{full_name} — {described}" if described else full_name
    said = [m for m in mentions if m.mention.statement]
    chosen = (said or mentions)[:3]
    quotes = tuple(Quote(m.mention.statement or m.mention.sentence, m.source) for m in chosen)
    return Answer(asked.text, KIND_PERSON, True, headline, quotes)


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
    one, which then leads the answer line."""
    if not asked.terms:
        return _unknown(asked.text, asked.kind)
    hits = await store.search_sentences(search_terms(asked), limit=SEARCHED)
    ranked = sorted(((support(asked, h.text, rarity), h) for h in _distinct(hits)),
                    key=lambda pair: (pair[0], pair[1].score), reverse=True)
    supported = [h for score, h in ranked if score >= SUPPORTED]
    if asked.kind == KIND_PLACE:
        return _with_lead(asked, [(place, h) for h in supported if (place := place_in(h.text, asked))])
    if asked.kind == KIND_DATE:
        return _with_lead(asked, [(_date_words(day, now), h) for h in supported
                                  if (day := date_in(h.text, h.source.published_at.date()))])
    if not supported:
        return _unknown(asked.text, asked.kind)
    quotes = tuple(Quote(h.text, h.source) for h in supported[:3])
    return Answer(asked.text, KIND_SEARCH, True, quotes[0].text, quotes)


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
        return _POSSESSIVE_END.sub("", place.rstrip(".,"))
    for match in _CAPITALISED_RUN.finditer(text):
        place = _POSSESSIVE_END.sub("", match.group())
        if any(w.casefold() in PLACES for w in words(place)) and not all(
                w.casefold() in given or lemma(w.lower()) in given for w in words(place)):
            return place
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
