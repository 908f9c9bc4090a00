"""The Rank list's add line is drawn by a light stand-in (InputStandIn) until the applicant
reaches it: then it is the compact Input it was, in its place, with the keys typed meanwhile in
their order; before that it looks exactly as that Input, in both themes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Input

from matchtui.widgets.program_table import ProgramTable
from matchtui.widgets.text_standin import InputStandIn, field_at, real_field
from tests.conftest import SIZE_THEME_WAYS
from tests.test_profile_choices import reached  # the same wait, for any stand-in
from tests.test_ranklist_pane import make_app, programs_in, write_tracker


@pytest.mark.parametrize(("size", "theme"), SIZE_THEME_WAYS)
async def test_the_add_line_looks_exactly_as_its_input(
    workspace: Any, home: Path, size: tuple[int, int], theme: str
) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=size) as pilot:
        app.theme = theme
        await pilot.pause()
        screen: Any = app.screen
        assert not screen.query(Input)
        stand_in = screen.query_one("#rank-add", InputStandIn)
        before = app.export_screenshot()
        control = await real_field(screen, "#rank-add")
        await pilot.pause()
        assert not stand_in.is_attached and not control.has_focus
        assert control.max_length == 200 and control.placeholder == stand_in.placeholder
        assert screen.query_one("#rank-add", Input) is control
        assert app.export_screenshot() == before


async def test_a_adds_with_the_keys_typed_right_after_it(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        assert isinstance(field_at(screen, "#rank-add"), InputStandIn)
        # The keys come right after a: they reach the stand-in before it is replaced.
        await pilot.press("a", *"Omegx", "backspace", "a", "home", "X", "enter")
        await reached(pilot)
        await pilot.pause()
        assert programs_in(app)[-1] == "XOmega"
        assert screen.query_one("#rank-table", ProgramTable).has_focus
        field = screen.query_one("#rank-add", Input)
        assert field.value == ""  # emptied once added, as before
        # Enter on an empty line goes back to the list.
        await pilot.press("a", "enter")
        await pilot.pause()
        assert screen.query_one("#rank-table", ProgramTable).has_focus


async def test_a_click_on_the_add_line_puts_the_cursor_there(workspace: Any, home: Path) -> None:
    write_tracker(home)
    app = make_app(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen: Any = app.screen
        stand_in = field_at(screen, "#rank-add")
        stand_in.value = "Omega"  # as the pane can set it before it is reached
        await pilot.pause()
        await pilot.click(stand_in, offset=(2, 0))
        await reached(pilot)
        control = screen.query_one("#rank-add", Input)
        assert app.focused is control
        assert control.value == "Omega" and control.cursor_position == 2
        await pilot.press("Z")
        assert control.value == "OmZega"
