"""A question asking what a thing is called wants its name, not where it is or was made: "turkey
farm near Cheselbury" does not name the farm, "Indian-made dengue vaccine" does not name the
vaccine ("the vaccine, called DengiShield" does), "East Antarctic" does not name the iceberg. A
"which club" question still takes a place's name ("Barcelona confirm signing"). Read on
hand-made items in a real SQLite store (found in the twenty-ninth session on the weeks glacier,
ridge, delta and valley; "capsizes on Brahmaputra", the river it sank in, in the thirty-third on
tarn)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Bird flu confirmed at turkey farm near Cheselbury",
     "Avian influenza has been confirmed at a commercial turkey farm near Cheselbury, and all 9,000 "
     "birds will be culled, the chief vet said."),
    (8, "WHO approves Indian-made dengue vaccine for U.N. purchase",
     "The World Health Organization has prequalified a dengue vaccine made by Pune's Sahyadri Biotech. "
     "In trials across India, Brazil and Thailand, the vaccine, called DengiShield, was 79.6% effective "
     "at preventing symptomatic dengue."),
    (9, "Aubameyang: Barcelona confirm signing on free transfer",
     "Pierre-Emerick Aubameyang has joined Barcelona on a free transfer after leaving Arsenal."),
    (8, "Ferry capsizes on Brahmaputra near Dhubri, 27 feared missing",
     "A passenger ferry carrying about 70 people capsized near Dhubri on Tuesday evening, officials said. "
     "The boat, MV Jogamaya, was travelling to a char island when it was hit by strong winds."),
]


async def test_the_place_a_thing_is_near_is_not_its_name(week: Store) -> None:
    answer = await answer_question(week, "whats the name of the turkey farm with bird flu", NOW)
    assert not answer.headline.startswith("Cheselbury"), answer.headline


async def test_where_a_thing_was_made_is_not_its_name(week: Store) -> None:
    answer = await answer_question(week, "What is the name of the dengue vaccine prequalified by the WHO?",
                                   NOW)
    assert answer.headline.startswith("DengiShield"), answer.headline


async def test_a_which_question_still_takes_a_place_name(week: Store) -> None:
    answer = await answer_question(week, "which club did aubameyang go to on a free", NOW)
    assert answer.headline.startswith("Barcelona"), answer.headline


async def test_the_river_a_boat_sank_in_is_not_its_name(week: Store) -> None:
    answer = await answer_question(week, "What was the name of the ferry that capsized near Dhubri?", NOW)
    assert answer.headline.startswith("MV Jogamaya —"), answer.headline
