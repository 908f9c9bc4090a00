"""Moving the focus repaints what it changes and nothing else: a pane's screen no longer
repaints itself whole on each focus change (PaneScreen.focused), so every widget whose look
follows the focus must repaint on its own. After each Tab and Shift+Tab, the screen as drawn
must equal the screen drawn afresh with every widget repainted."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from matchtui.app import MatchApp
from matchtui.panes import PANES
from matchtui.screens.base import PaneScreen
from tests.conftest import half

TODAY = dt.date(2026, 11, 23)


def test_a_pane_screen_does_not_repaint_whole_when_the_focus_moves() -> None:
    assert PaneScreen.focused._repaint is False  # type: ignore[attr-defined]


@pytest.mark.parametrize("pane", half(PANES, 1), ids=lambda p: p.id)
async def test_focus_moves_leave_nothing_stale(workspace: Any, pane: Any) -> None:
    app = MatchApp(workspace, first_pane=pane.id, today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        form_built = getattr(app.screen, "form_built", None)
        if form_built is not None:  # the Profile: its form all there (the scrollbar settled)
            await form_built()
            await pilot.pause()
        for key in ["tab"] * 6 + ["shift+tab"] * 3:
            await pilot.press(key)
            await pilot.pause()
            drawn = app.export_screenshot()
            for widget in app.screen.walk_children(with_self=True):
                widget.refresh()
            await pilot.pause()
            assert app.export_screenshot() == drawn, (key, app.screen.focused)


async def test_the_check_sees_a_widget_left_stale(workspace: Any) -> None:
    """The comparison above has teeth: a widget that draws the focused widget's id but is not
    repainted when the focus moves shows the old id until something repaints it."""
    from textual.widget import Widget

    class FocusProbe(Widget):
        DEFAULT_CSS = "FocusProbe { height: 1; dock: bottom; layer: above; }"

        def render(self) -> str:
            focused = self.screen.focused
            return f"focus on {focused.id if focused is not None else None}"

    app = MatchApp(workspace, first_pane="practice", today=TODAY)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        await app.screen.mount(FocusProbe())
        await pilot.pause()
        before = app.screen.focused
        await pilot.press("tab")
        await pilot.pause()
        assert app.screen.focused is not before
        drawn = app.export_screenshot()
        for widget in app.screen.walk_children(with_self=True):
            widget.refresh()
        await pilot.pause()
        assert app.export_screenshot() != drawn
