"""A text about one person, named in its headline without a post, that later speaks of them by
their post as a clause's subject ("…, in which the England footballer will explore …", "after
the singer was filmed"): the post is theirs. Not when the post comes before another mention of
them in its sentence ("the Labour leader accused Boris Johnson"), nor from the opening's own
subject, which the lead-role reading judges. Texts written for this test (found in the
twenty-fourth session on the 2022 items)."""

from __future__ import annotations

from digests.news.people import extract_people


def roles(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(m.name, m.role, m.affiliation) for m in extract_people(text)}


def test_a_post_in_a_later_clause() -> None:
    text = ("Marcus Rashford to publish new guide\n\nMarcus Rashford is writing a follow-up to his "
            "debut, in which the England footballer will explore how to celebrate difference.")
    assert roles(text) == {("Marcus Rashford", "footballer", "England")}


def test_a_post_after_a_conjunction() -> None:
    text = ("Rod Stewart: Video prompts pothole repair warning\n\nA council urges people not to "
            "attempt road repairs themselves after the singer was filmed doing it.")
    assert roles(text) == {("Rod Stewart", "singer", None)}


def test_not_a_post_said_before_naming_them() -> None:
    text = ("Boris Johnson under pressure over parties\n\nMPs returned on Monday, and the Labour "
            "leader accused Boris Johnson of misleading the Commons.")
    assert roles(text) == {("Boris Johnson", None, None)}


def test_not_when_someone_else_is_named() -> None:
    text = ("Boris Johnson visits Kyiv\n\nBoris Johnson met Volodymyr Zelensky on Saturday, after "
            "the president had asked for more weapons.")
    assert ("Boris Johnson", "president", None) not in roles(text)
