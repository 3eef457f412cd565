"""A trade said plainly after a name and its age ("Graham Petts, 58, a beef farmer and …",
"Liam Forde, 34, a process operator from …") is the person's role, though its first word is
no post of its own (found in the twentieth session's look at the week written blind)."""

from __future__ import annotations

import pytest

from digests.news.loose_roles import role_near
from digests.news.people import extract_people


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("The first man to die has been named as Liam Forde, 34, a process operator from Harrow Street.",
     "Liam Forde", "process operator"),
    ("The firefighter killed on Thursday has been named as Graham Petts, 58, a beef farmer and "
     "30-year member of the local brigade.", "Graham Petts", "beef farmer"),
    ("Ann Lee, a retired teacher, said the school would reopen.", "Ann Lee", "retired teacher"),
])
def test_a_trade_said_plainly_is_a_role(sentence: str, name: str, role: str) -> None:
    found = {m.name: m.role for m in extract_people(sentence)}
    assert found.get(name) == role


def test_as_a_is_not_what_someone_is() -> None:
    """"X, who worked as a", "X as a young man": only an apposition's "a" says what someone is."""
    found = {m.name: m.role for m in extract_people("Tom Hale spoke as a keen amateur.")}
    assert found.get("Tom Hale") is None


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Priya Chandran, a GP, won 43.3 per cent of the vote.", "Priya Chandran", "GP"),
    ("Police arrested the captain of the ferry that capsized in the strait, naming him as Ruslan "
     "Hadiwijaya, 52, and saying he was suspected of negligence.", "Ruslan Hadiwijaya", "captain"),
    ("Police arrested the owner of the Blue Moon bar, naming her as Jane Doe.", "Jane Doe", "owner"),
])
def test_a_role_written_as_news_writes_it(sentence: str, name: str, role: str) -> None:
    """A GP is a role, and so is what someone is called before police name them (found in the
    twenty-first session's first run of the week written blind, cove)."""
    found = {m.name: m.role for m in extract_people(sentence)}
    assert found.get(name) == role


def test_naming_them_as_needs_a_post() -> None:
    found = {m.name: m.role for m in extract_people(
        "Police searched the home of the family on the hill, naming him as Tom Hale.")}
    assert found.get("Tom Hale") is None


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Detective Inspector Gareth Lowde said the pair spent four minutes inside.", "Gareth Lowde",
     "detective inspector"),
    ("Detective Chief Inspector Ann Lee said the man had been charged.", "Ann Lee",
     "detective chief inspector"),
])
def test_a_detectives_rank_is_the_whole_title(sentence: str, name: str, role: str) -> None:
    found = {m.name: m.role for m in extract_people(sentence)}
    assert found.get(name) == role


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("England made solid progress, says former wing Ugo Monye.", "Ugo Monye", "former wing"),
    ("Jane Roe has been named sports columnist of the year.", "Jane Roe", "sports columnist"),
    ("Opening the prosecution case, Rebecca Oyelaran KC told jurors that bonuses were paid.",
     "Rebecca Oyelaran", "barrister (KC)"),
])
def test_a_position_and_a_trade_named_by_an_award(sentence: str, name: str, role: str) -> None:
    """A rugby wing is a role; "named sports columnist of the year" says the trade; "KC" after a
    name is a barrister (found in the twenty-first session's look at the who-is failures)."""
    found = {m.name: m.role for m in extract_people(sentence)}
    assert found.get(name) == role


@pytest.mark.parametrize(("sentence", "name", "role", "affiliation"), [
    ("Sir Hugh Penhallow, who has chaired Calder & Finch since 2018, is to step down in May.",
     "Hugh Penhallow", "chair", "Calder & Finch"),
    ("Ann Colby, who had led Harbour Rail until March, joined the board.", "Ann Colby", "former leader",
     "Harbour Rail"),
])
def test_a_post_held_since_is_a_role(sentence: str, name: str, role: str, affiliation: str) -> None:
    """"who has chaired X since 2018" holds the post now, "who had led X" held it before (found in
    the twenty-second session on the week glacier)."""
    found = {m.name: (m.role, m.affiliation) for m in extract_people(sentence)}
    assert found.get(name) == (role, affiliation)


def test_a_post_once_held_is_not_read_from_a_past_verb() -> None:
    found = {m.name: m.role for m in extract_people("Tom Vale, who led the drilling in 1979, has died.")}
    assert found.get("Tom Vale") != "leader"


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Elias Brandt, who has died aged 74, was a South African distance runner whose career was lost.",
     "Elias Brandt", "distance runner"),
    ("Mira Holt, who has died aged 90, was a New Zealand landscape painter.", "Mira Holt",
     "landscape painter"),
])
def test_a_trade_after_a_nationality(sentence: str, name: str, role: str) -> None:
    """An obituary's "was a South African distance runner": the trade after a nationality of two
    words (found in the twenty-second session on the week fjord)."""
    found = {m.name: m.role for m in extract_people(sentence)}
    assert found.get(name) == role


@pytest.mark.parametrize(("sentence", "name", "role"), [
    ("Dana Whitfield, who chairs the budget committee, said the fee was fair.", "Dana Whitfield",
     "budget committee chair"),
    ("Ann Roe, who leads the rescue team at the mine, said hopes were fading.", "Ann Roe",
     "rescue team leader"),
])
def test_a_post_over_a_body_named_in_lower_case(sentence: str, name: str, role: str) -> None:
    """", who chairs the budget committee,": the chair of a body with no name of its own (found in
    the twenty-second session on the week orchard)."""
    found = {m.name: m.role for m in extract_people(sentence)}
    assert found.get(name) == role


@pytest.mark.parametrize(("sentence", "name"), [
    ("Giving evidence at Manchester Crown Court, Rosalind Achebe, 58, said she raised concerns.",
     "Rosalind Achebe"),
    ("Speaking to reporters outside the High Court, Jo Bloggs said she would appeal.", "Jo Bloggs"),
])
def test_what_someone_was_doing_is_no_role(sentence: str, name: str) -> None:
    """"Giving evidence at Manchester Crown Court, X said": a clause of what X was doing, before
    the comma, is no role (found in the twenty-sixth session on the week delta)."""
    assert role_near(name, sentence) is None
