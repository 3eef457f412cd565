"""A where-question is answered by the place of the event it asks about: "died on Friday at her
home in Lindvale" after "a pilot based in Karsby" gives Lindvale; and "where was the heroin
seized" asks where the seizure was, not where a thing called "seized" is (which read "Customs
officers seized" as a place naming it); an article ("An explosion") or a party ("Lib Dem
nurse") is no place. Hand-made items in a real SQLite store (found on the weeks savanna and
prairie)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 12, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Ada Ferris, relief pilot, dies at 97",
     "Ada Ferris, who flew supply drops over the Grenholm valley as a pilot based in Karsby and later "
     "trained a generation of rescue crews, died on Friday at her home in Lindvale."),
    (9, "Blast at Marsh Olefins plant",
     "NEW ORLEANS, Mar 9 (Wire) - An explosion and fire at a Marsh Olefins chemical plant in St. James "
     "Parish, Louisiana, injured three workers late on Wednesday."),
    (10, "Lib Dem nurse wins Fenmouth by-election",
     "The count at the Granary Leisure Centre in Fenmouth finished shortly after 3am."),
    (8, "Heroin worth £6m seized on the Dorran coast",
     "Police and Customs officers seized 90kg of heroin with an estimated value of £6 million at "
     "Kellanport harbour in west Dorran early this morning."),
]


@pytest.mark.parametrize(("question", "place"), [
    ("where did ada ferris die", "Lindvale"),
    ("Where was the heroin seized in west Dorran?", "Kellanport"),
    ("where was the chemical plant explosion in louisiana", "St. James Parish"),  # not "An"
    ("Where was the Fenmouth by-election count held?", "Granary Leisure Centre"),  # not "Lib Dem"
])
async def test_the_place_of_the_event(week: Store, question: str, place: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith(place), answer.headline
