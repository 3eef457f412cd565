""""What hacker crew said they did the Hollinet breach": a crew, a gang or a syndicate is asked by
its name (not a hacker's), and "a group calling itself Amber Moth" gives it, whatever verb follows
the name. Read on hand-made items in a real SQLite store (found in the thirty-fourth session:
three weeks asked which group claimed a breach, in a member's words, and none was answered)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.asked_names import NAME, wanted
from digests.news.name_answers import name_given
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Breach at Hollinet hits 90,000 customers",
     "Broadband firm Hollinet said on Friday that the personal details of 90,000 customers were taken in a "
     "breach of its billing system. A hacking group calling itself Amber Moth claimed the attack on a "
     "leak site."),
    (7, "Gang claims Dunmore Telecom hack",
     "A criminal gang calling itself Corvane has claimed responsibility for the hack of Dunmore Telecom, "
     "the firm's chief executive, Ruth Callan, confirmed on Monday."),
    (5, "Storm cuts power to 40,000 homes",
     "Storm Edda cut power to 40,000 homes across the north on Saturday, the grid operator said."),
    (6, "Council approves new library",
     "Councillors in Ashby approved plans for a new library on Sunday after a two-hour debate."),
    (8, "Rail strike called off",
     "A rail strike planned for Thursday was called off after the union accepted a revised pay offer."),
]


async def test_a_crew_is_asked_by_its_name(week: Store) -> None:
    answer = await answer_question(week, "what hacker crew said they did the hollinet breach", NOW)
    assert answer.headline.startswith("Amber Moth"), answer.headline


async def test_a_gang_behind_a_hack(week: Store) -> None:
    answer = await answer_question(week, "whats the hacker crew behind dunmore called", NOW)
    assert answer.headline.startswith("Corvane"), answer.headline


def test_a_crew_or_a_gang_is_a_name_asked() -> None:
    for question in ("what hacker crew said they did the hollinet breach", "which criminal gang hit dunmore"):
        want = wanted(read_question(question, NOW.date()))
        assert want is not None and want.kind == NAME, want


def test_the_name_a_group_calls_itself_ends_at_its_verb() -> None:
    asked = read_question("what hacker crew said they did the hollinet breach", NOW.date())
    text = "A hacking group calling itself Amber Moth claimed the attack on Hollinet on a leak site."
    assert name_given(asked, text) == "Amber Moth"
