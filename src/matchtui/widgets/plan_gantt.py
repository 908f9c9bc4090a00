"""The plan as a Gantt chart on real months: one row per item, four characters per month.

A DataTable with no cell padding and two columns. The item column holds the marks (star: the
Reality check points here; !: overdue), the status box and the title; it stays put while the
months scroll sideways. The months column is MONTH_WIDTH characters a month, so an item's
months join into one bar. Two wide cells a row rather than a column per part and per month:
the table renders (and measures) every cell of a row, and a column per month cost ~50 ms on
the pane's first frame. Neighbouring months drawn alike are one run of text (`Runs`): the
table renders a row's cells span by span, so a bar is one span rather than one per month. Each
cell is a `Cell`: its text's segments worked out once, where the table would wrap, join and
render the text again for each look of the row (the item cell twice a frame: fixed and not).
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, RenderResult
from rich.measure import Measurement
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.widgets import DataTable

from matchtui.engine.calendar import PHASE_SHORT
from matchtui.engine.plan import PlanRow, PlanView, YearMonth

MONTH_WIDTH = 4
MARK_WIDTH, STATUS_WIDTH = 2, 4
TITLE_MIN, TITLE_MAX = 22, 44
STATUS_BOX = {"todo": "[ ] ", "doing": "[~] ", "done": "[x] "}
DATES_ROW = "dates"
ITEM_COLUMN = "item"
MONTHS_COLUMN = "months"
SEASON_ROW = "season"


class Cell:
    """A cell of the chart: one line of text exactly as wide as its column, drawn as the
    segments Rich makes of it (`Text.render`: what the table's wrapping of a line that fits
    comes to), worked out on its first draw and kept."""

    __slots__ = ("_segments", "text")

    def __init__(self, text: Text) -> None:
        self.text = text
        self._segments: list[Segment] | None = None

    @property
    def plain(self) -> str:
        return self.text.plain

    def __str__(self) -> str:
        return self.text.plain

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if self._segments is None:
            self._segments = list(self.text.render(console, self.text.end))
        return self._segments

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement.get(console, options, self.text)


class PlanGantt(DataTable[Cell]):
    """Rows are plan items keyed by item id; track titles and the key-dates row are not items."""

    DEFAULT_CSS = """
    PlanGantt {
        height: 1fr;
        scrollbar-size-horizontal: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            id=id,
            cursor_type="row",
            cell_padding=0,
            header_height=2,
            fixed_columns=1,
            show_row_labels=False,
            # The cursor row's words take the cursor's colours (an overdue title in the error
            # colour read at 1.3-2:1 on the cursor); bars are drawn as background, which the
            # cursor leaves alone, so they keep their colours.
            cursor_foreground_priority="css",
            cursor_background_priority="renderable",
        )
        self.view: PlanView | None = None
        self.palette: dict[str, Style] = {}
        self.title_width = 0  # the width the table was last built with

    # -- building --------------------------------------------------------------------------
    def show(self, view: PlanView, palette: dict[str, Style]) -> None:
        """Rebuild from a plan view, keeping the cursor on the same item."""
        keep = self.current_key()
        self.view, self.palette = view, palette
        title_width = self.title_width = self._title_width(view)
        self.clear(columns=True)
        header = [self._item(Text(""), Text(""), Text(title)) for title in ("", "Item")]
        self.add_column(
            Text("\n").join(header), width=MARK_WIDTH + STATUS_WIDTH + title_width, key=ITEM_COLUMN
        )
        today = view.today_month
        top, bottom = Runs(), Runs()
        for month in view.months:
            year = str(month.year) if month.month == 1 or month == view.months[0] else ""
            style = palette["today"] if month == today else NO_STYLE
            top.append(f"{month.short:<{MONTH_WIDTH}}", style)
            bottom.append(f"{year:<{MONTH_WIDTH}}", style)
        label = Text("\n").join([top.text(), bottom.text()])
        self.add_column(label, width=MONTH_WIDTH * len(view.months), key=MONTHS_COLUMN)
        self._add_season_row(view, title_width)
        self._add_dates_row(view, title_width)
        for track in view.tracks:
            heading = Text(_clip(f"{track.title}", title_width), style=palette["heading"])
            blanks = Text(" " * (MONTH_WIDTH * len(view.months)))
            self._add(self._item(Text(""), Text(""), heading), blanks, key=f"track:{track.id}")
            for row in track.rows:
                self._add(*self._cells(row, view, title_width), key=row.id)
        if keep is not None and keep in self.rows:
            self.move_cursor(row=self.get_row_index(keep), animate=False)
        elif view.rows:
            self.move_cursor(row=self.get_row_index(view.rows[0].id), animate=False)

    def _add(self, *cells: Text, key: str) -> None:
        self.add_row(*(Cell(cell) for cell in cells), key=key)

    def _title_width(self, view: PlanView) -> int:
        # While hidden (another tab showing, or the pane in the background) the table has no
        # size of its own: measure the screen instead of guessing 80 columns, and build again
        # when the real size arrives (on_resize).
        width = self.size.width or self.screen.size.width or self.app.size.width
        spare = width - 2 - 4 - MONTH_WIDTH * len(view.months) - 2
        return max(TITLE_MIN, min(TITLE_MAX, spare))

    def on_resize(self, event: events.Resize) -> None:
        self.fit()

    def fit(self) -> None:
        """Build again if the title column's width no longer fits the room (a resize)."""
        if self.view is not None and self._title_width(self.view) != self.title_width:
            self.show(self.view, self.palette)

    def _add_season_row(self, view: PlanView, title_width: int) -> None:
        """The applicant's Match season on the same months: its phase in each month."""
        if not view.season_phases:
            return
        # One label per run of months in the same phase, written across the run's cells.
        line = ""
        phases = view.season_phases
        start = 0
        for index in range(1, len(phases) + 1):
            if index == len(phases) or phases[index] != phases[start]:
                room = (index - start) * MONTH_WIDTH
                name, short = PHASE_SHORT[phases[start]]
                label = name if len(name) < room else short
                line += f"{label[: room - 1]:<{room}}"
                start = index
        cells = Runs()
        for index, month in enumerate(view.months):
            style = self.palette["today"] if month == view.today_month else self.palette["date"]
            cells.append(line[index * MONTH_WIDTH : (index + 1) * MONTH_WIDTH], style)
        title = Text(
            _clip(f"{view.match_year} Match season", title_width), style=self.palette["muted"]
        )
        self._add(self._item(Text(""), Text(""), title), cells.text(), key=SEASON_ROW)

    def _add_dates_row(self, view: PlanView, title_width: int) -> None:
        by_month = view.date_months()
        cells = Runs()
        for month in view.months:
            dates = by_month.get(month, [])
            if not dates:
                self._append_empty(cells, month, view)
                continue
            passed = all(d.passed for d in dates)
            style = self.palette["muted"] if passed else self.palette["date"]
            cells.append(" \u25c6  ", style)
        title = Text(_clip("Key dates (\u25c6)", title_width), style=self.palette["muted"])
        self._add(self._item(Text(""), Text(""), title), cells.text(), key=DATES_ROW)

    def _cells(self, row: PlanRow, view: PlanView, title_width: int) -> list[Text]:
        p = self.palette
        mark = Text("\u2605" if row.marked else " ", style=p["marked"])
        mark.append("!" if row.state == "overdue" else " ", style=p["overdue"])
        if row.profile_done and row.status == "todo":
            status = Text("[x] ", style=p["muted"])
        else:
            status = Text(STATUS_BOX[row.status], style=p[f"status_{row.status}"])
        title_style = (
            p["overdue"]
            if row.state == "overdue"
            else (p["muted"] if row.state == "done" else Style())
        )
        title = Text(_clip(row.title, title_width), style=title_style)
        bar_style = p[f"bar_{row.state}"]
        if bar_style.color is not None:
            bar, bar_cell_style = " " * MONTH_WIDTH, Style(bgcolor=bar_style.color)
        else:  # a style with no colour: glyphs
            bar, bar_cell_style = "\u2588" * MONTH_WIDTH, bar_style
        months = Runs()
        for month in view.months:
            if row.covers(month):
                months.append(bar, bar_cell_style)
            else:
                self._append_empty(months, month, view)
        return [self._item(mark, status, title), months.text()]

    def _item(self, mark: Text, status: Text, title: Text) -> Text:
        """The item cell: marks, status box and title, each padded to its width."""
        cell = Text(no_wrap=True, end="")
        for part, width in (
            (mark, MARK_WIDTH),
            (status, STATUS_WIDTH),
            (title, self.title_width),
        ):
            cell.append_text(part)
            cell.append(" " * max(0, width - part.cell_len))
        return cell

    def _append_empty(self, cells: Runs, month: YearMonth, view: PlanView) -> None:
        """A month with nothing in it: blank, or the dotted line down today's month."""
        if month == view.today_month:
            cells.append("\u2506   ", self.palette["today_line"])
        else:
            cells.append(" " * MONTH_WIDTH, NO_STYLE)

    # -- reading ---------------------------------------------------------------------------
    def current_key(self) -> str | None:
        """The item id under the cursor (None on a heading row or an empty table)."""
        if self.row_count == 0:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return key

    def current_row(self) -> PlanRow | None:
        key = self.current_key()
        if key is None or self.view is None:
            return None
        return self.view.row(key)


NO_STYLE = Style()


class Runs:
    """A line of text built month by month, neighbours with the same style kept as one run."""

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._styles: list[Style] = []

    def append(self, text: str, style: Style) -> None:
        if self._styles and self._styles[-1] == style:
            self._texts[-1] += text
        else:
            self._texts.append(text)
            self._styles.append(style)

    def text(self) -> Text:
        text = Text()
        for part, style in zip(self._texts, self._styles, strict=True):
            text.append(part, style or None)
        return text


def _clip(text: str, width: int) -> str:
    return text if len(text) < width else text[: width - 2] + "\u2026 "
