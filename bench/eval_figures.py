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

Part 3, defect classes: `bench/figure_cases.jsonl`, sentences written for this benchmark (none
taken from a corpus), each with the figures it holds as (value, unit) pairs, or none. Nine
classes, 12-14 cases each, every class with cases that hold figures and cases that must give
none: a lowercase scale letter after a number ("1m people", "£2bn", "5k runners"; "400m" is
metres), a scale shared by a range ("between 3 and 4 million", "£2-3bn"), currency codes glued
to numbers ("USD10m", "EUR5bn", "$US2"), percentages written "pc" or with a sign ("5pc",
"+0.4%"), ages after a name in commas ("Smith, 45, said"), years beyond 2100, clock times in
four digits ("at 0600"), disease names with numbers ("Covid-19", "H5N1") and product models
("iPhone 13", "PS5", "Galaxy S22"). Unit "none" means a plain count (no unit may be given),
"dollar" any dollar, otherwise the unit code must agree (as above). Every prediction counts.
`--misses` lists the cases Newsdesk gets wrong.
"""

from __future__ import annotations

import argparse
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
CASES = Path(__file__).resolve().parent / "figure_cases.jsonl"
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


@dataclass(frozen=True)
class DefectCase:
    kind: str
    text: str
    gold: tuple[tuple[float, str], ...]  # (value, unit code, "none" or "dollar")


def defect_cases(path: Path = CASES) -> list[DefectCase]:
    with path.open(encoding="utf-8") as lines:
        rows = [json.loads(line) for line in lines if line.strip()]
    return [DefectCase(row["class"], row["text"], tuple((float(v), str(u)) for v, u in row["figures"]))
            for row in rows]


def case_match(predicted: Quantity, value: float, unit: str) -> bool:
    if unit == "none":
        return predicted.unit is None and same(predicted, Quantity(value, None))
    return same(predicted, unit_code(unit, value) if unit != "dollar" else Quantity(value, "dollar"))


def case_score(case: DefectCase, found: list[Quantity]) -> tuple[int, int, int]:
    """Matched, predicted and expected figures of one case (greedy, in order)."""
    remaining = list(case.gold)
    matched = 0
    for quantity in found:
        hit = next((g for g in remaining if case_match(quantity, *g)), None)
        if hit is not None:
            remaining.remove(hit)
            matched += 1
    return matched, len(found), len(case.gold)


def _ratio(part: int, whole: int) -> str:
    return f"{part / whole:.3f}" if whole else "-"


def defect_classes(systems: list[tuple[str, Callable[[str], list[Quantity]]]], show_misses: bool) -> None:
    cases = defect_cases()
    kinds = list(dict.fromkeys(c.kind for c in cases))
    totals = {name: [0, 0, 0] for name, _ in systems}
    rows = []
    misses: list[str] = []
    for kind in [*kinds, "all"]:
        group = [c for c in cases if c.kind == kind] if kind != "all" else cases
        row = [kind, str(len(group)), str(sum(len(c.gold) for c in group)),
               str(sum(1 for c in group if not c.gold))]
        for name, extract in systems:
            matched = predicted = expected = 0
            for case in group:
                found = extract(case.text)
                m, p, e = case_score(case, found)
                matched, predicted, expected = matched + m, predicted + p, expected + e
                if kind != "all" and name == "Newsdesk" and (m != p or m != e):
                    shown = ", ".join(f"{q.value:g} {q.unit or ''}".strip() for q in found) or "none"
                    wanted = ", ".join(f"{v:g} {u}" for v, u in case.gold) or "none"
                    misses.append(f"  [{kind}] {case.text}\n      found: {shown}; expected: {wanted}")
            if kind == "all":
                matched, predicted, expected = totals[name]
            else:
                counts = (matched, predicted, expected)
                totals[name] = [t + x for t, x in zip(totals[name], counts, strict=True)]
            row += [_ratio(matched, predicted), _ratio(matched, expected), f"{predicted}"]
        rows.append(row)
    header = ["class", "cases", "gold", "no-figure cases"]
    for name, _ in systems:
        header += [f"{name} P", "R", "predicted"]
    print_table(f"Part 3. Defect classes ({CASES.name}): precision and recall per class", header, rows)
    print(f"\nNewsdesk gets {len(misses)} of {len(cases)} cases wrong"
          + (":" if show_misses else " (--misses lists them)."))
    if show_misses:
        print("\n".join(misses))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Key-figure extraction against quantulum3.")
    parser.add_argument("--misses", action="store_true", help="list the defect cases Newsdesk gets wrong")
    args = parser.parse_args(argv)
    systems: list[tuple[str, Callable[[str], list[Quantity]]]] = [("Newsdesk", newsdesk)]
    quantulum = quantulum_extractor()
    if quantulum is not None:
        systems.append(("quantulum3", quantulum))
    if not CORPUS.is_dir():
        print(f"The quantities corpus is not at {CORPUS}: nothing to evaluate.")
    else:
        evaluation()
    example()
    defect_classes(systems, args.misses)
    return 0


if __name__ == "__main__":
    sys.exit(main())
