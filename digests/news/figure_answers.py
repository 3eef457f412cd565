"""Answering "how many / how much" and "how old": the figures that count what is asked, as a
series over time, latest first, with how the value changed.

Here: the entry point, the figures a question rules out (another country's, a conversion, an
increment when the total is asked …) and the answer line. The parts: `figure_fit` (is a figure
what is asked, and how well it answers), `figure_series` (the series of one measure of one
thing) and `worded_figures` (ordinals, shares in words, scores, ages)."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from digests.models import SentenceHit
from digests.news.answer_types import Answer, AnswerStore, Quote, dont_know
from digests.news.asked_names import countries_in
from digests.news.extracts import POSSESSIVE_END
from digests.news.figure_fit import (
    HEDGE,
    MEASURE_UNITS,
    THE_TOTAL,
    FigureQuestion,
    asks_a_toll,
    best_supported_figure,
    cumulative,
    figure_date,
    head_of_its_list,
    is_money,
    of_the_kind_asked,
    place_told_before,
    places_named,
    tolls_of,
)
from digests.news.figure_series import best_series, remaining_asked
from digests.news.figures import format_value
from digests.news.lexicon import family_of_lemma, lemma
from digests.news.member_phrases import in_news_words
from digests.news.question import (
    ASKS_FIRST,
    ASKS_NOW,
    ASKS_REVISED,
    KIND_FIGURES,
    MARGIN_ASKED,
    MEASURE_AGE,
    MEASURE_MONEY,
    Question,
)
from digests.news.sentence_search import SEARCHED, search_terms, searched
from digests.news.support import (
    RAREST_SUPPORTED,
    SUPPORTED,
    asks_a_final_count,
    has_rarest_word,
    lowercase_names,
    name_within,
    only_forecast,
    says_final,
    says_it,
    support_in_item,
    whole_items,
)
from digests.news.text import STOPWORDS, split_sentences, words
from digests.news.word_matching import lemmas_of, meets
from digests.news.worded_figures import (
    answer_age,
    answer_score,
    deaths_by_ordinal,
    ordinal_count,
    share_in_words,
)
from digests.readings import CitedFigure, Figure

FIGURE_HITS = 200  # sentences whose figures are read for a number


def figure_question(asked: Question) -> FigureQuestion:
    # "Nova Scotia's Western Zone": the zone is named, the province only says where it is
    names = tuple(n for n in asked.names if name_within(asked.text, n) is None)
    return FigureQuestion(asked.terms, asked.head, names, _expected_units(asked), asked.by,
                          asked.measure, asked.verbs,
                          bool(ASKS_NOW.search(asked.text) or ASKS_REVISED.search(asked.text)),
                          _HOW_MUCH.match(in_news_words(asked.text)) is not None,
                          _MAGNITUDE.search(asked.text) is not None, remaining_asked(asked.text))


async def answer_figures(store: AnswerStore, asked: Question, now: datetime,
                          rarity: Mapping[str, float]) -> Answer:
    """"How many / how much": the series of figures that count what is asked, latest first;
    "how old": the age a supported sentence gives, else a figure like any other."""
    if not asked.terms:
        return dont_know(asked.text, KIND_FIGURES)
    if asked.measure == MEASURE_AGE:
        aged = await answer_age(store, asked, rarity)
        if aged is not None:
            return aged
    first = ASKS_FIRST.search(asked.text)
    if first is not None:  # "according to the first reports": which value, not what a sentence says
        said_first = {lemma(w.lower()) for w in words(first.group())} & _FIRST_WORDS
        asked = replace(asked, terms=tuple(t for t in asked.terms if t not in said_first))
    margin_asked = _A_MARGIN_ASKED.search(asked.text) is not None
    turnout_asked = _TURNOUT_ASKED.search(in_news_words(asked.text)) is not None  # "what % actually voted"
    share_asked = _SHARE_OF_PEOPLE.search(asked.text) is not None
    if margin_asked and (unworded := tuple(t for t in asked.terms if t not in _MARGIN_TERMS)):
        asked = replace(asked, terms=unworded)  # "winning margin": "won by 9,870 votes"
    wanted = figure_question(asked)
    hits = await searched(store, search_terms(asked, rarity), FIGURE_HITS)
    quoted = {(h.source.item_id, h.text) for h in hits}
    found = in_their_sentences(await store.figures_of_sentences(quoted))
    if asks_a_toll(asked.terms):  # "a third person has died": 3
        found += [CitedFigure(figure, hit.source) for hit in hits for figure in deaths_by_ordinal(hit.text)]
    named = lowercase_names(asked, {h.text for h in hits[:SEARCHED]}, rarity)
    contexts, _ = await whole_items(store, hits)
    judged: dict[tuple[str, str, bool, int], float] = {}  # a wire story's copies are judged once

    def supported(c: CitedFigure) -> float:
        context = contexts.get(c.source.item_id, c.figure.sentence)
        asked_for = of_the_kind_asked(c.figure, asked)
        key = (c.figure.sentence, context, asked_for, c.source.published_at.year)
        if key not in judged:
            said = (says_it(asked, c.figure.sentence, c.source.published_at.date(), events=False)
                    and _says_the_event(asked, c.figure.sentence))
            judged[key] = (support_in_item(asked, c.figure.sentence, context, rarity, named, asked_for)
                           if said else 0.0)
        return judged[key]

    countries = countries_asked(asked.text)
    places_asked = _places_asked(asked)
    asked_words = {w.casefold() for w in words(asked.text)}
    listed = _parts_listed(found)
    time_asked = _time_asked(asked)

    def kept(figures: Sequence[CitedFigure], least: float = SUPPORTED) -> list[CitedFigure]:
        return [c for c in figures if (score := supported(c)) >= least
                and not _a_part_not_asked(asked, listed.get((c.figure.sentence, c.figure.start)))
                and not of_another_country(countries, c.figure.sentence)
                and not _counted_in_another_country(countries, c.figure)
                and not _counted_with_places_not_asked(places_asked, asked_words, c.figure.sentence)
                and not _restated_for_other_places(places_asked, asked_words, c.figure,
                                                   contexts.get(c.source.item_id, ""))
                and (score >= SUPPORTED or has_rarest_word(asked, c.figure.sentence, rarity, named))
                and same_fate(asked, c.figure.counted) and same_fate(asked, _verb_before(c.figure))
                and same_fate(asked, " ".join(tolls_of(c.figure)))
                and not given_by_question(asked, c.figure) and not _changed_from(c.figure)
                and not _added_to_a_total(c.figure)
                and not (_an_increment(c.figure) and not _INCREMENT_ASKED.search(asked.text))
                and not only_forecast(asked, c.figure.sentence, c.figure.start, c.figure.end)
                and not (asked.measure == MEASURE_AGE and _SPAN_SINCE.match(c.figure.sentence, c.figure.end))
                and not (_a_rate_of_time(c.figure) and not _RATE_ASKED.search(asked.text))
                and not (_the_whole_of_a_part(c.figure) and not _WHOLE_ASKED.search(asked.text))
                and _in_the_time_asked(c.figure, time_asked)
                and not (_a_maximum_faced(c.figure) and not _MAXIMUM_ASKED.search(asked.text))
                and not (_a_margin(c.figure) and not margin_asked)
                and not (_a_turnout(c.figure) and not turnout_asked)
                and not (share_asked and _A_CHANGE.search(c.figure.counted or ""))]

    scored = answer_score(asked, hits, contexts)
    if scored is not None:
        return scored
    candidates = _in_the_currency_asked(_without_conversions(kept(found), asked), asked)
    candidates = _told_by_the_one_asked(candidates, asked.text) or candidates
    candidates = _placed_where_its_item_places_them(candidates, places_asked)
    candidates = _named_in_its_list(candidates, asked.text)
    candidates = _done_as_asked(candidates, asked)
    if _PEAK_ASKED.search(asked.text):  # "at its peak, how many homes lost power": "peaked at 212,000"
        candidates = [c for c in candidates if _PEAK_SAID.search(c.figure.sentence)] or candidates
    if margin_asked:  # "by how many did india win": "a 64-run win", "won by 64 runs"
        candidates = [c for c in candidates if _a_margin(c.figure)] or candidates
    if _WHOLE_ASKED.search(asked.text) or not places_asked:  # "how many altogether": not "18,300
        asked_places = places_named(asked.text.title())  # of them sold in Canada"
        candidates = [c for c in candidates if not _a_part_by_place(c.figure, asked_places)] or candidates
    series = best_series(candidates, wanted, contexts) or best_supported_figure(candidates, wanted)
    if not series:  # no sentence found gives it: the best items' other sentences may
        around = kept(await _figures_around(store, hits, _places_of(found)))
        series = best_series(around, wanted, contexts, _places_of(around))
    if not series:  # none well supported: one that has the question's most telling word
        candidates = _placed_where_its_item_places_them(kept(found, RAREST_SUPPORTED), places_asked)
        series = best_series(candidates, wanted, contexts) or best_supported_figure(candidates, wanted)
    if not series:
        counted = ordinal_count(asked, hits, contexts, rarity, named) or share_in_words(
            asked, hits, contexts, rarity, named)
        return counted or dont_know(asked.text, KIND_FIGURES)
    one_off = _ONE_OFF.search(f"{asked.text} {series[0].figure.sentence}") is not None
    if asks_a_final_count(asked) and not _settled(series[0], found, one_off):
        return dont_know(asked.text, KIND_FIGURES)  # "the final death toll": not one still rising
    if _untold_since(asked, hits, contexts, rarity, named, series[0]):
        return dont_know(asked.text, KIND_FIGURES)
    series = [_told_exactly(series[0], found), *series[1:]]
    if len(series) > 1 and not wanted.latest and first is not None:
        series = _first_then_later(series)
        headline = _figure_headline(series[0], series[1:], now, "later")
    else:
        headline = _figure_headline(series[0], series[1:], now)
    quotes = tuple(Quote(f.figure.sentence, f.source) for f in series[:3])
    return Answer(asked.text, KIND_FIGURES, True, headline, quotes,
                  tuple(f.figure.value for f in series))


_PEAK_ASKED = re.compile(r"\b(?:at\s+(?:its|the|their)\s+(?:peak|height|worst|highest)|peak(?:ed)?)\b",
                         re.IGNORECASE)
_PEAK_SAID = re.compile(r"\b(?:peak|peaks|peaked|at\s+(?:its|the|their)\s+(?:height|worst|highest))\b",
                        re.IGNORECASE)
# "a 64-run win", "won by 64 runs", "beat them by three wickets", "a 5-point lead"
_MARGIN_UNITS = r"runs?|wickets?|points?|goals?|strokes?|shots?|votes?|seats?"
_MARGIN_AFTER = re.compile(rf"-?\s*(?:[a-z]+-)?(?:{_MARGIN_UNITS})?[-\s]*"
                           r"(?:win|victory|defeat|loss|lead|margin|majority)\b", re.IGNORECASE)
_BY_BEFORE = re.compile(r"\b(?:won|win|wins|winning|beat|beats|beating|lost|lose|loses|losing|led|leads"
                        r"|leading|trail|trails|trailed|victory|defeat|defeated|takes|took|taking|gains|gained|holds|held"
                        r"|retains|retained|edged|edges|clinched|snatched)\b[^.;:]{0,40}?\bby\s+"
                        r"(?:just\s+|only\s+|a\s+mere\s+|some\s+|about\s+|around\s+|nearly\s+|almost\s+"
                        r"|more\s+than\s+|fewer\s+than\s+|less\s+than\s+)?$"
                        r"|\b(?:margin|majority)\b[^.;:]{0,40}?\b(?:to|of|at|from)\s+$",
                        re.IGNORECASE)  # "her margin narrows to 19"


def _told_exactly(bound: CitedFigure, found: Sequence[CitedFigure]) -> CitedFigure:
    """A headline's "More than 1,200 get shots" over its body's "Some 1,240 people were
    vaccinated": the figure its own report gives more exactly, within the bound it tells."""
    if bound.figure.qualifier not in _BOUNDED:
        return bound
    low, high = _BOUNDED[bound.figure.qualifier]
    value = bound.figure.value
    closer = [c for c in found if c.source.item_id == bound.source.item_id
              and c.figure.unit == bound.figure.unit and c.figure.qualifier not in _BOUNDED
              and c.figure.value != value and value * low <= c.figure.value <= value * high]
    return closer[0] if closer else bound


