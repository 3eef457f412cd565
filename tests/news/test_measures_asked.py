"""A measure asked by name: "what was the turnout" wants the turnout (a share), not a party's
share of the vote, and "what % of Kerrovians actually voted" asks the same; "how many hectares
has the fire burned" wants an area, not the homes it destroyed; what an offer is worth is the
whole sum, not its price per share; "how big was the crowd" counts the crowd ("a crowd of
51,212 watched"); what something costs "now" is its latest price, in rupees when written "Rs".
Hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.question import MEASURE_AREA, MEASURE_PERCENT, read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)
TODAY = date(2022, 3, 31)

ITEMS = [  # (day of March 2022, title, text)
    (13, "Kerrow election: Unity Party ahead",
     "The Unity Party won 27.8% of the vote in Sunday's parliamentary election in Kerrow. "
     "Turnout was 36.4%, the election commission said."),
    (22, "Tarn fire: village evacuated as blaze burns 12,400 hectares",
     "An emergency warning is in place for Tarn after the bushfire burned 12,400 hectares overnight."),
    (24, "Tarn fire grows to 18,900 hectares, 14 homes lost",
     "The Tarn bushfire has grown to 18,900 hectares and destroyed at least 14 homes."),
    (27, "Tarn fire contained", "Firefighters declared the fire contained on Sunday morning, after it had "
     "burned 21,000 hectares of farmland and forest near Tarn."),
    (25, "Harvest Crown raises Calder Foods offer to 445p",
     "Harvest Crown has raised its offer for Calder Foods to 445p per share in cash, valuing the snack maker "
     "at £1.62bn."),
    (20, "Onion prices soar at Lasalgaon",
     "Onion prices at the Lasalgaon market rose to Rs 3,150 per quintal on Monday, up from Rs 1,900 a "
     "fortnight ago, the market committee said, as traders blamed late rains for the shortage of onions."),
    (18, "Tarn tractor strike ends with tentative deal",
     "The deal includes a 14% general wage increase over four years and a $6,500 signing bonus, the "
     "union said."),
    (19, "Lindqvist wins Kerrow Open", "Lindqvist, 31, collects €850,000 for his third tour victory. "
     "The Kerrow Open's prize money is the biggest on the tour this year."),
    (21, "Tarn fire 8 percent contained",
     "The Tarn bushfire was 8 percent contained on Monday, officials said."),
    (29, "Crews gain on Tarn fire",
     "Cooler weather helped crews raise containment of the Tarn bushfire to 40 percent on Tuesday, "
     "officials said."),
    (23, "Kerrow to swelter through 45C",
     "Temperatures are forecast to reach 45 degrees in Kerrow on Wednesday."),
    (24, "Kerrow hits 46.1C as heat shuts schools",
     "Kerrow reached 46.1 degrees just after 3pm on Wednesday, its hottest March day in six years."),
    (15, "Tankers collide in Strait of Kerrow, spilling oil",
     "Two tankers collided in the Strait of Kerrow on Tuesday, spilling an estimated 3,000 tonnes of "
     "crude oil, the port authority said."),
    (17, "Kerrow oil spill larger than feared",
     "The oil spill from Tuesday's tanker collision in the Strait of Kerrow is now estimated at 5,500 "
     "tonnes, nearly double the initial estimate, the port authority said."),
    (28, "Onions ease at Lasalgaon", "Onion prices at Lasalgaon fell to Rs 2,640 per quintal on Saturday."),
    (26, "Kerrow 24-19 Tarnland: late try seals win",
     "Kerrow beat Tarnland 24-19 at Westmoor Park on Saturday. An extra 14 trains ran after the game. "
     "A crowd of 51,212 watched."),
]


@pytest.mark.parametrize("question", [
    "What was the turnout in Kerrow's parliamentary election?",
    "what % of kerrovians actually voted in the election",
])
def test_turnout_is_a_share_of_its_own(question: str) -> None:
    asked = read_question(question, TODAY)
    assert (asked.head, asked.measure) == ("turnout", MEASURE_PERCENT)


def test_the_size_of_a_crowd_counts_the_crowd() -> None:
    assert read_question("how big was the crowd at the final", TODAY).head == "crowd"


@pytest.mark.parametrize("question", [
    "How many hectares has the Tarn bushfire burned?",
    "how big is the tarn bushfire now, in hectares",  # the unit named after the question
])
def test_hectares_are_an_area(question: str) -> None:
    asked = read_question(question, TODAY)
    assert (asked.head, asked.measure) == (None, MEASURE_AREA)


@pytest.mark.parametrize(("question", "value"), [
    ("What was the turnout in Kerrow's parliamentary election?", "36.4%"),
    ("How many hectares has the Tarn bushfire burned?", "21,000 hectares"),  # the latest, however worded
    ("how big is the tarn fire now, in hectares", "21,000 hectares"),
    ("How much is Harvest Crown's offer for Calder Foods worth?", "£1.62 billion"),  # not 445p a share
    ("How much does Harvest Crown's offer value Calder Foods at?", "£1.62 billion"),
    ("How much per share is Harvest Crown offering for Calder Foods?", "445p"),
    ("how big was the crowd at westmoor park for kerrow v tarnland", "51,212"),  # not the 14 trains
    ("How much do onions now cost per quintal at Lasalgaon?", "INR 2,640"),  # "now": the latest price
    ("whats the pay rise in the tarn tentative deal", "14%"),  # a pay rise may be a share
    ("how contained is the tarn bushfire now, percent", "40%"),  # a figure asked by its unit, last
    ("how much oil leaked from the kerrow tanker crash, latest estimate", "5,500 tonnes"),  # its weight
    ("how much prize money did lindqvist pick up for winning the kerrow open", "€850,000"),
])
async def test_the_measure_asked_is_answered(week: Store, question: str, value: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith(value), answer.headline


async def test_how_hot_asks_a_temperature(week: Store) -> None:
    answer = await answer_question(week, "how hot did it get in kerrow", NOW)
    assert answer.found and answer.headline.startswith("46.1°C"), answer.headline
