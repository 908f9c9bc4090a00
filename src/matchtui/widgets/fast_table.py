"""A cell text for DataTables with fixed column widths (the Rank list's table).

(The program lists' table, which this module held, is widgets/program_table.py.)
"""

from __future__ import annotations

from rich.text import Text


class Cell(Text):
    """A cell's text, drawn exactly as a Text. It has no measure: DataTable measures every new
    cell only to widen auto-width columns (a copy of the console's options, ~15 us a cell), and
    a column of fixed width never uses it."""

    __rich_measure__ = None  # type: ignore[assignment]