_BOUNDED = {"lower_bound": (1.0, 1.25), "upper_bound": (0.8, 1.0)}  # how far an exact value may lie


# "how many votes did Labour get": not "a majority of 3,412 over Labour" (a margin is asked by
# "by how many", "won by", "the margin", "the majority", "the lead", "wickets in hand")
_MARGIN_TERMS = frozenset(lemma(w) for w in "margin majority".split())
_A_MARGIN_ASKED = re.compile(MARGIN_ASKED.pattern + r"|\b(?:margin|majority|lead|ahead|gap|difference)\b"
                             r"|\b(?:win|won|wins|beat|beats|lose|lost|loses)\b.*\bby\b(?!-)|\bin\s+hand\b|\bto\s+spare\b",
                             re.IGNORECASE)


# "voted by 88 per cent in favour, on a turnout of 67 per cent": the share that voted at all is
# asked by "turnout", "voted at all", "took part", "cast a ballot"
_TURNOUT_BEFORE = re.compile(r"\bturnout\b(?:\s+(?:was|of|at|stood\s+at|reached|rose\s+to|fell\s+to))?\s+"
                             r"(?:(?:about|around|just|nearly|almost|over|under|some)\s+)?$", re.IGNORECASE)
_TURNOUT_ASKED = re.compile(r"\bturnout\b|\bvoted\s+at\s+all\b|\b(?:took|take|taking)\s+part\b"
                            r"|\bcast\s+(?:a\s+)?(?:ballot|vote)s?\b|\bbothered\s+to\s+vote\b|\bturned\s+out\b",
                            re.IGNORECASE)


