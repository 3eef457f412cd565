"""Figures that are read from words, not from a stored number: an ordinal ("a third patient has
died"), a share in words ("half of"), a match's score, a bowler's wickets and an age."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import timedelta

from digests.models import SentenceHit
from digests.news.answer_types import Answer, AnswerStore, Quote, dont_know
from digests.news.extracts import age_by_name, age_in, ago_in, namesakes_age, number_of
from digests.news.lexicon import lemma
from digests.news.member_phrases import in_news_words
from digests.news.ordinals import OrdinalQuestion, ordinal_in, ordinal_value
from digests.news.question import (
    KIND_FIGURES,
    MEASURE_COUNT,
    MEASURE_DURATION,
    MEASURE_PERCENT,
    Question,
    asks_how_long_ago,
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
    SUPPORTED,
    item_contexts,
    lowercase_names,
    says_it,
    support_in_item,
    whole_items,
)
from digests.news.text import split_sentences
from digests.news.word_matching import meets
from digests.readings import Figure

AGE_ITEMS = 3  # items found naming the person whose other sentences are read for an age


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


def deaths_by_ordinal(sentence: str) -> list[Figure]:
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


def ordinal_count(asked: Question, hits: Sequence[SentenceHit], contexts: Mapping[int, str],
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


def share_in_words(asked: Question, hits: Sequence[SentenceHit], contexts: Mapping[int, str],
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


def answer_score(asked: Question, hits: Sequence[SentenceHit], contexts: Mapping[int, str]) -> Answer | None:
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


async def answer_age(store: AnswerStore, asked: Question, rarity: Mapping[str, float]) -> Answer | None:
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
