"""What the fifth and sixth weeks of other writing showed (bench/scenario_lagoon and
scenario_orchard, with harbour, estuary and quarry): a figure that counts people does not answer
a question about things, nor one about things a question about people. Hand-made items in a real
SQLite store. A name's last word written only as half of a double-barrelled one is not
that name, a number word opening a headline names no one, and "who chairs" needs a sentence
that says who chairs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.news.dates import dates_in
from digests.news.people import extract_people
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import enriched_store

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Talks to avert Portville dock strike collapse",
     "PORTVILLE, Mar 8 (Wire) - Talks between the union and the operator of Portville, Britain's "
     "busiest container port, broke down, and about 1,900 dock workers will begin a walkout on Monday."),
    (9, "Baggage system failure hits Northtown airport",
     "NORTHTOWN, Mar 9 (Wire) - A failure of the baggage handling system at Northtown airport left "
     "passengers without their luggage and delayed more than 60 departures, the airport said."),
    (10, "Kerrow flooding: residents leave their homes",
     "About 900 people have been evacuated from their homes in Kerrow and nearby villages."),
    (11, "Brava: a language on the rise", "With 40 million speakers, Brava is the region's second language."),
    (13, "Four Kerrow branches among 11 Harbour Bank closures",
     "Harbour Bank said customers could use its Lucan branch or post office services."),
    (14, "Northwold warns on profits", "Northwold chief executive Martin Pryce-Owen blamed a warm autumn."),
    (15, "England 3-0 Wales", "Danny Okonkwo and Ben Marsh scored as England beat Wales at Wembley."),
    (16, "Nine killed in Kerrow mine collapse",
     "At least nine miners were killed after part of the Kerrow copper mine collapsed on Monday."),
    (18, "Kerrow mine toll rises to 19", "The death toll from the collapse at the Kerrow copper mine rose "
     "to 19 on Wednesday, with 17 miners still missing."),
    (20, "Cyclone Tamsin cuts Portville's water", "Officials said Cyclone Tamsin knocked out the pumping "
     "station that supplies Portville. They fear cholera after Cyclone Tamsin."),
    (23, "Portville cholera cases reach 38", "Health authorities have recorded 38 suspected cholera cases "
     "in Portville since Thursday, the health director said."),
    (3, "Northtown Railway drivers to strike", "Train drivers at Northtown Railway will strike on "
     "Wednesday 9 March, the union said."),
    (5, "Northtown rail strike pushed back to 16 March", "The strike by Northtown Railway drivers that had "
     "been planned for Wednesday has been moved back a week to Wednesday 16 March."),
    (24, "Seabrook dockers to ballot on strike", "The ballot closes on 26 March; the eight-day Seabrook dock "
     "strike is due to begin on 29 March."),
    (25, "Two Ana Roe drawings stolen from Kerrow museum",
     "Thieves stole two drawings by the artist Ana Roe from the Kerrow museum on Friday."),
    (26, "Northtown radar outage: review published", "An independent review found that a failed radar "
     "processor caused the Northtown radar outage."),
    (27, "Memorial for singer Hal Tren set for Lunenburg",
     "A public memorial for the singer Hal Tren will be held in Lunenburg."),
    (28, "Kerrow Cup: Portville beat Seabrook", "Portville beat Seabrook 2-0 at Westmoor Park on Friday, "
     "ahead of their final group match in the Kerrow Cup."),
    (12, "Westmoor University to cut jobs",
     "Westmoor University plans to cut up to 210 jobs to close a deficit."),
]


@pytest.fixture
async def week(tmp_path: Path, workers: WorkerPool) -> AsyncIterator[Store]:
    store = await enriched_store(tmp_path / "week.db", workers, "wearside.example", NOW, ITEMS)
    yield store
    await store.close()


@pytest.mark.parametrize("question", [
    "How many containers does the port of Portville handle each year?",  # 1,900 dock workers
    "How many passengers were affected by the baggage failure at Northtown airport?",  # 60 departures
    "how many houses flooded in kerrow",  # 900 people evacuated
])
async def test_people_do_not_count_things_nor_things_people(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


@pytest.mark.parametrize("question", [
    "who chairs harbour bank",  # no sentence says who chairs it: not "Four Kerrow", nor "Lucan"
    "Who refereed England's match against Wales?",  # the scorers did not referee
    "Who is Martin Pryce?",  # Martin Pryce-Owen is someone else
])
async def test_who_did_what_the_news_does_not_say(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


@pytest.mark.parametrize(("question", "lead"), [
    ("when's the northtown railway strike now", "Wednesday 16 March"),  # the latest report, moved to
    ("when is the seabrook dock strike starting", "Tuesday 29 March"),  # the day said of the start
])
async def test_the_day_of_the_event_as_it_now_stands(week: Store, question: str, lead: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith(lead), answer.headline


@pytest.mark.parametrize("question", [
    "Where will Hal Tren be buried?",  # where the memorial is held is not where he is buried
    "Where will the Kerrow Cup final be played?",  # "their final group match" is no final
    "When is the Kerrow Cup final?",
])
async def test_the_occasion_asked_of_must_be_said(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


async def test_a_finding_asked_for_needs_a_sentence_that_says_it(week: Store) -> None:
    assert not (await answer_question(week, "What do the stolen Ana Roe drawings show?", NOW)).found
    answer = await answer_question(week, "what did the review into the northtown radar outage find", NOW)
    assert answer.found and "failed radar processor" in answer.headline, answer.headline


async def test_who_did_what_it_says(week: Store) -> None:
    answer = await answer_question(week, "who scored for england against wales", NOW)
    assert answer.found and answer.headline.startswith("Danny Okonkwo"), answer.headline


@pytest.mark.parametrize(("question", "lead"), [
    ("roughly how many people speak brava", "40 million speakers"),  # people who speak: speakers
    ("how many staff are losing their jobs at westmoor university", "up to 210 jobs"),  # jobs are people's
    ("How many miners have died in the Kerrow mine collapse?", "19 "),  # the toll of an item about miners
    ("how many cholera cases have been recorded in portville since the cyclone", "38 "),  # "Cyclone Tamsin"
])
async def test_people_counted_by_what_they_do_or_hold(week: Store, question: str, lead: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith(lead), answer.headline


def test_a_day_something_is_moved_to_is_still_to_come() -> None:
    march = date(2026, 3, 5)
    assert [day for _, day in dates_in("Band moves homecoming gig to 20 June", march)] == [date(2026, 6, 20)]
    assert [day for _, day in dates_in("The band moved the show from Saturday 13 June to Saturday 20 June.",
                                       march)] == [date(2026, 6, 13), date(2026, 6, 20)]
    assert [day for _, day in dates_in("The gig on 20 June was a triumph.", march)] == [date(2025, 6, 20)]


def test_a_day_told_without_a_year_is_the_nearer_one() -> None:
    """Nothing says it is past: this year's day, up to half a year ahead; else last year's."""
    february = date(2022, 2, 23)
    told = "George Ezra is the first performer for the Platinum Party at the Palace on 4 June."
    assert [day for _, day in dates_in(told, february)] == [date(2022, 6, 4)]
    told = "Prince Andrew has agreed to give a statement under oath on March 10 in the UK."
    assert [day for _, day in dates_in(told, date(2022, 2, 6))] == [date(2022, 3, 10)]
    assert [day for _, day in dates_in("The vote was held on 4 June.", february)] == [date(2021, 6, 4)]
    assert [day for _, day in dates_in("The party is on 4 December.", february)] == [date(2021, 12, 4)]


_POSTS = [
    ("Chief Election Commissioner Harish Lamsal told reporters.",
     ("Harish Lamsal", "chief election commissioner", None)),
    ("Mission director Dr Priya Nandakumar said the craft was healthy.",
     ("Priya Nandakumar", "mission director", None)),
    ("Chief provincial public health officer Dr. Lise Marchand said so.",
     ("Lise Marchand", "chief provincial public health officer", None)),
    ("The Election Commission chief Raj Kumar said.", ("Raj Kumar", "chief", "Election Commission")),
    ("Mission Control chief Tom Hale said.", ("Tom Hale", "chief", "Mission Control")),
    ("Halima Sawadogo, the trial's lead investigator, said so.",
     ("Halima Sawadogo", "lead investigator", None)),
]


@pytest.mark.parametrize(("text", "person"), _POSTS)
def test_post_words_that_begin_names_of_bodies_too(text: str, person: tuple[str, str, str | None]) -> None:
    assert person in [(p.name, p.role, p.affiliation) for p in extract_people(text)]


FESTIVAL = [(29, "Kerrow film festival opens with family drama", "The Kerrow Film Festival opened on Friday "
             "with 'Vine Harvest', a family drama by the director Nino Gela.")]


async def test_a_work_asked_by_its_kind_is_the_title_in_quotes(tmp_path: Path, workers: WorkerPool) -> None:
    store = await enriched_store(tmp_path / "festival.db", workers, "wearside.example", NOW, FESTIVAL)
    try:
        answer = await answer_question(store, "what film opened the kerrow film festival", NOW)
    finally:
        await store.close()
    assert answer.found and answer.headline.startswith("Vine Harvest"), answer.headline
