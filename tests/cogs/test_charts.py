"""The `/figures` chart: a PNG of a series, made in a worker process as the bot makes it."""

from __future__ import annotations

import pickle
import struct
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, date, datetime
from multiprocessing import get_context

import pytest

from cogs.charts import chart_png, compact_number, point_label
from digests.models import Source
from digests.news.keyfigures import FigurePoint, FigureSeries

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def _point(value: float, day: int, said_by: str | None = "UNHCR") -> FigurePoint:
    source = Source(day, "Kyiv Wire", f"https://news.example/{day}", datetime(2022, 3, day, 9, tzinfo=UTC))
    return FigurePoint(value, f"{value:,.0f}", date(2022, 3, day), said_by, "exact", "A sentence.", source)


SERIES = FigureSeries("people fled Ukraine", None, (
    _point(500_000, 1), _point(660_000, 2, None), _point(1_000_000, 3), _point(1_000_000, 3)))


def _size(png: bytes) -> tuple[int, int]:
    width, height = struct.unpack(">II", png[16:24])  # the IHDR chunk follows the signature
    return width, height


def test_chart_is_a_legible_png() -> None:
    png = chart_png(SERIES)
    assert png.startswith(PNG_SIGNATURE)
    assert len(png) > 10_000
    assert _size(png) == (800, 450)


def test_chart_runs_in_a_spawned_worker() -> None:
    """The function and its argument pickle, as `WorkerPool.run(chart_png, series)` needs."""
    assert pickle.loads(pickle.dumps(SERIES)) == SERIES
    with ProcessPoolExecutor(1, mp_context=get_context("spawn")) as pool:
        png = pool.submit(chart_png, SERIES).result(timeout=120)
    assert png.startswith(PNG_SIGNATURE) and _size(png) == (800, 450)


@pytest.mark.parametrize("points", [
    (_point(1, 1), _point(2, 2)),
    (_point(1, 2), _point(2, 2), _point(3, 2)),
])
def test_a_series_that_is_not_chartable_is_refused(points: tuple[FigurePoint, ...]) -> None:
    with pytest.raises(ValueError, match="3\\+ values on 2\\+ dates"):
        chart_png(FigureSeries("x", None, points))


@pytest.mark.parametrize(("value", "shown"), [
    (0, "0"), (950, "950"), (2_500, "2.5K"), (660_000, "660K"), (1_000_000, "1M"),
    (1_500_000_000, "1.5B"), (-3_000, "-3K"), (0.25, "0.25")])
def test_axis_numbers_are_compact(value: float, shown: str) -> None:
    assert compact_number(value) == shown


def test_points_are_labelled_with_value_and_who_said_it() -> None:
    assert point_label(SERIES.points[0]) == "500,000\nUNHCR"
    assert point_label(SERIES.points[1]) == "660,000\nKyiv Wire"
    long = FigurePoint(1, "1", date(2022, 3, 1), "A" * 60, "exact", "s", SERIES.points[0].source)
    assert len(point_label(long).split("\n")[1]) <= 28
