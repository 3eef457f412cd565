"""Answering "how many / how much" and "how old": the figures that count what is asked, as a
series over time, latest first, with how the value changed."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache

from digests.models import SentenceHit
from digests.news.answer_types import Answer, AnswerStore, Quote, dont_know
from digests.news.asked_names import countries_in
from digests.news.digest import small_count
from digests.news.extracts import POSSESSIVE_END, age_by_name, age_in, ago_in, namesakes_age, number_of
from digests.news.figure_words import AUXILIARIES, NOT_CONTENT, PERSON_NOUNS
from digests.news.figures import format_value, written_in_pence
from digests.news.lexicon import doers_of, family_of_lemma, kinds_of_lemma, lemma
from digests.news.ordinals import OrdinalQuestion, ordinal_in, ordinal_value
from digests.news.people_words import DEMONYMS, PERSON_POSTS, PLACES
from digests.news.question import (
    ASKS_FIRST,
    ASKS_NOW,
    KIND_FIGURES,
    MARGIN_ASKED,
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
    asks_how_long_ago,
    in_news_words,
)
from digests.news.scorelines import (
    Innings,
    innings_asked,
    innings_in,
    margins_in,
    match_wickets_asked,
    match_wickets_in,
    results_in,
    score_asked,
    score_of,
    side_written,
)
from digests.news.sentence_search import SEARCHED, distinct_hits, search_terms, searched
from digests.news.support import (
    RAREST_SUPPORTED,
    SUPPORTED,
    has_rarest_word,
    item_contexts,
    lowercase_names,
    only_forecast,
    says_it,
    support_in_item,
    whole_items,
)
from digests.news.text import STOPWORDS, split_sentences, words
from digests.news.word_matching import has_name, lemmas_of, meets
from digests.readings import CitedFigure, Figure

SERIES_MARGIN = 1.5  # figures scoring this close to the best answer read as one series
FIGURE_HITS = 200  # sentences whose figures are read for a number
AGE_ITEMS = 3  # items found naming the person whose other sentences are read for an age


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


_TIMES: frozenset[str | None] = frozenset({"year", "month", "week", "day", "hour", "minute", "second",
                                           "decade"})
_LENGTHS: frozenset[str | None] = frozenset({"mile", "km", "m", "foot", "inch", "nautical mile", "mm", "cm"})
_MEASURE_UNITS: dict[str, frozenset[str | None]] = {
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


def figure_question(asked: Question) -> FigureQuestion:
    return FigureQuestion(asked.terms, asked.head, asked.names, _expected_units(asked), asked.by,
                          asked.measure, asked.verbs, ASKS_NOW.search(asked.text) is not None,
                          _HOW_MUCH.match(in_news_words(asked.text)) is not None,
                          _MAGNITUDE.search(asked.text) is not None)


def unit_fits(unit: str | None, measure: str | None) -> bool:
    """Whether a figure's unit is of the kind the question measures ("how long": a duration)."""
    if measure == MEASURE_MONEY:  # a currency's code, or its hundredth ("151.57p a litre")
        return bool(unit and ((len(unit) == 3 and unit.isupper()) or unit in ("penny", "cent")))
    return measure not in _MEASURE_UNITS or unit in _MEASURE_UNITS[measure]


async def answer_figures(store: AnswerStore, asked: Question, now: datetime,
                          rarity: Mapping[str, float]) -> Answer:
    """"How many / how much": the series of figures that count what is asked, latest first;
    "how old": the age a supported sentence gives, else a figure like any other."""
    if not asked.terms:
        return dont_know(asked.text, KIND_FIGURES)
    if asked.measure == MEASURE_AGE:
        aged = await _answer_age(store, asked, rarity)
        if aged is not None:
            return aged
    first = ASKS_FIRST.search(asked.text)
    if first is not None:  # "according to the first reports": which value, not what a sentence says
        said_first = {lemma(w.lower()) for w in words(first.group())} & _FIRST_WORDS
        asked = replace(asked, terms=tuple(t for t in asked.terms if t not in said_first))
    wanted = figure_question(asked)
    hits = await searched(store, search_terms(asked, rarity), FIGURE_HITS)
    quoted = {(h.source.item_id, h.text) for h in hits}
    found = in_their_sentences(await store.figures_of_sentences(quoted))
    if _asks_a_toll(asked.terms):  # "a third person has died": 3
        found += [CitedFigure(figure, hit.source) for hit in hits for figure in _deaths_by_ordinal(hit.text)]
    named = lowercase_names(asked, {h.text for h in hits[:SEARCHED]}, rarity)
    contexts, _ = await whole_items(store, hits)
    judged: dict[tuple[str, str, bool, int], float] = {}  # a wire story's copies are judged once

    def supported(c: CitedFigure) -> float:
        context = contexts.get(c.source.item_id, c.figure.sentence)
        asked_for = _asked_for(c.figure, asked)
        key = (c.figure.sentence, context, asked_for, c.source.published_at.year)
        if key not in judged:
            said = (says_it(asked, c.figure.sentence, c.source.published_at.date(), events=False)
                    and _says_the_event(asked, c.figure.sentence))
            judged[key] = (support_in_item(asked, c.figure.sentence, context, rarity, named, asked_for)
                           if said else 0.0)
        return judged[key]

    countries = countries_asked(asked.text)
    listed = _parts_listed(found)

    def kept(figures: Sequence[CitedFigure], least: float = SUPPORTED) -> list[CitedFigure]:
        return [c for c in figures if (score := supported(c)) >= least
                and not _a_part_not_asked(asked, listed.get((c.figure.sentence, c.figure.start)))
                and not of_another_country(countries, c.figure.sentence)
                and not _counted_in_another_country(countries, c.figure)
                and (score >= SUPPORTED or has_rarest_word(asked, c.figure.sentence, rarity, named))
                and same_fate(asked, c.figure.counted) and same_fate(asked, _verb_before(c.figure))
                and same_fate(asked, " ".join(_tolls_of(c.figure)))
                and not given_by_question(asked, c.figure) and not _changed_from(c.figure)
                and not _added_to_a_total(c.figure)
                and not (_an_increment(c.figure) and not _INCREMENT_ASKED.search(asked.text))
                and not only_forecast(asked, c.figure.sentence, c.figure.start, c.figure.end)
                and not (asked.measure == MEASURE_AGE and _SPAN_SINCE.match(c.figure.sentence, c.figure.end))
                and not (_a_rate_of_time(c.figure) and not _RATE_ASKED.search(asked.text))
                and not (_the_whole_of_a_part(c.figure) and not _WHOLE_ASKED.search(asked.text))]

    scored = _answer_score(asked, hits, contexts)
    if scored is not None:
        return scored
    candidates = _in_the_currency_asked(_without_conversions(kept(found), asked), asked)
    candidates = _told_by_the_one_asked(candidates, asked.text) or candidates
    if MARGIN_ASKED.search(asked.text):  # "by how many did india win": "a 64-run win", "won by 64 runs"
        candidates = [c for c in candidates if _a_margin(c.figure)] or candidates
    series = best_series(candidates, wanted, contexts) or _best_supported_figure(candidates, wanted)
    if not series:  # no sentence found gives it: the best items' other sentences may
        around = kept(await _figures_around(store, hits, _places_of(found)))
        series = best_series(around, wanted, contexts, _places_of(around))
    if not series:  # none well supported: one that has the question's most telling word
        candidates = kept(found, RAREST_SUPPORTED)
        series = best_series(candidates, wanted, contexts) or _best_supported_figure(candidates, wanted)
    if not series:
        counted = _ordinal_count(asked, hits, contexts, rarity, named) or _share_in_words(
            asked, hits, contexts, rarity, named)
        return counted or dont_know(asked.text, KIND_FIGURES)
    if _untold_since(asked, hits, contexts, rarity, named, series[0]):
        return dont_know(asked.text, KIND_FIGURES)
    if len(series) > 1 and not wanted.latest and first is not None:
        series = _first_then_later(series)
        headline = _figure_headline(series[0], series[1:], now, "later")
    else:
        headline = _figure_headline(series[0], series[1:], now)
    quotes = tuple(Quote(f.figure.sentence, f.source) for f in series[:3])
    return Answer(asked.text, KIND_FIGURES, True, headline, quotes,
                  tuple(f.figure.value for f in series))


