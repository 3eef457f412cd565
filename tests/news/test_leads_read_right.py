"""What leads an answer line is read right: the day a launch was moved to, not the day it was
set for ("postponed from Thursday to Saturday"; "set for maiden launch on Thursday" is a plan,
not the day it happened); a weekday is no place ("Friday's bus accident in Kullu district");
"what kinda firm" asks for the kind ("private equity firm"), not the firm's name; a name the
question gives is no answer ("a first in the US" for "the company's first us union"), nor a
share it gives ("voted against the 5.8 per cent offer"); an obituary's "in 1979 became" does not
date the death it tells as just done ("who has died aged 81"). Read on
hand-made items in a real SQLite store (found in the twentieth session's look at the week
written blind)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import answer_over

NOW = datetime(2022, 3, 31, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (1, "Orbex's Kestrel set for maiden launch from Sutherland on Thursday",
     "Orbex Space will attempt the first orbital launch of its Kestrel rocket on Thursday 3 March."),
    (3, "Orbex launch postponed to Saturday",
     "Orbex Space has postponed the maiden launch of its Kestrel rocket from Thursday to Saturday, "
     "March 5, because of high winds."),
    (6, "Kullu bus toll rises to 23",
     "The death toll in Friday's bus accident in Kullu district rose to 23 after four injured passengers "
     "died in hospital, officials said."),
    (8, "Grocer rejects takeover approach",
     "The supermarket chain Hallett & Rowe has rejected a £1.2 billion takeover approach from the "
     "American private equity firm Cobalt Ridge Partners."),
    (9, "Cobalt Ridge has until August",
     "Under takeover rules Cobalt Ridge has until 5pm on 3 August to make a firm offer or walk away."),
    (10, "Amazon workers vote on a union",
     "Workers in three Amazon warehouses are deciding whether to join a union - which would be a first "
     "in the US."),
]


async def test_the_day_a_launch_was_moved_to_is_when_it_happened(week: Store) -> None:
    answer = await answer_question(week, "when did the kestrel rocket actually launch", NOW)
    assert answer.found and answer.headline.startswith("Saturday 5 March"), answer.headline


async def test_a_weekday_is_no_place(week: Store) -> None:
    answer = await answer_question(week, "Where did the Kullu bus accident happen?", NOW)
    assert not answer.headline.startswith("Friday"), answer.headline


async def test_what_kind_of_firm_leads_with_the_kind(week: Store) -> None:
    answer = await answer_question(week, "what kinda firm is cobalt ridge", NOW)
    assert answer.found and answer.headline.startswith("American private equity firm"), answer.headline


async def test_a_name_the_question_gives_is_no_answer(week: Store) -> None:
    question = "where did amazon workers vote to form the company's first us union"
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


async def answer_from(tmp_path: Path, workers: WorkerPool, items: list[tuple[int, str, str]],
                      question: str) -> str:
    answer = await answer_over(tmp_path / "own.db", workers, NOW, items, question)
    return answer.headline if answer.found else ""


async def test_an_obituarys_year_dates_the_career_not_the_death(tmp_path: Path, workers: WorkerPool) -> None:
    items = [(14, "Conductor Anna Varga dies aged 81",
              "Anna Varga, the Hungarian-born conductor, has died at her home aged 81. Her family said she "
              "died peacefully on Saturday after a short illness."),
             (17, "Anna Varga obituary",
              "Anna Varga, who has died aged 81, was a conductor who in 1979 became the first woman to lead "
              "the Northern Philharmonia.")]
    headline = await answer_from(tmp_path, workers, items, "When did Anna Varga die?")
    assert headline.startswith("Saturday 12 March"), headline


async def test_a_share_the_question_gives_is_not_the_one_asked(tmp_path: Path, workers: WorkerPool) -> None:
    items = [(16, "Vale Buses strike postponed", "The strike by Vale Buses drivers has been postponed while "
              "members vote on a 5.8 per cent pay offer."),
             (18, "Vale Buses drivers reject pay offer", "Drivers at Vale Buses have rejected the 5.8% pay "
              "offer, with 71% of those balloted voting against it.")]
    question = "What percentage of Vale Buses drivers voted against the 5.8 per cent offer?"
    headline = await answer_from(tmp_path, workers, items, question)
    assert not headline.startswith("5.8"), headline


async def test_r_typed_for_are_is_no_word_to_find(tmp_path: Path, workers: WorkerPool) -> None:
    items = [(17, "Hosepipe ban brought forward", "Hartshire Water has brought its hosepipe ban forward "
              "after reservoir levels dropped to 35 per cent."),
             (20, "Hosepipe ban: breaches reported", "Hartshire Water received 14 reports of people "
              "breaching the ban. Reservoir levels have fallen again to 34 per cent.")]
    headline = await answer_from(tmp_path, workers, items, "what % r hartshire's reservoirs at rn")
    assert headline.startswith("34%"), headline


PLANS = [
    (14, "Hosepipe ban to start on 25 March as reservoirs fall",
     "Hartshire Water will introduce a hosepipe ban from Friday 25 March, the company said."),
    (17, "Hosepipe ban brought forward to this Saturday",
     "Hartshire Water has brought its hosepipe ban forward to Saturday 19 March after reservoir levels "
     "dropped to 35 per cent."),
    (15, "Aster-2 satellite launch slips to March 24",
     "The launch of Aster-2 has been postponed from March 18 to March 24 after engineers found a faulty "
     "valve, Corvid Launch said."),
    (19, "Aster-2 launch postponed again, no new date set",
     "Corvid Launch has stood down the March 24 launch attempt for the Aster-2 satellite after a second "
     "valve showed the same fault. No new date has been set."),
    (16, "Mount Kerrow erupts",
     "Mount Kerrow on Flores erupted on Wednesday, sending ash 9 km into the sky."),
]
NOW_PLANS = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)


@pytest.mark.parametrize(("question", "expected"), [
    ("When does the Hartshire Water hosepipe ban start?", "Saturday 19 March"),  # brought forward
    ("when does the hosepipe ban end", ""),  # the day it starts is no end
    ("When will the Aster-2 satellite launch?", ""),  # the latest report: no day is set now
    ("when did mount kerrow last erupt before this", ""),  # not this week's eruption
])
async def test_plans_moved_and_called_off(tmp_path: Path, workers: WorkerPool, question: str,
                                          expected: str) -> None:
    answer = await answer_over(tmp_path / "plans.db", workers, NOW_PLANS, PLANS, question)
    headline = answer.headline if answer.found else ""
    assert headline.startswith(expected) if expected else not headline, headline


PLACES_TOLD = [
    (17, "Asteroid capsule lands safely in SA outback",
     "The capsule carrying asteroid dust landed safely in the SA outback on Thursday."),
    (17, "Orrery capsule touches down",
     "The asteroid capsule landed in the Woomera Prohibited Area at 12.42pm on Thursday."),
    (18, "Charity fraudster jailed",
     "A finance director who stole £2.3m from a harbour charity in Hartshire to pay for a villa in the "
     "Algarve has been jailed for seven years."),
    (16, "Explosion at Wyemouth chemical plant: one dead",
     "One man died in an explosion at the Brindle Chemicals plant in Wyemouth on Tuesday."),
    (17, "Vigil for Brindle Chemicals victims",
     "About 300 people gathered at St Bride's Church in Quayside for a vigil for the men who died in "
     "Tuesday's explosion at Brindle Chemicals."),
    (14, "Sri Lanka on top in Galle", "Sri Lanka reached 356 for 6 on the opening day of the first Test "
     "against New Zealand in Galle."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("where did the asteroid capsule land", "Woomera Prohibited Area"),  # not "SA"
    ("Where was the villa that the fraudster paid for with the stolen money?", "Algarve"),
    ("Where did the Brindle Chemicals explosion happen?", "Wyemouth"),  # not "Church"
    ("where's the 2nd test vs nz", ""),  # the first Test's ground is not the second's
])
async def test_places_told(tmp_path: Path, workers: WorkerPool, question: str, expected: str) -> None:
    headline = await answer_from(tmp_path, workers, PLACES_TOLD, question)
    assert headline.startswith(expected) if expected else not headline, headline


async def test_a_name_given_after_its_noun_and_a_comma(tmp_path: Path, workers: WorkerPool) -> None:
    """"for its third album, Ironwood Nocturnes": the album's name; "Milwaukee's The" is none."""
    items = [(15, "Ferrous Choir win music prize",
              "Milwaukee five-piece The Ferrous Choir won the Great Lakes Music Prize on Tuesday night for "
              "its third album, Ironwood Nocturnes, beating nine finalists.")]
    question = "What is the name of The Ferrous Choir's prize-winning album?"
    headline = await answer_from(tmp_path, workers, items, question)
    assert headline.startswith("Ironwood Nocturnes"), headline


