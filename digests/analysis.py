"""What the engine reads out of one item: its sentences, figures and people.

`analyse_items` is pure and CPU-bound, so the enricher runs it in the worker pool.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from .figures import Figure, figures_in_sentences
from .people import Mention, people_in_sentences
from .text import Sentence, split_sentences


@dataclass(frozen=True, slots=True)
class ItemText:
    """The parts of a stored item the analysis needs (a small value to send to a worker)."""

    item_id: int
    title: str
    text: str
    published_at: datetime


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    item_id: int
    sentences: tuple[Sentence, ...]
    figures: tuple[Figure, ...]
    mentions: tuple[Mention, ...]


def full_text(title: str, text: str) -> str:
    """The title as the first paragraph, then the body: every quote comes from this string."""
    if not text.strip():
        return title
    if not title.strip() or text.startswith(title):
        return text
    return f"{title}\n\n{text}"


def analyse_item(item: ItemText) -> ItemAnalysis:
    sentences = tuple(split_sentences(full_text(item.title, item.text)))
    return ItemAnalysis(
        item_id=item.item_id,
        sentences=sentences,
        figures=tuple(figures_in_sentences(sentences, item.published_at)),
        mentions=tuple(people_in_sentences(sentences)),
    )


def analyse_items(items: Sequence[ItemText]) -> list[ItemAnalysis]:
    return [analyse_item(i) for i in items]
