"""Three readings of how-many questions, on hand-made items in a real SQLite store (found in the
thirty-first session on the week dune):
- an item that gives a count in the place asked ("31,000 homes had lost supply in Lancashire")
  answers with it, not with its headline's total that names the place for something else ("Storm
  Tarrant: 150,000 homes without power and walker killed in Lancashire");
- a member's "death count" or "body count" is the death toll, and asks for a number;
- "the final death toll" is a count that has stopped changing: one that reports of two days give
  ("rose to 38" on one day, "the quake killed 38 people" on the next), or that a report calls
  final; or, of an event that is over (a blast, a quake), its latest count given as a count. (Until
  the thirty-fifth session a toll told on one day only was not final; the weeks written since ask
  "the final toll" eight times and mean the latest count every time a war is not what they ask
  about, so a member asking it of a blast gets the latest count with its day.)"""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Storm Tarrant: 150,000 homes without power and walker killed in Lancashire",
     "More than 150,000 homes were without power this morning after Storm Tarrant brought gusts of "
     "90mph overnight. Network operators said 31,000 homes had lost supply in Lancashire, 22,000 in "
     "Cumbria and 40,000 in Yorkshire. A walker died when a wall collapsed near Clitheroe."),
    (7, "Chile quake toll climbs to 21",
     "The death toll from Monday's earthquake in northern Chile rose to 21 on Tuesday, the "
     "country's disaster agency said."),
    (8, "Chile quake toll reaches 38 as search goes on",
     "The death toll from the earthquake in northern Chile rose to 38 on Wednesday."),
    (9, "British climber recalls Chile quake",
     "A climber from Kendal who was on a glacier when the earthquake struck said she heard a roar "
     "like a train. The quake killed 38 people and destroyed about 900 homes."),
    (9, "Mine blast: toll rises to 12",
     "The death toll from the explosion at the Roskova coal mine rose to 12 on Wednesday, with rescuers "
     "still searching for nine miners."),
]


async def test_the_count_given_for_the_place_asked_answers(week: Store) -> None:
    answer = await answer_question(week, "How many homes lost power in Lancashire during Storm Tarrant?", NOW)
    assert answer.headline.startswith("31,000 homes"), answer.headline


async def test_a_members_death_count_is_the_death_toll(week: Store) -> None:
    answer = await answer_question(week, "whats the death count from the chile quake", NOW)
    assert answer.headline.startswith("38"), answer.headline


async def test_a_toll_told_on_two_days_is_final(week: Store) -> None:
    answer = await answer_question(week, "What was the final death toll from the Chile earthquake?", NOW)
    assert answer.headline.startswith("38"), answer.headline


async def test_the_final_toll_of_a_blast_is_its_latest_count(week: Store) -> None:
    answer = await answer_question(week, "What was the final death toll in the Roskova mine blast?", NOW)
    assert answer.headline.startswith("12 "), answer.headline
