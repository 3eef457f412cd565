"""A count revised by whoever keeps it is the latest value of its series, however briefly the
revision is worded: "UK regulator raises stranded Aurelia passenger estimate to 92,000" after
"leaving 85,000 passengers stranded abroad"; "has cut the number of jobs it plans to axe from 600
to 420" after "to cut 600 jobs"; "312,000 people had been evacuated" after the headline
"Philippines evacuates 120,000". Read on hand-made items in a real SQLite store (found in the
twenty-first session's first run of the week written blind, fjord)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.figure_answers import figure_question
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 8, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (1, "Aurelia Airways collapses, leaving 85,000 passengers stranded abroad",
     "Aurelia Airways has ceased trading, cancelling all flights and leaving an estimated 85,000 "
     "passengers stranded overseas."),
    (2, "UK regulator raises stranded Aurelia passenger estimate to 92,000",
     "The Civil Aviation Authority said more Aurelia Airways bookings made through travel agents had "
     "come to light, and stranded passengers abroad should not go to the airport."),
    (1, "University of Eastmoor to cut 600 jobs to plug deficit",
     "The University of Eastmoor is to cut up to 600 jobs and close four departments."),
    (5, "Eastmoor job cuts reduced after union talks",
     "The University of Eastmoor has cut the number of jobs it plans to axe from 600 to 420 after "
     "talks with unions."),
    (2, "Haruko becomes typhoon, Philippines evacuates 120,000",
     "Typhoon Haruko strengthened over the Pacific on Wednesday, and people in low-lying coastal "
     "towns of Luzon were told to leave."),
    (2, "Ashvale raises Brindle offer to 455p as board holds out", "Ashvale Industrial has raised its "
     "hostile offer for Brindle Engineering to 455p a share, valuing the company at £1.78bn."),
    (2, "US bidder sweetens offer for Brindle Engineering", "The American industrial group Ashvale has "
     "raised its unwanted bid for Brindle Engineering to about £1.78bn, two days after going hostile. "
     "Lorna Petts, Ashvale's chief executive, said the new price of 455p a share was 'full and fair'. "
     "Brindle, which makes pumps and valves, employs 6,200 people."),
    (4, "Ashvale lifts Brindle bid to 482p", "Brindle Engineering's board is minded to recommend a third "
     "offer from Ashvale Industrial of 482p a share, which values the group at £1.88bn."),
    (6, "Brindle: how the bid battle was won", "An Ashvale bid for Brindle Engineering that started at "
     "410p a share has ended at 482p, lifting the price tag to £1.88bn in a single week."),
    (3, "Typhoon Haruko makes landfall in the northern Philippines",
     "Typhoon Haruko made landfall near Aparri on Thursday. More than 312,000 people had been "
     "evacuated from their homes across the north of the main island."),
    (1, "Harlow dam toll rises to 13", "The death toll in the Harlow dam breach rose to 13 on Tuesday, "
     "with 18 people still missing, officials said."),
    (3, "Harlow dam toll climbs to 19; nine still missing", "Rescue teams recovered five more bodies on "
     "Thursday, taking the toll to 19. Nine people are still missing."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("How many Aurelia Airways passengers were stranded abroad?", "92,000"),
    ("how many jobs is eastmoor uni axing", "420"),
    # a headline's count of no noun is of what its verb did; a later count worded with it joins
    ("how many ppl got evacuated in the philippines for typhoon haruko", "More than 312,000"),
    # "started at 410p ... has ended at 482p": 410p is where the bid began
    ("how much a share is ashvale offering for brindle now", "482p"),
    ("How much is Ashvale Industrial's latest offer for Brindle Engineering worth?", "£1.88 billion"),
    # the people still missing are counted again as the count changes, either way
    ("How many people were still missing after the Harlow dam breach on Thursday, 3 March?", "9"),
])
async def test_a_revised_count_leads(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


@pytest.mark.parametrize(("question", "latest"), [
    ("How much is Ashvale Industrial's latest offer for Brindle Engineering worth?", True),
    ("what is the most recent death toll", True),
    ("How much was Ashvale's first offer for Brindle?", False),
])
def test_the_latest_is_asked(question: str, latest: bool) -> None:
    assert figure_question(read_question(question, NOW.date())).latest is latest
