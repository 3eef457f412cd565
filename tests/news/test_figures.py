"""Key figures: numbers with their unit, qualifier, counted thing, source and date."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from digests.news.figures import extract_figures, format_value, measure_key
from digests.readings import Figure

WEDNESDAY = datetime(2022, 3, 2, 18, 30, tzinfo=UTC)  # the day UNHCR counted one million refugees


def only(text: str) -> Figure:
    figures = extract_figures(text, WEDNESDAY)
    assert len(figures) == 1, figures
    return figures[0]


@pytest.mark.parametrize(("sentence", "expected"), [
    # The 2022 example, in our own words.
    ("Ukraine's emergency service said Russian shelling had killed over 2,000 civilians.",
     (2000, None, "lower_bound", "civilians killed", "Ukraine's emergency service", None)),
    ("One million people have fled Ukraine in a week, the UN refugee agency UNHCR said on Wednesday.",
     (1e6, None, "exact", "people have fled Ukraine", "UNHCR", date(2022, 3, 2))),
    ("That is over 2 percent of Ukraine's population.",
     (2, "percent", "lower_bound", "Ukraine's population", None, None)),
    ("UNHCR warned that as many as 4 million Ukrainians could leave.",
     (4e6, None, "upper_bound", "Ukrainians could leave", "UNHCR", None)),
    ("In Syria it took about three months to reach that mark.",
     (3, "month", "approximate", None, None, None)),
    ("It was reported on Wednesday that about 3,800 additional US troops would go to Europe.",
     (3800, None, "approximate", "additional US troops would go", None, date(2022, 3, 2))),
    # Other shapes of news figures.
    ("The fund approved $1.4 billion in emergency aid, according to the IMF.",
     (1.4e9, "USD", "exact", "emergency aid", "the IMF", None)),
    ("Brussels pledged €500m yesterday.", (5e8, "EUR", "exact", None, None, date(2022, 3, 1))),
    ("The deal is worth £2.5bn, the company said.", (2.5e9, "GBP", "exact", None, "the company", None)),
    ("Inflation hit 7.5% in January.", (7.5, "percent", "exact", None, None, None)),
    ("The convoy stretched for 40 miles on Monday.", (40, "mile", "exact", None, None, date(2022, 2, 28))),
    ("Troops advanced 64 km last Wednesday.", (64, "km", "exact", None, None, date(2022, 2, 23))),
    ("Nearly 500 people were evacuated on 2 March.",
     (500, None, "upper_bound", "people were evacuated", None, date(2022, 3, 2))),
    ("At least two hundred soldiers surrendered, officials said.",
     (200, None, "lower_bound", "soldiers surrendered", "officials", None)),
    ("Some 1.5 million homes lost power.", (1.5e6, None, "approximate", "homes lost power", None, None)),
    ("Up to 12,000 troops could be deployed, Reuters reported.",
     (12000, None, "upper_bound", "troops could be deployed", "Reuters", None)),
    ("Officials counted 3,000 or more refugees at the border.",
     (3000, None, "lower_bound", "refugees", "Officials", None)),
    ("Half a million people remain without water.", (5e5, None, "exact", "people remain", None, None)),
])
def test_figures_of_news_sentences(sentence: str, expected: tuple[object, ...]) -> None:
    """Each sentence yields its one figure: value, unit, qualifier, counted thing, source, date."""
    figure = only(sentence)
    assert (figure.value, figure.unit, figure.qualifier, figure.counted, figure.source,
            figure.as_of) == expected


@pytest.mark.parametrize("sentence", [
    "The war began in 2022.",
    "In 1997 the treaty was signed.",
    "Talks resume on 2 March.",
    "Talks resumed on March 3, 2022, in Belarus.",
    "The meeting starts at 14:00.",
    "He spoke at 5 p.m. on the steps.",
    "A second round of talks ended.",
    "She finished 3rd in the race.",
    "Call 555-1234 for help.",
    "Men aged 18 to 60 may not leave.",
    "A 28-year-old soldier was named.",
    "Kyiv won the match 11-10.",
    "1. The first point of the plan.",
    "See page 12 of the report.",
    "COVID-19 cases fell.",
    "The G7 met in Brussels.",
    "A Boeing 737 landed safely.",
    "Read more at https://example.org/news?id=2022.",
    "One of the delegates left.",
    "Protesters gathered at 6 o’clock on Sunday.",
])
def test_numbers_that_are_not_figures(sentence: str) -> None:
    """Years, dates, times, ordinals, phones, ages, scores, lists, pages and codes are no figures."""
    assert extract_figures(sentence, WEDNESDAY) == []


@pytest.mark.parametrize(("surface", "value", "unit"), [
    ("3,800", 3800, None), ("2.5 million", 2.5e6, None), ("1.4bn", 1.4e9, None),
    ("$1.4 billion", 1.4e9, "USD"),
    ("€500m", 5e8, "EUR"), ("12%", 12, "percent"), ("2 per cent", 2, "percent"), ("40 miles", 40, "mile"),
    ("64 km", 64, "km"), ("one million", 1e6, None), ("four million", 4e6, None), ("two hundred", 200, None),
    ("twenty-one", 21, None), ("a dozen", 12, None), ("two and a half million", 2.5e6, None),
    ("a million and a half", 1.5e6, None), ("two million and a half", 2.5e6, None),
    ("10k", 1e4, None), ("50 cents", 0.5, "USD"), ("US$ 3 million", 3e6, "USD"), ("C$ 300", 300, "CAD"),
    ("361 million pounds", 3.61e8, "GBP"), ("25 pounds", 25, "lb"), ("a 3-inch", 3, "inch"),
    ("1 414 021 100", 1414021100, None), ("minus five percent", -5, "percent"), ("1/4 mile", 0.25, "mile"),
])
def test_numbers_are_normalised(surface: str, value: float, unit: str | None) -> None:
    """Digits, scales, currencies, units and spelled-out numbers become one value and unit code."""
    figure = only(f"They counted {surface} then.")
    assert figure.value == pytest.approx(value)
    assert figure.unit == unit


def test_surface_and_offsets_point_into_the_text() -> None:
    """The surface is the exact text at the figure's offsets, qualifier included."""
    text = "Headline here\n\nUNHCR said on Wednesday that as many as 4 million may flee. Not more."
    figure = only(text)
    assert (figure.surface, text[figure.start:figure.end]) == ("as many as 4 million", "as many as 4 million")
    assert figure.sentence == "UNHCR said on Wednesday that as many as 4 million may flee."