# "a 64-run win", "won by 64 runs", "beat them by three wickets", "a 5-point lead"
_MARGIN_UNITS = r"runs?|wickets?|points?|goals?|strokes?|shots?|votes?|seats?"
_MARGIN_AFTER = re.compile(rf"-?\s*(?:[a-z]+-)?(?:{_MARGIN_UNITS})?[-\s]*"
                           r"(?:win|victory|defeat|loss|lead|margin|majority)\b", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\b(?:won|win|wins|beat|beats|lost|lose|loses|led|leads|trail|trails|trailed|"
                        r"victory|defeat|defeated)\b[^.;:]{0,40}?\bby\s+$"
                        r"|\b(?:margin|majority)\b[^.;:]{0,40}?\b(?:to|of|at|from)\s+$",
                        re.IGNORECASE)  # "her margin narrows to 19"


def _a_margin(figure: Figure) -> bool:
    """A figure that is a win's or a lead's margin ("a 64-run win", "won by 64 runs")."""
    return (_MARGIN_AFTER.match(figure.sentence, figure.end) is not None
            or _BY_BEFORE.search(figure.sentence, max(0, figure.start - 60), figure.start) is not None)


def _first_then_later(series: Sequence[CitedFigure]) -> list[CitedFigure]:
    """A series (latest first) read from its first value on; a toll only grows, so a count above
    the latest is another count."""
    latest = series[0].figure
    later = [c for c in series[:-1][::-1] if not _cumulative(latest) or c.figure.value <= latest.value]
    return [series[-1], *later]


_FIRST_WORDS = frozenset(lemma(w) for w in "first initially initial originally original report".split())


# "Police declined to say whether any ransom had been paid", "It has not said what price it
# might offer": the value asked is not known
_NOT_SAID = re.compile(r"\b(?:declined|refused)\s+to\s+(?:say|disclose|reveal|confirm)\s+"
                       r"(?:whether|how\s+much|how\s+many|what)\b|\b(?:has|have|had|did|does|do)\s+not\s+(?:yet\s+)?(?:said|say|"
                       r"disclosed|disclose|revealed|reveal)\s+(?:whether|how\s+much|how\s+many|what)\b",
                       re.IGNORECASE)


_DEALT = frozenset(lemma(w) for w in """pay demand offer bid raise spend receive earn cost charge sell buy
invest""".split())


def _of_the_one_asked(asked: Question, text: str) -> bool:
    """Whether a sentence that opens on a name opens on one the question gives ("Ostara has not
    said …" tells nothing of Calloway's offer); "The society …" may be anyone's."""
    first = words(text)[:1]
    if not first or not first[0][:1].isupper() or first[0].lower() in STOPWORDS:
        return True
    return bool(meets(lemma(POSSESSIVE_END.sub("", first[0]).lower()), set(asked.terms)))


def _untold_since(asked: Question, hits: Sequence[SentenceHit], contexts: Mapping[int, str],
                  rarity: Mapping[str, float], named: frozenset[str], found: CitedFigure) -> bool:
    """Whether a report as recent as the figure found says the value asked is not told ("a
    ransom of 300 million naira" was demanded; "police declined to say whether any ransom had
    been paid"): what it does not tell is what the question asks done (paid, not demanded)."""
    done = [t for t in asked.terms if t in _DEALT]  # "how much ransom did they *demand*": not "paid"
    names = {lemma(w.lower()) for name in asked.names for w in words(name)}
    untold = done or [t for t in asked.terms if t not in names]
    for hit in hits:
        said = _NOT_SAID.search(hit.text)
        if said is None or hit.source.published_at < found.source.published_at:
            continue
        clause = lemmas_of(re.split(r"[.;:]", hit.text[said.end():], maxsplit=1)[0])
        if any(meets(t, clause) for t in untold) and _of_the_one_asked(asked, hit.text) and support_in_item(
                asked, hit.text, contexts.get(hit.source.item_id, hit.text), rarity, named) >= SUPPORTED:
            return True
    return False


# "how many tractors did the cops say were there", "according to the BRC": whose figure is asked
_TELLER_ASKED = re.compile(r"\baccording\s+to\s+(?:the\s+)?(?P<by>[\w'’&-]+(?:\s+[\w'’&-]+){0,2}?)"
                           r"(?=\s+(?:on|in|at|for|from|about)\b|\s*[?,.!]|\s*$)"
                           r"|\bdid\s+(?:the\s+)?(?P<did>[\w'’&-]+(?:\s+[\w'’&-]+){0,2}?)\s+"
                           r"(?:say|claim|estimate|reckon|give|put|report|record|measure)\b",
                           re.IGNORECASE)


def _told_by_the_one_asked(figures: list[CitedFigure], question: str) -> list[CitedFigure]:
    """The figures whose sentence names (or calls by a word of its family) whoever the question
    says gave the figure: "the cops" are the Metropolitan Police."""
    asked = _TELLER_ASKED.search(question)
    if asked is None:
        return []
    teller = {lemma(w.lower()) for w in words(asked.group("by") or asked.group("did"))
              if w.lower() not in STOPWORDS}
    if not teller:
        return []
    return [c for c in figures if all(family_of_lemma(t) & lemmas_of(c.figure.sentence) for t in teller)]


def _counted_in_another_country(countries: frozenset[str], figure: Figure) -> bool:
    """"Vietnam moved 54,000 people as Tamarong, which killed 17 people in the Philippines last
    week, approached": the 17 were killed in another country than the one asked about."""
    if not countries:
        return False
    clause = re.split(r"[,;:()]", figure.sentence[figure.end:figure.end + _CLAUSE_AFTER], maxsplit=1)[0]
    placed = _IN_A_COUNTRY_AFTER.search(clause)
    said = {c.casefold() for c in countries_in(placed.group(1), nationalities=False)} if placed else set()
    return bool(said) and not said & {c.casefold() for c in countries}


_CLAUSE_AFTER = 60  # characters after a figure read for the country it is counted in
_IN_A_COUNTRY_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,3}?\s+(?:in|across|throughout)\s+"
                                 r"((?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})")


_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about|around|roughly|some|nearly|almost|just|over|under|an?\s+"
                          r"(?:estimated|reported)\s+)*$", re.IGNORECASE)
_TO_AFTER = re.compile(r"\s+to\s+(?:about|around|roughly|some|nearly|almost|just|over|more\s+than|)\s*"
                       r"[$£€]?\d", re.IGNORECASE)


_SPAN_SINCE = re.compile(r"\s+(?:on|later|after|earlier|since)\b", re.IGNORECASE)  # "one year on": no age


def _without_conversions(figures: list[CitedFigure], asked: Question) -> list[CitedFigure]:
    """Without the sums a sentence converts another into ("750,000 rand (about $42,000)", "1.5
    billion som, about $17 million"): the sum as paid leads, unless the question names a currency."""
    if _CURRENCY_ASKED.search(asked.text):
        return figures
    sums = [c for c in figures if _is_money(c.figure)]
    converted = {id(c) for c in sums for first in sums
                 if first.source.item_id == c.source.item_id and first.figure.sentence == c.figure.sentence
                 and first.figure.unit != c.figure.unit and first.figure.end <= c.figure.start
                 and _CONVERSION.fullmatch(c.figure.sentence[first.figure.end:c.figure.start])}
    return [c for c in figures if id(c) not in converted]


def _in_the_currency_asked(figures: list[CitedFigure], asked: Question) -> list[CitedFigure]:
    """"How much did they pay for him in rand": the sums in rand, when the news gives one (not
    the "£21 million" a British outlet gives)."""
    named = next((code for word, code in _CURRENCY_WORDS.items()
                  if re.search(rf"\b{word}\b", asked.text, re.IGNORECASE)), None)
    same = [c for c in figures if c.figure.unit == named]
    return same if named and same else figures


_CURRENCY_WORDS = {"dollars?": "USD", "usd": "USD", "pounds?": "GBP", "sterling": "GBP", "euros?": "EUR",
                   "rand": "ZAR", "yen": "JPY", "yuan": "CNY", "rupees?": "INR", "reais": "BRL",
                   "naira": "NGN", "roubles?|rubles?": "RUB"}
_CONVERSION = re.compile(r"\s*[(,]\s*(?:about|around|roughly|approximately|some|nearly|almost|or|worth"
                         r"|equal\s+to)?\s*", re.IGNORECASE)
_CURRENCY_ASKED = re.compile(r"[$£€]|\b(?:" + "|".join(_CURRENCY_WORDS) + r")\b", re.IGNORECASE)


# "bringing the total", "taking the outbreak total", "pushing its tally"
_THE_TOTAL = (r"\b(?:bring|brings|bringing|brought|take|takes|taking|took|push|pushes|pushing|pushed"
              r"|raise|raises|raising|raised|lift|lifts|lifting|lifted)\s+(?:the|its|their)\s+"
              r"(?:overall\s+|total\s+|official\s+|(?-i:[a-z]+)\s+)?(?:total|tally|number|count)")


def _added_to_a_total(figure: Figure) -> bool:
    """"three new cases, bringing the outbreak total to 34": three were added; 34 is the count."""
    return (_NEW_ONES.match(figure.counted or "") is not None
            and _TOTAL_AFTER.search(figure.sentence, figure.end) is not None)


