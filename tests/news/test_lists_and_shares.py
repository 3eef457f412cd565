"""Counts listed by name with their noun written once ("Harwood Park has 8 cases, Severn Middle 6
and Crofton High 4") are read as counts of that noun, not as names' numbers ("Boeing 737"), and
the one the question names is the answer; a list needs a name in every part ("raises offer to
438p, valuing group at £1.43bn" is none). A share that voted for something is not the turnout
("voted by 88 per cent in favour, on a turnout of 67 per cent") unless the turnout is asked, and
a share of members is no pay rise. Found in the thirty-fourth session on the week loch; read on
hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.figures import extract_figures
from digests.news.member_phrases import in_news_words
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Mumps cases rise to 18",
     "The mumps outbreak in Kelling has reached 18 cases. Brook Lane Primary now has 9 cases, "
     "Marsh Road Academy 5 and Heathfield College 4."),
    (17, "Drivers back strikes",
     "Bus drivers at Corran Coaches have voted by 91 per cent in favour of strike action, on a turnout "
     "of 72 per cent, the union said."),
    (18, "Porters accept deal",
     "The three-year deal for hospital porters includes an 11 percent pay rise, the union said."),
]


def test_a_list_written_with_its_noun_once() -> None:
    text = "Brook Lane Primary now has 9 cases, Marsh Road Academy 5 and Heathfield College 4."
    found = [(f.value, f.counted) for f in extract_figures(text, NOW)]
    assert found == [(9.0, "cases"), (5.0, "cases"), (4.0, "cases")]
    assert extract_figures("The airline flies the Boeing 737 and Airbus 320 on the route.", NOW) == []


async def test_the_count_the_question_names(week: Store) -> None:
    answer = await answer_question(week, "How many mumps cases are at Marsh Road Academy?", NOW)
    assert answer.found and answer.headline.startswith("5 cases"), answer.headline


async def test_a_share_in_favour_is_no_turnout(week: Store) -> None:
    question = "What percentage of Corran Coaches drivers voted for strike action?"
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith("91%"), answer.headline
    answer = await answer_question(week, "what was the turnout in the corran coaches strike ballot", NOW)
    assert answer.found and answer.headline.startswith("72%"), answer.headline


async def test_a_share_of_members_is_no_pay_rise(week: Store) -> None:
    answer = await answer_question(week, "What share of porters voted to accept the hospital deal?", NOW)
    assert not answer.found, answer.headline


def test_voting_for_something_is_not_turning_out() -> None:
    assert "turnout" not in in_news_words("what % of drivers voted for the strike")
    assert "turnout" in in_news_words("what % of estonians actually voted")
