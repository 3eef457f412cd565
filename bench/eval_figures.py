"""Key-figure extraction: Newsdesk's rule-based extractor against quantulum3, side by side.

Run: `.venv/bin/python bench/eval_figures.py` (reads `../shared/corpora/quantities/`; says so and
exits 0 when it is absent). quantulum3 is the `bench` extra; without it only Newsdesk is scored.

Test sets, one row each:
- Recognizers-Text `NumberModel` (English). Included: every case whose expected results are plain
  integers or decimals (subtype integer, decimal or none given). Left out: the cases expecting a
  fraction ("two thirds", "1/4") or a power ("1.3e6", "2.5^-1"): neither extractor is meant for
  them. Kept, and costly for Newsdesk on purpose: the cases where Recognizers counts the parts of
  dates, IP addresses, phone numbers and codes ("5/17/2018" -> 5, 17, 2018; "SCP-173" -> 173),
  which Newsdesk deliberately does not report as figures.
- Recognizers-Text `PercentModel`, `CurrencyModel`, `DimensionModel`; quantulum3's own test set
  `quantities.json` (which quantulum3 was developed against, so it flatters quantulum3).
- Expected results with no value (a unit named without a number: "percentage", "dollar") are
  dropped; the cases that held them stay, so predictions there still count as false positives.

Matching rule. Each predicted figure may match one expected figure of the same input sentence
(greedy, in order). They match when the values are equal within 1e-6 relative and, where the
gold names a unit, the units agree after mapping both sides to Newsdesk's unit codes:
- currency: the ISO code where the gold gives one (`isoCurrency`); a bare "Dollar" accepts any
  dollar (USD, CAD, AUD, NZD, HKD, SGD), a bare "Rupee" any rupee, "Pound" means GBP; cents and
  pence are compared in dollars and pounds (value / 100) on both sides; tons and tonnes count as
  one unit;
- quantulum3's own names ("kilometre", "pound-mass", "pound sterling") map to the same codes;
  "dimensionless" gold means "no unit named": the value alone decides.
Which predictions count depends on the set, the same for both systems: Number: all (value only,
as Recognizers also reads "$20" as the number 20); Percent: those in percent; Currency: those
in a currency; Dimension: those in a physical unit, not counting durations and temperatures
(Recognizers reads those with its date-time and temperature models); quantulum3: all.
Precision = matched / predicted, recall = matched / expected, F1 their harmonic mean.
"""

from __future__ import annotations

import json
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from digests.news.figures import extract_figures

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "quantities"
PUBLISHED = datetime(2022, 3, 2, 18, 0, tzinfo=UTC)  # a Wednesday, for the 2022 example

UNIT_NAMES = {
    "kilometer": "km", "kilometre": "km", "meter": "m", "metre": "m", "centimeter": "cm",
    "centimetre": "cm", "millimeter": "mm", "millimetre": "mm", "square meter": "m2",
    "square metre": "m2", "square kilometer": "km2", "square kilometre": "km2",
    "square mile": "sq mile", "square foot": "sq ft", "cubic meter": "m3", "cubic metre": "m3",
    "kilogram": "kg", "gram": "g", "milligram": "mg", "pound": "lb", "pound-mass": "lb", "ounce": "oz",
    "metric ton": "ton", "tonne": "ton", "short ton": "ton", "liter": "litre", "milliliter": "ml",
    "millilitre": "ml", "mile per hour": "mph", "kilometer per hour": "km/h",
    "kilometre per hour": "km/h", "degree celsius": "°C", "c": "°C", "degree fahrenheit": "°F",
    "f": "°F", "megawatt": "MW", "gigawatt": "GW", "kilowatt": "kW", "gigabyte": "GB",
    "megabyte": "MB", "terabyte": "TB", "percentage": "percent", "pound sterling": "GBP",
    "british pound": "GBP", "euro": "EUR", "dollar": "dollar", "united states dollar": "USD",
}
FAMILIES = {"dollar": {"USD", "CAD", "AUD", "NZD", "HKD", "SGD"}, "rupee": {"INR", "PKR", "LKR", "NPR"}}
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
TEMPERATURES = {"°C", "°F", "kelvin"}


