""""What kind of drug is lumarsen" is answered by "Lumarsen is an antisense oligonucleotide";
"what caused the second-stage failure" by "analysis of the failure points to a fuel valve in
the second stage" (a sentence need not write "cause", and "second stage" is "second-stage"); but
"the system was restored by early afternoon" gives no cause. Read on hand-made items in a real
SQLite store (found in the twenty-first session's first run of the week written blind, cove)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 27, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (22, "FDA approves first treatment for Alstrom syndrome",
     "The Food and Drug Administration on Tuesday approved lumarsen, the first treatment for Alstrom "
     "syndrome."),
    (23, "How lumarsen slows vision loss",
     "Lumarsen is an antisense oligonucleotide, a short strand of synthetic genetic material that "
     "blocks a toxic protein in the retina. In the trial, the drug slowed the loss of vision by 61%."),
    (24, "Rocket maker narrows Harrier-2 failure to fuel valve",
     "Early analysis of the Harrier-2 failure points to a fuel valve in the second stage that closed "
     "38 seconds early, the company said on Saturday."),
    (26, "Salmonella confirmed in crab festival outbreak; 212 sick",
     "State health officials confirmed salmonella as the cause of an outbreak linked to the Bayou Blue "
     "Crab Festival, with 212 people now reporting illness."),
    (25, "Baggage system fails at Lisbon airport",
     "Thousands of bags were left behind when the baggage system at Lisbon airport failed on Friday. "
     "The system was restored by early afternoon."),
]


async def test_what_kind_is_what_it_is_said_to_be(week: Store) -> None:
    answer = await answer_question(week, "What kind of drug is lumarsen?", NOW)
    assert answer.headline.startswith("antisense oligonucleotide"), answer.headline


async def test_a_cause_pointed_to_answers_what_caused(week: Store) -> None:
    answer = await answer_question(week, "What caused the Harrier-2 second-stage failure?", NOW)
    assert "fuel valve" in answer.headline, answer.headline


@pytest.mark.parametrize("question", ["What caused the baggage system failure at Lisbon airport?"])
async def test_a_time_something_was_done_by_is_no_cause(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


async def test_what_made_them_sick_asks_the_cause(week: Store) -> None:
    """"What made everyone sick": "made" and "everyone" say how the cause is asked, not what a
    sentence must write."""
    answer = await answer_question(week, "what made everyone sick at the crab festival", NOW)
    assert "salmonella" in answer.headline, answer.headline
