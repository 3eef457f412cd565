"""Counts listed by place, and counts told as a change, on hand-made items in a real SQLite store
(found in the thirty-second session on the week scree):
- a list's later counts drop the noun ("58,000 properties cut off, including 21,400 in Devon,
  followed by Wales on 40,000"): each still counts the list's properties, in its own place;
- "properties" cut off are homes and houses to a member;
- a total told for several places ("most of them in rural Powys and north Devon") is not the
  count of one of them;
- a question that names no place asks for the whole: a later count of one country's share ("42,000
  of the kettles were sold in Canada") is not the latest value of the recall;
- "bringing the outbreak's total to 22" counts what was added (a possessive before "total");
- "saw its majority cut from 9,870 to 1,412" is the majority now, as "rose to" would be;
- "at its peak" asks for the count a report says peaked, not the latest one."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (7, "Storm Brenna leaves 150,000 homes without power",
     "About 150,000 homes were without power this morning after Storm Brenna brought gusts of 90mph. "
     "The south-west was worst hit with 58,000 properties cut off, including 21,400 in Devon, followed "
     "by Wales on 40,000 and the Midlands on 18,000."),
    (8, "2,600 homes still without power after Storm Brenna",
     "About 2,600 homes, most of them in rural Powys and north Devon, were still without electricity "
     "this evening, two days after Storm Brenna struck."),
    (7, "Kettlewise recalls 300,000 kettles over loose lids",
     "Kettlewise is recalling 300,000 of its Brewmaster kettles because the lid can come loose and "
     "spill boiling water, the company said."),
    (9, "Kettle recall reaches Canada",
     "Health Canada said on Wednesday that 42,000 Kettlewise kettles sold in Canada are being "
     "recalled, after two customers reported burns."),
    (7, "Measles outbreak in Harlow reaches 21 cases",
     "The measles outbreak in Harlow has grown to 21 confirmed cases, health officials said."),
    (9, "Harlow measles: one new case",
     "One new measles case was confirmed on Wednesday, bringing the outbreak's total to 22."),
    (8, "Labour holds Eddington",
     "Labour held Eddington in the by-election overnight but saw its majority cut from 9,870 to 1,412, "
     "as the Greens came second. Labour won the seat at the last election with a majority of 9,870."),
    (8, "Storm Brenna power cuts peaked at 212,000",
     "The number of homes that lost power during Storm Brenna peaked at 212,000, network operators "
     "said tonight."),
]


async def test_a_listed_count_without_its_noun_answers_for_its_place(week: Store) -> None:
    answer = await answer_question(week, "how many houses in devon were left w no electricity after brenna",
                                   NOW)
    assert answer.headline.startswith("21,400"), answer.headline


async def test_a_place_told_before_its_count_in_a_list(week: Store) -> None:
    answer = await answer_question(week, "How many homes in Wales lost power during Storm Brenna?", NOW)
    assert answer.headline.startswith("40,000"), answer.headline


async def test_a_count_with_no_place_asked_is_not_one_countrys_share(week: Store) -> None:
    answer = await answer_question(week, "How many kettles is Kettlewise recalling?", NOW)
    assert answer.headline.startswith("300,000"), answer.headline


async def test_a_possessive_total_counts_what_was_added(week: Store) -> None:
    answer = await answer_question(week, "How many measles cases are there in the Harlow outbreak?", NOW)
    assert answer.headline.startswith("22"), answer.headline


async def test_a_majority_cut_to_a_figure_is_the_majority(week: Store) -> None:
    answer = await answer_question(week, "What was Labour's majority in the Eddington by-election?", NOW)
    assert answer.headline.startswith("1,412"), answer.headline


async def test_at_its_peak_asks_for_the_peak(week: Store) -> None:
    answer = await answer_question(week, "At its peak, how many homes lost power during Storm Brenna?", NOW)
    assert answer.headline.startswith("212,000"), answer.headline
