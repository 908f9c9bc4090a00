"""Help on `?`, Escape closing every overlay, Save and quit, and the unsaved marker."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import HelpPanel, Input, Static

from matchtui.app import MatchApp
from matchtui.panes import PANES
from matchtui.widgets.confirm import QuitDialog
from matchtui.widgets.help import HelpScreen
from matchtui.widgets.profile_fields import real_input

TODAY = dt.date(2026, 11, 23)


def text_of(screen: Any, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


@pytest.mark.parametrize("pane", PANES, ids=lambda p: p.id)
async def test_question_mark_opens_the_panes_help(workspace: Any, pane: Any) -> None:
    app = MatchApp(workspace, first_pane=pane.id, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.screen.set_focus(None)  # a text field would take the `?` as text
        await pilot.press("question_mark")
        await pilot.pause()
        help_screen = app.screen
        assert isinstance(help_screen, HelpScreen)
        assert pane.about and text_of(help_screen, "#help-about") == pane.about
        assert text_of(help_screen, "#help-numbers") == pane.numbers
        own = text_of(help_screen, "#help-keys-global")
        assert "Export the advisor report" in own and "ctrl+q" in own
        pane_screen = app.pane_screens[pane.id]
        # the keys the pane answers to now (a fix key with nothing to fix is not listed)
        own_bindings = [
            b
            for b in pane_screen.BINDINGS
            if getattr(b, "show", True)
            and pane_screen.check_action(b.action.split("(")[0], ()) is not False  # type: ignore[union-attr]
        ]
        if own_bindings:
            keys = text_of(help_screen, "#help-keys-pane")
            for binding in own_bindings:
                assert (binding.tooltip or binding.description) in keys  # type: ignore[union-attr]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is pane_screen


async def test_help_is_in_the_palette(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="mix", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Help for this pane")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.pane.id == "mix"


async def test_escape_closes_the_keys_panel(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.action_show_help_panel()
        await pilot.pause()
        assert app.screen.query(HelpPanel)
        await pilot.press("escape")
        await pilot.pause()
        assert not app.screen.query(HelpPanel)


async def _edit_name(app: MatchApp, pilot: Any) -> None:
    name = app.screen.query_one("#f-applicant-name", Input)
    name.focus()
    await pilot.press("end", *" Jr")
    await pilot.pause()
    assert app.unsaved == {"profile"}


async def test_save_and_quit_saves_the_profile(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _edit_name(app, pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert isinstance(app.screen, QuitDialog)
        await pilot.click("#save")
        await pilot.pause()
    assert not app.is_running
    assert 'name = "Avery Lindqvist Jr"' in (home / "profile.toml").read_text()


async def test_save_and_quit_stays_when_the_save_fails(workspace: Any, home: Path) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        year = await real_input(app.screen, "#f-applicant-graduation_year")
        year.focus()
        year.value = ""
        await pilot.press(*"20x4")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        await pilot.press("s")  # Save and quit
        await pilot.pause()
        assert app.is_running
        assert app.current_mode == "profile" and app.unsaved == {"profile"}


async def test_other_panes_mark_unsaved_profile_edits(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await _edit_name(app, pilot)
        await pilot.press("f2")
        await pilot.pause(0.4)
        from matchtui.widgets.pane_bar import PaneBar

        bar = app.screen.query_one(PaneBar)
        assert [link.pane_id for link in bar.shown() if link.unsaved] == ["profile"]
        assert "F1 ●" in bar.render().plain
