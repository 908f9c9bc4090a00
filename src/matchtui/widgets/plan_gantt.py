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

from itertools import islice
from typing import ClassVar, NamedTuple

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size, Spacing
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from matchtui.engine.calendar import PHASE_SHORT
from matchtui.engine.plan import PlanRow, PlanView, YearMonth

MONTH_WIDTH = 4
MARK_WIDTH, STATUS_WIDTH = 2, 4
# The title column gives way down to TITLE_MIN so that every month shows at 80 columns (up to
# 14 months beside the marks, the status box and the scroll bar).
TITLE_MIN, TITLE_MAX = 16, 44
STATUS_BOX = {"todo": "[ ] ", "doing": "[~] ", "done": "[x] "}
DATES_ROW = "dates"
ITEM_COLUMN = "item"
MONTHS_COLUMN = "months"
SEASON_ROW = "season"
HEADER_HEIGHT = 2
BASE = 0  # index of the widget's own style in PlanGantt._looks


class Cell:
    """A cell of the chart: its text, and the lines Rich makes of it (`Text.render`, split at
    its newlines, cropped and padded to the column's width and the row's height, as a table
    fits a cell), worked out on its first draw and kept."""

    __slots__ = ("_lines", "text")

    def __init__(self, text: Text) -> None:
        self.text = text
        self._lines: list[list[Segment]] | None = None

    @property
    def plain(self) -> str:
        return self.text.plain

    def __str__(self) -> str:
        return self.text.plain

    def lines(self, console: Console, width: int, height: int) -> list[list[Segment]]:
        """The cell's `height` lines, each `width` cells wide."""
        if self._lines is None:
            segments = self.text.render(console, self.text.end)
            lines = list(
                islice(
                    Segment.split_and_crop_lines(segments, width, include_new_lines=False), height
                )
            )
            lines.extend([Segment(" " * width)] for _ in range(height - len(lines)))
            self._lines = lines
        return self._lines


class RowMessage(Message):
    """A message about row `cursor_row` (named `row_key`) of a chart."""

    def __init__(self, gantt: PlanGantt, cursor_row: int, row_key: str) -> None:
        super().__init__()
        self.gantt = gantt
        self.cursor_row = cursor_row
        self.row_key = row_key

    @property
    def control(self) -> PlanGantt:
        return self.gantt


class GanttColumn(NamedTuple):
    """A column of the chart: its width and its header (two lines)."""

    width: int
    label: Text


