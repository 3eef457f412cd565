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

Here: the entry point, and the answers read from sentences (a place, a date, a name, anything
else). The parts: `answer_types` (Answer, Quote, AnswerStore), `sentence_search`, `word_matching`,
`support` (does a sentence answer), `extracts` (the place, name, day or age a sentence gives),
`figure_answers` (how many, how much, how old) and `person_answers` (who is, who holds a post).
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
    PLACE,
    QUOTED_WORDS,
    Wanted,
    capital_by_position,
    is_person,
    name_of_kind,
    wanted,
)
from digests.news.dates import dates_in, is_future, moved_to, without_former_days
from digests.news.english import is_common_word
from digests.news.extracts import (
    NOT_PLACES,
    POSSESSIVE_END,
    age_in,
    date_in,
    given_words,
    is_given,
    name_in,
    place_in,
    placed_in,
    year_before,
)
from digests.news.figure_answers import (
    FigureQuestion,
    answer_figures,
    answer_ordinal,
    countries_asked,
    figure_date,
    figure_score,
    of_another_country,
)
from digests.news.figure_words import MONTHS
from digests.news.lexicon import is_verb_form, kinds_of_lemma, lemma
from digests.news.names import person_key
from digests.news.ordinals import ordinal_asked
from digests.news.people import extract_people
from digests.news.people_words import COUNTRIES, DEMONYMS, HEAD_WORDS, PLACES
from digests.news.person_answers import answer_holder, answer_person
from digests.news.question import (
    ASKS_NOW,
    CALENDAR_WORDS,
    KIND_DATE,
    KIND_FIGURES,
    KIND_HOLDER,
    KIND_PERSON,
    KIND_PLACE,
    KIND_SEARCH,
    SOMEONE,
    Question,
    Unreadable,
    in_news_words,
    period_named,
    read_question,
    who_is_maybe,
)
from digests.news.sentence_search import SEARCHED, distinct_hits, search_terms, searched
from digests.news.spelling import corrected
from digests.news.support import (
    BORN_ASKED,
    BUY,
    NATIONALITIES,
    SOLD_TO,
    SUPPORTED,
    about_it,
    by_doer_noun,
    event_words,
    lowercase_names,
    name_doing_it,
    says_it,
    support,
    support_in_item,
    texts_of,
    whole_items,
)
from digests.news.text import STOPWORDS, WIRE_DATELINE, words
from digests.news.word_matching import lemmas_of, meets

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
    hits = [h for h in hits if not _asks(h.text)]
    want = wanted(asked)
    if asked.kind in (KIND_PLACE, KIND_DATE) or _ASKS_FOR_NAME.match(asked.text) or (want and want.said):
        led = await _lead_from_items(store, asked, hits, rarity, named, now)
        if led.found or not _WHAT_CALLED.match(asked.text):
            return led  # "what did the judge call the clause": a name, or what she said it was
    contexts, _ = await whole_items(store, hits)
    judged = _without_the_cause_word(asked)
    owns = [(support(judged, h.text, rarity, named), h) for h in hits]
    ranked = sorted(((support_in_item(judged, h.text, contexts[h.source.item_id], rarity, named,
                                      own=own), own, h) for own, h in owns),
                    key=lambda scored: (scored[0], scored[1], scored[2].score), reverse=True)
    countries = countries_asked(asked.text)
    kept = [(score, h) for score, _, h in ranked if score >= SUPPORTED
            and not of_another_country(countries, h.text)
            and says_it(asked, h.text, h.source.published_at.date()) and _completes(asked, h.text)
            and _gives_cause(asked.text, h.text) and _names_someone(asked, h.text)
            and not _says_only_a_kind(asked, h.text)]
    if not kept:
        return dont_know(asked.text, asked.kind)
    # of the sentences about as well supported, the one that tells most besides the question's
    # words leads: a title that repeats the question says less than its body's sentence
    near = [hit for score, hit in kept if score >= kept[0][0] - TELLING_MARGIN]
    near.sort(key=lambda hit: -_new_words(asked, hit.text))  # stable: best supported first
    near.sort(key=lambda hit: -_asked_words_told(asked, hit.text))  # "blamed" for "what did X blame"
    near.sort(key=lambda hit: _aligned(asked, hit.text) is None)  # says what follows the question's words
    supported = [*near, *(hit for _, hit in kept[len(near):])]
    if _WHY.match(asked.text):  # of the sentences as well supported, one that gives a cause
        supported.sort(key=lambda hit: _CAUSE.search(hit.text) is None)
    kinds = {id(hit): _kind_given(asked.text, hit.text) for hit in supported}
    supported.sort(key=lambda hit: kinds[id(hit)] is None)  # "what kind of firm": one that says
    members = {id(hit): _member_of_kind(asked, want, hit.text) for hit in supported}
    supported.sort(key=lambda hit: members[id(hit)] is None)  # "what disease": one that names a disease
    described = {id(hit): _described(asked, hit.text) for hit in supported}
    supported.sort(key=lambda hit: -described[id(hit)][0])  # "what is X": one that says what X is
    quotes = tuple(Quote(h.text, h.source) for h in supported[:3])
    aligned = (kinds[id(supported[0])] or _aligned(asked, quotes[0].text) or members[id(supported[0])]
               or _called_it(asked, quotes[0].text) or described[id(supported[0])][1])
    headline = f"{_unquoted(aligned)} — {quotes[0].text}" if aligned else quotes[0].text
    return Answer(asked.text, KIND_SEARCH, True, headline, quotes)


# "what kind of firm is Cobalt Ridge": "the American private equity firm Cobalt Ridge Partners"
_KIND_OF_ASKED = re.compile(r"^\s*what\s+(?:kind|type|sort)(?:a|s?\s+of)\s+(?P<noun>[a-z]+)\s+"
                            r"(?:is|was|are|were)\s+(?:the\s+)?(?P<name>[\w'’&.-]+)", re.IGNORECASE)
_DETERMINERS = frozenset("a an the this that its their his her our".split())


def _kind_given(question: str, text: str) -> str | None:
    """The kind a sentence gives of what a "what kind of N is X" question asks about: the words
    before N right before X's name ("private equity firm"), or after "X, a" ("X, a Leeds-based
    firm"), or what "X is a" says it is ("an antisense oligonucleotide")."""
    asked = _KIND_OF_ASKED.match(question)  # "what kinda firm is …" too
    if asked is None:
        return None
    noun, name = re.escape(asked.group("noun")), re.escape(asked.group("name"))
    before = re.search(rf"((?:[\w'’-]+\s+){{1,3}}){noun}s?\s+(?i:{name})", text, re.IGNORECASE)
    after = re.search(rf"(?i:{name})[\w\s&.'’-]{{0,40}},\s+(?:an?|the)\s+((?:[\w'’-]+\s+){{1,3}}){noun}s?\b",
                      text, re.IGNORECASE)
    found = before or after
    if found is None:  # "Lumarsen is an antisense oligonucleotide, a short strand …"
        said = re.search(rf"(?i:{name})\s+(?:is|was)\s+(?:an?)\s+(?P<kind>(?:[\w'’-]+\s+){{0,2}}[\w'’-]+)"
                         r"(?=\s*[,.;:(]|\s+(?:that|which|used|made|developed|designed)\b)",
                         text, re.IGNORECASE)
        return said.group("kind") if said is not None else None
    kept = [w for w in found.group(1).split() if w.casefold() not in _DETERMINERS]
    while kept and (kept[0][:1].isupper() and kept[0].casefold() not in DEMONYMS):
        kept.pop(0)  # "Denver-based private equity firm": the place it is in is no kind
    return " ".join([*kept, asked.group("noun")]) if kept else None


_WHY = re.compile(r"^\s*(?:why|how\s+come|what\s+(?:was|is)\s+the\s+reason)\b", re.IGNORECASE)
_CAUSE = re.compile(r"\b(?:because|after|over|due\s+to|as\s+a\s+result\s+of|following|for\s+\w+ing|"
                    r"in\s+(?:protest|response|retaliation)|amid|so\s+that|since)\b", re.IGNORECASE)


# "What caused the crash", "what killed the birds", "what do investigators suspect caused it": the
# cause is what is asked, and a sentence that only says the crash happened ("Plane crashes in
# Guangxi hills") does not give it.
_ASKS_CAUSE = re.compile(r"^\s*what\s+(?:(?:do|does|did)\s+(?:[\w'’-]+\s+){1,3}?"
                         r"(?:believe|think|suspect|fear|reckon)s?\s+)?(?:caused|causes|cause|triggered|triggers|sparked|sparks|prompted|"
                         r"started|starts|made|makes|led\s+to|leads\s+to|killed|kills|(?:is|was)\s+behind|"
                         r"(?:is|was)\s+the\s+cause\s+of)\b", re.IGNORECASE)
_CAUSE_SAID = re.compile(r"\b(?:caus\w*|because|due\s+to|blam\w*|results?\s+of|resulted\s+from|"
                         r"trigger\w*|spark\w*|prompt\w*|led\s+to|(?<!left\s)(?<!fell\s)behind|reasons?|linked\s+to|owing\s+to|"
                         r"attributed\s+to|\w+ed\s+by\s+(?!(?:early|late|mid|noon|midnight|morning|afternoon|"
                         r"evening|tonight|tomorrow|the\s+(?:end|time|weekend)|(?:mon|tues|wednes|thurs|fri|satur|"
                         r"sun)day|\d))|died\s+(?:of|from)|poison\w*|traced\s+to|"
                         r"points?\s+to|pointed\s+to|narrow\w*\s+(?:[\w'’-]+\s+){0,3}?(?:down\s+)?to)\b",
                         re.IGNORECASE)  # "analysis of the failure points to a fuel valve"


