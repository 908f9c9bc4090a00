"""SVG snapshots of the Profile pane with the demo profile (today pinned, no blinking cursor)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from matchtui.app import MatchApp

TODAY = dt.date(2026, 11, 23)


def make_app(workspace: Any) -> MatchApp:
    return MatchApp(workspace, first_pane="profile", today=TODAY)


async def no_focus(pilot: Any) -> None:
    # The parts below the first screen are built just after it: picture the whole form.
    await pilot.app.screen.form_built()
    # A focused Input blinks its cursor: take the picture with nothing focused.
    pilot.app.screen.set_focus(None)
    await pilot.pause()


def test_profile_80x24(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(80, 24), run_before=no_focus)


def test_profile_120x40(snap_compare: Any, workspace: Any) -> None:
    assert snap_compare(make_app(workspace), terminal_size=(120, 40), run_before=no_focus)


def test_profile_lists_120x40(snap_compare: Any, workspace: Any) -> None:
    async def scroll_to_lists(pilot: Any) -> None:
        screen = pilot.app.screen
        await screen.form_built()
        screen.query_one("#list-ties").scroll_visible(animate=False, top=True)
        await no_focus(pilot)

    assert snap_compare(make_app(workspace), terminal_size=(120, 40), run_before=scroll_to_lists)
