"""The Mix pane's program table (widgets/program_table.py, a virtual table) draws each row as
one line: the row's texts cropped and padded to their columns, a header click sorts by the
column under the mouse, and a status change, filter or sort shows the right rows."""

from __future__ import annotations

import datetime as dt
from typing import Any

from rich.cells import cell_len
from rich.text import Text

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.models.programs import PROGRAM_STATUSES, STAGE_LABELS, Program
from matchtui.store import PROGRAMS
from matchtui.widgets.mix_programs import SORT_KEYS, Filters, ProgramsPanel, visible
from matchtui.widgets.program_table import ProgramTable

TODAY = dt.date(2026, 11, 23)
GAP = 2  # between two columns


async def _open(workspace: Any, pilot: Any, app: MatchApp) -> tuple[ProgramsPanel, Any]:
    await pilot.pause()
    await pilot.press("l")
    await pilot.pause()
    panel = app.screen.query_one(ProgramsPanel)
    return panel, panel.query_one("#programs-table", ProgramTable)


def _expected_line(table: Any, cells: list[Text]) -> str:
    parts = []
    for (_key, _label, width), cell in zip(table.columns, cells, strict=True):
        plain = cell.plain
        while cell_len(plain) > width:
            plain = plain[:-1]
        parts.append(plain + " " * (width - cell_len(plain)))
    return " " + (" " * GAP).join(parts) + " "


def _names(table: Any) -> list[str]:
    return [str(table.cells_at(i)[0]) for i in range(table.row_count)]


async def test_each_line_is_its_cells_cropped_and_padded(workspace: Any) -> None:
    programs = make_programs(workspace.catalog, 6)
    long_name = "Ünïversity 東京 " + "Very Long Program Name " * 4  # over the widest column
    first = programs.programs[0].model_copy(update={"name": long_name, "city": "Zürich 大阪"})
    programs = programs.model_copy(update={"programs": [first, *programs.programs[1:]]})
    workspace.store.save(PROGRAMS, programs)
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        _, table = await _open(workspace, pilot, app)
        assert table.row_count == 6
        for row in range(table.row_count):
            cells = list(table.cells_at(row))
            assert table.line_plain(row) == _expected_line(table, cells)
        widths = [width for _key, _label, width in table.columns]
        assert widths[0] == 60  # the name column's widest
        assert table.virtual_size.width == sum(widths) + GAP * len(widths)


async def test_a_header_click_sorts_by_the_column_under_the_mouse(workspace: Any) -> None:
    programs = make_programs(workspace.catalog, 30)
    workspace.store.save(PROGRAMS, programs)
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(160, 40)) as pilot:
        panel, table = await _open(workspace, pilot, app)
        start = 0
        for key, _label, width in list(table.columns):
            for x in (start, start + width + 1):  # a column's first cell and its last
                await pilot.click("#programs-table", offset=(x, 0))
                await pilot.pause()
                if key in SORT_KEYS:
                    assert panel.filters.sort == key, (key, x)
            start += width + GAP
        # Twice on the same column: the order turns round.
        await pilot.click("#programs-table", offset=(1, 0))
        await pilot.pause()
        await pilot.click("#programs-table", offset=(1, 0))
        await pilot.pause()
        assert panel.filters.sort == "name"
        expected = visible(programs, panel.filters, workspace.catalog)
        assert _names(table) == [p.name for _, p in expected]


async def test_filter_sort_and_status_change_show_the_right_rows(workspace: Any) -> None:
    programs = make_programs(workspace.catalog, 400)
    workspace.store.save(PROGRAMS, programs)
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        panel, table = await _open(workspace, pilot, app)
        for filters in (
            Filters(tier="community"),
            Filters(tier="academic", sort="state"),
            Filters(status="applied", sort="tier", reverse=True),
            Filters(),
        ):
            panel.filters = filters
            panel._fill_table()
            await pilot.pause()
            expected = visible(programs, filters, workspace.catalog)
            assert table.row_count == len(expected)
            assert _names(table) == [p.name for _, p in expected]
            for row in range(min(5, table.row_count)):
                assert table.line_plain(row) == _expected_line(table, list(table.cells_at(row)))
        # A status change: that row's line and texts change, no other row's.
        table.focus()
        table.move_cursor(row=3)
        await pilot.pause()
        before = [table.line_plain(i) for i in range(table.row_count)]
        index, program = visible(programs, Filters(), workspace.catalog)[3]
        await pilot.press("s")
        await pilot.pause()
        following = PROGRAM_STATUSES[
            (PROGRAM_STATUSES.index(program.status) + 1) % len(PROGRAM_STATUSES)
        ]
        after = [table.line_plain(i) for i in range(table.row_count)]
        assert [i for i in range(len(before)) if before[i] != after[i]] == [3]
        assert str(table.cells_at(3)[1]) == STAGE_LABELS[following]
        assert f"  {STAGE_LABELS[following]}  " in after[3]  # the column after the name
        current: Program = panel.programs.programs[index]
        assert current.status == following


