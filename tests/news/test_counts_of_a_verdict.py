"""A verdict's counts. "On how many charges was he convicted" is met by "found guilty on 11 of 14
counts" (charges are counts, a conviction a finding of guilt, and the counted "charges" is no
event the sentence must say); a later report that lists the counts by crime ("guilty of five
counts of wire fraud and two counts of money laundering") gives parts, not the number convicted
on, unless a part is asked for. Read on hand-made items in a real SQLite store (found in the
twenty-sixth session on the weeks tundra and delta)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.news.answers import answer_question
from digests.news.lexicon import lemma
from digests.news.question import read_question
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (11, "Ex-Harlan County treasurer guilty on 11 of 14 counts",
     "A Harlan County jury on Friday found former county treasurer Wade Pruitt guilty on 11 of 14 "
     "counts after six hours of deliberation."),
    (15, "Former Brookfield mayor convicted of defrauding water utility",
     "A federal jury on Tuesday convicted Dale Hutton, the former mayor of Brookfield, on seven of "
     "nine counts of wire fraud and money laundering."),
    (15, "Guilty: jury convicts former Brookfield mayor",
     "Later on Tuesday the jury was discharged, having found former Brookfield mayor Dale Hutton guilty "
     "of five counts of wire fraud and two counts of money laundering."),
]


def test_the_counted_noun_is_no_event_to_be_said() -> None:
    asked = read_question("on how many charges was the ex harlan county treasurer convicted",
                          date(2022, 3, 20))
    assert asked.verbs == (lemma("convicted"),)


async def test_charges_are_counts_and_guilty_is_convicted(week: Store) -> None:
    answer = await answer_question(week, "on how many charges was the ex harlan county treasurer convicted",
                                   NOW)
    assert answer.headline.startswith("11 "), answer.headline


async def test_counts_listed_by_crime_are_parts(week: Store) -> None:
    answer = await answer_question(
        week, "On how many counts was former Brookfield mayor Dale Hutton convicted?", NOW)
    assert answer.headline.startswith("7 "), answer.headline


async def test_a_part_asked_for_is_given(week: Store) -> None:
    answer = await answer_question(
        week, "How many counts of money laundering was Dale Hutton found guilty of?", NOW)
    assert answer.headline.startswith("2 "), answer.headline
