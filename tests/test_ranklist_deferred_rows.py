"""A long rank list's table: the rows around the cursor are added with the table and the rest
just after its first frame; the table ends up exactly as an all-at-once fill (same widths,
same cells), and a change while rows are still coming rebuilds it right."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text
from textual.app import App, ComposeResult
from textual.widgets import DataTable

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.screens import ranklist
from matchtui.screens.ranklist import FIRST_RANK_ROWS, rows_pending, sync_table
from matchtui.store import PROGRAMS
from tests.test_ranklist_pane import TODAY

COLUMNS = [("#", "rank"), ("Program", "program"), ("Chance", "chance")]


def _rows(count: int, tag: str = "") -> list[tuple[str, list[Any]]]:
    return [
        (
            f"r{i}",
            [
                str(i + 1),
                Text(f"Program {i:04d}{tag}" + (" Regional" * (i % 7 == 3)), style="dim"),
                "[b]5%[/b] :smile:" if i == 5 else f"{i % 90}%*",
            ],
        )
        for i in range(count)
    ]


class Pair(App[None]):
    def compose(self) -> ComposeResult:
        yield DataTable(id="eager")
        yield DataTable(id="deferred")


def _drawn(table: DataTable[Any]) -> list[list[Any]]:
    return [list(table.get_row_at(i)) for i in range(table.row_count)]


def _widths(table: DataTable[Any]) -> list[int]:
    return [column.width for column in table.ordered_columns]


async def _settle(pilot: Any, table: DataTable[Any]) -> None:
    for _ in range(50):
        if not rows_pending(table):
            break
        await pilot.pause()
    assert not rows_pending(table)


async def test_deferred_rows_end_as_an_eager_fill_and_a_change_meanwhile_rebuilds() -> None:
    rows = _rows(3 * ranklist.DEFER_ROWS + 17)
    app = Pair()
    async with app.run_test(size=(100, 30)) as pilot:
        eager = app.query_one("#eager", DataTable)
        deferred = app.query_one("#deferred", DataTable)
        sync_table(eager, COLUMNS, rows, {})
        shown: dict[str, list[Any]] = {}
        sync_table(deferred, COLUMNS, rows, shown, now=40)
        assert deferred.row_count == 40 and rows_pending(deferred)
        assert _widths(deferred) == _widths(eager)  # from every row, not the first 40
        await _settle(pilot, deferred)
        assert _drawn(deferred) == _drawn(eager)
        assert list(shown) == [key for key, _ in rows]
        # A change while rows are still to come: the table is rebuilt from the new rows.
        changed = _rows(len(rows), tag="x")
        sync_table(deferred, COLUMNS, rows, shown, now=10)
        sync_table(deferred, COLUMNS, changed, shown, now=10)
        sync_table(eager, COLUMNS, changed, {})
        await _settle(pilot, deferred)
        assert _drawn(deferred) == _drawn(eager)
        # Once all are in, a change of one row is made in place.
        moved = list(changed)
        moved[1], moved[2] = (moved[1][0], moved[2][1]), (moved[2][0], moved[1][1])
        sync_table(deferred, COLUMNS, moved, shown, now=10)
        assert deferred.row_count == len(rows) and not rows_pending(deferred)
        sync_table(eager, COLUMNS, moved, {})
        assert _drawn(deferred) == _drawn(eager)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=12), st.text(max_size=12).map(Text)))
def test_cell_width_is_the_drawn_width(cell: Any) -> None:
    assert ranklist._cell_width(cell) == ranklist._width(ranklist._cell(cell))


async def test_a_long_rank_list_shows_its_first_rows_then_all(workspace: Any) -> None:
    workspace.store.save(PROGRAMS, make_programs(workspace.catalog, 3000))
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        table = screen.query_one("#rank-table", DataTable)
        count = len(screen.items)
        assert count > FIRST_RANK_ROWS + ranklist.DEFER_ROWS
        await _settle(pilot, table)
        assert table.row_count == count
        names = [str(table.get_row_at(i)[1]) for i in range(count)]
        assert names == [item.program for item in screen.items]
