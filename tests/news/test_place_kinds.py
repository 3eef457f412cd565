"""A place is named with the kind of place written after it in lower case: "off Buru island" is
Buru island and "in the Vilcabamba mountains" the mountains. "How much was it insured for" asks a
sum, not the satellite's weight. Read on hand-made items in a real SQLite store (found in the
twenty-second session on the week glacier)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.question import MEASURE_MONEY, read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Ferry toll rises to 19", "The death toll from the capsizing of the KM Sinar Laut off Buru island "
     "rose to 19 on Saturday as five more bodies were recovered."),
    (5, "New rain frog named", "Scientists have named a new species of rain frog found in cloud forest "
     "at about 2,900 metres in the Vilcabamba mountains of Peru's Cusco region."),
    (6, "Satellite lost in launch failure", "The 85 kg Fjellsyn-9 Earth-observation satellite was lost "
     "when the rocket failed two minutes after lift-off."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("Where did the KM Sinar Laut capsize?", "Buru island"),
    ("where did they find the new rain frog", "Vilcabamba mountains"),
])
async def test_the_kind_of_place_is_part_of_its_name(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{expected} —"), answer.headline


async def test_what_it_was_insured_for_is_a_sum(week: Store) -> None:
    question = "how much was the fjellsyn-9 satellite insured for"
    assert read_question(question, NOW.date()).measure == MEASURE_MONEY
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline
