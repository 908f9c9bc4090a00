"""The live estimate: interviews, P(at least k), P(match), the diminishing-returns curve, fees.

Block characters drawn with the line API (one repaint per slider step), so a step stays within a
frame; plotext is never on this path.
"""

from __future__ import annotations

import textwrap
from typing import ClassVar

from rich.style import Style

from matchtui.engine.wording import percent, percent_span, plural
from matchtui.models.mix import ListEstimate, MixEstimate
from matchtui.widgets.mix_bars import BAR, EMPTY, bar_cells
from matchtui.widgets.mix_lines import LineBuilder, LinesWidget

LEVELS = " ▁▂▃▄▅▆▇█"


def curve_sizes(maximum: int, width: int) -> list[int]:
    """The list size each of `width` columns stands for (the right end of its slice of 1..max)."""
    return [max(1, round((j + 1) * maximum / width)) for j in range(width)]


def curve_rows(values: tuple[float, ...], width: int, height: int = 2) -> list[list[int]]:
    """Block levels (0-8) per row (top row first) and column, for P(match) by list size."""
    rows: list[list[int]] = [[] for _ in range(height)]
    for size in curve_sizes(len(values) - 1, width):
        level = round(values[size] * 8 * height)
        for r in range(height):
            from_bottom = height - 1 - r
            rows[r].append(max(0, min(8, level - 8 * from_bottom)))
    return rows