# "who was hosting …", "who is the Saudi citizen that …": a person is asked for
_ASKS_WHO = re.compile(r"^\s*who(?:['’]s|\s+(?:is|was|are|were))\s+(?:(?P<ing>[a-z]+ing)\b"
                       r"|the\s+(?P<nouns>(?:[\w'’-]+\s+){0,3}[\w'’-]+))",
                       re.IGNORECASE)
_SOMEONE_ASKED = SOMEONE | {lemma("citizen")}


def _names_someone(asked: Question, text: str) -> bool:
    """"Who was hosting the talk show when X punched Y": a sentence that names no one besides
    the people the question gives does not say who."""
    who = _ASKS_WHO.match(asked.text)
    nouns = [w.lower() for w in words(who.group("nouns") or "")] if who else []
    if who is None or (nouns and not any(n in HEAD_WORDS or lemma(n) in _SOMEONE_ASKED for n in nouns)):
        return True  # "who is the east london chef sending …", "who is the senior WHO official …"
    given = given_words(asked)  # "Yuriy Butusov" is the question's "butusov"
    people = [m for m in extract_people(text) if not is_given(words(m.name)[-1], given)]
    post = _post_asked(nouns)
    if post and not any(post <= _said_of(m.name, m.role, text) for m in people):
        return False  # "who is the judge in the trial": not its defendant, named without the post
    return bool(people)


_POST_ENDS = frozenset("of in at for on from with who that which".split())  # "the judge in …", "the X who …"


def _post_asked(nouns: Sequence[str]) -> set[str]:
    """The words of the post a "who is the judge in …" question asks for, when they are a post."""
    post = []
    for noun in nouns:
        if noun in _POST_ENDS:
            break
        post.append(noun)
    return {lemma(n) for n in post} if post and post[-1] in HEAD_WORDS else set()


def _said_of(name: str, role: str | None, text: str) -> set[str]:
    """The words said of a person: their role, and the words right around their name."""
    around = re.search(rf"((?:[\w'’-]+\s+){{0,3}}){re.escape(name)}((?:[\s,]+[\w'’-]+){{0,4}})", text)
    said = f"{role or ''} {around.group(1)} {around.group(2)}" if around else role or ""
    return {lemma(w.casefold()) for w in words(said)}


def _gives_cause(question: str, text: str) -> bool:
    """A cause asked ("what caused …") is given; a result asked ("what was the result of Fury v
    Whyte") is told, not a preview of what is to come."""
    if _ASKS_RESULT.match(question) is not None and _RESULT_SAID.search(text) is None:
        return False
    asked_cause = _ASKS_CAUSE.match(question)
    if asked_cause is not None:
        thing = {lemma(w.lower()) for w in words(question[asked_cause.end():])
                 if w.lower() not in STOPWORDS} - _CAUSE_VERBS
        return (any(not _caused_by_it(said, text, thing) for said in _CAUSE_SAID.finditer(text))
                or any(_names_next(thing, text, done.end()) for done in _STARTED.finditer(text)))
        # "Lighter started Paisley fire"
    if _ASKS_REASON.match(question) is not None:  # "what was the reason he stood down": not only that he did
        return _CAUSE_SAID.search(text) is not None or _CAUSE.search(text) is not None
    return True


def _caused_by_it(said: re.Match[str], text: str, thing: set[str]) -> bool:
    """"fees caused by Wednesday's outage": a cause word whose cause is the thing asked about
    tells what it caused, not what caused it."""
    caused = {lemma(w.lower()) for w in words(text[said.end():said.end() + _CAUSED_OBJECT])}
    if said.group().lower().rstrip().endswith(" by"):  # "miners trapped by a collapse": what the collapse did
        return _names_next(thing, text, said.end())
    return said.group().lower().startswith("caus") and bool(thing & caused)


def _names_next(thing: set[str], text: str, at: int) -> bool:
    """Whether the words right after `at` name the thing asked about ("trapped by a *collapse*")."""
    return bool(thing & {lemma(w.lower()) for w in words(text[at:])[:_AGENT_WORDS]})


_AGENT_WORDS = 3  # words after "…ed by" read for who or what did it
# "<the cause> started <the thing>", not "the blaze started near Kestrel Ridge"
_STARTED = re.compile(r"\b(?:started|starts|sparked|sparks)\b(?!\s+(?:on|at|in|by|when|after|before|near|"
                      r"around|outside|inside|along|across|during|overnight|shortly|just|early|late|last|from|"
                      r"off|up|yesterday|today|about|some)\b)", re.IGNORECASE)


_CAUSED_OBJECT = 40  # characters after "caused" read for what is said to have caused it
_CAUSE_VERBS = frozenset(lemma(w) for w in "make cause trigger spark prompt lead kill".split())


# (a "why" question is read as before: a sentence that only says what happened may still be the
# best the news gives, "jailed for nine more years, trial branded 'sham'")
_ASKS_REASON = re.compile(r"^\s*(?:what\s+(?:was|is|were|are)\s+the\s+reasons?|for\s+what\s+reason)\b",
                          re.IGNORECASE)


_ASKS_RESULT = re.compile(r"^\s*(?:what|how)\s+(?:was|were|is|did)\s+(?:the\s+)?(?:final\s+)?"
                          r"(?:result|outcome|score|scoreline|verdict)s?\b|^\s*how\s+did\s+.+\s+(?:go|end)\b",
                          re.IGNORECASE)
_RESULT_SAID = re.compile(r"\b(?:won|wins?|beat|beats|beaten|defeat\w*|lost|loses?|draw|drew|drawn|victory|"
                          r"triumph\w*|knock\w*\s+out|stopped|thrash\w*|clinch\w*|guilty|acquitted|"
                          r"cleared|convicted|ruled|verdict|passed|rejected|approved)\b|\b\d{1,3}\s*-\s*\d{1,3}\b",
                          re.IGNORECASE)


_ENDS_ON_PREPOSITION = re.compile(r"^\s*what\s+(?:did|does|do|has|have|had|was|were|is|are)\s+"
                                  r"(?P<middle>.+?)\s+(?P<verb>[a-z]+)\s+(?P<prep>of|from|with|up|for|about|on|by)\s*[?.!]*$",
                                  re.IGNORECASE)


def _verbs_before_the_object(middle: str) -> set[str]:
    """"What did Merritt spend the stolen money on": the verb before the object ("spend"), whose
    preposition the sentence says ("spent on vintage tractors")."""
    found = words(middle)
    return {lemma(found[i].lower()) for i in range(1, len(found) - 1)
            if found[i + 1].lower() in _OBJECT_STARTS and found[i].islower()}


_OBJECT_STARTS = frozenset("the a an his her its their".split())


_OF_WHOM_WORDS = 5  # "the death of Foo Fighters' drummer Taylor Hawkins": still of whom


def _completes(asked: Question, text: str) -> bool:
    """"What did X die of": the sentence says the event with its preposition ("died of …",
    "held up …"); "X dies aged 50" does not say of what."""
    ends = _ENDS_ON_PREPOSITION.match(in_news_words(asked.text))
    if ends is None:
        return True
    verb, preposition = lemma(ends.group("verb").lower()), ends.group("prep").lower()
    subject = {w.lower() for w in words(asked.subject or "")}
    done_to = _verbs_before_the_object(ends.group("middle"))
    tokens = [w.lower() for w in words(text)]
    for i, word in enumerate(tokens):
        after = tokens[i + 1:i + 3]
        if (preposition == "for" and i and meets(verb, {lemma(word)}) and tokens[i - 1].isalpha()
                and tokens[i - 1] not in STOPWORDS and lemma(tokens[i - 1]) not in asked.terms):
            return True  # "a giant factory for what": "the largest fertilizer plant"
        if (preposition == "of" and i and word == ends.group("verb").lower() and word in HEAD_WORDS
                and tokens[i - 1] not in STOPWORDS and _capitalised_before(text, word)):
            return True  # "president of what": "resigns as Society of Authors president"
        skipped = 0  # "found guilty last month of fraud": a time said between ("spent on tractors" is none)
        while (tokens[i + 1 + skipped:i + 2 + skipped] and tokens[i + 1 + skipped] in _TIME_BETWEEN
               and tokens[i + 1 + skipped] != preposition):
            skipped += 1
        after = tokens[i + 1 + skipped:i + 3 + skipped]
        if (meets(verb, {lemma(word)}) or lemma(word) in done_to) and preposition in after:
            said = tokens[i + 2 + skipped + after.index(preposition):][:_OF_WHOM_WORDS]
            if not subject & set(said):  # "the death of Taylor Hawkins" says of whom, not of what
                return True
    return False


_TIME_BETWEEN = frozenset("""last this next month week year yesterday today earlier on monday tuesday
wednesday thursday friday saturday sunday""".split())


TELLING_MARGIN = 0.3  # support a sentence may lack and still lead, when it tells more
TELLING_WORDS = 8  # new words beyond which a longer sentence tells no more


def _new_words(asked: Question, text: str) -> int:
    """How many content words a sentence adds to the question's (up to `TELLING_WORDS`)."""
    asked_words = set(asked.terms)
    return min(TELLING_WORDS, sum(1 for w in words(text) if w.lower() not in STOPWORDS
                                  and not meets(lemma(w.lower()), asked_words)))


