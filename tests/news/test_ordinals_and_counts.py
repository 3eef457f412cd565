"""Ordinal answers ("what place did she finish": seventh), and what a figure counts or measures
when a word stands between ("nine more years", "three new items of clothing", "how many new
clothes a year"), on hand-made sentences."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.figures import extract_figures
from digests.news.lexicon import lemma
from digests.news.ordinals import ordinal_asked, ordinal_in
from digests.news.question import read_question

PUBLISHED = datetime(2022, 3, 22, 9, tzinfo=UTC)


@pytest.mark.parametrize(("question", "sentence", "value", "said"), [
    ("which number mass bleaching event is the great barrier reef going through now",
     "Australia's Great Barrier Reef suffers sixth mass bleaching event", 6, "sixth mass bleaching event"),
    ("what place did the gb four-man bobsleigh team finish in beijing",
     "The four-man bobsleigh team feel their sixth-place finish is like a medal", 6, "sixth-place"),
    ("what place did kirsty muir finish in big air qualifying",
     "Kirsty Muir qualified in seventh for the final.", 7, "qualified in seventh"),
    ("The 2022 Oscar nominations were for which edition of the Academy Awards?",
     "The nominations for the 94th Academy Awards were announced on Tuesday.", 94, "94th Academy Awards"),
    ("Dan Biggar is set to become which number man to captain Wales?",
     "Dan Biggar, who will become the 140th man to captain Wales, said he was proud.", 140,
     "140th man to captain"),
])
def test_an_ordinal_answers_which_one(question: str, sentence: str, value: int, said: str) -> None:
    asked = ordinal_asked(question)
    assert asked is not None
    assert ordinal_in(asked, sentence) == (value, said)


def test_an_ordinal_of_something_else_does_not_answer() -> None:
    asked = ordinal_asked("which number mass bleaching event is the reef going through")
    assert asked is not None
    assert ordinal_in(asked, "It is the second time this year that the reef has been surveyed.") is None


@pytest.mark.parametrize("question", ["what place was hit by the storm", "which number did she call"])
def test_a_place_or_a_number_asked_for_is_not_an_ordinal(question: str) -> None:
    assert ordinal_asked(question) is None


@pytest.mark.parametrize(("sentence", "unit"), [
    ("A judge gave him nine more years in jail.", "year"),
    ("He spent two extra weeks in hospital.", "week"),
    ("It will cost five more pounds.", None),  # weight or money: the sentence does not say
])
def test_a_word_between_a_number_and_its_time_unit(sentence: str, unit: str | None) -> None:
    assert [f.unit for f in extract_figures(sentence, PUBLISHED)] == [unit]


def test_a_part_of_something_counts_the_something() -> None:
    figures = extract_figures("Only buying three new items of clothing a year would help.", PUBLISHED)
    assert [(f.value, f.counted) for f in figures] == [(3.0, "new items of clothing")]


def test_a_rate_of_time_is_not_what_is_counted() -> None:
    asked = read_question("how many new clothes a year should people buy", date(2022, 3, 31))
    assert asked.head == lemma("clothes")
    assert read_question("how many calories a day can you cut", date(2022, 3, 31)).head == lemma("calories")


def test_how_much_money_measures_money_and_counts_nothing() -> None:
    """"How much emergency money did Ukraine ask for": "$1.4 billion in emergency financing"
    answers it; money is the measure, not a thing a figure must count."""
    asked = read_question("how much emergency money did ukraine ask the imf for", date(2022, 3, 31))
    assert asked.head is None


def test_pence_written_with_a_p_are_money() -> None:
    figures = extract_figures("Petrol hit 148.02p a litre and diesel 151.57p.", PUBLISHED)
    assert [(round(f.value, 4), f.unit) for f in figures] == [(1.4802, "GBP"), (1.5157, "GBP")]


def test_what_comes_before_an_event_is_not_what_is_counted() -> None:
    """"How many weeks before the Olympics": weeks, a duration; the Olympics are not counted."""
    asked = read_question("How many weeks before the Olympics did Andy Yu catch Covid?", date(2022, 3, 31))
    assert asked.head is None and asked.measure == "duration"


def test_what_is_counted_comes_before_of() -> None:
    asked = read_question("how many glasses of wine before you hit the daily sugar limit", date(2022, 3, 31))
    assert asked.head == lemma("glasses")
