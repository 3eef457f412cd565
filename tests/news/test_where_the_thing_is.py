""""Where is the beef plant that Plainsway is closing?" asks where the plant is (the head of "the
beef plant", not "beef"), which "closes its Cimarron Flats beef plant" says by the place naming
the thing; a venue's name keeps its particles ("the Stade de la Paix"). Read on hand-made items
in a real SQLite store (found in the twenty-sixth session on the week delta)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "State notice puts Prairieland layoffs at 652",
     "Prairieland Beef will lay off 652 workers when it closes its Cotton Flats beef plant, according to "
     "a notice filed with the state on Wednesday."),
    (16, "Twelve dead in crush at cup final",
     "At least 12 people died in a crush at the Stade de la Paix in Bouaké before Sunday's cup final."),
]


async def test_the_place_that_names_the_thing_says_where_it_is(week: Store) -> None:
    answer = await answer_question(week, "Where is the beef plant that Prairieland is closing?", NOW)
    assert answer.headline.startswith("Cotton Flats — "), answer.headline


async def test_a_venue_keeps_the_particles_of_its_name(week: Store) -> None:
    answer = await answer_question(week, "where was the stadium crush at the cup final", NOW)
    assert answer.headline.startswith(("Stade de la Paix — ", "Bouaké — ")), answer.headline
