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

Here: the entry point, and the choice of the sentence that answers and of what leads its line.
The parts: `answer_types` (Answer, Quote, AnswerStore), `sentence_search`, `word_matching`,
`support` (does a sentence answer), `extracts` (the place, name, day or age a sentence gives),
`place_answers` (where), `date_answers` (when), `name_answers` (which, whose), `what_answers`
(what a sentence tells: a cause, a kind, what follows the question's words), `figure_answers`
(how many, how much, how old) and `person_answers` (who is, who holds a post).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime

from digests.models import SentenceHit
from digests.news.answer_types import DONT_KNOW, Answer, AnswerStore, Quote, dont_know
from digests.news.asked_names import (
    COUNTRY,
    NAME,
    names_one,
    wanted,
)
from digests.news.date_answers import (
    NO_DATE_YET,
    SINCE_ASKED,
    as_planned_now,
    begins_after,
    called_off,
    date_words,
    dated_around,
    dates_its_own,
    dates_the_event,
    event_day,
    said_only,
    tells_of_the_next,
    undated_event,
)
from digests.news.dates import is_future
from digests.news.english import is_common_word
from digests.news.extracts import (
    age_in,
    date_in,
    name_in,
    place_in,
    placed_in,
)
from digests.news.figure_answers import answer_figures, countries_asked, of_another_country
from digests.news.figure_fit import FigureQuestion, figure_date, figure_score
from digests.news.lexicon import lemma
from digests.news.member_phrases import in_news_words
from digests.news.name_answers import OBJECT_ASKED, an_unnamed_one, name_given
from digests.news.names import person_key
from digests.news.ordinals import ordinal_asked
from digests.news.people import extract_people
from digests.news.person_answers import answer_holder, answer_person
from digests.news.place_answers import (
    BASED_ASKED,
    FROM_ASKED,
    GENERIC_PLACES,
    KIND_OF_PLACE,
    bare_place,
    based_in,
    born_there,
    breadth,
    countries_of_the_event,
    court_of_the_case,
    narrowed_by_place,
    only_a_base,
    placed_after_the_event,
    placed_in_an_aside,
    places_the_event,
    where_the_thing_is,
)
from digests.news.question import (
    ASKS_NOW,
    KIND_DATE,
    KIND_FIGURES,
    KIND_HOLDER,
    KIND_PERSON,
    KIND_PLACE,
    KIND_SEARCH,
    Question,
    Unreadable,
    period_named,
    read_question,
    who_is_maybe,
)
from digests.news.sentence_search import SEARCHED, distinct_hits, search_terms, searched
from digests.news.spelling import corrected
from digests.news.support import (
    SUPPORTED,
    about_it,
    event_words,
    lowercase_names,
    says_it,
    support,
    support_in_item,
    texts_of,
    whole_items,
)
from digests.news.text import WIRE_DATELINE, words
from digests.news.what_answers import (
    ASKS_WHY,
    CAUSE_GIVEN,
    WHAT_CALLED,
    asked_words_told,
    asks_a_question,
    called_it,
    completes,
    description_of,
    fault_given,
    follows_the_question,
    gives_cause,
    kind_given,
    member_of_kind,
    names_someone,
    new_words_told,
    says_only_a_kind,
    without_the_cause_word,
)
from digests.news.worded_figures import answer_ordinal

__all__ = [  # what the rest of the bot, the tests and the benchmarks import from here
    "DONT_KNOW",
    "KIND_REFUSED",
    "Answer",
    "AnswerStore",
    "FigureQuestion",
    "Quote",
    "age_in",
    "answer_question",
    "date_in",
    "figure_date",
    "figure_score",
    "lowercase_names",
    "name_in",
    "place_in",
    "says_it",
    "search_terms",
    "support",
]
KIND_REFUSED = "refused"


def warm() -> None:
    """Compile once what answering reads with (the people patterns take about a second), so that
    the first "which senator …" a member asks does not pay for it. Call it off the event loop."""
    extract_people("Warm Up, a spokesman for Newsdesk, said so.\n\nThe chairwoman, Ann Lee, agreed.")
    read_question("who is the mayor of warm", date(2022, 1, 1))
    is_common_word("warm")  # the optional English word list loads in 0.4 s


async def answer_question(store: AnswerStore, question: str, now: datetime) -> Answer:
    """The answer to a question in plain English, from stored items only."""
    try:
        asked = read_question(question, now.date())
    except Unreadable as refusal:
        return Answer(question, KIND_REFUSED, False, str(refusal))
    if (fixed := await corrected(store, asked.text)) != asked.text:  # "measels": measles
        asked = read_question(fixed, now.date())
    period = period_named(asked.text)  # "in 2023", "in April 2022": after the news ends
    if period is not None and period[0] > now.date() and asked.past:
        return Answer(asked.text, asked.kind, False, f"I don't know: the news I keep goes up to "
                      f"{now:%-d %B %Y}, so it cannot say what happened in {period[1]}.")
    if asked.kind == KIND_SEARCH and (name := who_is_maybe(asked.text)) \
            and await store.mentions_of([person_key(name)]):
        asked = replace(asked, kind=KIND_PERSON, person=name)  # a stored person of that name
    if asked.kind == KIND_PERSON:
        return await answer_person(store, asked)
    rarity = await store.word_rarity(asked.terms)
    if (ordinal := ordinal_asked(asked.text)) is not None:
        return await answer_ordinal(store, asked, ordinal, rarity)
    if asked.kind == KIND_HOLDER:
        return await answer_holder(store, asked, rarity)
    if asked.kind == KIND_FIGURES:
        return await answer_figures(store, asked, now, rarity)
    return await _answer_from_sentences(store, asked, now, rarity)


async def _answer_from_sentences(store: AnswerStore, asked: Question, now: datetime,
                                 rarity: Mapping[str, float]) -> Answer:
    """The best-supported sentence; for a place or a date, the best-supported one that gives
    one, which then leads the answer line. A sentence is read with the other sentences found in
    its item: a title names the people and the place that its body's sentences only call "the
    drummer" and "there"."""
    if not asked.terms:
        return dont_know(asked.text, asked.kind)
    hits = distinct_hits(await searched(store, search_terms(asked, rarity), SEARCHED))
    named = lowercase_names(asked, (h.text for h in hits), rarity)
    hits = [h for h in hits if not asks_a_question(h.text)]
    want = wanted(asked)
    if asked.kind in (KIND_PLACE, KIND_DATE) or _ASKS_FOR_NAME.match(asked.text) or (want and want.said):
        led = await _lead_from_items(store, asked, hits, rarity, named, now)
        if led.found or not WHAT_CALLED.match(asked.text):
            return led  # "what did the judge call the clause": a name, or what she said it was
    contexts, _ = await whole_items(store, hits)
    judged = without_the_cause_word(asked)
    owns = [(support(judged, h.text, rarity, named), h) for h in hits]
    ranked = sorted(((support_in_item(judged, h.text, contexts[h.source.item_id], rarity, named,
                                      own=own), own, h) for own, h in owns),
                    key=lambda scored: (scored[0], scored[1], scored[2].score), reverse=True)
    countries = countries_asked(asked.text)
    kept = [(score, h) for score, _, h in ranked if score >= SUPPORTED
            and not of_another_country(countries, h.text)
            and says_it(asked, h.text, h.source.published_at.date()) and completes(asked, h.text)
            and gives_cause(asked.text, h.text) and names_someone(asked, h.text)
            and not says_only_a_kind(asked, h.text)]
    if not kept:
        return dont_know(asked.text, asked.kind)
    # of the sentences about as well supported, the one that tells most besides the question's
    # words leads: a title that repeats the question says less than its body's sentence
    near = [hit for score, hit in kept if score >= kept[0][0] - TELLING_MARGIN]
    near.sort(key=lambda hit: -new_words_told(asked, hit.text))  # stable: best supported first
    near.sort(key=lambda hit: -asked_words_told(asked, hit.text))  # "blamed" for "what did X blame"
    near.sort(key=lambda hit: follows_the_question(asked, hit.text) is None)  # says what follows the question
    supported = [*near, *(hit for _, hit in kept[len(near):])]
    if ASKS_WHY.match(asked.text):  # of the sentences as well supported, one that gives a cause
        supported.sort(key=lambda hit: CAUSE_GIVEN.search(hit.text) is None)
    kinds = {id(hit): kind_given(asked.text, hit.text) for hit in supported}
    supported.sort(key=lambda hit: kinds[id(hit)] is None)  # "what kind of firm": one that says
    members = {id(hit): member_of_kind(asked, want, hit.text) for hit in supported}
    supported.sort(key=lambda hit: members[id(hit)] is None)  # "what disease": one that names a disease
    described = {id(hit): description_of(asked, hit.text) for hit in supported}
    supported.sort(key=lambda hit: -described[id(hit)][0])  # "what is X": one that says what X is
    faults = {id(hit): fault_given(asked.text, hit.text) for hit in supported}
    supported.sort(key=lambda hit: -faults[id(hit)][0])  # "what's wrong with X": the part that failed
    quotes = tuple(Quote(h.text, h.source) for h in supported[:3])
    aligned = (faults[id(supported[0])][1] or kinds[id(supported[0])]
               or follows_the_question(asked, quotes[0].text) or members[id(supported[0])]
               or called_it(asked, quotes[0].text) or described[id(supported[0])][1])
    headline = f"{_unquoted(aligned)} — {quotes[0].text}" if aligned else quotes[0].text
    return Answer(asked.text, KIND_SEARCH, True, headline, quotes)


TELLING_MARGIN = 0.3  # support a sentence may lack and still lead, when it tells more


def _siblings_telling_it(asked: Question, hits: Sequence[SentenceHit],
                         read: Mapping[int, str]) -> list[SentenceHit]:
    """The sentences of the best-matching items that the search did not find but that say the
    event asked about: "His family said he died peacefully at home in Whitby" names neither the
    actor nor his trade, which the item's title does."""
    want = wanted(asked)
    naming = want is not None and want.kind == NAME
    if not asked.verbs and not naming:
        return []
    found = {hit.text for hit in hits}
    first = {hit.source.item_id: hit for hit in reversed(hits)}
    return [SentenceHit(sentence, first[item].source, 0.0)
            for item, text in read.items() if item in first
            for sentence in text.split("\n\n")
            if sentence not in found and ((asked.verbs and event_words(asked, sentence))
                                          or (naming and names_one(sentence)))]


# A where- or when-answer must also give a place or a date, which is evidence of its own: its
# sentence may cover a little less of the question (0.5 answered 4 more questions on the dev
# sets than 0.55, and 4 more unanswerable ones).
PLACE_OR_DATE_SUPPORTED = 0.55
SPECIFIC_MARGIN = 0.1  # support a narrower place may lack and still come before a country


async def _lead_from_items(store: AnswerStore, asked: Question, hits: Sequence[SentenceHit],
                           rarity: Mapping[str, float], named: frozenset[str], now: datetime) -> Answer:
    """A place, a date or a name: from each item, its sentence that gives one and is best
    supported, read with the item's other sentences found (its own support weighing most); a
    sentence that says it but only calls what a "which" question asks for "the country", "he"
    or "the yacht" leads with the one its item's other sentences name."""
    contexts, read = await whole_items(store, hits)
    hits = [*hits, *_siblings_telling_it(asked, hits, read)]
    order = {item: n for n, item in enumerate(contexts)}
    judged = _without_kind_words(asked)
    countries = countries_of_the_event(asked)
    supported: list[tuple[float, SentenceHit]] = []
    unsettled: list[SentenceHit] = []  # "no new date has been set": a plan called off since
    for hit in sorted(hits, key=lambda h: order[h.source.item_id]):  # item by item
        context = contexts[hit.source.item_id]
        if of_another_country(countries, hit.text):
            continue
        if (asked.kind == KIND_DATE and not asked.past and NO_DATE_YET.search(hit.text)
                and support_in_item(judged, hit.text, context, rarity, named, True)
                >= PLACE_OR_DATE_SUPPORTED):
            unsettled.append(hit)
        if not (says_it(asked, hit.text, hit.source.published_at.date())
                and about_it(asked, hit.text, context, rarity) and dates_its_own(asked, hit.text)
                and tells_of_the_next(asked, hit.text)):
            continue
        score = support_in_item(judged, hit.text, context, rarity, named, True)
        if score >= (PLACE_OR_DATE_SUPPORTED if asked.kind in (KIND_PLACE, KIND_DATE) else SUPPORTED):
            supported.append((score, hit))
    want = wanted(asked)
    if asked.kind == KIND_PLACE and not (want and want.kind == COUNTRY):  # "which country": a country
        supported = await narrowed_by_place(store, judged, supported, rarity, named, read)
    supported = [(score, hit) for score, hit in supported if not an_unnamed_one(asked, hit.text)]
    leads = {id(hit): _lead(asked, hit, now) for _, hit in supported}
    for _, hit in supported:  # "NEW YORK, Jan 20 (Meridian) - Shares of X rose": not where X closes offices
        if _filed_from(leads[id(hit)], hit.text) and support(judged, hit.text, rarity, named) < SUPPORTED:
            leads[id(hit)] = None
        lead = leads[id(hit)]
        if placed_in_an_aside(asked, hit.text, lead) or born_there(asked, hit.text, lead):
            leads[id(hit)] = None
    unnamed = {hit.source.item_id for _, hit in supported if leads[id(hit)] is None}
    around: set[int] = set()  # hits whose lead their item's other sentences give
    named_elsewhere = want is not None or OBJECT_ASKED.search(asked.text)
    dated = asked.kind == KIND_DATE and any(lead is not None for lead in leads.values())
    if unnamed and ((asked.kind == KIND_DATE and not dated) or (asked.kind != KIND_DATE and named_elsewhere)):
        texts = await texts_of(store, unnamed, read)
        for _, hit in supported:
            if leads[id(hit)] is None and hit.source.item_id in texts:
                leads[id(hit)] = (dated_around(asked, hit, texts[hit.source.item_id], now)
                                  if asked.kind == KIND_DATE else name_given(asked, texts[hit.source.item_id],
                                                                         around=True))
                around.add(id(hit))
    found = [(score - said_only(asked, hit) - (AROUND_PENALTY if id(hit) in around else 0.0),
              dates_the_event(asked, hit) or places_the_event(asked, hit, lead), hit.score, lead, hit)
             for score, hit in supported if (lead := leads[id(hit)]) is not None]
    found.sort(key=lambda entry: entry[:3], reverse=True)
    if asked.kind == KIND_DATE and found and not found[0][1]:
        # "has died in Lagos, his family said on Saturday" beside "he died on Friday": the one
        # that dates the event, of those about as well supported
        near = [entry for entry in found if entry[0] >= found[0][0] - TELLING_MARGIN]
        found = [*sorted(near, key=lambda entry: not entry[1]), *found[len(near):]]
    if asked.kind == KIND_PLACE and any(entry[1] for entry in found):
        # "he died at his home in Bristol", not where the wire filed "LONDON, Sept 22 - … has died"
        found = [entry for entry in found if entry[1] or not _filed_from(entry[3], entry[4].text)]
    if found:  # of the best supported, the lead that more items give ("in Istanbul", twice)
        near = [entry for entry in found if entry[0] >= found[0][0] - SPECIFIC_MARGIN]
        items: dict[str, set[int]] = {_lead_key(entry[3]): set() for entry in near}
        for entry in near:
            if asked.kind != KIND_PLACE \
                    or placed_in(entry[4].text, asked) in (entry[3], bare_place(entry[3])):
                items[_lead_key(entry[3])].add(entry[4].source.item_id)  # not "Liverpool's win"
        near.sort(key=lambda entry: len(items[_lead_key(entry[3])]), reverse=True)  # stable
        found = [*near, *[entry for entry in found if entry not in near]]
    if found and unsettled and max(h.source.published_at for h in unsettled) > max(
            entry[4].source.published_at for entry in found):
        return dont_know(asked.text, asked.kind)  # the latest report says no day is set now
    if asked.kind == KIND_DATE and found and (ASKS_NOW.search(asked.text) or not asked.past):
        # the latest report's day of what is still to come: plans change
        near = [entry for entry in found if entry[0] >= found[0][0] - TELLING_MARGIN]
        found = [*sorted(near, key=lambda entry: as_planned_now(asked, entry[4], now), reverse=True),
                 *[entry for entry in found if entry not in near]]
    if asked.kind == KIND_PLACE and found:  # "Kharkiv" over "Ukraine", said about as well
        near = [entry for entry in found if entry[0] >= found[0][0] - SPECIFIC_MARGIN]
        found = [*sorted(near, key=lambda entry: breadth(entry[3])),  # stable: narrowest first
                 *[entry for entry in found if entry not in near]]
    return _with_lead(asked, [(lead, hit) for *_, lead, hit in found])


def _without_kind_words(asked: Question) -> Question:
    """"Which British wartime PM did Zelensky invoke": "British wartime PM" says what kind of
    name is asked for, which the lead must be; the sentence need not write it ("Zelensky invokes
    Winston Churchill"). Only when the question says a kind of person, country or place; of a
    name asked for ("whats scientific name they gave the penguin"), the words that ask it."""
    want = wanted(asked)
    if want is not None and want.kind == NAME and _NAME_ASKED_BY.match(asked.text):
        kept = tuple(t for t in asked.terms if t not in _NAME_FRAME)  # "whats scientific name they gave X"
        return replace(asked, terms=kept) if kept else asked
    if want is None or not want.said or want.kind == NAME:
        return asked
    said = in_news_words(" ".join(want.kind_nouns))  # "PM": the question's "prime minister"
    kind_words = {lemma(w) for w in words(said)}  # "Russian general", not "Ukraine" after it
    kept = tuple(t for t in asked.terms if t not in kind_words)
    return replace(asked, terms=kept) if kept else asked


# "what's the scientific name they gave the penguin": how a name is asked, which the sentence that
# gives it ("Pakudyptes aldridgeae honours …") need not write
_NAME_ASKED_BY_WORDS = r"(?:what|which)(?:['’]?s|\s+(?:is|was|are|were))\s+(?:the\s+)?(?:\w+\s+)?name\b"
_NAME_ASKED_BY = re.compile(r"^\s*" + _NAME_ASKED_BY_WORDS, re.IGNORECASE)
_NAME_FRAME = frozenset(lemma(w) for w in "name scientific official full actual real proper gave give given"
                        .split())


_ASKS_FOR_NAME = re.compile(r"^\s*(?:which|whose|whom|who\b(?!\s+(?:is|was|are|were)\b|['’]s)"
                            r"|who(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+\w+\s+\w+\s+(?-i:[a-z]+ing)\b"
                            r"|" + _NAME_ASKED_BY_WORDS + r"|what\s+(?:film|movie|team|country|city|town|"
                            r"company|firm|song|album|show|book|club|band)\b"
                            r"|what\s+(?:do|does|did)\s+.+?\s+call\b|what(?:['’]?s|\s+is|\s+was)\s+.+?\s+called\b"
                            r"(?!\s+(?:back|off|in|out|up|for))"
                            r"|what\s+will\s+.+?\s+be\s+(?:called|named)\b)",
                            re.IGNORECASE)


def _lead(asked: Question, hit: SentenceHit, now: datetime) -> str | None:
    """What leads the answer: the place, the name or the day the sentence gives."""
    if asked.kind == KIND_DATE:
        day = event_day(asked, hit)
        if day and asked.past and begins_after(day, now):
            return None  # "what date did the park open": not the November it is still to open in
        if isinstance(day, str) and day.isdigit() and undated_event(asked, hit):
            return None  # "X, who has died aged 81, ... in 1979 became": the year of something else
        if (isinstance(day, str) and day.isdigit() and not asked.past and not SINCE_ASKED.search(asked.text)
                and int(day) < hit.source.published_at.year):
            return None  # "when is Dashly putting its prices up": not "floated in 2021"
        if isinstance(day, date) and _WILL_ASKED.search(asked.text) and day < hit.source.published_at.date():
            return None  # "when will Veldt make its firm offer": not the day its approach was made
        if isinstance(day, date) and _WILL_ASKED.search(asked.text) and not is_future(hit.text) \
                and day == hit.source.published_at.date():
            return None  # "when will Eskom end load-shedding": not "reduced it on Sunday", the day it wrote
        if day and called_off(asked, hit.text):
            return None  # "when did Garuda-1 launch": not the day its launch was called off
        return date_words(day, now) if day else None
    if asked.kind == KIND_PLACE and BASED_ASKED.search(asked.text):
        return based_in(asked, hit.text)
    if asked.kind == KIND_PLACE and FROM_ASKED.search(asked.text) and (based := based_in(asked, hit.text)):
        return based  # "where's ammerli from": "Ammerli, based in Lucerne" (a person's is where they live)
    if asked.kind == KIND_PLACE and (placed := where_the_thing_is(asked, hit.text)):
        return placed
    if asked.kind == KIND_PLACE and (court := court_of_the_case(asked, hit.text)):
        return court
    name = ((asked.kind == KIND_PLACE and placed_after_the_event(asked, hit.text))
            or name_given(asked, hit.text))
    if asked.kind == KIND_PLACE and name and name.casefold() in GENERIC_PLACES:
        return None  # "St Bride's Church" read as "Church": no place
    if asked.kind == KIND_PLACE and name and only_a_base(asked, hit.text, name):
        return None  # "London start-up Quillfeather": not where it makes its glasses
    if asked.kind == KIND_PLACE and name:  # "off Buru island": the island, not a town called Buru
        kind = re.search(rf"(?<!\w){re.escape(name)}\s+{KIND_OF_PLACE}", hit.text)
        return kind.group(0) if kind else name
    return name


_WILL_ASKED = re.compile(r"^\s*when\s+(?:will|(?:is|are)\s+\S+(?:\s+\S+){0,3}\s+(?:going\s+to|gonna))\b",
                         re.IGNORECASE)


def _lead_key(lead: str) -> str:
    """What two answers' leads are compared by: "Idukki district" and "Idukki" are one place."""
    return bare_place(lead).casefold()


AROUND_PENALTY = 0.1  # support a sentence that names the answer gives up to one whose item names it


def _filed_from(lead: str | None, text: str) -> bool:
    """Whether a sentence gives its lead only in a wire's dateline: where the story was filed,
    which is where the event asked about was only when the sentence itself tells of it."""
    dateline = WIRE_DATELINE.match(text)
    return (lead is not None and dateline is not None and lead.casefold() in dateline.group().casefold()
            and lead.casefold() not in text[dateline.end():].casefold())


def _with_lead(asked: Question, found: Sequence[tuple[str, SentenceHit]]) -> Answer:
    if not found:
        return dont_know(asked.text, asked.kind)
    lead, best = found[0]
    distinct = {(h.source.item_id, h.text): h for _, h in found}  # a sentence its sibling found again
    quotes = tuple(Quote(h.text, h.source) for h in list(distinct.values())[:3])
    lead = _unquoted(lead.rstrip(",;:"))  # a title quoted American-style: "the series “Friends,” causing …"
    return Answer(asked.text, asked.kind, True, f"{lead} — {best.text}", quotes)


_OPENING_QUOTES = "'\"‘“"
_CLOSING_QUOTES = "'\"’”"


def _unquoted(lead: str) -> str:
    """A lead without a quotation mark cut from its pair: "'natural causes" (of "died of 'natural
    causes,' authorities say") is natural causes; "'Friends'" stays whole."""
    if lead[:1] in _OPENING_QUOTES and not any(c in _CLOSING_QUOTES for c in lead[1:]):
        lead = lead[1:]
    if lead[-1:] in _CLOSING_QUOTES and not any(c in _OPENING_QUOTES for c in lead[:-1]) \
            and not lead.endswith(("s'", "s’")):  # "the players'" keeps its apostrophe
        lead = lead[:-1]
    return lead
