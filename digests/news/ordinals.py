"""Questions whose answer is an ordinal: "what place did Kirsty Muir finish" ("qualified in
seventh"), "which number mass bleaching event is this" ("the sixth mass bleaching event"),
"which edition of the Academy Awards" ("the 94th Academy Awards"). The answer is the number the
ordinal gives, with the words that give it."""

from __future__ import annotations

import re
from dataclasses import dataclass

from digests.news.lexicon import lemma
from digests.news.text import STOPWORDS, words
from digests.news.word_matching import meets

_ORDINAL_WORDS = {word: n for n, word in enumerate(
    """first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth
    fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth""".split(), start=1)}


def _ordinal(name: str) -> str:
    return rf"(?P<{name}>\d{{1,3}}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS) + ")"



_RANK_ASKED = re.compile(r"^\s*(?:in\s+)?(?:what|which)\s+(?:place|position|spot|rank)\s+"
                         r"(?:did|does|do|has|have|had|was|were|is|are|will)\b.*\b(?:finish\w*|come|came|end\w*|place[ds]?|rank\w*|"
                         r"qualif\w*)\b", re.IGNORECASE)
_NTH_ASKED = re.compile(r"\b(?:what|which)\s+(?P<what>number|edition|instalment|installment|anniversary)\b"
                        r"(?:\s+of\b)?", re.IGNORECASE)
_RANK_SAID = re.compile(
    rf"\b{_ordinal('a')}[- ](?:place|position|spot)\b"
    rf"|\b(?:finish\w*|came|comes?|end(?:ed|s)?(?:\s+up)?|placed|qualif\w*|ranked)\s+(?:in\s+|a\s+|an\s+)?"
    rf"(?:creditable\s+|disappointing\s+|impressive\s+|joint\s+|lowly\s+)?{_ordinal('b')}\b"
    rf"|\bin\s+{_ordinal('c')}\s+(?:place|position|spot)\b",
    re.IGNORECASE)
_NTH_SAID = re.compile(rf"\b{_ordinal('ord')}\s+(?P<then>(?:[\w'’-]+\s+){{0,2}}[\w'’-]+)", re.IGNORECASE)


_ASKING_VERBS = frozenset("did does do is was are were has have had will would can could should".split())


@dataclass(frozen=True, slots=True)
class OrdinalQuestion:
    """A rank in a result ("what place"), or which one of a series ("which number X"), with the
    question's words that name the series (lemmas)."""

    rank: bool
    series: tuple[str, ...] = ()


def ordinal_asked(question: str) -> OrdinalQuestion | None:
    if _RANK_ASKED.match(question):
        return OrdinalQuestion(rank=True)
    nth = _NTH_ASKED.search(question)
    if nth is None:
        return None
    following = words(question[nth.end():])[:4]
    if not following or following[0].lower() in _ASKING_VERBS:
        return None  # "which number did she call": a number, not which one of a series
    after = [lemma(w.lower()) for w in following if w.lower() not in STOPWORDS]
    return OrdinalQuestion(rank=False, series=tuple(after)) if after else None


def ordinal_in(asked: OrdinalQuestion, sentence: str) -> tuple[int, str] | None:
    """The number an ordinal in the sentence gives for what is asked, with its words."""
    if asked.rank:
        for match in _RANK_SAID.finditer(sentence):
            ordinal = next(g for g in match.groups() if g)
            return ordinal_value(ordinal), match.group(0)
        return None
    for match in _NTH_SAID.finditer(sentence):
        then = words(match.group("then"))
        met = [n for n, w in enumerate(then) if any(meets(term, {lemma(w.lower())}) for term in asked.series)]
        if any(meets(term, {lemma(w.lower())}) for term in asked.series[:2] for w in then):
            named = met[-1]  # "sixth mass bleaching event": up to the last word of the series
            return ordinal_value(match.group("ord")), " ".join([match.group("ord"), *then[:named + 1]])
    return None


def ordinal_value(ordinal: str) -> int:
    """The number an ordinal says ("sixth" → 6, "94th" → 94)."""
    lowered = ordinal.lower()
    return _ORDINAL_WORDS[lowered] if lowered in _ORDINAL_WORDS else int(lowered[:-2])
