"""Specialties pane: competitiveness charts with the applicant drawn on them.

The screen only binds widgets to `engine.charts.chart_inputs(...)`: pick a chart (tabs or keys
1-6), pick the specialties (list; targets preselected with a comparison set), and the chart,
its legend, the messages about missing figures and the table of exact numbers follow. The
chart widget rebuilds its plotext figure only when its inputs, size or theme change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.events import Resize
from textual.markup import escape
from textual.widget import Widget
from textual.widgets import SelectionList, Static
from textual.widgets.selection_list import Selection

from matchtui.engine.charts import (
    SELECTION_KINDS,
    ChartInputs,
    TableRow,
    by_competitiveness,
    chart_inputs,
    chart_tabs,
    selection_for,
)
from matchtui.models.figures import CHART_IDS, ChartId
from matchtui.models.profile import Profile
from matchtui.screens.base import PaneScreen
from matchtui.widgets.alike_lines import PaneHorizontal, PaneVertical, PaneVerticalScroll
from matchtui.widgets.chart_draw import TARGET_MARK, preferred_height
from matchtui.widgets.chart_view import ChartView, legend, theme_palette, warm_figure
from matchtui.widgets.mix_tabs import TabStrip
from matchtui.widgets.program_table import ProgramTable

if TYPE_CHECKING:
    from matchtui.app import MatchApp

# Competitiveness as shown in the narrow specialty list.
LIST_LEVELS: dict[str, str] = {
    "very_high": "v.high",
    "high": "high",
    "moderate": "mod",
    "low": "low",
}

# Rows above the chart inside the pane body: tabs (2), title (1), legend (1), margins (1).
ROWS_ABOVE_CHART = 5
# Rows of the app around the pane body: header, pane bar, footer.
APP_CHROME_ROWS = 3
# Columns beside the chart at each breakpoint (specialties.tcss: the list's width, the scroll
# area's padding), and a vertical scrollbar's: the sizes the warm-up builds the chart at.
SIDE_COLUMNS = {"-wide": 30 + 2, "-narrow": 23 + 2}
SCROLLBAR_COLUMNS = 2
FIRST_CHART: ChartId = "scores"


def _row_id(row: TableRow) -> str:
    return row.id


def _cells(inputs: ChartInputs, row: TableRow) -> list[Text]:
    """A row of the table: its texts, bold for a target, dim where the figure is missing."""
    style = "bold" if row.highlight else ("dim" if row.missing else "")
    name = (TARGET_MARK if row.highlight else "") + row.name
    cells = [name, *row.values]
    if inputs.you_header:
        cells.append(row.you)
    cells += [row.year, row.reliability, row.note, row.source]
    return [Text(cell, style=style) for cell in cells]


class SpecialtiesScreen(PaneScreen):
    PANE_ID = "specialties"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(str(n), f"show_chart('{chart}')", f"Chart {n}", show=False)
            for n, chart in enumerate(CHART_IDS, start=1)
        ),
        Binding("t", "select('targets')", "Targets", tooltip="Show only your target specialties"),
        Binding("a", "select('all')", "All", tooltip="Show every specialty"),
        Binding(
            "r",
            "select('default')",
            "Reset",
            tooltip="Your targets plus the usual comparison specialties",
        ),
    ]

    @classmethod
    def style_samples(cls) -> list[Widget]:
        from textual.containers import Container

        return [
            Vertical(),
            Container(),
            SelectionList[str](),
            ChartView(),
            ProgramTable[TableRow](),
        ]

    @classmethod
    def warm_data(cls, app: MatchApp) -> None:
        """The chart the pane opens on, built at the size it will have: with and without the
        scroll area's scrollbar (the first layout has none; the table below then overflows)."""
        profile = app.profile
        if profile is None:
            return
        catalog = app.catalog
        inputs = chart_inputs(
            FIRST_CHART, catalog, profile, selection_for("default", profile, catalog)
        )
        if not inputs.bars:
            return
        columns, rows = app.size
        breakpoint = "-wide" if columns >= 100 else "-narrow"  # HORIZONTAL_BREAKPOINTS
        width = columns - SIDE_COLUMNS[breakpoint]
        height = preferred_height(len(inputs.bars), rows - APP_CHROME_ROWS - ROWS_ABOVE_CHART)
        warm_figure(app, inputs, [(width, height), (width - SCROLLBAR_COLUMNS, height)])

    def __init__(self) -> None:
        super().__init__()
        self.chart_id: ChartId = FIRST_CHART
        self.selected: tuple[str, ...] = ()
        self.inputs: ChartInputs | None = None
        self._targets: tuple[str, ...] = ()
        self._legend: Text | None = None  # what the legend shows
        self._table_cells: dict[str, list[Text]] = {}  # the table's texts by row id

    # -- layout ----------------------------------------------------------------------------
    def compose_body(self) -> ComposeResult:
        with PaneHorizontal(id="spec-body"):
            with PaneVertical(id="spec-side"):
                yield Static("Specialties", id="spec-side-title", markup=False)
                yield SelectionList[str](id="spec-list")
                yield Static(
                    "space: show/hide\nt targets · a all\nr reset · 1-6 chart",
                    id="spec-hint",
                    markup=False,
                )
            tabs = chart_tabs(self.catalog)
            with PaneVertical(id="spec-main"):
                # One drawn widget, exactly as Textual's Tabs (a Tabs is ten widgets to style
                # and draw: its tabs, their row, the underline); looks in specialties.tcss.
                yield TabStrip(
                    [(escape(label), f"chart-{chart}") for chart, label in tabs],
                    f"chart-{tabs[0][0]}" if tabs else "",
                    id="chart-tabs",
                )
                with PaneVerticalScroll(id="spec-scroll"):
                    yield Static("", id="chart-title", markup=False)
                    yield Static("", id="chart-legend", markup=False)
                    yield ChartView(id="chart")
                    yield Static("", id="chart-messages", markup=False)
                    # Drawn as a DataTable draws this table (zebra stripes from the first
                    # row, a row cursor; specialties.tcss), with one line built per row
                    # instead of a rendered text per cell.
                    yield ProgramTable[TableRow](
                        cells=self._row_cells,
                        key=_row_id,
                        overflow="crop",
                        stripe_first=True,
                        hover=True,
                        id="chart-table",
                    )
                    yield Static("", id="chart-reading", markup=False)
                    yield Static("", id="chart-notes", markup=False)

    def on_mount(self) -> None:
        profile = self.profile
        self._targets = tuple(profile.targets.specialties)
        self.selected = selection_for("default", profile, self.catalog)
        self._fill_list(profile)
        self.recompute()
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._update_legend())

    # -- the specialty list ----------------------------------------------------------------
    def _fill_list(self, profile: Profile) -> None:
        """(Re)build the list: every specialty, tightest market first, targets marked."""
        targets = set(profile.targets.specialties)
        chosen = set(self.selected)
        options: list[Selection[str]] = []
        for specialty in by_competitiveness(self.catalog):
            prompt = Text(no_wrap=True, overflow="ellipsis")
            prompt.append(TARGET_MARK if specialty.id in targets else " ", style="bold")
            prompt.append(f"{specialty.short} ")
            prompt.append(LIST_LEVELS[specialty.competitiveness.level], style="dim")
            options.append(Selection(prompt, specialty.id, specialty.id in chosen))
        selection_list = self.query_one("#spec-list", SelectionList)
        with self.prevent(SelectionList.SelectedChanged):
            selection_list.clear_options()
            selection_list.add_options(options)

    @on(SelectionList.SelectedChanged, "#spec-list")
    def _selection_changed(self, event: SelectionList.SelectedChanged[str]) -> None:
        chosen = tuple(event.selection_list.selected)
        if set(chosen) != set(self.selected):
            self.selected = chosen
            self.recompute()

    def action_select(self, kind: str) -> None:
        found = [k for k in SELECTION_KINDS if k == kind]
        if not found:
            return
        self.selected = selection_for(found[0], self.profile, self.catalog)
        wanted = set(self.selected)
        selection_list = self.query_one("#spec-list", SelectionList)
        with self.prevent(SelectionList.SelectedChanged):
            selection_list.deselect_all()
            for value in wanted:
                selection_list.select(value)
        self.recompute()

    # -- the chart choice ------------------------------------------------------------------
    @on(TabStrip.Activated, "#chart-tabs")
    def _tab_activated(self, event: TabStrip.Activated) -> None:
        self._show_chart(event.tab.removeprefix("chart-"))

    def _show_chart(self, chart: str) -> None:
        if chart in CHART_IDS and chart != self.chart_id:
            self.chart_id = chart
            self.recompute()

    def action_show_chart(self, chart: str) -> None:
        if chart in CHART_IDS:
            self.query_one("#chart-tabs", TabStrip).active = f"chart-{chart}"
            self._show_chart(chart)

    # -- reacting to the profile, the size and the theme ------------------------------------
    def on_profile(self, profile: Profile) -> None:
        targets = tuple(profile.targets.specialties)
        if targets != self._targets:
            # New targets: start again from them plus the comparison set, and re-mark the list.
            self._targets = targets
            self.selected = selection_for("default", profile, self.catalog)
            self._fill_list(profile)
        self.recompute()

    def on_resize(self, event: Resize) -> None:
        self._size_chart()

    # -- binding the engine's result to the widgets ----------------------------------------
    def recompute(self) -> None:
        """Compute the chart inputs and push them to the widgets (cheap; no plotext here)."""
        inputs = chart_inputs(self.chart_id, self.catalog, self.profile, self.selected)
        if inputs == self.inputs:
            return
        self.inputs = inputs
        self.query_one("#chart", ChartView).inputs = inputs
        title = inputs.title + ("  (illustrative)" if inputs.illustrative else "")
        self.query_one("#chart-title", Static).update(title)
        self._update_legend()
        self.query_one("#chart-messages", Static).update("\n".join(inputs.messages))
        self.query_one("#chart-messages").display = bool(inputs.messages)
        self.query_one("#chart-reading", Static).update(inputs.reading)
        self.query_one("#chart-notes", Static).update(
            "\n".join(f"· {note}" for note in inputs.notes)
        )
        self._fill_table(inputs)
        self._size_chart()

    def _update_legend(self) -> None:
        if self.inputs is None:
            return
        text = legend(self.inputs, theme_palette(self.app))
        if text == self._legend:
            return  # unchanged (a pane switch with the same theme): no update, no new layout
        self._legend = text
        self.query_one("#chart-legend", Static).update(text)

    def _size_chart(self) -> None:
        chart = self.query_one("#chart", ChartView)
        inputs = self.inputs
        if inputs is None or not inputs.bars:
            chart.display = False
            return
        chart.display = True
        room = self.size.height - APP_CHROME_ROWS - ROWS_ABOVE_CHART
        chart.styles.height = preferred_height(len(inputs.bars), room)

    def _fill_table(self, inputs: ChartInputs) -> None:
        table: ProgramTable[TableRow] = self.query_one("#chart-table", ProgramTable)
        first = (
            "Factor"
            if inputs.chart == "pd_factors"
            else ("Region" if inputs.chart == "regions" else "Specialty")
        )
        headers = [first, *inputs.columns]
        if inputs.you_header:
            headers.append(inputs.you_header)
        headers += ["Year", "Reliability", "Note", "Source"]
        self._table_cells = {row.id: _cells(inputs, row) for row in inputs.table}
        # Each column as wide as its widest text, header included (as a DataTable sizes them).
        widths = [cell_len(header) for header in headers]
        for cells in self._table_cells.values():
            for column, cell in enumerate(cells):
                widths[column] = max(widths[column], cell_len(cell.plain))
        table.set_columns(
            [
                (str(n), header, width)
                for n, (header, width) in enumerate(zip(headers, widths, strict=True))
            ]
        )
        table.set_rows(list(inputs.table), keep_cursor=False)
        table.redraw()
        table.display = bool(inputs.table)

    def _row_cells(self, row: TableRow) -> list[Text]:
        return self._table_cells[row.id]

    def on_screen_resume(self) -> None:
        # The theme may have changed while another pane was showing.
        self._update_legend()
