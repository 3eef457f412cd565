"""What the engine reads out of one item: its sentences, figures and people.

`analyse_items` is pure and CPU-bound, so the enricher runs it in the worker pool. The keys the
store indexes figures and people by are computed here too, in the worker.
"""

from __future__ import annotations

from collections.abc import Sequence

from digests.news.figures import figures_in_sentences, measure_key
from digests.news.names import person_key
from digests.news.people import people_in_sentences
from digests.news.text import split_sentences
from digests.readings import ItemAnalysis, ItemText


def full_text(title: str, text: str) -> str:
    """The title as the first paragraph, then the body: every quote comes from this string."""
    if not text.strip():
        return title
    if not title.strip() or text.startswith(title):
        return text
    return f"{title}\n\n{text}"


def analyse_item(item: ItemText) -> ItemAnalysis:
    sentences = tuple(split_sentences(full_text(item.title, item.text)))
    figures = tuple(figures_in_sentences(sentences, item.published_at))
    mentions = tuple(people_in_sentences(sentences))
    return ItemAnalysis(
        item_id=item.item_id,
        sentences=sentences,
        figures=figures,
        mentions=mentions,
        measure_keys=tuple(measure_key(f) for f in figures),
        person_keys=tuple(person_key(m.name) for m in mentions),
    )


def analyse_items(items: Sequence[ItemText]) -> list[ItemAnalysis]:
    return [analyse_item(i) for i in items]
