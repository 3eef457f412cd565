""""Peru's Geophysical Institute put the magnitude at 7.2": whoever puts a measure at a value gives
it, and "What magnitude did Peru's Geophysical Institute give the earthquake?" is answered by the
figure that institute gave, not by the 7.4 others reported. Read on hand-made items in a real
SQLite store (found in the twenty-sixth session on the week delta)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.figures import extract_figures
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (16, "Magnitude 7.4 quake strikes southern Chile",
     "A magnitude 7.4 earthquake struck southern Chile before dawn on Wednesday, officials said. "
     "Chile's Seismological Centre put the magnitude at 7.2. Power was cut across the region."),
]


def test_whoever_puts_a_measure_at_a_value_gives_it() -> None:
    found = extract_figures("Officials put the death toll at 41 on Monday.", NOW)
    assert [(f.value, f.source) for f in found] == [(41, "Officials")]


async def test_the_figure_of_the_one_asked_answers(week: Store) -> None:
    answer = await answer_question(
        week, "What magnitude did Chile's Seismological Centre give the earthquake?", NOW)
    assert answer.headline.startswith("7.2 "), answer.headline