# "what share of UAW members voted": a share of people, not "a 14 percent pay raise"
_SHARE_OF_PEOPLE = re.compile(r"\b(?:share|percentage|proportion|per\s*cent|percent|%)\s+of\s+(?:the\s+)?"
                              r"(?:[\w'’-]+\s+){0,3}?(?:members|people|voters|workers|staff|residents|adults|"
                              r"respondents|students|pupils|households|employees|conductors|drivers|nurses)\b",
                              re.IGNORECASE)
_A_CHANGE = re.compile(r"\b(?:raise|rise|increase|cut|fall|drop|growth|discount|stake|premium|interest|rate|"
                       r"tax|hike|gain|decline|pay)\b", re.IGNORECASE)


def _a_turnout(figure: Figure) -> bool:
    """A share that voted at all ("on a turnout of 67 per cent"), not the share that voted for."""
    return _TURNOUT_BEFORE.search(figure.sentence, max(0, figure.start - 40), figure.start) is not None


def _a_margin(figure: Figure) -> bool:
    """A figure that is a win's or a lead's margin ("a 64-run win", "won by 64 runs")."""
    return (_MARGIN_AFTER.match(figure.sentence, figure.end) is not None
            or _BY_BEFORE.search(figure.sentence, max(0, figure.start - 60), figure.start) is not None)


