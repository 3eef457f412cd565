"""Sentences and terms: the basics every understanding step stands on."""

from __future__ import annotations

from digests.news.text import split_sentences, stem, terms

NEWS = ('KYIV, Ukraine (AP) — Mr. Podolyak said on Monday the U.S. sent 3,800 troops. '
        '"We will talk," he said. Dr. J. R. Smith agreed at 5 p.m. Monday.\n\n'
        'A new paragraph. It ends here.')


def test_sentences_of_news_prose() -> None:
    """Abbreviations, initials and quotes do not split sentences; paragraphs always do."""
    assert [s.text for s in split_sentences(NEWS)] == [
        "KYIV, Ukraine (AP) — Mr. Podolyak said on Monday the U.S. sent 3,800 troops.",
        '"We will talk," he said.',
        "Dr. J. R. Smith agreed at 5 p.m. Monday.",
        "A new paragraph.",
        "It ends here.",
    ]


def test_titles_written_short_end_no_sentence() -> None:
    """"Rep.", "Maj.", "Lt." before a name, which syntok does not know; "the Rep." is a noun."""
    assert [s.text for s in split_sentences("Rep. Lyle Fenwick spoke. Lt. Col. Ann Lee agreed.")] == [
        "Rep. Lyle Fenwick spoke.", "Lt. Col. Ann Lee agreed."]
    assert [s.text for s in split_sentences("He met the Rep. Then he left.")] == [
        "He met the Rep.", "Then he left."]


def test_an_amount_written_short_ends_a_sentence() -> None:
    """"£14.8m." before a capital ends the sentence (syntok reads "m." as an abbreviation)."""
    text = "He defrauded investors of £14.8m. Elliot Vance, 44, told them. Profit rose 5pc. It fell."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "He defrauded investors of £14.8m.", "Elliot Vance, 44, told them.", "Profit rose 5pc.", "It fell."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_a_decimal_ends_a_sentence() -> None:
    """"… put the magnitude at 7.2. Power was cut …" is two sentences (found in the twenty-sixth
    session on the week delta); "7.2 p.m." is not an end."""
    text = "The institute put the magnitude at 7.2. Power was cut. It struck at 7.2 p.m. Monday."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "The institute put the magnitude at 7.2.", "Power was cut.", "It struck at 7.2 p.m. Monday."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_sentence_offsets_point_into_the_text() -> None:
    """Each sentence can be found again at its offsets, with its paragraph and position."""
    sentences = split_sentences(NEWS)
    assert all(NEWS[s.start:s.end] == s.text for s in sentences)
    assert [(s.paragraph, s.index) for s in sentences] == [(0, 0), (0, 1), (0, 2), (1, 3), (1, 4)]


def test_empty_text_has_no_sentences() -> None:
    """Blank input gives nothing rather than an empty sentence."""
    assert split_sentences("  \n\n ") == []


def test_terms_keep_acronyms_and_singularise() -> None:
    """Stop words go, but the all-caps US stays; plurals meet their singulars."""
    assert terms("Refugees fled to the US as the casualties rose") == [
        "refugee", "fled", "us", "casualty", "rose"]
    assert (stem("news"), stem("crisis"), stem("status")) == ("new", "crisis", "status")
