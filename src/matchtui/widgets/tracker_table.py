"""A virtual table for the Applications pane: only the lines on screen are ever rendered.

Textual's DataTable keeps a row object per row and recomputes its row offsets on changes, so
clearing or refilling 5,000 rows costs tens of milliseconds. Here the table holds a list of
program indices and a function that gives a row's cells: a new filter or sort is a new list,
a stage change drops one cached line. Columns have fixed widths; the header stays on top.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

Cells = Callable[[int], Sequence[Text]]
# Drawn lines kept for redraws (a few screens' worth is plenty; scrolling far just draws again).
MAX_CACHED = 2000


class TrackerTable(ScrollView, can_focus=True):
    """Rows are program indices; `cells(index)` gives the texts of a row, one per column."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "tracker-table--header",
        "tracker-table--cursor",
        "tracker-table--even-row",
    }
    DEFAULT_CSS = """
    TrackerTable {
        background: $surface;
        color: $foreground;
        & > .tracker-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .tracker-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .tracker-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .tracker-table--cursor {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: $block-cursor-text-style;
        }
    }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
        Binding("left", "scroll_left", "Left", show=False),
        Binding("right", "scroll_right", "Right", show=False),
    ]

    class HeaderSelected(Message):
        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    class RowActivated(Message):
        """A row was double-clicked."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(
        self, columns: Sequence[tuple[str, str, int]], cells: Cells, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.columns = tuple(columns)
        self.cells = cells
        self.rows: list[int] = []
        self.cursor = 0
        self._cache: dict[int, Strip] = {}
        self._line_width = sum(width + 2 for _, _, width in self.columns)
        self.virtual_size = Size(self._line_width, 1)

    # -- data ----------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def selected(self) -> int | None:
        """The program index under the cursor (None when the table is empty)."""
        return self.rows[self.cursor] if self.rows else None

    def set_rows(self, rows: list[int]) -> None:
        """Show these program indices, in this order; the cursor stays on its program if it can."""
        keep = self.selected
        self.rows = rows
        self._cache.clear()
        size = Size(self._line_width, len(rows) + 1)
        if size != self.virtual_size:  # a new size lays the screen out again: only when it changes
            self.virtual_size = size
        self.cursor = 0
        if keep is not None and rows:
            try:
                self.cursor = rows.index(keep)
            except ValueError:
                self.cursor = 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()

    def update_row(self, index: int) -> None:
        """A program changed: draw its line again (no other line is touched)."""
        self._cache.pop(index, None)
        self.refresh()

    def cell_text(self, index: int, column: str) -> str:
        keys = [key for key, _, _ in self.columns]
        return self.cells(index)[keys.index(column)].plain

    # -- drawing -------------------------------------------------------------------------------
    def _line(self, texts: Sequence[Text], style: Style | None = None) -> Strip:
        line = Text(no_wrap=True, overflow="crop", style=style or "")
        for (_, _, width), text in zip(self.columns, texts, strict=True):
            cell = text.copy()
            cell.truncate(width, overflow="ellipsis", pad=True)
            line.append(" ")
            line.append_text(cell)
            line.append(" ")
        segments = [s for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments, self._line_width)

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        base = self.rich_style
        if y == 0:
            header = self.get_component_rich_style("tracker-table--header")
            strip = self._line([Text(label) for _, label, _ in self.columns], header)
            return strip.crop_extend(scroll_x, scroll_x + width, header)
        position = scroll_y + y - 1
        if position >= len(self.rows):
            return Strip.blank(width, base)
        index = self.rows[position]
        cached = self._cache.get(index)
        if cached is None:
            if len(self._cache) > MAX_CACHED:
                self._cache.clear()
            cached = self._cache[index] = self._line(self.cells(index))
        strip = cached
        if position == self.cursor:
            style = base + self.get_component_rich_style("tracker-table--cursor")
            strip = Strip(
                [Segment(s.text, style + s.style if s.style else style, s.control) for s in strip]
            )
        elif position % 2:
            strip = strip.apply_style(
                base + self.get_component_rich_style("tracker-table--even-row")
            )
        else:
            strip = strip.apply_style(base)
        return strip.crop_extend(scroll_x, scroll_x + width, base)

    # -- the cursor ----------------------------------------------------------------------------
    def _move_to(self, position: int) -> None:
        if not self.rows:
            return
        self.cursor = max(0, min(len(self.rows) - 1, position))
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        visible = max(1, self.size.height - 1)
        top = int(self.scroll_offset.y)
        if self.cursor < top:
            self.scroll_to(y=self.cursor, animate=False, immediate=True)
        elif self.cursor >= top + visible:
            self.scroll_to(y=self.cursor - visible + 1, animate=False, immediate=True)

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._move_to(self.cursor + direction * max(1, self.size.height - 2))

    def action_edge(self, end: int) -> None:
        self._move_to(len(self.rows) - 1 if end else 0)

    def on_click(self, event: events.Click) -> None:
        scroll_x, scroll_y = self.scroll_offset
        if event.y == 0:
            x = event.x + scroll_x
            for key, _, width in self.columns:
                if x < width + 2:
                    self.post_message(self.HeaderSelected(key))
                    return
                x -= width + 2
            return
        self._move_to(scroll_y + event.y - 1)
        if event.chain >= 2 and self.selected is not None:
            self.post_message(self.RowActivated(self.selected))
