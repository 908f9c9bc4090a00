"""The pane's title and demo bars and each list's head are one widget (BarLine) with their
buttons until the applicant reaches them: drawn as the bar and its FormButtons draw themselves;
reached (the mouse over it, Tab or shift+Tab, a click), the bar with its buttons takes its
place, and the keys, the mouse and the buttons' state are as with the bar all along."""

from __future__ import annotations

from typing import Any

import pytest

from matchtui.widgets.profile_fields import BarLine, FormButton, ListEditor, TitledBar
from tests.test_profile_choices import make_app, reached, ready
from tests.test_profile_lines import same_screen


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("revert", [False, True])
async def test_bars_draw_as_their_bars_and_buttons(
    workspace: Any, theme: str, revert: bool
) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        app.theme = theme
        screen = await ready(pilot)
        lines = [line for line in screen.query(BarLine) if line.region in screen.region]
        assert len(lines) >= 5  # title, demo, three list heads
        screen._revert.disabled = not revert  # Revert as it is after an edit (or not)
        screen._bar.refresh()
        await pilot.pause()
        before = app.export_screenshot()
        for line in lines:
            await line.make_real()
        await pilot.pause()
        assert all(not line.is_attached and isinstance(line.real, TitledBar) for line in lines)
        assert same_screen(before, app.export_screenshot())


async def test_tab_and_shift_tab_reach_its_buttons_and_enter_presses(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        screen.query_one("#f-applicant-name").focus()
        await pilot.pause()
        await pilot.press("shift+tab", "shift+tab")  # back past the form to the demo bar
        await reached(pilot)
        assert isinstance(app.focused, FormButton) and app.focused.id == "profile-new"
        await pilot.press("shift+tab")  # Revert is disabled: Save
        await reached(pilot)
        assert isinstance(app.focused, FormButton) and app.focused.id == "profile-save"
        assert isinstance(screen.query_one("#profile-bar"), TitledBar)
        # A list's head: Tab from the field before it reaches its Add; Enter adds an item.
        editor = screen.query_one("#list-targets", ListEditor)
        count = len(editor.rows())
        head = editor.query_one(BarLine)
        head.focus()
        await pilot.press("enter")  # before its button is in place: pressed once it is
        await reached(pilot)
        await pilot.pause()
        assert len(editor.rows()) == count + 1
        assert app.unsaved == {"profile"}
        assert screen.query_one("#profile-unsaved").display  # the title bar is real for it
        assert not screen.query_one("#profile-revert", FormButton).disabled


async def test_a_click_presses_and_the_mouse_makes_it_real(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        editor = screen.query_one("#list-cycles", ListEditor)
        head = editor.query_one(BarLine)
        count = len(editor.rows())
        x, width = head.places()[0]
        await pilot.click(head, offset=(x + width // 2, 0))  # the mouse was there already
        await pilot.pause()
        await head.made()
        await pilot.pause()
        assert len(editor.rows()) == count + 1
        # The mouse over a bar makes it real.
        demo = screen.query_one("#profile-demo", BarLine)
        await pilot.hover(demo, offset=(1, 0))
        await pilot.pause()
        await demo.made()
        await pilot.pause()
        assert not demo.is_attached and isinstance(screen.query_one("#profile-demo"), TitledBar)


async def test_a_full_list_head_takes_no_focus(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        editor = screen.query_one("#list-targets", ListEditor)
        head = editor.query_one(BarLine)
        assert head in screen.focus_chain
        while len(editor.rows()) < editor.max_items:
            await editor.add_item()
        await pilot.pause()
        assert head.is_attached and head.buttons[0].disabled
        assert head not in screen.focus_chain  # as its disabled Add is not


async def test_a_click_on_a_disabled_button_does_nothing(workspace: Any) -> None:
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await ready(pilot)
        name = screen.query_one("#f-applicant-name")
        name.focus()
        await pilot.pause()
        bar = screen.query_one("#profile-bar", BarLine)
        x, _ = bar.places()[0]
        assert bar.buttons[0].disabled and bar.part_at(x) is None
        await pilot.click(bar, offset=(x + 1 + bar.content_region.x - bar.region.x, 0))
        await pilot.pause()
        await bar.made()
        await pilot.pause()
        assert app.focused is name and not bar.buttons[0].has_class("-active")
        assert app.unsaved == set()
