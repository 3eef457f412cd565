"""The series that answers a how-many question: the best-supported figure, and the earlier
values of the same measure of the same thing in the same place, never another thing's."""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping, Sequence

from digests.news.asked_names import countries_in
from digests.news.figure_fit import (
    HEDGE,
    PEOPLE_WORDS,
    RAISED_TO,
    TOLL,
    TOLLS,
    FigureQuestion,
    a_market_price,
    asks_a_market_price,
    asks_a_toll,
    counted_as_asked,
    counted_words,
    counts_one_of,
    counts_people_asked,
    counts_the_goods_named,
    figure_date,
    figure_score,
    fits_the_question,
    measures_the_stuff,
    one_within_another,
    ones_counted,
    places_named,
    tolls_of,
)
from digests.news.lexicon import kinds_of_lemma, lemma
from digests.news.question import (
    MEASURE_AREA,
)
from digests.news.text import STOPWORDS
from digests.news.word_matching import lemmas_of, meets
from digests.readings import CitedFigure, Figure

SERIES_MARGIN = 1.5  # figures scoring this close to the best answer read as one series


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
              if fits_the_question(c, asked, contexts.get(c.source.item_id, ""))
              and (asked.by is None or figure_date(c)[0] <= asked.by)]  # "by 28 February"
    scored = [(score, c) for score, c in scored if score > 0]
    if not asks_a_market_price(asked):  # "how much did Kanto offer": not "finished at 261p"
        scored = [(score, c) for score, c in scored if not a_market_price(c.figure)]
    if asked.remaining is not None:  # "lost power": not "23,000 homes still without power"
        scored = [(score, c) for score, c in scored if remaining_count(c.figure) == asked.remaining]
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
    tolls = tolls_of(best.figure)  # a running count is one series however each report words it
    states = frozenset() if best.figure.unit is not None else ones_counted(best.figure, _STATES_COUNTED)
    # its own toll words ("death toll"): a report worded with one of them, not only with a word of
    # their family ("fled" for "displaced"), joins the series when read with its item
    best_counted = counted_words(best.figure)
    # "how many people died": "the death toll rose to 13" counts them, however the best words it
    asked_toll = asks_a_toll(asked.terms)
    toll_words = best_counted & (TOLLS | {TOLL})
    wide = asked.head is None and asked.measure in _ONE_MEASURE
    counted = best_counted - STOPWORDS - PEOPLE_WORDS  # "people sheltering": not "people missing"
    series = [(score, c) for score, c in scored
              if (score >= best_score - (best_score if wide else SERIES_MARGIN)
                  or (asked.latest and (best.figure.unit is not None
                                        or counted & counted_as_asked(c.figure, asked)))
                  or (tolls and score >= best_score / 2 and counts_one_of(c.figure, tolls))
                  or (states and score >= best_score / 2 and counts_one_of(c.figure, states))
                  or (_revised(c.figure)
                      and len(counted & counted_words(c.figure)) >= min(2, len(counted)) > 0)
                  or (asked_toll and score >= best_score / 2 and TOLL in counted_words(c.figure))
                  or (tolls and toll_words & counted_words(c.figure)
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
    pool = [c for score, c in scored if score >= best_score / 2 and c.figure.unit == best.figure.unit
            and _same_place(where, c.figure.sentence)]
    return _one_per_report(_precise_first([c for _, c in ordered], pool))


_CLOSE = 0.1  # how far apart two values of a day may be and still be one value told roughly and exactly
_ROUGHLY = re.compile(r"\b(?:almost|nearly|about|around|some|roughly|approximately|more\s+than|over"
                      r"|up\s+to|at\s+least|an\s+estimated)\s+[£$€]?$", re.IGNORECASE)


def _precise_first(series: list[CitedFigure], pool: Sequence[CitedFigure]) -> list[CitedFigure]:
    """Of the values the latest day gives for one measure (in the series, or as well supported in
    the `pool`), the exact one first: "286 passengers" before "almost 300", a turnout of 45.4%
    before the wire's "45%"."""
    if not series:
        return series
    best = series[0]
    day = figure_date(best)[0]
    rival = max((c for c in (*series[1:], *pool) if c is not best and figure_date(c)[0] == day
                 and abs(c.figure.value - best.figure.value) <= _CLOSE * abs(best.figure.value)
                 and _digits(c.figure.value) > _digits(best.figure.value)
                 and not _ROUGHLY.search(c.figure.sentence, 0, c.figure.start)),
                key=lambda c: _digits(c.figure.value), default=None)
    if rival is None:
        return series
    return [rival, *(c for c in series if c is not rival)]  # (a rival from the pool joins the series)


def _digits(value: float) -> int:
    """Significant digits of a value as written: 45.4 has three, 300 one, 286 three."""
    if value == round(value):
        return len(str(abs(round(value))).rstrip("0")) or 1
    return len(f"{abs(value):.6f}".rstrip("0").replace(".", "").lstrip("0"))


def _counts_what_is_asked(figure: Figure, asked: FigureQuestion, context: str) -> bool:
    """Of figures when one counts the question's own noun: those that count it too ("firefighters",
    not fire engines), people by their fate ("the death toll rose to 23"), or what is asked by
    its weight."""
    return (meets(asked.head or "", counted_words(figure)) > 0 or counts_people_asked(figure, asked, context)
            or measures_the_stuff(figure, asked.head or "", context)
            or counts_the_goods_named(figure, asked.head or ""))


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


_WORD_BEFORE = re.compile(rf"\b(?P<word>[A-Za-z]+)\s+{HEDGE}$")


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
            and counts_one_of(c.figure, tolls) and where & places_named(c.figure.sentence)]


# A measure whose every supported value is one series ("how many hectares has the fire burned":
# 120, 350, 610, then 640), however each report words what grew; a distance or a weight is not
# ("how far is Kharkiv from the border": each report measures from somewhere else)
_ONE_MEASURE = frozenset({MEASURE_AREA})
_MILLION = 1e6
_WORTH = frozenset(lemma(w) for w in "worth value valuation valuing".split())
_EACH = frozenset(lemma(w) for w in "share each per unit".split())
_SHARE_WORD = lemma("share")
_PER_SHARE = re.compile(r"\s*(?:a|per|for\s+each|each)\s+(?:share|unit)\b", re.IGNORECASE)


def _asks_whole_value(asked: FigureQuestion) -> bool:
    """"How much is the offer worth", "what does the bid value the firm at": the whole sum, not a
    price per share."""
    return bool(_WORTH & set(asked.terms)) and not _EACH & set(asked.terms)


def _per_share(figure: Figure) -> bool:
    """"445p a share", "a 410p-a-share offer": a price per share, not the whole sum."""
    return (_PER_SHARE.match(figure.sentence, figure.end) is not None
            or _SHARE_WORD in lemmas_of(figure.counted or ""))


def _topic_of(best: CitedFigure, asked: FigureQuestion, contexts: Mapping[int, str]) -> frozenset[str]:
    """The question's words the best figure's report meets besides what it counts: "ferry" and
    "philippine" of "what's the death toll from the philippine ferry now"."""
    told = lemmas_of(f"{best.figure.sentence} {contexts.get(best.source.item_id, '')}")
    counted = lemmas_of(best.figure.counted or "") | TOLLS | {TOLL}
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


def _same_place(where: frozenset[str], text: str) -> bool:
    """One series is about one place: a figure whose sentence names places, none of them the
    best figure's, measures something else (a shooting in one city, a war in a country)."""
    other = places_named(text)
    return not where or not other or one_within_another(where, other)


def _first_of_another_country(best: str, other: str) -> bool:
    """"Malawi has now reported 112 cases … bordering Mozambique" is Malawi's count, not one of
    the series of Mozambique's that the best figure's sentence gives."""
    countries = set(countries_in(best, nationalities=False))
    first = countries_in(other, nationalities=False)[:1]
    return bool(countries) and bool(first) and first[0] not in countries


def _counts_the_head(figure: Figure, asked: FigureQuestion) -> bool:
    """Whether what the figure counts is the question's own noun ("people have fled")."""
    return asked.head is not None and asked.head in counted_words(figure)


def _counts_a_kind(figure: Figure, asked: FigureQuestion) -> bool:
    """Whether the figure counts a kind of the question's noun instead of it ("children" for
    "people"): a part, where another figure counts the whole."""
    if asked.head is None:
        return False
    counted = counted_words(figure)
    return asked.head not in counted and bool(kinds_of_lemma(asked.head) & counted)


# A count of what is still in a state after an event ("23,000 homes still without power", "the remaining
# 1,900 properties"), against a count of all it befell ("212,000 homes lost power")
_STILL_AFTER = re.compile(r"[^.;:]{0,60}?\b(?:still|remain(?:s|ed|ing)?|(?:are|were|is|was)\s+yet\s+to"
                          r"|left\s+without|waiting\s+to\s+be)\b", re.IGNORECASE)
_STILL_BEFORE = re.compile(r"\b(?:still|remaining|leaving|left)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
_REMAINING_ASKED = re.compile(r"\b(?:still|remain(?:s|ed|ing)?|yet\s+to\s+be|waiting\s+(?:to|for)"
                              r"|currently\s+without)\b", re.IGNORECASE)
_ALL_ASKED = re.compile(r"\b(?:lost|lose|losing|loses|cut\s+off|went\s+(?:off|out|down)|affected|ended\s+up"
                        r"|at\s+some\s+point|in\s+total|altogether|overall|all\s+told)\b", re.IGNORECASE)


def remaining_asked(text: str) -> bool | None:
    """Whether a question asks what is still in a state ("how many are still without power": True),
    all it befell ("how many lost power": False), or does not say (None)."""
    if _REMAINING_ASKED.search(text):
        return True
    return False if _ALL_ASKED.search(text) else None


def remaining_count(figure: Figure) -> bool:
    """Whether a figure counts what is still in a state ("23,000 homes still without power")."""
    return (_STILL_AFTER.match(figure.sentence, figure.end) is not None
            or _STILL_BEFORE.search(figure.sentence, 0, figure.start) is not None)


def _revised(figure: Figure) -> bool:
    """"Raises stranded passenger estimate to 92,000", "cut the jobs it plans to axe from 600 to
    420": a revision of a count, which joins its series whatever else its report says."""
    return RAISED_TO.search(figure.sentence[:figure.start]) is not None


_CHANGED_FROM = re.compile(rf"\bfrom\s+{HEDGE}[£$€]?$", re.IGNORECASE)


def _one_per_report(series: Sequence[CitedFigure]) -> list[CitedFigure]:
    """One figure per item and value: a story repeating its number is one report of it; and one
    per sentence: "140 vehicles, 94 cars and 46 freight units" are parts, not earlier values, unless
    the sentence gives it as what the value changed from ("cut to 3.25% from 3.5%")."""
    kept: dict[tuple[int, float], CitedFigure] = {}
    sentences: set[tuple[int, str]] = set()
    for cited in series:
        sentence = (cited.source.item_id, cited.figure.sentence)
        if sentence not in sentences or _CHANGED_FROM.search(cited.figure.sentence, 0, cited.figure.start):
            kept.setdefault((cited.source.item_id, cited.figure.value), cited)
            sentences.add(sentence)
    return list(kept.values())


# A count of people in a state that lasts, reported again as it changes either way ("18 people still
# missing", then "nine still missing")
_STATES_COUNTED = frozenset(lemma(w) for w in "missing unaccounted".split())
