"""Whether a sentence answers a question: how much of the question it covers (`support`), and
whether it can answer at all (`says_it`): of the year asked, saying the event asked about with
its doer, done rather than expected, and not saying that what is asked is not known."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import date
from functools import lru_cache

from digests.models import SentenceHit
from digests.news.answer_types import AnswerStore
from digests.news.english import is_common_word
from digests.news.extracts import (
    CAPITALISED_RUN,
    POSSESSIVE_END,
    binomial_in,
    given_words,
    is_given,
    new_words,
    people_of,
)
from digests.news.figure_words import MONTH_WORD
from digests.news.lexicon import doers_of, is_verb_form, lemma
from digests.news.people_words import DEMONYMS, PLACES
from digests.news.question import CALENDAR_WORDS, KIND_DATE, KIND_FIGURES, KIND_PLACE, Question
from digests.news.text import STOPWORDS, WIRE_DATELINE, words
from digests.news.word_matching import compounds_in, has_name, lemmas_of, meets, split_in, teams_named

SUPPORTED = 0.6  # weighted share of a question's words (besides its names) a sentence must cover
RAREST_SUPPORTED = 0.5  # ... or, when none covers that much, one that has the question's rarest word
SPECIFIC = 7.0  # rarity (log of sentences per sentence using a word) of a word that names a thing
NAME_SHARE = 0.5  # what a name the sentence has counts toward support, against a content word
MIN_WEIGHT = 0.2  # the least a question word weighs, however common


CONTEXT_SHARE = 0.85  # what an item's other sentences may lend a sentence's support, at most
CONTEXT_LIFT = 0.25  # how far above the mean of its own and its item's support a sentence may rise
NAMED_BY_ITS_ITEM = 0.8  # what a sentence keeps of its support when only its item names what is asked


def item_contexts(hits: Iterable[SentenceHit]) -> dict[int, str]:
    """Each item's sentences found, as one text: a title names the people, the place and the
    event that its body's sentences only call "the drummer", "there" and "the storm"."""
    texts: dict[int, list[str]] = {}
    for hit in hits:
        texts.setdefault(hit.source.item_id, []).append(hit.text)
    return {item: " ".join(dict.fromkeys(found)) for item, found in texts.items()}


WHOLE_ITEMS = 5  # the best-matching items read whole as the context of their sentences


async def whole_items(store: AnswerStore,
                      hits: Sequence[SentenceHit]) -> tuple[dict[int, str], dict[int, str]]:
    """`item_contexts`, with the rest of the best-matching items' text: "The country where 30
    farmers die each day" is about India, which only the item's next sentence names. Also the
    texts read, for `texts_of` to read more items without reading these again."""
    contexts = item_contexts(hits)
    read = await texts_of(store, list(contexts)[:WHOLE_ITEMS], {})
    whole = {item: f"{found} {read[item]}" if item in read else found for item, found in contexts.items()}
    return whole, read


async def texts_of(store: AnswerStore, items: Collection[int], read: dict[int, str]) -> dict[int, str]:
    """The texts of `items`, reading from the store only those not already in `read` (which
    keeps what is read)."""
    missing = [item for item in items if item not in read]
    if missing:
        read.update(await store.item_texts(missing))
    return {item: read[item] for item in items if item in read}


def support_in_item(asked: Question, text: str, context: str, rarity: Mapping[str, float],
                    named: frozenset[str] = frozenset(), thing: bool | None = None,
                    own: float | None = None) -> float:
    """`support` of a sentence read with its item's other sentences (`context`): its own
    support (`own`, when already known) weighs most, and what the item lends lifts it by
    `CONTEXT_LIFT` at most."""
    if own is None:
        own = support(asked, text, rarity, named, thing)
    if context == text:
        return own
    if own == 0.0 and asked.names and all(has_name(name, context) for name in asked.names) \
            and not _led_by_another_name(asked, text):
        # "A relief centre has opened at the Myrtleford showgrounds", in a report of the
        # Wandiligong fire: read as naming what its item names
        own = NAMED_BY_ITS_ITEM * support(asked, f"{text} {' '.join(asked.names)}", rarity, named, thing)
    lent = CONTEXT_SHARE * support(asked, f"{text} {context}", rarity, named, thing)
    return max(own, min(lent, (own + lent) / 2 + CONTEXT_LIFT))


def _led_by_another_name(asked: Question, text: str) -> bool:
    """Whether a sentence is about someone else it names first, not a speaker ("Helen Marchetti, a
    former barrister …, has been appointed", "U.S. District Judge Ellen Marsh set sentencing"):
    its item naming what is asked does not make it tell of that."""
    opening = _NAME_FIRST.match(WIRE_DATELINE.sub("", text))
    return (opening is not None and not any(has_name(name, opening.group()) for name in asked.names)
            and _SPEECH.search(text) is None)


_NAME_FIRST = re.compile(r"\s*(?!(?:The|A|An|This|That|These|Those|Its|Their|His|Her|Our)\b)"
                         r"(?:(?-i:[A-Z])[\w.'’-]*\s+){1,4}(?-i:[A-Z])[\w'’-]+(?=\s*,|\s+(?-i:[a-z]))")
_SPEECH = re.compile(r"\b(?:said|says|told|tells|added|according\s+to)\b")


def has_rarest_word(asked: Question, text: str, rarity: Mapping[str, float],
                    named: frozenset[str] = frozenset()) -> bool:
    """Whether a sentence has the question's rarest word (besides its names), the one that says
    most what is asked about: "lightning" in "how long was the record lightning strike"."""
    content = [t for t in asked.content_terms() if t not in named and t.isalpha()]
    return not content or meets(max(content, key=lambda t: rarity.get(t, 0.0)), lemmas_of(text)) > 0


