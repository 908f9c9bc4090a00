"""The program list changed in one pane is the list the other panes show.

Before, the Mix pane read programs.toml once, when first built, and the Applications pane
likewise: a program added or withdrawn on F7 was missing from the Mix pane's comparison with
the target until the app was restarted, and a status change made there next was refused as a
conflict with the file the other pane had written.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from textual.widgets import Input

from matchtui.app import MatchApp
from matchtui.models.programs import Program, ProgramList
from matchtui.widgets.mix_programs import ProgramsPanel

TODAY = dt.date(2026, 11, 30)
LAKESHORE = Program(
    name="Lakeshore IM", state="WI", specialty="internal_medicine", tier="community"
)


async def test_a_program_added_on_applications_is_in_the_mix_list(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=[LAKESHORE]))
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        mix: Any = app.screen
        assert [p.name for p in mix._programs.programs] == ["Lakeshore IM"]
        await pilot.press("f7")
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        await pilot.press(*"Akron General")
        app.screen.query_one("#add-state", Input).value = "OH"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.press("f4")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is mix
        assert [p.name for p in mix._programs.programs] == ["Lakeshore IM", "Akron General"]
        # a status changed from the Mix pane's list next keeps the program added on F7 (it
        # was written over: the two panes share one record of the file as last written)
        mix.action_show_tab("tab-programs")
        await pilot.pause()
        panel = mix.query_one(ProgramsPanel)
        panel.action_cycle_status()
        await pilot.pause()
        await app.workers.wait_for_complete()
    names = sorted(p.name for p in workspace.load_programs().programs)
    assert names == ["Akron General", "Lakeshore IM"]


async def test_a_stage_changed_elsewhere_is_shown_when_applications_is_back(
    workspace: Any,
) -> None:
    workspace.save_programs(ProgramList(programs=[LAKESHORE]))
    app = MatchApp(workspace, first_pane="applications", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        apps: Any = app.screen
        await pilot.press("f4")
        await pilot.pause()
        # another window (or `matchtui programs set`) moves the program on
        moved = LAKESHORE.model_copy(update={"status": "applied", "applied_on": TODAY})
        other = type(workspace).from_options()
        other.save_programs(ProgramList(programs=[moved]))
        await pilot.press("f7")
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is apps
        assert apps.programs.programs[0].status == "applied"
        assert apps.table.cell_text(0, "stage") == "Applied"


async def test_the_mix_list_follows_a_change_made_by_another_window(workspace: Any) -> None:
    workspace.save_programs(ProgramList(programs=[LAKESHORE]))
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        mix: Any = app.screen
        await pilot.press("f2")
        await pilot.pause()
        gone = LAKESHORE.model_copy(update={"status": "withdrawn", "withdrawn_on": TODAY})
        type(workspace).from_options().save_programs(ProgramList(programs=[gone]))
        await pilot.press("f4")
        await pilot.pause()
        assert app.screen is mix
        assert mix._programs.programs[0].status == "withdrawn"


def test_a_read_of_the_records_held_already_is_no_change(workspace: Any) -> None:
    """Each pane reads the list when first built: the same validated records read again do
    not make the other panes take the list again (a rebuild of 20,000 rows)."""
    app = MatchApp(workspace, today=TODAY)
    first = ProgramList(programs=[LAKESHORE])
    version = app.programs_changed(first, read=True)
    same = ProgramList(programs=list(first.programs))
    assert app.programs_changed(same, read=True) == version
    assert app.latest_programs(version) is None
    assert app.programs_changed(same) == version + 1  # a change, even to equal records
    held = app.latest_programs(version)
    assert held is not None and held.programs == same.programs
    assert held.programs is not same.programs  # a list of its own
