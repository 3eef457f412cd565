""""What's wrong with the recalled heaters" asks for the fault: a recall's "because …" (or its
headline's "over a … fault") leads the answer line, and "wrong" or "problem" need not be written
by the sentence. A report of the recall that names no fault does not answer. Read on hand-made
items in a real SQLite store (found in the thirty-fourth session: five weeks in a row asked what
was wrong with recalled goods in a member's words, and none was answered)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Ostrava Home recalls 12,000 patio heaters over tip-over risk",
     "Ostrava Home is recalling 12,000 patio heaters sold since October because a weak base weld can "
     "let them topple while lit. The firm said it knew of three small fires."),
    (5, "Pellam bikes called in over frame fault",
     "Pellam Cycles will recall 3,100 e-bikes over a frame fault, it said on Saturday."),
    (6, "Glenvar recalls toasters",
     "Glenvar Appliances is recalling 8,000 toasters, the company said on Sunday. Owners will get a refund."),
]


async def test_the_fault_of_a_recall_leads(week: Store) -> None:
    answer = await answer_question(week, "whats wrong with ostrava patio heaters getting called back", NOW)
    assert answer.found and answer.headline.startswith("a weak base weld"), answer.headline


async def test_a_headline_over_a_fault_gives_it(week: Store) -> None:
    answer = await answer_question(week, "What is the problem with the recalled Pellam e-bikes?", NOW)
    assert answer.found and "frame fault" in answer.headline.split(" — ")[0], answer.headline


async def test_a_recall_with_no_fault_given_is_not_an_answer(week: Store) -> None:
    answer = await answer_question(week, "whats wrong with the glenvar toasters", NOW)
    assert not answer.found, answer.headline


async def test_a_members_words_for_a_recall(week: Store) -> None:
    """"w" is "with"; goods "getting pulled" are recalled."""
    answer = await answer_question(week, "whats wrong w the pellam bikes getting pulled", NOW)
    assert answer.found and "frame fault" in answer.headline.split(" — ")[0], answer.headline
