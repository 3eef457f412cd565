"""A sentence about a near thing is not the answer: "how much damage" wants a sum, not a toll;
"how many people live in" a town wants its residents, not the people trapped there; "its
second launch" is not the first; "the permanent chief executive" is not the interim one, nor
the one just dismissed; an inquiry into the cause gives no cause, a successor's election no
reason, and "the Austin-based chip designer" no chip's name. Read on hand-made items in a real
SQLite store (found in the twentieth session's look at the week written blind)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.news.question import read_question
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import answer_over

NOW = datetime(2022, 3, 31, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (10, "Marova flood toll rises to 23 as two more bodies found",
     "Rescuers in southern Marova found the bodies of two of the four people missing after this week's "
     "floods, raising the death toll to 23, the civil defence agency said. Authorities have not yet "
     "estimated the cost of the damage."),
    (11, "Quake: hopes fade for students trapped in dormitory",
     "At least 38 people have now died in the earthquake, and 11 students are still believed to be "
     "trapped beneath a collapsed school dormitory in Tash-Bulak."),
    (12, "Kelvedon is a city of 40,000 people", "Kelvedon, a city of 40,000 people, hosts the games, "
     "which fans can watch live on television."),
    (14, "Orbex Space set for maiden launch next month",
     "Orbex Space will attempt the first orbital launch of its Kestrel rocket on Saturday 2 April. "
     "A second rocket is being built to make more launches."),
    (16, "Orbex Space names its rocket crew",
     "Orbex Space said it would announce a date for its second launch after the first flight."),
    (17, "Prices rise for a second month", "Shop prices rose for a second month in a row, the second "
     "rise since the autumn, and a second survey agreed."),
    (19, "Second round of talks on Monday", "The second round of talks will be held on Monday, and a "
     "second team will join in the second week."),
    (20, "Bus falls into gorge in Kullu district, 19 killed",
     "A bus carrying 40 passengers fell into a gorge in Kullu district on Friday, killing 19 people. "
     "A magisterial inquiry has been ordered into the cause of the accident."),
    (21, "Fenmouth goes to the polls", "Voters in Fenmouth go to the polls on Thursday to choose a "
     "successor to Derek Yalland, who stood down as MP in May."),
    (22, "Council leader Ann Ferris quits", "Ann Ferris stood down as council leader because of ill health."),
    (23, "Halberd leads $420m round for Quillon", "Halberd Ventures has led a $420m funding round for "
     "Quillon Semiconductors, valuing the Austin-based chip designer at $3.1bn. Quillon plans to ship "
     "its first chip next year and will call it by a new name."),
    (24, "Stonebridge has until April", "Under takeover rules Stonebridge has until 9 April to firm up an "
     "offer for Marlowe Inns or walk away."),
    (25, "Harlow deal timing", "Harlow's takeover of Brix is expected to be completed on 3 April."),
    (26, "Union wins Bulgarian election", "The centre-right Union won 27.8% of the vote in Sunday's "
     "parliamentary election in Bulgaria, results showed."),
    (27, "Brightwell fraud trial adjourned", "The fraud trial of former Brightwell Energy chief executive "
     "Marcus Tolland has been adjourned until Tuesday after a juror was discharged."),
    (28, "Harlow trial told to ignore reports", "Judge Sarah Lane told the jury at the Harlow bribery trial "
     "to ignore the reports."),
    (15, "Skyline Air dismisses chief executive Martin Hale",
     "Skyline Air has dismissed chief executive Martin Hale after an IT failure stranded 48,000 "
     "passengers. Finance chief Priya Lomas will take over as interim chief executive while the board "
     "searches for a permanent replacement."),
]


@pytest.mark.parametrize("question", [
    "how much damage did the marova floods do",
    "How many people live in Tash-Bulak?",
    "When will Orbex Space make its second launch?",
    "Who will be Skyline Air's permanent chief executive?",
    "What caused the Kullu bus accident?",
    "What was the reason Derek Yalland stood down as MP?",
    "What will Quillon Semiconductors' first chip be called?",
    "When will Stonebridge's takeover of Marlowe Inns be completed?",
    "When will Bulgaria's new government be sworn in?",
    "Who is the judge in the Brightwell Energy trial?",
])
async def test_a_near_thing_is_not_the_answer(week: Store, question: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


@pytest.mark.parametrize(("question", "expected"), [
    ("how many people live in kelvedon", "40,000"),
    ("How many students are trapped in Tash-Bulak?", "11"),
    ("When will Orbex Space make its first launch?", "2 April"),
    ("Who will take over as Skyline Air's interim chief executive?", "Priya Lomas"),
    ("Why did Ann Ferris stand down?", "ill health"),
    ("When will Harlow's takeover of Brix be completed?", "3 April"),
    ("Who is the judge in the Harlow bribery trial?", "Judge Sarah Lane"),
])
async def test_the_one_asked_still_answers(week: Store, question: str, expected: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and expected in answer.headline, answer.headline


async def test_a_sum_leads_over_its_conversion(tmp_path: Path, workers: WorkerPool) -> None:
    """"750,000 rand (about $42,000)": the sum as paid leads, not its conversion."""
    items = [(17, "Mine to pay victims' families",
              "The company said it would pay 750,000 rand (about $42,000) to each victim's family.")]
    paid = await answer_over(tmp_path / "rand.db", workers, NOW, items,
                             "How much will the company pay each victim's family?")
    assert paid.found and paid.headline.startswith("ZAR 750,000"), paid.headline


@pytest.mark.parametrize(("question", "fired"), [
    ("how many ppl had to get out bc of the kestrel ridge fire", False),  # a fire, not a sacking
    ("What is suspected of starting the Hallow Moor fire?", False),
    ("did the board fire the chief executive", True),
])
def test_a_fire_is_no_sacking(question: str, fired: bool) -> None:
    assert ("fire" in read_question(question, NOW.date()).verbs) is fired


async def test_people_left_homeless_were_displaced(tmp_path: Path, workers: WorkerPool) -> None:
    items = [(29, "Quake toll rises to 47",
              "The death toll from the earthquake in Kyrgyzstan has risen to 47, and about 3,800 people "
              "have been left homeless, the ministry said.")]
    answer = await answer_over(tmp_path / "homeless.db", workers, NOW, items,
                               "How many people were left homeless by the earthquake?")
    assert answer.found and answer.headline.startswith("about 3,800"), answer.headline