def _first_then_later(series: Sequence[CitedFigure]) -> list[CitedFigure]:
    """A series (latest first) read from its first value on; a toll only grows, so a count above
    the latest is another count."""
    latest = series[0].figure
    later = [c for c in series[:-1][::-1] if not cumulative(latest) or c.figure.value <= latest.value]
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


def _done_as_asked(figures: list[CitedFigure], asked: Question) -> list[CitedFigure]:
    """Of a sentence's figures of one unit, the one the question's own verb is done to ("how much
    did Greyfriars raise": "prices float at 310p, raises £480m" raised £480m); other sentences'
    figures stay."""
    asked_words = set(asked.terms)

    def done(c: CitedFigure) -> bool:
        verb = _verb_match(c.figure)
        return (verb is not None and meets(lemma(verb.group("verb").lower()), asked_words) > 0
                and not _ANOTHERS_CLAUSE.search(c.figure.sentence, 0, verb.start()))  # "…, which closed"

    chosen = {(c.figure.sentence, c.figure.unit) for c in figures if done(c)}
    return [c for c in figures if (c.figure.sentence, c.figure.unit) not in chosen or done(c)]


_ANOTHERS_CLAUSE = re.compile(r"\b(?:which|who|that|whose)\s+$", re.IGNORECASE)


def _settled(latest: CitedFigure, found: Sequence[CitedFigure], one_off: bool) -> bool:
    """Whether a count has stopped changing: a report calls it final, reports of two days or
    more give it ("the death toll rose to 44" on Friday, "the quake killed 44 people" on
    Saturday), or, of an event that is over (a quake, a storm: `one_off`), the latest report
    gives it as a count, not a floor ("at least 9 people")."""
    same = [c for c in found if c.figure.value == latest.figure.value and c.figure.unit == latest.figure.unit]
    return (any(says_final(c.figure.sentence) for c in same)
            or len({c.source.published_at.date() for c in same}) > 1
            or (one_off and not _A_FLOOR.search(latest.figure.sentence[max(0, latest.figure.start - 25):
                                                          latest.figure.end])))


# An event that is over once it has happened: its final toll is its last count (a war's is not)
_ONE_OFF = re.compile(r"\b(?:earthquake|quake|storm|fire|blaze|wildfire|bushfire|crash|explosion|blast|flood"
                      r"|floods|collapse|shooting|attack|derailment|sinking|capsizing|cyclone|hurricane|typhoon"
                      r"|tornado|landslide|avalanche|eruption|stampede|hack|breach|tsunami|mudslide|heatwave)\b",
                      re.IGNORECASE)
