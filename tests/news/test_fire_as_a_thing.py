""""Fire" after "the" is a fire, a thing that happens, unless an object follows it ("did the board
fire the CEO", "fire 300 staff"): "Where did the relief centre for the Wandiligong fire open?" asks
of no sacking (found in the thirtieth session on the week marsh)."""

from __future__ import annotations

from datetime import date

import pytest

from digests.news.question import read_question


@pytest.mark.parametrize(("question", "verbs"), [
    ("Where did the relief centre for the Wandiligong fire open?", ()),
    ("how many planes were on the alpine fire tues morning", ()),
    ("how big did the Carrow Ridge fire get", ()),
    ("did the board fire the CEO", ("fire",)),
    ("why did the company fire 300 staff", ("fire",)),
    ("when did the club fire its manager", ("fire",)),
])
def test_fire_as_a_thing_or_a_deed(question: str, verbs: tuple[str, ...]) -> None:
    assert read_question(question, date(2022, 3, 20)).verbs == verbs