def test_one_measure_reported_over_time_shares_a_key() -> None:
    """The same measure at different values and wordings falls in one series; others do not."""
    first = only("One million people have fled Ukraine.")
    later = only("More than 2 million people have fled Ukraine, UNHCR said.")
    other = only("About 3,800 additional US troops arrived.")
    assert measure_key(first) == measure_key(later) != measure_key(other)
    assert measure_key(first).endswith("|count")


@pytest.mark.parametrize(("sentence", "formatted"), [
    ("They counted one million.", "1 million"), ("They counted 2.5 million.", "2.5 million"),
    ("They counted 3,800.", "3,800"), ("It rose 2%.", "2%"), ("It cost $1.4 billion.", "$1.4 billion"),
    ("It cost €500 million.", "€500 million"), ("It cost CHF 20.", "CHF 20"),
    ("They drove 40 miles.", "40 miles"),
    ("They drove 64 km.", "64 km"), ("It lasted about three months.", "3 months"),
])
def test_values_are_written_for_readers(sentence: str, formatted: str) -> None:
    """format_value writes numbers, currencies, percentages and units the way a reader expects."""
    assert format_value(only(sentence)) == formatted


@pytest.mark.parametrize(("sentence", "as_of"), [
    ("Yesterday 300 people crossed.", date(2022, 3, 1)),
    ("Last Monday 300 people crossed.", date(2022, 2, 28)),
    ("On Thursday 300 people crossed.", date(2022, 2, 24)),
    ("Two days ago 300 people crossed.", date(2022, 2, 28)),
    ("On February 24 300 people crossed.", date(2022, 2, 24)),
    ("On 30 December 300 people crossed.", date(2021, 12, 30)),
    ("Last week 300 people crossed.", None),
])
def test_dates_resolve_against_the_publication_day(sentence: str, as_of: date | None) -> None:
    """Weekdays, yesterday, "N days ago" and dates without a year resolve to the latest past day."""
    assert only(sentence).as_of == as_of


