"""sync_table fixes each column's width to what DataTable's auto width would be, and draws the
same cells (str cells read as markup), without DataTable measuring every cell."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from matchtui.screens.ranklist import sync_table

COLUMNS = [("#", "rank"), ("Program", "program"), ("Chance", "chance")]


def _chance(i: int) -> str:
    return "[b]5%[/b] :smile:" if i == 2 else f"{i * 7}%*"  # str cells are markup, with emoji


def _rows(names: list[str]) -> list[tuple[str, list[Any]]]:
    return [
        (f"r{i}", [str(i + 1), Text(name, style="strike dim" if i == 1 else ""), _chance(i)])
        for i, name in enumerate(names)
    ]


class Pair(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="auto")
        yield DataTable(id="fixed")


def _auto_fill(table: DataTable[Any], rows: list[tuple[str, list[Any]]]) -> None:
    table.clear(columns=True)
    for label, key in COLUMNS:
        table.add_column(label, key=key)
    for key, cells in rows:
        table.add_row(*cells, key=key)


def _widths(table: DataTable[Any]) -> list[int]:
    return [column.get_render_width(table) for column in table.ordered_columns]


async def test_widths_and_cells_match_auto_width_columns() -> None:
    names = ["Alpha Medical Center", "Bé 東京 Hospital", "[bold]x[/]", "Gamma"]
    app = Pair()
    async with app.run_test(size=(100, 20)) as pilot:
        auto = app.query_one("#auto", DataTable)
        fixed = app.query_one("#fixed", DataTable)
        shown: dict[str, list[Any]] = {}
        _auto_fill(auto, _rows(names))
        sync_table(fixed, COLUMNS, _rows(names), shown)
        await pilot.pause()
        assert _widths(fixed) == _widths(auto)
        for row in range(len(names)):
            drawn = fixed.get_row_at(row)
            assert str(drawn[1]) == names[row]
            assert drawn[2] == Text.from_markup(_chance(row), end="")
        # A longer name widens its column, and a shorter one narrows it, as an auto width does.
        longer = [*names[:3], "Gamma Regional Medical Center (A)"]
        for key, cells in _rows(longer):
            for (_, column), cell in zip(COLUMNS, cells, strict=True):
                auto.update_cell(key, column, cell, update_width=True)
        sync_table(fixed, COLUMNS, _rows(longer), shown)
        await pilot.pause()
        assert _widths(fixed) == _widths(auto)
        shorter = [*names[:3], "G"]
        for key, cells in _rows(shorter):
            for (_, column), cell in zip(COLUMNS, cells, strict=True):
                auto.update_cell(key, column, cell, update_width=True)
        sync_table(fixed, COLUMNS, _rows(shorter), shown)
        await pilot.pause()
        assert _widths(fixed) == _widths(auto)
        assert str(fixed.get_row_at(3)[1]) == "G"
