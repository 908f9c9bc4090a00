"""A pane screen draws its own (background) lines as blank lines, not through Textual's style
cache that each resume empties: the lines must be exactly Textual's, in both themes, and a line
filter that would change them (NO_COLOR) sends them through Textual's path."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from textual.filter import NoColor
from textual.geometry import Region
from textual.strip import Strip
from textual.widget import Widget

import matchtui.app as app_module
from matchtui.app import MatchApp
from matchtui.screens.base import PaneScreen

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(autouse=True)
def no_gc_freeze(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(app_module, "_freeze_long_lived", lambda: None)


def _segments(strips: list[Strip]) -> list[list[tuple[str, object]]]:
    return [[(segment.text, segment.style) for segment in strip] for strip in strips]


def _textuals(screen: PaneScreen, crop: Region) -> list[Strip]:
    """The screen's lines as Textual draws them (its style cache, then the app's filters)."""
    screen.refresh()  # as a resume does: the style cache is emptied
    return Widget.render_lines(screen, crop)


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_a_pane_screen_draws_textuals_own_lines(workspace: Any, theme: str) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.2)
        app.theme = theme
        await pilot.pause(0.2)
        for key in ("f2", "f4", "f1"):
            await pilot.press(key)
            await pilot.pause(0.3)
            screen = app.screen
            assert isinstance(screen, PaneScreen)
            for crop in (screen.size.region, Region(3, 5, 40, 7)):
                mine = screen.render_lines(crop)
                assert len(mine) == crop.height
                assert _segments(mine) == _segments(_textuals(screen, crop))


async def test_a_filter_that_changes_lines_sends_them_through_textual(workspace: Any) -> None:
    app = MatchApp(workspace, first_pane="reality", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        screen = app.screen
        assert isinstance(screen, PaneScreen)
        crop = screen.size.region
        coloured = _segments(screen.render_lines(crop))
        app._filters.append(NoColor())  # as NO_COLOR sets it when the app starts
        try:
            screen.refresh()
            plain = _segments(screen.render_lines(crop))
            assert plain == _segments(_textuals(screen, crop))
            assert plain != coloured
        finally:
            app._filters.pop()
