"""Warnings and assumptions of the mix estimate, as text (program names are never markup)."""

from __future__ import annotations

import textwrap
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.widgets import Static

from matchtui.models.base import SOFT_RELIABILITY
from matchtui.models.mix import Assumption, CalibrationRow, MixWarning
from matchtui.widgets.mix_lines import LineBuilder, LinesWidget

if TYPE_CHECKING:
    from matchtui.catalog import Catalog


class WarningList(LinesWidget):
    """The estimate's warnings, wrapped to the width by hand so that a warning whose numbers
    change on a slider step repaints in place (a layout pass only when the line count changes).
    Warning text (which may name the applicant's programs) is plain text, never markup."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"warnings--mark", "warnings--id", "warnings--ok"}

    DEFAULT_CSS = """
    WarningList {
        height: auto;
        width: 1fr;
        & > .warnings--mark { color: $warning; text-style: bold; }
        & > .warnings--id { color: $text-muted; }
        & > .warnings--ok { color: $success; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._shown: tuple[MixWarning, ...] | None = None
        self._width = 0

    @property
    def text(self) -> str:
        return "\n".join(self.plain_lines)

    def show(self, warnings: list[MixWarning]) -> None:
        current = tuple(warnings)
        width = self.content_size.width or 60
        if current == self._shown and width == self._width:
            return
        self._shown, self._width = current, width
        style = self.component_style
        out = LineBuilder()
        if not warnings:
            out.add("No warnings for this mix.", style("warnings--ok"))
        for index, warning in enumerate(warnings):
            if index:
                out.newline()
            # The warning's words only: its rule id is for developers (and the JSON output).
            lines = textwrap.wrap(warning.text, max(10, width - 2), break_on_hyphens=False) or [""]
            for number, line in enumerate(lines):
                if number:
                    out.newline()
                out.add("▲ " if number == 0 else "  ", style("warnings--mark"))
                out.add(line)
        self.set_strips(out.strips())

    def on_resize(self) -> None:
        if self._shown is not None:
            self.show(list(self._shown))


class AssumptionList(Static):
    """Every assumption the estimate used, with its reliability and source."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "assumptions--name",
        "assumptions--soft",
        "assumptions--firm",
        "assumptions--source",
    }

    DEFAULT_CSS = """
    AssumptionList {
        height: auto;
        width: 1fr;
        & > .assumptions--name { color: $text; text-style: bold; }
        & > .assumptions--soft { color: $warning; }
        & > .assumptions--firm { color: $success; }
        & > .assumptions--source { color: $text-muted; }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, markup=False)
        self._shown: tuple[Assumption, ...] | None = None
        self._calibration: tuple[tuple[CalibrationRow, ...], bool] = ((), False)

    def show(
        self,
        assumptions: list[Assumption],
        catalog: Catalog,
        calibration: tuple[CalibrationRow, ...] = (),
        *,
        pending: bool = False,
    ) -> None:
        current = tuple(assumptions)
        if current == self._shown and (calibration, pending) == self._calibration:
            return
        self._shown = current
        self._calibration = (calibration, pending)
        style = self.get_component_rich_style
        text = Text()
        text.append(
            "The estimate multiplies these factors; those marked assumption or illustrative "
            "are matchtui's own choices or an advice article's rough figures, not published data.",
            style("assumptions--source"),
        )
        for assumption in assumptions:
            soft = assumption.reliability in SOFT_RELIABILITY
            text.append("\n\n")
            text.append(assumption.name, style("assumptions--name"))
            text.append(f"\n  {assumption.value}  ")
            text.append(
                assumption.reliability, style("assumptions--soft" if soft else "assumptions--firm")
            )
            if assumption.note:
                text.append(f"\n  {' '.join(assumption.note.split())}")
            text.append(
                f"\n  Source: {catalog.cite(assumption.source)}", style("assumptions--source")
            )
        if pending:
            text.append("\n\nCalibration (as matchtui calibrate)", style("assumptions--name"))
            text.append("\n  Computing the table (about a second)...", style("assumptions--source"))
        if calibration:
            text.append("\n\nCalibration (as matchtui calibrate)", style("assumptions--name"))
            text.append(
                "\n  Each published anchor next to the model's figure for its synthetic cohort.",
                style("assumptions--source"),
            )
            width = max(len(row.id) for row in calibration)
            text.append(f"\n  {'anchor':<{width}}  published  model   diff")
            held = [row for row in calibration if row.held_out]

            def line(row: CalibrationRow) -> None:
                off = abs(row.diff_pp) > 5 and not row.held_out
                text.append(
                    f"\n  {row.id:<{width}}  {row.published:>8.1f}%  {row.model:>5.1f}%  "
                    f"{row.diff_pp:>+5.1f}",
                    style("assumptions--soft" if off else "assumptions--firm"),
                )

            for row in calibration:
                if not row.held_out:
                    line(row)
            if held:
                text.append(
                    "\n  Held out (a Match the model was not fitted to):",
                    style("assumptions--source"),
                )
                for row in held:
                    line(row)
        self.update(text)