# "more than 200 civilians", "at least 9 people": a count still known only as a floor
_A_FLOOR = re.compile(r"\b(?:at\s+least|more\s+than|over|upwards\s+of|in\s+excess\s+of)\s+\d", re.IGNORECASE)


def _placed_where_its_item_places_them(figures: list[CitedFigure],
                                      places: frozenset[str]) -> list[CitedFigure]:
    """An item that gives a count in the place asked ("48,000 homes had lost supply in Cumbria")
    answers with that one, not with its total ("212,000 homes without power and driver killed in
    Cumbria"), when both count the same thing; other items' figures stay, for the series."""
    def kind(c: CitedFigure) -> tuple[int, str | None, str | None]:
        counted = words(c.figure.counted or head_of_its_list(c.figure) or "")
        first = lemma(counted[0].lower()) if counted else None  # its family: "homes", "properties"
        return c.source.item_id, c.figure.unit, min(family_of_lemma(first) or {first}) if first else None

    kinds = {id(c): kind(c) for c in figures}
    placed = {kinds[id(c)] for c in figures if kinds[id(c)][2] and _placed_in(c.figure, places)}
    return [c for c in figures if kinds[id(c)] not in placed or _placed_in(c.figure, places)]


def _placed_in(figure: Figure, places: frozenset[str]) -> bool:
    """Whether the figure's own clause says it was counted in a place asked ("48,000 homes had
    lost supply in Cumbria, 37,000 in north Wales"), not only its sentence ("212,000 homes without
    power and driver killed in Cumbria")."""
    clause = _CLAUSE_END.split(figure.sentence[figure.end:figure.end + _CLAUSE_AFTER], maxsplit=1)[0]
    before = place_told_before(figure)  # a list's "followed by Wales on 40,000"
    return (any(found.group(1).casefold() in places for found in _IN_A_PLACE.finditer(clause))
            or (before is not None and before.casefold() in places))


_CLAUSE_END = re.compile(r"[,;:()]|\band\b|\bafter\b|\bas\b")
_IN_A_PLACE = re.compile(r"\b(?:in|across|throughout|at)\s+(?:the\s+)?([A-Z][\w-]+)(?![\w'’])")


def _counted_in_another_country(countries: frozenset[str], figure: Figure) -> bool:
    """"Vietnam moved 54,000 people as Tamarong, which killed 17 people in the Philippines last
    week, approached": the 17 were killed in another country than the one asked about."""
    if not countries:
        return False
    placed = _placed_after(figure)
    said = {c.casefold() for c in countries_in(placed, nationalities=False)} if placed else set()
    return bool(said) and not said & {c.casefold() for c in countries}


def _places_asked(asked: Question) -> frozenset[str]:
    """The words a question puts after "in", "at" or "across", however typed ("homes in wales",
    "deaths in Kananga"), casefolded: the places what it counts is counted in. Not the place of
    another thing it names ("homes that lost power after the substation fault in Mickleover")."""
    places = set()
    for found in _AFTER_IN.finditer(asked.text):
        place = POSSESSIVE_END.sub("", found.group(2).casefold())
        other = found.group(1)
        if (place not in STOPWORDS and place not in _NO_PLACES
                and (other is None or lemma(other.lower()) == asked.head)):
            places.add(place)
    return frozenset(places)


# what follows "in" without being a place: "still in the dark", "in total", "in charge"
_NO_PLACES = frozenset("dark total charge person public custody advance full general particular time".split())
_AFTER_IN = re.compile(r"(?:\bthe\s+(?:[\w-]+\s+)?([\w-]+)\s+)?\b(?:in|at|across)\s+(?:the\s+)?"
                       r"(?:(?:county|district|province|state|city|town|village)\s+(?:of\s+)?)?([\w'’-]+)",
                       re.IGNORECASE)
