"""The table for the applicant's program list (Mix and Applications panes) and the rank list: a
virtual table that only ever draws the lines on screen, whatever the list's size.

Textual's DataTable keeps a row object per row, recomputes its row offsets on changes and, on
every repaint, recomputes its component styles and re-renders each visible cell; with 20,000
programs a status change or a filter costs tens of milliseconds. Here:

- The rows are a sequence of items (program indices, or `(index, program)` pairs) and
  `cells(item)` gives a row's texts, one per column. A new filter or sort is a new sequence
  (`set_rows`); it may be lazy (`ShownRows` in widgets/mix_programs.py): only the rows drawn
  are ever read, so a fill costs the same at 100 or 20,000 programs.
- Columns have fixed widths (`set_columns`); a row is drawn as its texts cropped (or ended
  with an ellipsis) and padded to their columns, one space either side of each.
- One column may take the width the others leave (`fit`): as wide as it is given at most, and
  no wider than the table less the other columns and the room of a vertical scroll bar (kept
  free whether or not it shows, so the widths stay put as the list grows). While it would be
  narrower than `fit_min`, the columns named in `drop` are left out, one by one in that order
  (it is never drawn narrower than FIT_FLOOR: past that, the table scrolls sideways).
  Worked out from the table's width alone, never from the cells, as the table is laid out
  (before it is painted): a terminal of another size gets other widths, a row never does.
- A row's line is built once and kept (per item, `MAX_CACHED` of them), styled once per look
  (plain, zebra stripe, cursor); the looks' styles are worked out once per repaint
  (`render_lines`), never per line (DataTable works them out for every line of a repaint).
- A changed row (`update_row`) draws only its own line again; a cursor move draws the two
  lines that changed (or the screenful when it scrolls).
- The header stays on top; a click on it posts `HeaderSelected` with the column's key. Keys:
  up/down/page up/page down/home/end move the cursor, which posts `RowHighlighted`; a double
  click posts `RowActivated`.
- With `cell_cursor=True` the cursor is one cell (`cursor`, `cursor_column`), as a DataTable's
  with `cursor_type="cell"`: left/right move it between columns (clamped) instead of scrolling
  sideways, and the table scrolls so the cell stays in sight; a click selects the cell under
  the mouse. The cursor's look is drawn on that cell only (its row keeps its stripe) and each
  move posts `CellHighlighted` (not `RowHighlighted`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Hashable, Sequence
from typing import Any, ClassVar, Generic, Literal, TypeVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

T = TypeVar("T")
Column = tuple[str, str, int]  # key, header, width
PAD = 1  # cells either side of a column's text (two between columns)
FIT_FLOOR = 8  # the least a `fit` column is drawn at, however little room the others leave
# Drawn lines kept for redraws (a few screens' worth is plenty; scrolling far just draws again).
MAX_CACHED = 2000
# The looks of a line (+1 on a striped row): a row, the cursor's row, the row under the mouse
# (index into `_looks`, which also holds the header's at HEADER).
PLAIN, CURSOR, HEADER, HOVER = 0, 2, 4, 5


def _identity(item: Any) -> Hashable:
    key: Hashable = item
    return key


class ProgramTable(ScrollView, Generic[T], can_focus=True):
    """Rows are items; `cells(item)` gives the texts of a row, one per column, and `key(item)`
    names the row (for `update_row`; by default the item itself)."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "program-table--header",
        "program-table--cursor",
        "program-table--even-row",
        "program-table--odd-row",
        "program-table--hover",
    }
    DEFAULT_CSS = """
    ProgramTable {
        background: $surface;
        color: $foreground;
        & > .program-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .program-table--even-row {
            background: $surface-lighten-1 50%;
        }
        & > .program-table--hover {
            background: $block-hover-background;
        }
        & > .program-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
        }
        &:focus > .program-table--cursor {
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
        Binding("left", "column(-1)", "Left", show=False),
        Binding("right", "column(1)", "Right", show=False),
    ]

    class HeaderSelected(Message):
        """The header was clicked over column `column` (its key)."""

        def __init__(self, column: str) -> None:
            super().__init__()
            self.column = column

    class RowHighlighted(Message):
        """The cursor moved to row `position` (showing `item`)."""

        def __init__(self, position: int, item: Any) -> None:
            super().__init__()
            self.position = position
            self.item = item

    class CellHighlighted(Message):
        """The cell cursor moved to row `position` (showing `item`), column `column_key`."""

        def __init__(self, position: int, column_key: str, item: Any) -> None:
            super().__init__()
            self.position = position
            self.column_key = column_key
            self.item = item

    class RowActivated(Message):
        """A row was double-clicked."""

        def __init__(self, item: Any) -> None:
            super().__init__()
            self.item = item

    def __init__(
        self,
        columns: Sequence[Column] = (),
        cells: Callable[[T], Sequence[Text]] | None = None,
        *,
        key: Callable[[T], Hashable] = _identity,
        overflow: Literal["crop", "ellipsis"] = "ellipsis",
        stripe_first: bool = False,
        hover: bool = False,
        cell_cursor: bool = False,
        fit: str | None = None,
        fit_min: int = 12,
        drop: Sequence[str] = (),
        id: str | None = None,
    ) -> None:
        """`overflow`: how a text wider than its column ends; `stripe_first`: the zebra stripe
        is on the first row (else on the second); `hover`: the row under the mouse is
        highlighted (until a key moves the cursor), as in a DataTable; `cell_cursor`: the
        cursor is a cell, not a row; `fit`: the key of the column that takes the width left
        (see the module's notes), `fit_min` the least it takes before a column of `drop` is
        left out. `cells(item)` gives a text for every column given, shown or not."""
        super().__init__(id=id)
        self.cells: Callable[[T], Sequence[Text]] = cells or (lambda _item: ())
        self.key = key
        self.overflow: Literal["crop", "ellipsis"] = overflow
        self._stripe = 0 if stripe_first else 1
        self._hover_shown = hover
        self._hover: int | None = None  # the row under the mouse, if highlighted
        self.rows: Sequence[T] = ()
        self.cursor = 0
        self.cell_cursor = cell_cursor
        self.cursor_column = 0  # the cursor's column (a cell cursor's; 0 for a row cursor)
        self._lines: dict[Hashable, Strip] = {}  # row key -> its line, unstyled
        self._styled: dict[tuple[Hashable, int], Strip] = {}  # (row key, look) -> line
        self._looks: tuple[Style, ...] = ()
        self._blank = Style()
        self._header: Strip | None = None
        self._fit = fit
        self._fit_min = fit_min
        self._drop = tuple(drop)
        self._wanted: tuple[Column, ...] | None = None  # the columns as given
        self._picked: tuple[int, ...] | None = None  # the given columns shown (None: all)
        self._fitted_to = 0  # the table's width the columns were fitted to
        self.columns: tuple[Column, ...] = ()  # the columns as drawn
        self._line_width = 0
        self.set_columns(columns)

    # -- data ----------------------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self.rows)

    @property
    def selected(self) -> T | None:
        """The item under the cursor (None when the table is empty)."""
        return self.rows[self.cursor] if self.rows else None

    def set_columns(self, columns: Sequence[Column]) -> None:
        """(key, header, width) per column (the `fit` column's width: the most it takes)."""
        wanted = tuple(columns)
        if wanted == self._wanted:
            return
        self._wanted = wanted
        self._fitted_to = self.size.width
        if self._shown(*self._fitted(wanted, self._fitted_to)):
            self._resize()

    def column_width(self, key: str) -> int:
        """The width column `key` is drawn at (0 if it is not shown)."""
        return next((width for k, _, width in self.columns if k == key), 0)

    def _fitted(
        self, wanted: tuple[Column, ...], width: int
    ) -> tuple[tuple[Column, ...], tuple[int, ...] | None]:
        """The columns drawn in a table `width` cells wide, and which of `wanted` they are
        (None: all of them). Before the table is laid out (no width yet), all as given."""
        fit = self._fit
        if fit is None or width <= 0 or fit not in (key for key, _, _ in wanted):
            return wanted, None
        room = width - self.styles.gutter.width
        if self.styles.overflow_y in ("auto", "scroll"):
            room -= self.styles.scrollbar_size_vertical
        picked = list(range(len(wanted)))
        dropping = [key for key in self._drop if key != fit]
        while True:
            others = sum(wanted[i][2] + 2 * PAD for i in picked if wanted[i][0] != fit)
            left = room - others - 2 * PAD
            if left >= self._fit_min or not dropping:
                break
            gone = dropping.pop(0)
            picked = [i for i in picked if wanted[i][0] != gone]
        least = min(self._fit_min, FIT_FLOOR)
        columns = tuple(
            (key, label, max(min(most, least), min(most, left)) if key == fit else most)
            for key, label, most in (wanted[i] for i in picked)
        )
        return columns, None if len(picked) == len(wanted) else tuple(picked)

    def _shown(self, columns: tuple[Column, ...], picked: tuple[int, ...] | None) -> bool:
        """Draw these columns from now on; False if they are the ones drawn already."""
        if columns == self.columns and picked == self._picked:
            return False
        self.columns, self._picked = columns, picked
        self._line_width = sum(width + 2 * PAD for _, _, width in columns)
        self.cursor_column = max(0, min(self.cursor_column, len(columns) - 1))
        self._forget()
        return True

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # A `fit` column follows the table's width here, as the layout gives it (the lines are
        # painted after): the first frame at a width is drawn with that width's columns.
        wanted = self._wanted
        if self._fit is not None and wanted is not None and size.width not in (0, self._fitted_to):
            self._fitted_to = size.width
            if self._shown(*self._fitted(wanted, size.width)):
                self.set_reactive(
                    ProgramTable.virtual_size, Size(self._line_width, len(self.rows) + 1)
                )
        return super()._size_updated(size, virtual_size, container_size, layout)

    def set_rows(self, rows: Sequence[T], *, keep_cursor: bool = True) -> None:
        """Show these rows, in this order. The cursor stays on its item if `keep_cursor` and
        the item is still shown (a search of the rows), else goes to the first row."""
        keep = self.selected if keep_cursor else None
        self.rows = rows
        self._forget()
        self._resize()
        self.cursor = 0
        if keep is not None and rows:
            try:
                self.cursor = rows.index(keep)
            except ValueError:
                self.cursor = 0
        self.scroll_to(y=0, animate=False, immediate=True)
        self._scroll_to_cursor()
        self.refresh()
        self._highlighted()

    def redraw(self, keep: Collection[Hashable] = ()) -> None:
        """The rows' contents changed, not which rows are shown: every line is drawn again when
        next shown; the cursor and the scroll position stay. `keep`: the keys of rows whose
        contents are the same (their lines are kept, and not drawn again if on screen)."""
        if not keep:
            self._forget()
            self.refresh()
            return
        kept = set(keep)
        self._lines = {key: line for key, line in self._lines.items() if key in kept}
        self._styled = {look: line for look, line in self._styled.items() if look[0] in kept}
        top = int(self.scroll_offset.y)
        for position in range(top, min(len(self.rows), top + self.size.height)):
            if self.key(self.rows[position]) not in kept:
                self._refresh_position(position)

    def update_row(self, key: Hashable) -> None:
        """Row `key` changed: draw its line again (no other line is touched)."""
        self._lines.pop(key, None)
        for look in (PLAIN, CURSOR, HOVER):
            for striped in (0, 1):
                self._styled.pop((key, look + striped), None)
        top = int(self.scroll_offset.y)
        for position in range(top, min(len(self.rows), top + self.size.height)):
            if self.key(self.rows[position]) == key:
                self._refresh_position(position)

    def cells_at(self, position: int) -> Sequence[Text]:
        """The texts of the row at `position`, one per column."""
        if not 0 <= position < len(self.rows):
            raise IndexError(f"Row {position} is not in the table.")
        return self.cells(self.rows[position])

    def cell_text(self, item: T, column: str) -> str:
        keys = [key for key, _, _ in self._wanted or ()]
        return self.cells(item)[keys.index(column)].plain

    def _forget(self) -> None:
        self._lines.clear()
        self._styled.clear()
        self._header = None

    def _resize(self) -> None:
        size = Size(self._line_width, len(self.rows) + 1)
        if size == self.virtual_size:
            return
        if self._scrollbars_stay(size):
            # Only the number of rows changed, and the scrollbars stay as they are: a new virtual
            # size would lay the whole screen out again (5-9 ms on a filter of the Mix list) for
            # nothing that moves. The vertical scrollbar is told the new height instead, the
            # scroll position kept in range, and the table repainted.
            self.set_reactive(ProgramTable.virtual_size, size)
            if self.show_vertical_scrollbar:
                self.vertical_scrollbar.window_virtual_size = size.height
            if self.scroll_offset.y > self.max_scroll_y:
                self.scroll_to(y=self.max_scroll_y, animate=False, immediate=True)
            self.refresh()
            return
        self.virtual_size = size  # lays the screen out again: a scrollbar comes or goes

    def _scrollbars_stay(self, size: Size) -> bool:
        """True if the table, laid out already, would show the same scrollbars with `size` as
        its virtual size (the same width; rows that need a vertical scrollbar iff it shows)."""
        if not self.is_mounted or not self.size or size.width != self.virtual_size.width:
            return False
        if self.styles.overflow_y != "auto":
            return False
        height = self.container_size.height
        shown = self.show_vertical_scrollbar
        # Textual also checks the height left under a horizontal scrollbar: agree both ways.
        return (size.height > height) == shown and (
            size.height > height - self.scrollbar_size_horizontal
        ) == shown

    # -- drawing -------------------------------------------------------------------------------
    def line_plain(self, position: int) -> str:
        """The row at `position` as drawn (before it is cropped to the widget)."""
        return self._line(self.cells_at(position)).text

    def _line(self, texts: Sequence[Text]) -> Strip:
        line = Text(no_wrap=True, overflow="crop")
        pad = " " * PAD
        picked = self._picked
        if picked is not None:  # some given columns are left out at this width
            texts = [texts[i] for i in picked if i < len(texts)]
        for (_, _, width), text in zip(self.columns, texts, strict=False):
            line.append(pad)
            used = cell_len(text.plain)
            if used > width:
                text = text.copy()
                text.truncate(width, overflow=self.overflow)
                used = cell_len(text.plain)
            line.append_text(text)
            line.append(" " * (width - used) + pad)
        segments = [s for s in line.render(self.app.console) if s.text != "\n"]
        return Strip(segments, self._line_width)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._update_looks()  # once per repaint, not per line
        return super().render_lines(crop)

    def _update_looks(self) -> None:
        """The looks' styles: a focus change or a new theme shows here."""
        # As DataTable: a row's style is its component's (which holds the widget's background;
        # the widget's own style would tint it twice on focus), the cursor's over it.
        get = self.get_component_rich_style
        plain = get("program-table--odd-row")
        stripe = get("program-table--even-row")
        cursor = get("program-table--cursor")
        hover = get("program-table--hover")
        header = get("program-table--header")
        looks = (
            plain,
            stripe,
            plain + cursor,
            stripe + cursor,
            header,
            plain + hover,
            stripe + hover,
        )
        self._blank = self.rich_style
        if looks != self._looks:
            if self._looks:  # lines on screen drawn in the old look (only this repaint's are new)
                self.refresh()
            self._looks = looks
            self._styled.clear()
            self._header = None

    def render_line(self, y: int) -> Strip:
        scroll_x, scroll_y = self.scroll_offset
        width = self.size.width
        if not self._looks:
            self._update_looks()
        looks = self._looks
        if y == 0:
            header = self._header
            if header is None:
                labels = self._line([Text(label) for _, label, _ in self._wanted or ()])
                header = self._header = labels.apply_style(looks[HEADER])
            return header.crop_extend(scroll_x, scroll_x + width, looks[HEADER])
        position = scroll_y + y - 1
        if position >= len(self.rows):
            return Strip.blank(width, self._blank)
        striped = position % 2 == self._stripe
        if position == self.cursor and not self.cell_cursor:
            look = CURSOR + striped
        elif position == self._hover:
            look = HOVER + striped
        else:
            look = PLAIN + striped
        key = self.key(self.rows[position])
        style = looks[look]
        strip = self._styled.get((key, look))
        if strip is None:
            line = self._unstyled(key, position)
            # The cursor's colours with the texts' own; other looks under the texts' styles.
            strip = _over(line, style) if look - striped == CURSOR else line.apply_style(style)
            self._styled[(key, look)] = strip
        if self.cell_cursor and position == self.cursor and self.columns:
            # The cursor's look on its cell only (one line a repaint: not kept).
            start, end = self._cell_span(self.cursor_column)
            left, _, right = strip.divide([start, end, strip.cell_length])
            cell = _over(self._unstyled(key, position).crop(start, end), looks[CURSOR + striped])
            strip = Strip.join([left, cell, right])
        return strip.crop_extend(scroll_x, scroll_x + width, style)

    def _unstyled(self, key: Hashable, position: int) -> Strip:
        """Row `position`'s line (named `key`) before any look, built if not kept."""
        line = self._lines.get(key)
        if line is None:
            if len(self._lines) > MAX_CACHED:
                self._lines.clear()
                self._styled.clear()
            line = self._lines[key] = self._line(self.cells(self.rows[position]))
        return line

    def _cell_span(self, column: int) -> tuple[int, int]:
        """Where column `column` starts and ends on a line (its padding included)."""
        start = sum(width + 2 * PAD for _, _, width in self.columns[:column])
        return start, start + self.columns[column][2] + 2 * PAD

    def _column_at(self, x: int) -> int:
        """The column under `x` on a line (the last one past the end)."""
        for index, (_, _, width) in enumerate(self.columns):
            if x < width + 2 * PAD:
                return index
            x -= width + 2 * PAD
        return max(0, len(self.columns) - 1)

    def _refresh_position(self, position: int) -> None:
        top = int(self.scroll_offset.y)
        if top <= position < top + self.size.height - 1:
            self.refresh(Region(0, position - top + 1, self.size.width, 1))

    # -- the cursor ----------------------------------------------------------------------------
    def move_cursor(self, row: int | None = None, column: int | None = None) -> None:
        """Move the cursor to `row` and (a cell cursor) `column`; None keeps either."""
        self._move_to(self.cursor if row is None else row, column)

    def _move_to(self, position: int, column: int | None = None) -> None:
        if not self.rows:
            return
        old, old_column = self.cursor, self.cursor_column
        self.cursor = max(0, min(len(self.rows) - 1, position))
        if column is not None and self.cell_cursor and self.columns:
            self.cursor_column = max(0, min(len(self.columns) - 1, column))
        if self._scroll_to_cursor():
            self.refresh()
        else:
            self._refresh_position(old)
            self._refresh_position(self.cursor)
        if self.cursor != old or self.cursor_column != old_column:
            self._highlighted()

    def _highlighted(self) -> None:
        if not self.rows:
            return
        item = self.rows[self.cursor]
        if not self.cell_cursor:
            self.post_message(self.RowHighlighted(self.cursor, item))
        elif self.columns:
            column = self.columns[self.cursor_column][0]
            self.post_message(self.CellHighlighted(self.cursor, column, item))

    def _visible_rows(self) -> int:
        """Rows on screen below the header, above a horizontal scrollbar if there is one (a
        table wider than its space has one: the cursor's row must not end up under it)."""
        return max(1, self.scrollable_content_region.height - 1)

    def _scroll_to_cursor(self) -> bool:
        """Scroll so the cursor's row (a cell cursor's cell) shows; True if it scrolled."""
        visible = self._visible_rows()
        top = int(self.scroll_offset.y)
        y: int | None = None
        if self.cursor < top:
            y = self.cursor
        elif self.cursor >= top + visible:
            y = self.cursor - visible + 1
        x: int | None = None
        if self.cell_cursor and self.columns:
            start, end = self._cell_span(self.cursor_column)
            left = int(self.scroll_offset.x)
            width = max(1, self.scrollable_content_region.width)
            if start < left:
                x = start
            elif end > left + width:
                x = min(start, end - width)  # a cell wider than the table shows its start
        if x is None and y is None:
            return False
        self.scroll_to(x=x, y=y, animate=False, immediate=True)
        return True

    def action_move(self, step: int) -> None:
        self._set_hover(None)
        self._move_to(self.cursor + step)

    def action_page(self, direction: int) -> None:
        self._set_hover(None)
        self._move_to(self.cursor + direction * max(1, self._visible_rows() - 1))

    def action_edge(self, end: int) -> None:
        self._set_hover(None)
        self._move_to(len(self.rows) - 1 if end else 0)

    def action_column(self, step: int) -> None:
        """Left/right: a cell cursor moves between columns; a row cursor scrolls sideways."""
        if not self.cell_cursor:
            if step < 0:
                self.action_scroll_left()
            else:
                self.action_scroll_right()
            return
        self._set_hover(None)
        self._move_to(self.cursor, self.cursor_column + step)

    # -- the mouse -----------------------------------------------------------------------------
    def _set_hover(self, position: int | None) -> None:
        if position != self._hover:
            old, self._hover = self._hover, position
            for changed in (old, position):
                if changed is not None:
                    self._refresh_position(changed)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._hover_shown:
            return
        position = int(self.scroll_offset.y) + event.y - 1
        self._set_hover(position if event.y >= 1 and position < len(self.rows) else None)

    def on_leave(self, event: events.Leave) -> None:
        self._set_hover(None)

    def on_click(self, event: events.Click) -> None:
        scroll_x, scroll_y = self.scroll_offset
        column = self._column_at(event.x + scroll_x)
        if event.y == 0:
            if self.columns:
                self.post_message(self.HeaderSelected(self.columns[column][0]))
            return
        self._move_to(scroll_y + event.y - 1, column if self.cell_cursor else None)
        if event.chain >= 2 and self.selected is not None:
            self.post_message(self.RowActivated(self.selected))


def _over(line: Strip, style: Style) -> Strip:
    """`line` in `style`'s colours (a cursor's) with its texts' own styles over them."""
    return Strip(
        [Segment(s.text, style + s.style if s.style else style) for s in line],
        line.cell_length,
    )