async def test_an_inquiry_that_opens_starts(tmp_path: Path, workers: WorkerPool) -> None:
    items = [(15, "Modderkloof inquiry to start next month",
              "The minister said a public inquiry into the Modderkloof mine collapse would open on 5 April.")]
    headline = await answer_from(tmp_path, workers, items, "when does the modderkloof inquiry start")
    assert headline.startswith("Tuesday 5 April"), headline


@pytest.mark.parametrize("question", [
    "What is the title of the collection that won the Wenlock Prize for Poetry?",
    "who r the 2 guys arrested over the antwerp museum theft",
])
async def test_a_headlines_first_word_or_a_wires_name_is_no_answer(tmp_path: Path, workers: WorkerPool,
                                                                    question: str) -> None:
    """"Debut collection wins Wenlock Prize": "Debut" names nothing; "BRUSSELS, Sept 18 (Meridian)
    - …": Meridian is the agency that filed the report, not someone arrested."""
    items = [(12, "Debut collection wins Wenlock Prize for Poetry",
              "A debut collection has won this year's Wenlock Prize for Poetry, the judges said."),
             (18, "Two arrested over Antwerp museum theft",
              "BRUSSELS, Sept 18 (Meridian) - Belgian police arrested two men aged 31 and 27 in raids in "
              "Antwerp on Friday in connection with the theft from the museum.")]
    headline = await answer_from(tmp_path, workers, items, question)
    assert not headline, headline


async def test_an_asteroids_designation_keeps_its_year(tmp_path: Path, workers: WorkerPool) -> None:
    items = [(12, "Halcyon probe heads for a distant asteroid",
              "Halcyon will travel about 1.1 billion km to reach the asteroid 2008 EV5 in late 2028.")]
    headline = await answer_from(tmp_path, workers, items, "which asteroid is halcyon heading for")
    assert headline.startswith("2008 EV5"), headline
