"""Answering a member's question from what is stored, with every claim quoted and cited.

"How many / how much" questions are answered from key figures (the latest value first, with
how it changed), "who" questions from key people, anything else by full-text search over
stored sentences. When nothing stored supports an answer, the answer says so: a wrong
number is worse than none.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from digests.models import SentenceHit, Source
from digests.news.dates import calendar_dates_in
from digests.news.figures import format_value
from digests.news.names import describe, merge_names, person_key
from digests.news.text import terms
from digests.readings import CitedFigure, CitedMention, Figure

KIND_FIGURES = "figures"
KIND_PERSON = "person"
KIND_SEARCH = "search"
SERIES_MARGIN = 1.5  # figures scoring this close to the best answer read as one series


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
        return await _answer_figures(store, question, now)
    if kind == KIND_PERSON:
        return await _answer_person(store, question)
    return await _answer_search(store, question)


# How many / how much -----------------------------------------------------------------------

_QUESTION_WORDS = frozenset("""how many much number total count what is was were are the there
have has had did do does so far since until now currently today yet far""".split())
_PERCENT_WORDS = frozenset({"percent", "percentage", "share", "proportion", "rate", "%"})


async def _answer_figures(store: AnswerStore, question: str, now: datetime) -> Answer:
    asked = parse_figure_question(question, now.date())
    if not asked.terms:
        return _unknown(question, KIND_FIGURES)
    candidates = await store.figures_in_sentences_matching(asked.terms)
    series = best_series(candidates, asked)
    if not series:
        return _unknown(question, KIND_FIGURES)
    latest = series[0]
    headline = _figure_headline(latest, series[1:])
    quotes = tuple(Quote(f.figure.sentence, f.source) for f in series[:3])
    return Answer(question, KIND_FIGURES, True, headline, quotes,
                  tuple(f.figure.value for f in series))


@dataclass(frozen=True, slots=True)
class FigureQuestion:
    """What a "how many / how much" question asks for."""

    terms: tuple[str, ...]
    head: str | None
    names: tuple[str, ...]
    units: frozenset[str | None] | None
    by: date | None


_COUNT_PHRASE = re.compile(r"how\s+many\s+(?P<phrase>(?:[\w'-]+\s+){0,3}?[\w'-]+?)"
                           r"(?=\s+(?:have|has|had|were|was|are|is|did|do|does|will|would|could"
                           r"|can|in|on|at|to|from|by|since|according|so|still|now)\b|\s*[?,.]|\s*$)",
                           re.IGNORECASE)
_CAPITALISED = re.compile(r"(?<!^)(?<![.?!]\s)\b[A-Z][\w'-]*")
_NOT_NAMES = frozenset({"I", "UN", "How", "What"})
_PEOPLE = {"people", "refugee", "ukrainian", "person", "civilian"}
_SAME_HEADS = {"people": _PEOPLE, "refugee": {"people", "ukrainian"},
               "troop": {"soldier", "force"}, "soldier": {"troop"}}


def parse_figure_question(question: str, today: date) -> FigureQuestion:
    """The terms, the counted head noun, the names that must appear, units and a cut-off date."""
    phrase = _COUNT_PHRASE.search(question)
    head_terms = terms(phrase.group("phrase")) if phrase else []
    names = tuple(dict.fromkeys(w for w in _CAPITALISED.findall(question.strip())
                                if w not in _NOT_NAMES and not _is_month(w)))
    dates = calendar_dates_in(question, today)
    return FigureQuestion(
        terms=tuple(question_terms(question)), head=head_terms[-1] if head_terms else None,
        names=names, units=_expected_units(question), by=max(dates) if dates else None)


def question_terms(question: str) -> list[str]:
    return [t for t in terms(question) if t not in _QUESTION_WORDS]


def best_series(candidates: Sequence[CitedFigure], asked: FigureQuestion) -> list[CitedFigure]:
    """The figures that answer the question best, latest first (up to its date, if it has one).

    A figure qualifies only if it counts the question's head noun ("how many *troops*"), its
    sentence names every name the question names, and its unit fits; among those, the ones
    scoring close to the best form the series, so one measure worded differently by several
    outlets still reads as one series.
    """
    scored = [(figure_score(c.figure, asked), c) for c in candidates if _fits(c, asked)]
    scored = [(score, c) for score, c in scored if score > 0]
    if not scored:
        return []
    best = max(score for score, _ in scored)
    series = [c for score, c in scored if score >= best - SERIES_MARGIN]
    if asked.by is not None:
        series = [c for c in series if figure_date(c)[0] <= asked.by] or []
    return sorted(_one_per_report(series), key=figure_date, reverse=True)


def _fits(cited: CitedFigure, asked: FigureQuestion) -> bool:
    figure = cited.figure
    if asked.units is not None and figure.unit not in asked.units:
        return False
    counted = set(terms(figure.counted or ""))
    if asked.head is not None and not ({asked.head} | _SAME_HEADS.get(asked.head, set())) & counted:
        return False
    sentence = figure.sentence.casefold()
    return all(name.casefold() in sentence for name in asked.names)


def figure_score(figure: Figure, asked: FigureQuestion) -> float:
    """Question terms found in what is counted count most; counted words the question did not
    ask for count against (children fled ≠ people fled). Money is often counted vaguely ("a
    package"), so a sum of money may match by its sentence alone, on stricter terms."""
    wanted = set(asked.terms)
    counted = set(terms(figure.counted or ""))
    counted_hits = len(wanted & counted)
    context_hits = len(wanted & set(terms(figure.sentence)))
    coverage = context_hits / len(wanted)
    by_sentence = asked.head is None and _is_money(figure) and context_hits >= 2 and coverage >= 0.6
    if (counted_hits == 0 and not by_sentence) or coverage < 0.5:
        return 0.0
    extra = len(counted - wanted)
    return 2.0 * counted_hits + context_hits - 0.75 * extra


def _is_money(figure: Figure) -> bool:
    return bool(figure.unit and len(figure.unit) == 3 and figure.unit.isupper())


def _one_per_report(series: Sequence[CitedFigure]) -> list[CitedFigure]:
    """One figure per item and value: a story repeating its number is one report of it."""
    kept: dict[tuple[int, float], CitedFigure] = {}
    for cited in series:
        kept.setdefault((cited.source.item_id, cited.figure.value), cited)
    return list(kept.values())


_MONTH_WORDS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())