def support(asked: Question, text: str, rarity: Mapping[str, float],
            named: frozenset[str] = frozenset(), thing: bool | None = None) -> float:
    """How much of the question a sentence covers, weighing each word by its rarity: 0 when it
    misses a name the question names, or a word typed in lower case that the sentences found
    write as a name (`named`: "serena", "bafta"), or a word no stored sentence has; else the
    weighted share of the question's words it has, a word of the same family counting a little
    less and the names (which it has) counting half: the question's other words say what it
    asks about them. `thing` says whether the sentence holds the kind of thing asked for (a
    value of the measure asked, a place, a date), which counts as one more word when known."""
    if not all(has_name(name, text) or name.casefold() in PLACES
               or _within_named(asked.text, name, text) for name in asked.names) \
            or not _places_met(asked.text, text):  # a place named is met as `_places_met` reads it
        return 0.0
    content = [t for t in asked.content_terms() if t not in named]
    found = lemmas_of(text)
    found |= compounds_in(text, {t for t in (*content, *named) if t not in found})
    found |= split_in(asked.text, found)
    if any(not meets(t, found) and not people_of(t, found) for t in named):
        return 0.0
    if not content:
        return 1.0 if asked.names or named else 0.0
    pointing = _THE_EVENT | (_TOOK_PLACE if asked.kind in (KIND_PLACE, KIND_DATE)
                             and _TOOK_PLACE_ASKED.search(asked.text) else frozenset()) \
        | _kind_after_a_name(asked.text)
    setting = _the_setting(asked.text, asked.kind == KIND_FIGURES)
    weights = {t: MIN_WEIGHT if t in pointing else max(rarity.get(t, 1.0), MIN_WEIGHT) * (
        SETTING_SHARE if t in setting else 1.0) for t in content}
    name_terms = [t for t in asked.terms if t not in weights]
    given = NAME_SHARE * sum(max(rarity.get(t, 1.0), MIN_WEIGHT) for t in name_terms)
    found -= {n for n, pattern in _numbered_names(asked.text) if not pattern.search(text)}
    covered = sum(w * meets(t, found) for t, w in weights.items())
    total = sum(weights.values()) + given
    if thing is not None:
        asked_for = sum(weights.values()) / len(weights)
        covered, total = covered + asked_for * thing, total + asked_for
    return (covered + given) / total


def _within_named(question: str, name: str, text: str) -> bool:
    """Whether a question names `name` only to say where the next name is ("Nova Scotia's
    Western Zone") and the text names that one: "cases in the Western Zone" are Nova Scotia's."""
    within = name_within(question, name)
    return within is not None and has_name(within, text)


def name_within(question: str, name: str) -> str | None:
    """The name a question's `name` says where it is, when it does: "Western Zone" of "Nova
    Scotia's Western Zone"."""
    found = re.search(rf"\b{re.escape(name)}['’]s\s+(?P<next>(?-i:[A-Z])[\w'’-]*"
                      r"(?:\s+(?-i:[A-Z])[\w'’-]*){0,3})", question)
    return found.group("next") if found else None


SETTING_SHARE = 0.4  # what a word of the setting a question ends on weighs, against one of what it asks


@lru_cache(maxsize=4096)
def _the_setting(question: str, when: bool) -> frozenset[str]:
    """The words of the clause a question ends on to say which thing it asks about ("where is the
    Corran plant *that caught fire*") or, of a figure (`when`), when what it asks was so ("how many
    vehicles were still on board *after it was towed into port*"): a report gives the answer
    without telling the setting again."""
    found = _SETTING.search(question) if when else None
    which = _WHICH_ONE.search(question)
    if not found and which and _NAMED_BEFORE.search(question, 0, which.start()) \
            and is_verb_form(which.group("clause").split()[0]):  # "the Corran plant that caught fire"
        found = which
    return frozenset(lemma(w.lower()) for w in words(found.group("clause"))) if found else frozenset()


_SETTING = re.compile(r"(?<=\w)\s+(?:after|when|while|once|before|during|following)\s+"
                      r"(?P<clause>(?:[\w'’-]+\s+){1,8}[\w'’-]+)\s*[?.!]*\s*$", re.IGNORECASE)


