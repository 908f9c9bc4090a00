"""Draw ChartInputs on a plotext figure with plotext primitives.

Every chart is horizontal: one row band per specialty (or factor, or region), the first item
at the top (plotext puts y = 0 at the bottom, so rows are counted down from the top). The y
axis is mapped one data unit to one terminal row, so bands never straddle rows. Box plots are
drawn by hand (plotext's own box plot has no per-box colours and no stub in textual-plotext).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from matchtui.engine.charts import FILL_SERIES, Bar, ChartInputs

RGB = tuple[int, int, int]
Palette = dict[str, RGB]

# Rows taken by everything that is not the plot area: frame (2), x tick labels, x label.
OVERHEAD_ROWS = 4
TARGET_MARK = "*"

FILL_MARKERS: dict[str, str] = {"unfilled": "░", "no_split": "▒"}


def band_rows(count: int, area_rows: int) -> int:
    """Terminal rows per item when `count` items share `area_rows` rows (at least 1)."""
    if count <= 0:
        return 1
    return max(1, min(3, area_rows // count))


def preferred_height(count: int, room: int) -> int:
    """The chart height to ask for: roomy when `room` allows (3 rows per item for up to four
    items, else 2), never fewer than one row per item (the pane scrolls if that is taller)."""
    count = max(1, count)
    most = 3 if count <= 4 else 2
    per = max(1, min(most, (room - OVERHEAD_ROWS) // count))
    return count * per + OVERHEAD_ROWS


def axis_label(bar: Bar) -> str:
    return (TARGET_MARK if bar.highlight else " ") + bar.label


def draw(plt: Any, inputs: ChartInputs, palette: Palette, width: int, height: int) -> int:
    """Draw `inputs` on `plt` (a cleared plotext figure sized width x height).

    Returns how many items were drawn (fewer than inputs.bars only if the widget is too
    short for one row each, which the pane avoids by sizing the chart explicitly).
    """
    plt.plotsize(width, height)
    plt._set_size(width, height)  # textual-plotext needs both to really resize (its issue #5)
    area = max(1, height - OVERHEAD_ROWS)
    bars = inputs.bars[:area]
    per = band_rows(len(bars), area)
    ys = [area - 1 - (per * i + (per - 1) // 2) for i in range(len(bars))]

    plt.xlim(inputs.x_min, inputs.x_max)
    plt.ylim(0, area - 1)
    plt.xticks(list(inputs.x_ticks), [f"{t:g}" for t in inputs.x_ticks])
    plt.yticks(ys, [axis_label(b) for b in bars])
    plt.xlabel(inputs.x_label)
    plt.frame(True)

    drawer: Drawer = _DRAWERS[inputs.kind]
    drawer(plt, bars, ys, palette, inputs, area)
    if inputs.kind != "dumbbell":  # the means chart draws it between connectors and dots
        _marker(plt, inputs, palette, area)
    return len(bars)


def _marker(plt: Any, inputs: ChartInputs, palette: Palette, area: int) -> None:
    if inputs.marker is not None:
        plt.plot([inputs.marker, inputs.marker], [0, area - 1], marker="┃", color=palette["you"])


def _colour(bar: Bar, palette: Palette) -> RGB:
    return palette["target"] if bar.highlight else palette["bar"]


def _hline(plt: Any, x0: float, x1: float, y: int, marker: str, color: RGB) -> None:
    plt.plot([x0, x1], [y, y], marker=marker, color=color)


Drawer = Callable[[Any, tuple[Bar, ...], list[int], Palette, ChartInputs, int], None]


def _box(
    plt: Any, bars: tuple[Bar, ...], ys: list[int], palette: Palette, _: ChartInputs, __: int
) -> None:
    for bar, y in zip(bars, ys, strict=True):
        low, q1, median, q3, high = bar.values
        colour = _colour(bar, palette)
        _hline(plt, low, q1, y, "─", colour)
        _hline(plt, q3, high, y, "─", colour)
        _hline(plt, q1, q3, y, "█", colour)
        plt.plot([low], [y], marker="├", color=colour)
        plt.plot([high], [y], marker="┤", color=colour)
        plt.plot([median], [y], marker="│", color=palette["median"])


def _dumbbell(
    plt: Any,
    bars: tuple[Bar, ...],
    ys: list[int],
    palette: Palette,
    inputs: ChartInputs,
    area: int,
) -> None:
    # Connectors first, then the applicant's line over them, then the dots over the line
    # (a mean that sits exactly on the applicant's score must stay visible).
    for bar, y in zip(bars, ys, strict=True):
        matched, unmatched = bar.values
        _hline(plt, min(matched, unmatched), max(matched, unmatched), y, "─", palette["muted"])
    _marker(plt, inputs, palette, area)
    for bar, y in zip(bars, ys, strict=True):
        matched, unmatched = bar.values
        colour = _colour(bar, palette)
        plt.plot([unmatched], [y], marker="○", color=colour)
        plt.plot([matched], [y], marker="●", color=colour)


def _bars(
    plt: Any, bars: tuple[Bar, ...], ys: list[int], palette: Palette, inputs: ChartInputs, _: int
) -> None:
    for bar, y in zip(bars, ys, strict=True):
        value = bar.values[0]
        if value > inputs.x_min:
            _hline(plt, inputs.x_min, value, y, "█", _colour(bar, palette))


def _stacked(
    plt: Any, bars: tuple[Bar, ...], ys: list[int], palette: Palette, inputs: ChartInputs, _: int
) -> None:
    keys = [key for key, _ in FILL_SERIES]
    for bar, y in zip(bars, ys, strict=True):
        start = inputs.x_min
        for key, value in zip(keys, bar.values, strict=True):
            if value <= 0:
                continue
            end = start + value
            _hline(plt, start, end, y, FILL_MARKERS.get(key, "█"), palette[key])
            start = end


_DRAWERS: dict[str, Drawer] = {
    "box": _box,
    "dumbbell": _dumbbell,
    "bar": _bars,
    "stacked": _stacked,
}