class EstimatePanel(LinesWidget):
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "estimate--label",
        "estimate--value",
        "estimate--big",
        "estimate--bar",
        "estimate--empty",
        "estimate--note",
        "estimate--curve",
        "estimate--curve-past",
        "estimate--marker",
    }

    DEFAULT_CSS = """
    EstimatePanel {
        height: auto;
        width: 1fr;
        & > .estimate--label { color: $text-muted; }
        & > .estimate--value { color: $text; text-style: bold; }
        & > .estimate--big { color: $success; text-style: bold; }
        & > .estimate--bar { color: $accent; }
        & > .estimate--empty { color: $panel-lighten-1; }
        & > .estimate--note { color: $text-muted; text-style: italic; }
        & > .estimate--curve { color: $primary; }
        & > .estimate--curve-past { color: $panel-lighten-2; }
        & > .estimate--marker { color: $warning; text-style: bold; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[MixEstimate, ListEstimate | None] | None = None

    def show(self, estimate: MixEstimate, listed: ListEstimate | None = None) -> None:
        self._shown = (estimate, listed)
        self.set_strips(self._build(estimate, listed).strips())

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def _build(self, estimate: MixEstimate, listed: ListEstimate | None) -> LineBuilder:
        style = self.component_style
        label, value = style("estimate--label"), style("estimate--value")
        width = max(20, self.content_size.width or 50)
        out = LineBuilder()
        big, note = style("estimate--big"), style("estimate--note")

        def figure(
            name: str, low_high: tuple[float, float], point: float, what: str, shown: Style
        ) -> None:
            # "Anywhere     47-76%  point 62%, anywhere in X"; where the column is narrow the
            # explanation goes on its own lines below, wrapped at word boundaries.
            head, figures = f"{name:<13}", percent_span(*low_high)
            point_text = f"  point {percent(point)}"
            out.add(head, label).add(figures, shown).add(point_text, label)
            if len(head) + len(figures) + len(point_text) + len(what) + 2 <= width:
                out.add(f", {what}", note).newline()
                return
            out.newline()
            for line in textwrap.wrap(what, max(10, width - len(head)), break_on_hyphens=False):
                out.add(" " * len(head) + line, note).newline()

        figure(
            "Anywhere",
            estimate.p_match_range,
            estimate.p_match,
            f"anywhere in {estimate.specialty_name}",
            big,
        )
        if estimate.p_match_in_region_range is not None and estimate.p_match_in_region is not None:
            figure(
                "In region",
                estimate.p_match_in_region_range,
                estimate.p_match_in_region,
                "in your target region",
                big,
            )
        figure(
            "With SOAP",
            estimate.p_placed_with_soap_range,
            estimate.p_placed_with_soap,
            "any position incl. SOAP",
            value,
        )
        notes = [
            n
            for n in (
                estimate.placed_note,
                estimate.region_note,
                estimate.range_note,
                estimate.score_note,
            )
            if n
        ]
        if not estimate.calibrated:
            notes.append(estimate.calibration_note)
        for text in notes:
            for line in textwrap.wrap(text, max(20, width - 1), break_on_hyphens=False):
                out.add(line, note).newline()
        out.add("Interviews   ", label).add(f"{estimate.expected_interviews:.1f}", value)
        out.add(" expected", label)
        bar_width = max(4, min(30, width - 16))
        bar, empty_style = style("estimate--bar"), style("estimate--empty")
        for k, p in estimate.p_interviews_at_least.items():
            filled, empty = bar_cells(p, bar_width)
            out.newline().add("  " + f"P(≥{k})".ljust(7) + " ", label)
            out.add(BAR * filled, bar).add(EMPTY * empty, empty_style)
            out.add(f" {percent(p):>4}", value)
        if listed is not None and listed.programs:
            out.newline().add("Your list    ", label).add(percent(listed.p_match), value)
            out.add(
                f" from {plural(listed.programs, 'program')}, "
                f"{listed.expected_interviews:.1f} interviews" + _invited_words(listed),
                label,
            )
        point = estimate.diminishing_returns_at
        out.newline().add("Levels off   ", label)
        out.add(
            "not within 200 applications" if point is None else f"past about {point} applications",
            value,
        )
        if estimate.fees_usd is None:
            out.newline().add("Fees         ", label)
            out.add(f"via {estimate.application_service_name}, not ERAS", value)
        else:
            out.newline().add("ERAS fees    ", label).add(f"${estimate.fees_usd:,}", value)
            out.add(f" ({estimate.fee_season} season)", label)
            if estimate.fee_stand_in:
                out.newline().add(f"             {estimate.fee_stand_in}", label)
        self._add_curve(out, estimate, width)
        return out

    def _add_curve(self, out: LineBuilder, estimate: MixEstimate, width: int) -> None:
        values = estimate.p_match_by_apps
        if len(values) < 2:
            return
        style = self.component_style
        columns = max(10, min(width, 100))
        sizes = curve_sizes(len(values) - 1, columns)
        point = estimate.diminishing_returns_at
        current = min(range(columns), key=lambda j: abs(sizes[j] - estimate.total))
        styles = [
            "estimate--marker"
            if j == current
            else (
                "estimate--curve-past"
                if point is not None and sizes[j] > point
                else "estimate--curve"
            )
            for j in range(columns)
        ]
        out.newline().add("P(match) by number of applications, 1-200:", style("estimate--label"))
        for row in curve_rows(values, columns):
            out.newline()
            # consecutive columns with the same style form one segment
            run_style, run = styles[0], ""
            for j, level in enumerate(row):
                if styles[j] != run_style:
                    out.add(run, style(run_style))
                    run_style, run = styles[j], ""
                run += LEVELS[level]
            out.add(run, style(run_style))
        marker = f"▲ {estimate.total}"
        caption = list(f"1{'':{columns - 4}}200".ljust(columns))
        at = max(0, min(columns - len(marker), current))
        caption[at : at + len(marker)] = list(marker)
        out.newline().add("".join(caption)[:columns], style("estimate--label"))


def _invited_words(listed: ListEstimate) -> str:
    """ " (6 invited so far; 2 of those sponsor no visa, counted as none)": every program of
    the list that invited, as the tracker counts them, and those that cannot take you."""
    if not listed.invited:
        return ""
    closed = (
        f"; {listed.invited_closed} of those "
        f"{'sponsor' if listed.invited_closed != 1 else 'sponsors'} no visa, counted as none"
        if listed.invited_closed
        else ""
    )
    return f" ({listed.invited} invited so far{closed})"
