"""Where a firm is based is asked many ways ("where's X's hq", "where is X's head office",
"where are X's headquarters") and written many ways ("its Milton Keynes head office", "keep X's
headquarters in Leicester", "the company's Leicester headquarters", "the Leeds-based firm"): the
place leads the answer. Read on hand-made items in a real SQLite store (found in the twenty-second
session on the weeks lagoon and fjord, the twenty-third on tundra; "The Denver-based grocer" in the
twenty-fourth on glacier; a bidder's base, told after "from" or before its own name, in the thirtieth
on delta and valley; a base named where the question asks of something else, or of another thing the
firm has, in the thirty-third on harbour, tundra and savanna)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 8, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Harrowgate's profits up 9pc as grocer axes 1,100 head office roles",
     "Supermarket chain Harrowgate's lifted annual pre-tax profits by 9pc to £612m, but said it would "
     "cut about 1,100 jobs at its Milton Keynes head office as it automates stock ordering."),
    (3, "Beaumont Biscuits sold to US buyer for £1.2bn",
     "Beaumont Biscuits, whose biscuits have been baked in the north since 1896, is to be bought by "
     "the American firm Oakhurst Capital. Oakhurst has pledged to keep Beaumont's headquarters in "
     "Leicester for at least three years."),
    (4, "Pennant board minded to back Calloway takeover",
     "The board of Pennant Stores would be minded to recommend a firm offer from Calloway Partners. "
     "Calloway has given undertakings to keep the company's Derby headquarters and not to sell off "
     "its store estate for three years."),
    (5, "Pantry Point to merge with rival grocer",
     "Pantry Point agreed to merge with Harvest Lane. The Denver-based grocer said prices would fall."),
    (6, "GreyLantern hackers got in with a contractor's login",
     "GreyLantern hackers got in using stolen login credentials belonging to an employee of Vantaro "
     "Systems, an IT support contractor based in Reading, England."),
    (7, "Corner-shop chain rejects bid",
     "Brampton & Lisle, the convenience store chain, has rejected a 245p-a-share approach from "
     "Copenhagen-based private equity firm Halvard Capital."),
    (7, "Grocer weighs takeover approach",
     "Oslo-based private equity firm Fjellby Partners said it is weighing a bid for Hallam & Rowe. "
     "The Sheffield-based grocer said the approach undervalued it."),
    (7, "Energy supplier's bosses on trial",
     "Jurors were told that £2.1m was paid in bonuses in the months before the Swindon-based company "
     "collapsed in November."),
    (7, "Lumen unveils translating glasses",
     "London start-up Lumen has launched its first smart glasses, which translate conversations in 40 "
     "languages."),
    (8, "Hackers stole Quayside customers' data",
     "Quayside, the Bristol-based digital bank, said attackers accessed the data of 2.1 million "
     "customers. SEATTLE, March 8 - Pulsar, the Seattle-based fitness app, said hackers had accessed "
     "the names of its users."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Where is Harrowgate's head office?", "Milton Keynes"),
    ("where's beaumont's hq", "Leicester"),
    ("where are Beaumont's headquarters", "Leicester"),
    ("Where is Pennant Stores headquartered?", "Derby"),
    ("Where is Pantry Point based?", "Denver"),  # not "The Denver"
    ("where's vantaro based", "Reading"),
    ("where is hallam & rowe based", "Sheffield"),  # not the bidder's Oslo
    ("Where was the energy supplier based?", "Swindon"),  # "-based company collapsed in November"
])
async def test_the_place_a_firm_is_based_leads(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{expected} —"), answer.headline


async def test_not_where_another_named_firm_is_based(week: Store) -> None:
    """"Vantaro Systems, an IT support contractor based in Reading": Vantaro's base, not the hackers'."""
    answer = await answer_question(week, "where are the greylantern hackers based", NOW)
    assert not answer.found, answer.headline


async def test_not_where_a_bidder_is_based(week: Store) -> None:
    """"an approach from Copenhagen-based private equity firm Halvard Capital": Halvard's base."""
    answer = await answer_question(week, "Where is Brampton & Lisle headquartered?", NOW)
    assert not answer.found, answer.headline


@pytest.mark.parametrize("question", [
    "where were the quayside hackers based",  # Quayside's base
    "Where were the hackers behind the Pulsar breach based?",
])
async def test_not_the_base_of_the_firm_that_was_attacked(week: Store, question: str) -> None:
    """"Quayside, the Bristol-based digital bank, said attackers …": the bank's base, not theirs."""
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


async def test_a_firms_base_is_not_where_it_makes_things(week: Store) -> None:
    """"London start-up Lumen has launched its glasses" does not say where they are made."""
    answer = await answer_question(week, "where does lumen actually make the glasses", NOW)
    assert not answer.found, answer.headline
