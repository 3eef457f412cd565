"""Roles a text gives without an apposition: a lede that holds the name back to its next sentence
("The founder of a London crypto firm has been jailed … . Elliot Vance, 44, told …"), and a title
of the year ("has been named International Garden Photographer of the Year"). Texts written for
this test (found in the twenty-fourth session on the weeks estuary and dev16)."""

from __future__ import annotations

from digests.news.people import extract_people


def roles(text: str) -> dict[str, str | None]:
    return {m.name: m.role for m in extract_people(text)}


def test_a_lede_that_names_them_next() -> None:
    text = ("Crypto boss jailed for fraud\n\nThe founder of a London cryptocurrency firm has been jailed "
            "for seven years for defrauding investors of £14.8m. Elliot Vance, 44, told customers "
            "that an algorithm traded their money.")
    assert roles(text) == {"Elliot Vance": "founder"}


def test_a_lede_with_an_indefinite_post() -> None:
    text = ("Refunds were parked, court hears\n\nA former head of customer accounts at Brightwell "
            "Energy told the court on Thursday that he had been asked to park refund requests. "
            "Declan Hurst, 41, said the instruction came in an email.")
    assert roles(text) == {"Declan Hurst": "former head of customer accounts"}


def test_not_a_spokesman() -> None:
    text = ("Man charged after crash\n\nA police spokesman said a man had been arrested. John Pellow, 40, "
            "was charged with dangerous driving.")
    assert roles(text) == {"John Pellow": None}


def test_not_a_work_named_next() -> None:
    text = ("Marisol Quaye on her new album\n\nThe Lodestar Prize winner talks about the sessions that "
            "produced her second album. Low Tide Hymns, released last October, has sold 41,000 copies.")
    assert "Low Tide Hymns" not in {name for name, role in roles(text).items() if role}


def test_a_title_of_the_year() -> None:
    text = "Magdalena Wasiczek, from Poland, has been named International Garden Photographer of the Year."
    assert roles(text) == {"Magdalena Wasiczek": "International Garden Photographer of the Year"}


def test_a_lede_that_gives_the_post_with_its_body() -> None:
    """"Halloway Care Group's former finance manager told …": a body's name with a possessive
    holds the post as "the" does."""
    text = ("Fraud trial: ex-finance manager says she was told to hide invoices\n\nHalloway Care Group's "
            "former finance manager told the court she was told to hide invoices. Paula Treloar, who "
            "worked for the group for nine years, said she raised concerns.")
    assert roles(text) == {"Paula Treloar": "former finance manager"}


def test_a_headline_post_goes_to_the_one_the_opening_opens_on() -> None:
    """"Gym owner 'cooperating fully'" over an opening that names the owner first and their gym
    after: the gym's name is no second person who might hold the post."""
    text = ("Gym owner 'cooperating fully' as members demand answers\n\nKieran Blythe, who opened Forge "
            "Fitness on Millbay Road in 2019, said he was cooperating fully with investigators.")
    assert roles(text)["Kieran Blythe"] == "gym owner"
