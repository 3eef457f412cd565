"""Who someone is, from how a party or a firm chose them ("has selected Helen Quick, 39, who runs
a 400-acre farm near Molland, as its candidate": a candidate, not only a farm's runner), and from
a lifeboat's posts ("Sennen Cove coxswain Jory Penhallow"): found in the thirtieth session on the
week marsh. Read on hand-made items in a real SQLite store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.answers import answer_question
from digests.news.loose_roles import role_near
from digests.store.core import Store

NOW = datetime(2022, 3, 20, 20, 0, tzinfo=UTC)

ITEMS = [  # (day of March 2022, title, text)
    (15, "Farmer and ex-mayor to fight Dunmore by-election",
     "The government party has selected Hannah Trelease, 39, who runs a 400-acre farm near Molland, as "
     "its candidate, while the opposition has chosen Dev Ramsey, 61, a former mayor."),
    (16, "St Ives coxswain Jory Pendeen among honours",
     "Jory Pendeen, who has crewed the St Ives lifeboat for 32 years, has been made an MBE."),
]


@pytest.mark.parametrize(("name", "text", "role"), [
    ("Hannah Trelease", "The party has selected Hannah Trelease, 39, who runs a farm, as its candidate.",
     "candidate"),
    ("Mark Hollis", "The club has hired Mark Hollis as its new manager.", "manager"),
])
def test_a_role_given_by_who_chose_them(name: str, text: str, role: str) -> None:
    assert role_near(name, text) == role


async def test_who_a_candidate_is(week: Store) -> None:
    answer = await answer_question(week, "Who is Hannah Trelease?", NOW)
    assert "candidate" in answer.headline, answer.headline


async def test_who_a_coxswain_is(week: Store) -> None:
    answer = await answer_question(week, "whos jory pendeen", NOW)
    assert "coxswain" in answer.headline, answer.headline