ECHO_WORDS = 6  # new words below which a sentence mostly repeats the question (a headline)


def _asked_words_told(asked: Question, text: str) -> int:
    """How many of the question's words besides its names a sentence says, when it also tells
    enough that is new: "what did the firm blame" is told by the sentence that says "blamed",
    not the one with more of the firm's names; a headline echoing the question counts none."""
    if _new_words(asked, text) < ECHO_WORDS:
        return 0
    found = lemmas_of(text)
    return sum(1 for term in set(asked.content_terms()) if meets(term, found))


def _capitalised_before(text: str, word: str) -> bool:
    """Whether the text writes a name right before `word` ("Society of Authors president")."""
    return re.search(rf"[A-Z][\w'’-]*\s+(?i:{re.escape(word)})\b", text) is not None


# A quiz's heading: "Quiz of the week: …", "Thursday quiz: …", "News quiz - …"
_QUIZ = re.compile(r"^\s*(?:(?:the|news|weekly|daily|\w+day['’]?s?)\s+)?quiz"
                   r"(?:\s+of\s+the\s+(?:week|day|month|year))?\s*[:|–—-]"
                   r"|\bquiz\s+of\s+the\s+(?:week|day|month|year)\b", re.IGNORECASE)


def _asks(text: str) -> bool:
    """A sentence that asks ("Who are the potential bidders…") answers nothing."""
    if re.match(r"^\s*what\s+we\s+(?:know|don['’]t\s+know)\b", text, re.IGNORECASE):
        return True  # "What we know about …": a heading, not an answer
    if _QUIZ.search(text):
        return True  # "Quiz of the week: storms, sacked ministers and runaway llamas": it asks
    return text.rstrip(" \"'’”").endswith("?") or re.match(
        r"^\s*(?:who|what|which|where|when|why|how)\s+(?:are|is|was|were|will|would|could|can|do|does|did)\b",
        text, re.IGNORECASE) is not None


