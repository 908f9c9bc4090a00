"""Keys typed before a pane is ready are neither lost nor delivered to a widget the user
cannot see, and no Save button holds the focus when a pane opens."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import Button

import matchtui.app as app_module
from matchtui.app import MatchApp
from matchtui.panes import PANES
from tests.conftest import half

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def no_gc_freeze(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_freeze_long_lived", lambda: None)


@pytest.mark.parametrize("pane", half(PANES, 0), ids=lambda p: p.id)
async def test_no_button_has_the_focus_when_a_pane_opens(workspace: Any, pane: Any) -> None:
    app = MatchApp(workspace, first_pane=pane.id, today=TODAY)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen.focused, Button), app.screen.focused


async def test_palette_keys_typed_while_loading_reach_the_palette(
    workspace: Any, home: Path
) -> None:
    app = MatchApp(workspace, first_pane="profile", today=TODAY, interactive=True)
    async with app.run_test(size=(80, 24)) as pilot:
        # No pause: the keys arrive while the data loads and the first pane is built.
        await pilot.press("ctrl+p", *"Go to Plan", "enter")
        await pilot.pause(0.3)
        await pilot.pause()
        assert app.current_mode == "plan"
    assert not (home / "profile.toml").read_text().startswith("#saved by enter")


@pytest.mark.parametrize(
    "pane", half([p for p in PANES if p.id != "reality"], 1), ids=lambda p: p.id
)
async def test_palette_keys_right_after_opening_a_pane(workspace: Any, pane: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY, interactive=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause(0.3)
        await pilot.press(pane.key, "ctrl+p", *"Go to Reality", "enter")
        await pilot.pause(0.3)
        await pilot.pause()
        assert app.current_mode == "reality"
        assert app.unsaved == set()
