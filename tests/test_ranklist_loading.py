"""The Rank list pane reads programs.toml in a worker thread in a real session, reads it again
on return only when the file changed, and draws its Criteria, Compare and SOAP tabs when they
are shown: each shows the list as it is then."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.models.programs import Program, ProgramList
from matchtui.screens.ranklist import RanklistScreen
from matchtui.store import PROGRAMS, Store
from matchtui.widgets.program_table import ProgramTable
from tests.test_ranklist_pane import TODAY, make_app, programs_in, rendered, write_tracker
from tests.test_ranklist_warm import _gc_as_before as _gc_as_before  # autouse: a real session


async def test_a_real_session_reads_the_tracker_in_a_thread_and_ignores_keys_until_then(
    workspace: Any, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_tracker(home)
    go = threading.Event()
    read = RanklistScreen._read_programs

    def slow_read(self: Any) -> Any:
        go.wait(10)  # the test looks at the pane while the thread is still reading
        return read(self)

    monkeypatch.setattr(RanklistScreen, "_read_programs", slow_read)
    app = MatchApp(workspace, first_pane="ranklist", today=TODAY, interactive=True)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert screen.reading_programs
        assert not screen.loading  # not Textual's loading cover: the summary line says so
        assert "Loading your programs" in rendered(screen.query_one("#rank-summary"))
        # keys that change the list do nothing while it is not known (nothing is saved)
        await pilot.press("s", "T", "x", "i")
        assert not screen.check_action("suggest", ())
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert programs_in(app) == [
            "Alpha Medical Center",
            "Beta Community Hospital",
            "Gamma University",
        ]
        assert screen.query_one("#rank-table", ProgramTable).row_count == 3
        assert not (home / "plan.toml").exists() or "ranklist" not in (
            home / "plan.toml"
        ).read_text(encoding="utf-8")


async def test_the_tracker_is_read_again_on_return_only_when_it_changed(
    workspace: Any, home: Path
) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        tracker = screen.tracker
        app.action_show_pane("applications")
        await pilot.pause()
        app.action_show_pane("ranklist")
        await pilot.pause()
        assert screen.tracker is tracker  # unchanged file: not read again
        store = Store(home)
        programs = store.load(PROGRAMS, ProgramList).programs
        extra = Program(
            name="Epsilon General",
            state="OH",
            specialty="internal_medicine",
            tier="community",
            status="interviewed",
        )
        store.save(PROGRAMS, ProgramList(programs=[*programs, extra]))
        app.action_show_pane("applications")
        await pilot.pause()
        app.action_show_pane("ranklist")
        await pilot.pause()
        assert screen.tracker is not tracker
        assert screen.tracker.find("Epsilon General") is not None
        assert programs_in(app)[-1] == "Epsilon General"


async def test_hidden_tabs_show_the_list_as_it_is_when_opened(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await pilot.press("J")  # Alpha down one rank, on the list tab
        await pilot.pause()
        assert programs_in(app)[:2] == ["Beta Community Hospital", "Alpha Medical Center"]
        await pilot.press("t")  # criteria: drawn now, in the new order
        await pilot.pause()
        criteria = screen.query_one("#criteria-table", ProgramTable)
        assert [criteria.cell_text(i, "program") for i in (1, 2)] == programs_in(app)[:2]
        await pilot.press("t")  # compare: B is the program under the list's cursor
        await pilot.pause()
        assert "B: Alpha Medical Center" in rendered(screen.query_one("#compare-b"))
        await pilot.press("t")  # SOAP kit
        await pilot.pause()
        assert "Delta Prelim" in rendered(screen.query_one("#soap-text"), 140)