def _siblings_telling_it(asked: Question, hits: Sequence[SentenceHit],
                         read: Mapping[int, str]) -> list[SentenceHit]:
    """The sentences of the best-matching items that the search did not find but that say the
    event asked about: "His family said he died peacefully at home in Whitby" names neither the
    actor nor his trade, which the item's title does."""
    if not asked.verbs:
        return []
    found = {hit.text for hit in hits}
    first = {hit.source.item_id: hit for hit in reversed(hits)}
    return [SentenceHit(sentence, first[item].source, 0.0)
            for item, text in read.items() if item in first
            for sentence in text.split("\n\n")
            if sentence not in found and event_words(asked, sentence)]


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
    countries = _countries_of_the_event(asked)
    supported: list[tuple[float, SentenceHit]] = []
    unsettled: list[SentenceHit] = []  # "no new date has been set": a plan called off since
    for hit in sorted(hits, key=lambda h: order[h.source.item_id]):  # item by item
        context = contexts[hit.source.item_id]
        if of_another_country(countries, hit.text):
            continue
        if (asked.kind == KIND_DATE and not asked.past and _NO_DATE_YET.search(hit.text)
                and support_in_item(judged, hit.text, context, rarity, named, True)
                >= PLACE_OR_DATE_SUPPORTED):
            unsettled.append(hit)
        if not (says_it(asked, hit.text, hit.source.published_at.date())
                and about_it(asked, hit.text, context, rarity) and _dates_its_own(asked, hit.text)
                and _tells_of_the_next(asked, hit.text)):
            continue
        score = support_in_item(judged, hit.text, context, rarity, named, True)
        if score >= (PLACE_OR_DATE_SUPPORTED if asked.kind in (KIND_PLACE, KIND_DATE) else SUPPORTED):
            supported.append((score, hit))
    want = wanted(asked)
    if asked.kind == KIND_PLACE and not (want and want.kind == COUNTRY):  # "which country": a country
        supported = await _narrowed(store, judged, supported, rarity, named, read)
    supported = [(score, hit) for score, hit in supported if not _an_unnamed_one(asked, hit.text)]
    leads = {id(hit): _lead(asked, hit, now) for _, hit in supported}
    for _, hit in supported:  # "NEW YORK, Jan 20 (Meridian) - Shares of X rose": not where X closes offices
        if _filed_from(leads[id(hit)], hit.text) and support(judged, hit.text, rarity, named) < SUPPORTED:
            leads[id(hit)] = None
        lead = leads[id(hit)]
        if _placed_in_an_aside(asked, hit.text, lead) or _born_there(asked, hit.text, lead):
            leads[id(hit)] = None
    unnamed = {hit.source.item_id for _, hit in supported if leads[id(hit)] is None}
    around: set[int] = set()  # hits whose lead their item's other sentences give
    named_elsewhere = want is not None or _OBJECT_ASKED.search(asked.text)
    dated = asked.kind == KIND_DATE and any(lead is not None for lead in leads.values())
    if unnamed and ((asked.kind == KIND_DATE and not dated) or (asked.kind != KIND_DATE and named_elsewhere)):
        texts = await texts_of(store, unnamed, read)
        for _, hit in supported:
            if leads[id(hit)] is None and hit.source.item_id in texts:
                leads[id(hit)] = (_dated_around(asked, hit, texts[hit.source.item_id], now)
                                  if asked.kind == KIND_DATE else _named(asked, texts[hit.source.item_id],
                                                                         around=True))
                around.add(id(hit))
    found = [(score - _said_only(asked, hit) - (AROUND_PENALTY if id(hit) in around else 0.0),
              _dates_the_event(asked, hit) or _places_the_event(asked, hit, lead), hit.score, lead, hit)
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
            if asked.kind != KIND_PLACE or placed_in(entry[4].text, asked) in (entry[3], _bare(entry[3])):
                items[_lead_key(entry[3])].add(entry[4].source.item_id)  # not "Liverpool's win"
        near.sort(key=lambda entry: len(items[_lead_key(entry[3])]), reverse=True)  # stable
        found = [*near, *[entry for entry in found if entry not in near]]
    if found and unsettled and max(h.source.published_at for h in unsettled) > max(
            entry[4].source.published_at for entry in found):
        return dont_know(asked.text, asked.kind)  # the latest report says no day is set now
    if asked.kind == KIND_DATE and found and (ASKS_NOW.search(asked.text) or not asked.past):
        # the latest report's day of what is still to come: plans change
        near = [entry for entry in found if entry[0] >= found[0][0] - TELLING_MARGIN]
        found = [*sorted(near, key=lambda entry: _as_planned_now(asked, entry[4], now), reverse=True),
                 *[entry for entry in found if entry not in near]]
    if asked.kind == KIND_PLACE and found:  # "Kharkiv" over "Ukraine", said about as well
        near = [entry for entry in found if entry[0] >= found[0][0] - SPECIFIC_MARGIN]
        found = [*sorted(near, key=lambda entry: _breadth(entry[3])),  # stable: narrowest first
                 *[entry for entry in found if entry not in near]]
    return _with_lead(asked, [(lead, hit) for *_, lead, hit in found])


def _countries_of_the_event(asked: Question) -> frozenset[str]:
    """The countries the event asked about is in: every one a question names, but for a place
    asked for only those it is "in" ("where in Tajikistan"; "where did Russian troops land" may
    be answered by a place in Ukraine)."""
    if asked.kind != KIND_PLACE:
        return countries_asked(asked.text)
    return frozenset().union(*(countries_asked(m.group(1)) for m in _IN_A_COUNTRY.finditer(asked.text)))


_IN_A_COUNTRY = re.compile(r"\b(?:in|inside|within|across)\s+((?:the\s+)?[\w'’-]+)", re.IGNORECASE)


async def _narrowed(store: AnswerStore, asked: Question, supported: list[tuple[float, SentenceHit]],
                    rarity: Mapping[str, float], named: frozenset[str],
                    read: dict[int, str]) -> list[tuple[float, SentenceHit]]:
    """A sentence that places the event in a country only ("attacker at Canada mosque") gives
    way to its item's own sentence that places it more narrowly and is itself supported ("a
    mosque in the Canadian city of Mississauga"), which the search kept one sentence an item."""
    broad = {hit.source.item_id: place for _, hit in supported
             if (place := place_in(hit.text, asked) or "").casefold() in _BROAD_PLACES}
    if not broad:
        return supported
    texts = await texts_of(store, set(broad), read)
    narrowed = []
    for score, hit in supported:
        item = hit.source.item_id
        better = _narrower(asked, texts.get(item, ""), rarity, named, broad[item]) if item in broad else None
        narrowed.append((score, SentenceHit(better, hit.source, hit.score) if better else hit))
    return narrowed


def _narrower(asked: Question, item_text: str, rarity: Mapping[str, float],
              named: frozenset[str], than: str) -> str | None:
    """The item's first supported sentence that places what is asked more narrowly than
    `than` (a country, or a continent: "Europe's tallest volcano" is in Italy); its title and
    its opening count as supported (they tell the event the other sentences go on with: "World's
    oldest tennis player staying put in Ukraine war zone" / "… enduring his worst nightmare in
    Kharkiv")."""
    for n, sentence in enumerate(item_text.split("\n\n")):
        place = place_in(sentence, asked)
        if place and _breadth(place) < _breadth(than) \
                and (n <= 1 or support(asked, sentence, rarity, named, True) >= SUPPORTED):
            return sentence
    return None


def _breadth(place: str) -> int:
    """2 for a part of the world, 1 for a country, 0 for anything narrower."""
    folded = place.casefold()
    abbreviated = len(place) <= 3 and place.isupper()  # "lands safely in SA outback": a state or a country
    return 2 if folded in _REGIONS else 1 if folded in _BROAD_PLACES or abbreviated else 0


def _dates_its_own(asked: Question, text: str) -> bool:
    """A when-question's day from a sentence that has one of the question's own words, not only
    its names: "Maserati unveiled its new SUV Tuesday" gives no day for "when will Maserati be
    fully electric", however much the item around it says of that. (With an event asked about,
    the sentence must say the event anyway.)"""
    if asked.kind != KIND_DATE or asked.verbs:
        return True
    found = lemmas_of(text)
    return not asked.content_terms() or any(meets(t, found) for t in asked.content_terms())


def _without_the_cause_word(asked: Question) -> Question:
    """"What caused the failure": a sentence need not write "cause" ("the failure points to a
    fuel valve"); that it gives a cause is judged on its own (`_gives_cause`)."""
    if _ASKS_CAUSE.match(asked.text) is None:
        return asked
    kept = tuple(t for t in asked.terms if t not in _CAUSE_TERMS)
    return replace(asked, terms=kept) if kept else asked


# how a cause is asked, not what it caused ("what made everyone sick": sick, not "made")
_CAUSE_TERMS = frozenset(lemma(w) for w in "cause make everyone everybody".split())


def _without_kind_words(asked: Question) -> Question:
    """"Which British wartime PM did Zelensky invoke": "British wartime PM" says what kind of
    name is asked for, which the lead must be; the sentence need not write it ("Zelensky invokes
    Winston Churchill"). Only when the question says a kind of person, country or place."""
    want = wanted(asked)
    if want is None or not want.said or want.kind == NAME:
        return asked
    upto = want.nouns.index(want.head) + 1 if want.head in want.nouns else len(want.nouns)
    said = in_news_words(" ".join(want.nouns[:upto]))  # "PM": the question's "prime minister"
    kind_words = {lemma(w) for w in words(said)}  # "Russian general", not "Ukraine" after it
    kept = tuple(t for t in asked.terms if t not in kind_words)
    return replace(asked, terms=kept) if kept else asked


_EVENT_GAP_WORDS = 3  # "died on Friday", "resigned as housing minister last night": right by the event


def _dates_the_event(asked: Question, hit: SentenceHit) -> bool:
    """Whether a sentence puts its day right after the event asked about ("who died on
    Friday"), not on something else it tells ("… following his death, the premier announced on
    Saturday"): of two sentences as well supported, the one that dates the event answers."""
    if asked.kind != KIND_DATE or not asked.verbs:
        return False
    days = [at for at, _ in dates_in(hit.text, hit.source.published_at.date())]
    return any(_right_after_the_event(asked, hit.text, at, _EVENT_GAP_WORDS) for at in days)


def _right_after_the_event(asked: Question, text: str, at: int, gap: int) -> bool:
    """Whether what is written at `at` comes after a word of the event asked about, with at most
    `gap` words between ("died on Friday", "died at his home in Spiddal") and no clause break
    ("has died, his band said on Monday" dates the telling)."""
    return at >= 0 and any(at >= said.end() and len(words(text[said.end():at])) <= gap
                           and not _CLAUSE_BREAK.search(text, said.end(), at)
                           for said in event_words(asked, text))


_CLAUSE_BREAK = re.compile(r"[,;:–—]")


_ASIDE = re.compile(r"\b(?:whose|which|that)\b", re.IGNORECASE)


def _placed_in_an_aside(asked: Question, text: str, place: str | None) -> bool:
    """Whether a where-question's event is told after a place that a clause of its own gives:
    "Kearney, whose bronze group stands at the Spanish Arch in Galway, has died" does not say
    where he died."""
    if place is None or asked.kind != KIND_PLACE or not asked.verbs:
        return False
    at = text.find(place)
    said = [token.start() for token in event_words(asked, text)]
    aside = [found.start() for found in _ASIDE.finditer(text, 0, max(at, 0))]
    return (at >= 0 and bool(aside) and any(start > at for start in said)
            and not any(aside[-1] < start < at for start in said))


def _born_there(asked: Question, text: str, place: str | None) -> bool:
    """Whether the place is where someone was born, which a question of another event does not
    ask: "the pianist, who was born in Saltmouth and has died" does not say where he died."""
    if place is None or asked.kind != KIND_PLACE or BORN_ASKED.search(asked.text):
        return False
    named = re.escape(place)
    return re.search(rf"\bborn\s+(?:[\w'’-]+\s+){{0,3}}?(?:in|at)\s+(?:the\s+)?{named}|{named}-born\b",
                     text) is not None


_PLACE_GAP_WORDS = 6  # "died peacefully at his home in Spiddal": the place of the event


def _places_the_event(asked: Question, hit: SentenceHit, place: str) -> bool:
    """Whether a sentence puts its place right after the event asked about ("he died at his
    home in Spiddal"), not on something else it tells ("whose sculpture stands at the Spanish
    Arch in Galway, has died"): of two sentences as well supported, the one that places the
    event answers."""
    if asked.kind != KIND_PLACE or not asked.verbs:
        return False
    return _right_after_the_event(asked, hit.text, hit.text.find(place), _PLACE_GAP_WORDS)


def _place_fits(asked: Question, want: Wanted | None, place: str) -> bool:
    """Whether a place is of the kind asked for (`want`: what the question wants, read once)."""
    if place.casefold() in _COUNTRIES_AND_STATES and _SMALLER_THAN_A_COUNTRY.search(asked.text):
        return False  # "which town": not "Ukraine", nor "Virginia"
    if place.casefold() in _COUNTRIES and _PART_OF_A_COUNTRY.search(asked.text):
        return False  # "which Mexican state": not "Thailand"
    if want is not None and want.said and place.split()[-1].islower():
        return False  # "which city": not "a Ukrainian town"
    # "which street": not "London"
    return not (want is not None and want.head in _STREETS and not _STREET_NAME.search(place))


def _placed_after_the_event(asked: Question, text: str) -> str | None:
    """The place a sentence gives right after the event asked about, where it names another
    first: "a smokejumper based in Missoula …, died Nov. 22 at his home in Hamilton"."""
    if not asked.verbs:
        return None
    for said in event_words(asked, text):
        place = placed_in(text[said.end():], asked)
        if place and _right_after_the_event(asked, text, text.find(place, said.end()), _PLACE_GAP_WORDS):
            return place if _place_fits(asked, wanted(asked), place) else None
    return None


_ASKS_FOR_NAME = re.compile(r"^\s*(?:which|whose|whom|who\b(?!\s+(?:is|was|are|were)\b|['’]s)"
                            r"|who(?:['’]s|\s+is|\s+was|\s+are|\s+were)\s+\w+\s+\w+\s+(?-i:[a-z]+ing)\b"
                            r"|what(?:['’]?s|\s+is|\s+was)\s+the\s+(?:\w+\s+)?name|what\s+(?:film|movie|team|country|city|town|"
                            r"company|firm|song|album|show|book|club|band)\b"
                            r"|what\s+(?:do|does|did)\s+.+?\s+call\b|what(?:['’]?s|\s+is|\s+was)\s+.+?\s+called\b"
                            r"|what\s+will\s+.+?\s+be\s+(?:called|named)\b)",
                            re.IGNORECASE)


# "what is norbury re", "what does quillon actually do", "what does tarn labs make": what the
# thing named is
_WHAT_IS = re.compile(r"^\s*what(?:['’]?s|\s+is|\s+are|\s+was)\s+(?P<thing>[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}?)"
                      r"\s*[?.!]*\s*$|^\s*what\s+(?:does|do|did)\s+(?P<doer>[\w&'’.-]+(?:\s+[\w&'’.-]+){0,3}?)"
                      r"\s+(?:\w+ly\s+)?(?:do|make|produce|sell|build|manufacture|develop)"
                      r"\s*[?.!]*\s*$", re.IGNORECASE)  # "what does Tarn Labs make"
# "Quillon, a London-based startup", "Tarn Labs, the Cumbrian developer", "Thornbury, which makes pumps"
_APPOSED = (r",\s+(?P<apposed>(?:a|an|the|(?:which|that)\s+(?:makes|produces|sells|builds|develops"
            r"|manufactures|runs|operates|owns|supplies))\s+[^,.;:()]{3,90}?)(?=,|\.\s|\.$|;)")


def _described(asked: Question, text: str) -> tuple[int, str | None]:
    """"What is Norbury Re": what a sentence says the thing is, by an apposition ("Quillon, a
    London-based startup building AI agents for …": 2) or the words right before its name
    ("Bermuda-based reinsurer Norbury Re": 1); (0, None) when it says neither."""
    what = _WHAT_IS.match(asked.text)
    if what is None:
        return 0, None
    named = what.group("thing") or what.group("doer")
    first = named.split()[0]
    short = first if len(first) > 3 and first.lower() not in STOPWORDS else named  # "Thornbury, which makes"
    thing = re.escape(named)
    apposed = re.search(rf"\b(?:{thing}|{re.escape(short)})(?:['’]s)?{_APPOSED}", text, re.IGNORECASE)
    if apposed:
        return 2, re.sub(r"^(?:which|that)\s+", "", apposed.group("apposed"))
    for named in re.finditer(rf"\b{thing}\b", text, re.IGNORECASE):
        before = _words_before_a_name(text[:named.start()])
        if before:
            return 1, before
    return 0, None


_DESCRIBING_WORDS = 4  # words before a name read for what it is


def _words_before_a_name(text: str) -> str | None:
    """"The gene therapy Libmeldy", "Australian personal trainer Michael Italiano": the words
    before a name that say what it is, ending on a common noun."""
    found: list[str] = []
    for word in reversed(text.split()[-_DESCRIBING_WORDS:] if text.endswith(" ") else []):
        if not re.fullmatch(r"[A-Za-z][\w-]*", word) or word.lower() in STOPWORDS:
            break
        found.insert(0, word)
    if not found or not found[-1].islower() or found[-1].endswith(("ed", "ing", "ly")):
        return None
    return " ".join(found)


_WHAT_CALLED = re.compile(r"^\s*what\s+(?:do|does|did)\s+.+?\s+call\b", re.IGNORECASE)


def _called_it(asked: Question, text: str) -> str | None:
    """"What did the judge call the clause": the last words the sentence quotes that the
    question does not give ("… was 'a contractual fiction'")."""
    if not _WHAT_CALLED.match(asked.text):
        return None
    given = given_words(asked)
    quoted = (m.group("double") or m.group("single") for m in QUOTED_WORDS.finditer(text))
    said = [words_said for words_said in quoted if not all(is_given(w, given) for w in words(words_said))]
    return said[-1] if said else None


# "which town", "what's the little town whose …", "in which city": the kind of place asked for
# ("where is the 'city within a city' planned" asks where the city is: a country will do).
_SMALLER_THAN_A_COUNTRY = re.compile(r"\b(?:which|what)(?:['’]?s|\s+is|\s+was|\s+are|\s+were)?"
                                     r"(?:\s+(?:the|a|an))?(?:\s+[\w'’-]+){0,3}?\s+(?:town|city|village|"
                                     r"constituency|venue|stadium|port|district)s?\b", re.IGNORECASE)
_COUNTRIES = frozenset(c.casefold() for c in COUNTRIES)
_PART_OF_A_COUNTRY = re.compile(r"\b(?:which|what)\s+(?:[\w'’-]+\s+){0,2}?(?:state|province|region|county|"
                                r"prefecture|territory)(?=\s+(?:is|was|are|were|does|did|do|has|had|will|in|of|"
                                r"that|where)\b|\s*[?.!]*\s*$)", re.IGNORECASE)  # not "state TV channel"
# States and provinces no one calls a town (not "New York" or "Washington", which are cities too).
_STATES = frozenset(name.strip() for name in """alabama, alaska, arizona, arkansas, california,
colorado, connecticut, delaware, florida, georgia, hawaii, idaho, illinois, indiana, iowa, kansas,
kentucky, louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana,
nebraska, nevada, new hampshire, new jersey, new mexico, north carolina, north dakota, ohio, oklahoma,
oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas, utah, vermont,
virginia, west virginia, wisconsin, wyoming, ontario, quebec, alberta, british columbia, manitoba,
saskatchewan, nova scotia, queensland, victoria, tasmania, new south wales""".split(","))
_COUNTRIES_AND_STATES = _COUNTRIES | _STATES
_REGIONS = frozenset("""europe asia africa america americas middle east west east north south the west
oceania antarctica arctic""".split())
_BROAD_PLACES = _COUNTRIES | _REGIONS | frozenset("britain uk us usa eu".split())


def _lead(asked: Question, hit: SentenceHit, now: datetime) -> str | None:
    """What leads the answer: the place, the name or the day the sentence gives."""
    if asked.kind == KIND_DATE:
        day = _event_day(asked, hit)
        if day and asked.past and _begins_after(day, now):
            return None  # "what date did the park open": not the November it is still to open in
        if isinstance(day, str) and day.isdigit() and _undated_event(asked, hit):
            return None  # "X, who has died aged 81, ... in 1979 became": the year of something else
        if (isinstance(day, str) and day.isdigit() and not asked.past and not _SINCE_ASKED.search(asked.text)
                and int(day) < hit.source.published_at.year):
            return None  # "when is Dashly putting its prices up": not "floated in 2021"
        return _date_words(day, now) if day else None
    if asked.kind == KIND_PLACE and _BASED_ASKED.search(asked.text):
        return _based_in(asked, hit.text)
    if asked.kind == KIND_PLACE and (placed := _where_the_thing_is(asked, hit.text)):
        return placed
    name = (asked.kind == KIND_PLACE and _placed_after_the_event(asked, hit.text)) or _named(asked, hit.text)
    if asked.kind == KIND_PLACE and name and name.casefold() in _GENERIC_PLACES:
        return None  # "St Bride's Church" read as "Church": no place
    if asked.kind == KIND_PLACE and name:  # "off Buru island": the island, not a town called Buru
        kind = re.search(rf"(?<!\w){re.escape(name)}\s+{_KIND_OF_PLACE}", hit.text)
        return kind.group(0) if kind else name
    return name


# What a place written in lower case after its name is: "Buru island", "the Vilcabamba mountains"
_KIND_OF_PLACE = (r"(?-i:island|islands|mountains|hills|peninsula|archipelago|province|district|county"
                  r"|region)\b")


def _bare(lead: str) -> str:
    """A place without the kind written after it: "Idukki" for "Idukki district"."""
    return re.sub(rf"\s+{_KIND_OF_PLACE}$", "", lead)


def _lead_key(lead: str) -> str:
    """What two answers' leads are compared by: "Idukki district" and "Idukki" are one place."""
    return _bare(lead).casefold()


_NO_DATE_YET = re.compile(r"\bno\s+(?:new\s+)?date\s+(?:has\s+been\s+|was\s+|had\s+been\s+)?"
                          r"(?:set|fixed|given)"
                          r"|\b(?:new|rescheduled)\s+(?:launch\s+|start\s+)?date\s+(?:would|will)\s+be\s+"
                          r"(?:announced|set|confirmed)|\bpostponed\s+indefinitely\b|\buntil\s+further\s+notice\b",
                          re.IGNORECASE)


# "where was the villa": "to pay for a villa in the Algarve"
_THING_ASKED = re.compile(r"^\s*where(?:['’]s|\s+(?:is|was|are|were))\s+"
                          r"(?:the|that|this|his|her|their|its)\s+(?:[a-z]+\s+){0,2}?(?P<noun>[a-z]+)\b"
                          r"(?=\s+(?:that|which|who|where|whose|of|in|at|for|to|being)\b|\s*[?,.!]|\s*$)",
                          re.IGNORECASE)  # "where is the beef plant that …": the plant
_GENERIC_PLACES = frozenset("""church hospital school court station airport stadium park hotel museum centre
center hall street road bridge river lake estate plant factory village town city""".split())


def _where_the_thing_is(asked: Question, text: str) -> str | None:
    """The place a sentence puts the thing a "where was the villa" question asks about in."""
    thing = _THING_ASKED.match(asked.text)
    if thing is None or is_verb_form(thing.group("noun")):
        return None  # "where was the cocaine seized": the seizure's place, no thing's
    noun = re.escape(thing.group("noun"))
    placed = re.search(rf"\b{noun}s?\s+(?:in|at|near|on)\s+(?:the\s+)?"
                       r"(?P<place>[A-Z][\w'’-]+(?:\s+(?:(?:de|la|du|des|del|di|da|of)\s+)*[A-Z][\w'’-]+){0,3})",
                       text)  # "the Stade de la Paix"
    if placed is None:  # "closes its Cimarron Flats beef plant": the place names the thing
        naming = re.finditer(rf"(?<![\w'’-])(?P<place>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,3}})"
                             rf"\s+(?:[a-z]+\s+){{0,2}}{noun}s?\b", text)
        placed = next((m for m in naming if m.start() > 0 and not m.group("place").isupper()  # a dateline
                       and m.group("place").split()[0].casefold() not in NOT_PLACES  # "An explosion"
                       and not _given_by_the_question(asked, m.group("place"))), None)
    if placed is None or any(lemma(w.casefold()) in NATIONALITIES for w in placed.group("place").split()):
        return None  # "a mosque in the Canadian city of Mississauga": the name is further on
    return placed.group("place")


def _undated_event(asked: Question, hit: SentenceHit) -> bool:
    """Whether the sentence tells the event asked about as just done, with no year of its own
    ("who has died aged 81"): a year elsewhere in it dates another thing it tells ("in 1979
    became the first woman ...")."""
    said = [m for m in event_words(asked, hit.text) if _JUST_DONE.search(hit.text, 0, m.start())]
    return bool(said) and not any(_year_by(hit.text, m) for m in said)


def _year_by(text: str, said: re.Match[str]) -> bool:
    """A year right by the event's word, in its clause: "died in 1979", "in March 1979 she died";
    not "who led the drilling in 1979, has died"."""
    before = text[max(0, said.start() - _YEAR_NEAR):said.start()]
    after = text[said.end():said.end() + _YEAR_NEAR]
    return any(_A_YEAR.search(part) for part in (before.split(",")[-1], after.split(",")[0]))


_JUST_DONE = re.compile(r"\b(?:has|have)\s+(?:\w+ly\s+)?$", re.IGNORECASE)  # "has died", "have just left"


_A_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
_YEAR_NEAR = 20  # characters: "died in 1979", "in March 1979 she died"


def _event_day(asked: Question, hit: SentenceHit) -> date | str | None:
    """The day (or the month, or the year) a sentence gives for the event asked about; a day it
    was due on before a change ("which had been due on Jan. 26") is not it."""
    published = hit.source.published_at.date()
    text = hit.text if _FORMER_ASKED.search(asked.text) else without_former_days(hit.text)
    if not _SINCE_ASKED.search(asked.text):  # "who has chaired the bank since 2018, is to step down"
        text = _SINCE_A_DAY.sub("", text)
        if not _FORMER_ASKED.search(asked.text):  # "which had been due on 7 March": the day before a change
            text = _ASIDE_CLAUSE.sub(lambda m: m.group() if event_words(asked, m.group()) else ",", text)
    return (_year_of_the_event(asked, text) or _day_of_the_event(asked, text, published)
            or date_in(_without_said_dates(asked, text), published, bare=False)
            or date_in(text, published, bare=False) or date_in(text, published)
            or year_before(text, published, lambda what: _says_the_verbs(asked, what)))


# "Whitcombe, 58, who resigned in 2024, will be sentenced": the year of another event
_ASIDE_CLAUSE = re.compile(r",\s+(?:who|which)\s+[^,;]{1,80},")


def _year_of_the_event(asked: Question, text: str) -> str | None:
    """The year written right after the event asked about: "The building, which opened in 1862
    …, was gutted on Tuesday" opened in 1862."""
    for said in event_words(asked, text):
        found = _IN_A_YEAR.match(text, said.end())
        if found is not None:
            return found.group("year")
    return None


_IN_A_YEAR = re.compile(r"\s+(?:back\s+)?in\s+(?P<year>(?:1[5-9]|20)\d\d)\b(?!\s*[-–/]\d)")


# "since 2018", "since March 2019": when a state began, not the day of the event the sentence tells
_SINCE_A_DAY = re.compile(r",?\s+\bsince\s+(?:(?:early|late|mid-?)\s*)?(?:(?:January|February|March|April|May"
                          r"|June|July|August|September|October|November|December)\s+)?(?:1[89]|20)\d\d\b")
_SINCE_ASKED = re.compile(r"\bsince\b|\bhow\s+long\b|\bfirst\b|\blast\b|\bever\b|\bbeg[ai]n|\bstart",
                          re.IGNORECASE)


# "when was the meeting originally due": the day before the change is what is asked
_FORMER_ASKED = re.compile(r"\b(?:originally|initially|first|supposed|meant|previously|before\s+the\s+"
                           r"(?:delay|change|postponement))\b", re.IGNORECASE)


def _as_planned_now(asked: Question, hit: SentenceHit, now: datetime) -> tuple[bool, bool, datetime]:
    """How a report's day of what is still to come ranks, best last: not yet past when "the next"
    one is asked (the strike moved to later, not the one already held), after the day the report
    was published (what a "when is it now" question asks for), then the latest report."""
    day = _event_day(asked, hit)
    ahead = (_NEXT_ASKED.search(asked.text) is None or not isinstance(day, date)
             or day >= now.date())
    return ahead, isinstance(day, date) and day > hit.source.published_at.date(), hit.source.published_at


# "where is Lumora based": where it is based, not where its glasses were sold
_BASED_ASKED = re.compile(r"^\s*where(?:['’]s|\s+(?:is|are|was|were))\b.*\b(?:based|headquartered|hq"
                          r"|headquarters|head\s+office)\s*[?.!]*\s*$", re.IGNORECASE)
_HEAD_OFFICE = r"(?:head\s+office|headquarters|(?-i:HQ))"
_BASED = re.compile(r"(?<![\w-])(?:(?-i:The|A|An)\s+)?"  # "The Harrogate-based society": Harrogate
                    r"(?P<place>(?-i:[A-Z])[\w.'’]*(?:[ -](?-i:[A-Z])[\w.'’]*){0,2})-based\b"
                    rf"|\b(?:based|headquartered|{_HEAD_OFFICE})\s+(?:(?:is|are|was|were|remains?|stays?)\s+)?"
                    r"in\s+(?:the\s+)?(?P<in>(?-i:[A-Z])[\w.'’]*(?:\s+(?-i:[A-Z])[\w.'’]*){0,2})"
                    # "its Milton Keynes head office", "the company's Leicester headquarters"
                    r"|\b(?:its|their|the|(?:the\s+)?(?-i:[a-z]+)['’]s|(?-i:[A-Z])[\w&]*['’]s)\s+(?P<before>(?-i:[A-Z])[\w.]*(?:\s+(?-i:[A-Z])[\w.]*){0,2})\s+"
                    rf"{_HEAD_OFFICE}\b", re.IGNORECASE)


def _based_in(asked: Question, text: str) -> str | None:
    """The place a sentence says something is based in ("Leeds-based Halden Foods", "based in
    Boston"), which names the question's own words."""
    given = given_words(asked)
    for found in _BASED.finditer(text):
        place = found.group("place") or found.group("in") or found.group("before")
        based = _NAME_AFTER.match(text, found.end()) if found.group("place") else None
        if based is not None and not any(is_given(w, given) for w in words(based.group("name"))):
            continue  # "Denver-based Granite Peak Capital made an approach for Harlow Foods": Granite Peak's
        other = _APPOSED_TO.search(text, max(0, found.start() - _APPOSED_REACH), found.start())
        if other is not None and not any(is_given(w, given) for w in words(other.group("name"))):
            continue  # "Vantaro Systems, an IT support contractor based in Reading": Vantaro's base
        if not all(is_given(w, given) for w in words(place)):
            return place
    return None


_NAME_AFTER = re.compile(r"\s+(?P<name>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*){0,3})")
# A name, then what it is up to "based": "Vantaro Systems, an IT support contractor based in …"
_APPOSED_TO = re.compile(r"(?P<name>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*){0,3}),\s+"
                         r"(?:a|an|the)\s+(?:[\w-]+\s+){0,4}$")
_APPOSED_REACH = 90


_EVENT_WORDS_SAID = 2  # of the question's words, when it names no event verb ("first appearing on …")


def _says_the_verbs(asked: Question, words_said: str) -> bool:
    """Whether words say the event the question asks the day of ("… after his *death* at the
    Olympics" for "when did he die"; "after first appearing on Wall Street" for "when did
    Fearless Girl first show up on Wall St")."""
    found = lemmas_of(words_said)
    if asked.verbs:
        return all(meets(verb, found) for verb in asked.verbs)
    return sum(meets(t, found) > 0 for t in asked.content_terms()) >= _EVENT_WORDS_SAID


RECENT_DAYS = 14  # how long before its report an event dated by the item's other sentences may be


def _dated_around(asked: Question, hit: SentenceHit, item_text: str, now: datetime) -> str | None:
    """A supported sentence that gives no day ("2 Blackhawk helicopters crash during training"),
    dated by its item's own sentences ("… in a training accident Tuesday morning"): only a day
    of the days before the report, news of the event itself; a year or an older day there may
    be another event's. An item that gives no such day and tells the event as just done ("has
    resigned") dates it by its publication."""
    if not asked.past:
        return None
    published = hit.source.published_at.date()
    day = date_in(_without_said_dates(asked, item_text), published, bare=False)
    if not isinstance(day, date) or not 0 <= (published - day).days <= RECENT_DAYS:
        # "Martin Askew has resigned as leader": told the day it was done
        return _date_words(published, now) if _done_as_news(asked, hit.text) else None
    return _date_words(day, now)


def _done_as_news(asked: Question, text: str) -> bool:
    """Whether a sentence tells the event asked about as just done, as its news ("Askew has
    resigned as leader"), not in an obituary's aside ("Sir Geoffrey Amble, who has died aged
    91, …", written days after)."""
    return any(_JUST_DONE.search(text, 0, said.start()) and not _WHO_HAS.search(text, 0, said.start())
               for said in event_words(asked, text))


_WHO_HAS = re.compile(r"\bwho\s+(?:has|have)\s+(?:\w+ly\s+)?$", re.IGNORECASE)


def _begins_after(day: date | str, now: datetime) -> bool:
    """Whether a day ("2022-11-01"), a month ("November 2022") or a year is all after `now`."""
    if isinstance(day, date):
        return day > now.date()
    month, _, year = day.rpartition(" ")
    if not year.isdigit():
        return False
    first = date(int(year), MONTHS.get(month.lower()[:3], 1), 1)
    return first > now.date()


_SAID_ON = re.compile(r"\b(?P<verb>said|says|told|tells|reported|announced|stated|added)\s+"
                      r"(?:on\s+|late\s+on\s+)?(?P<day>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|yesterday|today)\b",
                      re.IGNORECASE)


AROUND_PENALTY = 0.1  # support a sentence that names the answer gives up to one whose item names it
SAID_DATE_PENALTY = 0.15  # support a sentence dated by its telling only gives up to one dated by the event


def _said_only(asked: Question, hit: SentenceHit) -> float:
    """`SAID_DATE_PENALTY` when the only day a sentence gives is the day it was told on."""
    if asked.kind != KIND_DATE or _SAID_ON.search(hit.text) is None:
        return 0.0
    published = hit.source.published_at.date()
    own_day = date_in(_without_said_dates(asked, hit.text), published, bare=False)
    return SAID_DATE_PENALTY if own_day is None else 0.0


_NEXT_ASKED = re.compile(r"\bnext\b(?!\s+(?:year|month|week|season|summer|winter|spring|autumn|fall|"
                         r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)", re.IGNORECASE)
_NEXT_TOLD = re.compile(r"\b(?:next|further|another|again|more)\b", re.IGNORECASE)


def _tells_of_the_next(asked: Question, text: str) -> bool:
    """"Where will she race next", "when's the next walkout": a sentence of the one just run
    ("Chebet chases course record in Chicago") does not say where or when the next one is."""
    return (_NEXT_ASKED.search(asked.text) is None or is_future(text)
            or _NEXT_TOLD.search(text) is not None)


def _day_of_the_event(asked: Question, text: str, published: date) -> date | None:
    """Of a sentence's several days, the one written against the event asked about: "rallies
    on Friday ahead of *Sunday's* snap parliamentary *election*" for "when was the election"."""
    event = {*asked.verbs, *asked.thing}
    now_asked = ASKS_NOW.search(asked.text) is not None
    days = dates_in(text, published) if event or now_asked or not asked.past else []
    if len(days) < 2:
        return None
    moved = [when for at, when in days if moved_to(text, at)] if now_asked or not asked.past else []
    if moved:
        return moved[-1]  # "when's the strike now": the day it was moved to
    near = [when for at, when in days
            if any(meets(lemma(w.lower()), event) for w in words(text[at:])[1:_EVENT_WORDS + 1])
            or any(meets(lemma(w.lower()), event) for w in words(text[:at])[-_EVENT_WORDS:])]
    return near[0] if len(set(near)) == 1 else None


_EVENT_WORDS = 4  # words after a day that may say what happened on it


def _without_said_dates(asked: Question, text: str) -> str:
    """The sentence without the days it dates its own telling by ("the band said Friday"):
    they say when it was said, not when what is asked happened, unless the telling is asked.
    A sentence with no other day still answers with that one."""
    typed = {lemma(w.lower()) for w in words(asked.text)}  # "when did X say …": "say" is no term
    return _SAID_ON.sub(lambda m: m.group(0) if lemma(m.group("verb").lower()) in typed
                        else m.group("verb"), WIRE_DATELINE.sub("", text))


def _filed_from(lead: str | None, text: str) -> bool:
    """Whether a sentence gives its lead only in a wire's dateline: where the story was filed,
    which is where the event asked about was only when the sentence itself tells of it."""
    dateline = WIRE_DATELINE.match(text)
    return (lead is not None and dateline is not None and lead.casefold() in dateline.group().casefold()
            and lead.casefold() not in text[dateline.end():].casefold())




def _named(asked: Question, text: str, *, around: bool = False) -> str | None:
    name = _named_as_written(asked, text, around=around)
    if name is None or capital_by_position(name, text) or name.endswith("-based"):
        return None  # "the Austin-based chip designer": where it is, not what it is called
    if _CODE.fullmatch(name) and (year := re.search(rf"\b((?:19|20)\d\d)\s+{re.escape(name)}\b", text)):
        name = f"{year.group(1)} {name}"  # "the asteroid 2008 EV5": a designation begins with its year
    if asked.kind == KIND_PLACE and POSSESSIVE_END.sub("", name).casefold() in CALENDAR_WORDS:
        return None  # "Friday's bus accident in Kullu district": a day, not a place
    if _given_by_the_question(asked, name):
        return None  # "what kinda firm is cobalt ridge": not "Cobalt Ridge Partners"
    if (asked.kind != KIND_PLACE and " " not in name and text.lstrip(" \"'‘“").startswith(name)
            and is_common_word(name.casefold()) and name.casefold() not in PLACES
            and not name.endswith("s")):  # "Rams beat Bengals": a side's name is a plural
        # "Debut collection wins Wenlock Prize": a headline's first word, no name; the sentence
        # may name one further on ("Finance chief Priya Lomas will take over")
        rest = text.lstrip(" \"'‘“")[len(name):]
        return _named(asked, rest, around=around) if rest.strip() else None
    if re.match(rf"\s*[A-Z][A-Z .,'-]+,\s+[A-Z][a-z]+\.?\s+\d{{1,2}}\s+\({re.escape(name)}\)", text):
        return None  # "SOFIA, Oct 12 (CPA) - …": the agency that filed it
    if asked.kind != KIND_PLACE and _tail_of_a_name(name, text):
        return None
    return name


_CODE = re.compile(r"[A-Z]{1,3}\d{1,4}")


def _given_by_the_question(asked: Question, name: str) -> bool:
    """Whether a name's telling words all come from the question: it names what is asked about,
    and is no answer ("where did amazon workers vote": not "US" from "a first in the US")."""
    typed = {lemma(w.casefold()) for w in words(asked.text)}
    telling = [lemma(w.casefold()) for w in words(name) if w.casefold() not in STOPWORDS]
    return bool(telling) and all(w in typed for w in telling)


_OF_A_NAME = re.compile(r"\b[A-Z][\w'’-]*\s+of\s+(?:the\s+)?$")


def _tail_of_a_name(name: str, text: str) -> bool:
    """"Year People's Choice" in "Wildlife Photographer of the Year People's Choice": the end of
    a longer name, which is what the text names (a place may be one: "Republic of Moldova")."""
    at = text.find(name)
    return (at > 0 and name[:1].isupper() and name.casefold() not in _KNOWN_PLACES
            and _OF_A_NAME.search(text, max(0, at - 40), at) is not None)


_ENDS_ON_ANCHOR = re.compile(r"\b(?P<anchor>[a-z][a-z'-]{2,})\s+(?P<prep>in|to|for|of|on|with|into|about)"
                             r"\s*[?.!]*\s*$", re.IGNORECASE)
_PHRASE_END = (r"(?=\s*(?:[;:()\"“”!?]|(?<!\d)[,.]|[,.](?!\d)"  # not the point of "6.2%"
               r"|\s(?:and|after|before|but|with|as|at|in|on|for|by|from|when|while|"
               r"said|says|which|who|that|this|since|until|over|under|despite|amid)\b|$))")


def _aligned(asked: Question, text: str) -> str | None:
    """"What event did she win gold in": the words a sentence gives after the question's own
    last words ("winner of the first-ever Olympic gold in *the monobob*"); "what did they
    reaffirm their commitment to": "… their commitment to *the PGA Tour*"."""
    found = _after_the_anchor(asked, text)
    if found is None or _indefinite(asked, found):
        return None
    phrase = found.group("phrase").strip()
    given = given_words(asked)
    if all(is_given(w, given) for w in words(phrase)) or phrase.casefold() in _KNOWN_PLACES:
        return None  # "won gold in Beijing": where, not in what
    members = _members_asked(wanted(asked))
    if members and not members & lemmas_of(phrase):
        return None  # "what crimes was he convicted of": "wire fraud", not "defrauding the town"
    return phrase


def _after_the_anchor(asked: Question, text: str) -> re.Match[str] | None:
    """Where the sentence goes on after the question's last word and preposition ("win gold in"),
    when the question ends on them."""
    ends = _ENDS_ON_ANCHOR.search(asked.text)
    if ends is None or ends.group("anchor").lower() in STOPWORDS:
        return None
    anchor, prep = ends.group("anchor").lower(), ends.group("prep").lower()
    found = _phrase_after(lemma(anchor), prep, text)
    object_asked = _ENDS_ON_PREPOSITION.match(in_news_words(asked.text))
    if found is None and object_asked is not None:  # "spend the money on": "spent on tractors"
        verbs = _verbs_before_the_object(object_asked.group("middle"))
        found = next(filter(None, (_phrase_after(verb, prep, text) for verb in sorted(verbs))), None)
    return found


def _phrase_after(stem_of: str, prep: str, text: str) -> re.Match[str] | None:
    """The phrase a sentence gives after a word of the stem and the preposition ("spent on *…*")."""
    stem = re.escape(stem_of[:max(4, len(stem_of) - 1)])
    return re.search(rf"\b{stem}[\w'’-]*\s+{prep}\s+(?:(?P<det>the|a|an|some|their|his|her|its|our)\s+)?"
                     rf"(?P<phrase>(?:[^,.;:()\"“”]|(?<=\d)[.,](?=\d)){{2,40}}?){_PHRASE_END}",
                     text, re.IGNORECASE)


def _indefinite(asked: Question, found: re.Match[str]) -> bool:
    """"What drug did she test positive for": "… positive for a banned substance" tells the kind,
    not which one."""
    want = wanted(asked)
    article = (found.group("det") or "").lower()
    return want is not None and want.kind == NAME and article in ("a", "an", "some")


def _an_unnamed_one(asked: Question, text: str) -> bool:
    """"Which island was he imprisoned on": "… on a craggy island off Taiwan" says there was
    one, not which; "the island of Green Island", "Lake Mead", "Coda, a film about…" or
    "melatonin as a sleep aid" would."""
    want = wanted(asked)
    if want is None or not want.nouns:
        return False
    noun = f"(?i:{re.escape(want.head or want.nouns[-1])})"  # "Lake Mead", "Green Island"
    one = re.search(rf"(?<!\bas\s)(?<!,\s)\b(?:a|an|another)\s+(?:[a-z][\w'’-]*\s+){{0,2}}{noun}(?:e?s)?\b"
                    rf"(?!\s+(?:such\s+as|like|called|named|known)\b)", text)
    named = re.search(rf"\b(?:the|this|that|its)\s+(?:[\w'’-]+\s+){{0,2}}{noun}"  # "the island" is one said
                      rf"|[A-Z][\w'’-]*\s+{noun}\b|\b{noun}(?:e?s)?(?:\s+of)?\s+[A-Z]"
                      rf"|\b{noun}(?:e?s)?,?\s+(?:called|named|known)\b", text)
    return one is not None and named is None and _kind_then_its_name(asked, want, text) is None


def _says_only_a_kind(asked: Question, text: str) -> bool:
    """A sentence that, where the question's last words lead, says only "a <thing>"."""
    found = _after_the_anchor(asked, text)
    return found is not None and _indefinite(asked, found)


def _named_as_written(asked: Question, text: str, *, around: bool = False) -> str | None:
    want = wanted(asked)
    if want is not None and want.kind == NAME and not around and (aligned := _aligned(asked, text)):
        return aligned
    buyer = SOLD_TO.search(text) if BUY in asked.verbs and not around else None
    if buyer is not None and want is not None and want.kind != PLACE:
        return buyer.group("buyer")  # "which company bought …": "Sting sells it to Universal"
    if asked.kind == KIND_PLACE or (want is not None and want.kind == PLACE):
        if want is not None and want.kind == COUNTRY:
            return name_of_kind(text, asked, want, around=around)
        place = place_in(text, asked)
        return place if place and _place_fits(asked, want, place) else None
    if not around and (member := _member_of_kind(asked, want, text)):
        return member  # "what disease": "a high risk of cholera", a member the lexicon lists
    if want is not None:
        typed = (want.kind == NAME and not around and _kind_then_its_name(asked, want, text)) or \
            name_of_kind(text, asked, want, around=around)
        if typed is not None and want.kind == NAME and _names_what_is_given(typed, asked, want):
            return None
        if typed is None and want.kind == NAME and not around:
            typed = _kind_said(asked, want, text)  # "which sleep aid": "melatonin as a sleep aid"
        if typed is not None or want.kind != NAME:
            return typed  # "which senator": a person, not "West Virginia"
    doer = (asked.verbs and not _OBJECT_ASKED.search(asked.text)  # "taking over from whom": no doer
            and not by_doer_noun(asked, text))  # "named X as its conductor": X, whoever named
    name = name_doing_it(text, asked) if doer else name_in(text, asked)
    if name is not None and want is not None and (
            is_person(name, text) or _cited(name, text) or _placed_thing(name, want.nouns)
            or _names_what_is_given(name, asked, want)
            or name.endswith("-born")
            or re.search(rf"\b(?:that|which|who)\s+[a-z]+\s+{re.escape(name)}", text) is not None
            or not (asked.verbs or _near(name, text, want.nouns[-1:]))):  # a doer of the event asked
        return None  # "which three drugs": not the reporter, the paper, an "Olympic doping case";
    return name  # "the name of the cruise ship": not the "Caribbean" of its voyage, nor what the
    # game "that fights Covid" fights


def _kind_then_its_name(asked: Question, want: Wanted, text: str) -> str | None:
    """A name written in lower case right after the kind, between commas: "a new antibiotic,
    halomycin B, from bacteria" (not "B", its only capital)."""
    kind = r"\s+".join(re.escape(noun) + r"\w{0,2}" for noun in want.nouns[-2:])
    found = re.search(rf"\b{kind},\s+(?P<x>[a-z][\w'’-]*(?:\s+[\w'’-]+)?),", text)
    if found is None:
        return None
    kept = words(found.group("x"))
    if any(w.lower() in STOPWORDS for w in kept) or all(is_given(w, given_words(asked)) for w in kept):
        return None
    return found.group("x")


def _member_of_kind(asked: Question, want: Wanted | None, text: str) -> str | None:
    """The first word of the sentence that the lexicon lists as one of the kind a "what X"
    question asks for ("what disease": "a high risk of cholera"; "what instrument": "Sitar
    maestro …"), the question's own words aside."""
    if want is None or want.kind != NAME or not want.nouns:
        return None
    members = _members_asked(want)
    given = given_words(asked)
    tokens = words(text)
    found: dict[str, str] = {}
    for at, word in enumerate(tokens):
        if lemma(word.lower()) in members and not is_given(word, given):
            named = word
            for before in reversed(tokens[max(0, at - _MODIFIERS):at]):  # "Staffordshire bull terrier"
                if not _MODIFIER.fullmatch(before.lower()) or before.lower() in STOPWORDS:
                    break
                named = f"{before} {named}"
            found.setdefault(lemma(word.lower()), named)  # "counts of wire fraud": "wire fraud"
    named_all = list(found.values())[:_MEMBERS_SHOWN]
    return " and ".join(named_all) if named_all else None


def _members_asked(want: Wanted | None) -> frozenset[str]:
    """The members the lexicon lists of the kind a "what X" question asks for ("what disease":
    cholera, measles …); none when it lists no such kind."""
    return kinds_of_lemma(lemma(want.nouns[-1])) if want is not None and want.nouns else frozenset()


# a noun before the member ("wire fraud", "bird flu", "ice hockey"), not an adjective or a participle
# ("suspected cholera", "elusive curling gold", "serious fraud")
_MODIFIER = re.compile(r"[a-z]{3,}(?<!ed)(?<!ing)(?<!ly)(?<!ive)(?<!ous)(?<!ful)(?<!al)(?<!ic)(?<!ble)"
                       r"(?<!ent)(?<!ant)(?<!less)(?<!ish)(?<!ary)(?<!ory)(?<!est)(?<!er)")
_MEMBERS_SHOWN = 2
_MODIFIERS = 2


def _kind_said(asked: Question, want: Wanted, text: str) -> str | None:
    """A thing of the kind asked that the sentence writes in lower case, by how it says the
    kind: "melatonin as a sleep aid", "sleep aids such as melatonin"."""
    kind = r"\s+".join(re.escape(noun) + r"\w{0,2}" for noun in want.nouns[-2:])
    found = (re.search(rf"(?P<x>[a-z][\w-]+(?:\s+[a-z][\w-]+)?)\s+as\s+(?:an?|the)\s+{kind}\b", text)
             or re.search(rf"\b{kind}\s+(?:such\s+as|like|called|named|known\s+as)\s+"
                          rf"(?P<x>[a-z][\w-]+(?:\s+[a-z][\w-]+)?)", text))
    if found is None:
        return None
    given = given_words(asked)
    kept = [w for w in words(found.group("x")) if w.lower() not in STOPWORDS]
    if not kept or all(is_given(w, given) for w in kept):
        return None
    return " ".join(kept)


_STREETS = frozenset({"street", "road", "avenue", "square"})
_STREET_NAME = re.compile(r"\b(?:Street|St|Road|Rd|Lane|Avenue|Ave|Way|Square|Place|Drive|Close|Crescent|"
                          r"Terrace|Row|Boulevard|Gardens|Hill|Walk|Parade|Broadway|Circus)\.?$")


# Things a place's name may name ("which club": Barcelona); any other thing asked for by its
# name is not a place ("the name of the cruise ship": not the Caribbean of its voyage).
_NAMED_AFTER_PLACES = frozenset(lemma(w) for w in """club team side franchise outfit city town country
nation state place region area venue stadium ground airport station port university school college
hospital race open tournament festival cup league county province district""".split())
_KNOWN_PLACES = PLACES | _COUNTRIES


def _names_what_is_given(name: str, asked: Question, want: Wanted) -> bool:
    """"Which museum will the chalk drum go on display at": "the Burton Agnes drum" names the
    drum the question gives, not the museum it asks for."""
    if {"name", "names", "nickname", "title"} & set(want.nouns):
        return False  # "the new name for the gypsy moth": a moth's name is asked
    last = lemma(name.split()[-1].lower())
    return last in asked.terms and last not in {lemma(n) for n in want.nouns}


def _placed_thing(name: str, nouns: Sequence[str]) -> bool:
    """A known place given as the name of a thing that is never named after one."""
    return name.casefold() in _KNOWN_PLACES and not {lemma(n) for n in nouns} & _NAMED_AFTER_PLACES


_OBJECT_ASKED = re.compile(r"^\s*who\b.*\b(?:from|to|with|against)(?:\s*[?.!]*\s*$|\s+(?:on|in|at|for)\b)",
                           re.IGNORECASE)  # "who's X taking over from (on the show)": the one it is done to
_NEAR_WORDS = 4


def _near(name: str, text: str, nouns: Sequence[str]) -> bool:
    """Whether the text writes `name` within a few words of a word the question calls the
    thing asked for by ("the drugs trimetazidine, …", "Coda, a film about …")."""
    tokens = [w.lower() for w in words(text)]
    wanted = {lemma(n) for n in nouns}
    spots = [i for i, w in enumerate(tokens) if meets(lemma(w), wanted)]
    first = words(name)[0].lower() if words(name) else ""
    at = [i for i, w in enumerate(tokens) if w == first]
    return any(abs(i - j) <= _NEAR_WORDS for i in at for j in spots)


def _cited(name: str, text: str) -> bool:
    """Whether the text names `name` only as its source ("according to a New York Times report")."""
    return re.search(rf"\baccording\s+to\s+(?:an?\s+|the\s+)?{re.escape(name)}\b", text) is not None


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


def _date_words(day: date | str, now: datetime) -> str:
    if isinstance(day, str):
        return day
    return f"{day:%A %-d %B}" if day.year == now.year else f"{day:%A %-d %B %Y}"