_NAME = (r"(?:(?:north|south|east|west|central|mid|inner|outer|rural|coastal)[\w-]*\s+)?"  # "west Cornwall"
         r"[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
_LISTED_NAMES = re.compile(rf"{_NAME}(?:\s*,\s*{_NAME})*\s*,?\s+and\s+{_NAME}")


def _counted_with_places_not_asked(places: frozenset[str], asked_words: set[str], sentence: str) -> bool:
    """Whether the sentence names the place asked only beside others the question does not name
    ("130,000 homes across south-west England and Wales", "rain lashed Tirunelveli and Thoothukudi
    districts"): its figure counts them together, not the one place asked about. A place that
    owns the names listed ("Kenya's Dadaab and Kakuma camps") is not one of them."""
    if not places:
        return False
    for listed in _LISTED_NAMES.finditer(sentence):
        named = {w.casefold() for w in words(listed.group()) if not POSSESSIVE_END.search(w)} - {"and"}
        if named & places and named - asked_words:
            return True
    return False


def _restated_for_other_places(places: frozenset[str], asked_words: set[str], figure: Figure,
                               context: str) -> bool:
    """Whether a figure whose sentence names no place asked ("Storm Perrin: 61,000 homes lose
    power") is told again in its item as the total of places listed together ("About 61,000 homes
    were without power, most of them in Yorkshire and the East Midlands"), none of them the one
    asked about, or the one asked among others."""
    number = _DIGITS.search(figure.surface)
    if not places or number is None or places & _place_words(figure.sentence):
        return False
    again = re.compile(rf"(?<![\d.,]){re.escape(number.group())}(?![\d])")
    if not again.search(context.replace(figure.sentence, " ")):
        return False  # (most figures are told once: the item is not split for them)
    for sentence in split_sentences(context):
        told = sentence.text
        if told == figure.sentence or not again.search(told):
            continue
        if _counted_with_places_not_asked(places, asked_words, told):
            return True
        if _IN_PLACES_LISTED.search(told) and not places & _place_words(told):
            return True
    return False


def _place_words(text: str) -> set[str]:
    return {POSSESSIVE_END.sub("", w.casefold()) for w in words(text)}


_DIGITS = re.compile(r"\d[\d,.]*\d|\d")
_IN_PLACES_LISTED = re.compile(rf"\b(?:in|across|throughout)\s+(?:the\s+)?{_NAME}"
                               rf"(?:\s*,\s*(?:the\s+)?{_NAME})*\s*,?\s+and\s+(?:the\s+)?{_NAME}")


def _placed_after(figure: Figure) -> str | None:
    """The place a figure's clause says it was counted in ("17 people in the Philippines")."""
    clause = re.split(r"[,;:()]", figure.sentence[figure.end:figure.end + _CLAUSE_AFTER], maxsplit=1)[0]
    placed = _IN_A_COUNTRY_AFTER.search(clause)
    return placed.group(1) if placed else None


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
    sums = [c for c in figures if is_money(c.figure)]
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


def _a_maximum_faced(figure: Figure) -> bool:
    """"faces up to 10 years in prison", "carries a maximum of 20 years", "faces 14 years": what a
    court may give, not what it gave (though "faces a £61m shortfall" is a sum)."""
    before = figure.sentence[max(0, figure.start - 40):figure.start]
    return _UP_TO_A_MAXIMUM.search(before) is not None or (
        figure.unit in _TERMS and _FACES.search(before) is not None)


_MAXIMUM = r"(?:(?:maximum|max)\s+(?:(?:jail\s+|prison\s+)?(?:sentence|term|penalty)\s+)?of|up\s+to)\s+"
_UP_TO_A_MAXIMUM = re.compile(rf"\b(?:fac(?:e|es|ed|ing)|carr(?:y|ies|ied|ying))\s+(?:a\s+)?{_MAXIMUM}$"
                              r"|\bmaximum\s+(?:(?:jail\s+|prison\s+)?(?:sentence|term|penalty)\s+)?of\s+$",
                              re.IGNORECASE)
_FACES = re.compile(r"\bfac(?:e|es|ed|ing)\s+$", re.IGNORECASE)
_TERMS = frozenset({"year", "month", "week", "day"})
_MAXIMUM_ASKED = re.compile(r"\b(?:max(?:imum)?|face|faces|facing|could|might|may|up\s+to)\b", re.IGNORECASE)


def _time_asked(asked: Question) -> int | None:
    """Where the unit of time a question asks in ("how many years") stands in `_TIME_ORDER`."""
    unit = _TIME_ASKED.search(in_news_words(asked.text))  # a member's "yrs", "hrs", "wks" spelt out
    return None if unit is None else _TIME_ORDER.index(unit.group(1).casefold().removesuffix("s"))


def _in_the_time_asked(figure: Figure, asked_at: int | None) -> bool:
    """"How many years did she get": not the "just over 19 hours" the jury took. A span in the
    unit asked or the next one ("18 months" for years, "two weeks" for days) may answer; one
    further off is a span of something else."""
    return (asked_at is None or figure.unit not in _TIME_ORDER
            or abs(_TIME_ORDER.index(figure.unit) - asked_at) <= 1)


_TIME_ORDER = ("second", "minute", "hour", "day", "week", "month", "year", "decade")
_TIME_ASKED = re.compile(r"\bhow\s+many\s+(seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?)\b",
                         re.IGNORECASE)


def _added_to_a_total(figure: Figure) -> bool:
    """"three new cases, bringing the outbreak total to 34": three were added; 34 is the count."""
    return (_NEW_ONES.match(figure.counted or "") is not None
            and _TOTAL_AFTER.search(figure.sentence, figure.end) is not None)


_NEW_ONES = re.compile(r"\s*(?:new|more|additional|further|extra)\b", re.IGNORECASE)
_TOTAL_AFTER = re.compile(THE_TOTAL + r"\b", re.IGNORECASE)


# "an extra £280m", "state pension up £9.90", "an increase of £9.90": what was added
_EXTRA_BEFORE = re.compile(r"\b(?:(?:an?\s+)?(?:extra|additional|further)|up|down"
                           r"|an\s+(?:increase|rise|cut)\s+of)\s+(?:about\s+|around\s+|nearly\s+)?$",
                           re.IGNORECASE)
_INCREMENT_ASKED = re.compile(r"\b(?:extra|additional|further|more|added|increase\w*|rise|rises|rose|risen"
                              r"|raise|sweeten\w*|top\s+up|up|down|gain\w*|gr[eo]w\w*|jump\w*|climb\w*|f[ae]ll\w*"
                              r"|drop\w*|los[te]\w*|cut|decrease\w*|lower|higher)\b", re.IGNORECASE)


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
    "case infect infection sicken sickened ill illness", "live population",
    "vaccinate vaccination jab inoculate immunise immunize"))