_NEW_ONES = re.compile(r"\s*(?:new|more|additional|further|extra)\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(_THE_TOTAL + r"\b", re.IGNORECASE)


_EXTRA_BEFORE = re.compile(r"\b(?:an?\s+)?(?:extra|additional|further)\s+(?:about\s+|around\s+|nearly\s+)?$",
                          re.IGNORECASE)
_INCREMENT_ASKED = re.compile(r"\b(?:extra|additional|further|more|added|increase|rise|raise|sweeten\w*|"
                              r"top\s+up)\b", re.IGNORECASE)


def _an_increment(figure: Figure) -> bool:
    """"rewarded with an extra £280m": what was added, not what the thing now is worth."""
    sentence = figure.sentence
    at = sentence.find(figure.surface)
    return at > 0 and _EXTRA_BEFORE.search(sentence, max(0, at - 40), at) is not None


def _changed_from(figure: Figure) -> bool:
    """"has risen from about 50 to 300", "started at 410p … has ended at 482p": 50 and 410p are
    what it was, 300 and 482p what it is."""
    sentence = figure.sentence
    at = sentence.find(figure.surface)  # the figure's offsets are its text's, not its sentence's
    if at < 0:
        return False
    before, after = sentence[:at].rstrip() + " ", sentence[at + len(figure.surface):]
    return ((_FROM_BEFORE.search(before) is not None and _TO_AFTER.match(after) is not None)
            or (_STARTED_AT.search(before) is not None and _ENDED_AT.search(after) is not None))


# "a bid that started at 410p a share has ended at 482p": 410p is where it began
_STARTED_AT = re.compile(r"\b(?:started|starting|began|opened|stood)\s+at\s+"
                         r"(?:about\s+|around\s+|roughly\s+)?$", re.IGNORECASE)
_ENDED_AT = re.compile(r"^[^.;]{0,80}?\b(?:ended|ends|finished|closed|stands|settled)\s+at\s+[$£€]?\d",
                       re.IGNORECASE)


AROUND_ITEMS = 3  # the best-matching items whose every figure is a candidate
AROUND_FIGURES = 4  # of an item with no more figures than this: one story, not a live page's many


async def _figures_around(store: AnswerStore, hits: Sequence[SentenceHit],
                          seen: set[tuple[int, str]]) -> list[CitedFigure]:
    """The figures of the best-matching items' other sentences: "Aljaž Škorjanec is leaving
    Strictly" matches the question, "The 32-year-old is calling it a day after nine years"
    gives the answer without one of its words. Each is judged with its item's sentences found."""
    best = list(dict.fromkeys(h.source.item_id for h in hits))[:AROUND_ITEMS]
    if not best:
        return []
    figures = in_their_sentences(await store.figures_of_items(best))
    per_item = Counter(c.source.item_id for c in figures)
    return [c for c in figures if (c.source.item_id, c.figure.sentence) not in seen
            and per_item[c.source.item_id] <= AROUND_FIGURES]  # not a round-up's many figures


def _says_the_event(asked: Question, sentence: str) -> bool:
    """"How many suspects have been arrested": a sentence that says an arrest (or a word of its
    family), not "police are hunting two suspects"."""
    found = lemmas_of(sentence)
    return all(meets(verb, found) for verb in asked.verbs if verb in _FIGURE_EVENTS)


_FIGURE_EVENTS = frozenset(lemma(w) for w in "arrest sack fire jail convict charge ban sentence".split())


def _places_of(figures: Sequence[CitedFigure]) -> set[tuple[int, str]]:
    return {(c.source.item_id, c.figure.sentence) for c in figures}


def given_by_question(asked: Question, figure: Figure) -> bool:
    """Whether the question itself writes the figure with the word after it ("the 2 Sisters
    boss", "in the first 12 days"): what the question gives is not what it asks."""
    if not figure.surface:
        return False
    typed = asked.text.casefold()
    for after in re.finditer(rf"(?<![\w.,]){re.escape(figure.surface)}\s+([\w'’-]+)", figure.sentence):
        phrase = f"{figure.surface} {after.group(1)}".casefold()
        if re.search(rf"(?<![\w.,]){re.escape(phrase)}(?![\w])", typed):
            return True
    if figure.unit == "percent":  # "voted against the 5.8 per cent offer": not the 5.8% offered
        number = re.escape(f"{figure.value:g}")
        return re.search(rf"(?<![\w.,]){number}\s*(?:%|per\s*cent|percent|pc)(?!\w)", typed) is not None
    return False


_FATES = tuple(frozenset(lemma(w) for w in line.split()) for line in (
    "kill die dead death fatality", "injure injury hurt wound", "arrest detain",
    "evacuate flee displace refugee homeless move relocate", "rescue", "miss",
    "burn burnt torch destroy raze gut",
    "case infect infection sicken sickened ill illness", "live resident inhabitant population",
    "vaccinate vaccination jab inoculate immunise immunize"))
# a town's people, counted as its residents ("a city of 300,000 people"), not as any group in it
_LIVING_ASKED = re.compile(r"\b(?:live|lives|lived|living)\s+(?:in|on|at|there|here|near)\b"
                           r"|\b(?:population|residents|inhabitants)\b", re.IGNORECASE)
# "how many Indian nationals living in Arequipa were confirmed safe": who they are, not what is asked
_LIVING_QUALIFIES = re.compile(r"\bliving\s+(?:in|on|at|near)\b.*\b(?:were|are|was|is|have|has|had)\s+\w+",
                               re.IGNORECASE)
# What a figure's counted words say was done to it: "homes are lifted", "firefighters were called"
_DONE = re.compile(r"\b(?:are|were|is|was|been|being)\s+[a-z]+(?:ed|en|t)\b")
# ... or with no auxiliary: "48,000 people vaccinated", "150 people attended" (not "confirmed cases")
_DONE_TO = re.compile(r"^\s*(?:[a-z]+\s+){1,2}(?!(?:confirmed|reported|estimated|registered|recorded|"
                      r"suspected|known|related|linked)\b)[a-z]{3,}ed\b")


# "killing at least eight people", "evacuates about 120,000": the words that may stand before a count
_HEDGE = r"(?:(?:at\s+least|up\s+to|more\s+than|about|around|some|nearly|almost|over|an\s+estimated)\s+)?"
_VERB_BEFORE = re.compile(rf"\b(?P<verb>[a-z]+ing|[a-z]{{3,}}ed)\s+{_HEDGE}$")


def _verb_before(figure: Figure) -> str | None:
    """The verb a figure is the object of ("killing at least eight people"): what was done to
    what it counts, when its counted words do not say."""
    found = _VERB_BEFORE.search(figure.sentence, max(0, figure.start - 40), figure.start)
    return found.group("verb") if found else None


def same_fate(asked: Question, counted: str | None) -> bool:
    """Whether a figure counts people or things in the state the question asks of ("how many
    were hurt": not "six people killed"; "how many houses burned": not "8,000 homes are lifted"
    from evacuation orders): when both say one, they say the same."""
    asked_fates = {n for n, fate in enumerate(_FATES) if fate & set(asked.terms)}
    counted = (counted or "").lower()
    said = {n for n, fate in enumerate(_FATES) if fate & {lemma(w) for w in counted.split()}}
    if asked_fates and not said and (_DONE.search(counted) or _DONE_TO.search(counted)):
        return False  # it says what was done to them, and it is not what is asked
    if not said and len(counted.split()) > 1 and _LIVING_ASKED.search(asked.text) \
            and not _LIVING_QUALIFIES.search(asked.text):
        return False  # "how many people live in Tash-Bulak": not "11 students are still trapped"
    return not asked_fates or not said or bool(asked_fates & said)


# not a share: "a third of their flights", "two-thirds of the staff"
_ORDINAL = re.compile(r"(?<![\w-])(?<!\ba\s)(?<!\bone\s)(?:(?P<n>\d{1,3})(?:st|nd|rd|th)"
                      r"|(?P<word>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth))(?!s?\s+of\b)"
                      r"\s+(?P<words>(?:[a-z][\w-]*\s+){0,3}[a-z]+)\b", re.IGNORECASE)
_UNITS_COUNTED = re.compile(r"\bhow\s+many\s+(?P<unit>years|months|weeks|days|decades)\b", re.IGNORECASE)
_ORDINAL_NOUN_WORDS = 4  # "the fifth successive home Six Nations win": the noun counted, a few words on


_ORDINAL_DEATH = re.compile(
    r"\b(?:a|the)\s+(?P<n>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?P<who>[a-z][\w-]*"
    r"(?:\s+(?!ha[sd]\b|have\b)[a-z][\w-]*)?)(?:,[^,]{1,50},)?\s+(?:has\s+|had\s+|have\s+)?(?:died|to\s+die)\b"
    r"|\b(?P<m>second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\s+(?:[a-z][\w'-]*\s+)?death\b",
    re.IGNORECASE)


def _deaths_by_ordinal(sentence: str) -> list[Figure]:
    """"A third person has died of typhoid", "third death reported": the toll so far, as a figure."""
    figures = []
    for found in _ORDINAL_DEATH.finditer(sentence):
        count = ordinal_value(found.group("n") or found.group("m"))
        counted = "deaths"  # "third typhoid death"
        if found.group("who"):  # "a third child has died": children
            *before, last = found.group("who").lower().split()
            counted = " ".join((*before, _plural(last, count), "have died"))
        figures.append(Figure(float(count), None, "exact", None, counted, None, None, found.group(), sentence,
                              found.start(), found.end()))
    return figures


def _ordinal_count(asked: Question, hits: Sequence[SentenceHit], contexts: Mapping[int, str],
                   rarity: Mapping[str, float], named: frozenset[str]) -> Answer | None:
    """"How many concussions has he had": a supported sentence that counts by an ordinal ("his
    11th concussion", "for the fifth time") gives the number so far."""
    head = asked.head
    if head is None and asked.measure == MEASURE_DURATION and (
            unit := _UNITS_COUNTED.search(in_news_words(asked.text))):  # "how many yrs": years
        head = lemma(unit.group("unit").lower())  # "returns for its 822nd year"
    elif asked.measure not in (None, MEASURE_COUNT):
        return None
    if head is None:
        return None
    for hit in hits:
        supported: bool | None = None  # judged once a sentence counts what is asked
        for match in _ORDINAL.finditer(hit.text):  # "11th concussion", "fifth Grand Slam title"
            noun = next((w for w in match.group("words").split()[:_ORDINAL_NOUN_WORDS]
                         if meets(head, {lemma(w.lower())})), None)
            if noun is None:
                continue
            if supported is None:
                context = contexts.get(hit.source.item_id, hit.text)
                supported = support_in_item(asked, hit.text, context, rarity, named, True) >= SUPPORTED
            if not supported:
                break
            count = int(match.group("n")) if match.group("n") else ordinal_value(match.group("word"))
            plural = noun.lower().endswith("s") and not noun.lower().endswith("ss")  # "flights"
            counted = noun.lower() if plural else _plural(noun.lower(), count)
            headline = (f"{count} {counted} so far: the {match.group(0).split()[0]} "
                        f"({_told(hit)})")
            return Answer(asked.text, KIND_FIGURES, True, headline, (Quote(hit.text, hit.source),),
                          (float(count),))
    return None


_SHARE = re.compile(r"\b(?P<n>\d{1,2}|one|two|three|four|five|six|seven|eight|nine)\s+(?:in|out\s+of)\s+"
                    r"(?P<m>\d{1,3}|two|three|four|five|ten)\b(?!\s*(?:%|per\s*cent|percent))", re.IGNORECASE)


def _share_in_words(asked: Question, hits: Sequence[SentenceHit], contexts: Mapping[int, str],
                    rarity: Mapping[str, float], named: frozenset[str]) -> Answer | None:
    """"What share of Americans disapprove": a supported sentence that says "nearly 6 in 10
    Americans disapprove" gives 60%."""
    if asked.measure != MEASURE_PERCENT:
        return None
    for hit in hits:
        for match in _SHARE.finditer(hit.text):
            n, m = (number_of(g) for g in match.group("n", "m"))
            if n is None or not m or not 0 < n < m:
                continue
            context = contexts.get(hit.source.item_id, hit.text)
            if support_in_item(asked, hit.text, context, rarity, named, True) < SUPPORTED:
                break
            share = round(100 * n / m, 1)
            headline = f"{match.group(0)} ({share:g}%) ({_told(hit)})"
            return Answer(asked.text, KIND_FIGURES, True, headline, (Quote(hit.text, hit.source),), (share,))
    return None


_ORDINAL_WORDS_ASKED = frozenset(lemma(w) for w in """place position spot rank number edition instalment
installment anniversary finish finished come came end ended placed rank ranked qualify qualified""".split())


async def answer_ordinal(store: AnswerStore, asked: Question, ordinal: OrdinalQuestion,
                         rarity: Mapping[str, float]) -> Answer:
    """"What place did she finish", "which number bleaching event is this": the best-supported
    sentence found that gives the ordinal asked for, as a number with its words."""
    hits = distinct_hits(await searched(store, search_terms(asked, rarity), SEARCHED))
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    contexts, _ = await whole_items(store, hits)
    judged = replace(asked, terms=tuple(t for t in asked.terms if t not in _ORDINAL_WORDS_ASKED))
    scored = sorted(((support_in_item(judged, h.text, contexts[h.source.item_id], rarity, named), n, h)
                     for n, h in enumerate(hits)), key=lambda s: (-s[0], s[1]))
    for score, _, hit in scored:
        if score < SUPPORTED:
            break
        found = ordinal_in(ordinal, hit.text)
        if found is not None and says_it(asked, hit.text, hit.source.published_at.date(), events=False):
            headline = f"{found[0]}: {found[1]} ({_told(hit)})"
            return Answer(asked.text, KIND_FIGURES, True, headline, (Quote(hit.text, hit.source),),
                          (float(found[0]),))
    return dont_know(asked.text, KIND_FIGURES)


def _answer_score(asked: Question, hits: Sequence[SentenceHit], contexts: Mapping[int, str]) -> Answer | None:
    """"How many did Chelsea put past Leicester": the first sentence found whose scoreline says
    what the side asked about scored (or let in, or won by), in an item that names the sides
    asked about, of the year asked."""
    score_question = score_asked(in_news_words(asked.text))
    if score_question is None:
        return _answer_innings(asked, hits, contexts)
    named = score_question.side | score_question.other
    for hit in hits:
        context = f"{hit.text} {contexts.get(hit.source.item_id, '')}"
        if not all(side_written(w, context) for w in score_question.side) \
                or sum(side_written(w, context) for w in named) < 2 \
                or not says_it(asked, hit.text, hit.source.published_at.date(), events=False):
            continue  # not the sides asked about, or a scoreline of the side's other matches
        told = [(score_of(score_question, result), result.said) for result in results_in(hit.text)]
        beaten = score_question.opponent
        if score_question.margin and beaten and all(side_written(w, hit.text) for w in beaten):
            told += margins_in(hit.text)  # "a 109-run win against Bangladesh": the side beaten named
        for count, said in told:
            if count is not None:
                written = re.search(rf"\b{count}[- ]{_MARGIN_UNIT}", said)  # "by 64 runs": the margin's unit
                counted = score_question.unit or (written.group("unit") if written else None)
                unit = f" {_plural(_singular(counted), count)}" if counted else ""
                headline = f"{count}{unit}: {said} ({_told(hit)})"
                return Answer(asked.text, KIND_FIGURES, True, headline, (Quote(hit.text, hit.source),),
                              (float(count),))
    return _answer_innings(asked, hits, contexts)


def _answer_innings(asked: Question, hits: Sequence[SentenceHit],
                    contexts: Mapping[int, str]) -> Answer | None:
    """"How many runs did Ollie Pascoe score against Victoria": the first sentence found that says
    what the batter made ("Ollie Pascoe made an unbeaten 127"), in an item that names the side
    asked about, of the year asked; told while the batter was still in ("Tembe 104" at 287-6),
    the score a report of the next days gives ("Tembe 131")."""
    innings = innings_asked(asked.text)
    if innings is None:
        return _answer_match_wickets(asked, hits)
    told: list[tuple[SentenceHit, Innings]] = []
    for hit in hits:
        context = f"{hit.text} {contexts.get(hit.source.item_id, '')}"
        if not all(side_written(w, context) for w in innings.against) \
                or not says_it(asked, hit.text, hit.source.published_at.date(), events=False):
            continue
        if (made := innings_in(innings, hit.text)) is not None:
            told.append((hit, made))
    if not told:
        return None
    hit, made = _final_score(*told[0], told)
    return Answer(asked.text, KIND_FIGURES, True, f"{made.runs} runs: {made.said} ({_told(hit)})",
                  (Quote(hit.text, hit.source),), (float(made.runs),))


_ONE_MATCH = timedelta(days=5)  # a Test's five days: a batter's later score within them is the same innings'


def _final_score(hit: SentenceHit, made: Innings,
                 told: Sequence[tuple[SentenceHit, Innings]]) -> tuple[SentenceHit, Innings]:
    """The innings `made` was told of, as it ended: a higher score of the batter told in the days
    after (the first that is not still going on, else the highest)."""
    if not made.unfinished:
        return hit, made
    later = [(h, m) for h, m in told if m.runs > made.runs
             and hit.source.published_at < h.source.published_at <= hit.source.published_at + _ONE_MATCH]
    ended = [pair for pair in later if not pair[1].unfinished]
    if ended:
        return min(ended, key=lambda pair: pair[0].source.published_at)
    return max(later, key=lambda pair: pair[1].runs, default=(hit, made))


def _answer_match_wickets(asked: Question, hits: Sequence[SentenceHit]) -> Answer | None:
    """"How many wickets did Calloway take in the Hamilton Test altogether": the first sentence
    found that gives the bowler's wickets in the whole match ("match figures of 9-107")."""
    bowler = match_wickets_asked(asked.text)
    if bowler is None:
        return None
    for hit in hits:
        found = match_wickets_in(bowler, hit.text)
        if found is not None and says_it(asked, hit.text, hit.source.published_at.date(), events=False):
            wickets, said = found
            return Answer(asked.text, KIND_FIGURES, True,
                          f"{wickets} {_plural('wicket', wickets)}: {said} ({_told(hit)})",
                          (Quote(hit.text, hit.source),), (float(wickets),))
    return None


_MARGIN_UNIT = r"(?P<unit>(?:run|wicket|goal|point|stroke|shot|length|frame|set)s?|tr(?:y|ies))\b"


def _singular(noun: str) -> str:
    """"runs" → "run", "tries" → "try"."""
    return noun[:-3] + "y" if noun.endswith("ies") else noun.removesuffix("s")


def _told(hit: SentenceHit) -> str:
    """Who told it and when, as an answer line cites it: "BBC, Wed 2 Mar 2022"."""
    return f"{hit.source.feed_name}, {hit.source.published_at:%a %-d %b %Y}"


_IRREGULAR_PLURALS = {"child": "children", "person": "people", "man": "men", "woman": "women"}


def _plural(noun: str, count: int) -> str:
    if count == 1:
        return noun
    if noun in _IRREGULAR_PLURALS:
        return _IRREGULAR_PLURALS[noun]
    if re.search(r"[^aeiou]y$", noun):
        return noun[:-1] + "ies"
    return noun + ("es" if re.search(r"(?:s|x|ch|sh)$", noun) else "s")


async def _answer_age(store: AnswerStore, asked: Question, rarity: Mapping[str, float]) -> Answer | None:
    """"How old": the best-supported sentence that gives an age, the age first; "how long ago":
    the one that says how long ago."""
    hits = distinct_hits(await searched(store, search_terms(asked, rarity), SEARCHED))
    if asks_how_long_ago(asked):
        return _answer_ago(asked, hits, rarity)
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    contexts = item_contexts(hits)  # "Pasha Lee, 33, had signed up": the headline says he was killed
    ranked = sorted(((support_in_item(asked, h.text, contexts[h.source.item_id], rarity, named,
                                      age_in(h.text) is not None), h) for h in hits),
                    key=lambda pair: (pair[0], pair[1].score), reverse=True)
    aged = [(age, h) for score, h in ranked if score >= SUPPORTED
            and (age := _age_of_theirs(h.text, asked)) is not None
            and says_it(asked, h.text, h.source.published_at.date(), events=False)]
    if not aged:
        aged = await _aged_in_items(store, asked, [h for score, h in ranked if score > 0], rarity, named)
    if not aged:
        return None
    # "Ava White, 12, was stabbed" before "Ava White death: Boy, 14, denies murder": whose age
    aged.sort(key=lambda pair: age_by_name(pair[1].text, asked.terms, least=2) is None)
    age, best = aged[0]
    headline = f"{age:,} years old ({_told(best)})"
    quotes = tuple(Quote(h.text, h.source) for _, h in aged[:3])
    return Answer(asked.text, KIND_FIGURES, True, headline, quotes, (float(age),))


def _answer_ago(asked: Question, hits: Sequence[SentenceHit], rarity: Mapping[str, float]) -> Answer | None:
    """The best-supported sentence saying how long ago ("35 years ago"), that first."""
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    terms = tuple(t for t in asked.terms if t != _AGO_TERM)
    without = replace(asked, terms=terms or asked.terms)
    contexts = item_contexts(hits)
    scored = [(support_in_item(without, h.text, contexts[h.source.item_id], rarity, named, True), h)
              for h in hits if ago_in(h.text)]
    ranked = sorted(scored, key=lambda pair: (pair[0], pair[1].score), reverse=True)
    said = [h for score, h in ranked if score >= SUPPORTED]
    if not said:
        return None
    best = said[0]
    headline = f"{ago_in(best.text)} ({_told(best)})"
    return Answer(asked.text, KIND_FIGURES, True, headline, tuple(Quote(h.text, h.source) for h in said[:3]))


_AGO_TERM = lemma("ago")


def _age_of_theirs(text: str, asked: Question) -> int | None:
    """`age_in`, unless the sentence writes it against another of the family only ("Natalie
    Steele, 32, …" for "how old was Reid Steele")."""
    if namesakes_age(text, asked.terms) and age_by_name(text, asked.terms, least=2) is None:
        return None
    return age_in(text, asked.terms)


async def _aged_in_items(store: AnswerStore, asked: Question, about: Sequence[SentenceHit],
                         rarity: Mapping[str, float], named: frozenset[str]) -> list[tuple[int, SentenceHit]]:
    """The ages given by the other stored sentences of the items found to name whom the
    question names: "Peaky Blinders dedicates episode to Helen McCrory" is found, and its
    "The actress … died at the age of 52" names no one."""
    items = list(dict.fromkeys(h.source.item_id for h in about))[:AGE_ITEMS]
    texts = await store.item_texts(items) if items else {}
    sources = {h.source.item_id: h.source for h in reversed(about)}
    aged = []
    for item in items:
        whole = texts.get(item, "")
        for sentence in split_sentences(whole):
            age = _age_of_theirs(sentence.text, asked)
            if age is not None and support_in_item(asked, sentence.text, whole, rarity, named,
                                                   True) >= SUPPORTED:
                aged.append((age, SentenceHit(sentence.text, sources[item], 0.0)))
                break
    return aged


def best_series(candidates: Sequence[CitedFigure], asked: FigureQuestion,
                contexts: Mapping[int, str] | None = None,
                around: Collection[tuple[int, str]] = ()) -> list[CitedFigure]:
    """The figures that answer the question best, latest first (up to its date, if it has one).

    A figure qualifies only if it counts the question's head noun (or a word of its family), its
    sentence names every name the question names and its unit fits; among those, the ones of
    the best's unit and scoring close to it form the series, so one measure worded differently
    by several outlets still reads as one series, and another measure never joins it.
    """
    contexts = contexts or {}
    scored = [(figure_score(c.figure, asked, _around_context(c, contexts, around),
                            contexts.get(c.source.item_id, "")), c) for c in candidates
              if _fits(c, asked, contexts.get(c.source.item_id, ""))
              and (asked.by is None or figure_date(c)[0] <= asked.by)]  # "by 28 February"
    scored = [(score, c) for score, c in scored if score > 0]
    if not _asks_a_market_price(asked):  # "how much did Kanto offer": not "finished at 261p"
        scored = [(score, c) for score, c in scored if not _a_market_price(c.figure)]
    if _asks_whole_value(asked):  # "valuing Calder at £1.62bn", not "445p a share"
        whole = [(score, c) for score, c in scored if not _per_share(c.figure)]
        scored = [(score, c) for score, c in whole if c.figure.value >= _MILLION] or whole or scored
    if any(_counts_the_head(c.figure, asked) for _, c in scored):  # "how many people have fled":
        scored = [(score, c) for score, c in scored if not _counts_a_kind(c.figure, asked)  # not children
                  and _counts_what_is_asked(c.figure, asked, contexts.get(c.source.item_id, ""))]
    if not scored:
        return []
    best_score, best = max(scored, key=lambda pair: (pair[0], figure_date(pair[1])))
    where = places_named(best.figure.sentence)
    tolls = _tolls_of(best.figure)  # a running count is one series however each report words it
    states = frozenset() if best.figure.unit is not None else _ones_counted(best.figure, _STATES_COUNTED)
    # its own toll words ("death toll"): a report worded with one of them, not only with a word of
    # their family ("fled" for "displaced"), joins the series when read with its item
    best_counted = _counted_words(best.figure)
    # "how many people died": "the death toll rose to 13" counts them, however the best words it
    asked_toll = _asks_a_toll(asked.terms)
    toll_words = best_counted & (_TOLLS | {_TOLL})
    wide = asked.head is None and asked.measure in _ONE_MEASURE
    counted = best_counted - STOPWORDS - _PEOPLE  # "people sheltering": not "people missing"
    series = [(score, c) for score, c in scored
              if (score >= best_score - (best_score if wide else SERIES_MARGIN)
                  or (asked.latest and (best.figure.unit is not None
                                        or counted & _counted_as_asked(c.figure, asked)))
                  or (tolls and score >= best_score / 2 and _counts_one_of(c.figure, tolls))
                  or (states and score >= best_score / 2 and _counts_one_of(c.figure, states))
                  or (_revised(c.figure)
                      and len(counted & _counted_words(c.figure)) >= min(2, len(counted)) > 0)
                  or (asked_toll and score >= best_score / 2 and _TOLL in _counted_words(c.figure))
                  or (tolls and toll_words & _counted_words(c.figure)
                      and figure_score(c.figure, asked, contexts.get(c.source.item_id, ""))
                      >= best_score / 2)
                  or _counted_later_by_its_verb(best, c))
              and c.figure.unit == best.figure.unit and _same_place(where, c.figure.sentence)
              and (c is best or not _first_of_another_country(best.figure.sentence, c.figure.sentence))]
    series += _later_counts(scored, series, best, tolls, where)
    topic = _topic_of(best, asked, contexts)
    series = [(score, c) for score, c in series if c is best or _of_the_topic(c, topic, contexts)]
    # Latest day first; on one day, the report worded most like the question first, or, when the
    # question asks for the value in the end, the latest report ("revised the magnitude of
    # Tuesday's quake to 6.2" is of Tuesday, and is what is known now)
    ordered = sorted(series, key=lambda pair: (figure_date(pair[1])[0], *(
        (figure_date(pair[1])[1], pair[0]) if asked.latest else (pair[0], figure_date(pair[1])[1]))),
        reverse=True)
    return _one_per_report([c for _, c in ordered])


def _counts_what_is_asked(figure: Figure, asked: FigureQuestion, context: str) -> bool:
    """Of figures when one counts the question's own noun: those that count it too ("firefighters",
    not fire engines), people by their fate ("the death toll rose to 23"), or what is asked by
    its weight."""
    return (meets(asked.head or "", _counted_words(figure)) > 0 or _counts_people(figure, asked, context)
            or _measures_the_stuff(figure, asked.head or "", context)
            or _counts_the_goods_named(figure, asked.head or ""))


def _counted_later_by_its_verb(best: CitedFigure, other: CitedFigure) -> bool:
    """A headline's count of no noun ("Philippines evacuates 120,000") is of what its verb
    did: a later, higher count worded with that verb ("312,000 people had been evacuated") is
    the same count grown."""
    if (best.figure.counted or figure_date(other) <= figure_date(best)
            or other.figure.value <= best.figure.value):
        return False
    done = _WORD_BEFORE.search(best.figure.sentence, 0, best.figure.start)
    verb = done.group("word").lower() if done else ""
    return verb not in STOPWORDS and lemma(verb) in lemmas_of(other.figure.counted or "")


_WORD_BEFORE = re.compile(rf"\b(?P<word>[A-Za-z]+)\s+{_HEDGE}$")


def _later_counts(scored: Sequence[tuple[float, CitedFigure]], series: Sequence[tuple[float, CitedFigure]],
                  best: CitedFigure, tolls: frozenset[str],
                  where: frozenset[str]) -> list[tuple[float, CitedFigure]]:
    """A running count's later, higher value of the same toll in the same place, however
    loosely its report words the question ("cases in Nampula province have risen to 2,105", then
    "the number of cholera cases in northern Mozambique has climbed to 2,388"): a toll only
    grows, and the latest report of it is the answer."""
    if not tolls or not where:
        return []
    kept = {id(c) for _, c in series}
    return [(score, c) for score, c in scored if id(c) not in kept and c.figure.unit == best.figure.unit
            and figure_date(c) > figure_date(best) and c.figure.value > best.figure.value
            and _counts_one_of(c.figure, tolls) and where & places_named(c.figure.sentence)]


# A measure whose every supported value is one series ("how many hectares has the fire burned":
# 120, 350, 610, then 640), however each report words what grew; a distance or a weight is not
# ("how far is Kharkiv from the border": each report measures from somewhere else)
_ONE_MEASURE = frozenset({MEASURE_AREA})
_MILLION = 1e6
_WORTH = frozenset(lemma(w) for w in "worth value valuation valuing".split())
_EACH = frozenset(lemma(w) for w in "share each per unit".split())
_SHARE_WORD = lemma("share")
_PER_SHARE = re.compile(r"\s*(?:a|per|for\s+each|each)\s+(?:share|unit)\b", re.IGNORECASE)


# "nearly 150 fatalities per year", "2,000 visitors a day": a rate, not the count of one event
_PER_TIME = re.compile(r"[\s\w'’-]{0,30}?\b(?:per|a|an|each|every)\s+(?:year|month|week|day|annum)\b|"
                       r"[\s\w'’-]{0,30}?\b(?:annually|yearly)\b", re.IGNORECASE)
_RATE_ASKED = re.compile(r"\b(?:per|a|an|each|every)\s+(?:year|month|week|day|annum)\b|\b(?:annual|annually|"
                         r"yearly|monthly|weekly|daily)\b", re.IGNORECASE)


# "convicted on seven of nine counts": nine is the whole, seven what the verb did
_PART_OF = re.compile(r"\b(?:\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen"
                      r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?)\s+"
                      r"(?:of|out\s+of)\s+(?:the\s+)?$", re.IGNORECASE)
