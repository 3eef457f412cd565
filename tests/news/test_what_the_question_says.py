""""What did Larkfield's parent company blame for its collapse?" is answered by the sentence that
says "blamed", not by the one that names the firms best and tells of the administrators; "What
does Ormsby Engineering make?" by "Ormsby, which makes …". A headline that only repeats the question's
words does not take the lead this way. Read on hand-made items in a real SQLite store (found in
the twenty-sixth session on the weeks orchard, glacier and steppe)."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (14, "Larkfield Holidays parent in administration owing £240m",
     "Brackley Leisure Group, the AIM-listed owner of Larkfield Holidays, has appointed administrators "
     "from Tolland Pryce after rescue talks with its lenders collapsed, leaving debts of about £240m.\n\n"
     "The company blamed soaring energy bills and the loss of a coach contract with two councils."),
    (15, "Texan group raises bid for Ormsby Engineering",
     "The Texan industrial group Calloway has raised its unwanted offer for Ormsby Engineering to about "
     "£1.2bn, three days after going hostile.\n\n"
     "Ormsby, which makes valves and pumps for the water and chemical industries, employs 4,100 people."),
    (16, "Free-range eggs no longer on sale in Wales due to bird flu",
     "They will be relabelled \"barn eggs\" because hens have been kept indoors for weeks to tackle bird "
     "flu."),
]


async def test_the_sentence_with_the_asked_verb_leads(week: Store) -> None:
    answer = await answer_question(
        week, "What did Larkfield Holidays' parent company blame for its collapse?", NOW)
    assert answer.headline.startswith("The company blamed soaring energy bills"), answer.headline


async def test_what_a_firm_makes_is_told_by_makes(week: Store) -> None:
    answer = await answer_question(week, "What does Ormsby Engineering make?", NOW)
    assert "valves and pumps" in answer.headline, answer.headline


async def test_a_headline_echoing_the_question_does_not_take_the_lead(week: Store) -> None:
    answer = await answer_question(
        week, "what are free range eggs in wales getting relabelled as because of bird flu", NOW)
    assert "barn eggs" in answer.headline, answer.headline