# a town's people, counted as its residents ("a city of 300,000 people"), not as any group in it
_LIVING_ASKED = re.compile(r"\b(?:live|lives|lived|living)\s+(?:in|on|at|there|here|near)\b"
                           r"|\b(?:population|residents|inhabitants)\b", re.IGNORECASE)
# those a place has, not what befell some of them ("how many people work at its Halifax factory",
# "how many workers are at the mine")
_STAYING_ASKED = re.compile(r"\b(?:work|works|working|employed)\s+(?:at|in|for|on)\b|\bemploys?\b"
                            r"|^\s*how\s+many\s+[\w'’-]+\s+(?:are|were)\s+(?:there\s+)?(?:at|on)\b",
                            re.IGNORECASE)
# "how many Indian nationals living in Arequipa were confirmed safe": who they are, not what is asked
_LIVING_QUALIFIES = re.compile(r"\bliving\s+(?:in|on|at|near)\b.*\b(?:were|are|was|is|have|has|had)\s+\w+",
                               re.IGNORECASE)
# What a figure's counted words say was done to it: "homes are lifted", "firefighters were called"
_DONE = re.compile(r"\b(?:are|were|is|was|been|being)\s+[a-z]+(?:ed|en|t)\b")
# ... or with no auxiliary: "48,000 people vaccinated", "150 people attended" (not "confirmed cases")
_DONE_TO = re.compile(r"^\s*(?:[a-z]+\s+){1,2}(?!(?:confirmed|reported|estimated|registered|recorded|"
                      r"suspected|known|related|linked)\b)[a-z]{3,}ed\b")


_VERB_BEFORE = re.compile(rf"\b(?P<verb>[a-z]+ing|[a-z]{{3,}}ed|[a-z]{{3,}}s)\s+{HEDGE}$")  # "injures three"


def _verb_before(figure: Figure) -> str | None:
    """The verb a figure is the object of ("killing at least eight people"): what was done to
    what it counts, when its counted words do not say."""
    found = _verb_match(figure)
    return found.group("verb") if found else None


def _verb_match(figure: Figure) -> re.Match[str] | None:
    return _VERB_BEFORE.search(figure.sentence, max(0, figure.start - 40), figure.start)


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
    if said and not asked_fates and (_LIVING_ASKED.search(asked.text) or _STAYING_ASKED.search(asked.text)):
        return False  # "how many workers are at the mine": not "three employees injured"
    return not asked_fates or not said or bool(asked_fates & said)


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


