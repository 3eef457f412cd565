"""Reading a member's question: what kind of answer it wants, and the words an answer must meet.

Kinds: a number ("how many", "how much", "what's inflation at"), a person ("who is X"), a
place ("where"), a date ("when", "what day"), or anything else (a sentence that says it). The
question's own words are reduced to lemmas (`lexicon`) so that they meet the article's in other
forms and other words; names (capitalised words, acronyms) are kept apart: an answer must name
them. A question Newsdesk cannot read (empty, or not in English) is refused with a reason.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from digests.news.dates import calendar_dates_in
from digests.news.lexicon import lemma
from digests.news.text import STOPWORDS, words

KIND_FIGURES = "figures"
KIND_PERSON = "person"
KIND_PLACE = "where"
KIND_DATE = "when"
KIND_SEARCH = "search"

_QUESTION_WORDS = frozenset("""how many much number total count what whats what's is was were are
the there have has had did do does so far since until now currently today yet far who whos who's
where when which whom whose why tell me about know anything any please latest current according
many happen happened happening give us figure figures much""".split())
_HOW_MANY = re.compile(r"^\s*(?:how\s+(?:many|much)|what\s+(?:is|was|were|are)\s+the\s+"
                       r"(?:number|total|count|amount|size|value|cost|price|level|rate|share|toll)"
                       r"|what\s+number|what\s+percentage|how\s+big|how\s+large|how\s+high|how\s+far)\b",
                       re.IGNORECASE)
_WHAT_AT = re.compile(r"^\s*what(?:'s|’s|\s+is|\s+was)\s+(?:the\s+)?(?P<thing>[\w\s'-]{2,40}?)\s+"
                      r"(?:at|now|currently|today|running at|standing at)\b", re.IGNORECASE)
_NUMERIC_THINGS = frozenset(lemma(w) for w in """inflation rate price cost unemployment gdp growth
toll total number figure percentage share population salary pay wage budget deficit debt value
score temperature""".split())
_WHO = re.compile(r"^\s*(?:who\s+(?:is|was|are|were)|who(?:'s|’s)|whos|tell\s+me\s+about)\s+"
                  r"(?P<name>.+?)\s*[?.!]*\s*$", re.IGNORECASE)
_WHERE = re.compile(r"^\s*where\b", re.IGNORECASE)
_WHEN = re.compile(r"^\s*(?:when\b|what\s+(?:day|date|time|year|month)\b|on\s+what\s+(?:day|date)\b)",
                   re.IGNORECASE)
_VERBISH = re.compile(r"(?:ing|ed)$")
_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*|[A-Z]{2,}")
_POSSESSIVE = re.compile(r"['’]s$")
_ENGLISH_FUNCTION_WORDS = frozenset("""the a an of to in on at for is are was were has have had
did do does how what who where when which many much why this that it be been with from by and or
not any my me you we they he she his her its their our your can could will would should""".split())
_LETTER = re.compile(r"[^\W\d_]")
_DATE_WORDS = re.compile(r"\b(?:(?:by|on|since|until|before|after|in)\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+"
                         r"(?:of\s+)?[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2}(?:st|nd|rd|th)?)\b")
_CALENDAR_WORDS = frozenset("""monday tuesday wednesday thursday friday saturday sunday january
february march april may june july august september october november december jan feb mar apr
jun jul aug sep sept oct nov dec""".split())


@dataclass(frozen=True, slots=True)
class Question:
    """What a question asks, read once for every kind of answer."""

    text: str
    kind: str
    terms: tuple[str, ...]  # lemmas of its content words (names included), in order
    names: tuple[str, ...]  # names an answer must hold, as written
    head: str | None  # for a number: the lemma of what is counted ("how many *troops*")
    by: date | None  # the latest date it asks about ("by 1 March"), if it names one
    person: str | None  # for "who is X": X as written

    def content_terms(self) -> tuple[str, ...]:
        """The terms that are not part of a name: what the answer must say about the names."""
        in_names = {lemma(w) for n in self.names for w in words(n)}
        return tuple(t for t in self.terms if t not in in_names)


class Unreadable(Exception):
    """A question that cannot be answered as asked; the message says why, for the member."""


def read_question(text: str, today: date) -> Question:
    """The question read, or `Unreadable` (empty, or not in English)."""
    stripped = " ".join(text.split())
    if not _LETTER.search(stripped):
        raise Unreadable("Ask me a question in words: what would you like to know?")
    if not _reads_as_english(stripped):
        raise Unreadable("I can only read questions in English, and the news I keep is in "
                         "English too: could you ask in English?")
    kind, person = _kind(stripped)
    dates = calendar_dates_in(stripped, today)
    head = _counted_head(stripped) if kind == KIND_FIGURES else None
    return Question(text=stripped, kind=kind, terms=tuple(question_terms(stripped)),
                    names=tuple(_names(stripped)), head=head, by=max(dates) if dates else None,
                    person=person)


def question_terms(text: str) -> list[str]:
    """Lemmas of the content words of a question, question words and stop words left out."""
    found = []
    dates = {w.lower() for match in _DATE_WORDS.finditer(text) for w in words(match.group())}
    for word in words(text):
        lowered = _POSSESSIVE.sub("", word.lower())
        if (lowered in _QUESTION_WORDS or lowered in dates
                or (lowered in STOPWORDS and not word.isupper())):
            continue
        found.append(lemma(lowered))
    return list(dict.fromkeys(found))


def _kind(text: str) -> tuple[str, str | None]:
    if _HOW_MANY.search(text):
        return KIND_FIGURES, None
    thing = _WHAT_AT.search(text)
    if thing and {lemma(w.lower()) for w in words(thing.group("thing"))} & _NUMERIC_THINGS:
        return KIND_FIGURES, None
    who = _WHO.match(text)
    if who and _looks_like_a_name(who.group("name")):
        return KIND_PERSON, who.group("name")
    if _WHERE.search(text):
        return KIND_PLACE, None
    if _WHEN.search(text):
        return KIND_DATE, None
    return KIND_SEARCH, None


def _looks_like_a_name(text: str) -> bool:
    """Whether "who is ___" asks about someone named (not "who is buying Mandiant")."""
    found = words(text)
    if not 1 <= len(found) <= 5 or found[0].lower() in ("the", "a", "an", "in", "behind"):
        return False
    return not any(_VERBISH.search(w) and w.islower() and len(w) > 4 for w in found)


def _names(text: str) -> list[str]:
    """Runs of capitalised words after the first word, and acronyms anywhere ("US", "UNHCR")."""
    names: list[str] = []
    run: list[str] = []
    for position, word in enumerate(words(text)):
        capitalised = _NAME_WORD.fullmatch(word) is not None
        first_word = position == 0 and not word.isupper()
        ordinary = word.lower() in _QUESTION_WORDS or word.lower().rstrip(".") in _CALENDAR_WORDS
        if capitalised and not first_word and not ordinary:
            run.append(_POSSESSIVE.sub("", word))
            continue
        if run:
            names.append(" ".join(run))
            run = []
    if run:
        names.append(" ".join(run))
    return list(dict.fromkeys(names))


_COUNT_PHRASE = re.compile(r"how\s+(?:many|much)\s+(?P<phrase>(?:[\w'-]+\s+){0,3}?[\w'-]+?)"
                           r"(?=\s+(?:have|has|had|were|was|are|is|did|do|does|will|would|could"
                           r"|can|in|on|at|to|from|by|since|according|so|still|now)\b|\s*[?,.]|\s*$)",
                           re.IGNORECASE)


def _counted_head(text: str) -> str | None:
    phrase = _COUNT_PHRASE.search(text)
    if phrase is None:
        return None
    counted = [w for w in words(phrase.group("phrase")) if w.lower() not in STOPWORDS]
    return lemma(counted[-1].lower()) if counted else None


def _reads_as_english(text: str) -> bool:
    """A question of several words with not one English function word, or written mostly in
    letters English does not use, is not English."""
    found = [re.split(r"['’]", w.lower())[0] for w in words(text)]
    if len(found) < 3:
        return True
    letters = [c for c in text if c.isalpha()]
    ascii_share = sum(c.isascii() for c in letters) / max(len(letters), 1)
    return ascii_share >= 0.8 and any(w in _ENGLISH_FUNCTION_WORDS for w in found)
