"""Answering a member's question from what is stored, with every claim quoted and cited.

"How many / how much" questions are answered from key figures (the latest value first, with
how it changed), "who" questions from key people, anything else by full-text search over
stored sentences. When nothing stored supports an answer, the answer says so: a wrong
number is worse than none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from .figures import Figure, format_value, measure_key
from .models import SentenceHit, Source
from .people import describe, person_key
from .storage_enrichment import CitedFigure, CitedMention
from .text import terms

KIND_FIGURES = "figures"
KIND_PERSON = "person"
KIND_SEARCH = "search"


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


_HOW_MANY = re.compile(r"^\s*(how\s+(many|much)|what\s+(is|was)\s+the\s+(number|total|count)"
                       r"|what\s+number)\b", re.IGNORECASE)
_WHO = re.compile(r"^\s*(who\s+(is|was|are|were)|who's|tell\s+me\s+about)\s+(?P<name>.+?)\s*\??\s*$",
                  re.IGNORECASE)


def question_kind(question: str) -> str:
    if _HOW_MANY.search(question):
        return KIND_FIGURES
    if _WHO.match(question):
        return KIND_PERSON
    return KIND_SEARCH


class AnswerStore(Protocol):
    """What answering needs from the store (the real `Store` provides it)."""

    async def figures_in_sentences_matching(self, terms: Sequence[str],
                                            limit: int = 200) -> list[CitedFigure]: ...
    async def search_sentences(self, terms: Sequence[str], limit: int = 20) -> list[SentenceHit]: ...
    async def person_keys(self) -> list[tuple[str, str, int]]: ...
    async def mentions_of(self, keys: Iterable[str]) -> list[CitedMention]: ...


async def answer_question(store: AnswerStore, question: str, now: datetime) -> Answer:
    """The answer to a question in plain English, from stored items only."""
    kind = question_kind(question)
    if kind == KIND_FIGURES:
        return await _answer_figures(store, question)
    if kind == KIND_PERSON:
        return await _answer_person(store, question)
    return await _answer_search(store, question)


# How many / how much -----------------------------------------------------------------------

_QUESTION_WORDS = frozenset("""how many much number total count what is was were are the there
have has had did do does so far since until now currently today yet far""".split())
_MONEY_WORDS = frozenset({"money", "aid", "cost", "fund", "funding", "spend", "spent", "pledge",
                          "pledged", "dollar", "euro", "pound", "billion", "million", "loan",
                          "budget", "price", "worth", "raise", "raised", "donate", "donated"})
_PERCENT_WORDS = frozenset({"percent", "percentage", "share", "proportion", "rate", "%"})


async def _answer_figures(store: AnswerStore, question: str) -> Answer:
    wanted = question_terms(question)
    if not wanted:
        return _unknown(question, KIND_FIGURES)
    candidates = await store.figures_in_sentences_matching(wanted)
    series = best_series(candidates, wanted, _expected_units(question))
    if not series:
        return _unknown(question, KIND_FIGURES)
    latest = series[0]
    headline = _figure_headline(latest, series[1:])
    quotes = tuple(Quote(f.figure.sentence, f.source) for f in series[:3])
    return Answer(question, KIND_FIGURES, True, headline, quotes,
                  tuple(f.figure.value for f in series))


def question_terms(question: str) -> list[str]:
    return [t for t in terms(question) if t not in _QUESTION_WORDS]


def best_series(candidates: Sequence[CitedFigure], wanted: Sequence[str],
                units: frozenset[str | None] | None) -> list[CitedFigure]:
    """The figures of the measure that best matches the question, latest first."""
    wanted_set = set(wanted)
    scored: dict[str, tuple[float, list[CitedFigure]]] = {}
    for cited in candidates:
        if units is not None and cited.figure.unit not in units:
            continue
        score = _figure_score(cited.figure, wanted_set)
        if score <= 0:
            continue
        best, members = scored.get(measure_key(cited.figure), (0.0, []))
        members.append(cited)
        scored[measure_key(cited.figure)] = (max(best, score), members)
    if not scored:
        return []
    _, members = max(scored.values(), key=lambda sm: (sm[0], len(sm[1])))
    return sorted(members, key=_as_of, reverse=True)


def _figure_score(figure: Figure, wanted: set[str]) -> float:
    """Counted-thing overlap matters most; at least one counted term must match."""
    counted = set(terms(figure.counted or ""))
    counted_hits = len(wanted & counted)
    if counted_hits == 0:
        return 0.0
    context_hits = len(wanted & set(terms(figure.sentence)))
    coverage = context_hits / len(wanted)
    if coverage < 0.5:
        return 0.0
    return 2.0 * counted_hits + context_hits + coverage


def _expected_units(question: str) -> frozenset[str | None] | None:
    lowered = question.lower()
    words = set(terms(lowered))
    if words & _PERCENT_WORDS or "%" in lowered:
        return frozenset({"percent"})
    if lowered.lstrip().startswith("how many"):
        return frozenset({None})
    if words & _MONEY_WORDS:
        return None
    return None


def _as_of(cited: CitedFigure) -> tuple[date, datetime]:
    when = cited.figure.as_of or cited.source.published_at.date()
    return (when, cited.source.published_at)


def _figure_headline(latest: CitedFigure, older: Sequence[CitedFigure]) -> str:
    figure = latest.figure
    said = figure.source or latest.source.feed_name
    when = _as_of(latest)[0]
    qualifier = f"{figure.qualifier_text} " if figure.qualifier_text else ""
    line = (f"{qualifier}{format_value(figure)} {figure.counted or ''}".strip()
            + f" ({said}, {when:%a %-d %b %Y})")
    trend = [f"{format_value(f.figure)} ({_as_of(f)[0]:%-d %b})" for f in older[:4]
             if f.figure.value != figure.value]
    if trend:
        line += " — earlier: " + ", ".join(dict.fromkeys(trend))
    return line


# Who ----------------------------------------------------------------------------------------

async def _answer_person(store: AnswerStore, question: str) -> Answer:
    match = _WHO.match(question)
    name = match.group("name") if match else ""
    key = _find_person(name, await store.person_keys())
    if key is None:
        return _unknown(question, KIND_PERSON)
    mentions = await store.mentions_of([key])
    if not mentions:
        return _unknown(question, KIND_PERSON)
    full_name = max((m.mention.name for m in mentions), key=len)
    role, affiliation = describe([m.mention for m in mentions])
    described = ", ".join(p for p in (role, affiliation) if p)
    headline = f"{full_name} — {described}" if described else full_name
    said = [m for m in mentions if m.mention.statement]
    chosen = (said or mentions)[:3]
    quotes = tuple(Quote(m.mention.statement or m.mention.sentence, m.source) for m in chosen)
    return Answer(question, KIND_PERSON, True, headline, quotes)


def _find_person(name: str, people: Sequence[tuple[str, str, int]]) -> str | None:
    """The stored person a name means: the full key, else a unique surname match."""
    wanted = person_key(name.strip(" ?.!\"'"))
    if not wanted:
        return None
    for key, _, _ in people:
        if key == wanted:
            return key
    last = wanted.split()[-1]
    matches = [key for key, _, _ in people if key.split()[-1] == last]
    full = [k for k in matches if len(k.split()) > 1]
    if len(set(full)) == 1:
        return full[0]
    return matches[0] if len(matches) == 1 else None


# Anything else --------------------------------------------------------------------------------

async def _answer_search(store: AnswerStore, question: str) -> Answer:
    wanted = question_terms(question)
    if not wanted:
        return _unknown(question, KIND_SEARCH)
    hits = await store.search_sentences(wanted, limit=20)
    needed = 1 if len(set(wanted)) == 1 else 2
    good = [h for h in hits if len(set(wanted) & set(terms(h.text))) >= needed]
    if not good:
        return _unknown(question, KIND_SEARCH)
    quotes = tuple(Quote(h.text, h.source) for h in _distinct(good)[:3])
    return Answer(question, KIND_SEARCH, True, quotes[0].text, quotes)


def _distinct(hits: Sequence[SentenceHit]) -> list[SentenceHit]:
    seen: set[str] = set()
    kept = []
    for hit in hits:
        key = " ".join(terms(hit.text))
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept


def _unknown(question: str, kind: str) -> Answer:
    return Answer(question, kind, False,
                  "I don't know: nothing in the stored news answers that.")
