"""A match between two countries, on hand-made items in a real SQLite store (found in the
thirty-third session on the week tarn):
- "between West Indies and India" names the sides, not where the match is: a sentence that puts
  it in a third country ("starts at Providence Stadium in Guyana") still answers;
- "where will it be played" asks where it takes place: "starts at" says so without "played";
- a report of another match of the series, whose sentence gives no ordinal ("lead in Barbados"
  in a report of the second Test, "meet at Bristol" in a preview of the second ODI), does not say
  where the fourth or the third is."""

from __future__ import annotations

from datetime import UTC, datetime

from digests.news.answers import answer_question
from digests.news.question import read_question
from digests.news.support import about_it
from digests.store.core import Store

NOW = datetime(2022, 3, 10, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (8, "Sethi century hands India lead in Barbados",
     "Kabir Sethi made 131 as India took a 61-run lead over West Indies on the second day of the "
     "second Test at Kensington Oval in Barbados."),
    (9, "India take series in Barbados",
     "India beat West Indies by four wickets in the second Test to take an unassailable 2-0 lead in "
     "the three-match series. The third Test starts at Providence Stadium in Guyana on 17 March."),
    (7, "England v India: second ODI preview",
     "India will look to level the three-match ODI series against England when the teams meet at Bristol "
     "on Tuesday."),
    (9, "Deshmane century sinks England",
     "Kavya Deshmane's 112 powered India to a 26-run win over England in the third ODI at Taunton and a "
     "2-1 series victory."),
]


async def test_where_a_match_between_two_countries_is_played(week: Store) -> None:
    question = "Where will the third Test between West Indies and India be played?"
    answer = await answer_question(week, question, NOW)
    assert answer.headline.startswith("Providence Stadium —"), answer.headline


async def test_when_a_match_between_two_countries_starts(week: Store) -> None:
    answer = await answer_question(week, "When does the third Test between West Indies and India start?", NOW)
    assert answer.headline.startswith("Thursday 17 March —"), answer.headline


async def test_not_where_another_match_of_the_series_was(week: Store) -> None:
    question = "Where will the fourth Test between West Indies and India be played?"
    answer = await answer_question(week, question, NOW)
    assert not answer.found, answer.headline


async def test_not_where_the_preview_of_another_match_says(week: Store) -> None:
    answer = await answer_question(week, "Where was the third ODI between England and India played?", NOW)
    assert answer.headline.startswith("Taunton —"), answer.headline


def test_a_sentence_of_a_report_of_another_match_is_not_about_it() -> None:
    asked = read_question("Where was the third ODI between England and India played?", NOW.date())
    preview = ITEMS[2][2]
    assert not about_it(asked, preview, f"{ITEMS[2][1]} {preview}", {})
    assert about_it(asked, ITEMS[3][2], f"{ITEMS[3][1]} {ITEMS[3][2]}", {})
