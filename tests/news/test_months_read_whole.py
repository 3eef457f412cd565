"""A month is a whole word or its short form ("Sept.", "Dec 15"), never the start of another word:
"whose 14 novels" is no 14 November and "40 decapitated skeletons" no 40 December, so the day an
obituary gives is read from "died … yesterday" and the 40 skeletons are a figure (found in the
twenty-ninth session on the week moor)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.dates import dates_in
from digests.news.figures import extract_figures
from digests.news.question import period_named

TOLD = date(2026, 12, 16)


@pytest.mark.parametrize("text", ["whose 14 novels about the shipyards", "the 3 decisions were made",
                                  "About 40 decapitated skeletons", "9 Marches", "the 4 Janets"])
def test_a_word_that_begins_like_a_month_is_no_date(text: str) -> None:
    assert dates_in(text, TOLD) == []


@pytest.mark.parametrize(("text", "day"), [
    ("on 14 November", date(2026, 11, 14)), ("3 Sept. 2021", date(2021, 9, 3)),
    ("Dec. 15", date(2026, 12, 15)), ("DEC 15", date(2026, 12, 15)), ("was held on 5 May", date(2026, 5, 5)),
    ("4th of July", date(2026, 7, 4)),
    ("12 Mar", date(2026, 3, 12)), ("Jan 3rd 2022", date(2022, 1, 3))])
def test_a_month_written_whole_or_short_is_a_date(text: str, day: date) -> None:
    assert [(when.month, when.day) for _, when in dates_in(text, TOLD)] == [(day.month, day.day)]


def test_a_count_before_such_a_word_is_a_figure() -> None:
    figures = extract_figures("About 40 decapitated skeletons were unearthed at the railway site.",
                              datetime(2022, 2, 5, tzinfo=UTC))
    assert [f.value for f in figures] == [40]


def test_a_question_names_a_month_only_by_its_name() -> None:
    assert period_named("who won the marathon 2022") == (date(2022, 1, 1), "2022")
    assert period_named("what happened in the decade 2020") == (date(2020, 1, 1), "2020")
    assert period_named("what happened in Sept. 2021") == (date(2021, 9, 1), "September 2021")
