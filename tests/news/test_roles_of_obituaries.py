"""Roles written as the news of a country writes them: an Irish "Fianna Fáil TD Fergal Twomey"
is a TD of Fianna Fáil; an obituary headed "Bernie Ashcombe obituary" whose standfirst opens
"Comedian whose catchphrase …" is a comedian's (found on the weeks savanna and taiga)."""

from __future__ import annotations

from digests.news.people import extract_people


def test_a_td() -> None:
    (twomey,) = extract_people("The vacancy arose when Fianna Fáil TD Fergal Twomey resigned his seat.")
    assert (twomey.name, twomey.role, twomey.affiliation) == ("Fergal Twomey", "TD", "Fianna Fáil")


def test_an_obituarys_standfirst() -> None:
    found = extract_people("Bernie Ashcombe obituary\n\nComedian whose catchphrase made his show a hit. "
                           "Bernie Ashcombe, who has died aged 84, began as a holiday-camp redcoat.")
    assert {(m.name, m.role) for m in found} == {("Bernie Ashcombe", "comedian")}


def test_a_standfirst_without_a_role_gives_none() -> None:
    found = extract_people("Bernie Ashcombe obituary\n\nMany whose lives he touched will miss him. "
                           "Bernie Ashcombe, who has died aged 84, began as a holiday-camp redcoat.")
    assert {(m.name, m.role) for m in found} == {("Bernie Ashcombe", None)}


def test_a_post_told_after_a_title() -> None:
    """"Cllr X has been elected leader of Y": the leader, more than the councillor "Cllr" says;
    a reason after a post ("boss for not predicting …") is no office of it."""
    (qureshi,) = extract_people("Cllr Shabana Qureshi has been elected leader of Peakland District Council.")
    assert (qureshi.role, qureshi.affiliation) == ("leader", "Peakland District Council")
    (cruz,) = extract_people("Sen. Ted Cruz said no.")
    assert cruz.role == "senator"
    (vidaud,) = extract_people("Eric Vidaud loses his job as intelligence boss for not predicting it.")
    assert vidaud.role is None or "not" not in vidaud.role.split()


def test_a_lede_that_holds_the_name_back_after_a_dateline() -> None:
    """"LONDON, Nov 3 (Wire) - The former finance director of X told a court …, naming its
    founder, Y. Anjali Rao, who left X in 2024, said …": Rao was the finance director."""
    found = extract_people(
        "Ex-finance chief says she warned founder\n\nLONDON, Nov 3 (Caspian Wire) - The former finance "
        "director of payments firm Kestrelpay told a court on Tuesday she had warned its founder, Oliver "
        "Strand, about shortfalls. Anjali Rao, who left Kestrelpay in late 2024, said she was told to wait.")
    assert {m.name: m.role for m in found}["Anjali Rao"] == "former finance director"
