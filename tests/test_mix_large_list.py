"""A large program list stays responsive: the table fills in slices that yield to the event
loop and ends up complete, a status change updates one row in place, and the list is saved off
the UI thread (the newest list always wins)."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
import tomllib
from pathlib import Path
from typing import Any

from bench.programs_fixture import make_programs
from matchtui.app import MatchApp
from matchtui.models.programs import PROGRAM_STATUSES
from matchtui.store import PROGRAMS, Store
from matchtui.widgets.mix_programs import FILL_CHUNK, Filters, ProgramsPanel, visible


async def wait_for_rows(pilot: Any, table: Any, expected: int) -> None:
    for _ in range(200):
        if table.row_count == expected and not table.filling:
            return
        await pilot.pause()
    raise AssertionError(f"table has {table.row_count} rows, expected {expected}")


async def open_big_list(workspace: Any, pilot: Any, app: Any, count: int) -> tuple[Any, Any]:
    await pilot.pause()
    panel = app.screen.query_one(ProgramsPanel)
    table = panel.query_one("#programs-table")
    await wait_for_rows(pilot, table, count)
    return panel, table


async def test_big_list_fills_in_slices_and_a_new_filter_supersedes_the_old(
    workspace: Any,
) -> None:
    programs = make_programs(workspace.catalog, 10 * FILL_CHUNK + 17)
    workspace.store.save(PROGRAMS, programs)
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        panel, table = await open_big_list(workspace, pilot, app, len(programs.programs))
        panel.filters = Filters("community")
        panel._fill_table()
        assert table.row_count == FILL_CHUNK  # a screenful and more at once
        assert table.filling
        await asyncio.sleep(0)  # one turn of the event loop adds one slice, not the rest
        expected_community = visible(programs, panel.filters, workspace.catalog)
        assert table.row_count < len(expected_community)
        panel.filters = Filters("academic")
        panel._fill_table()  # supersedes the community fill mid-way
        expected = visible(programs, panel.filters, workspace.catalog)
        await wait_for_rows(pilot, table, len(expected))
        await pilot.pause()
        assert table.row_count == len(expected)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == [p.name for _, p in expected]  # in order, none from the old fill


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
    programs = make_programs(workspace.catalog, 4 * FILL_CHUNK)
    workspace.store.save(PROGRAMS, programs)
    saved_on: list[bool] = []
    original = Store.save

    def recording(self: Store, name: str, model: Any) -> Path:
        saved_on.append(threading.current_thread() is threading.main_thread())
        return original(self, name, model)

    monkeypatch.setattr(Store, "save", recording)
    app = MatchApp(workspace, first_pane="mix", today=dt.date(2026, 11, 23))
    async with app.run_test(size=(120, 40)) as pilot:
        _panel, table = await open_big_list(workspace, pilot, app, len(programs.programs))
        await pilot.press("l")
        await pilot.pause()
        table.focus()
        table.move_cursor(row=3)
        await pilot.pause()
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        index = int(key[1:])
        before = programs.programs[index].status
        presses = 3
        for _ in range(presses):
            await pilot.press("s")
        await pilot.pause()
        assert not table.filling  # no refill: the row changed in place
        assert table.row_count == len(programs.programs)
        following = PROGRAM_STATUSES[
            (PROGRAM_STATUSES.index(before) + presses) % len(PROGRAM_STATUSES)
        ]
        assert str(table.get_row(key)[-1]) == following
        await app.workers.wait_for_complete()
        saved = tomllib.loads((home / "programs.toml").read_text())
        assert saved["programs"][index]["status"] == following  # the newest list won
        assert saved_on and not any(saved_on)
