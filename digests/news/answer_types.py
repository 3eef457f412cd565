"""What an answer is (a headline and the quotes that support it) and what answering needs from the store."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from digests.models import SentenceHit, Source
from digests.readings import CitedFigure, CitedMention

DONT_KNOW = "I don't know: nothing in the stored news answers that."


@dataclass(frozen=True, slots=True)
class Quote:
    text: str
    source: Source


@dataclass(frozen=True, slots=True)
class Answer:
    """`found` is False when nothing stored answers the question; `headline` then says so."""

    question: str
    kind: str
    found: bool
    headline: str
    quotes: tuple[Quote, ...] = ()
    values: tuple[float, ...] = ()


class AnswerStore(Protocol):
    """What answering needs from the store (the real `Store` provides it)."""

    async def figures_of_items(self, item_ids: Collection[int]) -> list[CitedFigure]: ...
    async def figures_of_sentences(self, found: Collection[tuple[int, str]]) -> list[CitedFigure]: ...
    async def search_sentences(self, terms: Sequence[str], limit: int = 20, *,
                               distinct_among: int = 0) -> list[SentenceHit]: ...
    async def word_rarity(self, words: Sequence[str]) -> dict[str, float]: ...
    async def word_uses(self, words: Sequence[str]) -> dict[str, int]: ...
    async def person_keys(self) -> list[tuple[str, str, int]]: ...
    async def mentions_of(self, keys: Iterable[str]) -> list[CitedMention]: ...
    async def item_texts(self, item_ids: Collection[int]) -> dict[int, str]: ...


def dont_know(question: str, kind: str) -> Answer:
    """The answer that says plainly nothing stored answers the question."""
    return Answer(question, kind, False, DONT_KNOW)
