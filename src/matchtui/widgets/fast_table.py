"""A DataTable for long lists (thousands of rows) that never freezes the app.

Use it for any table fed from the applicant's program list (Mix pane, Applications pane).

Why not a plain DataTable fill: DataTable keys every render cache on a counter that each
`add_row` bumps, so while rows stream in, every repaint re-renders every visible cell and
recomputes the offsets of all rows; with 20,000 rows that is seconds of blocked event loop, in
slices or not. And measuring every cell (70% of a fill) happens at idle anyway.

What it does instead:

- `fill(items, make_row)`: only the rows near what is on screen are in the table. A fill adds
  the first page (a few screenfuls, ~10 ms) and returns; further pages are added as the cursor or
  the scroll position comes within half a page of the last loaded row. A filter or sort change
  therefore costs the same at 100 or 20,000 programs, and rows never seen cost no memory.
  `make_row(item)` returns `(row_key, cells)` and is called only when a row is loaded.
- `set_columns([(key, label, width), ...])`: fixed widths (work them out from the data once, e.g.
  the longest name), so columns never jump as pages load and a cell update never re-measures.
- `replace_row(key, cells)`: one row changes in place (a status change), no refill.
- Each row is drawn as ONE DataTable cell: the row's texts cropped and padded to their columns'
  widths, two spaces apart (exactly the cells and the padding DataTable would draw). DataTable
  re-renders every visible cell after any change, and its cost is per cell: one cell a row
  instead of nine makes a re-render (a status change, a filter) ~3x cheaper. The header is
  one cell too; a click on it is reported as `DataTable.HeaderSelected` for the column under
  the mouse, so callers see the columns they set. Read a row's texts with `cells_at(row)` or
  `row_cells(key)` (`get_row` gives the drawn line).
- `total_rows` (items in the fill) vs `row_count` (rows loaded so far); `load_all()` for tests
  or an export that needs every row in the table.
- Cells are `Cell`s (a rich Text that DataTable does not measure): with fixed widths a cell's
  measured width is never used, and measuring each new cell (a copy of the console's options,
  ~15 us) was a third of a fill.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, ColumnKey, RowDoesNotExist

T = TypeVar("T")
Row = tuple[str, Sequence[Text]]
# The one DataTable column that holds each row's line.
LINE = "line"
GAP = 2  # between two columns: the right padding of one cell and the left of the next


class Cell(Text):
    """A cell's text, drawn exactly as a Text. It has no measure: DataTable measures every new
    cell only to widen auto-width columns, and a FastTable's column has a fixed width."""

    __rich_measure__ = None  # type: ignore[assignment]


class FastTable(DataTable[Text], Generic[T]):
    # Rows loaded by a fill (at least a screenful and a half), and per further page (loaded
    # when the cursor or the scroll comes within half a page of the last loaded row).
    PAGE_ROWS = 60
    FIRST_ROWS = PAGE_ROWS

    def __init__(self, *, id: str | None = None, zebra_stripes: bool = True) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        self._items: Sequence[Any] = ()
        self._make_row: Callable[[Any], Row] | None = None
        self._loaded = 0
        self._columns_set: list[tuple[str, str, int]] = []
        self._cells: dict[str, Sequence[Text]] = {}  # row key -> its texts, for loaded rows
        self._click_x: int | None = None

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)

    def set_columns(self, columns: Sequence[tuple[str, str, int]]) -> None:
        """(key, header, width) per column; a change of widths empties the table."""
        wanted = list(columns)
        if wanted == self._columns_set and self.columns:
            return
        self._columns_set = wanted
        if self.columns:
            self.clear(columns=True)
            self._loaded = 0
            self._cells.clear()
        header = self._line([Text(label) for _key, label, _width in wanted])
        width = sum(width for _key, _label, width in wanted) + GAP * max(0, len(wanted) - 1)
        self.add_column(header, key=LINE, width=width)

    def _line(self, cells: Sequence[Text]) -> Cell:
        """The row's texts as one line: each cropped to its column (as DataTable crops a cell
        of height 1) and padded to it, two spaces between columns."""
        line = Cell()
        last = len(self._columns_set) - 1
        for position, ((_key, _label, width), cell) in enumerate(
            zip(self._columns_set, cells, strict=False)
        ):
            text = cell
            used = cell_len(text.plain)
            if used > width:
                text = cell.copy()
                text.truncate(width)
                used = cell_len(text.plain)
            line.append_text(text)
            pad = width - used + (GAP if position < last else 0)
            if pad:
                line.append(" " * pad)
        return line

    @property
    def total_rows(self) -> int:
        return len(self._items)

    def fill(self, items: Sequence[T], make_row: Callable[[T], Row]) -> None:
        """Replace every row with one per item; only the first page is loaded now."""
        self.clear()
        self._cells.clear()
        self._items = items
        self._make_row = make_row
        self._loaded = 0
        self._load(max(self.FIRST_ROWS, self.size.height + self.PAGE_ROWS // 2))

    def load_all(self) -> None:
        self._load(len(self._items) - self._loaded)

    def _load(self, count: int) -> None:
        make_row = self._make_row
        if make_row is None or count <= 0:
            return
        start = self._loaded
        stop = min(len(self._items), start + count)
        add_row, line, cells_of = self.add_row, self._line, self._cells
        for item in self._items[start:stop]:
            key, cells = make_row(item)
            cells_of[key] = cells
            add_row(line(cells), key=key)
        self._loaded = stop

    def _load_near(self, row: int) -> None:
        if self._loaded < len(self._items) and row >= self._loaded - self.PAGE_ROWS // 2:
            self._load(row + self.PAGE_ROWS - self._loaded)

    def _scrolled(self, scroll_y: float) -> None:
        self._load_near(int(scroll_y) + self.size.height)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._load_near(event.cursor_row)  # the message goes on to the parents as usual

    # -- a row's texts -------------------------------------------------------------------------
    def row_cells(self, key: str) -> Sequence[Text]:
        """The texts of loaded row `key`, one per column (RowDoesNotExist if not loaded)."""
        try:
            return self._cells[key]
        except KeyError:
            raise RowDoesNotExist(f"Row key {key!r} is not loaded.") from None

    def cells_at(self, row: int) -> Sequence[Text]:
        """The texts of the row at position `row`, one per column."""
        if not self.is_valid_row_index(row):
            raise RowDoesNotExist(f"Row index {row!r} is not valid.")
        key = self.coordinate_to_cell_key(Coordinate(row, 0)).row_key.value
        return self.row_cells(str(key))

    def replace_row(self, key: str, cells: Sequence[Text]) -> bool:
        """Show `cells` in row `key` if they differ from what it shows; False if the row is not
        loaded (filtered out, or not reached yet: it is built from the item when it loads)."""
        current = self._cells.get(key)
        if current is None:
            return False
        if list(current) == list(cells):
            return True
        try:
            self.update_cell(key, LINE, self._line(cells))
        except (CellDoesNotExist, RowDoesNotExist):
            return False
        self._cells[key] = cells
        return True

    # -- the header: a click names the column under the mouse ------------------------------------
    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        self._click_x = None if offset is None else offset.x + int(self.scroll_x)

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        if event.column_key.value != LINE:
            return  # one this table reported: on to the parents
        event.stop()
        x = self._click_x
        if x is None:
            return
        x -= 1  # the cell's left padding
        for index, (key, label, width) in enumerate(self._columns_set):
            if x < width + GAP // 2 or index == len(self._columns_set) - 1:
                self.post_message(
                    DataTable.HeaderSelected(self, ColumnKey(key), index, Text(label))
                )
                return
            x -= width + GAP
