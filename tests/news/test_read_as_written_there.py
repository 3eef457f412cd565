"""Questions and news read as each is written: a prize "collected" and a sum "put into" a fund
are money; "what r interest rates at now" asks a rate, "how many members voted to keep rates on
hold" a count, and an exchange rate is no percentage; "in rand" asks for the sum in rand; a
year inside an aside ("who led the drilling in 1979, has died") does not date the death;
"Tanner's Lane" is a street, not a lane; "rehab" is rehabilitation; a wire's dateline is not
where someone died when another report says where; people vaccinated are not people infected.
Read on hand-made items in a real SQLite store (found in the twenty-first session's first run of
the week written blind, cove)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.question import MEASURE_COUNT, MEASURE_PERCENT, read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 27, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (20, "Workneh wins Durban Coastal Marathon in course record",
     "Dawit Workneh won the Durban Coastal Marathon in a course record, 12 seconds inside the old "
     "mark. The winner collects R750,000."),
    (21, "Letsholo seals record move to Kingsbridge",
     "Kagiso Letsholo has completed his move to Kingsbridge City for a fee of about R485-million "
     "(£21-million), the highest ever paid for a South African player."),
    (22, "Bank cuts interest rates to 3.25 per cent",
     "The Bank cut interest rates by 0.25 percentage points to 3.25 per cent on Thursday."),
    (23, "Glaciologist Ingrid Sundby dies aged 88",
     "Professor Ingrid Sundby, the glaciologist who led the first deep ice-core drilling on the Ross "
     "Ice Shelf in 1979, has died aged 88. She died in Tromso on 19 March, her family said."),
    (24, "Fire guts Hartsford Corn Exchange",
     "Fire investigators believe the blaze that gutted the Corn Exchange started in a rear stairwell "
     "off Tanner's Lane."),
    (25, "British jazz pianist Errol Whitby dies at 81",
     "LONDON, March 25 (Meridian) - British jazz pianist Errol Whitby, whose 1968 album became a "
     "best-seller, has died aged 81, his family said on Tuesday. He died at his home in Bristol on "
     "Monday after a short illness."),
    (27, "Kerala approves Rs 38 crore rehabilitation package",
     "The Kerala Cabinet on Sunday approved a Rs 38 crore package to rehabilitate families displaced "
     "by the Kalloor landslide."),
    (26, "Cholera spreads in Nampula",
     "Health officials said 1,340 people have been infected with cholera in Nampula province."),
]


@pytest.mark.parametrize(("question", "measure"), [
    ("what r interest rates at now after the cut", MEASURE_PERCENT),
    ("How many committee members voted to keep rates on hold?", MEASURE_COUNT),
    ("What is the boliviano's new official exchange rate against the dollar?", None),
])
def test_a_rate_is_asked_only_where_one_is(question: str, measure: str | None) -> None:
    assert read_question(question, NOW.date()).measure == measure


@pytest.mark.parametrize(("question", "expected"), [
    ("How much did Dawit Workneh collect for winning the Durban Coastal Marathon?", "ZAR 750,000"),
    ("how much did kingsbridge pay for letsholo in rand", "about ZAR 485 million"),
    ("what r interest rates at now", "3.25%"),
    ("When did Ingrid Sundby die?", "Saturday 19 March"),
    ("where did the corn exchange fire start", "Tanner's Lane"),
    ("where did errol whitby die", "Bristol"),
    ("how much is the kerala govt putting into rehab for the landslide families", "INR 380 million"),
])
async def test_read_as_written(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(expected), answer.headline


async def test_people_vaccinated_are_not_people_infected(week: Store) -> None:
    answer = await answer_question(week, "How many people have been vaccinated against cholera in Nampula?",
                                   NOW)
    assert not answer.found, answer.headline