_WHOLE_ASKED = re.compile(r"\b(?:total|in\s+all|altogether|out\s+of\s+how|of\s+how\s+many)\b", re.IGNORECASE)


def _the_whole_of_a_part(figure: Figure) -> bool:
    """The whole in "seven of nine counts", "won 63 of the 165 seats": what the part is of."""
    return _PART_OF.search(figure.sentence, 0, figure.start) is not None


# what lies between two figures of one count listed as parts: "… counts of wire fraud and"
_LISTED_AND = re.compile(r"^[^;:()]{0,60}?\band\s+(?:a\s+further\s+|another\s+)?$", re.IGNORECASE)
_PART_ENDS = re.compile(r"[,;.]\s|\sand\s")  # where the words telling the last part end


def _parts_listed(found: Sequence[CitedFigure]) -> dict[tuple[str, int], str]:
    """Figures listed with "and" as parts of one count ("guilty of five counts of wire fraud and
    two counts of money laundering"), each with the words that tell it from the others."""
    by_count: dict[tuple[str, str | None, str | None], dict[int, Figure]] = {}
    for figure in (c.figure for c in found if c.figure.counted):
        by_count.setdefault((figure.sentence, figure.counted, figure.unit), {})[figure.start] = figure
    parts: dict[tuple[str, int], str] = {}
    for (sentence, _, _), figures in by_count.items():
        ordered = sorted(figures.values(), key=lambda f: f.start)
        for one, other in itertools.pairwise(ordered):
            between = sentence[one.end:other.start]
            if _LISTED_AND.match(between):
                parts[(sentence, one.start)] = between
                parts[(sentence, other.start)] = _PART_ENDS.split(sentence[other.end:] + " ", maxsplit=1)[0]
    return parts


