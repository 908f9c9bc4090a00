"""The Mix pane's specialty choice: drawn on the first frame by a light field (SpecialtyField)
that looks exactly as the Select it becomes, and becomes that Select just after the first frame
or as soon as the applicant reaches it (focus, a click)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest
from textual.widgets import Select

from matchtui.app import MatchApp
from matchtui.screens.mix import MixScreen
from matchtui.widgets.mix_specialty import SpecialtyField

TODAY = dt.date(2026, 11, 23)
LONG = "★ A specialty whose name is far too long for the [b]column[/b] it has"


def app_for(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="mix", today=TODAY)


def same_screen(svg: str, other: str) -> bool:
    """The same screen drawn (the SVG's id is a hash that covers the widgets' mouse data)."""
    return re.sub(r"terminal-\d+", "", svg) == re.sub(r"terminal-\d+", "", other)


@pytest.fixture
def kept_field(monkeypatch: pytest.MonkeyPatch) -> None:
    """The field stays as drawn on the first frame until the test makes it real."""

    async def later(self: MixScreen) -> None:
        return None

    monkeypatch.setattr(MixScreen, "_make_specialty_real", later)


async def test_it_becomes_the_select_just_after_the_first_frame(workspace: Any) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query(SpecialtyField)
        select = screen.query_one("#mix-specialty", Select)
        assert select.value == "internal_medicine"
        assert screen.focused is screen.query_one("#slider-apps")  # the focus stays put


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pytest.mark.parametrize("label", ["", LONG])
async def test_the_field_draws_exactly_as_the_select(
    workspace: Any, kept_field: None, theme: str, size: tuple[int, int], label: str
) -> None:
    workspace.save_settings({"theme": theme})
    app = app_for(workspace)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        field = app.screen.query_one(SpecialtyField)
        if label:  # a label that wraps (and has markup, drawn as a Select's label is)
            relabelled = [(label if v == field.value else name, v) for name, v in field.options]
            field.set_options(relabelled, field.value)
            await pilot.pause()
        before = app.export_screenshot()
        select = await field.make_real()
        await pilot.pause()
        assert select.is_mounted and select.id == "mix-specialty"
        assert not app.screen.query(SpecialtyField)
        assert same_screen(app.export_screenshot(), before)


async def test_reached_by_keys_it_becomes_the_select_focused(
    workspace: Any, kept_field: None
) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("shift+tab")  # from the first slider back to the specialty
        await pilot.pause()
        select = app.screen.query_one("#mix-specialty", Select)
        assert app.screen.focused is select
        await pilot.press("down")  # the list opens, as on a Select
        await pilot.pause()
        assert select.expanded
        await pilot.press("down", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MixScreen) and screen.result is not None
        assert screen.result.specialty == select.value != "internal_medicine"


async def test_a_click_makes_it_the_select_with_its_list_open(
    workspace: Any, kept_field: None
) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        # As a terminal sends it: the button goes down on the field, which becomes the Select
        # (opening it), and comes up on the Select (no click: another widget).
        await pilot.mouse_down(SpecialtyField)
        await pilot.pause()
        await pilot.mouse_up("#mix-specialty")
        await pilot.pause()
        select = app.screen.query_one("#mix-specialty", Select)
        assert select.expanded and select.has_focus_within


async def test_a_profile_change_before_it_is_real_reaches_it(
    workspace: Any, kept_field: None
) -> None:
    app = app_for(workspace)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        profile = app.profile
        assert profile is not None
        targets = profile.targets.model_copy(update={"specialties": ["psychiatry"]})
        app.profile = profile.model_copy(update={"targets": targets})
        await pilot.pause()
        field = app.screen.query_one(SpecialtyField)
        assert field.options[0] == ("★ Psychiatry", "psychiatry")
        select = await field.make_real()
        await pilot.pause()
        assert select.value == "internal_medicine"
        assert [label for label, _value in field.options][:1] == ["★ Psychiatry"]
