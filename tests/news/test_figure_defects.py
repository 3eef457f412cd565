"""Key figures read right: scales, ranges, currency codes, percent forms, numbers that are no
figures, what a figure counts and who says so. Hand-made sentences, one defect class per test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from digests.news.figures import extract_figures
from digests.readings import Figure

from workcount import growth

MONDAY = datetime(2022, 3, 7, 9, 0, tzinfo=UTC)


def read(text: str) -> list[tuple[float, str | None]]:
    return [(round(f.value, 6), f.unit) for f in extract_figures(text, MONDAY)]


def only(text: str) -> Figure:
    figures = extract_figures(text, MONDAY)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Almost 1m people have left the city.", [(1e6, None)]),
    ("The cartel will pump an extra 1m barrels a day.", [(1e6, "barrel")]),
    ("Some 3.5m households are behind on their bills.", [(3.5e6, None)]),
    ("The number of refugees passed 2m.", [(2e6, None)]),
    ("Organisers sold 40k tickets.", [(40000, None)]),
    ("The bridge cost £1.2bn to build.", [(1.2e9, "GBP")]),
    # Lengths stay lengths.
    ("He won the 800m in record time.", [(800, "m")]),
    ("The wave was 5m tall.", [(5, "m")]),
    ("They reached a depth of 30m.", [(30, "m")]),
    ("A 10m-high wall surrounds the camp.", [(10, "m")]),
])
def test_a_lowercase_scale_letter_is_a_scale_unless_the_context_is_a_length(
        sentence: str, expected: list[tuple[float, str | None]]) -> None:
    """"1m people" is a million people, not one metre; "the 800m" and "5m tall" are metres."""
    assert read(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Between 5 and 6 million voters stayed at home.", [(5e6, None), (6e6, None)]),
    ("The scheme will cost £4-5bn.", [(4e9, "GBP"), (5e9, "GBP")]),
    ("Wages rose 3-4% last year.", [(3, "percent"), (4, "percent")]),
    ("Between seven and eight million children were vaccinated.", [(7e6, None), (8e6, None)]),
    ("Output could reach 2 to 2.5 billion tonnes.", [(2e9, "tonne"), (2.5e9, "tonne")]),
    ("Repairs will take two to three weeks.", [(2, "week"), (3, "week")]),
    ("Bids of $10 to 20 million were made.", [(1e7, "USD"), (2e7, "USD")]),
    # No range: the second number keeps what is its own.
    ("She gave $3.8 billion to 465 charities.", [(3.8e9, "USD"), (465, None)]),
    ("The ticket cost $4.25 and 32 people bought one.", [(4.25, "USD"), (32, None)]),
    ("The population grew from 900 to 1.2 million.", [(900, None), (1.2e6, None)]),
    # Scores, seasons and days of the month are no ranges of figures.
    ("Leeds won 2-1 at home.", []),
    ("The talks run from 7 to 9 April.", []),
])
def test_a_range_shares_its_scale_and_unit(sentence: str, expected: list[tuple[float, str | None]]) -> None:
    """"between 5 and 6 million" is 5 million and 6 million; "£4-5bn" and "3-4%" are read whole."""
    assert read(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The start-up raised USD25m in January.", [(2.5e7, "USD")]),
    ("Brussels set aside EUR2bn for the fund.", [(2e9, "EUR")]),
    ("The fine was CHF750,000.", [(750000, "CHF")]),
    ("A barrel cost $US102 on Monday.", [(102, "USD")]),
    ("The grant is worth $A3m.", [(3e6, "AUD")]),
    # Letters glued to numbers that are no currency code.
    ("The G20 and the EU27 met.", []),
])
def test_currency_codes_glued_to_numbers(sentence: str, expected: list[tuple[float, str | None]]) -> None:
    """"USD25m", "EUR2bn", "$US102" are amounts in that currency."""
    assert read(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Inflation reached 6.2pc in February.", [(6.2, "percent")]),
    ("The FTSE 100 closed +1.3% higher.", [(1.3, "percent")]),
    ("The economy shrank -0.5% in the quarter.", [(-0.5, "percent")]),
    ("Support fell from 41pc to 38pc.", [(41, "percent"), (38, "percent")]),
    # A plus sign before a bare number is a dialling code, not a figure.
    ("Ring +33 1 42 68 53 00 to book.", []),
    ("Call the +1 line for help.", []),
])
def test_percentages_written_pc_or_with_a_sign(
        sentence: str, expected: list[tuple[float, str | None]]) -> None:
    """"6.2pc" and "+1.3%" are percentages; "+33 1 42 68 53 00" is a phone number."""
    assert read(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    # Ages in commas after a name or a relative.
    ("Jane Doe, 38, was named as the victim.", []),
    ("Her husband, 64, and their son, 30, were unhurt.", []),
    ("Peter Lang, 71, from York, won £2m on the lottery.", [(2e6, "GBP")]),
    ("Officials said 12, 14 and 16 were the worst years.", [(12, None), (14, None), (16, None)]),
    # Years far ahead, alone or with a preposition.
    ("The forecast runs until 2180.", []),
    ("By 2250 the glacier may be gone.", []),
    ("Up to 2400 people were evacuated.", [(2400, None)]),
    # Clock times in four digits.
    ("The ferry sails at 0715 on weekdays.", []),
    ("The curfew starts at 2100 hours.", []),
    ("Trains stop at 0030 GMT.", []),
    # Disease names and product models.
    ("Covid-19 and H3N2 cases rose.", []),
    ("Apple's iPad 10 and the PS4 sold out.", []),
    ("The Pixel 7 costs $599.", [(599, "USD")]),
    # Phone numbers.
    ("Ring 020 7946 0321 for tickets.", []),
])
def test_numbers_that_are_not_figures(sentence: str, expected: list[tuple[float, str | None]]) -> None:
    """Ages after a name, years beyond 2100, four-digit clock times, disease names, product models
    and phone numbers give no figure; the real figures beside them stay."""
    assert read(sentence) == expected


@pytest.mark.parametrize(("sentence", "counted"), [
    ("Officials said 2,000 civilians had lost their lives.", "civilians had lost their lives"),
    ("About 3,800 US soldiers head to Poland.", "US soldiers"),
    ("Some 700 Ukrainian refugees arrive in Berlin each day.", "Ukrainian refugees arrive"),
    ("More than 1,000 homes lost power on Sunday.", "homes lost power"),
    ("At least 40 people were rescued by helicopter.", "people were rescued"),
    ("Nearly 300 children fled across the border.", "children fled"),
    ("Eleven European teams battle for three places.", "European teams"),
    ("Six people dead after the storm.", "people dead"),
    ("Tests show 81% of adults vaccinated.", "adults vaccinated"),
    ("Between 3 and 4 million people could lose power.", "people could lose power"),
    ("The EU says 1.7 million Ukrainians are thought to have fled.", "Ukrainians"),
    ("A million people are expected to flee.", "people"),
    ("About 3,800 additional US troops would go to Europe.", "additional US troops would go"),
    ("Inflation is forecast to rise above 8% this spring.", None),
    ("Shares fell 4% in early trading.", None),
    ("It bought a 12% stake in the firm.", "stake"),
    ("It will unveil nearly $10 billion in Department of Energy funding.", "Department of Energy funding"),
    ("Plane carrying 132 people crashes in Guangxi hills", "people"),
])
def test_what_is_counted_is_a_whole_phrase(sentence: str, counted: str | None) -> None:
    """The counted phrase never ends on a verb cut from its object ("civilians had lost") or from
    its infinitive ("Ukrainians are thought"), nor takes a verb for a noun ("US soldiers head"); a
    range's first end counts what its second counts; a share counts what it is "of", never the
    time or place after it ("8% this spring", "4% in early trading")."""
    assert extract_figures(sentence, MONDAY)[0].counted == counted


@pytest.mark.parametrize(("sentence", "source"), [
    # Attributions.
    ("As many as 4 million refugees could flee, UNHCR said in Geneva.", "UNHCR"),
    ("UNHCR, in Geneva, said 4 million refugees could flee.", "UNHCR"),
    ("Up to 4 million could flee, the agency's spokesperson, speaking in Geneva, said.",
     "the agency's spokesperson"),
    ("Officials in Kharkiv said 300 homes were destroyed.", "Officials"),
    ("Around 5,000 homes were flooded, authorities from Kerala state said.", "authorities"),
    ("Rescuers found 12 survivors, says the coastguard.", "the coastguard"),
    ("Tom Reid, 45, told reporters that 40 people were trapped.", "Tom Reid"),
    ("Three sources told Reuters that 200 jobs would go.", "sources"),
    ("Analysts estimated losses of $2bn.", "Analysts"),
    ("The toll passed 6 million, according to data from Johns Hopkins University.",
     "Johns Hopkins University"),
    # No attribution: a subject who says nothing, a place, a hearer.
    ("A lottery winner has claimed the £5m jackpot.", None),
    ("The firm has 3,000 staff in Leeds.", None),
    ("The war has claimed 2,000 lives.", None),
    ("The economy added 678,000 jobs in February.", None),
    ("The winner from Leeds told friends she had won £1m.", None),
    ("Doctors told Ann Lee that 3 tests were clear.", "Doctors"),
])
def test_the_source_is_who_the_sentence_attributes_the_claim_to(sentence: str, source: str | None) -> None:
    """"according to X", "X said", "said X", "X estimated": never a place, the one told, nor a
    subject whose verb merely has the figure for its object."""
    assert {f.source for f in extract_figures(sentence, MONDAY)} == {source}


def test_each_figure_takes_the_nearest_attribution() -> None:
    """Two attributions in one sentence: each figure takes the one beside it."""
    figures = extract_figures("Charities say 300 families need help, as the UN warns 5 million people "
                              "could be displaced.", MONDAY)
    assert [(f.value, f.source) for f in figures] == [(300, "Charities"), (5e6, "the UN")]


def test_a_range_keeps_the_surface_of_each_end() -> None:
    """The first end of a range keeps its own surface and offsets, with the shared scale in its value."""
    first, second = extract_figures("Between 3 and 4 million people could lose power.", MONDAY)
    assert (first.surface, first.value, second.surface, second.value) == ("3", 3e6, "4 million", 4e6)


def test_long_runs_of_digits_and_letters_stay_linear() -> None:
    """Hostile input (long runs of digits, signs, dashes and letters in one sentence) is read in
    linear time, each run alike (the work grew with the square of the sentence: 85 s for 2,000
    runs). Work is counted, not timed: 4 times the runs make about 4 times the calls (16 before)."""
    run = "+1-2-3-4-5 USD9 0600 $US7 3m 4-5bn x, 45, said"
    one = [(f.value, f.unit, f.surface) for f in extract_figures(run, MONDAY)]
    many = extract_figures(" ".join([run] * 400), MONDAY)  # one sentence
    assert [(f.value, f.unit, f.surface) for f in many] == one * 400
    assert growth(lambda runs: extract_figures(" ".join([run] * runs), MONDAY), 100) < 5