def _a_part_not_asked(asked: Question, told: str | None) -> bool:
    """A part of a count listed with others, when the question does not ask for what tells it
    apart ("on how many counts was he convicted" wants the whole, "of wire fraud" the part)."""
    if told is None:
        return False
    found = lemmas_of(told)
    return not any(meets(term, found) for term in asked.content_terms() if term != asked.head)


def _a_rate_of_time(figure: Figure) -> bool:
    """A count of things or people given per year, month, week or day."""
    return figure.unit is None and _PER_TIME.match(figure.sentence, figure.end) is not None


def _asks_whole_value(asked: FigureQuestion) -> bool:
    """"How much is the offer worth", "what does the bid value the firm at": the whole sum, not a
    price per share."""
    return bool(_WORTH & set(asked.terms)) and not _EACH & set(asked.terms)


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


def _a_market_price(figure: Figure) -> bool:
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


def _asks_a_market_price(asked: FigureQuestion) -> bool:
    return bool(_PRICE_ASKED & set(asked.terms))


def _per_share(figure: Figure) -> bool:
    """"445p a share", "a 410p-a-share offer": a price per share, not the whole sum."""
    return (_PER_SHARE.match(figure.sentence, figure.end) is not None
            or _SHARE_WORD in lemmas_of(figure.counted or ""))


