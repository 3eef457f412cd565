""""What caused the outage" is not answered by what the outage caused ("fees or charges caused by
Wednesday's outage"): the news that gives no cause gets "I don't know", and one that gives it is
still read; nor by what the thing asked about did ("miners trapped by a collapse" is no cause of
the collapse). "What started the fire" asks a cause too ("Lighter started Paisley fire"). Read on
hand-made items in a real SQLite store (found in the twenty-second session on the week lagoon,
and the twenty-fourth on steppe). "A landslip caused the derailment" gives its cause, and so does
"when a wall gave way", and "called off the launch after sensors found a leak";
"investigators determine what caused the fire", "the fire, which forced workers to leave", and a
launch called off after a fault in the very part asked about do not (the thirty-fourth session, on
the weeks loch and dune)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (4, "Northgate Bank to refund outage charges",
     "Northgate Bank said Friday it would refund any late-payment fees or overdraft charges caused by "
     "Wednesday's outage of its app and online banking."),
    (5, "Eastley Bank outage blamed on a faulty update",
     "Eastley Bank said Wednesday's outage of its app was caused by a faulty software update."),
    (6, "Miners winched to safety",
     "Eight of the 11 miners trapped by a collapse at the Cerro Alondra copper mine were winched to safety."),
    (7, "Kererū Flat fire contained",
     "Fire and Emergency NZ says the Kererū Flat fire is now contained at 3850 hectares."),
    (8, "Lighter started Paisley fire that killed three children",
     "Investigators said the Paisley fire began in a bedroom."),
    (9, "Heron Bay fire contained after five days",
     "The Heron Bay fire was declared contained on Friday morning after burning through 24,800 hectares.\n\n"
     "The chief praised residents, but said investigators believed the fire was sparked by a slasher "
     "being used in a paddock."),
    (10, "Landslip caused Dunmore derailment",
     "A landslip beneath the embankment caused Friday's derailment near Dunmore, investigators said."),
    (11, "Corran mine flooded",
     "Water poured into the Corran mine on Saturday when a wall between two old workings gave way."),
    (12, "Ashby mill stays shut after fire",
     "The Ashby mill will stay shut while investigators determine what caused Tuesday's fire."),
    (13, "Brannock quarry fire",
     "Investigators are still looking into Monday's fire at the Brannock quarry, which forced 30 workers "
     "to leave the site."),
    (14, "Skylark launch called off",
     "Orrin Space called off the first launch of its Skylark rocket on Monday after sensors found a leak "
     "in a fuel line on the upper stage."),
]


async def test_what_the_outage_caused_is_not_its_cause(week: Store) -> None:
    answer = await answer_question(week, "what caused the northgate bank outage", NOW)
    assert not answer.found, answer.headline


async def test_the_cause_given_is_read(week: Store) -> None:
    answer = await answer_question(week, "what caused the eastley bank outage", NOW)
    assert "faulty software update" in answer.headline, answer.headline


async def test_what_the_thing_did_is_not_its_cause(week: Store) -> None:
    answer = await answer_question(week, "What caused the tunnel collapse at the Cerro Alondra mine?", NOW)
    assert not answer.found, answer.headline


async def test_what_started_it_is_a_cause(week: Store) -> None:
    answer = await answer_question(week, "what started the kererū flat fire", NOW)
    assert not answer.found, answer.headline
    answer = await answer_question(week, "what started the paisley fire", NOW)
    assert "Lighter" in answer.headline, answer.headline


async def test_what_someone_believes_caused_it_asks_a_cause(week: Store) -> None:
    """"What do investigators believe sparked the fire": the containment report gives no cause
    (found in the twenty-fifth session on the week taiga)."""
    answer = await answer_question(week, "what do investigators believe sparked the kererū flat fire", NOW)
    assert not answer.found, answer.headline
    answer = await answer_question(week, "What do investigators believe sparked the Heron Bay fire?", NOW)
    assert "slasher" in answer.headline, answer.headline


async def test_a_cause_is_the_subject_of_caused(week: Store) -> None:
    answer = await answer_question(week, "What caused the derailment near Dunmore?", NOW)
    assert answer.found and "landslip" in answer.headline, answer.headline


async def test_what_gave_way_is_a_cause(week: Store) -> None:
    answer = await answer_question(week, "What caused the flooding at the Corran mine?", NOW)
    assert answer.found and "wall" in answer.headline, answer.headline


async def test_what_is_still_to_be_found_is_no_cause(week: Store) -> None:
    answer = await answer_question(week, "what started the fire at the ashby mill", NOW)
    assert not answer.found, answer.headline


async def test_what_the_fire_did_is_not_its_cause(week: Store) -> None:
    answer = await answer_question(week, "what started the fire at the brannock quarry", NOW)
    assert not answer.found, answer.headline


async def test_a_launch_called_off_after_a_fault_gives_its_cause(week: Store) -> None:
    answer = await answer_question(week, "What caused the first Skylark launch to be called off?", NOW)
    assert answer.found and "leak" in answer.headline, answer.headline
    answer = await answer_question(week, "What caused the leak in the Skylark's fuel line?", NOW)
    assert not answer.found, answer.headline
