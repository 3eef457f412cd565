"""Days of the Easter week (found in the thirty-second session on the week scree), on hand-made
items in a real SQLite store:
- a question that asks when something was announced asks for the day of the telling ("The
  regulator said yesterday that it would carry out a review");
- a month told without its year in what someone "would" do ("said he would step down in June")
  is the coming one, not last year's."""

from __future__ import annotations

from datetime import UTC, date, datetime

from digests.news.answers import answer_question
from digests.news.extracts import date_in
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (9, "Housing regulator orders governance review at Millbrook",
     "The Regulator of Social Housing said yesterday that it would carry out a review of governance at "
     "Millbrook Homes. Ian Parfitt, Millbrook's board chairman, said he would step down in June."),
]


async def test_the_day_of_an_announcement_is_the_day_it_was_said(week: Store) -> None:
    answer = await answer_question(
        week, "When did the Regulator of Social Housing announce its governance review at Millbrook?", NOW)
    assert answer.headline.startswith("Tuesday 8 March"), answer.headline


def test_a_month_someone_would_act_in_is_the_coming_one() -> None:
    assert date_in("Ian Parfitt said he would step down in June.", date(2027, 4, 3)) == "June 2027"
    assert date_in("The plant would close by June, the firm said.", date(2027, 4, 3)) == "June 2027"
