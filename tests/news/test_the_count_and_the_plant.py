""""Where was the by-election count held": the count is what is asked about, not a word asking
for a number; "what caused the fire at the plant" asks of a fire, not of guns fired at it;
"where is the Gellir Solvents plant that caught fire": the clause after the name says which plant,
and a report placing it need not tell the fire again. Read on hand-made items in a real SQLite
store (found in the thirty-fifth session on the week bog; the count's place was asked in four
weeks before it)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Polls open in Dunmere by-election",
     "Polling stations opened at 7am in the Dunmere by-election and will close at 10pm. The count "
     "will take place overnight at Harrow Leisure Centre in Elstow, with a result expected at about "
     "3am."),
    (15, "Liberal Democrats take Dunmere by 2,100 votes",
     "The Liberal Democrats won the Dunmere by-election by 2,100 votes after a night of counting."),
    (15, "Dunmere turnout lowest in a decade",
     "Turnout in Dunmere was 38 per cent, the lowest for a by-election in the county in a decade."),
    (16, "Evacuation near Welsh solvent plant",
     "About 200 people were told to leave homes near the Gellir Solvents plant in Neath on Monday "
     "night. Firefighters fought the blaze until dawn."),
    (17, "Solvent plant fire began at failed valve, firm says",
     "The fire at a solvent plant in south Wales on Monday started when a valve on a storage tank "
     "failed, the operator said. Gellir Solvents said its findings had been shared with inspectors."),
    (18, "Gellir Solvents shares fall after fire",
     "Shares in Gellir Solvents fell 8% after the fire, as analysts weighed the cost of repairs."),
]


async def test_where_the_count_was_held(week: Store) -> None:
    answer = await answer_question(week, "Where was the Dunmere by-election count held?", NOW)
    assert answer.headline.startswith("Harrow Leisure Centre"), answer.headline


async def test_the_fire_at_the_plant_is_a_fire(week: Store) -> None:
    answer = await answer_question(week, "What caused the fire at the Gellir Solvents plant?", NOW)
    assert "valve" in answer.headline, answer.headline


async def test_the_clause_after_the_name_says_which_plant(week: Store) -> None:
    answer = await answer_question(week, "Where is the Gellir Solvents plant that caught fire?", NOW)
    assert answer.headline.startswith("Neath"), answer.headline