def _a_part_by_place(figure: Figure, asked_places: frozenset[str]) -> bool:
    """Whether a figure counts only what is in a place the question does not name ("18,300
    Tallis SUVs sold in Canada", "18,000 Canadian SUVs")."""
    places = places_named(f"{_placed_after(figure) or ''} {figure.counted or ''}")
    return bool(places) and not places & asked_places


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


_LIST_BREAK = re.compile(r",\s+|;\s+|\s+and\s+")
_NAME_WORD = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][\w'’&-]*")


def _named_in_its_list(candidates: Sequence[CitedFigure], question: str) -> list[CitedFigure]:
    """Of a sentence that lists counts by name ("Harwood Park Elementary has 8 cases, Severn
    Landing Middle 6 and Crofton Ridge High 4"), the counts whose own names the question gives
    ("how many cases at severn landing middle": 6); other sentences' counts are kept."""
    asked = {w.casefold() for w in words(question)}
    by_sentence: dict[tuple[str, str | None, str | None], list[CitedFigure]] = {}
    for c in candidates:  # a list counts one thing in one unit
        by_sentence.setdefault((c.figure.sentence, c.figure.unit, c.figure.counted), []).append(c)
    dropped: set[int] = set()
    for (sentence, _, _), found in by_sentence.items():
        if len(found) < 2:
            continue
        names = {id(c): _element_names(sentence, c.figure.start) for c in found}
        if not all(names.values()):
            continue  # "raises offer to 438p, valuing group at £1.43bn": no list of named counts
        named = [c for c in found if names[id(c)] <= asked]
        if named and len(named) < len(found):
            dropped.update(id(c) for c in found if c not in named)
    return [c for c in candidates if id(c) not in dropped]


def _element_names(sentence: str, at: int) -> set[str]:
    """The capitalised words of the part of a listing sentence that holds position `at`."""
    start, end = 0, len(sentence)
    for found in _LIST_BREAK.finditer(sentence):
        if found.end() <= at:
            start = found.end()
        elif found.start() > at:
            end = found.start()
            break
    return {m.group().casefold() for m in _NAME_WORD.finditer(sentence[start:end]) if start or m.start()}


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


def countries_asked(question: str) -> frozenset[str]:
    """The countries a question names by their names, however it is typed ("cholera cases in
    mozambique", "how many refugees has ireland taken in"); a nationality ("the Russian gymnast")
    says who, not where."""
    return _one_word(countries_in(_FIXTURE.sub(" ", question), nationalities=False))


# "the third Test between West Indies and India", "england v wales": sides, not where it is played
_FIXTURE = re.compile(r"\bbetween\s+(?:the\s+)?[\w'’ -]+?\s+and\s+[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?"
                      r"|[\w'’-]+(?:\s+(?-i:[A-Z])[\w'’-]+)?\s+(?:v|vs|versus)\.?\s+[\w'’-]+"
                      r"(?:\s+(?-i:[A-Z])[\w'’-]+)?", re.IGNORECASE)


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


# "how much damage did the floods do": a sum or a measure, not a bare number ("toll rises to 23")
_HOW_MUCH = re.compile(r"^\s*how\s+much\b", re.IGNORECASE)


_MAGNITUDE = re.compile(r"\b(?:magnitude|richter)\b", re.IGNORECASE)


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


def _expected_units(asked: Question) -> frozenset[str | None] | None:
    if asked.measure == MEASURE_MONEY or asked.measure is None:
        return None  # any currency (checked by `unit_fits`), or any unit at all
    return MEASURE_UNITS.get(asked.measure)


def _figure_headline(latest: CitedFigure, older: Sequence[CitedFigure], now: datetime,
                     others: str = "earlier") -> str:
    figure = latest.figure
    said = figure.source or latest.source.feed_name
    when = figure_date(latest)[0]
    qualifier = f"{figure.qualifier_text} " if figure.qualifier_text else ""
    line = (f"{qualifier}{format_value(figure)} {figure.counted or ''}".strip()
            + f" ({said}, {when:%a %-d %b %Y})")
    if cumulative(figure) and others == "earlier":  # a toll only grows: a higher earlier count is another
        older = [f for f in older if f.figure.value <= figure.value]
    trend = [f"{format_value(f.figure)} ({_day(figure_date(f)[0], now)})" for f in older[:4]
             if f.figure.value != figure.value]
    if trend:
        line += f" — {others}: " + ", ".join(dict.fromkeys(trend))
    return line


def _day(when: date, now: datetime) -> str:
    """"2 Mar", or "2 Mar 2021" when it is not this year's."""
    return f"{when:%-d %b}" if when.year == now.year else f"{when:%-d %b %Y}"
