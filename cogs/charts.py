"""A figure series as a PNG line chart, for the `/figures` image attachment.

matplotlib's object-oriented API on the Agg canvas only (never pyplot, which keeps global
state): `chart_png` is a pure top-level function of a frozen dataclass, so it runs safely in
a worker process or a thread.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from digests.news.keyfigures import FigurePoint, FigureSeries

if TYPE_CHECKING:
    from matplotlib.axes import Axes

WIDTH_IN, HEIGHT_IN, DPI = 8.0, 4.5, 100  # 800×450 pixels
TITLE_CHARS = 70
LABEL_CHARS = 28
LINE_COLOUR = "#5865F2"  # Discord blurple
MAX_DATE_TICKS = 10
_SCALES = ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K"))


def warm_up() -> None:
    """Import the drawing code in a fresh worker, so the first /figures chart is not slow."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: F401
    from matplotlib.figure import Figure  # noqa: F401


def chart_png(series: FigureSeries) -> bytes:
    """The series' values over their dates, each point labelled with its value and source."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg  # imported on first use: it is slow
    from matplotlib.figure import Figure

    if not series.chartable:
        raise ValueError(f"a chart needs 3+ values on 2+ dates; {series.label!r} has "
                         f"{len(series.points)} on {len({p.as_of for p in series.points})}")
    figure = Figure(figsize=(WIDTH_IN, HEIGHT_IN), dpi=DPI, layout="constrained")
    axes = figure.add_subplot()
    xs = _positions(series.points)
    ys = [p.value for p in series.points]
    axes.plot(xs, ys, color=LINE_COLOUR, marker="o", linewidth=2)
    for number, (x, y, point) in enumerate(zip(xs, ys, series.points, strict=True)):
        axes.annotate(point_label(point), (x, y), textcoords="offset points",
                      xytext=(0, 10 if number % 2 == 0 else -22), ha="center", fontsize=8)
    _format_axes(axes, series, xs, ys)
    FigureCanvasAgg(figure)  # attaches itself to the figure: savefig renders with Agg
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _positions(points: tuple[FigurePoint, ...]) -> list[float]:
    """Each point at its date's day number; reports of the same day spread around it, in order."""
    per_day = Counter(p.as_of for p in points)
    seen: Counter[date] = Counter()
    xs = []
    for point in points:
        count, index = per_day[point.as_of], seen[point.as_of]
        seen[point.as_of] += 1
        spread = 0.0 if count == 1 else (index / (count - 1) - 0.5) * 0.6
        xs.append(point.as_of.toordinal() + spread)
    return xs


def _format_axes(axes: Axes, series: FigureSeries, xs: list[float], ys: list[float]) -> None:
    axes.set_title(_short(series.label, TITLE_CHARS) + (f" ({series.unit})" if series.unit else ""),
                   fontsize=13)
    days = sorted({p.as_of for p in series.points})
    shown = days[::-(-len(days) // MAX_DATE_TICKS)]
    axes.set_xticks([d.toordinal() for d in shown], [f"{d:%-d %b}" for d in shown])
    from matplotlib.ticker import FuncFormatter

    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: compact_number(value)))
    axes.set_xlim(min(xs) - 0.5, max(xs) + 0.5)
    low, high = min(ys), max(ys)
    margin = (high - low) * 0.2 or abs(high) * 0.2 or 1.0
    axes.set_ylim(min(0.0, low - margin), high + margin)
    axes.grid(True, axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)


def point_label(point: FigurePoint) -> str:
    """ "1 million\\nUNHCR": the value as written and who said it (the feed when nobody is named)."""
    return f"{point.display}\n{_short(point.said_by or point.source.feed_name, LABEL_CHARS)}"


def compact_number(value: float) -> str:
    """Axis ticks: "1.5M", "660K", "2,500", "0.5"."""
    for scale, suffix in _SCALES:
        if abs(value) >= scale:
            return f"{value / scale:,.1f}".rstrip("0").rstrip(".") + suffix
    return f"{value:,.0f}" if value == int(value) else f"{value:,.2f}".rstrip("0").rstrip(".")


def _short(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"
