"""A new species is named by its genus and epithet, the second in lower case: "called
Grimpoteuthis aurorae after the research vessel" is the whole name, and "a new titanosaur,
Chubutitan invernalis, from fossils" names the new dinosaur asked about. Read on hand-made items
in a real SQLite store (found in the twenty-second session on the weeks valley and orchard)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "New dumbo octopus species found in the deep Pacific",
     "Scientists have described a new species of dumbo octopus from the deep Pacific. The new octopus, "
     "called Grimpoteuthis aurorae after the research vessel RV Aurora, is described from nine specimens."),
    (3, "New long-necked dinosaur from Patagonia may be among the largest ever found",
     "Palaeontologists in Argentina have described a new titanosaur, Patagotitan hibernalis, from fossils "
     "found near Sarmiento in Chubut province."),
]


@pytest.mark.parametrize(("question", "expected"), [
    ("What is the new dumbo octopus species called?", "Grimpoteuthis aurorae"),
    ("whats the new patagonia dinosaur called", "Patagotitan hibernalis"),
])
async def test_the_species_is_named_whole(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(f"{expected} —"), answer.headline