def _topic_of(best: CitedFigure, asked: FigureQuestion, contexts: Mapping[int, str]) -> frozenset[str]:
    """The question's words the best figure's report meets besides what it counts: "ferry" and
    "philippine" of "what's the death toll from the philippine ferry now"."""
    told = lemmas_of(f"{best.figure.sentence} {contexts.get(best.source.item_id, '')}")
    counted = lemmas_of(best.figure.counted or "") | _TOLLS | {_TOLL}
    counted |= {asked.head} if asked.head else set()
    return frozenset(t for t in asked.terms if t.isalpha() and meets(t, told) and not meets(t, counted))


def _of_the_topic(cited: CitedFigure, topic: frozenset[str], contexts: Mapping[int, str]) -> bool:
    """Whether a figure's report meets one of the topic's words: a cyclone's toll joins no series
    of a ferry's, however both are worded ("the death toll rose to 14")."""
    if not topic:
        return True
    told = lemmas_of(f"{cited.figure.sentence} {contexts.get(cited.source.item_id, '')}")
    return any(meets(t, told) for t in topic)


def _around_context(cited: CitedFigure, contexts: Mapping[int, str],
                    around: Collection[tuple[int, str]]) -> str:
    """The item's sentences found, for a figure of a sentence the search did not find itself."""
    item = cited.source.item_id
    return contexts.get(item, "") if (item, cited.figure.sentence) in around else ""


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


def countries_asked(question: str) -> frozenset[str]:
    """The countries a question names by their names, however it is typed ("cholera cases in
    mozambique", "how many refugees has ireland taken in"); a nationality ("the Russian gymnast")
    says who, not where."""
    return _one_word(countries_in(question, nationalities=False))


