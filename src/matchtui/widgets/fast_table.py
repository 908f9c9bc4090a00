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
- `total_rows` (items in the fill) vs `row_count` (rows loaded so far); `load_all()` for tests
  or an export that needs every row in the table.
- Cells are `Cell`s (a rich Text that DataTable does not measure): with fixed widths a cell's
  measured width is never used, and measuring each new cell (a copy of the console's options,
  ~15 us) was a third of a fill.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Generic, TypeVar

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist, RowDoesNotExist

T = TypeVar("T")
Row = tuple[str, Sequence[Text]]


class Cell(Text):
    """A cell's text, drawn exactly as a Text. It has no measure: DataTable measures every new
    cell only to widen auto-width columns, and a FastTable's columns all have fixed widths."""

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
        self._column_keys: list[str] = []
        self._columns_set: list[tuple[str, str, int]] | None = None

    def on_mount(self) -> None:
        self.watch(self, "scroll_y", self._scrolled, init=False)

    def set_columns(self, columns: Sequence[tuple[str, str, int]]) -> None:
        """(key, header, width) per column; a change of widths empties the table."""
        wanted = list(columns)
        if wanted == self._columns_set:
            return
        self._columns_set = wanted
        if self.columns:
            self.clear(columns=True)
            self._loaded = 0
        self._column_keys = [key for key, _label, _width in wanted]
        for key, label, width in wanted:
            self.add_column(label, key=key, width=width)

    @property
    def total_rows(self) -> int:
        return len(self._items)

    def fill(self, items: Sequence[T], make_row: Callable[[T], Row]) -> None:
        """Replace every row with one per item; only the first page is loaded now."""
        self.clear()
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
        add_row = self.add_row
        for item in self._items[start:stop]:
            key, cells = make_row(item)
            add_row(*cells, key=key)
        self._loaded = stop

    def _load_near(self, row: int) -> None:
        if self._loaded < len(self._items) and row >= self._loaded - self.PAGE_ROWS // 2:
            self._load(row + self.PAGE_ROWS - self._loaded)

    def _scrolled(self, scroll_y: float) -> None:
        self._load_near(int(scroll_y) + self.size.height)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._load_near(event.cursor_row)  # the message goes on to the parents as usual

    def replace_row(self, key: str, cells: Sequence[Text]) -> bool:
        """Update the cells of row `key` that changed; False if the row is not loaded (filtered
        out, or not reached yet: it is built from the item when it loads)."""
        try:
            current = self.get_row(key)
        except RowDoesNotExist:
            return False
        for column, old, new in zip(self._column_keys, current, cells, strict=False):
            if old != new:
                try:
                    self.update_cell(key, column, new)
                except CellDoesNotExist:
                    return False
        return True
