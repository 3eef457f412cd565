"""What the engine reads out of an item, as frozen values: its sentences, figures and people.

They live on the ground because they cross wings: news/ makes them, the store keeps them,
servers/ and the front desk show them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from digests.models import Source


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a text, with its character offsets in that text."""

    text: str
    start: int
    end: int
    paragraph: int
    index: int


@dataclass(frozen=True, slots=True)
class Figure:
    """One number of a text, normalised, with its qualifier, counted thing, source and date."""

    value: float
    unit: str | None
    qualifier: str
    qualifier_text: str | None
    counted: str | None
    source: str | None
    as_of: date | None
    surface: str
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Mention:
    """A person named in a sentence, with the role, affiliation and statement given there."""

    name: str
    role: str | None
    affiliation: str | None
    statement: str | None
    verb: str | None
    sentence: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class ItemText:
    """The parts of a stored item the analysis needs (a small value to send to a worker)."""

    item_id: int
    title: str
    text: str
    published_at: datetime


@dataclass(frozen=True, slots=True)
class ItemAnalysis:
    """What one item says. `measure_keys[i]` is what `figures[i]` measures and
    `person_keys[i]` whom `mentions[i]` names: the keys the store indexes them by."""

    item_id: int
    sentences: tuple[Sentence, ...]
    figures: tuple[Figure, ...]
    mentions: tuple[Mention, ...]
    measure_keys: tuple[str, ...]
    person_keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CitedFigure:
    figure: Figure
    source: Source


@dataclass(frozen=True, slots=True)
class CitedMention:
    mention: Mention
    source: Source