def of_another_country(asked: frozenset[str], sentence: str) -> bool:
    """"How many cholera cases in Mozambique": "Malawi has recorded 230 cases" counts another
    country's; a sentence naming no country by its name, or the one asked (by its name or its
    people's: "under Russian guard"), may still count it."""
    if not asked or not _one_word(countries_in(sentence, nationalities=False)):
        return False
    return not _one_word(countries_in(sentence)) & asked


def _one_word(countries: list[str]) -> frozenset[str]:
    """Countries of one-word names: "the United States" of a sentence may be the country of a
    border the question names ("stuck at the Mexico border"), so two-word names are not read."""
    return frozenset(c.casefold() for c in countries if " " not in c)


def _same_place(where: frozenset[str], text: str) -> bool:
    """One series is about one place: a figure whose sentence names places, none of them the
    best figure's, measures something else (a shooting in one city, a war in a country)."""
    other = places_named(text)
    return not where or not other or bool(where & other)


def _first_of_another_country(best: str, other: str) -> bool:
    """"Malawi has now reported 112 cases … bordering Mozambique" is Malawi's count, not one of
    the series of Mozambique's that the best figure's sentence gives."""
    countries = set(countries_in(best, nationalities=False))
    first = countries_in(other, nationalities=False)[:1]
    return bool(countries) and bool(first) and first[0] not in countries


def _counts_the_head(figure: Figure, asked: FigureQuestion) -> bool:
    """Whether what the figure counts is the question's own noun ("people have fled")."""
    return asked.head is not None and asked.head in _counted_words(figure)


def _counts_a_kind(figure: Figure, asked: FigureQuestion) -> bool:
    """Whether the figure counts a kind of the question's noun instead of it ("children" for
    "people"): a part, where another figure counts the whole."""
    if asked.head is None:
        return False
    counted = _counted_words(figure)
    return asked.head not in counted and bool(kinds_of_lemma(asked.head) & counted)


def _best_supported_figure(candidates: Sequence[CitedFigure], asked: FigureQuestion) -> list[CitedFigure]:
    """When no figure counts what the question names ("how many noms" and "four nominations"),
    the figure of the best-supporting sentence, of the kind asked (a count, a sum, a share),
    most like the question in what it counts, latest first (up to its date, if it has one)."""
    fitting = [c for c in candidates if unit_fits(c.figure.unit, asked.measure)
               and not (asked.much and c.figure.unit is None)
               and (asked.by is None or figure_date(c)[0] <= asked.by)
               and all(has_name(n, c.figure.sentence) for n in asked.names)
               and not small_count(c.figure) and not _counts_people_or_things_instead(c.figure, asked)
               and not _counts_a_rival(c.figure, asked.head) and not _sizes_a_thing(c.figure)
               and (_asks_a_market_price(asked) or not _a_market_price(c.figure))]
    if not fitting:
        return []
    best = max(fitting, key=lambda c: (_counted_overlap(c.figure, asked), figure_date(c)))
    return [best]


def _sizes_a_thing(figure: Figure) -> bool:
    """"A 16-member team flew to Zambia": a count glued to the noun it sizes, which says how big
    the team is, not how many of anything else the question asks about."""
    return figure.unit is None and _GLUED_TO_A_NOUN.match(figure.sentence, figure.end) is not None


_GLUED_TO_A_NOUN = re.compile(r"-(?-i:[a-z]+)\s+(?-i:[a-z]+)")


# "how much damage did the floods do": a sum or a measure, not a bare number ("toll rises to 23")
_HOW_MUCH = re.compile(r"^\s*how\s+much\b", re.IGNORECASE)


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
    counts_people = bool(counted & _PERSONS) or _counts_one_of(figure, _WHAT_HAPPENS_TO_PEOPLE)
    return (asked.head in _PERSONS) != counts_people


def _counted_overlap(figure: Figure, asked: FigureQuestion) -> float:
    counted = lemmas_of(f"{figure.counted or ''} {figure.sentence}")
    return sum(meets(t, counted) for t in asked.terms)


def _fits(cited: CitedFigure, asked: FigureQuestion, context: str = "") -> bool:
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
    if asked.head is not None and not (family_of_lemma(asked.head) & _counted_words(figure)
                                       or _counts_the_event(figure, asked)
                                       or _counts_people(figure, asked, context)
                                       or _measures_the_stuff(figure, asked.head, context)
                                       or _counts_the_goods_named(figure, asked.head)):
        return False
    return all(has_name(name, f"{figure.sentence} {context}") for name in asked.names)


# Nouns a maker's goods are counted in, whatever they are
_GOODS = frozenset(lemma(w) for w in """units vehicles cars suvs trucks vans devices handsets products
appliances machines""".split())


def _counts_the_goods_named(figure: Figure, head: str, counted: set[str] | None = None) -> bool:
    """"How many QuickPot cookers are recalled": "expanded its recall of QuickPot Pro pressure
    cookers to about 2.3 million units" counts the cookers it names before the figure (`counted`:
    the figure's `_counted_words`, when already read)."""
    counted = _counted_words(figure) if counted is None else counted
    return bool(counted & _GOODS) and head in lemmas_of(figure.sentence[:figure.start])


def _counted_as_asked(figure: Figure, asked: FigureQuestion) -> set[str]:
    """What a figure counts, goods counted in units read as the goods its sentence names."""
    counted = _counted_words(figure)
    if asked.head is not None and _counts_the_goods_named(figure, asked.head, counted):
        return (counted - _GOODS) | {asked.head}
    return counted


_STUFF_UNITS = frozenset({"tonne", "ton", "kg", "lb", "pound", "litre", "liter", "gallon", "barrel",
                          "cubic metre", "m3"})


def _measures_the_stuff(figure: Figure, head: str, context: str) -> bool:
    """"How much oil leaked": "is now estimated at 5,500 tonnes" weighs the oil its report names."""
    return figure.unit in _STUFF_UNITS and head in lemmas_of(f"{figure.sentence} {context}")


# Counts an election keeps side by side, whose words share a family ("elected seats", "votes")
_RIVALS = {lemma("vote"): frozenset({lemma("seat")}), lemma("ballot"): frozenset({lemma("seat")}),
           lemma("seat"): frozenset({lemma("vote"), lemma("ballot")})}


def _counts_a_rival(figure: Figure, head: str | None) -> bool:
    """"How many votes": not "won 63 of the 165 directly elected seats" (nor the 63 it won)."""
    rivals = _RIVALS.get(head or "", frozenset())
    counted = _counted_words(figure) | lemmas_of(figure.sentence[figure.end:][:_RIVAL_AFTER])
    return bool(rivals & counted) and head not in counted


