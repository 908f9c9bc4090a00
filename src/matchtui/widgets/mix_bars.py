"""The mix drawn with text bars: share and count per tier, the target region, the actual list.

Drawn with the line API (pre-built segments) so a slider step costs one cheap repaint: no
plotext, no markup.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.widgets import Static

from matchtui.engine.programs import ListComparison
from matchtui.models.mix import TIER_LABELS, TIERS, MixEstimate
from matchtui.widgets.mix_lines import LineBuilder, LinesWidget

BAR = "█"
EMPTY = "░"
LABEL_WIDTH = 10  # the label column: tier names and "In <region>"


def set_text(widget: Static, text: Text) -> bool:
    """Show `text` in a Static unless it already shows exactly that.

    A slider step must stay within a frame, so an unchanged widget is not touched at all and a
    changed one asks for a layout pass only when its number of lines changed.
    """
    previous: Text | None = getattr(widget, "_mix_text", None)
    if previous is not None and previous == text:
        return False
    lines = text.plain.count("\n")
    widget.update(text, layout=previous is None or previous.plain.count("\n") != lines)
    widget._mix_text = text  # type: ignore[attr-defined]
    return True


def bar_cells(fraction: float, width: int) -> tuple[int, int]:
    """Filled and empty cells for a bar of `width` showing `fraction` (0-1)."""
    filled = max(0, min(width, round(fraction * width)))
    return filled, width - filled


class MixBars(LinesWidget):
    """Rows: tier, share, a bar, the count; the target region; totals; the list beside them."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "mix-bars--label",
        "mix-bars--bar",
        "mix-bars--region",
        "mix-bars--empty",
        "mix-bars--count",
        "mix-bars--list",
        "mix-bars--off",
    }

    DEFAULT_CSS = """
    MixBars {
        height: auto;
        width: 1fr;
        & > .mix-bars--label { color: $text; }
        & > .mix-bars--bar { color: $primary; }
        & > .mix-bars--region { color: $secondary; }
        & > .mix-bars--empty { color: $panel-lighten-1; }
        & > .mix-bars--count { color: $text; text-style: bold; }
        & > .mix-bars--list { color: $text-muted; }
        & > .mix-bars--off { color: $warning; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[MixEstimate, str, ListComparison | None] | None = None

    def show(
        self,
        estimate: MixEstimate,
        region_name: str,
        comparison: ListComparison | None = None,
    ) -> None:
        self._shown = (estimate, region_name, comparison)
        self.set_strips(self._build(estimate, comparison, region_name).strips())

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(*self._shown)

    def _build(
        self, estimate: MixEstimate, comparison: ListComparison | None, region_name: str
    ) -> LineBuilder:
        style = self.component_style
        with_list = comparison is not None and comparison.actual_total > 0
        right = 11 if with_list else 0
        width = max(6, (self.content_size.width or 50) - 16 - 5 - right)
        shares = estimate.shares.model_dump()
        counts = estimate.counts.model_dump()
        actual = {row.tier: row.actual for row in comparison.tiers} if comparison else {}
        rows: list[tuple[str, int, int, int | None, str]] = [
            (TIER_LABELS[t], shares[t], counts[t], actual.get(t), "mix-bars--bar") for t in TIERS
        ]
        rows.append(
            (
                region_label(region_name),
                estimate.region_share_pct,
                estimate.in_region,
                comparison.actual_in_region if comparison else None,
                "mix-bars--region",
            )
        )
        out = LineBuilder()
        label_style = style("mix-bars--label")
        for label, pct, count, listed, bar_style in rows:
            filled, empty = bar_cells(pct / 100, width)
            out.add(f"{label:<{LABEL_WIDTH}}{pct:>4}% ", label_style)
            out.add(BAR * filled, style(bar_style))
            out.add(EMPTY * empty, style("mix-bars--empty"))
            out.add(f"{count:>5}", style("mix-bars--count"))
            if with_list and listed is not None:
                off = listed != count
                out.add(f"  list{listed:>4}", style("mix-bars--off" if off else "mix-bars--list"))
            out.newline()
        out.add(f"{'Total':<{LABEL_WIDTH}}{'':>6}{'':<{width}}", label_style)
        out.add(f"{estimate.total:>5}", style("mix-bars--count"))
        if with_list and comparison is not None:
            out.add(f"  list{comparison.actual_total:>4}", style("mix-bars--list"))
        return out


def region_label(region_name: str) -> str:
    """The target region's row label: its name when it fits the label column, else "In region"
    (a name cut short, such as "In Northea", reads as a typo)."""
    label = f"In {region_name}"
    return label if len(label) <= LABEL_WIDTH else "In region"