@dataclass(frozen=True)
class Quantity:
    value: float
    unit: str | None


@dataclass(frozen=True)
class Case:
    text: str
    gold: tuple[Quantity, ...]


@dataclass(frozen=True)
class TestSet:
    name: str
    cases: tuple[Case, ...]
    counts: Callable[[str | None], bool]


def unit_code(name: str | None, value: float) -> Quantity:
    """A unit name (Newsdesk's, Recognizers' or quantulum3's) as a Newsdesk code; cents in dollars."""
    if name is None:
        return Quantity(value, None)
    lowered = name.lower()
    if lowered.endswith("s") and lowered[:-1] in UNIT_NAMES | {"cent": ""}:
        lowered = lowered[:-1]
    if lowered in {"cent", "penny", "pence"}:
        return Quantity(value / 100, "GBP" if lowered.startswith("pen") else "dollar")
    if lowered == "dimensionless":
        return Quantity(value, None)
    code = UNIT_NAMES.get(lowered, name if name.isupper() or name.startswith("°") else lowered)
    return Quantity(value, "ton" if code in {"tonne", "ton"} else code)


def same(predicted: Quantity, gold: Quantity) -> bool:
    if abs(predicted.value - gold.value) > 1e-6 * max(abs(predicted.value), abs(gold.value), 1e-9):
        return False
    if gold.unit is None:
        return True
    for family, members in FAMILIES.items():
        if family in {gold.unit, predicted.unit}:
            return {predicted.unit, gold.unit} <= members | {family}
    return predicted.unit == gold.unit


def is_currency(unit: str | None) -> bool:
    return unit is not None and (unit in FAMILIES or (len(unit) == 3 and unit.isupper()))


def is_dimension(unit: str | None) -> bool:
    return (unit is not None and unit != "percent" and not is_currency(unit)
            and unit not in TIME_UNITS | TEMPERATURES)


def recognizers_set(name: str, path: Path, counts: Callable[[str | None], bool]) -> TestSet:
    cases = []
    for case in json.loads(path.read_text(encoding="utf-8")):
        results = case["Results"]
        if any(r["Resolution"].get("subtype") in {"fraction", "power"} for r in results):
            continue
        gold = []
        for result in results:
            resolution = result["Resolution"]
            raw = resolution.get("value")
            if raw in (None, "null"):
                continue
            unit = resolution.get("isoCurrency") or resolution.get("unit")
            if unit == "Pound" and result["TypeName"] == "currency":
                unit = "GBP"
            if raw.endswith("%"):
                raw, unit = raw[:-1], "percent"
            gold.append(unit_code(unit, float(raw)))
        cases.append(Case(case["Input"], tuple(gold)))
    return TestSet(name, tuple(cases), counts)


def quantulum_set(path: Path) -> TestSet:
    cases = tuple(Case(case["req"], tuple(unit_code(q["unit"], float(q["value"])) for q in case["res"]))
                  for case in json.loads(path.read_text(encoding="utf-8")))
    return TestSet("quantulum3 tests", cases, lambda unit: True)


def test_sets() -> list[TestSet]:
    number = CORPUS / "recognizers-text" / "Number" / "English"
    with_unit = CORPUS / "recognizers-text" / "NumberWithUnit" / "English"
    return [
        recognizers_set("RT Number", number / "NumberModel.json", lambda unit: True),
        recognizers_set("RT Percent", number / "PercentModel.json", lambda unit: unit == "percent"),
        recognizers_set("RT Currency", with_unit / "CurrencyModel.json", is_currency),
        recognizers_set("RT Dimension", with_unit / "DimensionModel.json", is_dimension),
        quantulum_set(CORPUS / "quantulum3" / "quantities.json"),
    ]