_RIVAL_AFTER = 40  # characters after a figure that may name what it counts ("63 of the 165 … seats")
_MAGNITUDE = re.compile(r"\b(?:magnitude|richter)\b", re.IGNORECASE)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of(?:\s+[\w'’]+){1,3}?\s+to)?(?:\s+(?:of|to|at|was|is|as))*"
                               r"[\s-]*$", re.IGNORECASE)
_MAGNITUDE_AFTER = re.compile(r"[\s-]*(?:magnitude\b|on\s+the\s+richter\b)", re.IGNORECASE)


def _given_as_magnitude(figure: Figure) -> bool:
    """"magnitude 6.4", "revises quake magnitude to 6.2", "a 6.2-magnitude quake": not the toll
    of the same quake."""
    sentence = figure.sentence
    return (_MAGNITUDE_BEFORE.search(sentence, 0, figure.start) is not None
            or _MAGNITUDE_AFTER.match(sentence, figure.end) is not None)


_PEOPLE = frozenset(lemma(w) for w in ("people", "person"))
_WHAT_HAPPENS_TO_PEOPLE = frozenset(lemma(w) for w in """displaced evacuated killed dead injured
wounded missing arrested detained rescued infected hospitalised hospitalized homeless toll""".split())


def _counts_people(figure: Figure, asked: FigureQuestion, context: str = "") -> bool:
    """"How many people lost their homes": "nearly 50,000 displaced" counts people by what
    happened to them; "how many miners have died": "the death toll rose to 27", in an item
    that is about miners, counts the miners who died (not so for a kind of people: children)."""
    if asked.head in _PEOPLE:
        return _counts_one_of(figure, _WHAT_HAPPENS_TO_PEOPLE)
    fates = _ones_counted(figure, _WHAT_HAPPENS_TO_PEOPLE) - {_TOLL}
    return (asked.head in _PERSONS and asked.head not in _KINDS_OF_PEOPLE and bool(fates)
            and any(family_of_lemma(term) & fates for term in asked.terms)
            and asked.head in lemmas_of(f"{figure.sentence} {context}"))


def _counts_one_of(figure: Figure, lemmas: frozenset[str]) -> bool:
    """Whether what the figure counts has one of these words, or a word of their families."""
    return bool(_ones_counted(figure, lemmas))


def _ones_counted(figure: Figure, lemmas: frozenset[str]) -> frozenset[str]:
    """Those of these words that what the figure counts has (itself or a word of its family)."""
    counted = _counted_words(figure)
    return frozenset(t for t in lemmas if family_of_lemma(t) & counted or t in counted)


def _counts_the_event(figure: Figure, asked: FigureQuestion) -> bool:
    """"How many Brits did Adele win": "Adele's three wins at the Brit Awards" counts the
    event asked about, and its sentence names what was won."""
    counted = _counted_words(figure)
    return (asked.head is not None and any(family_of_lemma(verb) & counted for verb in asked.verbs)
            and bool(family_of_lemma(asked.head) & lemmas_of(figure.sentence)))


def _asked_for(figure: Figure, asked: Question) -> bool:
    """Whether a figure is the kind of value asked: of the measure asked, counting what is asked."""
    if not unit_fits(figure.unit, asked.measure) or (small_count(figure) and asked.measure is None):
        return False
    if _counts_a_rival(figure, asked.head):
        return False
    about = _counted_words(figure) | lemmas_of(figure.sentence)  # "how many teslas": vehicles of Tesla
    return (asked.head is None or bool(family_of_lemma(asked.head) & about)
            or (asked.head in _PEOPLE
                and (_agents_of(asked, figure) or _counts_the_fate_asked(asked, figure))))


def _counts_the_fate_asked(asked: Question, figure: Figure) -> bool:
    """"How many people have died": "with 15 deaths" counts people by the fate the question's
    verb names."""
    return bool(_ones_counted(figure, _WHAT_HAPPENS_TO_PEOPLE) & set(asked.verbs))


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


_TOTAL_TO = re.compile(_THE_TOTAL + r"(?:\s+of\s+(?P<of>[\w'’ -]{1,40}?))?\s+(?:so\s+far\s+)?to\s+"
                       r"(?:about\s+|around\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+|at\s+least\s+)?$",
                       re.IGNORECASE)
_NOT_ADDED = frozenset((*STOPWORDS, *NOT_CONTENT, *AUXILIARIES,
                        *"more further another additional new".split()))


def _agents_of(asked: Question, figure: Figure) -> bool:
    """"How many people speak Swahili": "200 million speakers" counts the people who do what
    is asked."""
    counted = _counted_words(figure)
    return any(doers_of(term) & counted for term in asked.terms)


def _counted_words(figure: Figure) -> set[str]:
    """Lemmas of what a figure counts: its `counted` words, and when the extractor found none,
    the words right around it in its sentence; a figure a count rose to counts what rose ("the
    number of people killed in floods in northern Italy rose to 21")."""
    told = figure.sentence[:figure.start]
    risen = _RISEN_TO.search(told) or _RAISED_TO.search(told)
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
    return {lemma(w.lower()) for w in (*before, *after)}


def _joined_kin(counted: str) -> set[str]:
    """The words whose family two neighbouring words make when written as one ("dock workers":
    dockworkers, so dockers): a question may ask for the one word."""
    parts = [w.lower() for w in words(counted)]
    return {kin for a, b in itertools.pairwise(parts) if a.isalpha() and b.isalpha()
            for kin in family_of_lemma(lemma(a + b)) if kin != lemma(a + b)}


def in_their_sentences(figures: Sequence[CitedFigure]) -> list[CitedFigure]:
    """The figures with `start` and `end` in their sentence: stored, they are offsets in the
    item's text (the sentence's own only in the title). A sentence's offset in its item is the
    one that puts every figure of it on its written form."""
    offsets: dict[tuple[int, str], set[int]] = {}
    for cited in figures:
        figure = cited.figure
        spots = {figure.start - m.start() for m in re.finditer(re.escape(figure.surface), figure.sentence)
                 if figure.start >= m.start()}
        key = (cited.source.item_id, figure.sentence)
        offsets[key] = offsets[key] & spots if key in offsets else spots
    located = []
    for cited in figures:
        shift = min(offsets[(cited.source.item_id, cited.figure.sentence)], default=0)
        figure = cited.figure
        if shift:
            figure = replace(figure, start=figure.start - shift, end=figure.end - shift)
        located.append(replace(cited, figure=figure) if figure is not cited.figure else cited)
    return located


# (not "and" before a name: "cases in Leicester and Leicestershire have reached 78")
_CLAUSE_START = re.compile(r"\b(?:(?i:as|after|when|while|but|with|since|because)|(?i:and)(?!\s+[A-Z]))\b")


def _revised(figure: Figure) -> bool:
    """"Raises stranded passenger estimate to 92,000", "cut the jobs it plans to axe from 600 to
    420": a revision of a count, which joins its series whatever else its report says."""
    return _RAISED_TO.search(figure.sentence[:figure.start]) is not None


# A count someone revises: "raises stranded passenger estimate to 92,000", "has cut the number of
# jobs it plans to axe from 600 to 420"
_RAISED_TO = re.compile(r"\b(?:raises|raised|raising|lifts|lifted|revises|revised|increases|increased|"
                        r"cuts|cut|lowers|lowered|reduces|reduced|ups|upped)\s+(?:its\s+|the\s+|their\s+)?"
                        r"(?P<what>[^,;:()]{3,60}?)\s+(?:estimate\s+|forecast\s+|figure\s+|count\s+|tally\s+)?"
                        r"(?:from\s+\S+\s+)?to\s+(?:about\s+|around\s+|more\s+than\s+|over\s+|nearly\s+|"
                        r"almost\s+)?$", re.IGNORECASE)
# "Army sent in as death toll reaches 17": what rose is the death toll
_RISEN_TO = re.compile(r"(?P<what>(?:[^,;:()\-–—]|(?<=\w)-(?=\w)){3,80}?)\s+(?:has\s+|had\s+|have\s+)?"
                       r"(?:rose|rises|risen|climbed|climbs|reached|reaches|jumped|jumps|increased|increases|"
                       r"stood|stands|grew|grows|grown|soared|soars|hit|hits|(?:been\s+)?revised(?:\s+(?:up|down)(?:wards)?)?)"
                       r"\s+(?:to\s+|at\s+)?"
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
    counted = _counted_as_asked(figure, asked)  # "2.3 million units" of "QuickPot Pro pressure cookers"
    counted_hits = sum(meets(t, counted) for t in wanted)
    sentence = lemmas_of(f"{figure.sentence} {context}")
    context_hits = sum(meets(t, sentence) for t in wanted)
    told = sentence | _lemmas_of_item(item) if item else sentence  # the item's sentences found cover it too
    coverage = sum(1 for t in wanted if family_of_lemma(t) & told) / len(wanted) if wanted else 0.0
    measured = asked.measure not in (None, MEASURE_COUNT) and unit_fits(figure.unit, asked.measure)
    by_sentence = (asked.head is None and (_is_money(figure) or measured)
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
    """The day a figure is of: the day its sentence gives, unless that is after the report (a
    strike "planned for 22 October" dates no figure of the report), else the report's."""
    published = cited.source.published_at
    as_of = cited.figure.as_of
    return (as_of if as_of is not None and as_of <= published.date() else published.date(), published)


def _figure_headline(latest: CitedFigure, older: Sequence[CitedFigure], now: datetime,
                     others: str = "earlier") -> str:
    figure = latest.figure
    said = figure.source or latest.source.feed_name
    when = figure_date(latest)[0]
    qualifier = f"{figure.qualifier_text} " if figure.qualifier_text else ""
    line = (f"{qualifier}{format_value(figure)} {figure.counted or ''}".strip()
            + f" ({said}, {when:%a %-d %b %Y})")
    if _cumulative(figure) and others == "earlier":  # a toll only grows: a higher earlier count is another
        older = [f for f in older if f.figure.value <= figure.value]
    trend = [f"{format_value(f.figure)} ({_day(figure_date(f)[0], now)})" for f in older[:4]
             if f.figure.value != figure.value]
    if trend:
        line += f" — {others}: " + ", ".join(dict.fromkeys(trend))
    return line


_TOLLS = frozenset(lemma(w) for w in """killed died dead injured wounded fled displaced arrested detained
cases""".split())
# A count of people in a state that lasts, reported again as it changes either way ("18 people still
# missing", then "nine still missing")
_STATES_COUNTED = frozenset(lemma(w) for w in "missing unaccounted".split())


_TOLL = lemma("toll")


def _asks_a_toll(terms: Sequence[str]) -> bool:
    """Whether the question asks a death toll: "die" and "kill" have "toll" in their family,
    "injured" does not."""
    return any(_TOLL in family_of_lemma(term) for term in terms)


def _tolls_of(figure: Figure) -> frozenset[str]:
    """What a running count counts ("killed", "fled"), none for any other figure."""
    return frozenset() if figure.unit is not None else _ones_counted(figure, _TOLLS)


def _cumulative(figure: Figure) -> bool:
    """Whether a figure is a running count (killed, fled, arrested, cases so far): the UN's
    confirmed 227 dead and a rescue service's "more than 2,000" are two counts, not a fall."""
    return bool(_tolls_of(figure))


def _day(when: date, now: datetime) -> str:
    """"2 Mar", or "2 Mar 2021" when it is not this year's."""
    return f"{when:%-d %b}" if when.year == now.year else f"{when:%-d %b %Y}"
