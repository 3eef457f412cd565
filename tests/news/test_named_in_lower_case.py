"""A thing's name written in lower case between commas right after its kind: "a new antibiotic,
halomycin B, from bacteria" names halomycin B (not "B", its only capital), and a long "what's
the new antibiotic from the utah salt flats called" still asks a name. Read on hand-made items
in a real SQLite store (found in the twenty-third session on the week tundra)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "New antibiotic from salt-flat bacteria kills superbugs in mice",
     "Researchers have isolated a new antibiotic, veramycin C, from bacteria living in Norland's salt "
     "flats that killed 14 of 17 drug-resistant strains tested in the lab. Lead author Aisha Rahmani "
     "said human trials were at least five years away."),
    (17, "Hospital trials new antibiotic", "A hospital in Tarn has begun trials of a new antibiotic."),
]


async def test_a_name_in_lower_case_after_its_kind(week: Store) -> None:
    question = "whats the new antibiotic from the norland salt flats called"
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("veramycin C"), answer.headline


async def test_an_unnamed_one_still_names_nothing(week: Store) -> None:
    answer = await answer_question(week, "what's the new antibiotic being trialled in tarn called", NOW)
    assert not answer.found, answer.headline
