"""Answers read right, found in the thirty-fourth session on the week loch: a place an aside gives
and the event then gives again is where the event was ("whose tunes filled halls from Ardmore to
Boston, died at his home in Ardmore"); "rescue chief" is a post; a majority over a party is the
margin, not that party's votes, and a margin asked in other words ("the winning margin in actual
votes") is read from "won by"; "the Leeds-based retailer" is no base of the hackers who hit it;
"A pensions adviser who … has been convicted. Neil Garroway, 49, …" says who Garroway is. Read on
hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.place_answers import based_in
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Piper Angus Dunbar dies at 88",
     "Angus Dunbar, the piper whose reels filled village halls from Ardmore to Boston for 60 years, died "
     "on Thursday at his home in Ardmore."),
    (5, "Trapped miners reached",
     "\"They are tired but calm,\" said rescue chief Tomas Reyes. Rescuers reached the miners on Saturday."),
    (6, "Greens take Ashfield in by-election",
     "The Greens have won the Ashfield seat in Thursday's by-election, with Ruth Ellery taking it by a "
     "majority of 2,150 over Labour."),
    (7, "Vote result",
     "Voters in Corvania backed the new constitution on Sunday. The yes side won by 14,300 votes."),
    (9, "Adviser guilty of £2m pension fraud",
     "A pensions adviser who moved the savings of 90 bus drivers into sham schemes has been convicted of "
     "fraud.\n\nNeil Garroway, 49, of Bury, took £2m from the savers over five years, the court heard."),
    (8, "Hackers hit Pellbrook Stores",
     "Pellbrook Stores said hackers had taken the card details of 90,000 shoppers. The Leeds-based "
     "retailer said it had told the police."),
]


async def test_a_place_given_again_after_the_event(week: Store) -> None:
    answer = await answer_question(week, "where did old angus dunbar pass away", NOW)
    assert answer.found and answer.headline.startswith("Ardmore"), answer.headline


async def test_a_rescue_chief_is_a_post(week: Store) -> None:
    answer = await answer_question(week, "who's tomas reyes", NOW)
    assert "rescue chief" in answer.headline, answer.headline


async def test_a_majority_is_no_partys_votes(week: Store) -> None:
    answer = await answer_question(week, "How many votes did the Labour candidate get in the Ashfield "
                                         "by-election?", NOW)
    assert not answer.found, answer.headline


async def test_a_margin_asked_in_other_words(week: Store) -> None:
    answer = await answer_question(week, "whats winning margin in actual votes for corvania yes side", NOW)
    assert answer.found and answer.headline.startswith("14,300"), answer.headline


async def test_a_firms_base_is_not_its_hackers(week: Store) -> None:
    answer = await answer_question(week, "where r the pellbrook hackers based", NOW)
    assert not answer.found, answer.headline


def test_a_firm_of_a_kind_based_somewhere_is_not_the_doers_base() -> None:
    asked = read_question("where are the pellbrook hackers based", NOW.date())
    assert based_in(asked, "The Leeds-based retailer said it had told the police.") is None
    asked = read_question("where is pellbrook based", NOW.date())
    assert based_in(asked, "The Leeds-based retailer said it had told the police.") == "Leeds"


def test_a_margin_asked_needs_no_word_for_it() -> None:
    asked = read_question("whats winning margin in actual votes for corvania yes side", NOW.date())
    assert "actual" not in asked.terms


async def test_a_subject_introduced_by_what_they_are(week: Store) -> None:
    """"A pensions adviser who … has been convicted of fraud." then "Neil Garroway, 49, of Bury, …"."""
    answer = await answer_question(week, "who's neil garroway", NOW)
    assert answer.found and answer.headline.endswith("pensions adviser"), answer.headline