class PlanGantt(ScrollView, can_focus=True):
    """Rows are plan items keyed by item id; track titles and the key-dates row are not items.

    Drawn line by line as Textual's DataTable draws a table with a row cursor, no cell padding,
    a two-line header and one fixed column (the one this chart was until it drew itself): the
    same cells, colours (plan.tcss gives its component classes the DataTable's rules), keys,
    clicks, hover and scrolling. A row's line is styled once per look (plain, cursor, under
    the mouse) and kept; the fixed column is drawn once a line."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "plan-gantt--cursor",
        "plan-gantt--hover",
        "plan-gantt--fixed",
        "plan-gantt--fixed-cursor",
        "plan-gantt--header",
        "plan-gantt--header-hover",
    }
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select_cursor", "Select", show=False),
        Binding("up", "cursor_up", "Cursor up", show=False),
        Binding("down", "cursor_down", "Cursor down", show=False),
        Binding("right", "cursor_right", "Cursor right", show=False),
        Binding("left", "cursor_left", "Cursor left", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("ctrl+home", "scroll_top", "Top", show=False),
        Binding("ctrl+end", "scroll_bottom", "Bottom", show=False),
        Binding("home", "scroll_home", "Home", show=False),
        Binding("end", "scroll_end", "End", show=False),
    ]

    class RowHighlighted(RowMessage):
        """The cursor moved to row `cursor_row` (named `row_key`)."""

    class RowSelected(RowMessage):
        """Enter, or a click on the cursor's row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.view: PlanView | None = None
        self.palette: dict[str, Style] = {}
        self.title_width = 0  # the width the table was last built with
        self.columns: dict[str, GanttColumn] = {}
        self.rows: dict[str, int] = {}  # row key -> its index
        self._keys: list[str] = []
        self._cells: list[tuple[Cell, Cell]] = []  # (item, months) per row
        self._header: tuple[Cell, Cell] = (Cell(Text()), Cell(Text()))
        self.cursor_row = 0
        self.hover_row = 0  # the row under the mouse (-1: the header), drawn if _hover_shown
        self._hover_shown = False
        self._looks: tuple[Style, ...] = ()
        self._drawn: dict[tuple[int, int], tuple[Strip, Strip]] = {}  # (row, look) -> parts

    # -- building --------------------------------------------------------------------------
    def show(self, view: PlanView, palette: dict[str, Style]) -> None:
        """Rebuild from a plan view, keeping the cursor on the same item (the scroll goes back
        to the start, then to the cursor, as a DataTable's clear and move did)."""
        keep = self.current_key()
        self.view, self.palette = view, palette
        title_width = self.title_width = self._title_width(view)
        self._keys, self._cells, self.rows = [], [], {}
        self._drawn.clear()
        header = [self._item(Text(""), Text(""), Text(title)) for title in ("", "Item")]
        item_label = Text("\n").join(header)
        item_width = MARK_WIDTH + STATUS_WIDTH + title_width
        today = view.today_month
        top, bottom = Runs(), Runs()
        for month in view.months:
            year = str(month.year) if month.month == 1 or month == view.months[0] else ""
            style = palette["today"] if month == today else NO_STYLE
            top.append(f"{month.short:<{MONTH_WIDTH}}", style)
            bottom.append(f"{year:<{MONTH_WIDTH}}", style)
        months_label = Text("\n").join([top.text(), bottom.text()])
        months_width = MONTH_WIDTH * len(view.months)
        self.columns = {
            ITEM_COLUMN: GanttColumn(item_width, item_label),
            MONTHS_COLUMN: GanttColumn(months_width, months_label),
        }
        self._header = (Cell(item_label), Cell(months_label))
        self._add_season_row(view, title_width)
        self._add_dates_row(view, title_width)
        for track in view.tracks:
            heading = Text(_clip(f"{track.title}", title_width), style=palette["heading"])
            blanks = Text(" " * months_width)
            self._add(self._item(Text(""), Text(""), heading), blanks, key=f"track:{track.id}")
            for row in track.rows:
                self._add(*self._cells_of(row, view, title_width), key=row.id)
        self.hover_row = 0
        self.scroll_target_x = self.scroll_target_y = 0
        self.scroll_x = self.scroll_y = 0
        self.virtual_size = Size(item_width + months_width, len(self._keys) + HEADER_HEIGHT)
        self.refresh()
        if keep is not None and keep in self.rows:
            target = self.rows[keep]
        elif view.rows:
            target = self.rows[view.rows[0].id]
        else:
            target = 0
        self.cursor_row = 0
        self._set_cursor(target, scroll=False)
        self.call_after_refresh(self._scroll_cursor_into_view)

    def _add(self, *cells: Text, key: str) -> None:
        self.rows[key] = len(self._keys)
        self._keys.append(key)
        item, months = cells
        self._cells.append((Cell(item), Cell(months)))

    def get_cell(self, row_key: str, column_key: str) -> Cell:
        """The cell of row `row_key` in column `column_key` (ITEM_COLUMN or MONTHS_COLUMN)."""
        item, months = self._cells[self.rows[row_key]]
        return item if column_key == ITEM_COLUMN else months

    @property
    def row_count(self) -> int:
        return len(self._keys)

    @property
    def row_keys(self) -> list[str]:
        """The rows' keys, top to bottom."""
        return list(self._keys)

    def _title_width(self, view: PlanView) -> int:
        # While hidden (another tab showing, or the pane in the background) the table has no
        # size of its own: measure the screen instead of guessing 80 columns, and build again
        # when the real size arrives (on_resize).
        width = self.size.width or self.screen.size.width or self.app.size.width
        spare = width - 2 - 4 - MONTH_WIDTH * len(view.months) - 2
        return max(TITLE_MIN, min(TITLE_MAX, spare))

    def on_resize(self, event: events.Resize) -> None:
        self._drawn.clear()  # a line runs on to the widget's width
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
        today = view.today_month
        for index, month in enumerate(view.months):
            style = self.palette["today"] if month == today else self.palette["date"]
            cells.append(line[index * MONTH_WIDTH : (index + 1) * MONTH_WIDTH], style)
        title = Text(
            _clip(f"{view.match_year} Match season", title_width), style=self.palette["muted"]
        )
        self._add(self._item(Text(""), Text(""), title), cells.text(), key=SEASON_ROW)

    def _add_dates_row(self, view: PlanView, title_width: int) -> None:
        by_month = view.date_months()
        today = view.today_month
        cells = Runs()
        for month in view.months:
            dates = by_month.get(month, [])
            if not dates:
                self._append_empty(cells, month, today)
                continue
            passed = all(d.passed for d in dates)
            style = self.palette["muted"] if passed else self.palette["date"]
            cells.append(" \u25c6  ", style)
        title = Text(_clip("Key dates (\u25c6)", title_width), style=self.palette["muted"])
        self._add(self._item(Text(""), Text(""), title), cells.text(), key=DATES_ROW)

    def _cells_of(self, row: PlanRow, view: PlanView, title_width: int) -> list[Text]:
        p = self.palette
        mark = Text("\u2605" if row.marked else " ", style=p["marked"])
        mark.append("!" if row.state == "overdue" else " ", style=p["overdue"])
        if row.ticked_by_profile or row.started_by_profile:  # the profile's, not a choice
            status = Text(STATUS_BOX[row.shown_status], style=p["muted"])
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
        today = view.today_month
        for month in view.months:
            if row.covers(month):
                months.append(bar, bar_cell_style)
            else:
                self._append_empty(months, month, today)
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

    def _append_empty(self, cells: Runs, month: YearMonth, today: YearMonth) -> None:
        """A month with nothing in it: blank, or the dotted line down today's month."""
        if month == today:
            cells.append("\u2506   ", self.palette["today_line"])
        else:
            cells.append(" " * MONTH_WIDTH, NO_STYLE)

    # -- the cursor (as a DataTable's row cursor) -------------------------------------------
    def move_cursor(self, row: int, *, animate: bool = False, scroll: bool = True) -> None:
        """Move the cursor to row `row` (clamped), scrolling it into sight."""
        if scroll:
            self._scroll_cursor_into_view(animate=animate)
        self._set_cursor(row)

    def _set_cursor(self, row: int, *, scroll: bool = True) -> None:
        """The cursor to `row` (clamped); a move redraws both rows, tells the screen
        (RowHighlighted) and, with `scroll`, scrolls the cursor into sight."""
        last = len(self._keys) - 1
        row = max(0, min(row, last)) if last >= 0 else 0
        old, self.cursor_row = self.cursor_row, row
        if old == row:
            return
        self._refresh_row(old)
        self._refresh_row(row)
        if row < len(self._keys):
            self.post_message(self.RowHighlighted(self, row, self._keys[row]))
        if scroll:
            self._scroll_cursor_into_view()

    def _refresh_row(self, row: int) -> None:
        """Repaint row `row`'s line (the header's at -1), if it is in sight."""
        if row < 0:
            self.refresh(Region(0, 0, self.size.width, HEADER_HEIGHT))
            return
        if row >= len(self._keys):
            return
        y = row + HEADER_HEIGHT - int(self.scroll_offset.y)
        if HEADER_HEIGHT <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def _scroll_cursor_into_view(self, animate: bool = False) -> None:
        """Scroll so the cursor's row shows below the header, right of the fixed column."""
        left = self.columns[ITEM_COLUMN].width if self.columns else 0
        width = sum(column.width for column in self.columns.values())
        if 0 <= self.cursor_row < len(self._keys):
            y, row_width, height = self.cursor_row + HEADER_HEIGHT, max(self.size.width, width), 1
        else:
            y = row_width = height = 0
        region = Region(int(self.scroll_x) + left, y, row_width - left, height)
        spacing = Spacing(HEADER_HEIGHT, 0, 0, left)
        self.scroll_to_region(region, animate=animate, spacing=spacing, force=True)

    def _set_hover(self, shown: bool) -> None:
        self._hover_shown = shown
        self._refresh_row(self.hover_row)

    def action_select_cursor(self) -> None:
        self._set_hover(False)
        self._post_selected()

    def action_cursor_up(self) -> None:
        self._set_hover(False)
        self._set_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self._set_hover(False)
        self._set_cursor(self.cursor_row + 1)

    def action_cursor_right(self) -> None:
        self._set_hover(False)
        self.action_scroll_right()

    def action_cursor_left(self) -> None:
        self._set_hover(False)
        self.action_scroll_left()

    def _page_height(self) -> int:
        return self.scrollable_content_region.height - HEADER_HEIGHT

    def action_page_down(self) -> None:
        self._set_hover(False)
        height = self._page_height()
        rows = min(len(self._keys) - self.cursor_row, max(0, height) + 1)
        self.scroll_relative(y=height, animate=False, force=True)
        self._set_cursor(self.cursor_row + rows - 1)

    def action_page_up(self) -> None:
        self._set_hover(False)
        height = self._page_height()
        rows = min(self.cursor_row + 1, max(0, height) + 1)
        self.scroll_relative(y=-height, animate=False)
        self._set_cursor(self.cursor_row - rows + 1)

    def action_page_left(self) -> None:
        self._set_hover(False)
        self.scroll_page_left()

    def action_page_right(self) -> None:
        self._set_hover(False)
        self.scroll_page_right()

    def action_scroll_top(self) -> None:
        self._set_hover(False)
        self._set_cursor(0)

    def action_scroll_bottom(self) -> None:
        self._set_hover(False)
        self._set_cursor(len(self._keys) - 1)

    def action_scroll_home(self) -> None:
        self._set_hover(False)
        self.scroll_x = 0

    def action_scroll_end(self) -> None:
        self._set_hover(False)
        self.scroll_x = self.max_scroll_x

    # -- the mouse -------------------------------------------------------------------------
    def _row_at(self, y: int) -> int | None:
        """The row at line `y` of the widget (-1: the header; None: below the rows)."""
        if y < HEADER_HEIGHT:
            return -1
        row = y - HEADER_HEIGHT + int(self.scroll_offset.y)
        return row if row < len(self._keys) else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._set_hover(True)
        row = self._row_at(event.y)
        if row is None:
            self._set_hover(False)
            return
        old, self.hover_row = self.hover_row, row
        self._refresh_row(old)
        self._refresh_row(row)

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(False)

    def on_click(self, event: events.Click) -> None:
        self._set_hover(True)
        row = self._row_at(event.y)
        if row is None or row < 0:
            return  # below the rows, or the header (a click there moves nothing)
        again = row == self.cursor_row
        self._set_cursor(row)
        if again:
            self._post_selected()
        self._scroll_cursor_into_view(animate=True)
        event.stop()

    def _post_selected(self) -> None:
        if self._keys:
            self.post_message(self.RowSelected(self, self.cursor_row, self._keys[self.cursor_row]))

    # -- reading ---------------------------------------------------------------------------
    def current_key(self) -> str | None:
        """The key of the row under the cursor (None on an empty table)."""
        if not self._keys:
            return None
        return self._keys[self.cursor_row]

    def current_row(self) -> PlanRow | None:
        key = self.current_key()
        if key is None or self.view is None:
            return None
        return self.view.row(key)

    # -- drawing ---------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_looks()  # once per repaint, not per line
        return super().render_lines(crop)

    def _update_looks(self) -> None:
        """The component styles, as a DataTable reads them: a focus change or a new theme
        shows here (and the lines drawn in the old look are drawn again)."""
        get = self.get_component_rich_style
        looks = (
            self.rich_style,
            get("plan-gantt--header"),
            get("plan-gantt--fixed"),
            get("plan-gantt--cursor"),
            get("plan-gantt--fixed-cursor"),
            get("plan-gantt--hover"),
            get("plan-gantt--header-hover"),
        )
        if looks != self._looks:
            if self._looks:
                self.refresh()
            self._looks = looks
            self._drawn.clear()

    def render_line(self, y: int) -> Strip:
        if not self._looks:
            self._update_looks()
        width = self.size.width
        scroll_x, scroll_y = self.scroll_offset
        if y < HEADER_HEIGHT:
            row, line = -1, y
        else:
            row, line = y + scroll_y - HEADER_HEIGHT, 0
            if row >= len(self._keys):
                return Strip.blank(width, self._looks[BASE])
        cursor = row == self.cursor_row
        hover = self._hover_shown and row == self.hover_row
        look = (line << 2) | (cursor << 1) | hover
        parts = self._drawn.get((row, look))
        if parts is None:
            parts = self._drawn[(row, look)] = self._draw(row, line, cursor, hover, width)
        fixed, scrolled = parts
        left = fixed.cell_length
        shown = scrolled.crop(scroll_x, scroll_x + max(0, width - left))
        return Strip.join([fixed, shown]).adjust_cell_length(width, self._looks[BASE])

    def _draw(
        self, row: int, line: int, cursor: bool, hover: bool, width: int
    ) -> tuple[Strip, Strip]:
        """Row `row`'s line `line` (the header's is row -1) as a DataTable draws it: the fixed
        column, and the months with the row's colour run on to the widget's width."""
        base, header, fixed, cursor_style, fixed_cursor, hover_style, header_hover = self._looks
        is_header = row < 0
        component = Style()
        if hover:
            component += hover_style
            if is_header:
                component += header_hover
        if cursor:
            component += cursor_style
        row_style = header if is_header else base
        fixed_component = component + fixed_cursor if cursor and not is_header else component
        item, months = self._header if is_header else self._cells[row]
        item_width = self.columns[ITEM_COLUMN].width
        months_width = self.columns[MONTHS_COLUMN].width
        height = HEADER_HEIGHT if is_header else 1
        fixed_strip = self._cell_line(
            item,
            line,
            item_width,
            height,
            (header if is_header else fixed) + fixed_component,
            Style.from_color(color=fixed_component.color),
        )
        months_strip = self._cell_line(
            months,
            line,
            months_width,
            height,
            row_style + component,
            Style.from_color(color=component.color),
        )
        rest = max(0, width - months_width)
        extend = Strip([Segment(" " * rest, row_style + component)], rest)
        return fixed_strip, Strip.join([months_strip, extend])

    def _cell_line(
        self, cell: Cell, line: int, width: int, height: int, pre: Style, post: Style
    ) -> Strip:
        """Line `line` of a cell drawn in `width` cells, each piece styled pre + its own +
        post (the cursor's colour over the text's, as a DataTable's css priority has it)."""
        segments = cell.lines(self.app.console, width, height)[line]
        return Strip(
            [Segment(text, _styled(pre, style, post)) for text, style, _ in segments], width
        )


NO_STYLE = Style()


class Runs:
    """A line of text built month by month, neighbours with the same style kept as one run."""

    def __init__(self) -> None:
        self._texts: list[str] = []
        self._styles: list[Style] = []

    def append(self, text: str, style: Style) -> None:
        if self._styles and (self._styles[-1] is style or self._styles[-1] == style):
            self._texts[-1] += text
        else:
            self._texts.append(text)
            self._styles.append(style)

    def text(self) -> Text:
        text = Text()
        for part, style in zip(self._texts, self._styles, strict=True):
            text.append(part, style or None)
        return text


def _styled(pre: Style, style: Style | None, post: Style) -> Style | None:
    """A piece's style drawn as Styled(pre_style=pre, post_style=post) draws it."""
    styled = pre + style if pre else style
    if post:
        styled = styled + post if styled else post
    return styled


def _clip(text: str, width: int) -> str:
    return text if len(text) < width else text[: width - 2] + "\u2026 "