def newsdesk(text: str) -> list[Quantity]:
    return [unit_code(f.unit, f.value) for f in extract_figures(text, PUBLISHED)]


def quantulum_extractor() -> Callable[[str], list[Quantity]] | None:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            from quantulum3 import parser  # type: ignore[import-untyped]
    except ImportError:
        return None

    def extract(text: str) -> list[Quantity]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = parser.parse(text)
        return [unit_code(getattr(q.unit, "currency_code", None) or q.unit.name, float(q.value))
                for q in found]

    extract("warm up: 3 km")
    return extract


def score(test_set: TestSet, extract: Callable[[str], list[Quantity]]) -> tuple[float, float, float, float]:
    """Precision, recall, F1 and seconds spent extracting over the whole set."""
    matched = predicted = expected = 0
    seconds = 0.0
    for case in test_set.cases:
        began = time.perf_counter()
        found = [q for q in extract(case.text) if test_set.counts(q.unit)]
        seconds += time.perf_counter() - began
        remaining = list(case.gold)
        for quantity in found:
            hit = next((g for g in remaining if same(quantity, g)), None)
            if hit is not None:
                remaining.remove(hit)
                matched += 1
        predicted, expected = predicted + len(found), expected + len(case.gold)
    precision = matched / predicted if predicted else 0.0
    recall = matched / expected if expected else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, seconds


def print_table(title: str, header: list[str], rows: Iterable[list[str]]) -> None:
    rows = list(rows)
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=True)]
    print(f"\n{title}")
    for row in [header, ["-" * w for w in widths], *rows]:
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip())


def evaluation() -> None:
    systems: list[tuple[str, Callable[[str], list[Quantity]]]] = [("Newsdesk", newsdesk)]
    quantulum = quantulum_extractor()
    if quantulum is None:
        print("quantulum3 is not installed (pip install -e '.[bench]'): only Newsdesk is scored.")
    else:
        systems.append(("quantulum3", quantulum))
    rows = []
    for test_set in test_sets():
        gold = sum(len(c.gold) for c in test_set.cases)
        row = [test_set.name, str(len(test_set.cases)), str(gold)]
        for _, extract in systems:
            precision, recall, f1, seconds = score(test_set, extract)
            row += [f"{precision:.3f}", f"{recall:.3f}", f"{f1:.3f}", f"{seconds:.2f}"]
        rows.append(row)
    header = ["test set", "cases", "gold"]
    for name, _ in systems:
        header += [f"{name} P", "R", "F1", "s"]
    print_table("Part 1. Value (and unit) precision, recall and F1, per test set", header, rows)


EXAMPLE_2022 = """\
Ukraine's emergency service said on Wednesday that Russian shelling had killed over 2,000 \
civilians since the invasion began.

One million people have fled Ukraine in a week, the UN refugee agency UNHCR said on Wednesday. \
That is over 2 percent of the country's population. UNHCR warned that as many as 4 million \
Ukrainians could eventually leave.

By comparison, it took about three months for one million refugees to flee Syria.

It was reported on Wednesday that about 3,800 additional US troops are being sent to Europe."""


def example() -> None:
    rows = [[f.surface, f"{f.value:g}", f.unit or "-", f.qualifier, f.counted or "-", f.source or "-",
             f.as_of.isoformat() if f.as_of else "-"]
            for f in extract_figures(EXAMPLE_2022, PUBLISHED)]
    print_table("Part 2. The 2022 example (published Wed 2 Mar 2022)",
                ["surface", "value", "unit", "qualifier", "counted", "source", "as of"], rows)


def main() -> int:
    if not CORPUS.is_dir():
        print(f"The quantities corpus is not at {CORPUS}: nothing to evaluate.")
    else:
        evaluation()
    example()
    return 0


if __name__ == "__main__":
    sys.exit(main())
