"""A news outlet's own people: "CNN's Ivan Watson reports from Hungary" says he is one of its
journalists; a post said elsewhere ("BBC Moscow correspondent Sarah Rainsford") says more and
wins; the outlet's guest ("tells CNN's Jake Tapper") and a club's manager are not read so."""

from __future__ import annotations

import pytest

from digests.news.names import describe
from digests.news.people import extract_people


@pytest.mark.parametrize(("text", "name", "outlet"), [
    ("CNN's Ivan Watson reports from Hungary, where refugees have arrived.", "Ivan Watson", "CNN"),
    ("The BBC's Ros Atkins explains why truck drivers are blocking roads in Ottawa.", "Ros Atkins", "BBC"),
    ("CNN's Jake Tapper presses Chancellor Olaf Scholz on the pipeline.", "Jake Tapper", "CNN"),
])
def test_an_outlets_reporter_is_a_journalist(text: str, name: str, outlet: str) -> None:
    found = {m.name: m for m in extract_people(text)}
    assert (found[name].role, found[name].affiliation) == ("journalist", outlet)


@pytest.mark.parametrize(("text", "name"), [
    ("Senator Marco Rubio tells CNN's Jake Tapper why he thinks so.", "Jake Tapper"),  # spoken to
    ("Chelsea's Thomas Tuchel speaks to reporters after the final.", "Thomas Tuchel"),  # not an outlet
])
def test_others_are_not_read_as_journalists(text: str, name: str) -> None:
    found = {m.name: m for m in extract_people(text)}
    assert found[name].role != "journalist"


def test_a_post_said_wins_over_the_reporters_line() -> None:
    mentions = [*extract_people("BBC Moscow correspondent Sarah Rainsford said the mood was grim."),
                *extract_people("The BBC's Sarah Rainsford reports from Moscow."),
                *extract_people("The BBC's Sarah Rainsford reports from Kyiv.")]
    role, _ = describe([m for m in mentions if m.name == "Sarah Rainsford"])
    assert role is not None and "correspondent" in role