def test_a_long_text_is_handled_whole() -> None:
    """A long article (3,000 sentences) is read in one call, every figure found and in order."""
    paragraph = ("Officials said 1,200 people fled on Monday. The cost reached $3 million. "
                 "It was the 2nd time in 2022 that talks failed.")
    figures = extract_figures("\n\n".join([paragraph] * 1000), WEDNESDAY)
    assert len(figures) == 2000
    assert [f.start for f in figures] == sorted(f.start for f in figures)


@pytest.mark.parametrize(("sentence", "value"), [
    ("The state announced compensation of Rs 4 lakh for each family.", 400_000),
    ("It reported a net profit of Rs 1,240 crore for the quarter.", 12_400_000_000),
    ("Tickets cost Rs. 500 each.", 500),
])
def test_rupees_written_rs_are_a_currency(sentence: str, value: float) -> None:
    found = extract_figures(sentence, datetime(2026, 7, 9, tzinfo=UTC))
    assert [(f.value, f.unit) for f in found] == [(value, "INR")]


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The company will pay 750,000 rand (about $42,000) to each family.",
     [(750_000, "ZAR"), (42_000, "USD")]),
    ("The government released 900 million reais in emergency funds.", [(900_000_000, "BRL")]),
    ("The government pledged 1.5 billion som for reconstruction.", [(1_500_000_000, "KGS")]),
    ("Lagos fined the firm 20 million naira.", [(20_000_000, "NGN")]),
])
def test_more_currencies_written_as_words(sentence: str, expected: list[tuple[float, str]]) -> None:
    found = extract_figures(sentence, datetime(2026, 9, 17, tzinfo=UTC))
    assert [(f.value, f.unit) for f in found] == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("He moved to Kingsbridge for a fee of about R485-million (£21-million).",
     [(485_000_000, "ZAR"), (21_000_000, "GBP")]),
    ("The winner collects R750,000.", [(750_000, "ZAR")]),
    ("Eskom needs a R38bn bailout.", [(38_000_000_000, "ZAR")]),
    ("A 5-million-strong crowd lined the route.", [(5_000_000, None)]),
])
def test_rand_written_r_and_scales_joined_by_a_hyphen(sentence: str,
                                                      expected: list[tuple[float, str | None]]) -> None:
    found = extract_figures(sentence, datetime(2026, 9, 24, tzinfo=UTC))
    assert [(f.value, f.unit) for f in found] == expected


@pytest.mark.parametrize("sentence", ["Take the R29 towards Tarbert.", "The R5 camera shoots 8K video."])
def test_an_r_before_a_bare_number_is_a_name(sentence: str) -> None:
    found = extract_figures(sentence, datetime(2026, 9, 24, tzinfo=UTC))
    assert all(f.unit != "ZAR" for f in found), found


@pytest.mark.parametrize(("sentence", "value", "counted"), [
    ("Mourners packed the 45,000-seat stadium for the funeral.", 45_000, "seats"),
    ("A 47-car pileup closed the motorway.", 47, "cars"),
])
def test_a_noun_joined_to_a_number_is_what_it_counts(sentence: str, value: float, counted: str) -> None:
    """"The 45,000-seat stadium" counts seats, not the people in it (found in the twenty-first
    session's first run of the week written blind, fjord)."""
    found = extract_figures(sentence, datetime(2026, 10, 3, tzinfo=UTC))
    assert [(f.value, f.counted) for f in found] == [(value, counted)]


@pytest.mark.parametrize(("sentence", "value", "unit", "surface"), [
    ("He has been jailed for four years and eight months.", 56, "month", "four years and eight months"),
    ("He served 3 years, 2 months of the sentence.", 38, "month", "3 years, 2 months"),
    ("The ban lasts two weeks and three days.", 17, "day", "two weeks and three days"),
])
def test_a_length_of_time_in_two_units_is_one_figure(sentence: str, value: float, unit: str,
                                                     surface: str) -> None:
    """"Jailed for four years and eight months" is 56 months, not four years (found in the
    twenty-sixth session's first run of the week written blind, delta)."""
    found = extract_figures(sentence, datetime(2026, 11, 18, tzinfo=UTC))
    assert [(f.value, f.unit, f.surface) for f in found] == [(value, unit, surface)]


def test_a_clock_length_and_a_part_of_it_stay_apart() -> None:
    found = extract_figures("It took two hours and the last 30 minutes were the worst.",
                            datetime(2026, 11, 18, tzinfo=UTC))
    assert [(f.value, f.unit) for f in found] == [(2, "hour"), (30, "minute")]