_NAMED_BEFORE = re.compile(r"(?<=\w)\s+(?-i:[A-Z])[\w'’-]*(?:\s+[\w'’-]+){0,2}$")
_WHICH_ONE = re.compile(r"(?<=[a-z])\s+(?:that|which)\s+(?P<clause>(?:[\w'’-]+\s+){0,6}[\w'’-]+)"
                        r"\s*[?.!]*\s*$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def _kind_after_a_name(question: str) -> frozenset[str]:
    """The words a question puts after a name to say what it is ("the Irish Open *golf
    tournament*", "the Halcyon *spacecraft*"): a report that names it need not say them."""
    return frozenset(lemma(found.group(group).lower()) for found in _KIND_AFTER_A_NAME.finditer(question)
                     for group in ("first", "second") if found.group(group)
                     and lemma(found.group(group).lower()) in _NAME_KINDS)


_NAME_KINDS = frozenset(lemma(w) for w in """tournament championship championships competition contest
race marathon festival awards award ceremony event show series film movie album song book novel
band group company firm business chain brand charity club team party airline bank museum storm
hurricane cyclone typhoon ship vessel ferry yacht spacecraft probe rocket mission golf tennis
football cricket rugby snooker darts""".split())
# (not the question's first word, "Which film", nor what is a name's own: "Carrow's last film")
_KIND_AFTER_A_NAME = re.compile(r"(?<=\s)(?-i:[A-Z][\w'’-]*)(?<!['’]s)\s+(?P<first>(?-i:[a-z]+))"
                                r"(?:\s+(?P<second>(?-i:[a-z]+)))?")


# Words that point at an event without saying what it was ("the Velgaon dam disaster" is the
# breach the news reports): a sentence that tells the event need not call it so.
_THE_EVENT = frozenset(lemma(w) for w in "disaster tragedy catastrophe incident".split())
# "where was the final played", "when was the summit held" (the question ends on it): that it
# took place is what a report of it takes for granted ("the final is at Tui Park on Sunday")
_TOOK_PLACE = frozenset(lemma(w) for w in "played held staged".split())
_TOOK_PLACE_ASKED = re.compile(r"\b(?:played|held|staged)\s*[?.!]*\s*$", re.IGNORECASE)


_NUMBERED = re.compile(r"(?<![\w'’-])(?P<word>[a-z][\w'’-]*)\s+(?P<number>\d{1,3})(?![\w,.%])", re.IGNORECASE)
_NOT_A_NAME_BEFORE = frozenset("""first last next past top over under about around nearly almost than
least most some only just all every each per by aged age of in on at to for from the a an and or
with after before since until between""".split())


@lru_cache(maxsize=1024)
def _numbered_names(question: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The numbers a question writes as part of a name ("gta 6", "windows 11", "covid 19"), each
    with the pattern of that name: a sentence meets the number only as written with its word
    ("January 6 Committee" says nothing of GTA 6)."""
    return tuple((m.group("number"), re.compile(rf"(?<![\w]){re.escape(m.group('word'))}\W{{0,2}}"
                                                 rf"{m.group('number')}(?!\d)", re.IGNORECASE))
                 for m in _NUMBERED.finditer(question)
                 if m.group("word").lower() not in _NOT_A_NAME_BEFORE
                 and m.group("word").lower() not in STOPWORDS)


_NOT_KNOWN = re.compile(
    r"\b(?:(?:are|is|was|were|has|have)\s+yet\s+to\s+(?:establish|determine|confirm|identify|disclose|"
    r"reveal|announce|be\s+(?:established|determined|confirmed|identified|disclosed|named|released|"
    r"revealed|announced))|not\s+(?:yet\s+)?(?:been\s+)?(?:known|disclosed|released|revealed|"
    r"made\s+public|established|determined)|(?:was|is|remains?|remained)\s+(?:still\s+)?(?:unknown|"
    r"unclear|not\s+clear)|undisclosed|unnamed|no\s+details|(?:did|does|do)\s+not\s+(?:say|disclose|"
    r"reveal|give)|declined\s+to\s+(?:say|disclose|reveal|give|name)"
    r"|\bno\s+(?:further\s+|new\s+|formal\s+)?(?:negotiations|talks|meetings?|date|hearing)\s+(?:are|is|were|was|"
    r"has\s+been|have\s+been|had\s+been)\s+(?:yet\s+)?(?:scheduled|planned|set|arranged|fixed)"
    r"|(?:inquiry|investigation|probe)\s+(?:has\s+been\s+|was\s+|is\s+)?(?:ordered|opened|launched|under\s+way)\s+"
    r"into\s+(?:the\s+)?(?:cause|causes|reason)|(?:cause|causes|reason)\s+(?:is|was|are|were)\s+(?:still\s+|now\s+)?"
    r"(?:being\s+investigated|under\s+investigation))\b", re.IGNORECASE)
_WHO_AFTER = re.compile(r",?\s+who\s")  # "tributes to Tom Vale, who died on Friday": he did
_PREPOSITION_BEFORE = re.compile(r"(?:^|\W)(?:to|of|for|with|against|from|about|by|on|at|under|"
                                 r"behind|near|around|toward|towards)\s+$", re.IGNORECASE)


BORN_ASKED = re.compile(r"\bborn\b|\bbirthplace\b", re.IGNORECASE)
# "Born in Ballarat", "Saltmouth-born", "has had a lamb"
_BORN_SAID = re.compile(r"\bborn\b|-born\b|\bbirth(?:place)?\b|\bnative\s+of\b|\bhails\s+from\b"
                        r"|\bgrew\s+up\b|\bha(?:s|d|ve)\s+had\s+(?:a|an|twins?|triplets?)\b", re.IGNORECASE)
_OTHER_YEAR = re.compile(r"\b(?:last|previous|next)\s+year\b|\b(?:in|during|for)\s+(?:19|20)\d\d\b",
                         re.IGNORECASE)


def _names_month(month: int, text: str) -> bool:
    name = f"{date(2000, month, 1):%B}"
    return re.search(rf"\b(?:{name}|{name[:3]}\.?)(?!\w)", text) is not None


def says_it(asked: Question, text: str, published: date, events: bool = True) -> bool:
    """Whether a sentence can answer at all, however much of the question's words it has: it is
    of the year the question names (names it, or was published then), says the event the
    question asks about ("resign": not a resignation's hearing, nor a vigil), with the one the
    question says did it as its doer ("aides to Boris Johnson resigned" is not his
    resignation), and does not say that what is asked is not known ("investigators are yet to
    establish a cause")."""
    if asked.year is not None and str(asked.year) not in text and (
            published.year != asked.year or _OTHER_YEAR.search(text)):
        return False  # "in 2022": not "17,000 shops closed last year", told in 2022
    if asked.month is not None and published.month != asked.month and not _names_month(asked.month, text):
        return False  # "in February": a sentence of February, or one that says February
    found = lemmas_of(text)
    if events and any(not meets(verb, found) and not _said_otherwise(verb, text)
                      and not doers_of(verb) & found for verb in _event_verbs(asked)):  # "its conductor"
        return False
    if events and asked.subject and asked.verbs and not _as_doer(asked.subject, text):
        return False
    if events and asked.verbs and _only_before_another_event(asked, text):
        return False
    if (asked.past and asked.verbs and not _MODAL.search(asked.text) and asked.kind != KIND_PLACE
            and _only_expected(asked, text)):
        return False  # (the place of a plan is where it happened: "will be sentenced at Southwark")
    if _FINAL.search(asked.text) and not _FINAL.search(text) and asked.kind != KIND_FIGURES:
        return False  # "the final result": (of a count, `figure_answers` asks whether it settled)
    if asked.kind == KIND_PLACE and BORN_ASKED.search(asked.text) and not _BORN_SAID.search(text):
        return False  # "where was she born": not "has died in Hobart"
    if _THE_FINAL.search(asked.text) and _ANOTHER_STAGE.search(text) and not _THE_FINAL.search(text):
        return False  # "who won the final": not a win in the round of 16
    if (_THE_FINAL.search(asked.text) and _TO_THE_FINAL.search(text)
            and not _THE_FINAL.search(_TO_THE_FINAL.sub(" ", text))):
        return False  # "the score in the final": not the win that "reached the final"
    if asked.kind in (KIND_DATE, KIND_PLACE) and any(not meets(t, found)
                                                      for t in asked.terms if t in _OCCASIONS):
        return False  # "when's the wedding": not the day the engagement was announced
    if (asked.kind in (KIND_DATE, KIND_PLACE) and _THE_FINAL.search(asked.text)
            and not _THE_FINAL.search(text)):
        return False  # "where is the final": not where a group match was played
    if _REHEARSAL.search(text) and not _REHEARSAL_ASKED.search(asked.text):
        return False  # "where did England beat Bangladesh": not in a warm-up match
    if _SUCCESSOR.search(asked.text) and not _CHANGE_OF_POST.search(text):
        return False  # "the new Chelsea manager after Tuchel": not a sentence about Tuchel in post
    if asked.kind == KIND_DATE and _ENDING_ASKED.search(asked.text) and not _ENDING_SAID.search(text):
        return False  # "when does the hosepipe ban end": not the day it was brought forward to
    if (asked.kind == KIND_DATE and _LAST_BEFORE_ASKED.search(asked.text)
            and not _LAST_BEFORE_SAID.search(text)):
        return False  # "when did it last erupt before this": not the eruption of this week
    if _PERMANENT.search(asked.text) and _STAND_IN.search(text) and not _MADE_PERMANENT.search(text):
        return False  # "its permanent chief executive": not the interim one
    if _another_of_the_series(asked.text, text):
        return False  # "its second launch": not "the first orbital launch"
    return _NOT_KNOWN.search(text) is None


def _event_verbs(asked: Question) -> tuple[str, ...]:
    """The verbs a sentence must say the event by: not "played" or "held" in "where will the third
    Test be played", which only asks where it takes place ("starts at Providence Stadium")."""
    if asked.kind in (KIND_PLACE, KIND_DATE) and _TOOK_PLACE_ASKED.search(asked.text):
        return tuple(verb for verb in asked.verbs if verb not in _TOOK_PLACE)
    return asked.verbs


_ORDINAL_WORDS = {"first": 1, "maiden": 1, "inaugural": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5,
                  "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10,
                  "1st": 1, "2nd": 2, "3rd": 3, **{f"{n}th": n for n in range(4, 11)}}
_ORDINAL_AND_AFTER = re.compile(r"\b(" + "|".join(_ORDINAL_WORDS) + r")((?:\s+[a-z][\w'’-]*){1,3})",
                                re.IGNORECASE)


def _ordinals_of(text: str) -> list[tuple[int, set[str]]]:
    """Each ordinal a text gives with the lemmas of the words after it ("second launch")."""
    return [(_ORDINAL_WORDS[m.group(1).casefold()], {lemma(w.casefold()) for w in m.group(2).split()})
            for m in _ORDINAL_AND_AFTER.finditer(text)]


def _another_of_the_series(question: str, text: str) -> bool:
    """Whether the sentence tells of another one of a series than the question's ordinal asks
    for: "when will it make its second launch" and "will attempt the first orbital launch"."""
    asked = _ordinals_of(question)
    if not asked:
        return False
    told = _ordinals_of(text)
    for rank, after in asked:
        nouns = after - _STOPWORD_LEMMAS
        if any(n == rank and nouns & t for n, t in told):
            return False
        if any(n != rank and nouns & t for n, t in told):
            return True
    return False


_STOPWORD_LEMMAS = frozenset(lemma(w) for w in STOPWORDS)


_ENDING_ASKED = re.compile(r"\b(?:end|ends|finish|finishes|expire|expires|be\s+lifted|lift|run\s+out|"
                           r"wrap\s+up|close|closes)\s*[?.!]*\s*$", re.IGNORECASE)
_ENDING_SAID = re.compile(r"\b(?:end|ends|ended|ending|until|till|deadlines?|finish\w*|expir\w*|lift\w*|over|"
                          r"clos\w*|runs?\s+out|wrap\w*\s+up|conclud\w*)\b", re.IGNORECASE)
_LAST_BEFORE_ASKED = re.compile(r"\blast\b.*\bbefore\s+(?:this|now|that|then)\b|\bprevious(?:ly)?\b",
                                re.IGNORECASE)
_LAST_BEFORE_SAID = re.compile(r"\b(?:last|previous(?:ly)?|since|before|prior)\b", re.IGNORECASE)
_PERMANENT = re.compile(r"\b(?:permanent(?:ly)?|full[- ]time)\b", re.IGNORECASE)
_MADE_PERMANENT = re.compile(r"\b(?:named|appointed|made|confirmed)\s+(?:as\s+)?(?:the\s+)?permanent\b",
                             re.IGNORECASE)
_STAND_IN = re.compile(r"\b(?:interim|caretaker|acting|temporary|stand-in)\b", re.IGNORECASE)
_SUCCESSOR = re.compile(r"\b(?:new\s+(?:[\w'’-]+\s+){1,3}(?:after|since)\s|replaced|replaces|succeeded|"
                        r"who\s+will\s+(?:be|become)\s+(?:[\w'’-]+\s+){0,3}(?:permanent|next|new)\b|"
                        r"successor|took\s+over\s+from|takes\s+over\s+from|in\s+place\s+of)", re.IGNORECASE)
_CHANGE_OF_POST = re.compile(r"\b(?:appoint\w*|nam(?:ed|es)|replac\w*|succe\w*|new|took\s+over|takes\s+over|"
                             r"taking\s+over|hire[ds]?|chosen|picked|elected|installed|sworn|interim|caretaker)\b",
                             re.IGNORECASE)
# Occasions a date or a place is asked of, which a sentence must say itself: the day of
# something else in the same item is not theirs.
_OCCASIONS = frozenset(lemma(w) for w in """wedding marriage funeral burial buried memorial engagement divorce
birth inauguration coronation premiere trial verdict sentencing referendum election inquiry hearing
diverted""".split())
_REHEARSAL = re.compile(r"\b(?:warm-?up|practice|rehearsal|exhibition|dress\s+rehearsal)\s+(?:match|game|"
                        r"win|victory|defeat|loss|draw|fixture|session|round|bout)\b", re.IGNORECASE)
_REHEARSAL_ASKED = re.compile(r"\b(?:warm-?up|practice|rehearsal|exhibition)\b", re.IGNORECASE)
_THE_FINAL = re.compile(r"(?<![-\w])final(?!\s+(?:death\s+)?(?:toll|tally|count|figure|number|total|"
                        r"result|score|say|word|decision|day|stages?|straw|group|round|phase|leg|lap|hole|"
                        r"stretch|whistle|minutes?|seconds?|hours?|weeks?|months?|years?|episode|season|"
                        r"warning|report|chapter)\b)(?![-\w])", re.IGNORECASE)
_ANOTHER_STAGE = re.compile(r"\b(?:round\s+of\s+(?:16|32|sixteen)|last\s+(?:16|eight|four)|"
                            r"quarter-?finals?|semi-?finals?|group\s+stage|(?:first|second)\s+leg|"
                            r"qualifiers?|qualifying|play-?offs?)\b", re.IGNORECASE)


# "reached the Baltic Open final with a 7-6 6-3 win": a win before the final
_TO_THE_FINAL = re.compile(r"\b(?:reach(?:ed|es|ing)?|into|meet\s+in|(?:a|her|his|their|its)\s+place\s+in"
                           r"|through\s+to|advanced?\s+to|progress(?:ed)?\s+to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}?"
                           r"final\b", re.IGNORECASE)


def says_final(text: str) -> bool:
    """Whether a text speaks of a final count, toll or result ("the final death toll")."""
    return _FINAL.search(text) is not None


def asks_a_final_count(asked: Question) -> bool:
    """"What was the final death toll": a count that has stopped changing (a final score or
    result is the match's own, told once)."""
    return _FINAL.search(asked.text) is not None and not _FINAL_RESULT.search(asked.text)


_FINAL_RESULT = re.compile(r"\bfinal\s+(?:result|score)\b", re.IGNORECASE)
_FINAL = re.compile(r"\bfinal\s+(?:death\s+)?(?:toll|tally|count|figure|number|total|result|score)s?\b",
                    re.IGNORECASE)
_ANOTHER_EVENT = frozenset("""hearing hearings process bid bids talks threat threats plan plans vote
campaign deadline rumours rumors speculation fears fear""".split())


def _only_before_another_event(asked: Question, text: str) -> bool:
    """Whether the sentence says the event asked about only as the name of another one: its
    "confirmation hearings", "resignation talks", "death threats" are not the confirmation,
    the resignation or a death."""
    said = event_words(asked, text)
    return bool(said) and all((after := _NEXT_WORD.match(text, m.end())) is not None
                              and after.group(1).lower() in _ANOTHER_EVENT for m in said)


LETTER_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_NEXT_WORD = re.compile(r"\s+([^\W\d_]+)")


def event_words(asked: Question, text: str) -> list[re.Match[str]]:
    """The words of a sentence that say an event the question asks about ("died", "death",
    "passed away")."""
    said = [token for token in LETTER_WORD.finditer(text)
            if any(meets(verb, {lemma(token.group().lower())}) for verb in asked.verbs)]
    if any(meets(verb, {_DIE}) for verb in asked.verbs):
        said.extend(_PASSED_AWAY.finditer(text))
    return said


_DIE = lemma("die")
_PASSED_AWAY = re.compile(r"\bpass(?:ed|es|ing)?\s+away\b", re.IGNORECASE)


_EXPECTED = re.compile(r"\b(?:expected|set|likely|poised|tipped|hoping|hopes?|plans?|planning|aims?|due|bid)"
                       r"\s+to(?:\s+\w+)?\s+$|\b(?:could|may|might|would|will|should|estimated|estimate|forecast|"
                       r"predicted|projected)\s+(?:\w+\s+)?$|\bup\s+for\s+$", re.IGNORECASE)  # "up for sale"
# A day planned, not the day it happened: "set for maiden launch on Thursday", "will attempt the
# first orbital launch", "targets Wednesday launch" (the place of a plan is still where it happens;
# its day may move)
_PLANNED = re.compile(r"\b(?:set|scheduled|planned|due|slated|poised)\s+for\s+(?:\w+\s+){0,3}$"
                      r"|\btarget(?:s|ed|ing)?\s+(?:an?\s+|the\s+|its\s+)?(?:\w+\s+){0,2}$"
                      r"|\b(?:will|would|could|may|might|to)\s+(?:attempt|try|seek)\s+(?:to\s+)?(?:\w+\s+){0,3}$",
                      re.IGNORECASE)


_MODAL = re.compile(r"\b(?:could|may|might|would|will|(?:expected|set|likely|poised|tipped|due)\s+to|"
                    r"estimated|forecast|predicted|projected)\s+\w+", re.IGNORECASE)


# A value expected or forecast, not one done: "is expected to report a net profit of about Rs 1,190
# crore", "analysts see profit of …", "the 3% analysts had expected"
_FORECAST_BEFORE = re.compile(r"\b(?:expected|forecast|predicted|projected|tipped)\s+to\s+"
                              r"(?:[\w'’-]+\s+){0,6}$|\b(?:analysts?|economists?|brokerages?|markets?)\s+(?:see|expect|forecast|"
                              r"predict|estimate)s?\s+(?:[\w'’-]+\s+){0,6}$", re.IGNORECASE)
_FORECAST_AFTER = re.compile(r"\s*(?:[\w'’-]+\s+){0,2}?(?:analysts?|economists?|markets?)\s+(?:had\s+)?"
                             r"(?:expected|forecast|predicted|pencilled|estimated)\b", re.IGNORECASE)


# A value wanted, not had: "needs 12,500 valid signatures", "have demanded a ransom of 300 million
# naira", "a potential fine could reach £15m" (a question asking what is wanted takes it); "could",
# "may" and "might" in lower case only ("in May")
_WANTED_BEFORE = re.compile(r"\b(?P<want>needs?|needed|demand(?:s|ed|ing)?|seek(?:s|ing)?|sought|wants?|"
                            r"wanted|(?-i:could|may|might))\s+(?:[\w'’-]+\s+){0,3}(?:\S+[-–])?$",
                            re.IGNORECASE)
_RESTATED = re.compile(r"\d[\d.,]*(?:\s+[a-z]+){0,2}\s*[,(]\s*"
                       r"(?:about|around|roughly|some|nearly|almost|or)?\s*$")
_WANTING = frozenset(lemma(w) for w in "need demand seek sought want could may might ask target".split())
# "seek guarantees for the 1,900 staff": what is sought is something else, for people already there
_OF_THOSE_THERE = re.compile(r"\b(?:for|of|to|on|with|from|among)\s+"
                             r"(?:the|its|their|his|her|all|those|these)\s+$", re.IGNORECASE)


def only_forecast(asked: Question, sentence: str, start: int, end: int) -> bool:
    """Whether a question about what was done ("what net profit did it report", "how much ransom
    was paid") meets a value the sentence only expects, forecasts or wants (a question that
    asks for a forecast or a demand takes it)."""
    if _MODAL.search(asked.text):
        return False
    if asked.past and (_FORECAST_BEFORE.search(sentence, 0, start) or _FORECAST_AFTER.match(sentence, end)):
        return True
    restated = _RESTATED.search(sentence, max(0, start - 40), start)  # "300 million naira, about £145,000"
    start = restated.start() if restated else start
    wanted = _WANTED_BEFORE.search(sentence, max(0, start - 60), start)
    return (wanted is not None and not _WANTING & set(asked.terms)
            and not _OF_THOSE_THERE.search(sentence, max(0, start - 20), start))


def _only_expected(asked: Question, text: str) -> bool:
    """A done event asked about ("what did the diamond sell for") and a sentence that only
    expects it ("is expected to sell for $48 million"): every time it says the event, a word of
    expectation comes right before."""
    said: list[re.Match[str]] = event_words(asked, text)
    if not said and set(asked.verbs) & _WIN_OR_BEAT:  # "after an efficient defeat of Bangladesh"
        said = [*_WON_OVER.finditer(text), *_LOST_TO.finditer(text)]
    if not said:  # "could fetch a record $200 million": no sale said, one expected
        return _MODAL.search(text) is not None
    return all(_EXPECTED.search(text[:t.start()])
               or (asked.kind == KIND_DATE and _PLANNED.search(text[:t.start()])) for t in said)


_WIN = lemma("win")
_WIN_OR_BEAT = frozenset({_WIN, lemma("beat")})
_DEFEAT_BY = r"\b(?:defeats?|loss|lost|loses|losing|beaten)\s+(?:[\w'’-]+\s+){0,4}?(?:by|to)\s+"
_LOST_TO_BEFORE = re.compile(rf"{_DEFEAT_BY}$")  # "her defeat by " right before the name
_LOST_TO = re.compile(rf"{_DEFEAT_BY}(?=[A-Z])")
_GONE_TO = re.compile(r"\b(?:went|goes|go|going|awarded|handed|given|presented)\s+to\s+(?:the\s+)?",
                      re.IGNORECASE)
# A beating written as the winner's noun: "England win over Bangladesh", "a defeat of Bangladesh".
_WON_OVER = re.compile(r"\b(?:win|victory|triumph|defeat|thrashing|rout|hammering|drubbing|thumping|"
                       r"trouncing|mauling)\s+(?:over|of|against)\s+(?=[A-Z])")


# A win written as what the winner became: "In 1976, John Curry became the Olympic, world and
# European champion".
_BECAME_CHAMPION = re.compile(r"\bwinners?\s+of\b"  # "Humphries, winner of the first Olympic gold"
                              r"|\b(?:became|becomes|become|becoming|was\s+crowned|crowned)\s+(?:the\s+)?"
                              r"(?:[\w'’,-]+\s+){0,5}?(?:champions?|winners?|title\s+holders?)\b",
                              re.IGNORECASE)


_QUITS = frozenset(lemma(w) for w in ("quit", "resign", "retire"))
_LEAVES_A_POST = re.compile(r"\b(?:leav(?:e|es|ing)|left|step(?:s|ped|ping)?\s+down|bow(?:s|ed|ing)?\s+out|"
                            r"exit(?:s|ed|ing)?|depart(?:s|ed|ing|ure)|walk(?:s|ed|ing)?\s+away|call(?:s|ed|ing)?\s+it\s+a\s+day|"
                            r"hang(?:s|ing)?\s+up\s+(?:his|her|their)\s+(?:boots|gloves|racket|spikes))\b",
                            re.IGNORECASE)


BUY = lemma("buy")
# A purchase told as its sale: "Sting has sold his catalogue to Universal Music Publishing Group"
SOLD_TO = re.compile(r"\b(?:sells?|sold|selling|sale\s+of)\b[^.;]{0,80}?\bto\s+"
                     r"(?P<buyer>(?-i:[A-Z])[\w&'’.-]*(?:\s+(?-i:[A-Z])[\w&'’.-]*){0,4})", re.IGNORECASE)


def by_doer_noun(asked: Question, text: str) -> bool:
    """Whether a sentence says the event asked of only by naming who does it ("its first woman
    conductor" for "who conducts"): then the name is not the subject of its verb."""
    found = lemmas_of(text)
    return any(doers_of(verb) & found and not meets(verb, found - doers_of(verb)) for verb in asked.verbs)


_BEGINS = frozenset(lemma(w) for w in "start begin open launch kick".split())
_STARTS = frozenset(lemma(w) for w in "start begin".split())
_LAPSES = frozenset(lemma(w) for w in "expire lapse".split())
_A_DEADLINE = re.compile(r"\bdeadlines?\b|\b(?:has|have|had|given)\s+until\b", re.IGNORECASE)
_OPENS = re.compile(r"\b(?:open|opens|opening|opened|commence[sd]?|commencing|gets?\s+under\s+way"
                    r"|got\s+under\s+way|kicks?\s+off|kicked\s+off|(?:came|comes?)\s+into\s+(?:force|effect)"
                    r"|(?:takes?|took)\s+effect"
                    r"|(?:breaks?|broke|broken|breaking)\s+out"  # "the fire broke out on Sunday"
                    r"|(?:walk|walks|walked|walking)\s+(?:off\s+the\s+job|out)"  # a strike's start
                    r"|(?:go|goes|went|gone|going)\s+on\s+strike)\b"
                    # "banned from 1 April next year", "will close from Nov. 22 to Nov. 30"
                    r"|\bfrom\s+(?-i:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?"
                    rf"{MONTH_WORD}|{MONTH_WORD}\s+\d{{1,2}}\b)"
                    r"|\bfrom\s+(?:midnight|tomorrow|next\s+(?:week|month|year))\b",
                    re.IGNORECASE)
_MOVED_TO_A_DAY = re.compile(r"\b(?:brought|bring|brings|bringing)\s+(?:[\w'’-]+\s+){0,4}?forward\s+to\b"
                             r"|\b(?:postponed|delayed|moved|put\s+back|pushed\s+back|rescheduled|deferred)\s+"
                             r"(?:[\w'’-]+\s+){0,4}?(?:to|until)\b", re.IGNORECASE)


def _said_otherwise(verb: str, text: str) -> bool:
    """A win written as a prize going to someone ("best picture went to Coda"), a victory as
    the loser's defeat ("her defeat by Veronika Kudermetova") or as the winner's noun ("a
    defeat of Bangladesh", "England win over Bangladesh"); quitting as leaving ("is leaving
    Strictly", "steps down"); a purchase as its sale ("sells … to Universal")."""
    if verb in _QUITS and _LEAVES_A_POST.search(text):
        return True
    if meets(verb, {_DIE}) and _PASSED_AWAY.search(text):
        return True
    if verb in _BEGINS and _MOVED_TO_A_DAY.search(text):  # "the ban was brought forward to Saturday"
        return True
    if verb in _STARTS and _OPENS.search(text):  # "when does the inquiry start": "would open on 5 October"
        return True
    if verb in _LAPSES and _A_DEADLINE.search(text):  # "when does the deadline expire": "has until 25 Jan"
        return True
    if verb == BUY and SOLD_TO.search(text):  # "Sting sells his catalogue to Universal"
        return True
    if verb in _WIN_OR_BEAT and (_LOST_TO.search(text) or _WON_OVER.search(text)) is not None:
        return True
    return verb == _WIN and (_GONE_TO.search(text) or _BECAME_CHAMPION.search(text)) is not None


def _as_doer(subject: str, text: str) -> bool:
    """Whether a sentence may have `subject` doing something: not when every time it names
    them, a preposition comes first ("aides to Boris Johnson"); a sentence that does not write
    the name as typed cannot be told and may."""
    named = list(re.finditer(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in words(subject)) + r"(?!\w)",
                             text, re.IGNORECASE))
    return not named or any(_PREPOSITION_BEFORE.search(text[:m.start()]) is None
                            or _WHO_AFTER.match(text, m.end()) for m in named)


_SPELLINGS = {"kiev": "kyiv", "odessa": "odesa", "donbass": "donbas", "america": "united states"}


# Words of place names that are common words on their own: "barcelona's new shirt sponsor"
# names no place "new".
_PLACE_PARTS = frozenset("""new north south east west eastern western northern southern central united
states kingdom nations republic sea gulf ocean black white house""".split())


def _places_met(question: str, text: str) -> bool:
    """Whether a sentence names the places the question names, however typed ("russia" is met
    by "Russian"): "what did russia put its rate up to" is not answered by a British rate."""
    def spelled(word: str) -> str:
        return _SPELLINGS.get(word, word)
    typed = [POSSESSIVE_END.sub("", w.casefold()) for w in words(question)
             if not (w.islower() and is_verb_form(w))]  # "hungary's"; "downing tools" is no Downing
    wanted = {spelled(w) for w in typed if w in PLACES and w not in _PLACE_PARTS}
    if not wanted:
        return True
    said = {spelled(POSSESSIVE_END.sub("", w.casefold())) for w in words(text + teams_named(text))}
    said |= {spelled(DEMONYMS[w].casefold()) for w in said if w in DEMONYMS}
    return all(w in said or people_of(w, said) for w in wanted)


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
    alone: set[str] = set()  # written with a capital and no capitalised word after it but the question's
    seen: dict[str, int] = {}
    lowered: set[str] = set()  # terms some sentence writes in lower case
    texts = list(texts)
    met: dict[str, list[str]] = {}  # a word's lemma: the question's terms it meets (read once)
    for text in texts:
        found = words(text)
        headline_case = _title_case(found)
        for position, word in enumerate(found):
            base = lemma(word.lower())
            if base not in met:
                met[base] = [term for term in content if meets(term, {base})]
            for term in met[base]:
                seen[term] = seen.get(term, 0) + 1
                if word[:1].islower():
                    lowered.add(term)
            if base in content and position and not headline_case:
                inside[base] = inside.get(base, 0) + 1
                if word[:1].isupper() and not word.isupper():
                    capitalised[base] = capitalised.get(base, 0) + 1
                    if position + 1 < len(found) and found[position + 1][:1].isupper():
                        in_longer.add(base)
                        if lemma(found[position + 1].lower()) in content:
                            alone.add(base)  # "puppy bowl" typed: "Puppy Bowl"
                    else:
                        alone.add(base)
    missing = content - seen.keys()
    for text in texts if missing else ():
        for joined in compounds_in(text, missing):
            seen[joined] = seen.get(joined, 0) + 1  # "moon walk" for "moonwalk"
    # A word of the language the stored news happens not to use ("outdoors", "simulate",
    # "chosen") is a member's paraphrase; one the stemmer leaves whole ("moonwalk", "okonkwo")
    # or a hyphenated one ("fennimore-hale") may name what is not stored.
    worded = {lemma(w.lower()) for w in words(asked.text)
              if is_verb_form(w) or (lemma(w.lower()) != w.lower() and "-" not in w)}
    common = {lemma(w.lower()) for w in words(asked.text) if is_common_word(w.lower())}
    absent = {t for t in content if t not in seen and t.isalpha() and rarity.get(t, 0.0) >= SPECIFIC
              and t not in worded and t not in common}
    capitalised = {t: n for t, n in capitalised.items()
                   if t not in NATIONALITIES and t not in _CALENDAR}  # "russian", "march"
    rare_names = {t for t, n in inside.items() if capitalised.get(t, 0) == n and t not in in_longer
                  and rarity.get(t, 0.0) >= SPECIFIC}
    verbs = {lemma(w.lower()) for w in words(asked.text) if is_verb_form(w) and w.islower()}
    names = {t for t, n in seen.items() if (capitalised.get(t, 0) >= max(2, 2 * n / 3)
                                            or (capitalised.get(t, 0) >= 2 and t not in lowered))
             and t not in verbs and t not in _KIND_BEFORE_A_NAME  # "bowled" is no "Super Bowl"
             and (t in alone or t not in common)}  # "towed into port": not "Port Talbot"
    # a word only ever capitalised is a name
    return frozenset(names | absent | rare_names)


# Words written with a capital as the kind of what a name names ("Cyclone Naledi", "Storm
# Fenella"): "since the cyclone" asks of the cyclone however a sentence calls it.
_KIND_BEFORE_A_NAME = frozenset(lemma(w) for w in """cyclone storm hurricane typhoon tropical
volcano mount lake river operation""".split())


_CALENDAR = frozenset(lemma(word) for word in CALENDAR_WORDS)
NATIONALITIES = frozenset(lemma(word) for word in (*DEMONYMS, *"""african european asian arab arabian latin
scandinavian nordic baltic balkan caribbean pacific atlantic mediterranean western eastern northern southern
middle-eastern""".split()))
"""A nationality is written with a capital but names no one: "the russian strike" is met by a
sentence that never says "Russian" (as a question's own "Russian" need not be repeated); nor does
a region's ("which african country": Nigeria)."""


def _title_case(found: Sequence[str]) -> bool:
    """A headline written in title case, where capitals say nothing of names."""
    long = [w for w in found[1:] if len(w) >= 4]
    return len(long) >= 3 and sum(w[:1].isupper() for w in long) >= 0.75 * len(long)


def about_it(asked: Question, text: str, context: str, rarity: Mapping[str, float]) -> bool:
    """Whether a sentence that leads with a place, a date or a name is about what the question
    asks of: a name's sentence has what the event was done to, its rarest word ("won best
    *actress*"), and its item
    names the one the question says did it as typed ("Jamal Edwards", not "Edward Bronstein";
    the title may name him, the sentence the place), or the sentence itself has one of the
    question's words besides the event ("the queen", not only "death")."""
    if not _ordinals_of(text) and _another_of_the_series(asked.text, context):
        return False  # "where is the fourth Test": not "… lead in Barbados" of a second Test's report
    found = lemmas_of(text)
    thing = [t for t in asked.thing if t.isalpha()]
    if asked.kind not in (KIND_PLACE, KIND_DATE) and thing and not all(meets(t, found) for t in {
            max(thing, key=lambda t: rarity.get(t, SPECIFIC)), thing[-1]}):
        return False  # "who won best *actress*": not best picture; "snowboard *cross*": not halfpipe
    last = POSSESSIVE_END.sub("", words(asked.subject)[-1]) if asked.subject else ""  # "Hungary's election"
    if last and last.casefold() not in _ANYONE:
        if last.casefold() in PLACES:  # "Hungarian election" is Hungary's
            return _places_met(last, context)
        return re.search(rf"(?<!\w){re.escape(last)}(?!\w)", context, re.IGNORECASE) is not None
    about = [t for t in asked.terms if t not in asked.verbs]
    if about and (_STANDS_FOR_IT.search(text) is not None or _opens_with_a_species(text)):
        found = found | lemmas_of(context)  # "release *her* back into the North Sea": the item says who
    return not about or any(meets(t, found) for t in about)


def _opens_with_a_species(text: str) -> bool:
    """"Nyctibatrachus mariappani, about 2.1 cm long, was found …": the new species its item
    tells of, by its name."""
    found = binomial_in(text)
    return found is not None and found.start("name") <= 1


# "where was the guy killed": someone news calls "a man in his sixties", not someone named "Guy"
_ANYONE = frozenset("guy bloke fella fellow dude chap man woman lady person someone somebody".split())
_STANDS_FOR_IT = re.compile(r"\b(?:he|she|her|him|they|them|it)\b|\b(?:the|this)\s+(?:building|company|firm|"
                            r"club|group|band|museum|venue|hall|ship|vessel|ferry|plant|factory|school|"
                            r"hospital|festival|bank|airline|carrier|charity|mine|station)\b",
                            re.IGNORECASE)  # "The building, which opened in 1862": the Corn Exchange


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
    if set(asked.verbs) & _WIN_OR_BEAT and _LOST_TO_BEFORE.search(text[:at]):
        return True  # "her defeat by Veronika Kudermetova"
    rest = text[at + len(name):]
    for token in LETTER_WORD.finditer(rest):
        if not any(meets(verb, {lemma(token.group().lower())}) for verb in asked.verbs):
            continue
        gap = rest[:token.start()]
        possessor = re.match(r"['’]s?\s", gap) is not None  # "Liverpool's winning run"
        return (len(words(gap)) <= _GAP_WORDS and not possessor and _CLAUSE_BREAK.search(gap) is None
                and not (asked.past and _NOT_DONE.search(gap)))
    return False


def name_doing_it(text: str, asked: Question) -> str | None:
    """For "who won …": the first name the sentence gives that does what is asked."""
    given = given_words(asked)
    for match in CAPITALISED_RUN.finditer(text):
        found = new_words(match.group(), given)
        run = POSSESSIVE_END.sub("", match.group())
        if found and not any(is_given(w, given) for w in words(run)) and _does_it(run, text, asked):
            return " ".join(found)  # not "Premier" of "Premier League": a name the question gives
    return None


def right_after_the_event(asked: Question, text: str, at: int, gap: int) -> bool:
    """Whether what is written at `at` comes after a word of the event asked about, with at most
    `gap` words between ("died on Friday", "died at his home in Spiddal") and no clause break
    ("has died, his band said on Monday" dates the telling)."""
    return at >= 0 and any(at >= said.end() and len(words(text[said.end():at])) <= gap
                           and not _PUNCTUATION_BREAK.search(text, said.end(), at)
                           for said in event_words(asked, text))


_PUNCTUATION_BREAK = re.compile(r"[,;:–—]")  # a clause break the event's word may not cross


def given_by_the_question(asked: Question, name: str) -> bool:
    """Whether a name's telling words all come from the question: it names what is asked about,
    and is no answer ("where did amazon workers vote": not "US" from "a first in the US")."""
    typed = {lemma(w.casefold()) for w in words(asked.text)}
    telling = [lemma(w.casefold()) for w in words(name) if w.casefold() not in STOPWORDS]
    return bool(telling) and all(w in typed for w in telling)
