"""The stage prompt is a box over the Applications pane, not a modal screen: the pane stays
drawn under it, the keys stay in it until Enter or Esc, a click on the pane cancels it, and it
closes cleanly however it is answered (it once set an attribute Textual uses for its own message
loop, and vanished with its answer unread)."""

from __future__ import annotations

from typing import Any

from textual.widgets import Input

from matchtui.screens.applications import ApplicationsScreen
from matchtui.widgets.program_table import ProgramTable
from matchtui.widgets.tracker_dialogs import StagePrompt
from tests.test_applications_pane import TODAY, make_app, seed


async def _open(pilot: Any, key: str) -> StagePrompt:
    await pilot.press("down")  # Lakeshore (planned)
    await pilot.press(key)
    await pilot.pause()
    return pilot.app.screen.query_one(StagePrompt)


async def test_the_prompt_is_drawn_over_the_pane_which_stays_current(workspace: Any) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        prompt = await _open(pilot, "a")
        assert isinstance(app.screen, ApplicationsScreen)  # no screen was pushed
        assert prompt.has_focus_within
        assert app.screen.focused is prompt.query_one("#stage-date", Input)
        assert prompt.query_one("#stage-date", Input).value == TODAY.isoformat()
        # centred over the list, on a layer of the list's container
        region, main = prompt.region, app.screen.query_one("#apps-main").region
        assert region.width == 64 and region.x == main.x + (main.width - 64) // 2
        assert region.y == main.y + (main.height - region.height) // 2
        # the table is still drawn beside the box (the rows to its left show)
        table = app.screen.query_one("#apps-table", ProgramTable)
        assert table.region.x < region.x
        line = app.screen.get_widget_at(table.region.x + 2, region.y + 1)[0]
        assert line is table


async def test_enter_moves_the_program_and_focus_returns_to_the_table(workspace: Any) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await _open(pilot, "a")
        await pilot.press("enter")
        await pilot.pause()
        assert not screen.query(StagePrompt)
        assert screen.programs.programs[0].status == "applied"
        assert screen.focused is screen.query_one("#apps-table", ProgramTable)
        await pilot.press("i")  # the next key opens the next prompt at once
        await pilot.pause()
        assert len(screen.query(StagePrompt)) == 1
        await app.workers.wait_for_complete()


async def test_escape_cancels_and_a_second_stage_key_does_not_stack_prompts(
    workspace: Any,
) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        prompt = await _open(pilot, "i")
        screen.action_stage("applied")  # as a stage key would, with a prompt open
        await pilot.pause()
        assert list(screen.query(StagePrompt)) == [prompt]
        await pilot.press("escape")
        await pilot.pause()
        assert not screen.query(StagePrompt)
        assert screen.programs.programs[0].status == "planned"
        assert screen.focused is screen.query_one("#apps-table", ProgramTable)


async def test_tab_cycles_inside_the_box(workspace: Any) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        prompt = await _open(pilot, "i")  # invited: a date and a respond-by date
        date = prompt.query_one("#stage-date", Input)
        respond = prompt.query_one("#stage-respond-by", Input)
        await pilot.press("tab")
        assert app.screen.focused is respond
        await pilot.press("tab")
        assert app.screen.focused is date
        await pilot.press("shift+tab")
        assert app.screen.focused is respond
        assert prompt.is_attached


async def test_a_click_on_the_pane_cancels_the_prompt(workspace: Any) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        await _open(pilot, "a")
        table = screen.query_one("#apps-table", ProgramTable)
        await pilot.click(table, offset=(2, 2))
        await pilot.pause()
        assert not screen.query(StagePrompt)
        assert screen.programs.programs[0].status == "planned"
        assert screen.focused is table


async def test_the_box_stays_centred_when_the_terminal_is_resized(workspace: Any) -> None:
    seed(workspace)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        prompt = await _open(pilot, "a")
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        region, main = prompt.region, app.screen.query_one("#apps-main").region
        assert region.width == 64 and region.x == main.x + (main.width - 64) // 2
        assert region.y == main.y + (main.height - region.height) // 2
        await pilot.resize_terminal(60, 24)
        await pilot.pause()
        assert prompt.region.width == 57 and prompt.region.x == 1  # 95% of a narrow screen
