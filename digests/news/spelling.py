"""A member's typing slips, read as the stored word they stand for.

A question word that no stored sentence uses may be a slip of the fingers: two letters swapped
("measels" for measles, "ingird" for Ingrid), a double letter typed once ("brenock" for
Brennock) or a letter doubled ("shippping"). Such a word is read as the stored word one slip
away, when one is used clearly more than any other. A word of everyday English (when the
optional word list is installed) or a short one is left alone, and so is a word no slip turns
into a stored one: a name the news does not hold stays what it is, and the answer "I don't
know".
"""

from __future__ import annotations

import re

from digests.news.answer_types import AnswerStore
from digests.news.english import is_common_word
from digests.news.text import STOPWORDS

SHORTEST = 5  # letters: shorter words are too easily another word one slip away
LEAST_USES = 2  # sentences that must use the word a slip stands for
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")  # letters of any script: "Kererū" whole


def slips(word: str) -> set[str]:
    """The words one typing slip away: a pair swapped, a letter doubled or undoubled."""
    swapped = {word[:i] + word[i + 1] + word[i] + word[i + 2:]
               for i in range(len(word) - 1) if word[i] != word[i + 1]}
    doubled = {word[:i + 1] + word[i] + word[i + 1:] for i in range(len(word))}
    undoubled = {word[:i] + word[i + 1:] for i in range(len(word) - 1) if word[i] == word[i + 1]}
    return (swapped | doubled | undoubled) - {word}


async def corrected(store: AnswerStore, question: str) -> str:
    """The question with each slipped word written as the stored word it stands for."""
    typed = {m.group().lower() for m in _WORD.finditer(question)
             if len(m.group()) >= SHORTEST and "'" not in m.group() and "’" not in m.group()}
    typed -= STOPWORDS
    if not typed:
        return question
    uses = await store.word_uses(sorted(typed))
    unknown = [w for w in typed if uses.get(w, 1) == 0 and not is_common_word(w)]
    if not unknown:
        return question
    variants = {w: slips(w) for w in unknown}
    counted = await store.word_uses(sorted({v for found in variants.values() for v in found}))
    meant = {w: best for w in unknown if (best := _best(variants[w], counted)) is not None}
    if not meant:
        return question
    return _WORD.sub(lambda m: _as_typed(meant.get(m.group().lower()), m.group()), question)


def _best(variants: set[str], counted: dict[str, int]) -> str | None:
    ranked = sorted(((counted.get(v, 0), v) for v in variants), reverse=True)
    if not ranked or ranked[0][0] < LEAST_USES:
        return None
    if len(ranked) > 1 and ranked[1][0] * 2 > ranked[0][0]:
        return None  # two stored words about as likely: no guess
    return ranked[0][1]


def _as_typed(meant: str | None, typed: str) -> str:
    if meant is None:
        return typed
    return meant.capitalize() if typed[:1].isupper() else meant
