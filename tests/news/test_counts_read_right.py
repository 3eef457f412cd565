"""What a count question counts, read right: "how many aftershocks followed the quake" counts
aftershocks (not the quake's magnitude); "how many people died" is answered by a later "death
toll rose to 13" as well as by "at least 8 people were killed"; "a further 700,000 people, mostly
former prepaid customers, had data exposed, bringing the total to about 4.1 million" counts
customers; "how many votes" is not a count of seats; and a later, higher count of the same
toll in the same country ("cases … have climbed to 2,388") leads, without another country's.
Read on hand-made items in a real SQLite store (found in the twenty-first session's look at the
weeks written blind)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 8, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Strong earthquake off southern Peru",
     "A magnitude 6.1 earthquake struck off the coast of southern Peru on Monday, the geological "
     "survey said. There were no early reports of damage."),
    (1, "Building collapses in Bhiwandi",
     "A four-storey residential building collapsed in Bhiwandi, near Mumbai, early on Tuesday, killing "
     "at least 8 people, officials said."),
    (2, "Bhiwandi collapse toll rises",
     "The death toll from the collapse of a residential building in Bhiwandi near Mumbai rose to 13 on "
     "Wednesday, officials said."),
    (2, "Verity Mobile says hackers stole data on 3.4 million customers",
     "Verity Mobile said hackers stole data on 3.4 million customers in a breach last month."),
    (6, "Verity Mobile breach bigger than first disclosed",
     "Verity Mobile said on Friday that a further 700,000 people, mostly former prepaid customers, had "
     "data exposed in last month's breach, bringing the total to about 4.1 million."),
    (2, "Cholera spreads in Nampula",
     "Cholera cases in Mozambique's Nampula province have risen to 2,105, with 31 deaths, the health "
     "ministry said. Malawi has now reported 112 cholera cases in districts bordering Mozambique's "
     "Nampula province."),
    (6, "Mozambique cholera outbreak grows",
     "The number of cholera cases in northern Mozambique has climbed to 2,388, officials said. Most "
     "of the new cases were recorded in Nampula province."),
    (7, "Naya Party wins most seats",
     "The Naya Party won 63 of the 165 directly elected seats in the national parliament, the election "
     "commission said."),
    (3, "Legionnaires' outbreak in Millford sickens 14, kills 2",
     "Health officials in Ohio are investigating an outbreak of Legionnaires' disease in Millford that "
     "has sickened 14 people and killed two since last month."),
]


def test_what_is_counted_comes_before_its_verb() -> None:
    asked = read_question("How many aftershocks followed the earthquake off southern Peru?", NOW.date())
    assert asked.head == "aftershock"


@pytest.mark.parametrize("question", [
    "How many aftershocks followed the earthquake off southern Peru?",
    "how many votes did the naya party get",
])
async def test_another_count_does_not_answer(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


@pytest.mark.parametrize(("question", "expected"), [
    ("How many people died when the building collapsed in Bhiwandi?", "13"),
    ("how many verity customers got their info leaked in total", "about 4.1 million"),
    # the people it sickened are not the people who died
    ("how many ppl have died in the millford legionnaires outbreak", "2"),
])
async def test_the_count_asked_leads(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


async def test_a_later_count_of_the_toll_leads_and_another_countrys_stays_out(week: Store) -> None:
    answer = await answer_question(week, "How many cholera cases have been recorded in Nampula province?",
                                   NOW)
    assert answer.headline.startswith("2,388"), answer.headline
    assert "112" not in answer.headline
