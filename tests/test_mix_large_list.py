"""A large program list stays responsive: the table fills in chunks and ends up complete."""

from __future__ import annotations

import datetime as dt
from typing import Any

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.store import PROGRAMS
from matchtui.widgets.mix_programs import FILL_CHUNK, Filters, ProgramsPanel, visible


async def wait_for_rows(pilot: Any, table: Any, expected: int) -> None:
    for _ in range(100):
        if table.row_count == expected:
            return
        await pilot.pause()
    raise AssertionError(f"table has {table.row_count} rows, expected {expected}")


async def test_big_list_fills_in_chunks_and_a_new_filter_supersedes_the_old(
    workspace: Any,
) -> None:
    programs = make_programs(workspace.catalog, 3 * FILL_CHUNK + 17)
    workspace.store.save(PROGRAMS, programs)
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(ProgramsPanel)
        table = panel.query_one("#programs-table")
        await wait_for_rows(pilot, table, len(programs.programs))
        panel.filters = Filters("community")
        panel._fill_table()
        assert table.row_count == FILL_CHUNK  # the first chunk is there at once
        panel.filters = Filters("academic")
        panel._fill_table()  # supersedes the community fill mid-way
        expected = visible(programs, panel.filters, workspace.catalog)
        await wait_for_rows(pilot, table, len(expected))
        await pilot.pause()
        assert table.row_count == len(expected)
        names = {str(table.get_row_at(i)[0]) for i in range(table.row_count)}
        assert names == {p.name for _, p in expected}