def _is_month(word: str) -> bool:
    return word.lower().rstrip(".") in _MONTH_WORDS


def _expected_units(question: str) -> frozenset[str | None] | None:
    lowered = question.lower()
    if set(terms(lowered)) & _PERCENT_WORDS or "%" in lowered:
        return frozenset({"percent"})
    if lowered.lstrip().startswith("how many"):
        return frozenset({None})
    return None


def figure_date(cited: CitedFigure) -> tuple[date, datetime]:
    when = cited.figure.as_of or cited.source.published_at.date()
    return (when, cited.source.published_at)


def _figure_headline(latest: CitedFigure, older: Sequence[CitedFigure]) -> str:
    figure = latest.figure
    said = figure.source or latest.source.feed_name
    when = figure_date(latest)[0]
    qualifier = f"{figure.qualifier_text} " if figure.qualifier_text else ""
    line = (f"{qualifier}{format_value(figure)} {figure.counted or ''}".strip()
            + f" ({said}, {when:%a %-d %b %Y})")
    trend = [f"{format_value(f.figure)} ({figure_date(f)[0]:%-d %b})" for f in older[:4]
             if f.figure.value != figure.value]
    if trend:
        line += " — earlier: " + ", ".join(dict.fromkeys(trend))
    return line


# Who ----------------------------------------------------------------------------------------

async def _answer_person(store: AnswerStore, question: str) -> Answer:
    match = _WHO.match(question)
    name = match.group("name") if match else ""
    people = await store.person_keys()
    # Merging tens of thousands of names is CPU work: in a thread, so the event loop gets turns.
    key = await asyncio.to_thread(_find_person, name, people)
    if key is None:
        return _unknown(question, KIND_PERSON)
    mentions = await store.mentions_of(await asyncio.to_thread(same_person_keys, key, people))
    if not mentions:
        return _unknown(question, KIND_PERSON)
    full_name = max((m.mention.name for m in mentions), key=len)
    role, affiliation = await asyncio.to_thread(describe, [m.mention for m in mentions])
    described = ", ".join(p for p in (role, affiliation) if p)
    headline = f"{full_name} — {described}" if described else full_name
    said = [m for m in mentions if m.mention.statement]
    chosen = (said or mentions)[:3]
    quotes = tuple(Quote(m.mention.statement or m.mention.sentence, m.source) for m in chosen)
    return Answer(question, KIND_PERSON, True, headline, quotes)


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
