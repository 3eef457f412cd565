"""Finding the stored sentences that may answer a question: full-text search on its words and
their families, widened when one wire story fills the hits."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from digests.models import SentenceHit
from digests.news.answer_types import AnswerStore
from digests.news.extracts import POSSESSIVE_END
from digests.news.lexicon import lemma, other_words
from digests.news.question import Question
from digests.news.text import words
from digests.news.word_matching import lemmas_of

SEARCHED = 60  # sentences read for a place, a date or an open question

COMMON = 3.0  # rarity under which a word is in so many sentences that searching for it costs most
WIDER = 5  # how many times the hits kept a search reads, to keep the sentences that differ


async def searched(store: AnswerStore, terms: Sequence[str], limit: int) -> list[SentenceHit]:
    """The best `limit` sentences for the terms that differ, among the best `limit` × WIDER: a
    wire story repeated by many outlets is one sentence, and an answer needs sentences that
    differ (one search: the store keeps the best copy of each)."""
    return await store.search_sentences(terms, limit=limit, distinct_among=limit * WIDER)


def search_terms(asked: Question, rarity: Mapping[str, float] | None = None) -> list[str]:
    """What a full-text search looks for: the question's words and the other words of their
    families ("soldiers" finds "troops" too); with `rarity`, without the words most sentences
    have ("Ukraine" in a store of the war) when two rarer ones remain: they find the same
    sentences, and a full-text search pays for every sentence a word is in."""
    kept = asked.terms
    if rarity is not None:
        rare = tuple(t for t in asked.terms if rarity.get(t, COMMON) >= COMMON)
        kept = rare if len(rare) >= 2 else kept
    written = [POSSESSIVE_END.sub("", w.lower())  # "Eunice's": the search looks for "eunice"
               for w in words(asked.text) if lemma(w.lower()) in kept]
    return list(dict.fromkeys([*written, *(w for t in kept for w in other_words(t))]))


def distinct_hits(hits: Sequence[SentenceHit]) -> list[SentenceHit]:
    """The hits without the sentences that repeat an earlier one's words (a wire story
    carried by many outlets), in order."""
    seen: set[str] = set()
    kept = []
    for hit in hits:
        key = " ".join(sorted(lemmas_of(hit.text)))
        if key not in seen:
            seen.add(key)
            kept.append(hit)
    return kept
