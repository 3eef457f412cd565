"""The answer line and its quotes as a member reads them: no quotation mark cut from its pair,
no sentence quoted twice."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.models import SentenceHit, Source
from digests.news.answers import _unquoted, _with_lead
from digests.news.question import read_question
from digests.news.what_answers import asks_a_question

WHEN = datetime(2022, 2, 28, 12, tzinfo=UTC)


def hit(item_id: int, text: str) -> SentenceHit:
    return SentenceHit(text, Source(item_id, "Border Monitor", f"https://bm.example/{item_id}", WHEN), 1.0)


@pytest.mark.parametrize(("lead", "shown"), [
    ("'natural causes", "natural causes"),  # of "died of 'natural causes,' authorities say"
    ("“Encanto", "Encanto"),
    ("Say Gay'", "Say Gay"),
    ("'Friends'", "'Friends'"),
    ("the players'", "the players'"),
    ("Gomel region", "Gomel region"),
])
def test_a_lead_keeps_no_quotation_mark_cut_from_its_pair(lead: str, shown: str) -> None:
    assert _unquoted(lead) == shown


def test_a_sentence_found_twice_is_quoted_once() -> None:
    """A place answer reads an item's sibling sentences too: the sentence it had already found
    comes back, and was quoted twice in the demo ("Where were the talks held?")."""
    asked = read_question("where were the talks held", date(2022, 3, 4))
    gomel = hit(1, "The delegation travelled to a venue in Belarus's Gomel region for talks.")
    brest = hit(2, "A second round of talks was held in Belarus's Brest region.")
    answer = _with_lead(asked, [("Gomel region", gomel), ("Gomel region", gomel), ("Brest region", brest)])
    assert answer.headline.startswith("Gomel region — ")
    assert [q.source.item_id for q in answer.quotes] == [1, 2]


@pytest.mark.parametrize(("sentence", "asks"), [
    ("Quiz of the week: storms, sacked ministers and runaway llamas", True),
    ("Thursday quiz: which minister quit?", True),
    ("News quiz - test your knowledge of the week", True),
    ("The quiz show host quit on Monday.", False),
    ("A pub quiz raised £500 for the hospice.", False),
    ("Police quizzed the driver.", False),
])
def test_a_quiz_heading_asks_and_answers_nothing(sentence: str, asks: bool) -> None:
    """"Why did a herd of llamas bring the M5 to a standstill?" had been answered with the
    heading of the quiz that asks it (taiga, twenty-fifth session)."""
    assert asks_a_question(sentence) is asks
