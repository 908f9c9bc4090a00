"""A DataTable for long lists (thousands of rows) that never freezes the app.

Use it for any table fed from the applicant's program list (Mix pane, Applications pane):

- `set_columns([(key, label, width), ...])`: fixed widths (work them out from the data once,
  e.g. the longest name, not per cell). Column widths never change while rows stream in, so
  the table is not re-laid out for every slice, and a cell update never re-measures a column.
- `fill(items, make_row)`: the first rows (a screenful and more) go in at once, so the key
  that asked for them is answered in the same frame; the rest are added by an exclusive async
  worker, a few milliseconds at a time, with `await asyncio.sleep(0)` between slices so keys,
  timers and repaints run in between. A newer fill cancels an older one still running.
  `make_row(item)` returns `(row_key, cells)` and is called only as each row goes in.
- `replace_row(key, cells)`: one row changes in place (a status change), no refill.
- `filling`: True while rows are still streaming in; `wait_filled()` for tests.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.text import Text
from textual.widgets import DataTable
from textual.widgets.data_table import CellDoesNotExist

T = TypeVar("T")
Row = tuple[str, Sequence[Text]]


class FastTable(DataTable[Text], Generic[T]):
    # Rows added at once by fill(): more than a screenful, and ~5 ms on this machine.
    FIRST_ROWS = 80
    # Longest run of row additions between two yields to the event loop, in seconds.
    SLICE_SECONDS = 0.006

    def __init__(self, *, id: str | None = None, zebra_stripes: bool = True) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=zebra_stripes)
        self._generation = 0
        self._filling = False
        self._filled = asyncio.Event()
        self._filled.set()
        self._column_keys: list[str] = []

    def set_columns(self, columns: Sequence[tuple[str, str, int]]) -> None:
        """(key, header, width) per column; a change of widths empties the table."""
        wanted = list(columns)
        if wanted == getattr(self, "_columns_set", None):
            return
        self._columns_set = wanted
        if self.columns:
            self.clear(columns=True)
        self._column_keys = [key for key, _label, _width in wanted]
        for key, label, width in wanted:
            self.add_column(label, key=key, width=width)

    @property
    def filling(self) -> bool:
        return self._filling

    async def wait_filled(self) -> None:
        await self._filled.wait()

    def fill(self, items: Sequence[T], make_row: Callable[[T], Row]) -> None:
        """Replace every row with one per item (see the module docstring)."""
        self._generation += 1
        generation = self._generation
        self.clear()
        first = min(len(items), self.FIRST_ROWS)
        self._add(items, 0, first, make_row)
        if first < len(items):
            self._filling = True
            self._filled.clear()
            self.run_worker(
                self._fill_rest(generation, items, first, make_row),
                exclusive=True,
                group="fast-table-fill",
                exit_on_error=True,
            )
        else:
            self.workers.cancel_group(self, "fast-table-fill")
            self._done_filling()

    def _add(self, items: Sequence[T], start: int, stop: int, make_row: Callable[[T], Row]) -> None:
        add_row = self.add_row
        for item in items[start:stop]:
            key, cells = make_row(item)
            add_row(*cells, key=key)

    async def _fill_rest(
        self, generation: int, items: Sequence[T], start: int, make_row: Callable[[T], Row]
    ) -> None:
        add_row = self.add_row
        clock = time.perf_counter
        index = start
        total = len(items)
        try:
            while index < total:
                await asyncio.sleep(0)
                if generation != self._generation:
                    return
                deadline = clock() + self.SLICE_SECONDS
                while index < total:
                    key, cells = make_row(items[index])
                    add_row(*cells, key=key)
                    index += 1
                    if not index % 16 and clock() > deadline:
                        break
        finally:
            if generation == self._generation:
                self._done_filling()

    def _done_filling(self) -> None:
        self._filling = False
        self._filled.set()

    def replace_row(self, key: str, cells: Sequence[Text]) -> bool:
        """Update the cells of row `key` that changed; False if the row is not in the table
        (filtered out, or not streamed in yet)."""
        try:
            current = self.get_row(key)
        except Exception:  # RowDoesNotExist
            return False
        for column, old, new in zip(self._column_keys, current, cells, strict=False):
            if old != new:
                try:
                    self.update_cell(key, column, new)
                except CellDoesNotExist:
                    return False
        return True
