"""A large program list stays responsive: the table reads only the rows it draws (more as you
move), a status change updates one row in place, and the list is saved off the UI thread (the
newest list always wins)."""

from __future__ import annotations

import datetime as dt
import threading
import tomllib
from pathlib import Path
from typing import Any

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.models.programs import PROGRAM_STATUSES, STAGE_LABELS
from matchtui.store import PROGRAMS, Store
from matchtui.widgets.mix_programs import Filters, ProgramsPanel, visible

PAGE = 60  # rows: a few screenfuls


async def open_big_list(workspace: Any, pilot: Any, app: Any, count: int) -> tuple[Any, Any]:
    await pilot.pause()
    panel = app.screen.query_one(ProgramsPanel)
    table = panel.query_one("#programs-table")
    assert table.row_count == count
    return panel, table


async def test_big_list_reads_the_rows_drawn_and_more_as_the_cursor_moves(workspace: Any) -> None:
    programs = make_programs(workspace.catalog, 10 * PAGE + 17)
    workspace.store.save(PROGRAMS, programs)
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        panel, table = await open_big_list(workspace, pilot, app, len(programs.programs))
        assert len(table.rows._read) <= 40  # at most a screenful, whatever the list's size
        panel.filters = Filters("community")
        panel._fill_table()
        expected = visible(programs, panel.filters, workspace.catalog)
        assert table.row_count == len(expected) and len(table.rows._read) <= 40
        await pilot.press("l")
        table.focus()
        await pilot.pause()
        for _ in range(PAGE):  # walk down past the first screenfuls
            await pilot.press("down")
        await pilot.pause()
        assert PAGE < len(table.rows._read) < len(expected)
        names = [str(table.cells_at(i)[0]) for i in range(table.row_count)]
        assert names == [p.name for _, p in expected]  # in order, none from an older fill
        status = panel.query_one("#programs-count")
        assert f"{len(expected)} of {len(programs.programs)}" in str(status.render())


def test_list_index_matches_a_plain_filter_and_sort(catalog: Any) -> None:
    from matchtui.engine.programs import region_of

    programs = make_programs(catalog, 600)
    for sort in ("name", "state", "region", "tier", "status", "specialty"):
        for reverse in (False, True):
            for tier, region in (("all", "all"), ("community", "all"), ("all", "west")):
                filters = Filters(tier, region, "all", sort, reverse)
                rows = [
                    (i, p)
                    for i, p in enumerate(programs.programs)
                    if (tier == "all" or p.tier == tier)
                    and (region == "all" or region_of(p, catalog) == region)
                ]

                def key(row: tuple[int, Any], sort: str = sort) -> tuple[Any, ...]:
                    p = row[1]
                    by = {
                        "name": p.name.lower(),
                        "state": p.state,
                        "region": region_of(p, catalog),
                        "tier": ("academic", "mid_tier", "community").index(p.tier),
                        "status": PROGRAM_STATUSES.index(p.status),
                        "specialty": p.specialty,
                    }[sort]
                    return (by, p.name.lower(), row[0])

                assert visible(programs, filters, catalog) == sorted(rows, key=key, reverse=reverse)


async def test_status_change_updates_one_row_and_saves_off_the_ui_thread(
    workspace: Any, home: Path, monkeypatch: Any
) -> None:
    programs = make_programs(workspace.catalog, 4 * PAGE)
    workspace.store.save(PROGRAMS, programs)
    saved_on: list[bool] = []
    original = Store.write

    def recording(self: Store, name: str, model: Any, **options: Any) -> Any:
        saved_on.append(threading.current_thread() is threading.main_thread())
        return original(self, name, model, **options)

    monkeypatch.setattr(Store, "write", recording)
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        _panel, table = await open_big_list(workspace, pilot, app, len(programs.programs))
        await pilot.press("l")
        await pilot.pause()
        table.focus()
        table.move_cursor(row=3)
        await pilot.pause()
        index = table.selected[0]
        before = programs.programs[index].status
        presses = 3
        for _ in range(presses):
            await pilot.press("s")
        await pilot.pause()
        assert len(table.rows._read) < PAGE  # no refill: the row changed in place
        following = PROGRAM_STATUSES[
            (PROGRAM_STATUSES.index(before) + presses) % len(PROGRAM_STATUSES)
        ]
        assert str(table.cells_at(3)[1]) == STAGE_LABELS[following]  # as the Apps pane says
        await app.workers.wait_for_complete()
        saved = tomllib.loads((home / "programs.toml").read_text())
        assert saved["programs"][index]["status"] == following  # the newest list won
        assert saved_on and not any(saved_on)
