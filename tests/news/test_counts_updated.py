"""A running count told again: "cases in Kerrow and Kerrowshire have reached 78" counts the cases
(not Kerrowshire), "three more homes were destroyed, bringing the total to 17" counts homes, and
"how many houses burnt down" asks for houses ("burnt" is a verb); "Ontario's measles cluster"
is in Ontario, so a later report from Ontario continues its count; people "vaccinated" or
"attended", and cases, are not the people who died or were evacuated. Hand-made items in a real
SQLite store."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from digests.news.answers import answer_question
from digests.news.figure_fit import places_named
from digests.news.lexicon import lemma
from digests.news.question import read_question
from digests.runtime.workers import WorkerPool
from digests.store.core import Store

from builders import answer_over

NOW = datetime(2022, 3, 31, 23, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (2, "Kerrow measles outbreak climbs to 64 confirmed cases",
     "The health agency said on Monday it has confirmed 64 measles cases in Kerrow and Kerrowshire."),
    (8, "Kerrow measles cases reach 78 as clinics open",
     "Confirmed measles cases in Kerrow and Kerrowshire have reached 78, the health agency said."),
    (9, "Tarn bushfire destroys 14 homes",
     "Fourteen homes have been destroyed after a bushfire tore through farms west of Tarn."),
    (11, "Tarn fire contained",
     "The bushfire west of Tarn has been contained, but three more homes were destroyed, bringing the "
     "total to 17, the fire service said."),
    (13, "Ontario measles cluster reaches 63",
     "Ontario's measles cluster has grown to 63 confirmed cases, and Winnipeg has recorded its first."),
    (15, "Ontario widens school exclusions",
     "Ontario is extending its exclusion order to nine schools after the measles cluster reached 71 "
     "confirmed cases."),
    (20, "Lakeside cholera: 587 cases and 14 deaths",
     "Lakeside has recorded 587 cholera cases and 14 deaths, the health ministry said."),
    (21, "Lakeside cholera vaccination passes 48,000",
     "Health officials in Lakeside said 48,000 people vaccinated against cholera since Monday."),
    (22, "Tarnby moor fire: residents leave",
     "About 210 residents evacuated from Tarnby on Tuesday as the moor fire spread."),
    (23, "Tarnby gives thanks", "About 150 people attended a service in Tarnby to thank firefighters."),
]


def test_a_place_written_as_an_owner_is_named() -> None:
    assert places_named("Ontario's measles cluster has grown to 63 cases.") == {"ontario"}


def test_a_past_tense_in_t_is_a_verb_not_what_is_counted() -> None:
    assert read_question("how many houses burnt down in the fire", date(2022, 3, 31)).head == lemma("houses")


@pytest.mark.parametrize(("question", "value"), [
    ("How many measles cases have been confirmed in Kerrow and Kerrowshire?", "78"),
    ("how many houses burnt down in the tarn bushfire", "17"),
    ("How many confirmed measles cases are there in the Ontario cluster?", "71"),  # "Ontario's" is Ontario
    ("how many ppl have died of cholera in lakeside", "14"),  # not the people vaccinated, nor the cases
    ("how many ppl got evacuated from tarnby", "About 210"),  # not the people who attended a service
])
async def test_the_latest_count_leads(week: Store, question: str, value: str) -> None:
    answer = await answer_question(week, question, NOW)
    assert answer.found and answer.headline.startswith(value), answer.headline


async def test_new_ones_added_to_a_total_are_not_the_count(tmp_path: Path, workers: WorkerPool) -> None:
    """"three new cases, bringing the outbreak total to 34": the count is 34, three were added."""
    items = [(16, "Legionnaires' cases climb to 26",
              "The number of Legionnaires' disease cases in Carver Falls has risen to 26."),
             (20, "More Legionnaires' cases",
              "Officials in Carver Falls reported three new Legionnaires' disease cases over the weekend, "
              "bringing the outbreak total to 34.")]
    answer = await answer_over(tmp_path / "total.db", workers, NOW, items,
                               "How many Legionnaires' disease cases have there been in Carver Falls?")
    assert answer.found and answer.headline.startswith("34"), answer.headline