def test_shown_rows_are_read_only_as_far_as_asked(catalog: Any) -> None:
    from matchtui.widgets.mix_programs import ListIndex

    programs = make_programs(catalog, 500)
    index = ListIndex(programs, catalog)
    for filters in (
        Filters(),
        Filters(tier="community", sort="state", reverse=True),
        Filters(region="west", status="applied", sort="tier"),
        Filters(tier="academic", region="northeast", status="withdrawn"),
    ):
        expected = index.visible(filters)
        shown = index.shown(filters)
        assert len(shown) == len(expected)
        assert shown[:3] == expected[:3]
        assert len(shown._read) <= 3  # nothing read beyond what was asked
        assert shown[10:20] == expected[10:20]
        if expected:
            assert shown[-1] == expected[-1] and shown[0] == expected[0]
        assert list(shown) == expected


def test_prepared_orders_match_orders_made_on_demand(catalog: Any) -> None:
    from matchtui.widgets.mix_programs import ListIndex

    programs = make_programs(catalog, 300)
    prepared = ListIndex(programs, catalog)
    prepared.prepare()
    # A status change after preparing: the status order is made afresh from the new statuses.
    program = programs.programs[7].model_copy(update={"status": "ranked"})
    items = list(programs.programs)
    items[7] = program
    changed = programs.model_copy(update={"programs": items})
    prepared.replaced(7, program, changed)
    for sort in SORT_KEYS:
        for reverse in (False, True):
            filters = Filters(sort=sort, reverse=reverse)
            assert prepared.visible(filters) == ListIndex(changed, catalog).visible(filters)


def test_a_status_change_moves_one_program_in_the_status_order(catalog: Any) -> None:
    from matchtui.widgets.mix_programs import ListIndex

    programs = make_programs(catalog, 400)
    index = ListIndex(programs, catalog)
    filters = Filters(sort="status")
    before = index.visible(filters)
    reading = index.shown(filters)
    assert reading[:5] == before[:5]  # a fill has read its first rows
    changed = programs
    for at, status in ((before[300][0], "planned"), (before[2][0], "withdrawn")):
        program = changed.programs[at].model_copy(update={"status": status})
        items = list(changed.programs)
        items[at] = program
        changed = changed.model_copy(update={"programs": items})
        index.replaced(at, program, changed)
        for reverse in (False, True):
            wanted = Filters(sort="status", reverse=reverse)
            assert index.visible(wanted) == ListIndex(changed, catalog).visible(wanted)
    assert list(reading) == before  # the fill's rows are read from the order it started with


def test_a_prepared_status_order_is_kept_only_if_no_status_changed_meanwhile(
    catalog: Any,
) -> None:
    from matchtui.widgets.mix_programs import ListIndex

    programs = make_programs(catalog, 300)
    index = ListIndex(programs, catalog)
    changes, order = index.prepare()  # (in a worker thread in the app)
    index.adopt_status_order(changes, order)
    assert index._orders["status"] == order  # ready: a sort by status is not a sort
    wanted = Filters(sort="status")
    assert index.visible(wanted) == ListIndex(programs, catalog).visible(wanted)

    late = ListIndex(programs, catalog)
    changes, order = late.prepare()
    program = programs.programs[5].model_copy(update={"status": "withdrawn"})
    items = list(programs.programs)
    items[5] = program
    changed = programs.model_copy(update={"programs": items})
    late.replaced(5, program, changed)  # a status change while the order was being made
    late.adopt_status_order(changes, order)
    assert "status" not in late._orders  # made afresh when asked for, from the new statuses
    assert late.visible(wanted) == ListIndex(changed, catalog).visible(wanted)
